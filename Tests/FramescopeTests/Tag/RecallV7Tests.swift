import Testing
@testable import Framescope

/// ent-v7: materials in product forms and grades (锑锭, 光学级锗单晶, "dysprosium-bearing magnets"),
/// registered names of Indonesian and Thai firms, known firms with their company word, a place and
/// a level before a known body in English and Chinese, units named after the body they start with,
/// and a pinyin gloss after a name. The shipped lexicons; every input was written for these tests.
@Suite("Product forms, legal forms, levels and units (ent-v7)")
struct RecallV7Tests {
    @Test("a Han material and its product form are one material, in both scripts", arguments: [
        ("冶炼厂去年生产锑锭1.2万吨，锑品出口下降。", ["锑锭", "锑品"]),
        ("冶煉廠去年生產銻錠1.2萬噸，銻品出口下降。", ["銻錠", "銻品"]),
        ("公司主营锗单晶和砷化镓晶圆，钨丝产量增加。", ["锗单晶", "砷化镓晶圆", "钨丝"]),
        ("公司主營鍺單晶和砷化鎵晶圓，鎢絲產量增加。", ["鍺單晶", "砷化鎵晶圓", "鎢絲"]),
    ])
    func productForms(_ s: String, _ expected: [String]) throws {
        let found = try spans(s, .material)
        for m in expected { #expect(found.contains(m), "\(found)") }
    }

    @Test("a form that starts another word is no product form (品种, 粉丝, 矿山, 品位)")
    func formsInsideWords() throws {
        let found = try spans("稀土品种繁多，稀土粉丝很多，钨矿山复产，锑品位下降。", .material)
        #expect(found == ["稀土", "稀土", "钨", "锑"], "\(found)")
    }

    @Test("grades before a material belong to it", arguments: [
        ("粗镓和金属镓由母公司供应，光学级锗单晶出口。", ["粗镓", "金属镓", "光学级锗单晶"]),
        ("粗鎵和金屬鎵由母公司供應，光學級鍺單晶出口。", ["粗鎵", "金屬鎵", "光學級鍺單晶"]),
        ("The plant makes electrolytic tinplate and motor magnets.", ["electrolytic tinplate", "motor magnets"]),
    ])
    func grades(_ s: String, _ expected: [String]) throws {
        let found = try spans(s, .material)
        for m in expected { #expect(found.contains(m), "\(found)") }
    }

    @Test("two single elements side by side are two materials", arguments: ["镓锗出口受限。", "鎵鍺出口受限。"])
    func elementList(_ s: String) throws {
        #expect(try spans(s, .material).count == 2)
    }

    @Test("a hyphenated word of content joins two materials; ordinary hyphenated words do not")
    func hyphenatedCompounds() throws {
        let found = try spans("Orders for dysprosium-bearing magnets and cerium-rich magnets rose; tin-free steel followed.", .material)
        #expect(found == ["dysprosium-bearing magnets", "cerium-rich magnets", "tin-free steel"], "\(found)")
        #expect(try spans("The tariff-free steel deal failed.", .material) == ["steel"])
    }

    @Test("compounds, ores and steel by use are materials", arguments: [
        ("三氧化二锑价格上涨，仲钨酸铵和黑钨精矿走弱，铁路用钢需求稳定。", ["三氧化二锑", "仲钨酸铵", "黑钨精矿", "铁路用钢"]),
        ("三氧化二銻價格上漲，仲鎢酸銨和黑鎢精礦走弱，鐵路用鋼需求穩定。", ["三氧化二銻", "仲鎢酸銨", "黑鎢精礦", "鐵路用鋼"]),
        ("The deposit grades 2.1% total rare earth oxide; graphite anode output rose.", ["total rare earth oxide", "graphite anode"]),
    ])
    func compounds(_ s: String, _ expected: [String]) throws {
        let found = try spans(s, .material)
        for m in expected { #expect(found.contains(m), "\(found)") }
    }

    @Test("class words are no material", arguments: ["有色金属板块上涨，小金属走弱。", "有色金屬板塊上漲。", "Nonferrous metals rose."])
    func classWords(_ s: String) throws {
        #expect(try spans(s, .material).isEmpty)
    }

    @Test("a pinyin gloss after a name's last character is in its span")
    func trailingGloss() throws {
        let found = try spans("该地稀(xī)土和镝(dī)、铽(tè)储量丰富。", .material)
        #expect(found == ["稀(xī)土", "镝(dī)", "铽(tè)"], "\(found)")
    }

    @Test("PT names are whole, and their brand's first words are a short form after them")
    func indonesianNames() throws {
        let firms = try spans("PT Cilegon Lapis Baja exported tinplate. Cilegon Lapis ships coil to Perth.", .company)
        #expect(firms == ["PT Cilegon Lapis Baja", "Cilegon Lapis"], "\(firms)")
        #expect(try spans("Exports rose, PT Timah Tbk said. The PT scores were high.", .company) == ["PT Timah Tbk"])
    }

    @Test("a demonym before a full legal tail is part of the name; before a bare suffix it is not")
    func demonymInRegisteredName() throws {
        let firms = try spans("Thai Kanokwan Tinplate Public Company Limited filed a response.", .company)
        #expect(firms == ["Thai Kanokwan Tinplate Public Company Limited"], "\(firms)")
    }

    @Test("a spaced dash is no part of a registered name")
    func datelineDash() throws {
        #expect(try spans("WINDHOEK – Kunene Rare Metals (Pty) Ltd signed a deal.", .company) == ["Kunene Rare Metals (Pty) Ltd"])
    }

    @Test("a known English firm keeps its company word and legal tail", arguments: [
        ("The book covers Baotou Iron and Steel Company in the 1960s.", "Baotou Iron and Steel Company"),
        ("Baotou Iron and Steel Co., Ltd. signed.", "Baotou Iron and Steel Co., Ltd."),
        ("It bought from Baotou Iron and Steel Co. The firm grew.", "Baotou Iron and Steel Co"),
    ])
    func knownFirmWithCompanyWord(_ s: String, _ name: String) throws {
        #expect(try spans(s, .company) == [name])
    }

    @Test("legal words and rating agencies of the region", arguments: [
        ("Halvor Magnetics OÜ supplies magnets.", "Halvor Magnetics OÜ"),
        ("The loan was rated by Calder Rowe Ratings.", "Calder Rowe Ratings"),
        ("The loan came from Bank of Hebei last year.", "Bank of Hebei"),
    ])
    func legalWords(_ s: String, _ name: String) throws {
        #expect(try spans(s, .company).contains(name))
    }

    @Test("a place and a level before a known body are one body in English")
    func englishLevels() throws {
        let s = "The Tangshan Municipal State-owned Assets Supervision and Administration Commission owns it. Tangshan SASAC said so."
        let bodies = try spans(s, .organization)
        #expect(bodies == ["Tangshan Municipal State-owned Assets Supervision and Administration Commission", "Tangshan SASAC"], "\(bodies)")
        #expect(try spans(s, .place).isEmpty)
    }

    @Test("hyphenated capitalised words stay in a body's name")
    func hyphenatedBody() throws {
        #expect(try spans("The Anti-Dumping Commission found dumping.", .organization) == ["Anti-Dumping Commission"])
    }

    @Test("a level designator before a local body's short name is one body, in both scripts", arguments: [
        ("市工信局表示，区发改委和县融媒体中心参加会议。县志办编纂了县志。", ["市工信局", "区发改委", "县融媒体中心", "县志办"]),
        ("市工信局表示，區發改委和縣融媒體中心參加會議。縣志辦編纂了縣志。", ["市工信局", "區發改委", "縣融媒體中心", "縣志辦"]),
    ])
    func levelBodies(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .organization) == expected)
    }

    @Test("a scope word or 地 before 区 makes no level")
    func noLevel() throws {
        #expect(try spans("地区发改委表示，各区发改委照办。", .organization) == ["发改委", "发改委"])
    }

    @Test("a unit named after the body or firm it starts with is kept whole, as an organization", arguments: [
        ("中共包头市委党校教授撰文。", "中共包头市委党校"),
        ("內蒙古科技大學圖書館收藏了手稿。", "內蒙古科技大學圖書館"),
        ("包頭鋼鐵研究所成立於1963年。", "包頭鋼鐵研究所"),
    ])
    func units(_ s: String, _ name: String) throws {
        #expect(try spans(s, .organization) == [name])
        #expect(try spans(s, .company).isEmpty)
    }

    @Test("media brands of known broadcasters and papers", arguments: [
        ("本文来自央视财经，央视网转载。", ["央视财经", "央视网"]),
        ("人民日報海外版刊發報道。", ["人民日報海外版"]),
    ])
    func mediaBrands(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .organization) == expected)
    }

    @Test("a short form in brackets with a listing code after it, or wrapped over a line, in both scripts", arguments: [
        ("在港上市的南岭稀土材料控股有限公司（南岭稀材，股份代号：8）公布业绩。南岭稀材股价上升。", "南岭稀材"),
        ("在港上市的南嶺稀土材料控股有限公司（南嶺稀材，股份代號：8）公佈業績。南嶺稀材股價上升。", "南嶺稀材"),
        ("代表来自云南澜沧锗材料科技股份有限公司（以下\n简称“澜沧锗材”）。澜沧锗材扩产。", "澜沧锗材"),
        ("这里是广西右江镓业有限公司（下称“右江镓业\n”）。右江镓业总经理说。", "右江镓业"),
    ])
    func bracketedForms(_ s: String, _ form: String) throws {
        let firms = try spans(s, .company)
        #expect(firms.filter { $0 == form }.count == 2, "\(firms)")
        #expect(!firms.contains(String(form.prefix(2))), "\(firms)")
    }

    @Test("after a count, a place and common words describe a kind of firm; alone they may name one")
    func countedDescriptions() throws {
        #expect(try spans("一家上海贸易公司买入了锑锭。", .company).isEmpty)
        #expect(try spans("中國鋼鐵公司公布盤價。", .company) == ["中國鋼鐵公司"])
    }

    @Test("a title-case material inside a longer capitalised name is no material; in a headline it is", arguments: [
        ("MEPs debated the Critical Raw Materials Act on Tuesday.", [String]()),
        ("Visitors stay at the Steel City Hotel near the park.", [String]()),
        ("China Tightens Rare Earth Export Rules", ["Rare Earth"]),
        ("Prices of rare earth oxides rose.", ["rare earth oxides"]),
    ])
    func titleCaseMaterials(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .material) == expected)
    }

    @Test("Japanese papers, museums and European Parliament groups are organizations", arguments: [
        ("The Chubu Shimbun reported the deal.", "Chubu Shimbun"),
        ("We visited the Baotou Rare Earth Museum in the morning.", "Baotou Rare Earth Museum"),
        ("The S&D Group and Renew Europe backed the text.", "S&D Group"),
    ])
    func bodies(_ s: String, _ name: String) throws {
        #expect(try spans(s, .organization).contains(name))
    }
}
