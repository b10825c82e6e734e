import Testing
@testable import Framescope

/// Round 12 (Chinese): registered names with 联合 before their legal tail end whole; clause adverbs
/// and conjunctions (则, 因, 但, …) end the clause before a name; a brand's short form with a shortened
/// industry word after another one (鑫川 + 稀土 + 新材料 → 鑫川新材); prefectures by short name + 州.
/// The shipped lexicons; every input was written for these tests, in both scripts.
@Suite("Chinese registered names, clause links and short forms (round 12)")
struct EntitiesV12ChineseTests {
    @Test("a registered name with 联合 or a bracketed 集团 before its legal tail is one firm", arguments: [
        ("在浙江宏川钢铁联合有限责任公司，新线投产。", ["浙江宏川钢铁联合有限责任公司"]),
        ("在浙江宏川鋼鐵聯合有限責任公司，新線投產。", ["浙江宏川鋼鐵聯合有限責任公司"]),
        ("江苏宏川联合特钢股份有限公司发布公告。", ["江苏宏川联合特钢股份有限公司"]),
        ("江蘇宏川聯合特鋼股份有限公司發布公告。", ["江蘇宏川聯合特鋼股份有限公司"]),
    ])
    func registeredNames(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .company) == expected)
    }

    @Test("联合 as a verb names no firm", arguments: ["双方联合组建新公司。", "雙方聯合組建新公司。"])
    func jointlyIsNoName(_ s: String) throws {
        #expect(try spans(s, .company).isEmpty)
    }

    @Test("a clause adverb or conjunction before a known body ends the name there", arguments: [
        ("不锈钢大厂宏联则因伦敦金属交易所镍价回升而调价。", ["伦敦金属交易所"]),
        ("不銹鋼大廠宏聯則因倫敦金屬交易所鎳價回升而調價。", ["倫敦金屬交易所"]),
    ])
    func clauseLinks(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .organization) == expected)
    }

    @Test("a brand with a shortened industry word after another one is the firm's short form", arguments: [
        ("赣州鑫川稀土新材料股份有限公司投产。鑫川新材总经理表示，订单充足。", ["赣州鑫川稀土新材料股份有限公司", "鑫川新材"]),
        ("贛州鑫川稀土新材料股份有限公司投產。鑫川新材總經理表示，訂單充足。", ["贛州鑫川稀土新材料股份有限公司", "鑫川新材"]),
    ])
    func shortForms(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .company) == expected)
    }

    @Test("prefectures by their short name with 州, districts and regions", arguments: [
        ("甘孜州和阿坝州的锂矿资源丰富。", ["甘孜州", "阿坝州"]),
        ("甘孜州和阿壩州的鋰礦資源豐富。", ["甘孜州", "阿壩州"]),
        ("曹妃甸区的钢厂向中亚出口。", ["曹妃甸区", "中亚"]),
        ("曹妃甸區的鋼廠向中亞出口。", ["曹妃甸區", "中亞"]),
    ])
    func places(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .place) == expected)
    }

    @Test("Shougang Jingtang by its registered and short names", arguments: [
        ("首钢京唐钢铁联合有限责任公司扩产，首钢京唐表示。", ["首钢京唐钢铁联合有限责任公司", "首钢京唐"]),
        ("首鋼京唐鋼鐵聯合有限責任公司擴產，首鋼京唐表示。", ["首鋼京唐鋼鐵聯合有限責任公司", "首鋼京唐"]),
    ])
    func shougangJingtang(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .company) == expected)
    }
}

@Suite("Chinese firms named by region and a metal's trade (round 12)")
struct EntitiesV12RegionTradeTests {
    @Test("a firm named by its region and a metal's trade is called by both, never by the trade alone", arguments: [
        ("赣南钨业科技股份有限公司投产。此后，赣南钨业与高校合作，钨业整体回暖。", ["赣南钨业科技股份有限公司", "赣南钨业"]),
        ("贛南鎢業科技股份有限公司投產。此後，贛南鎢業與高校合作，鎢業整體回暖。", ["贛南鎢業科技股份有限公司", "贛南鎢業"]),
    ])
    func regionTrade(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .company) == expected)
    }
}

@Suite("Chinese names after a describing common word (round 12)")
struct EntitiesV12DescribedTests {
    @Test("a known firm after a common word starts the registered name", arguments: [
        ("中国磁材龙头金力永磁科技股份有限公司发布公告。", "金力永磁科技股份有限公司"),
        ("中國磁材龍頭金力永磁科技股份有限公司發布公告。", "金力永磁科技股份有限公司"),
    ])
    func described(_ s: String, _ expected: String) throws {
        #expect(try spans(s, .company) == [expected])
    }
}
