import Testing
@testable import Framescope

/// Framing v6: a label named inside its own quotation marks (“卡脖子论”), the other side's
/// loudness (audience, position) leaving with the voice discount, pressure 'by others' (被人),
/// and the cue families of v6 (record-keeping prose, the self-made line, the sourcing and
/// contingency register). Every text was written for these tests; none is a dev text.
@Suite("Framing v6")
struct FramingV6Tests {
    static let lexicon = FramingHarness.lexicon(
        celebratory: """
            milestone\tcelebratory\t2\ten\ttest cue
            pride\tcelebratory\t2\ten\ttest cue
            自主创新\tcelebratory\t1.5\tzh\t-
            里程碑\tcelebratory\t2\tzh\ttest cue
            """,
        threat: """
            dominance\tstrategic-threat\t2\ten\ttest cue
            封锁\tstrategic-threat\t1.5\tzh\t-
            垄断\tstrategic-threat\t2\tzh\ttest cue
            """,
        modifiers: """
            said\tattribution\t0.5\tclause
            据\tattribution\t0.5\tsentence
            the West\taudience\t1.5\tsentence
            西方\taudience\t1.5\tsentence
            theory\tlabel\t0\tquotation
            line\tlabel\t0\tquotation
            论\tlabel\t0\tquotation
            論\tlabel\t0\tquotation
            """)

    func annotate(_ s: String, _ change: (inout FramingOptions) -> Void = { _ in }) throws -> AnnotatedDocument {
        try FramingHarness.annotate(s, lexicon: Self.lexicon, options: FramingHarness.options(change))
    }

    func cue(_ doc: AnnotatedDocument, _ name: String) -> CueEvidence? { doc.cues.first { $0.cue == name } }

    @Test("a quotation that ends with a noun for talk inside its marks names a label: it counts for neither side")
    func labelInsideTheMarks() throws {
        let en = try annotate("The \"China dominance theory\" comes back every spring.")
        let named = try #require(cue(en, "dominance"))
        #expect(named.score == 0 && named.voice == .reported)
        #expect(named.modifiers.contains { $0.kind == "stance" && $0.factor == 0 })
        let hans = try annotate("类似的“封锁论”“垄断论”每季度都要出现一次。")
        #expect(cue(hans, "封锁")?.score == 0 && cue(hans, "垄断")?.score == 0)
        let hant = try annotate("所謂「壟斷論」又來了。")
        #expect(cue(hant, "垄断")?.score == 0)
        // A scare quote without the noun is used, not named (× 0.5 only).
        #expect(cue(try annotate("Its \"dominance\" is plain to see."), "dominance")?.score == 1)
        #expect(cue(try annotate("这是“垄断”。"), "垄断")?.score == 1)
        // A long quotation that happens to end with the noun is speech, not a label.
        let long = try annotate("\"Their dominance rests on a very old and well tested theory\" he said.")
        #expect(cue(long, "dominance")!.score > 0)
        let longZh = try annotate("他说：“稀土市场的长期垄断早已是业内公认的一个结论”。")
        #expect(cue(longZh, "垄断")!.score > 0)
        // A compound that ends with a listed noun ("red line") is no label.
        let compound = try annotate("They crossed a \"dominance line\" this year.") { _ in }
        #expect(cue(compound, "dominance")?.score == 1)
        // Two characters before the noun are enough for a label.
        #expect(cue(try annotate("“垄断论”。"), "垄断")?.score == 0)
        FramingHarness.expectTotalsAddUp(en)
        FramingHarness.expectTotalsAddUp(hans)
    }

