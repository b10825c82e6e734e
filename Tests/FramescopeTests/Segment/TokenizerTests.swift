import FramescopeICU
import PropertyBased
import Testing
@testable import Framescope

@Suite("Tokenizer")
struct TokenizerTests {
    /// Pieces chosen to stress offsets: astral CJK (UTF-16 surrogate pairs), emoji with
    /// modifiers, combining marks, full-width forms, mixed scripts and whitespace.
    static let pieces = [
        "包钢", "包鋼集團", "𠀋", "𪚥𠮷", "😀", "👍🏽", "e\u{301}", "café", "ＢＡＯＧＡＮＧ", "１７５０万吨", "Baogang",
        " ", "\n", "\t", "U.S.", "400 km/h", "，", "。", "rare-earth", "“quoted”", "\u{3000}", "ﬁ", "㎞", "Ｎｄ２Ｏ３",
        "10-ton", "稀土", "🇨🇳", "a", "中", "\u{200B}", "x\u{308}\u{301}",
    ]

    @Test("a document's UTF-16 form is the string's, for every width of UTF-8 sequence")
    func utf16Transcoding() async throws {
        #expect(DocumentText("").utf16 == [])
        await propertyCheck(count: 300, input: Gen<String?>.element(of: Self.pieces).array(of: 0...40)) { parts in
            let s = parts.compactMap { $0 }.joined()
            #expect(DocumentText(s).utf16 == Array(s.utf16))
            // A substring (boilerplate lines are decided on substrings of the article).
            let middle = s.dropFirst(s.count / 3).dropLast(s.count / 3)
            #expect(DocumentText.transcode(middle) == Array(middle.utf16))
        }
        // Every boundary of the 1-, 2-, 3- and 4-byte forms.
        let edges: [UInt32] = [0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF]
        let s = String(String.UnicodeScalarView(edges.compactMap(Unicode.Scalar.init)))
        #expect(DocumentText(s).utf16 == Array(s.utf16))
    }

    @Test("text back from UTF-16 units is what the standard library makes, lone surrogates included")
    func stringFromUTF16() async throws {
        // Every width, the edges of each, and lone or reversed surrogates (a cut pair).
        let units: [[UInt16]] = [
            [], [0x41], [0x7F, 0x80], [0x7FF, 0x800], [0xD7FF, 0xE000, 0xFFFD, 0xFFFF],
            [0xD840, 0xDC0B], [0xDBFF, 0xDFFF], [0xD840], [0xDC0B], [0xDC0B, 0xD840], [0x41, 0xD840, 0x42],
            [0xD840, 0xD840, 0xDC0B], Array("包鋼 Baogang 𠀋 ＢＡＯ".utf16),
        ]
        for u in units {
            // Byte for byte: `==` on strings compares canonical equivalence.
            let expected = Array(String(decoding: u, as: UTF16.self).utf8)
            #expect(Array(u.withUnsafeBufferPointer(DocumentText.string).utf8) == expected)
            #expect(Array(DocumentText(utf16: u).string.utf8) == expected)
        }
        #expect(DocumentText.string([0x41, 0xD840, 0xDC0B, 0x42], 1..<3) == "𠀋")
        #expect(DocumentText.string([0x41, 0xD840, 0xDC0B, 0x42], 1..<2) == "\u{FFFD}")
        await propertyCheck(count: 300, input: Gen<String?>.element(of: Self.pieces).array(of: 0...40)) { parts in
            let u = Array(parts.compactMap { $0 }.joined().utf16)
            let a = u.count / 3, b = u.count - u.count / 4
            #expect(Array(DocumentText.string(u, a..<b).utf8) == Array(String(decoding: u[a..<b], as: UTF16.self).utf8))
        }
    }

