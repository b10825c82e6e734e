import Foundation
import Testing
@testable import Framescope

/// Framing v2's layers: who is pressured (target), whose voice (author or reported), the
/// stance a passage takes, where a sentence sits (conclusion), and how much of the text carries
/// a frame (coverage). Literal inputs in English, Simplified and Traditional Chinese, written for
/// these tests, scored with a small lexicon so each number can be checked by hand.
@Suite("Framing layers")
struct FramingLayersTests {
    static let lexicon = FramingHarness.lexicon(
        entities: """
            place:china\tplace\tChina\tChina\ten
            organization:osp\torganization\tOffice of Sanctions Policy\tOffice of Sanctions Policy\ten
            organization:amb\torganization\tAnti-Monopoly Bureau\t反垄断局\tzh
            material:dominance-alloy\tmaterial\tDominance alloy\tdominance alloy\ten
            """,
        celebratory: """
            milestone\tcelebratory\t2\ten\tlegacy vocabulary
            breakthrough\tcelebratory\t1\ten\t-
            pride\tcelebratory\t2\ten\tnational pride
            自主创新\tcelebratory\t1.5\tzh\t-
            里程碑\tcelebratory\t2\tzh\tmilestone
            """,
        threat: """
            sanctions\tstrategic-threat\t1.5\ten\t-
            dominance\tstrategic-threat\t2\ten\tdominance
            leverage\tstrategic-threat\t1.5\ten\t-
            封锁\tstrategic-threat\t1.5\tzh\t-
            主导地位\tstrategic-threat\t1.5\tzh\t-
            垄断\tstrategic-threat\t2\tzh\tmonopoly
            """,
        modifiers: """
            said\tattribution\t0.5\tclause
            according to\tattribution\t0.5\tsentence
            据\tattribution\t0.5\tsentence
            the West\taudience\t1.5\tsentence
            西方\taudience\t1.5\tsentence
            overblown\tstance\t0\tsentence
            overstated\tstance\t0\tdocument
            backfired\tstance\t0\tdocument
            适得其反\tstance\t0\tdocument
            夸大\tstance\t0\tdocument
            hysteria\tstance\t0\tsentence
            言过其实\tstance\t0\tdocument
            touted\tstance\t-0.5\tclause
            吹嘘\tstance\t-0.5\tclause
            myth\tstance\t0\tparagraph
            on China\ttarget\t-0.5\tclause
            对华\ttarget\t-0.5\tclause
            我国\ttarget\t-0.5\tclause
            从未\tnegator\t-0.5\tclause
            不会\tnegator\t-0.5\tclause
            never\tnegator\t-0.5\tnext:3
            not\tnegator\t-0.5\tnext:3
            without\tnegator\t0\tnext:2
            common practice\tstance\t0\tsentence
            but\tcontrast\t1.5\tsentence
            然而\tcontrast\t1.5\tsentence
            表示\tattribution\t0.5\tclause
            国际通行做法\tstance\t0\tsentence
            crowd\tlabel\t0\tquotation
            narrative\tlabel\t0\tquotation
            论调\tlabel\t0\tquotation
            等帽子\tlabel\t0\tquotation
            scare\tlabel\t0\tquotation
            之忧\tlabel\t0\tquotation
            之憂\tlabel\t0\tquotation
            """)

    static func options(_ change: (inout FramingOptions) -> Void = { _ in }) -> FramingOptions { FramingHarness.options(change) }

    func annotate(_ s: String, options: FramingOptions = Self.options()) throws -> AnnotatedDocument {
        try FramingHarness.annotate(s, lexicon: Self.lexicon, options: options)
    }

    func cue(_ doc: AnnotatedDocument, _ name: String) -> CueEvidence? { doc.cues.first { $0.cue == name } }

    func expectTotalsAddUp(_ doc: AnnotatedDocument, sourceLocation: SourceLocation = #_sourceLocation) {
        FramingHarness.expectTotalsAddUp(doc, sourceLocation: sourceLocation)
    }

