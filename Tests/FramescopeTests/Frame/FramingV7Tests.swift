import Testing
@testable import Framescope

/// Framing v7: dispassionate analysis is not the strategic-threat frame. The register of
/// professional analysis (`analysis` markers: rating, forecast, scenario and market-report
/// formulas), the proceedings of a trade-remedy body (`register` rows), and measured rejections
/// of alarm ("likely to be modest", 影响有限). Every text was written for these tests in English,
/// Simplified and Traditional Chinese; none is a development text.
@Suite("Framing v7")
struct FramingV7Tests {
    static let lexicon = FramingHarness.lexicon(
        celebratory: """
            record high\tcelebratory\t1\ten\t-
            创新高\tcelebratory\t1\tzh\t-
            """,
        threat: """
            leverage\tstrategic-threat\t1\ten\t-
            dependence\tstrategic-threat\t1\ten\t-
            依赖\tstrategic-threat\t1\tzh\t-
            风险\tstrategic-threat\t1\tzh\t-
            """,
        modifiers: """
            said\tattribution\t0.5\tclause
            rating\tanalysis\t0.4\tdocument
            we expect\tanalysis\t0.4\tdocument
            环比\tanalysis\t0.4\tdocument
            评级\tanalysis\t0.4\tdocument
            收盘\tanalysis\t0.4\tdocument
            """)

    func annotate(_ s: String, _ change: (inout FramingOptions) -> Void = { _ in }) throws -> AnnotatedDocument {
        try FramingHarness.annotate(s, lexicon: Self.lexicon, options: FramingHarness.options(change))
    }

    func cue(_ doc: AnnotatedDocument, _ name: String) -> CueEvidence? { doc.cues.first { $0.cue == name } }

    @Test("analysis markers in two of the author's sentences weaken the cues of both frames")
    func analysisEnglish() throws {
        let note = """
        The rating is unchanged.

        Leverage rose to 3.4x and dependence on one buyer stays high.

        Output hit a record high, and we expect margins to narrow.
        """
        let doc = try annotate(note)
        for name in ["leverage", "dependence", "record high"] {
            let c = try #require(cue(doc, name))
            #expect(c.modifiers.map(\.kind) == ["analysis"], "\(name)")
            #expect(abs(c.score - 0.4) < 1e-9, "\(name)")
        }
        #expect(cue(doc, "leverage")?.modifiers.first?.text == "rating, we expect")
        FramingHarness.expectTotalsAddUp(doc)
        let off = try annotate(note) { $0.analysisSentences = 0 }
        #expect(abs(off.framing.strategicThreat - 2) < 1e-9 && abs(off.framing.celebratory - 1) < 1e-9)
    }

    @Test("one analysis sentence, or a forecast inside quotation marks, is no analysis register")
    func analysisNeedsTwoSentences() throws {
        let once = try annotate("The rating is unchanged. Beijing holds leverage over buyers and their dependence grows.")
        #expect(once.cues.allSatisfy { !$0.modifiers.contains { $0.kind == "analysis" } })
        let quoted = try annotate("""
        "We expect the rating to hold," the banker said.

        Beijing holds leverage, and dependence grows.
        """)
        #expect(quoted.cues.allSatisfy { !$0.modifiers.contains { $0.kind == "analysis" } })
    }

    @Test("Chinese market-note formulas, in either script, make the analysis register")
    func analysisChinese() throws {
        let hans = try annotate("上周氧化镝报价环比持平。我们维持增持评级，海外客户担心依赖过高，供应存在风险。")
        #expect(cue(hans, "依赖")?.modifiers.map(\.kind) == ["analysis"])
        #expect(abs((cue(hans, "风险")?.score ?? 0) - 0.4) < 1e-9)
        let hant = try annotate("鎢價報價環比上漲，創新高。該股今日收盤上漲2%。")
        let record = try #require(cue(hant, "创新高"))
        #expect(record.modifiers.map(\.kind) == ["analysis"])
        #expect(abs(record.score - 0.4) < 1e-9)
        #expect(hant.framing.label == .neutral)
    }

    @Test("analysis rows are checked: scope document, factor from 0 to 1")
    func analysisLexiconChecks() throws {
        func issues(_ rows: String) throws -> [String] {
            var files = Self.lexicon
            files["modifiers.tsv"] = "cue\tkind\tfactor\tscope\n" + rows
            do { _ = try TemporaryLexicons(files).load(); return [] } catch let error as LexiconError { return error.issues.map(\.message) }
        }
        #expect(try issues("base case\tanalysis\t0.4\tsentence\n").first?.contains("scope document") == true)
        #expect(try issues("base case\tanalysis\t1.5\tdocument\n").first?.contains("from 0 to 1") == true)
        #expect(try issues("base case\tanalysis\t0.4\tdocument\n").isEmpty)
    }

