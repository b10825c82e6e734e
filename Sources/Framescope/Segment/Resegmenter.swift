/// Re-cuts ICU's tokens where the user asked for it: binding user words inside Chinese runs and
/// merged number expressions. Anything not touched keeps ICU's boundaries and kinds.
struct Resegmenter {
    let text: DocumentText
    let folded: FoldedText
    let options: SegmentationOptions

    func apply(to base: [Token]) -> [Token] {
        var tokens = base
        if options.mergeNumbers { tokens = mergeNumbers(tokens) }
        if let words = options.userWords, words.count > 0 { tokens = applyUserWords(tokens, words.trie) }
        return tokens
    }

    // MARK: Numbers

    /// Digits (any width) and Chinese numerals.
    @inline(__always)
    static func numeralValue(_ c: UInt32) -> (isNumeral: Bool, isDigit: Bool, isPlace: Bool) {
        switch c {
        case 0x30...0x39, 0xFF10...0xFF19: return (true, true, false)
        case 0x3007, 0x25CB, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x4E24:
            return (true, false, false)  // 〇 ○ 零 一 二 三 四 五 六 七 八 九 两
        case 0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF, 0x842C, 0x5104, 0x5169:
            return (true, false, true)  // 十 百 千 万 亿 萬 億 兩
        default: return (false, false, false)
        }
    }

    /// Characters that close a number expression: date parts and percent signs.
    @inline(__always)
    static func isNumberSuffix(_ c: UInt32) -> Bool {
        switch c {
        case 0x5E74, 0x6708, 0x65E5, 0x53F7, 0x65F6, 0x5206, 0x79D2, 0x6642,  // 年 月 日 号 时 分 秒 時
             0x25, 0xFF05, 0x2030:  // % ％ ‰
            return true
        default: return false
        }
    }

    func mergeNumbers(_ tokens: [Token]) -> [Token] {
        var forced: [Token] = []
        text.utf16.withUnsafeBufferPointer { utf16 in
            var i = 0
            while i < tokens.count {
                let t = tokens[i]
                let (c0, _) = decodeScalar(utf16, at: t.utf16Start)
                guard Self.numeralValue(c0).isNumeral else { i += 1; continue }
                // Walk characters from the token start while they continue a number.
                var u = t.utf16Start
                var cp = t.start
                var digits = 0, chinese = 0, chineseDigits = 0, places = 0
                var lastNumeralEnd = (u16: u, cp: cp)
                while u < utf16.count {
                    let (c, w) = decodeScalar(utf16, at: u)
                    let v = Self.numeralValue(c)
                    if v.isNumeral {
                        if v.isDigit { digits += 1 } else { chinese += 1; if v.isPlace { places += 1 } else { chineseDigits += 1 } }
                        u += w; cp += 1
                        lastNumeralEnd = (u, cp)
                        continue
                    }
                    // Decimal and thousands separators between digits, 点 between Chinese numerals.
                    if (c == 0x2E || c == 0xFF0E || c == 0x2C || c == 0x70B9), u + w < utf16.count {
                        let (n, _) = decodeScalar(utf16, at: u + w)
                        if Self.numeralValue(n).isNumeral { u += w; cp += 1; continue }
                    }
                    break
                }
                var end = lastNumeralEnd
                var suffix = false
                if end.u16 < utf16.count {
                    let (c, w) = decodeScalar(utf16, at: end.u16)
                    if Self.isNumberSuffix(c) { end = (end.u16 + w, end.cp + 1); suffix = true }
                }
                let accept: Bool
                if digits > 0 {
                    accept = true
                } else {
                    // Chinese numerals alone are often words (一个, 万一, 千万): merge only dates and
                    // clear cardinal expressions.
                    accept = (suffix && chinese >= 2) || (chinese >= 2 && chineseDigits >= 1 && places >= 1)
                }
                if accept && (end.cp - t.start > t.end - t.start || t.kind != .number) {
                    forced.append(Token(start: t.start, end: end.cp, kind: .number, utf16Start: t.utf16Start, utf16End: end.u16))
                }
                // Continue after the expression.
                var j = i + 1
                if accept { while j < tokens.count && tokens[j].start < end.cp { j += 1 } }
                i = j
            }
        }
        return Self.splice(tokens, forced: forced, text: text)
    }

