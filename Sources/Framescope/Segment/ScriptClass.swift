/// Cheap script classes used to decide where a lexicon match may start and end: inside runs of
/// Han (or kana) characters any position is a word boundary; inside Latin-like words none is.
@usableFromInline
enum ScriptClass {
    /// Whether any scalar is Han: one comparison per scalar below U+3007, the first Han one, so
    /// that a stage can skip its Chinese scans on a document without Chinese.
    static func containsHan(_ s: [UInt32]) -> Bool {
        s.withUnsafeBufferPointer { p in
            for c in p where c >= 0x3007 && isHan(c) { return true }
            return false
        }
    }

    /// Han ideographs including the CJK extensions and compatibility blocks, plus 〇 (U+3007).
    @inline(__always) @usableFromInline
    static func isHan(_ c: UInt32) -> Bool {
        switch c {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2EBEF, 0x30000...0x323AF,
             0xF900...0xFAFF, 0x2F800...0x2FA1F, 0x3007:
            return true
        default:
            return false
        }
    }

    @inline(__always) @usableFromInline
    static func isKana(_ c: UInt32) -> Bool {
        (0x3040...0x30FF).contains(c) || (0x31F0...0x31FF).contains(c) || (0xFF66...0xFF9D).contains(c)
    }

    /// A letter or digit of a script written with spaces between words (Latin, Cyrillic, Greek,
    /// Hangul, digits...): a lexicon match may not start or end between two of them.
    @inline(__always) @usableFromInline
    static func isSpacedWordChar(_ c: UInt32) -> Bool {
        if c < 0x80 {
            return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
        }
        if c < 0x10000 { return spacedWordBMP.withUnsafeBufferPointer { $0[Int(c)] } }
        return computeSpacedWordChar(c)
    }

    /// `isSpacedWordChar` for the whole BMP (Unicode property lookups per character were a
    /// visible share of matching time). Decoded from the generated source (`BMPTables`), where
    /// computing it took 34 million instructions in every process.
    @usableFromInline
    static let spacedWordBMP: [Bool] = BMPTableCoding.decode(BMPTables.spacedWord).map { $0 != 0 }

    @usableFromInline
    static func computeSpacedWordChar(_ c: UInt32) -> Bool {
        if c < 0x80 {
            return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
        }
        if isHan(c) || isKana(c) { return false }
        guard let s = Unicode.Scalar(c) else { return false }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }
}
