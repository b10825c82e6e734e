extension StringProtocol {
    /// The text without leading and trailing whitespace (including a stray BOM or CR).
    func trimmed() -> Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{FEFF}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return Substring() }
        let last = lastIndex(where: { !isSpace($0) })!
        return Substring(self[first...last])
    }
}

extension StringProtocol {
    /// Whether the UTF-8 bytes of `needle` occur in the text: an exact byte search. Foundation's
    /// `contains` compares by canonical equivalence and was a tenth of the run time on metadata.
    func containsBytes(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        if let found = utf8.withContiguousStorageIfAvailable({ ByteSearch.contains($0, n, first: first) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { ByteSearch.contains($0, n, first: first) }
    }
}

enum ByteSearch {
    static func contains(_ h: UnsafeBufferPointer<UInt8>, _ n: [UInt8], first: UInt8) -> Bool {
        guard n.count <= h.count else { return false }
        var i = 0
        let last = h.count - n.count
        while i <= last {
            if h[i] == first {
                var k = 1
                while k < n.count, h[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }
}