    // MARK: User words

    func applyUserWords(_ tokens: [Token], _ trie: ScalarTrie) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind == .ideographic else { out.append(tokens[i]); i += 1; continue }
            var j = i + 1
            while j < tokens.count, tokens[j].kind == .ideographic, tokens[j].start == tokens[j - 1].end { j += 1 }
            if tokens[j - 1].end - tokens[i].start >= 2 {
                segmentRun(tokens[i..<j], trie, into: &out)
            } else {
                out.append(contentsOf: tokens[i..<j])
            }
            i = j
        }
        return out
    }

    /// Cuts one run of Chinese characters into the fewest tokens drawn from the user words, ICU's
    /// own tokens and single characters; on ties user words win, then ICU's tokens.
    private func segmentRun(_ run: ArraySlice<Token>, _ trie: ScalarTrie, into out: inout [Token]) {
        let a = run.first!.start
        let n = run.last!.end - a
        // UTF-16 offset of each code point in the run.
        var u16 = [Int](repeating: 0, count: n + 1)
        text.utf16.withUnsafeBufferPointer { utf16 in
            var u = run.first!.utf16Start
            for k in 0..<n {
                u16[k] = u
                u += decodeScalar(utf16, at: u).width
            }
            u16[n] = u
        }
        var icuEnd = [Int](repeating: -1, count: n)
        for t in run { icuEnd[t.start - a] = t.end - a }

        // cost in thousandths: 1000 per token, +1 for an ICU token, +2 for a lone character.
        var best = [Int](repeating: Int.max, count: n + 1)
        var back = [Int](repeating: -1, count: n + 1)
        best[0] = 0
        let foldedEnd = Int(folded.start[a + n])
        for p in 0..<n where best[p] != Int.max {
            func relax(_ q: Int, _ cost: Int) {
                let c = best[p] + cost
                if c < best[q] { best[q] = c; back[q] = p }
            }
            relax(p + 1, icuEnd[p] == p + 1 ? 1001 : 1002)
            if icuEnd[p] > p + 1 { relax(icuEnd[p], 1001) }
            var node = ScalarTrie.root
            var f = Int(folded.start[a + p])
            while f < foldedEnd, let next = trie.step(node, folded.scalars[f]) {
                node = next
                f += 1
                if trie.payload(node) != nil, folded.isCodePointBoundary(f) {
                    let q = Int(folded.origin[f - 1]) + 1 - a
                    if q - p >= 2 { relax(q, 1000) }
                }
            }
        }
        var cuts: [Int] = []
        var q = n
        while q > 0 { cuts.append(q); q = back[q] }
        var p = 0
        for q in cuts.reversed() {
            out.append(Token(start: a + p, end: a + q, kind: .ideographic, utf16Start: u16[p], utf16End: u16[q]))
            p = q
        }
    }

    // MARK: Splicing

    /// Replaces the parts of `tokens` covered by `forced` (sorted, non-overlapping, each starting
    /// at a token start) with them; a token cut by a forced span keeps its kind for the rest.
    static func splice(_ tokens: [Token], forced: [Token], text: DocumentText) -> [Token] {
        guard !forced.isEmpty else { return tokens }
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var f = 0
        var coveredUntil = (cp: -1, u16: -1)
        for t in tokens {
            if coveredUntil.cp >= t.end { continue }
            var s = t.start > coveredUntil.cp ? (cp: t.start, u16: t.utf16Start) : coveredUntil
            while f < forced.count, forced[f].start < t.end {
                let fs = forced[f]
                if fs.start > s.cp {
                    out.append(Token(start: s.cp, end: fs.start, kind: t.kind, utf16Start: s.u16, utf16End: fs.utf16Start))
                }
                out.append(fs)
                coveredUntil = (fs.end, fs.utf16End)
                f += 1
                s = (fs.end, fs.utf16End)
                if fs.end >= t.end { break }
            }
            if s.cp < t.end {
                out.append(Token(start: s.cp, end: t.end, kind: t.kind, utf16Start: s.u16, utf16End: t.utf16End))
            }
        }
        return out
    }
}
