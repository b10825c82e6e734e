extension StringProtocol {
    /// The text without leading and trailing whitespace (including a stray BOM or CR).
    func trimmed() -> Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{FEFF}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return Substring() }
        let last = lastIndex(where: { !isSpace($0) })!
        return Substring(self[first...last])
    }
}

extension String {
    /// Whether `trimmed()` would remove anything, looking at the two ends only (a lexicon
    /// check on every field at start-up; building the trimmed copy and comparing cost 2,300
    /// instructions a field).
    var hasEdgeWhitespace: Bool {
        // Most fields start and end with an ASCII letter or a Chinese character.
        if utf8.withContiguousStorageIfAvailable({ Trimming.endsNeedNoTrim($0, 0, $0.count) }) == true { return false }
        guard let a = first, let z = last else { return false }
        return a.isWhitespace || a == "\u{FEFF}" || z.isWhitespace || z == "\u{FEFF}"
    }
}

/// Byte-level shortcuts for `trimmed()`, shared by the metadata line scan and the lexicon check.
enum Trimming {
    /// Whether `bytes[from..<to]` (a line, valid UTF-8) begins and ends with a scalar from a set
    /// that holds no whitespace, no BOM and nothing that joins the grapheme before it: printable
    /// ASCII, CJK ideographs, CJK symbols and punctuation (not U+3000, nor the tone marks
    /// U+302A–302F, which extend a grapheme), full-width forms. Then the first and last
    /// characters are not whitespace, and trimming would change nothing.
    static func endsNeedNoTrim(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        guard to > from else { return false }
        func plain(_ v: UInt32) -> Bool {
            (0x21...0x7E).contains(v) || (0x3001...0x3029).contains(v) || (0x3030...0x303F).contains(v)
                || (0x4E00...0x9FFF).contains(v) || (0xFF01...0xFF5E).contains(v)
        }
        // First scalar.
        let b0 = bytes[from]
        let first: UInt32
        if b0 < 0x80 { first = UInt32(b0) } else if b0 & 0xF0 == 0xE0, to - from >= 3 {
            first = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[from + 1] & 0x3F) << 6 | UInt32(bytes[from + 2] & 0x3F)
        } else { return false }
        guard plain(first) else { return false }
        // Last scalar.
        let z = bytes[to - 1]
        let last: UInt32
        if z < 0x80 { last = UInt32(z) } else if to - from >= 3, bytes[to - 3] & 0xF0 == 0xE0 {
            last = UInt32(bytes[to - 3] & 0x0F) << 12 | UInt32(bytes[to - 2] & 0x3F) << 6 | UInt32(z & 0x3F)
        } else { return false }
        return plain(last)
    }
}

extension StringProtocol {
    /// Whether the UTF-8 bytes of `needle` occur in the text: an exact byte search. Foundation's
    /// `contains` compares by canonical equivalence and was a tenth of the run time on metadata.
    /// With `asciiCaseInsensitive`, ASCII letters match either case (`needle` must be lowercase).
    func containsBytes(_ needle: String, asciiCaseInsensitive: Bool = false) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        let fold = asciiCaseInsensitive
        if let found = utf8.withContiguousStorageIfAvailable({ ByteSearch.contains($0, n, first: first, fold: fold) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { ByteSearch.contains($0, n, first: first, fold: fold) }
    }
}

enum ByteSearch {
    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    static func contains(_ h: UnsafeBufferPointer<UInt8>, _ n: [UInt8], first: UInt8, fold: Bool) -> Bool {
        guard n.count <= h.count else { return false }
        var i = 0
        let last = h.count - n.count
        while i <= last {
            if h[i] == first || (fold && lower(h[i]) == first) {
                var k = 1
                while k < n.count, h[i + k] == n[k] || (fold && lower(h[i + k]) == n[k]) { k += 1 }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }
}