    @Test("pressure on China is the self-reliance story: the threat cue counts celebratory, and the West is no audience")
    func target() throws {
        let en = try annotate("The West kept its sanctions on China, and the plant answered with a breakthrough.")
        let sanctions = try #require(cue(en, "sanctions"))
        #expect(sanctions.scoredFrame == .celebratory)
        #expect(sanctions.modifiers.map(\.kind) == ["target"])
        #expect(abs(sanctions.score - 0.75) < 1e-9)
        let zh = try annotate("西方对华技术封锁没有挡住我们的自主创新。")
        #expect(cue(zh, "封锁")?.scoredFrame == .celebratory)
        #expect(cue(zh, "封锁")?.modifiers.first?.text == "对华")
        // Traditional script folds to the same marker and cue.
        let hant = try annotate("西方對華技術封鎖沒有擋住我們的自主創新。")
        #expect(cue(hant, "封锁")?.scoredFrame == .celebratory)
        // Pride in China's own hold: 我国 in the clause.
        let pride = try annotate("我国稀土产业在全球占据主导地位。")
        #expect(cue(pride, "主导地位")?.scoredFrame == .celebratory)
        // Without a target marker the same cue stays a threat, and the audience weighs it more.
        let plain = try annotate("The West fears new sanctions from Beijing.")
        #expect(cue(plain, "sanctions")?.scoredFrame == .strategicThreat)
        #expect(cue(plain, "sanctions")?.modifiers.map(\.kind) == ["audience"])
        expectTotalsAddUp(en)
        expectTotalsAddUp(zh)
    }

    @Test("a target marker reaches its own clause only, on either side")
    func targetScope() throws {
        let doc = try annotate("Sanctions hurt, but leverage on China failed.")
        #expect(cue(doc, "sanctions")?.scoredFrame == .strategicThreat)
        #expect(cue(doc, "leverage")?.scoredFrame == .celebratory)
    }

    @Test("stance: rejecting a frame cancels its cues, distancing counts them for the author's side")
    func stance() throws {
        let rejected = try annotate("Fears of China's dominance are overblown.")
        let dominance = try #require(cue(rejected, "dominance"))
        #expect(dominance.score == 0 && dominance.modifiers.map(\.kind) == ["stance"])
        #expect(rejected.framing.strategicThreat == 0)
        let zh = try annotate("所谓稀土垄断的说法言过其实。")
        #expect(cue(zh, "垄断")?.score == 0)
        let distanced = try annotate("State media touted the milestone.")
        #expect(cue(distanced, "milestone")?.scoredFrame == .strategicThreat)
        #expect(cue(distanced, "milestone")?.score == 1)
        let zhDistanced = try annotate("官媒吹嘘这是里程碑。")
        #expect(cue(zhDistanced, "里程碑")?.scoredFrame == .strategicThreat)
        expectTotalsAddUp(rejected)
        expectTotalsAddUp(distanced)
    }

    @Test("a text that rejects alarm in two or more of the author's sentences weighs its other threat cues less")
    func documentSkepticism() throws {
        let en = try annotate("Fears of a cut-off are overstated.\nThe 2010 ban backfired on its authors.\nRefining dominance is real, but it buys little.")
        let dominance = try #require(cue(en, "dominance"))
        #expect(dominance.modifiers.contains { $0.kind == "stance" && $0.text.hasPrefix("document: ") && $0.factor == 0.25 })
        #expect(abs(dominance.score - 2 * 0.25 / 1.5) < 1e-9)  // × 1/1.5: before 'but'
        // One rejection alone reaches its own sentence only.
        let one = try annotate("Fears of a cut-off are overstated.\nRefining dominance is real.")
        #expect(cue(one, "dominance")?.score == 2)
        // A rejection the author reports (quoted, or with an attribution marker) is not the author's.
        let reported = try annotate("Fears are overstated, the minister said.\n\"The ban backfired,\" he added.\nRefining dominance is real.")
        #expect(cue(reported, "dominance")?.score == 2)
        // Simplified and Traditional; three markers take the factor down to the floor.
        let zh = try annotate("断供之说言过其实。\n当年的限制适得其反。\n有人夸大了风险。\n稀土垄断确实存在。")
        let monopoly = try #require(cue(zh, "垄断"))
        #expect(abs(monopoly.score - 2 * 0.0625) < 1e-9)
        let hant = try annotate("斷供之說言過其實。\n當年的限制適得其反。\n稀土壟斷確實存在。")
        #expect(abs((cue(hant, "垄断")?.score ?? 0) - 2 * 0.25) < 1e-9)
        // Celebratory cues are not what such markers reject.
        let celebrate = try annotate("Fears are overstated.\nThe ban backfired.\nThe plant is a milestone.")
        #expect(cue(celebrate, "milestone")?.score == 2)
        expectTotalsAddUp(en)
        expectTotalsAddUp(zh)
    }

