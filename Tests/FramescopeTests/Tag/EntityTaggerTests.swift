import Testing
@testable import Framescope

@Suite("Entity tagger")
struct EntityTaggerTests {
    static let small: [String: String] = [
        "entities/test.tsv": """
        id\ttype\tcanonical\tsurface\tlang
        company:baogang\tcompany\tBaogang Group\tBaogang Group\ten
        company:baogang\tcompany\tBaogang Group\tBaogang\ten
        company:baogang\tcompany\tBaogang Group\t包钢集团\tzh
        company:baogang\tcompany\tBaogang Group\t包钢\tzh
        company:nre\tcompany\tChina Northern Rare Earth\tChina Northern Rare Earth\ten
        company:nre\tcompany\tChina Northern Rare Earth\t北方稀土\tzh
        material:steel\tmaterial\tsteel\tsteel\ten
        material:rare-earths\tmaterial\trare earths\trare earth\ten
        material:rare-earths\tmaterial\trare earths\t稀土\tzh
        place:china\tplace\tChina\tChina\ten
        place:bayan-obo\tplace\tBayan Obo\t白云鄂博\tzh
        place:us\tplace\tUnited States\tUS\tund
        place:inner-mongolia\tplace\tInner Mongolia\t内蒙古\tzh
        place:mongolia\tplace\tMongolia\t蒙古\tzh
        material:wear-resistant-steel\tmaterial\twear-resistant steel\t耐磨钢\tzh
        material:ndfeb\tmaterial\tNdFeB\tNdFeB\tund
        material:ndfeb\tmaterial\tNdFeB\t钕铁硼\tzh
        material:magnets\tmaterial\tmagnets\tmagnets\ten
        material:pm\tmaterial\tpermanent magnet materials\t永磁材料\tzh

        """,
        "units.tsv": "surface\tunit\tdimension\tfactor_to_base\ntons\tt\tmass\t1\n吨\tt\tmass\t1\n",
        "patterns.tsv": "word\trole\tlang\nsintered\tmaterial-modifier\ten\n高性能\tmaterial-modifier\tzh\n",
    ]

    @Test("traditional, full-width and case variants reach the same entity")
    func variants() throws {
        let lex = try TemporaryLexicons(Self.small).load()
        // Not "baogang said": a capitalised name written in lower case is an ordinary word (ent-en11).
        for s in ["包鋼集團宣布", "包钢集团宣布", "ＢＡＯＧＡＮＧ said", "BAOGANG said", "Baogang said"] {
            let (_, result) = try tag(s, lexicons: lex)
            #expect(result.entities.map(\.id) == ["company:baogang"], "\(s)")
        }
    }

    @Test("a Latin term is never found inside a longer word")
    func wordBoundaries() throws {
        let lex = try TemporaryLexicons(Self.small).load()
        let (text, result) = try tag("The steelmaker and steelworks cut steel output; steel's price rose.", lexicons: lex)
        #expect(result.entities.map(text.text(of:)) == ["steel", "steel"])
    }

    @Test("a Han lexicon term is one span however ICU cuts the run around it", arguments: [
        "白云鄂博矿", "在白云鄂博", "白云鄂博稀土矿山", "位于内蒙古白云鄂博的矿区",
    ])
    func hanTermsInContext(_ s: String) throws {
        let lex = try TemporaryLexicons(Self.small).load()
        let (text, result) = try tag(s, lexicons: lex)
        #expect(result.entities.contains { text.text(of: $0) == "白云鄂博" && $0.id == "place:bayan-obo" })
        // ICU alone does not keep it whole in every context (that is why matching is by character).
        _ = text
    }

    @Test("the tokenizer can keep lexicon terms whole")
    func keepLexiconTerms() throws {
        let lex = try TemporaryLexicons(Self.small).load()
        let folder = try Folder()
        let tokenizer = try Tokenizer(options: .init(userWords: UserWordList(lexicons: lex, folder: folder)))
        for s in ["白云鄂博矿", "在白云鄂博", "白云鄂博稀土矿山"] {
            #expect(tokenizer.texts(s).contains("白云鄂博"), "\(s): \(tokenizer.texts(s))")
        }
    }

    @Test("ICU alone splits the Han term differently across contexts")
    func icuSplitsDiffer() throws {
        let tokenizer = try Tokenizer()
        let cuts = ["白云鄂博矿", "在白云鄂博", "白云鄂博稀土矿山"].map { tokenizer.texts($0) }
        #expect(!cuts.allSatisfy { $0.contains("白云鄂博") })
    }

