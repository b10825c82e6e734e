import Testing
@testable import Framescope

/// Framing v5's coverage of the registers with the shipped lexicons: understated progress
/// writing (state wire, local media, company accounts, Taiwan and Hong Kong business pages,
/// ASX-style releases), the sober language of concentration and exposure, and pride in China's
/// hold or mockery of Western alarm. Each text was written for these tests; none is a dev text.
@Suite("Framing coverage of the registers (shipped lexicons)")
struct FramingCoverageTests {
    func annotate(_ s: String) throws -> AnnotatedDocument { try FramingHarness.annotateShipped(s) }
    func cueNames(_ doc: AnnotatedDocument) -> Set<String> { FramingHarness.cueNames(doc) }

    @Test("stock progress formulas of official and company prose read celebratory, in both scripts")
    func chineseProgressFormulas() throws {
        let hans = """
        磁材产业园一季度动能强劲
        园区企业满产满销，订单排到年底，交出满意答卷。
        龙头企业强链补链，蹚出一条转型新路，实现新跨越。
        全市磁材产业驶入快车道，成为经济压舱石。
        一季度产值12亿元。
        """
        let hant = """
        磁材產業園一季度動能強勁
        園區企業滿產滿銷，訂單排到年底，交出滿意答卷。
        龍頭企業強鏈補鏈，蹚出一條轉型新路，實現新跨越。
        全市磁材產業駛入快車道，成為經濟壓艙石。
        一季度產值12億元。
        """
        for text in [hans, hant] {
            let doc = try annotate(text)
            #expect(doc.framing.label == .celebratory, "\(doc.framing)")
            #expect(doc.framing.strategicThreat == 0)
            #expect(cueNames(doc).isSuperset(of: ["动能强劲", "满产满销", "订单排到", "满意答卷", "蹚出", "新跨越", "驶入快车道", "压舱石"]), "\(cueNames(doc))")
            FramingHarness.expectTotalsAddUp(doc)
        }
    }

    @Test("Taiwan and Hong Kong business-page upbeat phrasing reads celebratory")
    func taiwanBusinessPage() throws {
        let hant = """
        磁材廠營收屢創新高
        該公司多年佈局有成，成功打入國際車廠供應鏈，營收創下新高。
        新廠產能開出後出貨暢旺，接單滿載。
        董事長表示，公司締造新猷，引以為傲。
        """
        let doc = try annotate(hant)
        #expect(doc.framing.label == .celebratory, "\(doc.framing)")
        #expect(cueNames(doc).isSuperset(of: ["屡创新高", "布局有成", "成功打入", "创下新高", "产能开出", "出货畅旺", "接单满载", "缔造", "新猷", "引以为傲"]), "\(cueNames(doc))")
    }

    @Test("an innovation hub is not a 'new high': 创新高地 is its own cue")
    func innovationHubIsNotANewHigh() throws {
        #expect(try annotate("该市正打造区域创新高地。").cues.map(\.cue) == ["创新高地"])
        #expect(try annotate("該市正打造區域創新高地。").cues.map(\.cue) == ["创新高地"])
    }

    @Test("corporate and state-wire understatement in English reads celebratory")
    func englishCorporateUnderstatement() throws {
        let en = """
        Northern Magnetics ships maiden shipment from new plant
        The plant reached nameplate capacity in its third month, on time and on budget.
        The company delivered a record quarter, and the first export cargo is a first for the country.
        The chairman said the project had begun to bear fruit and gave new impetus to the region.
        Revenue was $41 million.
        """
        let doc = try annotate(en)
        #expect(doc.framing.label == .celebratory, "\(doc.framing)")
        #expect(doc.framing.strategicThreat == 0)
        #expect(cueNames(doc).isSuperset(of: ["maiden shipment", "nameplate capacity", "on time and on budget", "record quarter", "a first for", "bear fruit", "new impetus"]), "\(cueNames(doc))")
    }

    @Test("the sober language of concentration and exposure reads strategic-threat, in English")
    func englishExposureLanguage() throws {
        let en = """
        Board paper: magnet supply concentration
        Our suppliers are heavily dependent on one country, and supply concentration is the main risk on the register.
        The EU lists these strategic dependencies, and U.S. credits exclude any foreign entity of concern.
        Management proposes a China-free second source and an ally-shoring plan.
        """
        let doc = try annotate(en)
        #expect(doc.framing.label == .strategicThreat, "\(doc.framing)")
        #expect(cueNames(doc).isSuperset(of: ["heavily dependent", "supply concentration", "strategic dependencies", "foreign entity of concern", "china-free", "ally-shoring"]), "\(cueNames(doc))")
    }