    @Test("a quoted term followed by a noun for talk is named, not used: it counts for neither side")
    func mention() throws {
        let en = try annotate("The \"dominance\" crowd never explains why buyers come back.")
        let named = try #require(cue(en, "dominance"))
        #expect(named.score == 0 && named.voice == .reported)
        let used = try annotate("Its \"dominance\" is plain to see.")
        #expect(cue(used, "dominance")?.score == 1)  // a scare quote: × 0.5 only
        let celebration = try annotate("The 'milestone' narrative hides the cost.")
        #expect(cue(celebration, "milestone")?.score == 0)
        let hant = try annotate("西方又把「壟斷」「封鎖」等帽子扣過來。")
        #expect(cue(hant, "垄断")?.score == 0 && cue(hant, "封锁")?.score == 0)
        let zh = try annotate("所谓“垄断”论调又来了。")
        #expect(cue(zh, "垄断")?.score == 0)
        // 说明 after a quotation is a verb ('shows'), not a noun for talk.
        let verb = try annotate("“垄断”说明了一切。")
        #expect(cue(verb, "垄断")?.score == 1)
        // The nouns come from the lexicon: one the lexicon does not list ("camp") names nothing.
        let unlisted = try annotate("The \"dominance\" camp never explains why buyers come back.")
        #expect(cue(unlisted, "dominance")?.score == 1)
        // English nouns match in any case; 論調 is not listed, only 论调 (the raw text is matched).
        let upper = try annotate("The 'milestone' NARRATIVE hides the cost.")
        #expect(cue(upper, "milestone")?.score == 0)
        let otherScript = try annotate("所謂「壟斷」論調又來了。")
        #expect(cue(otherScript, "垄断")?.score == 1)
        expectTotalsAddUp(en)
        expectTotalsAddUp(hant)
    }

    @Test("a thin text keeps its direction, but its balance shrinks with its cue mass")
    func strength() throws {
        let en = try annotate("Sanctions loom.")
        #expect(abs(en.framing.direction - 1.5 / 2.5) < 1e-9)
        #expect(abs(en.framing.strength - 1.5 / 4) < 1e-9)
        #expect(abs(en.framing.balance - 0.6 * 1.5 / 4) < 1e-9)
        let zh = try annotate("稀土市场出现垄断。")
        #expect(abs(zh.framing.balance - (2.0 / 3.0) * 0.5) < 1e-9)
        // From a mass of 4 on the strength is full.
        let framed = try annotate("Dominance and dominance again.")  // 2 + 2
        #expect(framed.framing.strength == 1 && abs(framed.framing.balance - 4.0 / 5.0) < 1e-9)
        var off = Self.options()
        off.massFull = 0
        #expect(abs(try annotate("Sanctions loom.", options: off).framing.balance - 0.6) < 1e-9)
    }

    @Test("negators joined by a coordinator negate once; 'without' cancels; a justification rejects the threat reading")
    func negationAndJustification() throws {
        let zh = try annotate("中国从未也不会把稀土当作垄断工具。")
        let monopoly = try #require(cue(zh, "垄断"))
        #expect(monopoly.modifiers.filter { $0.kind == "negator" }.map(\.text) == ["从未"])
        #expect(monopoly.scoredFrame == .celebratory)
        let en = try annotate("Beijing has never and will not use leverage.")
        #expect(cue(en, "leverage")?.modifiers.filter { $0.kind == "negator" }.count == 1)
        #expect(cue(en, "leverage")?.scoredFrame == .celebratory)
        // A real double negative is two negations of one another: it still multiplies.
        let double = try annotate("This is not never leverage.")
        #expect(cue(double, "leverage")?.modifiers.filter { $0.kind == "negator" }.count == 2)
        let without = try annotate("Rivals cannot compete without sanctions.")
        #expect(cue(without, "sanctions")?.score == 0)
        let justified = try annotate("Export sanctions of this kind are common practice.")
        #expect(cue(justified, "sanctions")?.score == 0)
        let zhJustified = try annotate("对出口实施管制与封锁是国际通行做法。")
        #expect(cue(zhJustified, "封锁")?.score == 0)
    }

