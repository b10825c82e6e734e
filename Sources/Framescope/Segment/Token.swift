/// What a token is, from ICU's word-break rule status and the character class of its text.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    case word, number, ideographic, kana, punctuation, symbol
}

/// A token: half-open code-point span `[start, end)` into the document text, plus the UTF-16
/// span the pipeline uses internally to slice without re-walking the text.
public struct Token: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var kind: TokenKind
    public var utf16Start: Int
    public var utf16End: Int

    public init(start: Int, end: Int, kind: TokenKind, utf16Start: Int, utf16End: Int) {
        self.start = start
        self.end = end
        self.kind = kind
        self.utf16Start = utf16Start
        self.utf16End = utf16End
    }
}

/// A half-open code-point span with its UTF-16 counterpart.
public struct TextSpan: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int
    public var utf16Start: Int
    public var utf16End: Int

    public init(start: Int, end: Int, utf16Start: Int, utf16End: Int) {
        self.start = start
        self.end = end
        self.utf16Start = utf16Start
        self.utf16End = utf16End
    }
}

extension RandomAccessCollection where Element == Token, Index == Int {
    /// The index of the first token that starts at or after code point `cp` (`endIndex` when none
    /// does): tokens are in text order, so a binary search finds it.
    @inline(__always)
    func firstIndex(startingAtOrAfter cp: Int) -> Int {
        var lo = startIndex, hi = endIndex
        while lo < hi { let mid = (lo + hi) / 2; if self[mid].start < cp { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}
