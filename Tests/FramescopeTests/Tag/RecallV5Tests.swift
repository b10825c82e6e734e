import Foundation
import Testing
@testable import Framescope

/// Sector words before a firm's suffix (ent-v5): a head made only of industry, sector or ownership
/// words and quantifiers (证券公司, 新能源汽车公司, 跨国公司, 个别公司, 上述公司) is a kind of firm, not a
/// name; a proper word or a place before them still makes one, and an organization's name may start
/// with one (冶金工业规划研究院). A small entity lexicon written here and the shipped `patterns.tsv`.
@Suite("Sector words and quantifiers before a suffix")
struct SectorWordTests {
    static let entities = """
        id\ttype\tcanonical\tsurface\tlang
        place:china\tplace\tChina\t中国\tzh
        place:korea\tplace\tSouth Korea\t韩国\tzh
        place:jiangxi\tplace\tJiangxi\t江西\tzh
        place:japan\tplace\tJapan\t日本\tzh
        place:mongolia\tplace\tMongolia\t蒙古国\tzh

        """

    static let lexicons = TemporaryLexicons.withShippedPatterns(entities: entities)

    func names(_ s: String) throws -> [String] {
        let (text, result) = try tag(s, lexicons: Self.lexicons)
        return result.entities.filter { $0.type == .company || $0.type == .organization }.map { text.text(of: $0) }
    }

    @Test("sector words and quantifiers are loaded from patterns.tsv")
    func loaded() {
        let sectors = Self.lexicons.patterns.chinese[.sectorWord] ?? []
        #expect(sectors.contains(Array("证券".unicodeScalars.map(\.value))))
        #expect(sectors.contains(Array("跨国".unicodeScalars.map(\.value))))
        let generic = Self.lexicons.patterns.chinese[.genericWord] ?? []
        #expect(generic.contains(Array("上述".unicodeScalars.map(\.value))))
        // Sector words are no generic words: an organization's name may start with one.
        #expect(!generic.contains(Array("冶金".unicodeScalars.map(\.value))))
    }

    @Test("a kind of firm is no name, in both scripts", arguments: [
        "多家证券公司上调评级。", "新能源汽车公司销量大增。", "跨国公司加快布局。", "中资公司在当地投资。",
        "航运公司上调运价。", "半导体公司扩产。", "锂电池公司订单饱满。", "保险公司理赔。", "军工集团交付订单。",
        "个别公司违规。", "少数集团获利。", "上述公司均表示，", "下列公司名单", "一些外国公司撤出。", "诸多企业观望。",
        "多家證券公司上調評級。", "新能源汽車公司銷量大增。", "跨國公司加快佈局。", "美資公司撤出。", "半導體公司擴產。",
        "個別公司違規。", "少數集團獲利。", "上述公司均表示，",
    ])
    func kindsOfFirm(_ s: String) throws {
        #expect(try names(s) == [], "\(s)")
    }

    @Test("a proper word or a place before sector words is still a firm's name", arguments: [
        ("吉利汽车公司宣布降价。", ["吉利汽车公司"]),
        ("华鑫证券公司指出，", ["华鑫证券公司"]),
        ("江西锦程航运公司成立。", ["江西锦程航运公司"]),
        ("華鑫證券公司指出，", ["華鑫證券公司"]),
        ("長城汽車股份有限公司表示，", ["長城汽車股份有限公司"]),
    ])
    func firmNames(_ s: String, _ expected: [String]) throws {
        #expect(try names(s) == expected, "\(s)")
    }

    @Test("an organization's name may start with a sector word", arguments: [
        ("冶金工业规划研究院指出，", ["冶金工业规划研究院"]),
        ("电子科技大学团队研制成功。", ["电子科技大学"]),
        ("冶金工業規劃研究院指出，", ["冶金工業規劃研究院"]),
    ])
    func bodyNames(_ s: String, _ expected: [String]) throws {
        #expect(try names(s) == expected, "\(s)")
    }

    @Test("time words and quantifying adjectives start no English name", arguments: [
        "Last Year Company profits rose.", "Biggest Steel Group shares fell.", "Various Mining Group units were sold.",
    ])
    func englishClauseWords(_ s: String) throws {
        #expect(try names(s) == [], "\(s)")
    }

    @Test("a short unknown name before a weak suffix is still a firm")
    func englishFirm() throws {
        #expect(try names("Output at Kestrel Steel rose last year.") == ["Kestrel Steel"])
    }

    @Test("legislatures, councils and cabinets after a place or a name are bodies, in both scripts", arguments: [
        ("蒙古国议会通过法案。", ["蒙古国议会"]), ("国际锂理事会发布报告。", ["国际锂理事会"]), ("日本内阁通过预算。", ["日本内阁"]),
        ("蒙古國議會通過法案。", ["蒙古國議會"]), ("日本內閣通過預算。", ["日本內閣"]),
    ])
    func legislatures(_ s: String, _ expected: [String]) throws {
        #expect(try names(s) == expected, "\(s)")
    }

    @Test("a determiner, 'many countries' or a bare use before them makes no body", arguments: [
        "该议会表示反对。", "議會選舉將於明年舉行。", "多国议会通过决议。", "国会议员表示，", "理事会成员投票。",
    ])
    func noLegislature(_ s: String) throws {
        #expect(try names(s) == [], "\(s)")
    }

    @Test("a place and an industry word before a full 公司 stay a name (中國鋼鐵公司)")
    func placeAndIndustry() throws {
        #expect(try names("中國鋼鐵公司宣布調降盤價。") == ["中國鋼鐵公司"])
    }
}

