/// Finds quantities (a number with a unit, a percentage, or a big number with a multiplier) in
/// folded text, with approximation words, ranges and rates.
public struct QuantityFinder: Sendable {
    public let units: UnitLexicon

    /// The temperature scales a signed number or 度 after 摄氏/华氏 takes (`°C`, `°F` in the units).
    let celsius: UnitEntry?
    let fahrenheit: UnitEntry?

    public init(units: UnitLexicon) {
        self.units = units
        celsius = units.entries.first { $0.unit == "°C" }
        fahrenheit = units.entries.first { $0.unit == "°F" }
        cent = units.entries.first { $0.dimension == "currency_cent" && $0.surface == "cents" }
        rand = units.entries.first { $0.unit == "ZAR" && $0.surface == "ZAR" }
        philippinePeso = units.entries.first { $0.unit == "PHP" && $0.surface == "PHP" }
        var letters: [[UInt32]: UnitEntry] = [:]
        for e in units.entries where e.dimension.hasPrefix("currency") && e.surface.count >= 2 && e.surface.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) {
            letters[Self.scalars(e.surface.lowercased()), default: e] = e
        }
        letterCurrencies = letters
    }

    /// Currencies written in two or more Latin letters (RM, Rs, RMB, USD), folded, for the ones
    /// written onto the digits ("RM1.2 billion"), which the phrase matcher does not end inside a word.
    let letterCurrencies: [[UInt32]: UnitEntry]

    /// The unit a lower-case c attached to a number takes ("41c": cents, as Australian and British
    /// papers write them).
    let cent: UnitEntry?

    /// The rand and the Philippine peso, which South African and Philippine papers write as one
    /// capital on the digits ("R2-billion", "R3.15 a share", "P1.2 billion"): see `letterCurrency`.
    let rand: UnitEntry?
    let philippinePeso: UnitEntry?

    public struct Found: Sendable, Hashable {
        /// Folded indices `[start, end)` of the mention (number and unit; approximation words
        /// before the number are not part of the span, but set `approx`).
        public var start: Int
        public var end: Int
        public var quantity: Quantity
        /// The unit is a bare letter c after the number ("180 C", "180C", "41c"), read as °C. The
        /// folded text has no case, so the tagger decides from the written letter: a capital C is
        /// Celsius; a lower-case c attached to the digits is cents (`lowerCase`); otherwise none.
        /// The folded index of the letter, nil for every other mention.
        public var bareLetter: Int?
        /// What the mention means when its bare letter is written in lower case (cents), if anything.
        public var lowerCase: Quantity?
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
    static let andSeparator = scalars(" and "), aSeparator = scalars(" a "), between = scalars("between ")
    static let percentPrefix = scalars("百分之")
    static let year: UInt32 = 0x5E74  // 年
    /// Characters that make a word with 点 (点赞, 点阅, 点击, 点评, 点名; folded): no index point.
    static let wordAfterPoint = ScalarSet("赞阅击评名".unicodeScalars.map(\.value))
    /// Verbs of price movement that an index's points follow (收报, 涨, 跌; folded).
    static let pointVerbs = ScalarSet("报涨跌升挫收弹".unicodeScalars.map(\.value))
    /// Whether the number at `number` reads as index points: digits grouped by commas or with a
    /// decimal point, or right after a verb of price movement (one space may stand between).
    static func indexPoints(_ s: [UInt32], number: Range<Int>) -> Bool {
        if s[number].contains(where: { $0 == 0x2C || $0 == 0x2E }) { return true }
        var b = number.lowerBound
        if b > 0, s[b - 1] == 0x20 { b -= 1 }
        return b > 0 && pointVerbs.contains(s[b - 1])
    }

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
                // A currency right before a digit is the next number's ("$62-$65", "US$ 62-US$ 65",
                // "62-RMB 65"), not this one's unit.
                let next = m.end < s.count && s[m.end] == 0x20 ? m.end + 1 : m.end
                if skip == 1, s[f] == 0x2D, next < s.count, NumberParser.isDigit(s[next]),
                   units.entries[Int(m.payload)].dimension.hasPrefix("currency") { return nil }
                return (units.entries[Int(m.payload)], at, m.end)
            }
        }
        return nil
    }

    /// Scale letters a currency amount may carry: m(illion), k (thousand), b(illion).
    static let attachedScale: [UInt32: Double] = [0x6D: 1e6, 0x6B: 1e3, 0x62: 1e9]

    /// A currency written before the number (`$`, `US$`, `RMB `, `人民币`), ending at `f`.
    func prefixUnit(endingAt f: Int, in folded: FoldedText) -> (entry: UnitEntry, start: Int)? {
        let s = folded.scalars
        var end = f
        if end > 0, s[end - 1] == 0x20 { end -= 1 }
        if let last = units.currencyLast, end == 0 || !last.contains(s[end - 1]) { return nil }
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
                  PhraseMatcher.isStart(folded, f) || (f > 0 && s[f - 1] == 0x2D) || attachedCurrency(endingAt: f, in: folded) != nil
                    || oneLetterCurrency(endingAt: f, in: s) != nil else {
                f += 1
                continue
            }
            let found = quantities(at: f, in: folded)
            if let last = found.last {
                out += found
                f = max(last.end, f + 1)
            } else {
                // Skip the rest of this number so we never start inside it.
                var j = f + 1
                while j < s.count, NumberParser.isDigit(s[j]) || s[j] == 0x2C || s[j] == 0x2E { j += 1 }
                f = j
            }
        }
        return out
    }

    /// The currency of two letters or more written onto the digits at `f` ("RM1.2 billion",
    /// "Rs500"), with where it starts: the number starts there although it starts no token.
    /// Checked only where a digit follows a Latin letter; one-letter currencies are
    /// `oneLetterCurrency`'s, read only where the amount is clearly money.
    func attachedCurrency(endingAt f: Int, in folded: FoldedText) -> (entry: UnitEntry, start: Int)? {
        let s = folded.scalars
        guard f >= 2, (0x61...0x7A).contains(s[f - 1]) else { return nil }
        var b = f - 1
        while b > 0, f - b < 4, (0x61...0x7A).contains(s[b - 1]) { b -= 1 }
        guard f - b >= 2, b == 0 || !ScriptClass.isSpacedWordChar(s[b - 1]), let e = letterCurrencies[Array(s[b..<f])] else { return nil }
        return (e, b)
    }

    /// A one-letter currency on the digits at `f` ("r" for the rand, "p" for the Philippine peso),
    /// standing alone (no letter or digit before it). It is only a candidate: `quantities` keeps it
    /// where the amount is clearly money (see there), so "R2 rover" and "Route R5" stay out. The
    /// folded text has no case: a lower-case "r5bn" is read as rand too.
    func oneLetterCurrency(endingAt f: Int, in s: [UInt32]) -> (entry: UnitEntry, start: Int)? {
        guard f >= 1, s[f - 1] == 0x72 || s[f - 1] == 0x70, f == 1 || !ScriptClass.isSpacedWordChar(s[f - 2]) && s[f - 2] != 0x2D && s[f - 2] != 0x2F && s[f - 2] != 0x2E,
              let e = s[f - 1] == 0x72 ? rand : philippinePeso else { return nil }
        return (e, f - 1)
    }

    /// Whether the number at `range` (just parsed) reads as money after a one-letter currency: a
    /// scale word or letters ("R450 million", "R6.8bn", "R2-billion"), or for the rand also cents
    /// ("R3.15") or grouped thousands ("R12,500"). Version and model names ("R2", "P40") have neither.
    static func oneLetterAmount(_ s: [UInt32], _ range: Range<Int>, multiplier: Bool, rand: Bool) -> Bool {
        if multiplier { return true }
        var j = range.upperBound
        if j < s.count, s[j] == 0x62 || s[j] == 0x6D, j + 1 < s.count, s[j + 1] == 0x6E { j += 2 }  // "bn", "mn"
        else if j < s.count, s[j] == 0x6D || s[j] == 0x6B || s[j] == 0x62 { j += 1 }  // "m", "k", "b"
        if j > range.upperBound { return j == s.count || !ScriptClass.isSpacedWordChar(s[j]) }
        guard rand else { return false }
        var digitsAfter = 0, separator: UInt32 = 0
        for k in range {
            let c = s[k]
            if c == 0x2E || c == 0x2C { separator = c; digitsAfter = 0 } else if NumberParser.isDigit(c) { digitsAfter += 1 }
        }
        return (separator == 0x2E && digitsAfter == 2) || (separator == 0x2C && digitsAfter == 3)
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

    /// A sign written before a number: `-40℃`, `−40 °C`, `minus 40 C`, `零下40度`, `负3%`,
    /// `摄氏零下40度`. `start` is where the quantity's span begins (the sign is part of it: it
    /// changes the amount); `scale` is the temperature scale a Chinese 度 takes after 摄氏/零下/华氏.
    struct Sign {
        var start: Int
        var negative: Bool
        var scale: UnitEntry?
    }

    static let minusWord = scalars("minus ")
    static let belowZero = scalars("零下")  // 零下 is "below zero": a temperature
    static let negativeSign = scalars("负"), positiveSign = scalars("正")
    static let celsiusWord = scalars("摄氏")
    static let fahrenheitWord = scalars("华氏")
    static let degree: UInt32 = 0x5EA6  // 度
    static let per: UInt32 = 0x6BCF  // 每
    static let wordCurrencies: Set<String> = ["won", "dong"]
    static let sheng: UInt32 = 0x5347  // 升
    static let litre = UnitEntry(surface: "升", unit: "L", dimension: "volume", factor: 0.001)

    /// The sign ending at folded index `b` (the number, or its currency sign, starts at `b`).
    /// A hyphen is a minus only where it is no range, compound or date: not after a letter, a
    /// digit, another dash or `.,/%` (`2023-24`, `COVID-19`, `Nd-Fe-B`, `——40%` stay unsigned).
    func sign(endingAt b: Int, in s: [UInt32]) -> Sign? {
        if b > 0, s[b - 1] == 0x2D {
            if b == 1 { return Sign(start: 0, negative: true) }
            let c = s[b - 2]
            if ScriptClass.isSpacedWordChar(c) || c == 0x2D || c == 0x2E || c == 0x2C || c == 0x2F || c == 0x25 { return nil }
            return Sign(start: b - 1, negative: true)
        }
        if Self.hasSuffix(s, endingAt: b, Self.minusWord), b - Self.minusWord.count == 0 || !ScriptClass.isSpacedWordChar(s[b - Self.minusWord.count - 1]) {
            return Sign(start: b - Self.minusWord.count, negative: true)
        }
        // The scale words are tested one by one, not through an array of them: this runs before
        // every number.
        if Self.hasSuffix(s, endingAt: b, Self.belowZero) {
            var start = b - Self.belowZero.count
            var scale = celsius
            if Self.hasSuffix(s, endingAt: start, Self.celsiusWord) {
                start -= Self.celsiusWord.count
                if Self.hasSuffix(s, endingAt: start, Self.fahrenheitWord) { start -= Self.fahrenheitWord.count; scale = fahrenheit }
            } else if Self.hasSuffix(s, endingAt: start, Self.fahrenheitWord) {
                start -= Self.fahrenheitWord.count
                scale = fahrenheit
            }
            return Sign(start: start, negative: true, scale: scale)
        }
        if Self.hasSuffix(s, endingAt: b, Self.celsiusWord) { return Sign(start: b - Self.celsiusWord.count, negative: false, scale: celsius) }
        if Self.hasSuffix(s, endingAt: b, Self.fahrenheitWord) { return Sign(start: b - Self.fahrenheitWord.count, negative: false, scale: fahrenheit) }
        // A tolerance (±0.1℃, ±5%) is part of the span; the amount stays unsigned.
        if b > 0, s[b - 1] == 0xB1 { return Sign(start: b - 1, negative: false) }
        // 负3% is minus 3%; 正负3% is ±3%, no sign.
        if Self.hasSuffix(s, endingAt: b, Self.negativeSign), !Self.hasSuffix(s, endingAt: b - 1, Self.positiveSign) {
            return Sign(start: b - 1, negative: true)
        }
        return nil
    }

    /// The unit a signed number takes where the lexicon has none: 度 after 零下/摄氏/华氏, and a
    /// bare "C" after a minus (`-40 C`), which alone would be far too ambiguous.
    func signedUnit(at end: Int, sign: Sign, in s: [UInt32]) -> (entry: UnitEntry, start: Int, end: Int)? {
        if let scale = sign.scale, end < s.count, s[end] == Self.degree { return (scale, end, end + 1) }
        guard sign.negative, sign.scale == nil, let c = celsius else { return nil }
        let at = end < s.count && s[end] == 0x20 ? end + 1 : end
        guard at < s.count, s[at] == 0x63, at + 1 == s.count || !ScriptClass.isSpacedWordChar(s[at + 1]) else { return nil }
        return (c, at, at + 1)
    }

    /// A bare letter c right after a number or one space after it, standing alone ("180 C.", not
    /// "5 C-suite", "3 C's", "2 CEOs"), read as °C.
    func bareC(at end: Int, in s: [UInt32]) -> (entry: UnitEntry, start: Int, end: Int)? {
        guard let c = celsius else { return nil }
        let at = end < s.count && s[end] == 0x20 ? end + 1 : end
        guard at < s.count, s[at] == 0x63 else { return nil }
        if at + 1 < s.count {
            let next = s[at + 1]
            if ScriptClass.isSpacedWordChar(next) || next == 0x2D || next == 0x27 || next == 0x2F || next == 0x2B { return nil }
        }
        return (c, at, at + 1)
    }

    /// A per-unit part written before the amount: 每吨55万元, 每公斤48.2澳元, 每噸 20.8萬元 (a price per
    /// tonne or kilogram; one space may stand between). A count is no unit there, except a share
    /// before a price (每股3仙, a dividend per share). Returns the unit and where 每 is.
    func perUnit(endingAt amountStart: Int, in folded: FoldedText, price: Bool) -> (entry: UnitEntry, start: Int)? {
        let s = folded.scalars
        let b = amountStart > 0 && s[amountStart - 1] == 0x20 ? amountStart - 1 : amountStart
        for at in stride(from: b - 1, through: max(1, b - 6), by: -1) where s[at - 1] == Self.per {
            var found: UnitEntry?
            units.matcher.forEachMatch(at: at, in: folded, limit: b) { m in
                if m.end == b { found = units.entries[Int(m.payload)] }
            }
            if let e = found, !e.dimension.hasPrefix("currency"), e.dimension != "count" || (price && e.surface == "股") {
                return (e, at - 1)
            }
            // 升 is a unit only after 每 (每升15毫克): after a number it is as often a rise (由1.2万升至1.5万).
            if at + 1 == b, s[at] == Self.sheng { return (Self.litre, at - 1) }
        }
        return nil
    }

    /// The quantities starting at folded index `f`: none, one, or two for a range ("20% to 30%",
    /// 每吨55万元至57万元, "18 to 22 percent"), which the annotation conventions count as two
    /// mentions (each keeps the range in `min`/`max`).
    func quantities(at f: Int, in folded: FoldedText) -> [Found] {
        let s = folded.scalars
        // 百分之五 — a Chinese percentage.
        if Self.hasPrefix(s, at: f, Self.percentPrefix) {
            guard let n = NumberParser.parse(s, at: f + 3) else { return [] }
            return [Found(start: f, end: n.end, quantity: Quantity(value: n.value, unit: "%", dimension: "percent", baseValue: n.value))]
        }
        guard var n = NumberParser.parse(s, at: f), n.end > f else { return [] }
        // A unit written before the number: a sign or code ("$", "HK$", "RMB ") or letters on the digits ("RM1.2").
        var before = prefixUnit(endingAt: f, in: folded) ?? attachedCurrency(endingAt: f, in: folded)
        if before == nil, let one = oneLetterCurrency(endingAt: f, in: s),
           Self.oneLetterAmount(s, f..<n.end, multiplier: n.multiplier != nil, rand: s[one.start] == 0x72) { before = one }
        // A number inside a word that only a one-letter currency let the scan stop at, and that reads
        // as no money ("Route R5 km"), is no quantity: the word is a name.
        if before == nil, !PhraseMatcher.isStart(folded, f), !(f > 0 && s[f - 1] == 0x2D) { return [] }
        // After a currency sign, an attached m, k or b is the financial pages' scale ("$20m",
        // "A$45m", "£1.5b", "€300k"), not metres: "20m" alone stays a length.
        if n.multiplier == nil, n.hasArabicDigits, n.end < s.count, let scale = Self.attachedScale[s[n.end]],
           n.end + 1 == s.count || !ScriptClass.isSpacedWordChar(s[n.end + 1]),
           let p = before, p.entry.dimension.hasPrefix("currency") {
            n.value *= scale
            n.multiplier = scale
            n.end += 1
        }
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
            return []
        }
        if let u = unitFound, u.entry.dimension == "count" { unitFound = nil }
        // 点 is an index point after a grouped or decimal number in digits or digits after a verb of price
        // movement (收报24,318点, 跌86点); else it is as often a time (下午3点), a count (三点建议) or 一点 (a bit).
        if let u = unitFound, u.entry.dimension == "index_point", !n.hasArabicDigits || !Self.indexPoints(s, number: f..<n.end)
            || (u.end < s.count && Self.wordAfterPoint.contains(s[u.end])) { unitFound = nil }
        // A currency that is also an English word ("won", "dong") is one only where the amount is
        // one a price in it has: 100 or more, or with a scale word (18,350 won; "Team 7 won"), and
        // no year ("which in 2022 won the cup").
        if let u = unitFound, Self.wordCurrencies.contains(u.entry.surface), n.multiplier == nil,
           n.value < 100 || (n.end - f == 4 && (1800...2100).contains(n.value)) { unitFound = nil }
        // Cents (仙) only after digits: a Chinese numeral before 仙 is a word (八仙, 一仙).
        if let u = unitFound, u.entry.dimension == "currency_cent", !n.hasArabicDigits { unitFound = nil }
        var prefix = before
        if let p = prefix, Self.wordCurrencies.contains(p.entry.surface) { prefix = nil }  // "won 3 games"
        // A currency before the number and a generic 元 after it (新台币300元, 港币50元): the
        // currency is the one before; otherwise a unit after the number wins.
        var genericAfter = false
        if let p = prefix, let u = unitFound {
            if !u.entry.dimension.hasPrefix("currency") {
                prefix = nil
            } else if u.entry.surface == "元" && p.entry.unit != u.entry.unit {
                genericAfter = true
            }
        }
        let sign = self.sign(endingAt: prefix?.start ?? f, in: s)
        if sign?.negative == true { value = -value }
        if unitFound == nil, prefix == nil, let sign, let u = signedUnit(at: end, sign: sign, in: s) { unitFound = u }
        // A bare c after an unsigned number ("180 C", "1,080C", "41c"): the tagger keeps it by its case.
        var letterAt: Int?
        // The letter first: the counting-word check builds the word before, and most numbers have no c.
        if unitFound == nil, prefix == nil, sign == nil, n.hasArabicDigits, n.multiplier == nil,
           let u = bareC(at: end, in: s), !NumberParser.countingWordBefore(s, f) {
            unitFound = u
            letterAt = u.start
        }
        let bareLetter = letterAt != nil
        // A range: 3047%-3722%, 10-15 tons, 3至5万吨, 5 to 10 per cent, -40 to -30 °C, $5 to $8.
        var afterFirst = unitFound?.end ?? end
        var firstEnd: Int?  // where the first mention ends when each side has its own unit
        var second: (start: Int, value: Double, multiplier: Double?)?
        for sep in Self.rangeSeparators where !bareLetter && Self.hasPrefix(s, at: afterFirst, sep) {
            var secondStart = afterFirst + sep.count
            let secondSpanStart = secondStart
            // The second side's own currency sign ("$5 to $8") or minus ("-40 to -30").
            var secondHasPrefix = false
            if let p = prefix, let m = units.matcher.longestMatch(at: secondStart, in: folded), units.entries[Int(m.payload)].unit == p.entry.unit {
                secondStart = m.end < s.count && s[m.end] == 0x20 ? m.end + 1 : m.end
                secondHasPrefix = true
            }
            var secondNegative = false
            if sep != Self.rangeSeparators[0], secondStart + 1 < s.count, s[secondStart] == 0x2D, NumberParser.isDigit(s[secondStart + 1]) {
                secondNegative = true
                secondStart += 1
            }
            guard secondStart < s.count, NumberParser.isDigit(s[secondStart]) || NumberParser.chineseDigit(s[secondStart]) != nil,
                  let m = NumberParser.parse(s, at: secondStart), m.end > secondStart else { continue }
            var secondUnit = unit(at: m.end, in: folded)
            if secondUnit == nil, let sign, let u = signedUnit(at: m.end, sign: sign, in: s) { secondUnit = u }
            // Index points take no range: 05-11 点赞 is a date before a word.
            if let u = secondUnit, u.entry.dimension == "count" || u.entry.dimension == "index_point" { break }
            // Both sides need the same unit, or the unit written once at the end.
            if let u1 = unitFound, let u2 = secondUnit, u1.entry.unit != u2.entry.unit { break }
            // Without any unit it is two numbers, not a range ("10-15" of a score, a date).
            if unitFound == nil && secondUnit == nil && prefix == nil { break }
            // "X and Y" is a range only after "between" ("-40°C and 85°C" are two readings).
            if sep == Self.andSeparator && !Self.hasSuffix(s, endingAt: sign?.start ?? prefix?.start ?? f, Self.between) { break }
            var first = value
            if unitFound == nil, let mult = m.multiplier, n.multiplier == nil { first *= mult }  // 3至5万吨
            let other = secondNegative ? -m.value : m.value
            lo = Swift.min(first, other)
            hi = Swift.max(first, other)
            // Two mentions, as the annotation conventions count a range: the first ends at its
            // own unit when it has one ("20% to 30%"), else at its number ("18 to 22 percent",
            // 3至5万吨: "18" and "22 percent"); each carries the range in min/max.
            // A currency written once before the first number ("RMB 540,000–560,000 per tonne", "$5-8")
            // makes two mentions too: the amount with its sign, and the second with any rate.
            if secondUnit != nil || secondHasPrefix || (prefix != nil && unitFound == nil) {
                firstEnd = unitFound?.end ?? end
                second = (secondSpanStart, other, m.multiplier)
                if unitFound == nil { value = first }
            } else {
                value = lo!  // "from 4% to 1.2–1.5%": the second side has no unit of its own
            }
            unitFound = secondUnit ?? unitFound
            afterFirst = secondUnit?.end ?? m.end
            end = m.end
            break
        }
        if let u = unitFound { end = Swift.max(end, u.end) } else { end = Swift.max(end, afterFirst) }
        // 左右, 以上 follow the unit and stay outside the span.
        if Self.approxAfter.contains(where: { Self.hasPrefix(s, at: end, $0) }) { approx = true }
        // Approximation words before the number (or its sign).
        var b = sign?.start ?? prefix?.start ?? start
        if b > 0, s[b - 1] == 0x20 { b -= 1 }
        for word in Self.approxBefore where Self.hasSuffix(s, endingAt: b, word) {
            let wStart = b - word.count
            if wStart == 0 || !ScriptClass.isSpacedWordChar(s[wStart - 1]) || !ScriptClass.isSpacedWordChar(word[0]) { approx = true; break }
        }
        if let p = prefix { start = p.start }
        if let sign { start = sign.start }

        // The unit after the number, else a currency before it.
        let primary: (entry: UnitEntry, end: Int)?
        if let u = unitFound, !genericAfter { primary = (u.entry, u.end) } else if let p = prefix { primary = (p.entry, unitFound?.end ?? end) } else { primary = nil }
        var quantity: Quantity
        if let u = primary {
            // A duration is no quantity (the conventions leave numeric durations out); a time
            // unit only counts as the second half of a rate.
            if u.entry.dimension == "time" { return [] }
            var unitName = u.entry.unit
            var dimension = u.entry.dimension
            var base = value * u.entry.factor
            var denominator: UnitEntry?
            // A rate: 90万吨/年, $62 per kilogram, 1750万吨每年, $470 a tonne ("a year" after an
            // amount is as often "a year earlier" as "per year", so " a " takes no time unit).
            end = u.end
            for sep in Self.rateSeparators where Self.hasPrefix(s, at: u.end, sep) {
                guard let v = unit(at: u.end + sep.count, in: folded), v.start == u.end + sep.count else { continue }
                if sep == Self.aSeparator && (v.entry.dimension == "time" || v.entry.dimension.hasPrefix("currency")) { continue }
                denominator = v.entry
                end = v.end
                break
            }
            // Or a per-unit part before the amount: 每吨55万元, 每升15毫克 (a concentration), 每吨500千瓦时
            // (a consumption rate); never before a percentage.
            if denominator == nil, u.entry.dimension != "percent", let per = perUnit(endingAt: start, in: folded, price: u.entry.dimension.hasPrefix("currency")) {
                denominator = per.entry
                start = per.start
            }
            if let v = denominator {
                unitName = "\(u.entry.unit)/\(v.unit)"
                dimension = "\(u.entry.dimension)/\(v.dimension)"
                base = value * u.entry.factor / v.factor
            }
            // Compound units with a multiplier word (万吨, 亿元) carry it in their factor: report it.
            // Written apart from the number (20.8 万元), the unit's multiplier scales the amount as
            // one written in the number (1750万吨) does: value is the amount, not the digits.
            let unitMultiplier = n.multiplier == nil ? Self.leadingMultiplier(of: u.entry.surface) : nil
            let scale = unitMultiplier ?? 1
            quantity = Quantity(value: value * scale, unit: unitName, dimension: dimension, baseValue: base,
                                multiplier: n.multiplier ?? unitMultiplier, approx: approx, min: lo.map { $0 * scale }, max: hi.map { $0 * scale })
            if let firstEnd, let second {
                // Two mentions: the first ends at its own unit, the second carries any rate after it.
                var firstQuantity = quantity
                var secondQuantity = quantity
                let secondUnitMultiplier = second.multiplier == nil ? Self.leadingMultiplier(of: u.entry.surface) : nil
                secondQuantity.value = second.value * (secondUnitMultiplier ?? 1)
                secondQuantity.multiplier = second.multiplier ?? secondUnitMultiplier
                secondQuantity.baseValue = second.value * u.entry.factor / (denominator?.factor ?? 1)
                secondQuantity.approx = false  // 约20%至30%: the approximation word stands before the first
                firstQuantity.approx = approx
                let first = Found(start: start, end: Self.trimmed(firstEnd, from: start, s), quantity: firstQuantity)
                let secondEnd = Self.trimmed(end, from: second.start, s)
                guard secondEnd > second.start else { return [first] }  // never an inverted span
                return [first, Found(start: second.start, end: secondEnd, quantity: secondQuantity)]
            }
        } else {
            // A number without a unit is a count or a figure, however large ("1.2 million people",
            // 20万人, 数百家): the conventions count only amounts with a unit or a percent sign.
            return []
        }
        var one = Found(start: start, end: Self.trimmed(end, from: start, s), quantity: quantity)
        if let letterAt {
            one.bareLetter = letterAt
            // Attached to the digits ("41c") a lower-case c is cents; with its own rate if it has one.
            if let cent, let u = unitFound, u.start == n.end, second == nil {
                var q = quantity
                q.unit = quantity.unit.map { $0.replacingOccurrences(of: "°C", with: cent.unit) }
                q.dimension = quantity.dimension.replacingOccurrences(of: "temperature", with: cent.dimension)
                q.baseValue = quantity.baseValue.map { $0 * cent.factor }
                one.lowerCase = q
            }
        }
        return [one]
    }

    /// `end` without a trailing space the unit search may have crossed.
    static func trimmed(_ end: Int, from start: Int, _ s: [UInt32]) -> Int {
        var e = end
        while e > start, s[e - 1] == 0x20 { e -= 1 }
        return e
    }
}
