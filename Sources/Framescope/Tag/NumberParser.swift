/// Reads numbers the way this press writes them, over folded scalars: `800,000`, `1.5`,
/// `1,100万`, `3万4000`, `二十万亿`, `一万五千亿`, `二〇〇一`, `数百万`, `5.5 million`.
public enum NumberParser {
    @inline(__always)
    static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Chinese digit values (after folding: 〇 零 一 二 两 三 ... 九, and ○ as used in years).
    @inline(__always)
    static func chineseDigit(_ c: UInt32) -> Double? {
        switch c {
        case 0x3007, 0x25CB, 0x96F6: return 0
        case 0x4E00: return 1
        case 0x4E8C, 0x4E24: return 2
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        default: return nil
        }
    }

    /// 十 百 千 within a section.
    @inline(__always)
    static func place(_ c: UInt32) -> Double? {
        switch c {
        case 0x5341: return 10
        case 0x767E: return 100
        case 0x5343: return 1000
        default: return nil
        }
    }

    /// 万 and 亿 close a section.
    @inline(__always)
    static func section(_ c: UInt32) -> Double? {
        switch c {
        case 0x4E07: return 1e4
        case 0x4EBF: return 1e8
        default: return nil
        }
    }

    /// 数 and 几 ("several") before a place or section character: 数百万, 几千.
    @inline(__always)
    static func isVagueMarker(_ c: UInt32) -> Bool { c == 0x6570 || c == 0x51E0 }

    /// 瓦 克 米 帕 焦 伏 赫: after 千 they make a unit (千瓦, 千克, 千米, 千帕, 千焦, 千伏, 千赫).
    static let kiloUnitSeconds: Set<UInt32> = [0x74E6, 0x514B, 0x7C73, 0x5E15, 0x7126, 0x4F0F, 0x8D6B]

    /// English scale words after a number.
    static let scaleWords: [(String, Double)] = [
        ("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3), ("bn", 1e9), ("mln", 1e6), ("mn", 1e6),
        ("crore", 1e7), ("lakh", 1e5),  // Indian news: Rs 500 crore
    ].map { (word: String, v: Double) in (word, v) }

    static let scaleKeys: [([UInt32], Double)] = scaleWords.map { ($0.0.unicodeScalars.map(\.value), $0.1) }
    /// 10⁰ … 10¹⁵, each exact in a `Double`.
    static let exactPowersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { a, _ in a * 10 } }

    /// Words after which a number is a day, an ordinal or a label, so a space after it separates
    /// two numbers ("June 30 500 tonnes", "week 12 250 tonnes"); folded.
    static let countingWords: Set<String> = [
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august",
        "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december", "week", "day", "no", "page", "article",
        "section", "chapter", "phase", "line", "unit", "block", "top", "grade", "class", "route", "zone", "lot", "item", "table", "figure",
    ]
    /// Whether a word of `countingWords` stands right before folded index `f` (one space between).
    static func countingWordBefore(_ s: [UInt32], _ f: Int) -> Bool {
        guard f >= 2, s[f - 1] == 0x20 else { return false }
        var b = f - 1
        while b > 0, (0x61...0x7A).contains(s[b - 1]) || s[b - 1] == 0x2E { b -= 1 }
        guard b < f - 1 else { return false }
        var word = String(String.UnicodeScalarView(s[b..<(f - 1)].compactMap(Unicode.Scalar.init)))
        if word.hasSuffix(".") { word.removeLast() }
        return countingWords.contains(word)
    }
    /// Whether another space and a group of exactly three digits start at folded index `k` (`1 200 000`).
    static func secondGroup(_ s: [UInt32], after k: Int) -> Bool {
        k + 3 < s.count && s[k] == 0x20 && (1...3).allSatisfy { isDigit(s[k + $0]) } && !(k + 4 < s.count && isDigit(s[k + 4]))
    }

    /// Whether the comma at folded index `j` opens Indian digit grouping: pairs of digits, then a
    /// last group of three and no more digits (`1,09,000`, `12,34,56,789`: lakh and crore).
    static func indianGroups(_ s: [UInt32], from j: Int) -> Bool {
        var k = j
        var pairs = 0
        while k + 3 < s.count, s[k] == 0x2C, isDigit(s[k + 1]), isDigit(s[k + 2]), s[k + 3] == 0x2C {
            pairs += 1
            k += 3
        }
        guard pairs > 0, k + 3 < s.count, s[k] == 0x2C, (1...3).allSatisfy({ isDigit(s[k + $0]) }) else { return false }
        return !(k + 4 < s.count && isDigit(s[k + 4]))
    }