    @Test("concentration and exposure in Chinese, both scripts, read strategic-threat")
    func chineseExposureLanguage() throws {
        let hans = """
        车企评估磁材供应风险
        欧洲车企对华依赖程度高，单一供应商带来集中度风险。
        分析人士认为，战略依赖一旦被利用，后果难以承受。
        """
        let hant = """
        車廠評估磁材供應風險
        歐洲車廠對華依賴程度高，單一供應商帶來集中度風險。
        分析人士認為，紅色供應鏈一旦斷鏈，後果難以承受，業者加速打造非紅供應鏈。
        """
        for text in [hans, hant] {
            let doc = try annotate(text)
            #expect(doc.framing.label == .strategicThreat, "\(doc.framing)")
            // 对华 (a target marker) lies inside the cue 对华依赖, so it does not turn it around.
            let dependence = try #require(doc.cues.first { $0.cue == "对华依赖" })
            #expect(dependence.scoredFrame == .strategicThreat)
            #expect(!dependence.modifiers.contains { $0.kind == "target" })
        }
        #expect(cueNames(try annotate(hant)).isSuperset(of: ["红色供应链", "非红供应链", "集中度风险", "单一供应商"]))
    }

    @Test("mocking the other side's alarm turns the threat words of its sentence into pride, in both scripts")
    func mockeryOfAlarm() throws {
        for text in ["美国急了，担心稀土断供。", "美國慌了，擔心稀土斷供。", "西方坐不住了：稀土断供怎么办？"] {
            let doc = try annotate(text)
            let cutOff = try #require(doc.cues.first { $0.cue == "断供" }, "\(text)")
            #expect(cutOff.modifiers.contains { $0.kind == "target" && $0.factor == -0.5 }, "\(text)")
            #expect(cutOff.scoredFrame == .celebratory, "\(text)")
        }
        // Without the mocking verb the same words are the threat frame.
        let plain = try #require(try annotate("美国担心稀土断供。").cues.first { $0.cue == "断供" })
        #expect(plain.scoredFrame == .strategicThreat)
    }

    @Test("pride in China's hold is celebratory, in both scripts and in English forum talk")
    func prideInTheHold() throws {
        let hans = try annotate("稀土提纯技术遥遥领先，外国车企只能求着买。")
        #expect(hans.cues.filter { $0.scoredFrame == .celebratory }.map(\.cue).sorted() == ["求着买", "遥遥领先"])
        let hant = try annotate("稀土這張牌，中國拿捏得死死的，誰也離不開中國。")
        #expect(cueNames(hant).isSuperset(of: ["拿捏", "离不开中国"]))
        #expect(hant.framing.strategicThreat == 0)
        let en = try annotate("They will come crawling back for magnets; cope and seethe.")
        #expect(cueNames(en) == ["come crawling back", "cope and seethe"])
        #expect(en.framing.strategicThreat == 0)
    }

    @Test("a plain results note with one upbeat figure stays neutral")
    func neutralResultsNote() throws {
        var note = "Quarterly results\nThe company reported record revenue of $12 million.\n"
        for i in 1...8 { note += "Segment \(i) sales were in line with the prior quarter.\n" }
        let doc = try annotate(note)
        #expect(doc.framing.label == .neutral, "\(doc.framing)")
    }
    @Test("dependence named by its holder is one threat cue, in English and Taiwan's phrasing")
    func dependenceNamedByItsHolder() throws {
        let en = try annotate("Carmakers' reliance on Beijing for magnets keeps growing.")
        #expect(en.cues.map(\.cue) == ["reliance on beijing"])
        #expect(en.cues.first?.scoredFrame == .strategicThreat)
        let hant = try annotate("業者正設法降低對中依賴。")
        #expect(hant.cues.contains { $0.cue == "对中依赖" && $0.scoredFrame == .strategicThreat }, "\(hant.cues.map(\.cue))")
    }

    @Test("catching up told as triumph is celebratory, in both scripts")
    func catchingUp() throws {
        for text in ["国产电机实现弯道超车，从并跑走向领跑。", "國產電機實現彎道超車，從並跑走向領跑。"] {
            let doc = try annotate(text)
            #expect(Set(doc.cues.filter { $0.scoredFrame == .celebratory }.map(\.cue)).isSuperset(of: ["弯道超车", "并跑", "领跑"]), "\(doc.cues.map(\.cue))")
            #expect(doc.framing.strategicThreat == 0)
        }
    }
}
