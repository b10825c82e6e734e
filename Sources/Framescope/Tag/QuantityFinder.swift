/// Finds quantities (a number with a unit, a percentage, or a big number with a multiplier) in
/// folded text, with approximation words, ranges and rates.
public struct QuantityFinder: Sendable {
    public let units: UnitLexicon

    public init(units: UnitLexicon) { self.units = units }

    public struct Found: Sendable, Hashable {
        /// Folded indices `[start, end)` of the mention (number and unit; approximation words
        /// before the number are not part of the span, but set `approx`).
        public var start: Int
        public var end: Int
        public var quantity: Quantity
    }

    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
    static let approxBefore: [[UInt32]] = [
        "more than", "greater than", "less than", "fewer than", "up to", "at least", "at most", "close to", "in excess of",
        "over", "about", "around", "nearly", "almost", "approximately", "roughly", "some", "under", "above", "below",
        "an estimated", "estimated", "upwards of", "~", "≈",
        "超过", "逾", "约", "近", "大约", "将近", "接近", "不到", "不足", "至少", "最多", "超", "多达", "近乎",
    ].map(scalars)
    static let approxInside: [[UInt32]] = ["多", "余", "+"].map(scalars)
    static let approxAfter: [[UInt32]] = ["左右", "以上", "上下", "以下", "有余"].map(scalars)
    static let rangeSeparators: [[UInt32]] = ["-", " - ", " to ", "至", "到", "~", "～", " and "].map(scalars)
    static let rateSeparators: [[UInt32]] = ["/", " per ", " a ", "每"].map(scalars)
    /// The separators with a rule of their own, built once rather than at each comparison.
    static let andSeparator = scalars(" and "), aSeparator = scalars(" a ")
    static let percentPrefix = scalars("百分之")
    static let year: UInt32 = 0x5E74  // 年

    @inline(__always)
    static func hasPrefix(_ s: [UInt32], at i: Int, _ p: [UInt32]) -> Bool {
        guard i >= 0, i + p.count <= s.count else { return false }
        for k in 0..<p.count where s[i + k] != p[k] { return false }
        return true
    }

    @inline(__always)
    static func hasSuffix(_ s: [UInt32], endingAt i: Int, _ p: [UInt32]) -> Bool {
        hasPrefix(s, at: i - p.count, p)
    }

    /// The longest unit starting at `f` (after an optional space or hyphen).
    func unit(at f: Int, in folded: FoldedText) -> (entry: UnitEntry, start: Int, end: Int)? {
        let s = folded.scalars
        for skip in 0...1 {
            let at = f + skip
            guard at < s.count else { return nil }
            if skip == 1 && !(s[f] == 0x20 || s[f] == 0x2D) { return nil }
            if let m = units.matcher.longestMatch(at: at, in: folded) {
                return (units.entries[Int(m.payload)], at, m.end)
            }
        }
        return nil
    }

    /// A currency written before the number (`$`, `US$`, `RMB `, `人民币`), ending at `f`.
    func prefixUnit(endingAt f: Int, in folded: FoldedText) -> (entry: UnitEntry, start: Int)? {
        let s = folded.scalars
        var end = f
        if end > 0, s[end - 1] == 0x20 { end -= 1 }
        var best: (UnitEntry, Int)?
        for start in stride(from: end - 1, through: max(0, end - 6), by: -1) where PhraseMatcher.isStart(folded, start) {
            var ending: PhraseMatcher.Match?
            units.matcher.forEachMatch(at: start, in: folded, limit: end) { m in
                if ending == nil && m.end == end { ending = m }
            }
            if let m = ending {
                let e = units.entries[Int(m.payload)]
                if e.dimension.hasPrefix("currency") { best = (e, start) }
            }
        }
        return best
    }

    /// 万 = 1e4, 亿 = 1e8, 万亿 = 1e12 at the start of a unit surface such as 万吨 or 万亿元.
    static func leadingMultiplier(of surface: String) -> Double? {
        var m = 1.0
        for c in surface.unicodeScalars {
            guard let v = NumberParser.section(c.value) else { break }
            m *= v
        }
        return m > 1 ? m : nil
    }

    public func find(in folded: FoldedText) -> [Found] {
        let s = folded.scalars
        var out: [Found] = []
        var f = 0
        let startBits = Self.mayStartBits
        while f < s.count {
            // Most characters can start no quantity: one bit says so.
            let c = s[f]
            guard c < 0x10000, startBits.withUnsafeBufferPointer({ $0[Int(c) >> 6] }) & (1 << UInt64(c & 63)) != 0,
                  PhraseMatcher.isStart(folded, f) || (f > 0 && s[f - 1] == 0x2D) else {
                f += 1
                continue
            }
            if let q = quantity(at: f, in: folded) {
                out.append(q)
                f = max(q.end, f + 1)
            } else {
                // Skip the rest of this number so we never start inside it.
                var j = f + 1
                while j < s.count, NumberParser.isDigit(s[j]) || s[j] == 0x2C || s[j] == 0x2E { j += 1 }
                f = j
            }
        }
        return out
    }

    /// Whether a quantity can start with `c`: a digit, a Chinese digit or place, or a vague
    /// marker. 百分之 (a Chinese percentage) starts with 百, a place.
    static func mayStart(_ c: UInt32) -> Bool {
        NumberParser.isDigit(c) || NumberParser.chineseDigit(c) != nil || NumberParser.place(c) != nil || NumberParser.isVagueMarker(c)
    }