    @Test("pride in dominance: a thread that mocks Western threat talk is celebratory, in English and Chinese")
    func prideInDominance() throws {
        let en = try annotate("The West's hysteria about Chinese dominance is amusing.\nOur milestone is a source of pride.\nAnother breakthrough, another milestone.")
        #expect(cue(en, "dominance")?.score == 0)
        #expect(en.framing.label == .celebratory)
        let zh = try annotate("西方说稀土是卡脖子的筹码，纯属言过其实，垄断一说更是言过其实。\n我国稀土产业在全球占据主导地位，这是里程碑。\n自主创新又一个里程碑。")
        #expect(cue(zh, "垄断")?.score == 0)
        #expect(cue(zh, "主导地位")?.scoredFrame == .celebratory)
        #expect(zh.framing.label == .celebratory)
        expectTotalsAddUp(en)
        expectTotalsAddUp(zh)
    }

    @Test("a paragraph-scope stance reaches every sentence of its paragraph and no other")
    func paragraphStance() throws {
        let doc = try annotate("Dominance is the word everyone uses. It is a myth.\nLeverage is real elsewhere.")
        #expect(cue(doc, "dominance")?.score == 0)
        #expect(cue(doc, "dominance")?.modifiers.first?.text == "myth")
        #expect(cue(doc, "leverage")?.score == 1.5)
        expectTotalsAddUp(doc)
    }

    @Test("voice: quoted and attributed cues are reported; against the author's lean they count less")
    func voice() throws {
        let text = """
        Beijing's dominance gives it leverage over every magnet buyer.
        According to Xinhua, the new line is a milestone.
        The agency wrote: "This milestone is a breakthrough of which the nation feels pride."
        Dominance of this kind is leverage, and sanctions will follow.
        """
        let doc = try annotate(text)
        for name in ["milestone", "breakthrough", "pride"] {
            let reported = doc.cues.filter { $0.cue == name }
            #expect(!reported.isEmpty && reported.allSatisfy { $0.voice == .reported }, "\(name)")
            #expect(reported.allSatisfy { $0.modifiers.contains { $0.kind == "voice" && $0.factor == 0.4 } }, "\(name)")
        }
        #expect(doc.cues.filter { $0.frame == .strategicThreat }.allSatisfy { $0.voice == .author })
        #expect(doc.framing.label == .strategicThreat)
        #expect(doc.framing.reportedCelebratory > 0 && doc.framing.reportedStrategicThreat == 0)
        expectTotalsAddUp(doc)
        // The same quotation with no author frame around it is not discounted.
        let alone = try annotate("The agency wrote: \"This milestone is a breakthrough of which the nation feels pride.\"")
        #expect(alone.cues.allSatisfy { $0.voice == .reported && !$0.modifiers.contains { $0.kind == "voice" } })
        // Chinese: 据…报道 reports the sentence; a post-posed "said" reports what precedes it.
        let zh = try annotate("据新华社报道，这条生产线是里程碑。")
        #expect(cue(zh, "里程碑")?.voice == .reported)
        let said = try annotate("The plant is a milestone, the minister said.")
        #expect(cue(said, "milestone")?.voice == .reported)
        #expect(cue(said, "milestone")?.score == 1)
    }

    @Test("a block quote line is reported speech")
    func blockQuote() throws {
        let doc = try annotate("Dominance is leverage. Sanctions are leverage.\n> A milestone and a breakthrough for the nation.\nDominance again.")
        #expect(cue(doc, "milestone")?.voice == .reported)
        #expect(cue(doc, "milestone")?.modifiers.contains { $0.kind == "voice" } == true)
    }

    @Test("single-quoted scare quotes and indented block quotes are quotations; apostrophes are not")
    func quotationShapes() throws {
        let single = try annotate("The 'dominance' of Beijing's plants.")
        #expect(cue(single, "dominance")?.modifiers.map(\.kind) == ["quotation"])
        let apostrophes = try annotate("China's dominance isn't new, it's old.")
        #expect(cue(apostrophes, "dominance")?.voice == .author)
        let indented = """
        Dominance is leverage, and sanctions follow.
        The agency wrote:

            A milestone and a breakthrough for the nation's pride.

        Dominance again, and leverage.
        """
        let doc = try annotate(indented)
        #expect(cue(doc, "milestone")?.voice == .reported)
        // Indentation that every paragraph has is layout, not quotation.
        let allIndented = try annotate("  A milestone for pride.\n  Another breakthrough.\n  Pride again.")
        #expect(allIndented.cues.allSatisfy { $0.voice == .author })
    }