    @Test("reported speech against the author's lean loses its audience and position factors with the voice discount")
    func reportedLoudness() throws {
        let texts = [
            "A think tank said the West faces dominance.\nIt is a milestone. Pride is earned.\n",
            "据智库报告，西方面临垄断。\n这是里程碑，靠的是自主创新。\n",
            "據智庫報告，西方面臨壟斷。\n這是里程碑，靠的是自主創新。\n",
        ]
        for text in texts {
            let doc = try annotate(text)
            let threat = try #require(doc.cues.first { $0.frame == .strategicThreat })
            #expect(threat.voice == .reported)
            #expect(!threat.modifiers.contains { $0.kind == "audience" }, "\(threat.modifiers)")
            let voice = try #require(threat.modifiers.first { $0.kind == "voice" })
            #expect(voice.factor == 0.4 && voice.text.contains("audience"))
            #expect(abs(threat.contribution - 2 * 0.5 * 0.4) < 1e-9)
            FramingHarness.expectTotalsAddUp(doc)
            // v5 kept the audience factor.
            let old = try annotate(text) { $0.reportedLoudness = false }
            let kept = try #require(old.cues.first { $0.frame == .strategicThreat })
            #expect(abs(kept.contribution - 2 * 0.5 * 1.5 * 0.4) < 1e-9)
        }
        // With lead weighting on, the lead's position factor leaves too; the author's cues keep theirs.
        let lead = try annotate("据智库报告，西方面临垄断。\n这是里程碑，靠的是自主创新。\n") { $0.leadWeighting = true }
        let threat = try #require(lead.cues.first { $0.frame == .strategicThreat })
        #expect(!threat.modifiers.contains { $0.kind == "position" || $0.kind == "audience" })
        #expect(lead.cues.filter { $0.frame == .celebratory }.allSatisfy { $0.modifiers.contains { $0.kind == "position" } })
        FramingHarness.expectTotalsAddUp(lead)
        // Reported speech that agrees with the author keeps its audience factor.
        let agree = try annotate("A think tank said the West faces dominance.\nDominance is the word. Dominance is here.\n")
        #expect(agree.cues.first { $0.voice == .reported }?.modifiers.contains { $0.kind == "audience" } == true)
    }
}

/// The v6 cue families with the shipped lexicons.
@Suite("Framing v6 cue families (shipped lexicons)")
struct FramingV6CoverageTests {
    func annotate(_ s: String) throws -> AnnotatedDocument { try FramingHarness.annotateShipped(s) }
    func cueNames(_ doc: AnnotatedDocument) -> Set<String> { FramingHarness.cueNames(doc) }

    @Test("pressure 'by others' (被人) on us is the self-reliance story, in both scripts")
    func byOthers() throws {
        for text in ["老师傅说：别怕被人封锁，那往往就是机会。", "老師傅說：別怕被人封鎖，那往往就是機會。"] {
            let doc = try annotate(text)
            let c = try #require(doc.cues.first { $0.cue == "封锁" })
            #expect(c.scoredFrame == .celebratory && c.modifiers.contains { $0.kind == "target" && $0.text == "被人" })
            FramingHarness.expectTotalsAddUp(doc)
        }
    }

    @Test("comment voices: a bullet comment (弹幕) or a commenter is the audience speaking, not the author, in English and both scripts")
    func commentVoices() throws {
        for (text, marker) in [("[弹幕：遥遥领先！]", "弹幕"), ("[彈幕：遙遙領先！]", "彈幕"), ("One commenter called the new plant a milestone.", "commenter")] {
            let doc = try annotate(text)
            let c = try #require(doc.cues.first)
            #expect(c.voice == .reported && c.modifiers.contains { $0.kind == "attribution" && $0.text == marker }, "\(c.modifiers)")
            FramingHarness.expectTotalsAddUp(doc)
        }
    }

    @Test("record-keeping prose: completed projects, acceptance, volume supply read celebratory in both scripts")
    func recordKeeping() throws {
        let hans = """
        【重点企业】某稀土公司冶炼智能化改造项目建成，产能提高至5万吨。
        高寒钢轨实现批量供货，销量增长11%。
        绿色分离项目通过验收，废水排放下降三成。
        全年新开工材料项目12个。
        """
        let hant = """
        【重點企業】某稀土公司冶煉智能化改造項目建成，產能提高至5萬噸。
        高寒鋼軌實現批量供貨，銷量增長11%。
        綠色分離項目通過驗收，廢水排放下降三成。
        全年新開工材料項目12個。
        """
        for text in [hans, hant] {
            let doc = try annotate(text)
            #expect(doc.framing.label == .celebratory, "\(doc.framing)")
            #expect(doc.framing.strategicThreat == 0)
            #expect(cueNames(doc).isSuperset(of: ["项目建成", "批量供货", "通过验收", "新开工"]), "\(cueNames(doc))")
            FramingHarness.expectTotalsAddUp(doc)
        }
        let en = try annotate("The separation project passed acceptance in March. The new line moved into volume supply in June.")
        #expect(cueNames(en).isSuperset(of: ["passed acceptance", "volume supply"]), "\(cueNames(en))")
        #expect(en.framing.strategicThreat == 0)
    }