    @Test("token and sentence offsets round-trip on random mixed text")
    func offsetsRoundTrip() async throws {
        await propertyCheck(count: 300, input: Gen<String?>.element(of: Self.pieces).array(of: 0...40)) { parts in
            let s = parts.compactMap { $0 }.joined()
            guard let tokenizer = try? Tokenizer() else { Issue.record("ICU unavailable"); return }
            let text = DocumentText(s)
            let folded = tokenizer.folder.fold(text)
            for token in tokenizer.tokens(text, folded: folded) {
                #expect(slice(s, token.start, token.end) == text.substring(utf16: token.utf16Start..<token.utf16End))
                #expect(token.start < token.end)
            }
            for sentence in tokenizer.sentenceSpans(text) {
                #expect(slice(s, sentence.start, sentence.end) == text.substring(utf16: sentence.utf16Start..<sentence.utf16End))
            }
            #expect(folded.start.count == s.unicodeScalars.count + 1)
            // Code point → UTF-16 offsets, as the scalars' widths add up.
            let widths = s.unicodeScalars.map { Int32($0.utf16.count) }
            #expect(CodePointIndex(text).utf16Offsets == widths.reduce(into: [0]) { $0.append($0.last! + $1) })
        }
    }

    @Test("code point to UTF-16 offsets with a surrogate pair, a lone surrogate or none, at every position of short texts")
    func codePointIndex() {
        for length in 0...11 {
            for position in -1..<length {
                for unit: [UInt16] in [[0xD840, 0xDC0B], [0xD840], [0xDC0B], [0xDBFF, 0xDFFF], [0xE000], [0xD7FF]] {
                    var units = [UInt16](repeating: 0x41, count: length)
                    if position >= 0 { units.replaceSubrange(position..<position + 1, with: unit) }
                    let text = DocumentText(utf16: units)
                    let index = CodePointIndex(text)
                    // The plain rule: a valid pair is one code point, any other unit is one.
                    var expected: [Int] = []
                    var i = 0
                    while i < units.count {
                        expected.append(i)
                        i += UTF16.isLeadSurrogate(units[i]) && i + 1 < units.count && UTF16.isTrailSurrogate(units[i + 1]) ? 2 : 1
                    }
                    expected.append(units.count)
                    #expect(index.count == expected.count - 1, "\(units)")
                    #expect((0...index.count).map(index.utf16) == expected, "\(units)")
                    #expect(index.utf16Offsets.map(Int.init) == expected)
                    let surrogate = units.contains { (0xD800...0xDFFF).contains($0) }
                    #expect(units.withUnsafeBufferPointer(CodePointIndex.containsSurrogate) == surrogate, "\(units)")
                }
            }
        }
    }

    @Test("segmentation is exactly ICU's word break iteration, whitespace dropped")
    func sameAsPlainICU() throws {
        let samples = [
            "Baogang Group (包钢集团) launched 10 new steel products in 2025.",
            "包头钢铁集团有限责任公司今年产量达到1750万吨，同比增长5%。",
            "China’s rare earth edge is no longer just about mining—it’s about mastering materials.",
            "印度尼西亚的镍矿和澳大利亚的锂矿 𠀋 😀 ＮｄＦｅＢ",
        ]
        let tokenizer = try Tokenizer()
        let plain = try BreakIterator(.word, locale: "zh")
        for s in samples {
            let text = DocumentText(s)
            try plain.setText(text.utf16)
            var expected: [Range<Int>] = []
            plain.forEachSegment { start, end, _ in
                let piece = text.substring(utf16: start..<end)
                if !piece.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { expected.append(start..<end) }
            }
            let ours = tokenizer.icuTokens(text).map { $0.utf16Start..<$0.utf16End }
            #expect(ours == expected)
            #expect(tokenizer.tokens(text).map { $0.utf16Start..<$0.utf16End } == expected)
        }
    }

    @Test("token kinds come from ICU's rule status and the character class")
    func kinds() throws {
        let tokenizer = try Tokenizer()
        let text = DocumentText("Steel 1750 钢铁 , $ 😀")
        let kinds = tokenizer.tokens(text).map(\.kind)
        #expect(kinds == [.word, .number, .ideographic, .punctuation, .symbol, .symbol])
    }