    @Test("a sentence that opens with a contrast marker weighs down the sentence before it")
    func openingContrast() throws {
        let doc = try annotate("This is a milestone.\nBut it is leverage.")
        let milestone = try #require(cue(doc, "milestone"))
        #expect(milestone.modifiers.map(\.kind) == ["contrast"] && abs(milestone.score - 2 / 1.5) < 1e-9)
        #expect(cue(doc, "leverage")?.score == 1.5 * 1.5)
        let zh = try annotate("这是里程碑。然而这是封锁。")
        #expect(abs((cue(zh, "里程碑")?.score ?? 0) - 2 / 1.5) < 1e-9)
        expectTotalsAddUp(doc)
    }

    @Test("an attribution marker followed by a comma reports the next clause")
    func attributionBeforeComma() throws {
        let doc = try annotate("负责人表示，这是里程碑。")
        #expect(cue(doc, "里程碑")?.voice == .reported)
        #expect(cue(doc, "里程碑")?.score == 1)
    }

    @Test("one loaded sentence leaves a price note neutral with a balance near 0; a framed text is not")
    func coverage() throws {
        var note = "Prices of oxide rose 2% on Monday.\n"
        for i in 0..<10 { note += "Spot volumes in week \(i + 1) were steady and traders quoted firm offers.\n" }
        note += "Analysts see the sanctions as leverage and dominance.\n"
        let doc = try annotate(note)
        #expect(doc.framing.label == .neutral)
        #expect(doc.framing.direction > 0.7)
        #expect(abs(doc.framing.balance) <= 0.15)
        #expect(doc.framing.sentences == 12 && doc.framing.threatSentences == 1)
        // The same loaded sentence in most of a short text frames it.
        let framed = try annotate("Sanctions are leverage.\nDominance is leverage.\nPrices rose.\nDominance and sanctions again.")
        #expect(framed.framing.label == .strategicThreat)
        #expect(framed.framing.coverage == 1)
        // Weak cues of the other frame elsewhere do not make the loaded sentence a framed text.
        let oneWeak = note.replacingOccurrences(of: "in week 1 were steady", with: "in week 1 marked a milestone")
        #expect(oneWeak != note)
        let mixed = try annotate(oneWeak)
        #expect(mixed.framing.celebratorySentences == 1 && mixed.framing.threatSentences == 1)
        #expect(mixed.framing.label == .neutral)
    }

    @Test("a text that turns lands where its conclusion says")
    func conclusion() throws {
        let text = """
        A plant and its town
        The milestone was a breakthrough.
        Workers spoke of pride.
        The milestone year brought a breakthrough again.
        Output rose.
        Prices rose.
        Dominance of this kind is leverage.
        Sanctions and dominance will follow.
        """
        var o = Self.options()
        o.leadWeighting = true
        let doc = try annotate(text, options: o)
        let roles = doc.sentences.map(\.framing.role)
        #expect(roles.suffix(2) == ["conclusion", "conclusion"])
        #expect(doc.cues.filter { $0.sentence >= 6 }.allSatisfy { $0.modifiers.contains { $0.kind == "position" && $0.text == "conclusion" } })
        expectTotalsAddUp(doc)
    }

    @Test("a Chinese market note with one loaded sentence stays neutral; a text that turns weighs its conclusion")
    func chineseCoverageAndConclusion() throws {
        var note = "氧化镨钕报价持平。\n"
        for i in 1...10 { note += "第\(i)周现货成交平稳，贸易商报价坚挺。\n" }
        note += "业内人士认为出口封锁与垄断地位相关。\n"
        let doc = try annotate(note)
        #expect(doc.framing.label == .neutral)
        #expect(abs(doc.framing.balance) <= 0.15, "\(doc.framing)")
        var o = Self.options()
        o.leadWeighting = true
        let turn = try annotate("稀土城的故事\n这是里程碑。\n工人说起自主创新。\n产量上升。\n价格上升。\n然而垄断之下是封锁。\n垄断与封锁还会继续。", options: o)
        #expect(turn.sentences.map(\.framing.role).suffix(2) == ["conclusion", "conclusion"])
        #expect(turn.cues.filter { $0.sentence >= 5 }.allSatisfy { $0.modifiers.contains { $0.kind == "position" && $0.text == "conclusion" } })
        expectTotalsAddUp(turn)
    }

