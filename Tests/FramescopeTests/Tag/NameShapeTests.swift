import Foundation
import Testing
@testable import Framescope

/// Name heads, whole registered names and short forms (issue 20, categories 1–3), with a small
/// entity lexicon written here and the shipped `patterns.tsv`, whose word classes are the rules.
@Suite("Name shapes")
struct NameShapeTests {
    static let entities = """
        id\ttype\tcanonical\tsurface\tlang
        company:baogang\tcompany\tBaogang Group\t包钢\tzh
        company:baogang\tcompany\tBaogang Group\t包钢集团\tzh
        company:nre\tcompany\tChina Northern Rare Earth\tChina Northern Rare Earth\ten
        company:nre\tcompany\tChina Northern Rare Earth\t北方稀土\tzh
        company:xtc\tcompany\tXiamen Tungsten\tXiamen Tungsten\ten
        material:rare-earths\tmaterial\trare earths\t稀土\tzh
        material:rare-earths\tmaterial\trare earths\trare earths\ten
        material:steel\tmaterial\tsteel\t钢铁\tzh
        material:magnets\tmaterial\tmagnets\tmagnets\ten
        place:china\tplace\tChina\t中国\tzh
        place:china\tplace\tChina\t我国\tzh
        place:china\tplace\tChina\tChina\ten
        place:jiangxi\tplace\tJiangxi\t江西\tzh
        place:xiamen\tplace\tXiamen\t厦门\tzh
        place:taiwan\tplace\tTaiwan\t台湾\tzh
        place:baotou\tplace\tBaotou\t包头\tzh
        place:us\tplace\tUnited States\t美国\tzh
        place:chad\tplace\tChad\tChad\ten

        """

    static let lexicons = TemporaryLexicons.withShippedPatterns(entities: entities)

    func names(_ s: String) throws -> [String] {
        let (text, result) = try tag(s, lexicons: Self.lexicons)
        return result.entities.filter { $0.type == .company || $0.type == .organization }.map { text.text(of: $0) }
    }

    @Test("the word classes are loaded from patterns.tsv")
    func classesLoaded() {
        #expect(Self.lexicons.patterns.chinese[.clauseWord]?.isEmpty == false)
        #expect(Self.lexicons.patterns.english[.legalSuffix]?.contains("gmbh") == true)
    }

    @Test("a title-case masthead or dateline segment that ends in an organization head is an organization; a headline's other runs are not")
    func mastheads() throws {
        #expect(try names("Policy Brief No. 47 | Atlantic Industrial Policy Forum\nThe forum met.") == ["Atlantic Industrial Policy Forum"])
        #expect(try names("TOKYO, Oct 7 (Asia Resources Wire) - Prices rose.") == ["Asia Resources Wire"])
        #expect(try names("Rare Earth Insider | Analysis | July 14, 2025") == ["Rare Earth Insider"])
        // A headline whose run is not a segment of its own gives no name.
        #expect(try names("Why The Steel Forum Matters For Every Buyer Now") == [])
    }

    @Test("municipal bureaus are organizations, a bare 局 (布局) is no head")
    func bureaus() throws {
        let bureau = try names("江西省赣州市工业和信息化局发布通知。")
        #expect(bureau.count == 1 && bureau.allSatisfy { $0.hasPrefix("江西") && $0.hasSuffix("工业和信息化局") }, "\(bureau)")
        #expect(try names("优化江西稀土产业布局。") == [])
    }

    // MARK: 1. A Chinese name needs a real head

    @Test("a verb, clause, time word, numeral or common word before a suffix is no name", arguments: [
        "我国拥有稀土。", "各地大量开采稀土。", "去年公司营收增长。", "三家上市公司发布公告。", "多家钢铁公司减产。",
        "推出新型稀土。", "该集团表示，", "下游企业集团化发展。", "十余家公司参与。", "国有大型钢铁公司",
        "美国公司在此设厂。", "包头钢铁，", "美国和日本公司",
        // Traditional script folds to the same keys.
        "我國擁有稀土。", "去年公司營收增長。", "三家上市公司發布公告。", "多家鋼鐵公司減產。", "該集團表示，",
        // Verbs of containing and yielding before a material.
        "磷钇矿富含重稀土。", "這種礦石富含重稀土。", "该地区盛产稀土。", "中国垄断稀土。",
    ])
    func noNameHead(_ s: String) throws {
        #expect(try names(s) == [], "\(s)")
    }