/// A sample of the ent-v5 lexicon rows per family, found in context with the shipped lexicons, and
/// the collisions their notes name.
@Suite("Lexicon recall v5")
struct LexiconRecallV5Tests {
    typealias Case = LexiconCase

    static let cases: [Case] = [
        // Government bodies.
        Case(sentence: "The deal was cleared by CFIUS last month.", surface: "CFIUS", type: .organization, id: "org:cfius"),
        Case(sentence: "該交易須經美國外國投資委員會審查。", surface: "美國外國投資委員會", type: .organization, id: "org:cfius"),
        Case(sentence: "Researchers at LLNL tested the alloy.", surface: "LLNL", type: .organization, id: "org:llnl"),
        Case(sentence: "The Department for Energy Security and Net Zero published a plan.",
             surface: "Department for Energy Security and Net Zero", type: .organization, id: "org:uk-desnz"),
        Case(sentence: "KfW will lend to the refinery.", surface: "KfW", type: .company, id: "company:kfw"),
        Case(sentence: "JICA funds a survey in Malawi.", surface: "JICA", type: .organization, id: "org:jica"),
        Case(sentence: "中國證券監督管理委員會核准上市。", surface: "中國證券監督管理委員會", type: .organization, id: "org:csrc"),
        Case(sentence: "國家外匯管理局稱，外匯局將加強監測。", surface: "外匯局", type: .organization, id: "org:safe"),
        // International bodies, universities and institutes.
        Case(sentence: "The Global Forum on Steel Excess Capacity met in Paris.", surface: "Global Forum on Steel Excess Capacity",
             type: .organization, id: "org:gfsec"),
        Case(sentence: "世界海關組織更新了商品編碼。", surface: "世界海關組織", type: .organization, id: "org:wco"),
        Case(sentence: "北京工业大学团队研制出新型磁体。", surface: "北京工业大学", type: .organization, id: "org:bjut"),
        Case(sentence: "据中国信通院统计，", surface: "中国信通院", type: .organization, id: "org:caict"),
        // Media and data outlets.
        Case(sentence: "据同花顺数据，稀土板块上涨。", surface: "同花顺", type: .organization, id: "org:10jqka"),
        Case(sentence: "據鏡週刊報導，", surface: "鏡週刊", type: .organization, id: "org:mirror-media"),
        Case(sentence: "An analyst wrote on Seeking Alpha that prices had peaked.", surface: "Seeking Alpha", type: .organization,
             id: "org:seeking-alpha"),
        Case(sentence: "Kallanish reported lower billet offers.", surface: "Kallanish", type: .organization, id: "org:kallanish"),
        // Companies: carmakers, banks and brokers, shipping lines.
        Case(sentence: "Toyota Motor Corporation will buy more magnets.", surface: "Toyota Motor Corporation", type: .company,
             id: "company:toyota"),
        Case(sentence: "比亞迪股份有限公司公告稱，", surface: "比亞迪股份有限公司", type: .company, id: "company:byd"),
        Case(sentence: "國泰金控看好鋼價回升。", surface: "國泰金控", type: .company, id: "company:cathay-fhc"),
        Case(sentence: "方正证券认为稀土价格见底。", surface: "方正证券", type: .company, id: "company:founder-sec"),
        Case(sentence: "庄信万丰出售电池材料业务。", surface: "庄信万丰", type: .company, id: "company:johnson-matthey"),
        Case(sentence: "Hapag-Lloyd added a surcharge.", surface: "Hapag-Lloyd", type: .company, id: "company:hapag"),
        Case(sentence: "長榮海運調升運價。", surface: "長榮海運", type: .company, id: "company:evergreen"),
        Case(sentence: "马士基暂停红海航线。", surface: "马士基", type: .company, id: "company:maersk"),
        Case(sentence: "Wan Hai Lines ordered new ships.", surface: "Wan Hai Lines", type: .company, id: "company:wan-hai"),
    ]

    @Test("a sample of each family is found in context, in both scripts", arguments: cases)
    func found(_ c: Case) throws {
        try c.check()
    }

    @Test("the short forms left out stay out of ordinary words", arguments: [
        ("今年一季度日产粗钢295万吨。", "日产"), ("其中金额最大的一笔", "中金"), ("加工行业利润下滑。", "工行"),
        ("基建行业需求回升。", "建行"), ("外交行动频繁。", "交行"), ("中远期看，价格仍将上行。", "中远"),
        ("钢价站上4000元大关。", "元大"), ("令人心潮澎湃。", "澎湃"), ("汾渭平原空气质量改善。", "汾渭"),
        ("金融界人士认为，", "金融界"),
    ])
    func collisions(_ sentence: String, _ word: String) throws {
        let (text, result) = try tag(sentence)
        let hits = result.entities.filter { text.text(of: $0).contains(word) && ($0.type == .company || $0.type == .organization) }
        #expect(hits.isEmpty, "\(sentence): \(hits.map { "\(text.text(of: $0)):\($0.type)" })")
    }

    @Test("lower-case phrases that match a left-out English form are no names", arguments: [
        "The paper said US steel imports fell, and asian metal prices rose.",
        "A French geological survey mapped the deposit.",
    ])
    func englishCollisions(_ sentence: String) throws {
        let (text, result) = try tag(sentence)
        let names = result.entities.filter { $0.type == .company || $0.type == .organization }.map { text.text(of: $0) }
        #expect(names.isEmpty, "\(sentence): \(names)")
    }
}
