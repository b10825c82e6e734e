import FramescopeICU

/// Options for the segmentation layered on top of ICU. With none set, tokens are exactly ICU's.
public struct SegmentationOptions: Sendable {
    /// Words that must be single tokens inside Chinese runs.
    public var userWords: UserWordList?
    /// Merge numbers with a following date/percent character (`二○○一年`, `1月`, `30%`).
    public var mergeNumbers: Bool

    public init(userWords: UserWordList? = nil, mergeNumbers: Bool = false) {
        self.userWords = userWords
        self.mergeNumbers = mergeNumbers
    }
}

/// Sentences and tokens for mixed Chinese–English text. Holds ICU break iterators and a folder,
/// none of which are thread-safe: create one per worker (or `clone()`), reuse it for every
/// document that worker handles.
public final class Tokenizer {
    public let options: SegmentationOptions
    public let folder: Folder
    private let words: BreakIterator
    private let sentences: BreakIterator

    public init(options: SegmentationOptions = .init()) throws(ICUError) {
        self.options = options
        folder = try Folder()
        words = try BreakIterator(.word, locale: Self.wordLocale)
        sentences = try BreakIterator(.sentence, locale: Self.sentenceLocale)
    }

    /// The locales of the two break iterators; the benchmark's raw ICU loops open the same ones.
    public static let wordLocale = "zh"
    /// ss=standard: ICU's sentence-break suppressions for abbreviations ("Mr.", "U.S.").
    public static let sentenceLocale = "en@ss=standard"

    private init(options: SegmentationOptions, folder: Folder, words: BreakIterator, sentences: BreakIterator) {
        self.options = options
        self.folder = folder
        self.words = words
        self.sentences = sentences
    }

    /// A tokenizer for another worker.
    public func clone() throws(ICUError) -> Tokenizer {
        Tokenizer(options: options, folder: try folder.clone(), words: try words.clone(), sentences: try sentences.clone())
    }

    /// Tokens exactly as ICU's word break iterator cuts them (whitespace dropped).
    public func icuTokens(_ text: DocumentText) -> [Token] {
        guard !text.utf16.isEmpty else { return [] }
        // setText copies into the iterator's own storage; it cannot fail for valid buffers.
        do { try words.setText(text.utf16) } catch { return [] }
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf16.count / 4)
        text.utf16.withUnsafeBufferPointer { utf16 in
            var cursor = CodePointCursor(utf16)
            words.forEachSegment { start, end, status in
                let kind: TokenKind
                switch Int(status) {
                case BreakIterator.WordStatus.number: kind = .number
                case BreakIterator.WordStatus.letter: kind = .word
                case BreakIterator.WordStatus.kana: kind = .kana
                case BreakIterator.WordStatus.ideographic: kind = .ideographic
                default:
                    let (c, _) = decodeScalar(utf16, at: start)
                    guard let k = Self.nonWordKind(c) else { return }
                    kind = k
                }
                let s = cursor.scalarOffset(forUTF16: start)
                let e = cursor.scalarOffset(forUTF16: end)
                tokens.append(Token(start: s, end: e, kind: kind, utf16Start: start, utf16End: end))
            }
        }
        return tokens
    }

    /// Tokens with the configured user words and number merging applied. Given the folded text,
    /// the tokens of pinyin glosses (`稀(xī)土`) are left out: a reading is not a word of the text,
    /// and its parentheses would cut a framing cue's clause.
    public func tokens(_ text: DocumentText, folded: FoldedText? = nil) -> [Token] {
        var base = icuTokens(text)
        if let folded, !folded.glosses.isEmpty { base.removeAll { folded.isInGloss(from: $0.start, to: $0.end) } }
        if options.userWords == nil && !options.mergeNumbers { return base }
        let keys = folded ?? folder.fold(text)
        return Resegmenter(text: text, folded: keys, options: options).apply(to: base)
    }

    /// Sentence spans, trimmed of surrounding whitespace; whitespace-only segments are dropped.
    public func sentenceSpans(_ text: DocumentText) -> [TextSpan] {
        guard !text.utf16.isEmpty else { return [] }
        do { try sentences.setText(text.utf16) } catch { return [] }
        var spans: [TextSpan] = []
        text.utf16.withUnsafeBufferPointer { utf16 in
            var cursor = CodePointCursor(utf16)
            sentences.forEachSegment { start, end, _ in
                var s = start
                var e = end
                while s < e, Self.isSpaceUnit(utf16[s]) { s += 1 }
                while e > s, Self.isSpaceUnit(utf16[e - 1]) { e -= 1 }
                guard s < e else { return }
                spans.append(TextSpan(
                    start: cursor.scalarOffset(forUTF16: s), end: cursor.scalarOffset(forUTF16: e),
                    utf16Start: s, utf16End: e))
            }
        }
        return spans
    }

    @inline(__always)
    static func isSpaceUnit(_ u: UInt16) -> Bool {
        switch u {
        case 0x20, 0x09...0x0D, 0xA0, 0x3000, 0x2028, 0x2029, 0x200B, 0xFEFF, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x85:
            return true
        default:
            return false
        }
    }

    /// Kind of a segment ICU gives no word status: nil for whitespace (dropped).
    static func nonWordKind(_ c: UInt32) -> TokenKind? {
        guard c < 0x10000 else { return computeNonWordKind(c) }
        switch nonWordKindBMP.withUnsafeBufferPointer({ $0[Int(c)] }) {
        case 0: return nil
        case 1: return .punctuation
        default: return .symbol
        }
    }

    /// `nonWordKind` for the BMP (0 none, 1 punctuation, 2 symbol): property lookups per
    /// punctuation token were a visible share of tokenizing. Decoded from the generated source
    /// (`BMPTables`), where computing it took 48 million instructions in every process.
    static let nonWordKindBMP: [UInt8] = BMPTableCoding.decode(BMPTables.nonWordKind)

    static func computeNonWordKind(_ c: UInt32) -> TokenKind? {
        guard let s = Unicode.Scalar(c) else { return .symbol }
        let p = s.properties
        if p.isWhitespace { return nil }
        switch p.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .control, .format:
            return c == 0xFEFF || c == 0x200B ? nil : .symbol
        default:
            return .symbol
        }
    }
}
