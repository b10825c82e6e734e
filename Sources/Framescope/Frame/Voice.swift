/// Who speaks in a passage: the author, or somebody the author reports. A document's frame is
/// the author's; reported speech (quotations of any length, block quotes, attribution clauses)
/// counts less, so a threat analysis that quotes a state-media celebration at length stays a
/// threat analysis. Attribution markers (said, 据…报道, 表示) are modifiers in
/// `Lexicons/modifiers.tsv`; this layer finds the quotations, which need no lexicon, and which of
/// them are mentions (a quotation followed by a `label` noun of that file).
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
    /// The quotation names other people's words rather than using them: a quoted term followed
    /// by a noun for talk ("the 'chokehold' crowd", "'hostage' headlines", 「霸權」論, “稀土武器”之说),
    /// or that ends with one inside its marks (“卡脖子论”, 'the "China threat theory"').
    public var mention: Bool = false
}

enum QuotationFinder {
    /// The closing mark for an opening one: “” 「」 『』 《》 "" ＂＂ ‘’ is left out: it is also the
    /// apostrophe.
    @inline(__always)
    static func closingQuote(_ u: UInt16) -> UInt16? {
        switch u {
        case 0x201C: return 0x201D
        case 0x300C: return 0x300D
        case 0x300E: return 0x300F
        // 《…》 names a work (a report, a book, an article): its words are its authors', not the
        // writer's (v7: a think-tank report titled 《致命依賴：中國稀土武器化》).
        case 0x300A: return 0x300B
        case 0x22, 0xFF02: return u
        default: return nil
        }
    }

    /// Every quotation of the text, in order, found once per document. A quotation never runs
    /// past the end of its paragraph (a line): an unclosed mark quotes nothing. A line whose first
    /// visible character is `>` (a block quote as scraped pages render it) is one quotation.
    /// `labels` are the nouns for talk that make a quotation a mention.
    static func find(in text: DocumentText, tokens: [Token], labels: LabelNouns) -> [Quotation] {
        let u = text.utf16
        let indented = indentedBlockQuotes(u)
        var out: [Quotation] = []
        var i = 0
        var lineStart = true
        var nextIndented = 0
        while i < u.count {
            let c = u[i]
            if c == 0x0A { lineStart = true; i += 1; continue }
            if lineStart {
                if c == 0x20 || c == 0x09 || c == 0x3000 { i += 1; continue }
                lineStart = false
                while nextIndented < indented.count, indented[nextIndented].upperBound <= i { nextIndented += 1 }
                let isIndented = nextIndented < indented.count && indented[nextIndented].contains(i)
                if c == 0x3E || c == 0xFF1E || isIndented {  // > ＞, or an indented paragraph among plain ones
                    let from = isIndented ? i : i + 1
                    var j = i + 1
                    while j < u.count, u[j] != 0x0A { j += 1 }
                    out.append(Quotation(utf16: from..<j, words: words(in: from..<j, tokens: tokens), blockQuote: true))
                    i = j
                    continue
                }
            }
            if c == 0x27 || c == 0x2018, let end = singleQuoteEnd(u, open: i) {
                out.append(Quotation(utf16: (i + 1)..<end, words: words(in: (i + 1)..<end, tokens: tokens), blockQuote: false,
                                     mention: isMention(u, after: end + 1, labels: labels) || labels.ends(u, in: (i + 1)..<end)))
                i = end + 1
                continue
            }
            guard let close = closingQuote(c) else { i += 1; continue }
            var j = i + 1
            while j < u.count, u[j] != close, u[j] != 0x0A { j += 1 }
            guard j < u.count, u[j] == close else { i += 1; continue }
            out.append(Quotation(utf16: (i + 1)..<j, words: words(in: (i + 1)..<j, tokens: tokens), blockQuote: false,
                                 mention: isMention(u, after: j + 1, labels: labels) || labels.ends(u, in: (i + 1)..<j)))
            i = j + 1
        }
        return out
    }

    /// Whether the text from `k` (just after a closing mark) starts with a noun for talk (a
    /// `label` row of `Lexicons/modifiers.tsv`: "crowd", 论调).
    static func isMention(_ u: [UInt16], after k: Int, labels: LabelNouns) -> Bool {
        guard labels.count > 0 else { return false }
        var i = k
        // Further quoted labels in a row ("「霸權」「武器」等帽子") share the noun that follows them.
        while i < u.count, u[i] == 0x300C || u[i] == 0x201C || u[i] == 0x22 || u[i] == 0x300E {
            let close = closingQuote(u[i]) ?? u[i]
            var j = i + 1
            while j < u.count, u[j] != close, u[j] != 0x0A { j += 1 }
            guard j < u.count, u[j] == close else { return false }
            i = j + 1
        }
        return labels.starts(u, at: i)
    }

    @inline(__always)
    static func isWordUnit(_ u: UInt16) -> Bool {
        (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) || (u >= 0xC0 && u != 0x2018 && u != 0x2019 && u != 0x201C && u != 0x201D && u < 0x2000)
    }

    /// A single-quoted span ('chokehold', ‘win-win’): the mark opens only where no letter or digit
    /// stands before it, and closes at a mark with no letter or digit after it, so apostrophes
    /// (China's, don't) neither open nor close one. Never past the line.
    static func singleQuoteEnd(_ u: [UInt16], open: Int) -> Int? {
        if open > 0, isWordUnit(u[open - 1]) { return nil }
        guard open + 1 < u.count, isWordUnit(u[open + 1]) else { return nil }
        var j = open + 2
        while j < u.count, u[j] != 0x0A {
            if u[j] == 0x27 || u[j] == 0x2019, j + 1 == u.count || !isWordUnit(u[j + 1]), u[j - 1] != 0x20 { return j }
            j += 1
        }
        return nil
    }

    /// Lines indented with ASCII spaces or a tab when most lines are not: a block quote as a
    /// scraped page renders it. (Full-width spaces are how Chinese paragraphs start: no quote.)
    static func indentedBlockQuotes(_ u: [UInt16]) -> [Range<Int>] {
        var lines: [(range: Range<Int>, indented: Bool)] = []
        var start = 0
        for i in 0...u.count where i == u.count || u[i] == 0x0A {
            var k = start, spaces = 0, tab = false
            while k < i, u[k] == 0x20 || u[k] == 0x09 { if u[k] == 0x09 { tab = true } else { spaces += 1 }; k += 1 }
            if k < i, u[k] != 0x0D { lines.append((start..<i, tab || spaces >= 2)) }
            start = i + 1
        }
        let indented = lines.filter(\.indented)
        guard !indented.isEmpty, indented.count * 3 <= lines.count else { return [] }
        return indented.map(\.range)
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
