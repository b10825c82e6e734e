import Testing
@testable import Framescope

/// Round 11 (Chinese): firms and bodies of Taiwan, Hong Kong, Japan and the mainland battery and
/// chemical trade by the names their press uses; 中国大陆 before a ministry stays a place; short
/// names ending in 装 or 经 are no names inside longer words. The shipped lexicons; every input
/// was written for these tests, in both scripts.
@Suite("Chinese firms, outlets and bodies (round 11)")
struct EntitiesV11ChineseTests {
    @Test("firms by their Chinese names and listed short forms", arguments: [
        ("电装与丰田合作开发电机。", ["电装", "丰田"]),
        ("電裝與豐田合作開發電機。", ["電裝", "豐田"]),
        ("光阳工业与中华电信签约。", ["光阳工业", "中华电信"]),
        ("光陽工業與中華電信簽約。", ["光陽工業", "中華電信"]),
        ("川恒股份和云天化均上涨。", ["川恒股份", "云天化"]),
        ("川恒股份和雲天化均上漲。", ["川恒股份", "雲天化"]),
        ("国泰期货认为铁矿石偏弱。", ["国泰期货"]),
        ("國泰期貨認為鐵礦石偏弱。", ["國泰期貨"]),
    ])
    func firms(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .company) == expected)
    }

    @Test("outlets' sites and apps, and bodies by their short names", arguments: [
        ("据长江网报道，执委会将公布名单。", ["长江网", "执委会"]),
        ("據長江網報道，執委會將公佈名單。", ["長江網", "執委會"]),
        ("明报财经引述经济部统计处数据。", ["明报财经", "经济部统计处"]),
        ("明報財經引述經濟部統計處數據。", ["明報財經", "經濟部統計處"]),
    ])
    func bodies(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .organization) == expected)
    }

    @Test("中国大陆 before a ministry is a place of its own", arguments: [
        "中国大陆商务部宣布出口管制。", "中國大陸商務部宣布出口管制。",
    ])
    func mainlandBeforeMinistry(_ s: String) throws {
        #expect(try spans(s, .place) == [String(s.prefix(4))])
        #expect(try spans(s, .organization) == [String(s.dropFirst(4).prefix(3))])
    }

    @Test("a country before a firm's name stays a place", arguments: [
        ("日本电装扩产。", ["电装"]), ("日本電裝擴產。", ["電裝"]),
    ])
    func countryBeforeFirm(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .company) == expected)
        #expect(try spans(s, .place) == [String(s.prefix(2))])
    }

    @Test("short names ending in 装 or 经 inside longer words are no names", arguments: [
        "该厂机电装备和发电装机容量提升，每经过一道工序都要检测。",
        "該廠機電裝備和發電裝機容量提升，每經過一道工序都要檢測。",
    ])
    func insideWords(_ s: String) throws {
        #expect(try spans(s, .company).isEmpty)
        #expect(try spans(s, .organization).isEmpty)
    }

    @Test("daily output, port-rail transport and rising prices name no firm", arguments: [
        "钢厂日产量提高，港铁联运量增长和黄金价格上涨。",
        "鋼廠日產量提高，港鐵聯運量增長和黃金價格上漲。",
    ])
    func commonWords(_ s: String) throws {
        #expect(try spans(s, .company).isEmpty)
    }

    @Test("Taichung without 市, but not 台 of 平台, 舞台 or 一台", arguments: [
        ("位於台中的廠商與台中港業者座談。", ["台中", "台中港"]),
        ("位于台中的厂商与台中港业者座谈。", ["台中", "台中港"]),
        ("在平台中发布，舞台中央，一台中型机器。", [String]()),
        ("在平台中發布，舞台中央，一台中型機器。", [String]()),
    ])
    func taichung(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .place) == expected)
    }

    @Test("a port's name, but not before 港口", arguments: [
        ("青岛港铁矿石库存下降。", ["青岛港"]), ("青島港鐵礦石庫存下降。", ["青島港"]),
        ("青岛港口吞吐量上升。", ["青岛"]), ("青島港口吞吐量上升。", ["青島"]),
    ])
    func ports(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .place) == expected)
    }

    @Test("a zone after another known place is that place's zone", arguments: [
        ("记者从唐山港集团曹妃甸港区获悉。", "唐山港集团", "曹妃甸港区"),
        ("記者從唐山港集團曹妃甸港區獲悉。", "唐山港集團", "曹妃甸港區"),
    ])
    func zoneOwner(_ s: String, _ firm: String, _ zone: String) throws {
        #expect(try spans(s, .company) == [firm])
        #expect(try spans(s, .place) == [zone])
    }
}
