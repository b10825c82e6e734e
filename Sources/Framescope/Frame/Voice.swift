/// Who speaks in a passage: the author, or somebody the author reports. A document's frame is
/// the author's; reported speech (quotations of any length, block quotes, attribution clauses)
/// counts less, so a threat analysis that quotes a state-media celebration at length stays a
/// threat analysis. Attribution markers (said, 据…报道, 表示) are modifiers in
/// `Lexicons/modifiers.tsv`; this layer finds the quotations, which need no lexicon.
public enum Voice: String, Sendable, Hashable, Codable {
    case author
    case reported
}

/// A quotation in the document: `utf16` is the quoted text (inside the marks, or the whole
/// line of a `>` block quote), `words` its length in words (a Han word is about two characters).
public struct Quotation: Sendable, Hashable {
    public var utf16: Range<Int>
    public var words: Int
    public var blockQuote: Bool
}

enum QuotationFinder {
    /// The closing mark for an opening one: “” 「」 『』 "" ＂＂ ‘’ is left out: it is also the
    /// apostrophe.
    @inline(__always)
    static func closingQuote(_ u: UInt16) -> UInt16? {
        switch u {
        case 0x201C: return 0x201D
        case 0x300C: return 0x300D
        case 0x300E: return 0x300F
        case 0x22, 0xFF02: return u
        default: return nil
        }
    }

    /// Every quotation of the text, in order, found once per document. A quotation never runs
    /// past the end of its paragraph (a line): an unclosed mark quotes nothing. A line whose first
    /// visible character is `>` (a block quote as scraped pages render it) is one quotation.
    static func find(in text: DocumentText, tokens: [Token]) -> [Quotation] {
        let u = text.utf16
        var out: [Quotation] = []
        var i = 0
        var lineStart = true
        while i < u.count {
            let c = u[i]
            if c == 0x0A { lineStart = true; i += 1; continue }
            if lineStart {
                if c == 0x20 || c == 0x09 || c == 0x3000 { i += 1; continue }
                lineStart = false
                if c == 0x3E || c == 0xFF1E {  // > ＞
                    var j = i + 1
                    while j < u.count, u[j] != 0x0A { j += 1 }
                    out.append(Quotation(utf16: (i + 1)..<j, words: words(in: (i + 1)..<j, tokens: tokens), blockQuote: true))
                    i = j
                    continue
                }
            }
            guard let close = closingQuote(c) else { i += 1; continue }
            var j = i + 1
            while j < u.count, u[j] != close, u[j] != 0x0A { j += 1 }
            guard j < u.count, u[j] == close else { i += 1; continue }
            out.append(Quotation(utf16: (i + 1)..<j, words: words(in: (i + 1)..<j, tokens: tokens), blockQuote: false))
            i = j + 1
        }
        return out
    }

    /// Word tokens inside a UTF-16 range; Chinese counts characters, a Han word being about two.
    static func words(in range: Range<Int>, tokens: [Token]) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].utf16Start < range.lowerBound { lo = mid + 1 } else { hi = mid } }
        var size = 0
        var k = lo
        while k < tokens.count, tokens[k].utf16End <= range.upperBound {
            let t = tokens[k]
            if t.kind != .punctuation && t.kind != .symbol {
                size += t.kind == .ideographic ? max(1, (t.end - t.start + 1) / 2) : 1
            }
            k += 1
        }
        return size
    }
}
