import Testing
@testable import Framescope

/// Framing v7 (pride and mockery): the author's dismissive word turns the other side's threat
/// words of its paragraph to the celebratory side (`target` rows of paragraph scope), a title in
/// 《》 is somebody else's words, and pride in China's hold has cues of its own. Every text was
/// written for these tests in English, Simplified and Traditional Chinese; none is a
/// development text.
@Suite("Framing v7: pride and mockery")
struct FramingMockeryTests {
    static let lexicon = FramingHarness.lexicon(
        celebratory: """
            proud\tcelebratory\t1\ten\t-
            自豪\tcelebratory\t1\tzh\t-
            """,
        threat: """
            weapon\tstrategic-threat\t1\ten\t-
            dependence\tstrategic-threat\t1\ten\t-
            武器化\tstrategic-threat\t1\tzh\t-
            依赖\tstrategic-threat\t1\tzh\t-
            """,
        modifiers: """
            said\tattribution\t0.5\tclause
            表示\tattribution\t0.5\tclause
            西方媒体\tattribution\t0.5\tclause
            washington\taudience\t1.4\tsentence
            西方\taudience\t1.4\tsentence
            lol\ttarget\t-0.5\tparagraph
            可笑\ttarget\t-0.5\tparagraph
            所谓\tstance\t-0.5\tclause
            """)

    func annotate(_ s: String) throws -> AnnotatedDocument {
        try FramingHarness.annotate(s, lexicon: Self.lexicon, options: FramingHarness.options())
    }

    func mocked(_ c: CueEvidence) -> Bool { c.modifiers.contains { $0.kind == "target" && $0.text.hasPrefix("mocked: ") } }

    @Test("a dismissive word turns the other side's quoted threat words of its paragraph, not the author's own")
    func englishThread() throws {
        let doc = try annotate("""
        Another op-ed warns of "dependence" on us. Our factories keep shipping. lol

        A weapon is a weapon.
        """)
        let quoted = try #require(doc.cues.first { $0.cue == "dependence" })
        #expect(mocked(quoted) && quoted.scoredFrame == .celebratory)
        #expect(quoted.modifiers.first { $0.kind == "target" }?.text == "mocked: lol")
        // The next paragraph is the author's own, and out of the marker's reach.
        #expect(doc.cues.filter { $0.cue == "weapon" }.allSatisfy { !mocked($0) && $0.scoredFrame == .strategicThreat })
        FramingHarness.expectTotalsAddUp(doc)
    }

    @Test("in Chinese, the foreign side named in a sentence makes its threat words the mocked ones")
    func simplifiedForeignSide() throws {
        let doc = try annotate("西方说我们的稀土是依赖的根源。这种说法真可笑。我们自己也要防止武器化的风险。")
        let foreign = try #require(doc.cues.first { $0.cue == "依赖" })
        #expect(mocked(foreign) && foreign.scoredFrame == .celebratory)
        // No quotation, no attribution, no foreign side: the author's own warning stays.
        let own = try #require(doc.cues.first { $0.cue == "武器化" })
        #expect(!mocked(own) && own.scoredFrame == .strategicThreat)
        // The audience factor does not apply to a mocked cue: the West is then the speaker.
        #expect(!foreign.modifiers.contains { $0.kind == "audience" })
    }

    @Test("a threat word already turned by 所谓 is not turned back by the mockery of its sentence")
    func noDoubleTurn() throws {
        let doc = try annotate("所谓“依赖”，真可笑。")
        let c = try #require(doc.cues.first { $0.cue == "依赖" })
        #expect(c.scoredFrame == .celebratory && !mocked(c))
        FramingHarness.expectTotalsAddUp(doc)
    }

