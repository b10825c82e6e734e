import Foundation
import Testing
@testable import Framescope

/// Framing v4's document layers (Frame/Perspective.swift): whose achievement a celebratory cue
/// describes (a `holder` marker in a text that warns its audience), and the register of a legal
/// or administrative notice. Literal inputs in English, Simplified and Traditional Chinese,
/// written for these tests, scored with a small lexicon so each number can be checked by hand.
@Suite("Framing perspective and register")
struct FramingPerspectiveTests {
    static let lexicon = FramingHarness.lexicon(
        entities: """
            place:ganzhou\tplace\tGanzhou\tGanzhou\ten
            """,
        celebratory: """
            record output\tcelebratory\t2\ten\twritten for this test
            breakthrough\tcelebratory\t2\ten\twritten for this test
            再创新高\tcelebratory\t2\tzh\twritten for this test
            投产\tcelebratory\t1\tzh\twritten for this test
            """,
        threat: """
            leverage\tstrategic-threat\t2\ten\twritten for this test
            dependence\tstrategic-threat\t2\ten\twritten for this test
            export control\tstrategic-threat\t2\ten\twritten for this test
            筹码\tstrategic-threat\t2\tzh\twritten for this test
            依赖\tstrategic-threat\t2\tzh\twritten for this test
            出口管制\tstrategic-threat\t2\tzh\twritten for this test
            """,
        modifiers: """
            Washington\taudience\t1.5\tsentence
            台湾\taudience\t1.5\tsentence
            我国\ttarget\t-0.5\tclause
            China\tholder\t0.5\tparagraph
            Beijing\tholder\t0.5\tsentence
            北京\tholder\t0.5\tparagraph
            对岸\tholder\t0.5\tparagraph
            hereby\tregister\t0.1\tdocument
            pursuant to\tregister\t0.1\tdocument
            特此公告\tregister\t0.1\tdocument
            公告如下\tregister\t0.1\tdocument
            said\tattribution\t0.5\tclause
            """)

    static func options(_ change: (inout FramingOptions) -> Void = { _ in }) -> FramingOptions { FramingHarness.options(change) }

    func annotate(_ s: String, options: FramingOptions = Self.options()) throws -> AnnotatedDocument {
        try FramingHarness.annotate(s, lexicon: Self.lexicon, options: options)
    }

    func cues(_ doc: AnnotatedDocument, _ name: String) -> [CueEvidence] { doc.cues.filter { $0.cue == name } }

    func expectTotalsAddUp(_ doc: AnnotatedDocument, sourceLocation: SourceLocation = #_sourceLocation) {
        FramingHarness.expectTotalsAddUp(doc, sourceLocation: sourceLocation)
    }

    static let warning = """
    China reported record output again this year. A new plant in Ganzhou announced a breakthrough.

    That scale is leverage over Washington. Our dependence worries Washington more every month.
    """

    @Test("China's records in a text that warns its audience weigh less as celebration, with the holder in the evidence")
    func holderInWarningText() throws {
        let doc = try annotate(Self.warning)
        let record = try #require(cues(doc, "record output").first)
        #expect(record.modifiers.map(\.kind) == ["holder"])
        #expect(record.modifiers.first?.text == "China, seen from Washington")
        #expect(abs(record.score - 1) < 1e-9)
        // A paragraph-scope marker reaches the next sentence of its paragraph.
        #expect(cues(doc, "breakthrough").first?.modifiers.map(\.kind) == ["holder"])
        // The threat cues are untouched: 2 × 1.5 each.
        #expect(abs(doc.framing.strategicThreat - 6) < 1e-9)
        #expect(abs(doc.framing.celebratory - 2) < 1e-9)
        expectTotalsAddUp(doc)
        // Switched off, the same text is two-sided: C 4, T 6.
        let off = try annotate(Self.warning, options: Self.options { $0.perspectiveSentences = 0 })
        #expect(abs(off.framing.celebratory - 4) < 1e-9)
        #expect(off.cues.allSatisfy { !$0.modifiers.contains { $0.kind == "holder" } })
    }

    @Test("without an audience warned in two sentences, China's records are celebration as they are")
    func holderNeedsWarnedAudience() throws {
        // Only one warning sentence.
        let one = try annotate("""
        China reported record output again this year.

        That scale is leverage over Washington.
        """)
        #expect(cues(one, "record output").first?.modifiers.isEmpty == true)
        // A celebratory dispatch that names China and no audience.
        let dispatch = try annotate("China reported record output again this year. A new plant in Ganzhou announced a breakthrough.")
        #expect(abs(dispatch.framing.celebratory - 4) < 1e-9)
        // Threat cues with the audience but a target marker (China's own side) do not warn the audience.
        let zh = try annotate("""
        北京稀土产量再创新高。

        我国摆脱了对台湾的依赖。我国不再是台湾的筹码。
        """)
        #expect(cues(zh, "再创新高").first?.modifiers.isEmpty == true)
    }

    @Test("a sentence-scope holder does not reach the rest of its paragraph")
    func holderScope() throws {
        let doc = try annotate("""
        Beijing reported record output. A new plant in Ganzhou announced a breakthrough.

        That scale is leverage over Washington. Our dependence worries Washington more every month.
        """)
        #expect(cues(doc, "record output").first?.modifiers.map(\.kind) == ["holder"])
        #expect(cues(doc, "breakthrough").first?.modifiers.isEmpty == true)
    }