    /// `mayStart` as one bit per BMP character (every such character is in the BMP).
    static let mayStartBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for c in UInt32(0)..<0x10000 where mayStart(c) { bits[Int(c) >> 6] |= 1 << UInt64(c & 63) }
        return bits
    }()

    func quantity(at f: Int, in folded: FoldedText) -> Found? {
        let s = folded.scalars
        // 百分之五 — a Chinese percentage.
        if Self.hasPrefix(s, at: f, Self.percentPrefix) {
            guard let n = NumberParser.parse(s, at: f + 3) else { return nil }
            return Found(start: f, end: n.end, quantity: Quantity(value: n.value, unit: "%", dimension: "percent", baseValue: n.value))
        }
        guard let n = NumberParser.parse(s, at: f), n.end > f else { return nil }
        // Chinese numerals alone need a unit or a multiplier to count (一个, 两国 are not amounts).
        var start = f
        var end = n.end
        var approx = n.vague != nil
        var lo: Double? = n.vague?.lowerBound
        var hi: Double? = n.vague?.upperBound
        var value = n.value
        // 1000多吨, 300余吨: the approximation sits between number and unit.
        for word in Self.approxInside where Self.hasPrefix(s, at: end, word) {
            if unit(at: end + word.count, in: folded) != nil { end += word.count; approx = true }
        }
        var unitFound = unit(at: end, in: folded)
        // A year such as 1954年 or 2025年 is a date, not a duration.
        if let u = unitFound, u.entry.dimension == "time", s[u.start] == Self.year, n.hasArabicDigits, n.multiplier == nil,
           (1000...2200).contains(n.value), n.value == n.value.rounded() {
            return nil
        }
        if let u = unitFound, u.entry.dimension == "count" { unitFound = nil }
        var prefix = prefixUnit(endingAt: f, in: folded)
        if prefix != nil, let u = unitFound, !u.entry.dimension.hasPrefix("currency") { prefix = nil }
        // A range: 3047%-3722%, 10-15 tons, 3至5万吨, 5 to 10 per cent.
        var afterFirst = unitFound?.end ?? end
        for sep in Self.rangeSeparators where Self.hasPrefix(s, at: afterFirst, sep) {
            let secondStart = afterFirst + sep.count
            guard secondStart < s.count, NumberParser.isDigit(s[secondStart]) || NumberParser.chineseDigit(s[secondStart]) != nil,
                  let m = NumberParser.parse(s, at: secondStart), m.end > secondStart else { continue }
            let secondUnit = unit(at: m.end, in: folded)
            // Both sides need the same unit, or the unit written once at the end.
            if let u1 = unitFound, let u2 = secondUnit, u1.entry.unit != u2.entry.unit { break }
            // Without any unit it is two numbers, not a range ("10-15" of a score, a date).
            if unitFound == nil && secondUnit == nil { break }
            if sep == Self.andSeparator && unitFound == nil { break }
            var first = value
            if unitFound == nil, let mult = m.multiplier, n.multiplier == nil { first *= mult }  // 3至5万吨
            lo = Swift.min(first, m.value)
            hi = Swift.max(first, m.value)
            value = lo!
            unitFound = secondUnit ?? unitFound
            afterFirst = secondUnit?.end ?? m.end
            end = m.end
            break
        }
        if let u = unitFound { end = Swift.max(end, u.end) } else { end = Swift.max(end, afterFirst) }
        // 左右, 以上 follow the unit and stay outside the span.
        if Self.approxAfter.contains(where: { Self.hasPrefix(s, at: end, $0) }) { approx = true }
        // Approximation words before the number.
        var b = prefix?.start ?? start
        if b > 0, s[b - 1] == 0x20 { b -= 1 }
        for word in Self.approxBefore where Self.hasSuffix(s, endingAt: b, word) {
            let wStart = b - word.count
            if wStart == 0 || !ScriptClass.isSpacedWordChar(s[wStart - 1]) || !ScriptClass.isSpacedWordChar(word[0]) { approx = true; break }
        }
        if let p = prefix { start = p.start }

        // The unit after the number, else a currency before it.
        let primary: (entry: UnitEntry, end: Int)?
        if let u = unitFound { primary = (u.entry, u.end) } else if let p = prefix { primary = (p.entry, end) } else { primary = nil }
        var quantity: Quantity
        if let u = primary {
            var unitName = u.entry.unit
            var dimension = u.entry.dimension
            var base = value * u.entry.factor
            // A rate: 90万吨/年, $62 per kilogram, 1750万吨每年.
            for sep in Self.rateSeparators where Self.hasPrefix(s, at: u.end, sep) {
                guard let v = unit(at: u.end + sep.count, in: folded), v.start == u.end + sep.count else { continue }
                if sep == Self.aSeparator && v.entry.dimension != "time" { continue }
                unitName = "\(u.entry.unit)/\(v.entry.unit)"
                dimension = "\(u.entry.dimension)/\(v.entry.dimension)"
                base = value * u.entry.factor / v.entry.factor
                end = v.end
                break
            }
            // Compound units with a multiplier word (万吨, 亿元) carry it in their factor: report it.
            let multiplier = n.multiplier ?? Self.leadingMultiplier(of: u.entry.surface)
            quantity = Quantity(value: value, unit: unitName, dimension: dimension, baseValue: base, multiplier: multiplier,
                                approx: approx, min: lo, max: hi)
        } else if n.multiplier != nil && (n.hasArabicDigits || n.chineseNumerals >= 2) {
            quantity = Quantity(value: value, unit: nil, dimension: "number", baseValue: value, multiplier: n.multiplier,
                                approx: approx, min: lo, max: hi)
        } else {
            return nil
        }
        // Trim a trailing space the unit search may have crossed.
        while end > start, s[end - 1] == 0x20 { end -= 1 }
        return Found(start: start, end: end, quantity: quantity)
    }
}