    @Test("the self-made line told by the firm reads celebratory, in English and both scripts")
    func selfMade() throws {
        let hant = """
        某磁石產線滿載生產　國產材料再下一城
        這是台灣首條自主製程的磁石產線，11月起滿載生產。
        董事長說，那次斷料讓公司決心把配方握在自己手上，「從鋼板到磁石，都是台灣自己做」。
        主管機關表示，關鍵材料自主化邁出重要一步，業界引以為榮。
        """
        let hans = """
        某磁材产线满载生产　国产材料再下一城
        这是国内首条自主工艺的磁材产线，11月起满载生产。
        董事长说，设备被拒之后，团队决定自己造，把工艺掌握在自己手中。
        主管部门表示，关键材料自主化迈出重要一步，我们以此为荣。
        """
        for (text, cues) in [(hant, ["满载生产", "首条", "握在自己手上", "自己做", "自主化", "迈出重要一步", "再下一城", "为荣"]),
                             (hans, ["满载生产", "首条", "自己造", "掌握在自己手中", "自主化", "迈出重要一步", "再下一城", "为荣"])] {
            let doc = try annotate(text)
            #expect(doc.framing.label == .celebratory, "\(doc.framing)")
            #expect(cueNames(doc).isSuperset(of: cues), "\(cueNames(doc))")
            FramingHarness.expectTotalsAddUp(doc)
        }
        let en = try annotate("""
        When the furnace order was cancelled, the team built it ourselves, as the founder puts it.
        The process is now in our own hands, an important step forward for the plant.
        Proud of you, class of 2006.
        """)
        #expect(cueNames(en).isSuperset(of: ["built it ourselves", "in our own hands", "important step forward", "proud of you"]), "\(cueNames(en))")
        #expect(en.framing.strategicThreat == 0)
    }

    @Test("the sourcing and contingency register reads strategic-threat, in English and both scripts")
    func sourcingRegister() throws {
        let en = """
        Where our magnets come from
        Every sintered magnet in our twelve motor families leads to one plant.
        Ask each rotor supplier for a second source and agree a safety stock for the defense drives.
        Licences for the heavy grades are now issued case by case.
        Nothing has gone wrong yet, but a single policy decision in Beijing could stop a third of our lines.
        """
        let doc = try annotate(en)
        #expect(doc.framing.label == .strategicThreat, "\(doc.framing)")
        #expect(cueNames(doc).isSuperset(of: ["second source", "safety stock*", "case by case", "single policy decision"]), "\(cueNames(doc))")
        FramingHarness.expectTotalsAddUp(doc)
        let hans = "学者建议，供应链应提早备援，尽快确定第二来源，并建立关键矿产安全存量与安全库存；许可审批节奏完全由对方掌握。"
        let hant = "學者建議，供應鏈應提早備援，儘快確定第二貨源，並建立關鍵礦產安全存量與安全庫存；許可審批節奏完全由對岸掌握。"
        for (text, cues) in [(hans, ["备援", "第二来源", "安全存量", "安全库存", "审批节奏"]), (hant, ["备援", "第二货源", "安全存量", "安全库存", "审批节奏"])] {
            let d = try annotate(text)
            #expect(d.framing.celebratory == 0 && d.framing.strategicThreat > 3, "\(d.framing)")
            #expect(cueNames(d).isSuperset(of: cues), "\(cueNames(d))")
        }
    }
}