    @Test("overlaps: longest first, lexicon before quantity before pattern, inner mentions nested")
    func overlapRule() throws {
        let lex = try TemporaryLexicons(Self.small).load()
        // 内蒙古 (3) beats 蒙古 (2); the company name beats the place and material inside it.
        let (text, result) = try tag("内蒙古的China Northern Rare Earth和北方稀土", lexicons: lex)
        #expect(result.entities.map(text.text(of:)) == ["内蒙古", "China Northern Rare Earth", "北方稀土"])
        #expect(!result.entities.contains { $0.id == "place:mongolia" })
        // Nested keeps the meaningful inner mentions of another type, never in `entities`.
        let nested = Set(result.nested.map { "\(text.text(of: $0))|\($0.type.rawValue)" })
        #expect(nested == ["China|place", "Rare Earth|material", "稀土|material"])
    }

    @Test("all-capital acronyms match only capitals")
    func acronyms() throws {
        let lex = try TemporaryLexicons(Self.small).load()
        #expect(try tag("Tariffs imposed by the US rose.", lexicons: lex).result.entities.map(\.id) == ["place:us"])
        #expect(try tag("Let us see what happens.", lexicons: lex).result.entities.isEmpty)
    }

    @Test("names the lexicon does not know are found by their shape")
    func patterns() throws {
        let cases: [(String, String, EntityType)] = [
            ("Exports by Hyundai Steel rose sharply.", "Hyundai Steel", .company),
            ("The deal was signed with Qinghai Salt Lake Magnesium Co., Ltd. last week.", "Qinghai Salt Lake Magnesium Co., Ltd.", .company),
            ("Researchers at the Defense Logistics Agency disagreed.", "Defense Logistics Agency", .organization),
            ("said senior analyst Tom Ridley, who follows the market.", "Tom Ridley", .person),
            ("Henrik Vogel said the plant would open.", "Henrik Vogel", .person),
            ("The company's vice president Laura Brennan disagreed.", "Laura Brennan", .person),
            ("According to Priya Raman, prices rose.", "Priya Raman", .person),
            ("包头泰和磁材科技有限公司发布公告。", "包头泰和磁材科技有限公司", .company),
            ("董事长刘海涛表示，产量将提高。", "刘海涛", .person),
            ("江西理工大学的研究团队", "江西理工大学", .organization),
        ]
        for (s, surface, type) in cases {
            let (text, result) = try tag(s)
            #expect(result.entities.contains { text.text(of: $0) == surface && $0.type == type && $0.source != .number },
                    "\(s): \(result.entities.map { "\(text.text(of: $0))/\($0.type)" })")
        }
    }

    @Test("English pattern words are looked up by folded key, one token or two joined by a space")
    func englishNameWords() throws {
        let lex = try TemporaryLexicons(Self.small.merging(["patterns.tsv": """
            word\trole\tlang
            Analyst\tperson-title\ten
            vice president\tperson-title\ten
            co-founder\tperson-title\ten
            according to\tspeech-verb\ten
            Group\tcompany-suffix\ten

            """]) { $1 }).load()
        let words = EnglishNameWords(patterns: lex.patterns)
        let tokenizer = try Tokenizer()
        let text = DocumentText("ＡＮＡＬＹＳＴ Vice President, co founder according TO the Group 中 the Grouping.")
        let folded = tokenizer.folder.fold(text)
        let t = tokenizer.tokens(text, folded: folded)
        #expect(t.count == 14)
        func kinds(_ i: Int) -> EnglishNameWords.Kind { words.kinds(words.id(of: t[i], in: folded)) }
        func pair(_ i: Int) -> EnglishNameWords.Kind { words.kinds(words.id(of: t[i - 1], t[i], in: folded)) }
        #expect(kinds(0) == .personTitle)  // full-width and capitals fold
        #expect(kinds(1) == [] && kinds(2) == [] && pair(2) == .personTitle)
        #expect(words.id(of: t[3], in: folded) == words.comma)
        #expect(pair(5) == .personTitle)  // a hyphen in a listed word matches a space
        #expect(pair(7) == .speechVerb)
        #expect(kinds(8) == .leadingStop && words.id(of: t[8], in: folded) == words.the)
        #expect(kinds(9) == [.companySuffix, .weakSuffix])
        #expect(words.id(of: t[10], in: folded) == EnglishNameWords.unknown)  // Han: no key
        #expect(pair(11) == [])  // " the" is no listed word
        #expect(kinds(12) == [] && words.id(of: t[12], in: folded) == EnglishNameWords.unknown)  // a listed word's prefix is not enough
        #expect(words.id(of: t[13], in: folded) == words.dot)
        #expect(pair(1) == [] && pair(4) == [])
    }

    @Test("a known name with a legal suffix is the known entity over the whole span")
    func knownNameWithSuffix() throws {
        let lex = try TemporaryLexicons(Self.small.merging(["patterns.tsv": "word\trole\tlang\n有限公司\tcompany-suffix\tzh\n"]) { $1 }).load()
        let (text, result) = try tag("北方稀土有限公司发布公告。", lexicons: lex)
        #expect(result.entities.map { "\(text.text(of: $0))|\($0.id ?? "-")" } == ["北方稀土有限公司|company:nre"])
    }

    @Test("title-case headlines do not produce names")
    func headlines() throws {
        let (text, result) = try tag("Baogang Group Accelerates Rare Earth and Steel Tech Innovation With Breakthroughs")
        #expect(!result.entities.contains { $0.source == .pattern }, "\(result.entities.map(text.text(of:)))")
    }

    @Test("touching materials and modifiers join into one material")
    func compounds() throws {
        let lex = try TemporaryLexicons(Self.small).load()
        let (text, result) = try tag("公司推出稀土耐磨钢和高性能钕铁硼永磁材料，并出口sintered NdFeB magnets。", lexicons: lex)
        let materials = result.entities.filter { $0.type == .material }.map(text.text(of:))
        #expect(materials.contains("稀土耐磨钢"), "\(materials)")
        #expect(materials.contains("高性能钕铁硼永磁材料"), "\(materials)")
        #expect(materials.contains("sintered NdFeB magnets"), "\(materials)")
    }

    @Test("every entity span is exactly its text, also with astral characters")
    func spans() throws {
        let s = "𠀋𠀋 Baogang 包鋼集團 𪚥 800,000 tons 😀 稀土"
        let (text, result) = try tag(s)
        #expect(result.entities.count >= 3)
        for e in result.entities + result.nested { #expect(slice(s, e.start, e.end) == text.text(of: e)) }
    }

    /// The interval set against a covered-positions model: intervals in start order (the fast
    /// path, as matches arrive) and in scrambled order (the general path), touching, nested and
    /// repeated, then every query of up to 12 positions over the range.
    @Test func intervalSetMatchesCoverageModel() {
        var rng = Statistics.SplitMix64(seed: 7)
        for round in 0..<200 {
            var intervals: [(Int, Int)] = (0..<Int(rng.next() % 12)).map { _ in
                let s = Int(rng.next() % 40)
                return (s, s + 1 + Int(rng.next() % 6))
            }
            if round % 2 == 0 { intervals.sort { $0.0 < $1.0 } }
            var set = IntervalSet()
            var covered = [Bool](repeating: false, count: 64)
            for (s, e) in intervals {
                set.insertOverlapping(s, e)
                for i in s..<e { covered[i] = true }
            }
            for s in 0..<50 {
                for e in (s + 1)...(s + 12) {
                    #expect(set.overlaps(s, e) == covered[s..<e].contains(true), "round \(round): \(intervals), query \(s)..<\(e)")
                }
            }
        }
    }

    /// The packed connector test against the connector set, for every key of up to three
    /// scalars over letters of the connectors, NUL, a CJK and an astral character.
    @Test func packedConnectorKeys() {
        let alphabet: [UInt32] = [0, 0x26, 0x61, 0x64, 0x65, 0x66, 0x68, 0x6E, 0x6F, 0x72, 0x74, 0x75, 0x4E2D, 0x10FFFF]
        var keys: [[UInt32]] = [[]]
        for length in 1...3 {
            keys += keys.filter { $0.count == length - 1 }.flatMap { k in alphabet.map { k + [$0] } }
        }
        var found = 0
        for key in keys {
            let string = String(String.UnicodeScalarView(key.compactMap(Unicode.Scalar.init)))
            let expected = NamePatterns.connectors.contains(string)
            #expect(NamePatterns.connectorKeys.contains(NamePatterns.packed(key)) == expected, "\(key)")
            if expected { found += 1 }
        }
        #expect(found == NamePatterns.connectors.count)
    }
}