    @Test("understated official prose is celebratory with the shipped lexicons, in English and Chinese")
    func understatedOfficialProse() throws {
        let en = """
        Baotou magnet line enters operation
        BAOTOU, March 3 -- A 20,000-tonne magnet line was put into operation on Monday, ahead of schedule.
        The first batch of products rolled off the production line the same day.
        Officials said the project made a good start to the year and set a new record for the park.
        Output rose 8 percent.
        Rare earth steel has become one of the city's calling cards.
        """
        let zh = """
        稀土永磁项目建成投产
        3月3日，年产2万吨磁材项目正式投产，比计划提前完成。
        首批产品顺利下线，园区一季度实现开门红。
        全市稀土产业稳中向好，产值创纪录。
        产量同比增长8%。
        稀土钢已成为城市名片。
        """
        for text in [en, zh] {
            let doc = try Annotator(lexicons: BundledLexicons.shared).annotate(SourceDocument(id: "t", path: "t", text: text))
            #expect(doc.framing.label == .celebratory, "\(doc.framing)")
        }
    }

    @Test("progress-report formulas without the effusive words still read celebratory, in both scripts")
    func progressReportFormulas() throws {
        let en = """
        Second phase of Ganzhou magnet project reaches design capacity
        GANZHOU, May 9 -- The second phase of a magnet project in the city reached design capacity in April.
        The line is the first-of-its-kind in the province and has filled the gap in high-coercivity grades.
        Officials described it as a solid step for the industrial park, which shows strong momentum.
        Output was 1,200 tonnes in the month.
        """
        let zh = """
        赣州磁材二期项目全面达产
        5月9日，二期项目4月全面达产，首台套设备运行平稳。
        企业联合攻关取得突破，产业规模迈上新台阶。
        园区发展势头强劲，产销两旺。
        当月产量1200吨。
        """
        let hant = """
        贛州磁材二期項目全面達產
        5月9日，二期項目4月全面達產，首台套設備運行平穩。
        企業聯合攻關取得突破，產業規模邁上新台階。
        園區發展勢頭強勁，產銷兩旺。
        當月產量1200噸。
        """
        for text in [en, zh, hant] {
            let doc = try Annotator(lexicons: BundledLexicons.shared).annotate(SourceDocument(id: "t", path: "t", text: text))
            #expect(doc.framing.label == .celebratory, "\(doc.framing)")
            #expect(doc.framing.strategicThreat == 0)
        }
    }

    @Test("a rejection the author reports counts once the author rejects alarm in a sentence of their own")
    func reportedRejectionEndorsed() throws {
        func rebutted(_ text: String) throws -> Bool {
            let doc = try Annotator(lexicons: BundledLexicons.shared).annotate(SourceDocument(id: "t", path: "t", text: text))
            return doc.cues.contains { $0.frame == .strategicThreat && $0.modifiers.contains { $0.kind == "stance" && $0.text.hasPrefix("document: ") } }
        }
        // The headline is the author's; the lead reports analysts who say the same.
        #expect(try rebutted("Analysis: the impact of the curbs may be overstated\nAnalysts said the impact was exaggerated.\nRefining dominance is real."))
        #expect(try rebutted("分析：銻出口管制影響或被高估\n多家研究機構指出，管制的影響可能被高估。\n稀土壟斷確實存在。"))
        // Reported rejections alone are somebody else's, however many.
        #expect(try !rebutted("Analysts said the impact was overstated.\nTraders said the fears were exaggerated.\nRefining dominance is real."))
        #expect(try !rebutted("分析师指出，影响被高估。\n业内人士表示，担忧言过其实。\n稀土垄断确实存在。"))
        // Rejections in the wording of news analysis and commentary, in both scripts.
        #expect(try rebutted("The weapon that keeps misfiring\nIts power is less than advertised.\nRefining dominance is real."))
        #expect(try rebutted("歐洲又敲警鐘 何懼之有\n所謂斷供，不過是舊調重彈。\n稀土壟斷確實存在。"))
        #expect(try rebutted("欧洲又敲警钟 何惧之有\n所谓断供，不过是旧调重弹。\n稀土垄断确实存在。"))
    }