    @Test("traditional, full-width and case variants fold to one simplified half-width key")
    func folding() throws {
        let folder = try Folder()
        #expect(folder.fold("包鋼集團") == "包钢集团")
        #expect(folder.fold("包钢集团") == "包钢集团")
        #expect(folder.fold("ＢＡＯＧＡＮＧ") == "baogang")
        #expect(folder.fold("Baogang") == "baogang")
        #expect(folder.fold("釹鐵硼") == "钕铁硼")
        #expect(folder.fold("１７５０萬噸") == "1750万吨")
        #expect(folder.fold("“Green” — steel’s") == "\"green\" - steel's")
        #expect(folder.fold("e\u{301}") == folder.fold("é"))
        #expect(folder.fold("  rare\u{3000}\n earth  ") == "rare earth")
        #expect(folder.fold("STRASSE") == folder.fold("straße"))
        #expect(folder.fold("90万吨∕年") == folder.fold("90万吨／年"))
    }

    @Test("the folded text's maps agree with each other on random mixed text")
    func foldMaps() async throws {
        let folder = try Folder()
        await propertyCheck(count: 300, input: Gen<String?>.element(of: Self.pieces).array(of: 0...40)) { parts in
            let s = parts.compactMap { $0 }.joined()
            let folded = folder.fold(DocumentText(s))
            #expect(folded.scalars.count == folded.origin.count)
            #expect(folded.start.count == s.unicodeScalars.count + 1)
            #expect(folded.start.last.map(Int.init) == folded.scalars.count)
            #expect(zip(folded.start, folded.start.dropFirst()).allSatisfy { $0 <= $1 })
            for (f, o) in folded.origin.enumerated() {
                // Each folded scalar lies within the folded range of the code point it came from.
                #expect(Int(folded.start[Int(o)]) <= f && f < Int(folded.start[Int(o) + 1]))
            }
            #expect(folded.scalars.first != 0x20 && folded.scalars.last != 0x20)
            #expect(!zip(folded.scalars, folded.scalars.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 })
        }
    }

    @Test("folding that expands text far beyond its length keeps every scalar and origin")
    func foldExpansion() throws {
        let folder = try Folder()
        let one = folder.fold(DocumentText("\u{FDFA}"))  // a ligature whose NFKC form has 18 scalars
        #expect(one.scalars.count == 18)
        let many = folder.fold(DocumentText(String(repeating: "\u{FDFA}x", count: 200)))
        #expect(many.scalars.count == 200 * 19)
        #expect(many.origin[18] == 1 && many.origin[19] == 2 && many.origin.last == 399)
        #expect(Array(many.scalars[0..<18]) == one.scalars)
        // A base with combining marks after an astral character: one cluster, every code point mapped.
        let marks = folder.fold(DocumentText("𠀋e\u{301}\u{323}x"))
        // NFKC reorders the marks and composes e + dot below (ẹ), leaving the acute: 𠀋 ẹ ◌́ x.
        #expect(marks.scalars == [0x2000B, 0x1EB9, 0x301, 0x78])
        #expect(marks.start == [0, 1, 3, 3, 3, 4])
        #expect(marks.origin.first == 0 && marks.origin.last == 4)
    }

    @Test("the ranges that skip the combining-class lookup hold no combining mark")
    func combiningShortcut() {
        for range in [0x3400...0x9FFF, 0xFF01...0xFF5E, 0x3000...0x3029, 0x2000...0x206F] as [ClosedRange<UInt32>] {
            for c in range {
                guard let scalar = Unicode.Scalar(c) else { continue }
                #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(c, radix: 16))")
                #expect(!Folder.isCombining(c))
            }
        }
        #expect(Folder.isCombining(0x301) && Folder.isCombining(0x302A) && Folder.isCombining(0x20D0))
    }

    @Test("token norms are the folded keys of the token text")
    func norms() throws {
        let tokenizer = try Tokenizer()
        let text = DocumentText("ＢＡＯＧＡＮＧ 包鋼 Ｎｄ")
        let folded = tokenizer.folder.fold(text)
        let norms = tokenizer.tokens(text, folded: folded).map { folded.key(from: $0.start, to: $0.end) }
        #expect(norms.contains("baogang"))
        #expect(norms.joined().contains("包钢") || norms.contains("钢"))
        #expect(norms.last == "nd")
    }