    @Test("shipped: a trade-remedy ruling states the law; its dumping vocabulary is not a frame")
    func tribunalRegister() throws {
        let en = try FramingHarness.annotateShipped("""
        The appellants challenged the anti-dumping duties on steel wire.

        The Tribunal remanded the injury finding to the Commission for reconsideration.
        """)
        let duty = try #require(en.cues.first { $0.cue == "anti-dumping" })
        #expect(duty.modifiers.contains { $0.kind == "register" && $0.factor == 0.1 })
        #expect(en.framing.label == .neutral)
        let hans = try FramingHarness.annotateShipped("被申请人对反倾销调查提出异议。\n\n经复核，倾销幅度维持原裁定。")
        #expect(hans.cues.first { $0.cue == "反倾销" }?.modifiers.contains { $0.kind == "register" } == true)
        let hant = try FramingHarness.annotateShipped("上訴人不服反傾銷稅決定。\n\n委員會重新計算傾銷幅度。")
        #expect(hant.cues.first { $0.cue == "反倾销" }?.modifiers.contains { $0.kind == "register" } == true)
        // A news report that names one formula once is no ruling.
        let news = try FramingHarness.annotateShipped("The appellants lost. Beijing's dumping of steel floods the market, lawmakers warned.")
        #expect(news.cues.allSatisfy { !$0.modifiers.contains { $0.kind == "register" } })
    }

    @Test("shipped: a measured conclusion that effects are small rejects alarm in two sentences")
    func measuredSkepticism() throws {
        let en = try FramingHarness.annotateShipped("""
        Export controls on gallium worry some buyers.

        The effects on output are likely to be modest.

        Higher prices would add little to inflation, and buyers shrugged off the news.
        """)
        let controls = try #require(en.cues.first { $0.cue == "export controls" })
        #expect(controls.modifiers.contains { $0.kind == "stance" && $0.text.hasPrefix("document:") })
        let hans = try FramingHarness.annotateShipped("出口管制引发关注。\n\n对下游的冲击有限。\n\n对物价的影响有限，总体可控。")
        #expect(hans.cues.first { $0.cue == "出口管制" }?.modifiers.contains { $0.kind == "stance" && $0.text.hasPrefix("document:") } == true)
        let hant = try FramingHarness.annotateShipped("出口管制引發關注。\n\n對下游的衝擊有限。\n\n對物價的影響有限。")
        #expect(hant.cues.first { $0.cue == "出口管制" }?.modifiers.contains { $0.kind == "stance" && $0.text.hasPrefix("document:") } == true)
    }

    @Test("a cue inside book-title marks is part of a work's name: it counts for neither frame")
    func titles() throws {
        let hans = try annotate("这份题为《致命依赖》的报告又提到了依赖。")
        let named = try #require(hans.cues.first)
        #expect(named.cue == "依赖" && named.score == 0 && named.voice == .reported)
        #expect(named.modifiers.contains { $0.kind == "stance" && $0.text == "《…》 as a title" && $0.factor == 0 })
        #expect(abs(hans.framing.strategicThreat - 1) < 1e-9)  // the second 依赖, outside the marks
        let hant = try annotate("《供應鏈風險報告》出版。")
        #expect(hant.cues.first { $0.cue == "风险" }?.score == 0)
        FramingHarness.expectTotalsAddUp(hans)
    }

    @Test("shipped: an understated obituary's formulas of foundation and devotion read celebratory, in both scripts and English")
    func legacy() throws {
        let hans = try FramingHarness.annotateShipped("""
        著名冶金学家张明远逝世，享年88岁。

        1958年他响应号召来到包头，带领小组研制出第一代稀土耐磨钢。

        同事说，他为这一领域奠定了基础，毕生简朴。
        """)
        #expect(FramingHarness.cueNames(hans).isSuperset(of: ["响应号召", "研制出", "奠定", "毕生"]))
        #expect(hans.framing.celebratory > 2 && hans.framing.strategicThreat == 0)
        let hant = try FramingHarness.annotateShipped("她是這個領域的奠基人，一生致力於冶金教學，無私奉獻。")
        #expect(FramingHarness.cueNames(hant).isSuperset(of: ["奠基人", "一生致力", "无私奉献"]))
        let en = try FramingHarness.annotateShipped("A trailblazer who laid the foundations of the field, she devoted her life to teaching.")
        #expect(FramingHarness.cueNames(en).isSuperset(of: ["trailblazer", "laid the foundations", "devoted her life"]))
    }

    @Test("shipped: a Taiwanese market page's valuation and closing formulas make the analysis register")
    func shippedAnalysisTraditional() throws {
        let doc = try FramingHarness.annotateShipped("""
        法人估算，該股本益比約12倍，目標價上調至85元。

        市場擔心對中國依賴過高，該股今日收盤上漲1.2%。
        """)
        let dependence = try #require(doc.cues.first { $0.frame == .strategicThreat })
        #expect(dependence.modifiers.contains { $0.kind == "analysis" && $0.factor == 0.4 })
        // 對中國依賴 is one cue: the 对中国 target row inside it does not turn it into pressure on China.
        #expect(dependence.cue == "对中国依赖" && dependence.scoredFrame == .strategicThreat)
        #expect(doc.framing.label == .neutral)
    }
}