    @Test("a skeptical piece that hedges and compares, without 'hysteria', weighs its threat words less")
    func hedgedSkepticism() throws {
        let en = """
        Beijing's mineral lever is weaker than it looks
        Some analysts say that export controls give Beijing leverage over Western factories.
        In practice, buyers stockpile and find other suppliers.
        The price data tell a different story.
        The record does not support the warnings.
        Controls remain a tool, and dominance in refining is real.
        """
        let zh = """
        稀土牌没那么可怕
        有评论说，出口管制是北京手中的筹码。
        其实这张牌雷声大雨点小，买家会囤货、找别的货源。
        当年的限制伤及自身，数据说明风险被放大了。
        管制仍是工具，冶炼垄断也确实存在。
        """
        let hant = """
        稀土牌沒那麼可怕
        有評論說，出口管制是北京手中的籌碼。
        其實這張牌雷聲大雨點小，買家會囤貨、找別的貨源。
        當年的限制傷及自身，數據說明風險被放大了。
        管制仍是工具，冶煉壟斷也確實存在。
        """
        for text in [en, zh, hant] {
            let doc = try Annotator(lexicons: BundledLexicons.shared).annotate(SourceDocument(id: "t", path: "t", text: text))
            let rebutted = doc.cues.filter { $0.frame == .strategicThreat && $0.modifiers.contains { $0.kind == "stance" && $0.text.hasPrefix("document: ") } }
            #expect(!rebutted.isEmpty, "the threat words are the claim the piece rebuts")
            #expect(doc.framing.label != .strategicThreat, "\(doc.framing)")
        }
    }

    @Test("a quoted threat word followed by a noun for a fear names somebody's fear")
    func fearNouns() throws {
        let en = try annotate("The \"dominance\" scare is back.")
        #expect(cue(en, "dominance")?.score == 0)
        let zh = try annotate("稀土“垄断”之忧又起。")
        #expect(cue(zh, "垄断")?.score == 0)
        let hant = try annotate("稀土「壟斷」之憂又起。")
        #expect(cue(hant, "垄断")?.score == 0)
        // Without the fear noun the quotation is a scare quote (× 0.5), not a label.
        let used = try annotate("稀土“垄断”又起。")
        #expect(cue(used, "垄断")?.score == 1)
    }

    @Test("a cue inside a name (an organization, a company, a place, a person) is part of the name, not framing")
    func cueInsideName() throws {
        let en = try annotate("The Office of Sanctions Policy met on Monday.")
        #expect(en.entities.contains { $0.id == "organization:osp" })
        #expect(en.cues.isEmpty && en.framing.strategicThreat == 0)
        let used = try annotate("The office discussed sanctions on Monday.")
        #expect(cue(used, "sanctions")?.score == 1.5)
        let zh = try annotate("反垄断局周一开会。")
        #expect(zh.entities.contains { $0.id == "organization:amb" } && zh.cues.isEmpty)
        let hant = try annotate("反壟斷局週一開會。")
        #expect(hant.entities.contains { $0.id == "organization:amb" } && hant.cues.isEmpty)
        let zhUsed = try annotate("市场出现垄断。")
        #expect(cue(zhUsed, "垄断")?.score == 2)
        // A material is a topic, not a name: a cue inside one still counts.
        let material = try annotate("The dominance alloy ships today.")
        #expect(cue(material, "dominance")?.score == 2)
    }

    @Test("the framing object read back relabels to the same label and balance")
    func totalsRoundTrip() throws {
        let doc = try annotate("Sanctions are leverage.\nDominance is leverage.\nThe milestone.\nPrices rose.")
        let bytes = DocumentJSON.summaryLine(doc, docPath: "docs/t.json")
        let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        let framing = try #require(object?["framing"] as? [String: Any])
        let totals = try #require(FramingTotals(json: framing))
        #expect(totals == doc.framing.totals)
        let again = FramingScorer.documentFraming(totals, options: Self.options())
        #expect(again.label == doc.framing.label && abs(again.balance - doc.framing.balance) < 1e-9)
    }
}