    @Test("real names keep their whole span, in both scripts", arguments: [
        ("包钢集团宣布投产。", ["包钢集团"]),
        ("与中国北方稀土（集团）高科技股份有限公司签约。", ["中国北方稀土（集团）高科技股份有限公司"]),
        ("厦门钨业股份有限公司发布公告。", ["厦门钨业股份有限公司"]),
        ("台灣中油股份有限公司宣布調價。", ["台灣中油股份有限公司"]),
        ("中國鋼鐵公司宣布調降盤價。", ["中國鋼鐵公司"]),
        ("去年江西华岳磁材科技有限公司扩产。", ["江西华岳磁材科技有限公司"]),
        ("龙头企业华岳磁材集团表示，", ["华岳磁材集团"]),
        ("江西省工业和信息化厅发布通知。", ["江西省工业和信息化厅"]),
    ])
    func realNames(_ s: String, _ expected: [String]) throws {
        #expect(try names(s) == expected, "\(s)")
    }

    @Test("a known name with a bracketed part and a legal suffix is the known entity over the whole span")
    func knownChineseLegalName() throws {
        let (text, result) = try tag("𠀋包钢（集团）公司和中国北方稀土（集团）高科技股份有限公司", lexicons: Self.lexicons)
        let companies = result.entities.filter { $0.type == .company }
        #expect(companies.map { "\(text.text(of: $0))|\($0.id ?? "-")" }
                == ["包钢（集团）公司|company:baogang", "中国北方稀土（集团）高科技股份有限公司|company:nre"])
        // Code points: the astral character before is one, not two.
        #expect(companies.map(\.start) == [1, 10])
        #expect(companies.map(\.end) == [9, 29])
    }

    // MARK: 2. Registered names are one span

    @Test("English registered names keep their legal tail", arguments: [
        ("It signed with Qinghai Halden Magnesium Co., Ltd. last week.", "Qinghai Halden Magnesium Co., Ltd."),
        ("Kessler Motor Corporation Limited said so.", "Kessler Motor Corporation Limited"),
        ("Shares of Halden Holding Co., Ltd rose.", "Halden Holding Co., Ltd"),
        ("Investors in Brenner Werke AG and others were told.", "Brenner Werke AG"),
        ("Nordmark Stahl GmbH cut output.", "Nordmark Stahl GmbH"),
        ("The buyer was Lusitano Metais S.A. in May.", "Lusitano Metais S.A."),
        ("Orebright Mining Inc. will pay.", "Orebright Mining Inc."),
        ("A stake in Brightwater Resources plc changed hands.", "Brightwater Resources plc"),
        ("The supplier, Anhui Tongling (Group) Hi-Tech Co., Ltd. said nothing.", "Anhui Tongling (Group) Hi-Tech Co., Ltd."),
    ])
    func legalNames(_ s: String, _ expected: String) throws {
        let (text, result) = try tag(s, lexicons: Self.lexicons)
        #expect(result.entities.filter { $0.type == .company }.map { text.text(of: $0) } == [expected], "\(s)")
    }

    @Test("a sentence-final full stop after Co stays the sentence's; after Ltd it is the name's")
    func finalStop() throws {
        #expect(try names("Output rose at Halden Magnetics Co. The company said so.") == ["Halden Magnetics Co"])
        // "Ltd." closes the registered tail and keeps its stop, also where ICU ends a sentence after it.
        #expect(try names("We buy from Halden Rare Metals Co., Ltd. Its plant is new.") == ["Halden Rare Metals Co., Ltd."])
        #expect(try names("Halden Rare Earth Hi-Tech Co., Ltd. Q3 2026 Earnings Call") == ["Halden Rare Earth Hi-Tech Co., Ltd."])
    }

    @Test("a registered name whose head is known is the known company, with code-point offsets")
    func knownEnglishLegalName() throws {
        let s = "𠀋 China Northern Rare Earth (Group) Hi-Tech Co., Ltd. and Xiamen Tungsten Co., Ltd. signed."
        let (text, result) = try tag(s, lexicons: Self.lexicons)
        let companies = result.entities.filter { $0.type == .company }
        #expect(companies.map { "\(text.text(of: $0))|\($0.canonical ?? "-")" } == [
            "China Northern Rare Earth (Group) Hi-Tech Co., Ltd.|China Northern Rare Earth",
            "Xiamen Tungsten Co., Ltd.|Xiamen Tungsten",
        ])
        for e in companies { #expect(slice(s, e.start, e.end) == text.text(of: e)) }
        #expect(companies.first?.start == 2)
    }

    // MARK: 3. Short forms after the full name

    func linked(_ s: String) throws -> [String] {
        let (text, result) = try tag(s, lexicons: Self.lexicons)
        return result.entities.filter { $0.type != .material && $0.type != .place && $0.type != .quantity }
            .map { "\(text.text(of: $0))|\($0.source.rawValue)|\($0.id ?? "-")" }
    }

    @Test("a short form after the full name is the same entity")
    func shortForms() throws {
        #expect(try linked("Halden Materials opened a plant. Later Halden said output would rise.") == [
            "Halden Materials|pattern|pattern:halden materials", "Halden|short-form|pattern:halden materials",
        ])
        #expect(try linked("Kessler Motor Corporation agreed. Kessler Motor will buy magnets, and Kessler pays.") == [
            "Kessler Motor Corporation|pattern|pattern:kessler motor corporation",
            "Kessler Motor|short-form|pattern:kessler motor corporation",
            "Kessler|short-form|pattern:kessler motor corporation",
        ])
        #expect(try linked("Maria Okafor, an analyst at the bank, disagreed. Okafor said prices rose.") == [
            "Maria Okafor|pattern|pattern:maria okafor", "Okafor|short-form|pattern:maria okafor",
        ])
        #expect(try linked("江西金力永磁科技股份有限公司今天发布公告。金力永磁表示，产能将扩大。") == [
            "江西金力永磁科技股份有限公司|pattern|pattern:江西金力永磁科技股份有限公司",
            "金力永磁|short-form|pattern:江西金力永磁科技股份有限公司",
        ])
        #expect(try linked("臺灣中油股份有限公司今天宣布，中油將調漲油價。") == [
            "臺灣中油股份有限公司|pattern|pattern:台湾中油股份有限公司", "中油|short-form|pattern:台湾中油股份有限公司",
        ])
    }

    @Test("short forms keep code-point offsets after an astral character")
    func shortFormOffsets() throws {
        let s = "𠀋𠀋 Halden Materials opened. Halden grew."
        let (text, result) = try tag(s, lexicons: Self.lexicons)
        let short = try #require(result.entities.first { $0.source == .shortForm })
        #expect(short.start == 28 && short.end == 34 && slice(s, short.start, short.end) == "Halden" && text.text(of: short) == "Halden")
    }

    @Test("no short form without the introduction, before it, in lower case, or as a common word or place", arguments: [
        "Halden said output would rise.",
        "Halden said output would rise. Later Halden Materials opened a plant.",
        "Grove Materials opened a plant in the grove. Grove said so.",
        "National Materials opened a plant. National output rose.",
        "Chad Materials opened a plant. Chad is far away.",
        "金力永磁表示，产能将扩大。",
        "金力永磁表示，产能将扩大。江西金力永磁科技股份有限公司今天发布公告。",
    ])
    func noShortForm(_ s: String) throws {
        let (_, result) = try tag(s, lexicons: Self.lexicons)
        #expect(!result.entities.contains { $0.source == .shortForm }, "\(s)")
    }

    @Test("a short form two names share stands for neither")
    func ambiguousShortForm() throws {
        let (_, result) = try tag("Halden Materials and Halden Motors Corporation signed a supply deal on Monday. Halden said so.", lexicons: Self.lexicons)
        #expect(!result.entities.contains { $0.source == .shortForm })
    }

    @Test("a clause word added to patterns.tsv ends a name head")
    func clauseWordIsData() throws {
        let base = "word\trole\tlang\n有限公司\tcompany-suffix\tzh\n"
        let without = try TemporaryLexicons(["entities/test.tsv": Self.entities, "patterns.tsv": base]).load()
        let with = try TemporaryLexicons(["entities/test.tsv": Self.entities, "patterns.tsv": base + "采购\tclause-word\tzh\n"]).load()
        func companies(_ lex: Lexicons) throws -> [String] {
            let (text, result) = try tag("采购华岳磁材有限公司", lexicons: lex)
            return result.entities.filter { $0.type == .company }.map { text.text(of: $0) }
        }
        #expect(try companies(without) == ["采购华岳磁材有限公司"])
        #expect(try companies(with) == ["华岳磁材有限公司"])
    }
}
