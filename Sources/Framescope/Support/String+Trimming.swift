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
        guard let a0 = utf8.first, let z0 = utf8.last else { return false }
        // Most fields start and end with an ASCII letter, digit or punctuation mark.
        if a0 > 0x20 && a0 < 0x7F && z0 > 0x20 && z0 < 0x7F { return false }
        guard let a = first, let z = last else { return false }
        return a.isWhitespace || a == "\u{FEFF}" || z.isWhitespace || z == "\u{FEFF}"
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