    @Test("a user word is one token in contexts where ICU alone splits it", arguments: [
        "印度尼西亚的镍矿出口增长。",
        "他说印度尼西亚和中国签署协议",
        "来自印度尼西亚",
    ])
    func userWordIsOneToken(_ sentence: String) throws {
        let plain = try Tokenizer()
        #expect(!plain.texts(sentence).contains("印度尼西亚"), "ICU alone should split it here; pick another word if ICU changes")
        var words = UserWordList()
        words.add("印度尼西亞", folder: plain.folder)  // traditional form in the list still binds
        let tokenizer = try Tokenizer(options: .init(userWords: words))
        #expect(tokenizer.texts(sentence).contains("印度尼西亚"))
    }

    @Test("a user word binds even when ICU cuts across it differently in each context")
    func userWordAcrossContexts() throws {
        let plain = try Tokenizer()
        var words = UserWordList()
        words.add("白云鄂博", folder: plain.folder)
        let tokenizer = try Tokenizer(options: .init(userWords: words))
        for s in ["白云鄂博矿", "在白云鄂博", "白云鄂博稀土矿山是世界最大的"] {
            #expect(tokenizer.texts(s).contains("白云鄂博"), "\(s): \(tokenizer.texts(s))")
        }
    }

    @Test("numbers merge with their date or percent character only when asked")
    func mergeNumbers() throws {
        let merging = try Tokenizer(options: .init(mergeNumbers: true))
        #expect(merging.texts("二○○一年").contains("二○○一年"))
        #expect(merging.texts("今年1月产量").contains("1月"))
        #expect(merging.texts("增长30%以上").contains("30%"))
        #expect(merging.texts("十二月份").contains("十二月"))
        let plain = try Tokenizer()
        // Lone numerals inside ordinary words are left as ICU cut them.
        for s in ["一个企业", "千万不要", "统一市场"] {
            #expect(merging.texts(s) == plain.texts(s), "\(s)")
        }
        #expect(!plain.texts("今年1月产量").contains("1月"))
    }

    @Test("sentences split on 。！？ and not after English abbreviations")
    func sentences() throws {
        let tokenizer = try Tokenizer()
        func split(_ s: String) -> [String] {
            let text = DocumentText(s)
            return tokenizer.sentenceSpans(text).map { text.substring(utf16: $0.utf16Start..<$0.utf16End) }
        }
        #expect(split("包钢成立于1954年。产量创新高！这是为什么？因为创新") == ["包钢成立于1954年。", "产量创新高！", "这是为什么？", "因为创新"])
        #expect(split("Mr. Li met U.S. officials in Washington. They discussed magnets.")
            == ["Mr. Li met U.S. officials in Washington.", "They discussed magnets."])
        #expect(split("Headline without a stop\n\nBody starts here. Second one.")
            == ["Headline without a stop", "Body starts here.", "Second one."])
        #expect(split("") == [])
        #expect(split("   \n ") == [])
    }

    @Test("empty, whitespace-only and huge documents")
    func edgeSizes() throws {
        let tokenizer = try Tokenizer()
        #expect(tokenizer.tokens(DocumentText("")).isEmpty)
        #expect(tokenizer.tokens(DocumentText(" \n\t ")).isEmpty)
        let big = String(repeating: "Baogang 包钢 produced 1,750万吨 of steel. ", count: 20_000)
        let text = DocumentText(big)
        let tokens = tokenizer.tokens(text)
        #expect(tokens.count == 20_000 * 10)
        let last = tokens.last!
        #expect(last.end == big.unicodeScalars.count - 1)
    }

    @Test("folded scalars become the same String a scalar view builds; values that are not scalars are skipped")
    func foldedString() async throws {
        #expect(FoldedText.string([UInt32]()) == "")
        #expect(FoldedText.string([0x62, 0x20, 0x94A2, 0x2000B, 0x1F600]) == "b 钢𠀋😀")
        #expect(FoldedText.string([0x61, 0xD800, 0x62, 0x110000]) == "ab")
        await propertyCheck(count: 200, input: Gen<String?>.element(of: Self.pieces).array(of: 0...20)) { parts in
            let scalars = parts.compactMap { $0 }.joined().unicodeScalars.map(\.value)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars.compactMap(Unicode.Scalar.init))
            #expect(FoldedText.string(scalars[...]) == String(view))
        }
    }
}