    /// Parses the number starting at folded index `f`, or nil if none starts there.
    public static func parse(_ s: [UInt32], at f: Int) -> ParsedNumber? {
        var i = f
        var result = 0.0, wan = 0.0, sectionValue = 0.0, number = 0.0
        var lastWasDigit = false
        var arabic = false
        var chinese = 0
        var multiplier: Double?
        var vague = false
        var vaguePlace = 1.0
        var anything = false
        var lastSection = 0.0
        while i < s.count {
            let c = s[i]
            if isDigit(c) {
                // An Arabic number with thousands separators and decimals. Up to 15 significant
                // digits the value is computed exactly as `Double(text)` would round it (an exact
                // integer over an exact power of ten, one correctly rounded division); longer
                // numbers go through the text.
                var j = i
                var mantissa: UInt64 = 0, digitCount = 0, fractionDigits = 0
                var hasDot = false
                var hasComma = false
                var group = 0  // digits since the number's start or its last space separator
                var spaced = false
                var lakh = false  // Indian grouping, checked once at the first comma
                while j < s.count {
                    let d = s[j]
                    if isDigit(d) {
                        if digitCount < 18 { mantissa = mantissa * 10 + UInt64(d - 0x30) }
                        digitCount += 1
                        group += 1
                        if hasDot { fractionDigits += 1 }
                        j += 1
                        continue
                    }
                    let threeFollow = (1...3).allSatisfy({ j + $0 < s.count && isDigit(s[j + $0]) }) && !(j + 4 < s.count && isDigit(s[j + 4]))
                    if d == 0x2C, !spaced, !hasDot, lakh || (!hasComma && group <= 2 && indianGroups(s, from: j)) {
                        lakh = true
                        hasComma = true
                        j += 1; continue
                    }
                    if d == 0x2C, threeFollow, !spaced {
                        hasComma = true
                        j += 1; continue  // thousands separator: exactly three digits follow
                    }
                    // A space between groups of three (`180 000 t/y`, `1 200 000`: the SI style of
                    // South African, Canadian and European papers; a no-break or thin space folds to
                    // a space): after a first group of at most three digits, never after a comma or
                    // a decimal point, so `2019 200 tonnes` stays a year and an amount.
                    if d == 0x20, threeFollow, !hasDot, !hasComma, spaced ? group == 3 : group <= 3,
                       spaced || secondGroup(s, after: j + 4) || !countingWordBefore(s, f) {
                        spaced = true
                        group = 0
                        j += 1; continue
                    }
                    if d == 0x2E, j + 1 < s.count, isDigit(s[j + 1]), !hasDot {
                        hasDot = true; j += 1; continue
                    }
                    break
                }
                let v: Double
                if digitCount <= 15 {
                    v = hasDot ? Double(mantissa) / exactPowersOfTen[fractionDigits] : Double(mantissa)
                } else {
                    var text = ""
                    for k in i..<j where s[k] != 0x2C && s[k] != 0x20 { text.unicodeScalars.append(Unicode.Scalar(s[k])!) }
                    guard let parsed = Double(text) else { return nil }
                    v = parsed
                }
                number = v
                arabic = true
                anything = true
                lastWasDigit = false
                i = j
                continue
            }
            if let d = chineseDigit(c) {
                // 两 and 一 alone are words more often than numbers; the caller decides by context.
                number = lastWasDigit ? number * 10 + d : d
                lastWasDigit = true
                chinese += 1
                anything = true
                i += 1
                continue
            }
            if isVagueMarker(c), i + 1 < s.count, place(s[i + 1]) != nil || section(s[i + 1]) != nil {
                vague = true
                number = 1
                chinese += 1
                anything = true
                i += 1
                continue
            }
            // A place character straight after 万 or 亿 with no digit of its own starts the unit, not
            // the number: 3万千瓦 is 30,000 kW, 12亿千瓦时 1.2 billion kWh (三万五千 has its 五).
            if place(c) != nil, number == 0, i > f, section(s[i - 1]) != nil { break }
            // 千 before the second character of a kilo unit is the unit's: 1200千瓦 is 1,200 kW.
            if c == 0x5343, i > f, i + 1 < s.count, kiloUnitSeconds.contains(s[i + 1]) { break }
            if let p = place(c), anything || chineseDigit(s[safe: i + 1] ?? 0) != nil || section(s[safe: i + 1] ?? 0) != nil || p == 10 {
                if vague && sectionValue == 0 && vaguePlace == 1 { vaguePlace = p }
                sectionValue += (number == 0 ? 1 : number) * p
                number = 0
                lastWasDigit = false
                chinese += 1
                anything = true
                i += 1
                continue
            }
            if let sv = section(c), anything {
                if sv == 1e4 {
                    wan = (sectionValue + number) * 1e4
                } else {
                    result = (result + wan + sectionValue + number) * 1e8
                    wan = 0
                }
                sectionValue = 0
                number = 0
                lastWasDigit = false
                multiplier = (lastSection == 1e4 && sv == 1e8 && i > f && section(s[i - 1]) == 1e4) ? 1e12 : max(multiplier ?? 0, sv)
                lastSection = sv
                chinese += 1
                i += 1
                continue
            }
            break
        }
        guard anything else { return nil }
        var value = result + wan + sectionValue + number
        // English scale words: "5.5 million", "$2.3bn", and hyphenated as a modifier or in South
        // African and Canadian style ("$3.2-billion", "a 3-million-tonne plant").
        if arabic && chinese == 0 {
            var j = i
            if j < s.count, s[j] == 0x20 || s[j] == 0x2D { j += 1 }
            for (w, scale) in scaleKeys {
                if j + w.count <= s.count, s[j..<(j + w.count)].elementsEqual(w),
                   j + w.count == s.count || !ScriptClass.isSpacedWordChar(s[j + w.count]) {
                    value *= scale
                    multiplier = scale
                    i = j + w.count
                    break
                }
            }
        }
        var range: ClosedRange<Double>?
        if vague {
            // 数百万 = several million: from 2× to 9× the named magnitude.
            range = (value * 2)...(value * 9)
            value *= 2
            multiplier = vaguePlace * (multiplier ?? 1)
        }
        return ParsedNumber(value: value, end: i, multiplier: multiplier, vague: range, hasArabicDigits: arabic, chineseNumerals: chinese)
    }

    /// Convenience for tests and callers holding a plain string: the value of a whole number string.
    public static func value(of text: String) -> Double? {
        let s = text.unicodeScalars.map(\.value)
        guard let n = parse(s, at: 0), n.end == s.count else { return nil }
        return n.value
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