    @Test("Chinese, both scripts: Beijing's records read from Taiwan are the threat's basis")
    func holderChinese() throws {
        let hans = try annotate("""
        北京稀土产量再创新高，新产线相继投产。

        这正是北京对台湾的筹码。台湾对大陆稀土的依赖难解。
        """)
        #expect(cues(hans, "再创新高").first?.modifiers.map(\.kind) == ["holder"])
        #expect(cues(hans, "投产").first?.modifiers.first?.text == "北京, seen from 台湾")
        expectTotalsAddUp(hans)
        #expect(hans.framing.label == .strategicThreat)
        let hant = try annotate("""
        對岸稀土產量再創新高，新產線相繼投產。

        這正是對台灣的籌碼。台灣對大陸稀土的依賴難解。
        """)
        #expect(cues(hant, "再创新高").first?.modifiers.first?.text == "對岸, seen from 台灣")
        expectTotalsAddUp(hant)
        let off = try annotate("""
        對岸稀土產量再創新高，新產線相繼投產。

        這正是對台灣的籌碼。台灣對大陸稀土的依賴難解。
        """, options: Self.options { $0.perspectiveSentences = 0 })
        #expect(off.framing.celebratory > hant.framing.celebratory)
    }

    static let notice = """
    关于对部分物项实施出口管制的公告

    根据有关规定，现将有关事项公告如下：

    一、出口经营者应当办理出口管制许可手续。

    特此公告。
    """

    @Test("a notice's export-control vocabulary describes rules: threat cues × the register factor")
    func registerChinese() throws {
        let doc = try annotate(Self.notice)
        let controls = cues(doc, "出口管制")
        #expect(controls.count == 2)
        for c in controls {
            #expect(c.modifiers.map(\.kind) == ["register"])
            #expect(c.modifiers.first?.text == "notice: 公告如下, 特此公告")
            #expect(abs(c.score - 0.2) < 1e-9)
        }
        #expect(doc.framing.label == .neutral)
        expectTotalsAddUp(doc)
        let off = try annotate(Self.notice, options: Self.options { $0.registerSentences = 0 })
        #expect(abs(off.framing.strategicThreat - 4) < 1e-9)
        // Traditional script folds to the same markers.
        let hant = try annotate("現將有關事項公告如下：實施出口管制。\n\n特此公告。")
        #expect(cues(hant, "出口管制").first?.modifiers.map(\.kind) == ["register"])
    }

    @Test("English notice formulas in two sentences make a notice; one, or one in quotation marks, does not")
    func registerEnglish() throws {
        let rule = try annotate("""
        This rule revises the export control list pursuant to the Act.

        Applicants are hereby notified that licences are reviewed case by case.
        """)
        #expect(cues(rule, "export control").first?.modifiers.map(\.kind) == ["register"])
        let news = try annotate("""
        The agency tightened export control rules pursuant to the Act.

        Analysts said the export control move gives Beijing leverage.
        """)
        #expect(news.cues.allSatisfy { !$0.modifiers.contains { $0.kind == "register" } })
        let quoted = try annotate("""
        The agency tightened export control rules pursuant to the Act.

        The notice ends "we hereby announce" and gives Beijing leverage.
        """)
        #expect(quoted.cues.allSatisfy { !$0.modifiers.contains { $0.kind == "register" } })
    }

    @Test("holder and register rows are checked: scope and factor")
    func lexiconChecks() throws {
        func issues(_ rows: String) throws -> [String] {
            var files = Self.lexicon
            files["modifiers.tsv"] = "cue\tkind\tfactor\tscope\n" + rows
            do { _ = try TemporaryLexicons(files).load(); return [] } catch let error as LexiconError { return error.issues.map(\.message) }
        }
        #expect(try issues("China\tholder\t0.5\tclause\n").first?.contains("sentence or paragraph") == true)
        #expect(try issues("China\tholder\t1.5\tsentence\n").first?.contains("from 0 to 1") == true)
        #expect(try issues("hereby\tregister\t0.1\tsentence\n").first?.contains("scope document") == true)
        #expect(try issues("hereby\tregister\t0.1\tdocument\nChina\tholder\t0.5\tparagraph\n").isEmpty)
    }

    @Test("a two-sided text whose one frame runs through it takes that frame, not mixed")
    func sentenceLead() {
        // Masses tie (balance 0.018), but 5 threat sentences against 2 celebratory ones.
        let lead = FramingTotals(celebratory: 5, strategicThreat: 5.2, tokens: 300, cues: 10, sentences: 20,
                                 celebratorySentences: 2, threatSentences: 5)
        let d = FramingScorer.documentFraming(lead, options: FramingOptions())
        #expect(abs(d.balance) < 0.1)
        #expect(d.label == .strategicThreat)
        #expect(d.confidence == 0.25)
        var off = FramingOptions()
        off.mixedSentenceRatio = 0
        #expect(FramingScorer.documentFraming(lead, options: off).label == .mixed)
        // The mirror image leans celebratory; 3 against 4 stays mixed.
        let mirror = FramingTotals(celebratory: 5.2, strategicThreat: 5, tokens: 300, cues: 10, sentences: 20,
                                   celebratorySentences: 6, threatSentences: 3)
        #expect(FramingScorer.documentFraming(mirror, options: FramingOptions()).label == .celebratory)
        let even = FramingTotals(celebratory: 5, strategicThreat: 5.2, tokens: 300, cues: 10, sentences: 20,
                                 celebratorySentences: 3, threatSentences: 4)
        #expect(FramingScorer.documentFraming(even, options: FramingOptions()).label == .mixed)
    }
}