    @Test("scorn inside a quotation, or in a sentence that reports somebody, is not the author's")
    func reportedScornMarksNothing() throws {
        let quoted = try annotate("""
        "This is all laughable, lol," the envoy said. Washington's dependence is a weapon.
        """)
        #expect(quoted.cues.allSatisfy { !mocked($0) && $0.scoredFrame == .strategicThreat })
        let reported = try annotate("发言人表示，这种说法很可笑。西方的依赖就是武器化的入口。")
        #expect(reported.cues.allSatisfy { !mocked($0) && $0.scoredFrame == .strategicThreat })
        // Naming the West in the reporting sentence does not make a spokesman's scorn the author's.
        let named = try annotate("发言人表示，西方的说法很可笑。西方的依赖就是武器化的入口。")
        #expect(named.cues.allSatisfy { !mocked($0) && $0.scoredFrame == .strategicThreat })
        // The foreign side as the reported voice (西方媒体) is what the author mocks.
        let foreign = try annotate("西方媒体说中国制造了依赖，真可笑。")
        #expect(foreign.cues.first { $0.cue == "依赖" }.map(mocked) == true)
    }

    @Test("Traditional script: a title in 《》 names a work: reported, and weighing for neither frame, mocked or not")
    func traditionalTitle() throws {
        // Framing v7 gave titles two readings (a quotation the paragraph's mockery reaches, and a
        // name that is mentioned, not used); merged, the name wins: the title's words are nobody's frame.
        let doc = try annotate("華府智庫的新報告題為《稀土武器化》。讀罷只覺可笑。")
        let title = try #require(doc.cues.first { $0.cue == "武器化" })
        #expect(title.voice == .reported)
        #expect(title.modifiers.contains { $0.kind == "quotation" })
        #expect(title.score == 0 && doc.framing.strategicThreat == 0 && doc.framing.celebratory == 0)
        let plain = try annotate("華府智庫的新報告題為《稀土武器化》。")
        #expect(plain.cues.first?.voice == .reported && plain.framing.strategicThreat == 0)
    }

    @Test("shipped lexicons: mockery and pride read as celebratory in all three scripts")
    func shippedCelebratory() throws {
        let texts = [
            """
            Another week, another "weaponization" scare

            Western papers say again that the world has a dangerous dependence on Chinese magnets. lol. We refine most of the world's rare earths because we did the work others left, and we have nothing to apologize for.

            Our market share is a scoreboard, not a plot.
            """,
            """
            外媒又在炒“稀土卡脖子”

            西方媒体又说中国要把稀土武器化，说全世界对中国形成了危险依赖，真是可笑。这份领先是几代人干出来的，我们不必为此道歉。

            用实力说话，就是最好的回应。
            """,
            """
            稀土「武器化」的老調又來了

            華府又有人說中國掐住了西方的脖子，叫囂要擺脫對中國的依賴，令人莞爾。這份底氣是幾代人幹出來的，我們不必道歉。

            定價權在我們手裡，這是實力。
            """,
        ]
        for t in texts {
            let doc = try FramingHarness.annotateShipped(t)
            #expect(doc.framing.label == .celebratory, "\(t.prefix(24)): \(doc.framing.balance)")
            FramingHarness.expectTotalsAddUp(doc)
        }
    }

    @Test("shipped lexicons: a Western threat analysis that quotes Beijing's scorn stays strategic-threat")
    func shippedWesternAnalysis() throws {
        let texts = [
            """
            Allies must end their dependence on Chinese magnets

            Beijing controls about 90 percent of magnet output and has shown it will use export controls as a weapon. "Western panic is laughable, lol," a Global Times editorial said. Washington and its allies should build stockpiles now, before the next round of licensing delays.
            """,
            """
            盟友必须摆脱对中国磁材的依赖

            北京控制全球约九成磁材产能，并已把出口管制当作武器。环球时报社评称，西方的担忧“十分可笑”。美国及其盟友应立即建立战略储备，降低供应链风险。
            """,
        ]
        for t in texts {
            let doc = try FramingHarness.annotateShipped(t)
            #expect(doc.framing.label == .strategicThreat, "\(t.prefix(24)): \(doc.framing.balance)")
            #expect(doc.cues.allSatisfy { !mocked($0) })
        }
    }
}
