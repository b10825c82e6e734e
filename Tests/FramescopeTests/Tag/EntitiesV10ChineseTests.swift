import Testing
@testable import Framescope

/// Round 10 (Chinese, issue 20): what stands before a firm's suffix must be a name head, not a
/// report-period or sequence word, an adverb, a Cantonese function word, a count (in Han numerals
/// or digits) or a kind of firm ending in 商. The shipped lexicons; every input was written for
/// these tests, in both scripts.
@Suite("Name heads before a firm's suffix (round 10, Chinese)")
struct EntitiesV10ChineseTests {
    @Test("time, sequence, degree and Cantonese function words start no firm's name", arguments: [
        "据公告，报告期内公司营收增长。", "據公告，報告期內公司營收增長。",
        "新一代电机会减少甚至唔用稀土。", "新一代電機會減少甚至唔用稀土。",
        "市里正围绕钢铁布局新材料。", "市裡正圍繞鋼鐵佈局新材料。",
    ])
    func noFirm(_ s: String) throws {
        #expect(try spans(s, .company).isEmpty)
    }

    @Test("a sequence word before a firm's name is cut off", arguments: [
        ("后来华峰矿业公司被收购。", ["华峰矿业公司"]),
        ("後來華峰礦業公司被收購。", ["華峰礦業公司"]),
    ])
    func sequenceWord(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .company) == expected)
    }

    @Test("a count in digits or with 哪 before a firm's word names a kind of firm", arguments: [
        "去年已与3家上市公司签约，另有２家电池企业到访。", "去年已與3家上市公司簽約，另有２家電池企業到訪。",
        "哪家钢铁公司能做到？", "哪家鋼鐵公司能做到？",
        "多家钨业公司获调研。", "多家鎢業公司獲調研。",
    ])
    func countedKinds(_ s: String) throws {
        #expect(try spans(s, .company).isEmpty)
    }

    @Test("a registered name after a count is still one firm", arguments: [
        ("去年一家名为华峰磁材有限公司的企业投产。", ["华峰磁材有限公司"]),
        ("去年一家名為華峰磁材有限公司的企業投產。", ["華峰磁材有限公司"]),
    ])
    func countedRegisteredName(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .company) == expected)
    }

    @Test("a firm's name starts after a kind of firm ending in 商, however long the words before", arguments: [
        ("德国汽车零部件制造商北岸驱动技术公司表示库存不足。", ["北岸驱动技术公司"]),
        ("德國汽車零部件製造商北岸驅動技術公司表示庫存不足。", ["北岸驅動技術公司"]),
        ("本地一家回收商永嘉环保资源有限公司开始收集。", ["永嘉环保资源有限公司"]),
        ("本地一間回收商永嘉環保資源有限公司開始收集。", ["永嘉環保資源有限公司"]),
    ])
    func afterTradeNoun(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .company) == expected)
    }

    @Test("news outlets, forums, a legislature and an army by their short Chinese names", arguments: [
        ("据中国之声报道，中青在线和中工网也转载。", ["中国之声", "中青在线", "中工网"]),
        ("據中國之聲報道，東網和連登討論區網友熱議。", ["中國之聲", "東網", "連登討論區"]),
        ("他在国会作证时说，美军库存不足。", ["国会", "美军"]),
        ("他在國會作證時說，美軍庫存不足。", ["國會", "美軍"]),
    ])
    func outletsAndBodies(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .organization) == expected)
    }

    @Test("国会 inside 中国会 is no legislature", arguments: ["问题不是中国会不会出手。", "問題不是中國會不會出手。"])
    func notLegislature(_ s: String) throws {
        #expect(try spans(s, .organization).isEmpty)
        #expect(try spans(s, .place).count == 1)
    }

    @Test("counties, mines and ports named without a designator", arguments: [
        ("矿石经日照港运往五莲县和锡矿山。", ["日照港", "五莲县", "锡矿山"]),
        ("礦石經日照港運往五蓮縣和錫礦山。", ["日照港", "五蓮縣", "錫礦山"]),
    ])
    func places(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .place) == expected)
    }

    @Test("a port area or a science city after a known place is one place with it", arguments: [
        ("天津港东疆港区与北京怀柔科学城", ["天津港东疆港区", "北京怀柔科学城"]),
        ("天津港東疆港區與北京懷柔科學城", ["天津港東疆港區", "北京懷柔科學城"]),
    ])
    func portAreasAndScienceCities(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .place) == expected)
    }

    @Test("index points after a grouped or decimal number or a price verb, and 公克", arguments: [
        ("沪指收报3,152.6点，深成指跌47点。", ["3,152.6点", "47点"], [3152.6, 47]),
        ("滬指收報3,152.6點，深成指跌47點。", ["3,152.6點", "47點"], [3152.6, 47]),
        ("每包重25公克。", ["25公克"], [25]),
    ])
    func indexPointsAndGrams(_ s: String, _ expected: [String], _ values: [Double]) throws {
        let (text, result) = try tag(s)
        let found = result.entities.filter { $0.type == .quantity }
        #expect(found.map { text.text(of: $0) } == expected)
        #expect(found.compactMap { $0.quantity?.value } == values)
    }

    @Test("a time, a count, a bit, a like and a date before 点 are no index points", arguments: [
        "会议下午3点开始，他提出三点建议，价格涨一点。", "會議下午3點開始，他提出三點建議，價格漲一點。",
        "发布于 2026-04-17 点赞 36", "發佈於 2026-04-17 點閱數 36",
    ])
    func notIndexPoints(_ s: String) throws {
        #expect(try spans(s, .quantity).isEmpty)
    }

    @Test("steel and graphite products said plainly, with their specifying adjectives", arguments: [
        ("产品包括低膨胀人造石墨和普碳方坯。", ["低膨胀人造石墨", "普碳方坯"]),
        ("產品包括低膨脹人造石墨和普碳方坯。", ["低膨脹人造石墨", "普碳方坯"]),
        ("电镀锌钢板、棒线、炉石与再生钢料均调价，离子矿供应偏紧。", ["电镀锌钢板", "棒线", "炉石", "再生钢料", "离子矿"]),
        ("電鍍鋅鋼板、棒線、爐石與再生鋼料均調價，離子礦供應偏緊。", ["電鍍鋅鋼板", "棒線", "爐石", "再生鋼料", "離子礦"]),
        ("铸造厂添加稀土硅铁合金，另采购钕铁硼速凝薄片。", ["稀土硅铁合金", "钕铁硼速凝薄片"]),
        ("鑄造廠添加稀土硅鐵合金，另採購釹鐵硼速凝薄片。", ["稀土硅鐵合金", "釹鐵硼速凝薄片"]),
    ])
    func materials(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .material) == expected)
    }

    @Test("a think tank's centre or institute is named after 智库, common nouns inside it included", arguments: [
        ("柏林智库中欧原料安全研究中心指出，北岸供应链研究所也发布报告。", ["中欧原料安全研究中心", "北岸供应链研究所"]),
        ("柏林智庫中歐原料安全研究中心指出，北岸供應鏈研究所也發布報告。", ["中歐原料安全研究中心", "北岸供應鏈研究所"]),
        ("美国智库「北岸矿产安全中心」日前发布报告。", ["北岸矿产安全中心"]),
        ("閔行區經委表示，自治區總工會也發文。", ["閔行區經委", "自治區總工會"]),
    ])
    func thinkTanksAndCommissions(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .organization) == expected)
    }

    @Test("securing a supply chain names no institute", arguments: ["必须加强供应链研究所需的投入。"])
    func supplyChainVerb(_ s: String) throws {
        #expect(try spans(s, .organization).isEmpty)
    }

    @Test("a chain of places that ends in a known zone is one place", arguments: [
        ("项目落户包头市稀土高新区。", ["包头市稀土高新区"]),
        ("項目落戶包頭市稀土高新區。", ["包頭市稀土高新區"]),
        ("白银市和白银高新区签约。", ["白银市", "白银高新区"]),
    ])
    func chainEndingInZone(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .place) == expected)
    }

    @Test("a grade number before a metal is part of it", arguments: [
        ("本周1#电解铜和2#锑锭均上涨。", ["1#电解铜", "2#锑锭"]),
        ("本週1#電解銅和2#銻錠均上漲。", ["1#電解銅", "2#銻錠"]),
    ])
    func gradeNumbers(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .material) == expected)
    }

    @Test("a short known firm cut out of a word inside a longer firm's name yields to it", arguments: [
        ("他在新疆天山钢铁集团工作。", ["新疆天山钢铁集团"]),
        ("他在新疆天山鋼鐵集團工作。", ["新疆天山鋼鐵集團"]),
    ])
    func shortKnownInsideWord(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .company) == expected)
    }

    @Test("a known firm right after a place in a longer name is still the known firm", arguments: [
        ("他在山东山钢集团工作。", ["山钢集团"]),
    ])
    func knownAfterPlace(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .company) == expected)
    }
}
