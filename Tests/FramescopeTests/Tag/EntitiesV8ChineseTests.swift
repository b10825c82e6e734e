import Testing
@testable import Framescope

/// Round 8 (Chinese): a known place written with the designator the lexicon lists it without, a
/// city with its district, longer zone names, locatives and membership words before a firm, verbs
/// of holding and reviving before a material, and 毛坯 as a product form. The shipped lexicons;
/// every input was written for these tests, in both scripts.
@Suite("Designators, districts and name starts (round 8, Chinese)")
struct EntitiesV8ChineseTests {
    @Test("a known place keeps the designator written after it, with its lexicon id", arguments: [
        ("今年呼伦贝尔市和鄂尔多斯市新增风电装机。", ["呼伦贝尔市", "鄂尔多斯市"]),
        ("今年呼倫貝爾市和鄂爾多斯市新增風電裝機。", ["呼倫貝爾市", "鄂爾多斯市"]),
        ("工厂设在泰国罗勇府。", ["泰国", "罗勇府"]),
        ("工廠設在泰國羅勇府。", ["泰國", "羅勇府"]),
    ])
    func designators(_ s: String, _ expected: [String]) throws {
        let (text, result) = try tag(s)
        let places = result.entities.filter { $0.type == .place }
        #expect(places.map { text.text(of: $0) } == expected)
        #expect(places.allSatisfy { $0.id?.hasPrefix("place:") == true }, "\(places.map(\.id))")
    }

    // Country + 政府 is the government, an organization (EntitiesV9NamesTests); 县域 tests 县 here.
    @Test("a designator that starts a word is none (市场, 县域, 区域)", arguments: [
        "中国市场需求旺盛，日本县域经济放缓，美国区域经理到访。",
        "中國市場需求旺盛，日本縣域經濟放緩，美國區域經理到訪。",
    ])
    func designatorWords(_ s: String) throws {
        let found = try spans(s, .place)
        #expect(found.count == 3 && found.allSatisfy { $0.count == 2 }, "\(found)")
    }

    @Test("a city takes its district of two characters; a zone name may run to five characters", arguments: [
        ("会议在桃园市芦竹区举行，乌海市低碳硅材料产业园也派员出席。", ["桃园市芦竹区", "乌海市低碳硅材料产业园"]),
        ("會議在桃園市蘆竹區舉行，烏海市低碳矽材料產業園也派員出席。", ["桃園市蘆竹區", "烏海市低碳矽材料產業園"]),
    ])
    func districtsAndZones(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .place) == expected)
    }

    @Test("touching known places without a zone after them stay apart", arguments: [
        ("代表团走访江西赣州和浙江宁波。", ["江西", "赣州", "浙江", "宁波"]),
        ("代表團走訪江西贛州和浙江寧波。", ["江西", "贛州", "浙江", "寧波"]),
    ])
    func touchingPlaces(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .place) == expected)
    }

    @Test("a locative or a membership word starts no firm's name", arguments: [
        ("园区内华峰磁材有限公司投产，会员厂商永盛电机股份有限公司出席。", ["华峰磁材有限公司", "永盛电机股份有限公司"]),
        ("園區內華峰磁材有限公司投產，會員廠商永盛電機股份有限公司出席。", ["華峰磁材有限公司", "永盛電機股份有限公司"]),
        ("市内华峰磁材有限公司扩产。", ["华峰磁材有限公司"]),
        ("市內華峰磁材有限公司擴產。", ["華峰磁材有限公司"]),
    ])
    func nameStarts(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .company) == expected)
    }

    @Test("holding or reviving a material names no firm", arguments: [
        "日本握有稀土技术，美国想重振稀土产业。",
        "日本握有稀土技術，美國想重振稀土產業。",
    ])
    func verbsBeforeMaterial(_ s: String) throws {
        #expect(try spans(s, .company).isEmpty)
        #expect(try spans(s, .material).count == 2)
    }

    @Test("毛坯 after a material is its product form", arguments: [
        ("公司今年生产钕铁硼毛坯8000吨。", "钕铁硼毛坯"),
        ("公司今年生產釹鐵硼毛坯8000噸。", "釹鐵硼毛坯"),
    ])
    func blanks(_ s: String, _ expected: String) throws {
        #expect(try spans(s, .material) == [expected])
    }

    @Test("a level before a provincial or city department names that body, with the department's id", arguments: [
        ("自治区工业和信息化厅发布通知，省科技厅和市统计局联合调研。", ["自治区工业和信息化厅", "省科技厅", "市统计局"]),
        ("自治區工業和信息化廳發布通知，省科技廳和市統計局聯合調研。", ["自治區工業和信息化廳", "省科技廳", "市統計局"]),
    ])
    func departments(_ s: String, _ expected: [String]) throws {
        let (text, result) = try tag(s)
        let bodies = result.entities.filter { $0.type == .organization }
        #expect(bodies.map { text.text(of: $0) } == expected)
        #expect(bodies.first?.id == "org:local-industry-department")
    }

    @Test("钢铁 before another material is a list, not its grade", arguments: [
        ("钢铁稀土产业协同发展，稀土耐磨钢用于矿山。", ["钢铁", "稀土", "稀土耐磨钢"]),
        ("鋼鐵稀土產業協同發展，稀土耐磨鋼用於礦山。", ["鋼鐵", "稀土", "稀土耐磨鋼"]),
    ])
    func steelBeforeMaterial(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .material) == expected)
    }

    @Test("a channel named by its programme is an outlet; a language before a site's head starts no name", arguments: [
        ("东岸财经台记者报道，英文财经网转载了消息。", ["东岸财经台"]),
        ("東岸財經台記者報道，英文財經網轉載了消息。", ["東岸財經台"]),
    ])
    func channels(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .organization) == expected)
    }

    @Test("a trade grade or a use before a material is one material with it", arguments: [
        ("澳洲主焦煤价格上涨，营建用钢需求疲弱。", ["主焦煤", "营建用钢"]),
        ("澳洲主焦煤價格上漲，營建用鋼需求疲弱。", ["主焦煤", "營建用鋼"]),
    ])
    func gradesAndUses(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .material) == expected)
    }
}
