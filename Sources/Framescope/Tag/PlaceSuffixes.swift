/// Places that continue past their lexicon name: a development zone or an attached administrative
/// designator after a known place (`place-suffix` words in patterns.tsv). The known place alone
/// would cut the zone short (赣州 of 赣州高新技术产业开发区) and leave its designator outside
/// ("Longnan" of "Longnan County").
extension EntityTagger {
    /// Administrative designators, which news also writes in lower case after a place name.
    static let designators: Set<String> = ["county", "district", "province", "prefecture", "municipality", "city"]

    /// 市 (folded).
    static let shi: UInt32 = 0x5E02
    /// Han designators a known place may be written with although the lexicon lists it without
    /// (鄂尔多斯市, 锡林郭勒盟, 罗勇府, 达拉特旗; folded), each with the characters after it that
    /// make it the start of a word instead (中国市场, 日本县域, 日本政府 is no 府). Not 区 after any
    /// place: 中国区 and 亚太区 are a firm's sales regions.
    static let designatorLevels: [UInt32: ScalarSet] = [
        0x5E02: ScalarSet("场值民面况价政委长级属郊容井盈销率占".unicodeScalars.map(\.value)),  // 市
        0x53BF: ScalarSet("委长政级域城里".unicodeScalars.map(\.value)),  // 县
        0x76DF: ScalarSet("委长友军国约".unicodeScalars.map(\.value)),  // 盟
        0x5E9C: ScalarSet("院会库".unicodeScalars.map(\.value)),  // 府
    ]
    /// Designators of a city's district (桃园市龟山区, 台中市大里区; folded).
    static let districtLevels: [UInt32: ScalarSet] = [
        0x533A: ScalarSet("域间别分块内外委长政位".unicodeScalars.map(\.value)),  // 区
        0x53BF: designatorLevels[0x53BF]!,
    ]
    /// Last characters of a place that already ends with a designator (folded: 省 市 县 区 州 盟 府 旗).
    static let designatorEnds = ScalarSet("省市县区州盟府旗".unicodeScalars.map(\.value))

    /// The folded end of a designator at folded index `f` after a place whose last folded scalar
    /// is at `last`, when the place does not end with a designator itself and the character after
    /// does not start a word with it.
    static func designatorEnd(_ s: [UInt32], at f: Int, after last: Int, levels: [UInt32: ScalarSet] = designatorLevels) -> Int? {
        guard f < s.count, let blocked = levels[s[f]], !designatorEnds.contains(s[last]) else { return nil }
        if f + 1 < s.count, blocked.contains(s[f + 1]) { return nil }
        return f + 1
    }

    /// Longer place candidates for the known places (`places`: code points, start → the longest
    /// known place's end) that a suffix follows: in Han
    /// text touching places may chain and the zone's own name may stand before the suffix
    /// (高雄 + 楠梓 + 科技产业园区, 包头 + 稀土 + 高新区); in Latin text the suffix follows after one
    /// space and is not itself the start of a longer capitalised name ("District Court").
    func placeSuffixCandidates(places placeAt: [Int: Int], entries placeEntry: [Int: Int], text: DocumentText, folded: FoldedText, index: CodePointIndex) -> [Candidate] {
        let patterns = lexicons.patterns
        guard let chineseByFirst = patterns.chineseByFirst[.placeSuffix] else { return [] }
        let english = patterns.englishByFirst[.placeSuffix] ?? [:]
        let zones = patterns.chinese[.placeSuffix] ?? []
        let s = folded.scalars
        func fi(_ cp: Int) -> Int { Int(folded.start[cp]) }
        guard !placeAt.isEmpty else { return [] }
        /// The longest word of `words` (grouped by first scalar) at folded index `f`.
        func word(at f: Int, in words: [UInt32: [[UInt32]]]) -> Int? {
            guard f < s.count, let list = words[s[f]] else { return nil }
            return list.first { QuantityFinder.hasPrefix(s, at: f, $0) }?.count
        }
        var out: [Candidate] = []
        for start in placeAt.keys.sorted() {
            var end = placeAt[start]!
            if ScriptClass.isHan(s[fi(start)]) {
                // A place may be written with the designator that the lexicon lists it without
                // (鄂尔多斯 + 市, 罗勇 + 府), and a city with its district of two characters (桃园市 + 龟山 +
                // 区). Touching known places stay apart (江西 + 赣州, 本溪市 + 平山区: the annotation
                // conventions mostly count them one by one) unless a zone follows them all.
                var f = fi(end)
                var chained = false
                var own: Int?  // the end of the place with its designator or district, before any chaining
                while true {
                    if let next = placeAt[end], next > end { end = next; chained = true; f = fi(end); continue }  // 高雄 + 楠梓
                    if let d = Self.designatorEnd(s, at: f, after: fi(end) - 1), folded.isCodePointBoundary(d) {
                        f = d; end = Int(folded.origin[d - 1]) + 1
                        if !chained { own = end }
                        continue
                    }
                    if s[fi(end) - 1] == Self.shi, f + 3 <= s.count, ScriptClass.isHan(s[f]), ScriptClass.isHan(s[f + 1]),
                       !NamePatterns.stopChars.contains(s[f]), !NamePatterns.stopChars.contains(s[f + 1]),
                       let d = Self.designatorEnd(s, at: f + 2, after: f + 1, levels: Self.districtLevels), folded.isCodePointBoundary(d) {
                        f = d; end = Int(folded.origin[d - 1]) + 1
                        if !chained { own = end }
                        continue
                    }
                    break
                }
                if let own {
                    out.append(Candidate(start: start, end: own, type: .place, source: .lexicon, entry: placeEntry[start]))
                }
                // A chain that ends in a known zone is one place, as a zone after the chain makes one
                // (包头市 + 稀土高新区, 日照港 + 岚山港区).
                if chained, f == fi(end), zones.contains(where: { f - $0.count > fi(start) && QuantityFinder.hasSuffix(s, endingAt: f, $0) }) {
                    out.append(Candidate(start: start, end: end, type: .place, source: .pattern))
                }
                // The zone's own name may stand between: up to five Han characters, no particle
                // (包头 + 稀土 + 高新区, 高雄 + 臨海 + 工業區, 乌海市 + 低碳硅材料 + 产业园; 江西的工业园区 is no zone name).
                // Another known place inside the gap owns the zone (唐山港 + 集团 + 曹妃甸港区: the zone is 曹妃甸's).
                var found: Int?
                let gapStart = f
                for _ in 0...5 {
                    if let n = word(at: f, in: chineseByFirst) { found = f + n; break }
                    guard f < s.count, ScriptClass.isHan(s[f]), !NamePatterns.stopChars.contains(s[f]) else { break }
                    if f > gapStart, folded.isCodePointBoundary(f), placeAt[Int(folded.origin[f])] != nil { break }
                    f += 1
                }
                guard let zoneEnd = found, folded.isCodePointBoundary(zoneEnd) else { continue }
                out.append(Candidate(start: start, end: Int(folded.origin[zoneEnd - 1]) + 1, type: .place, source: .pattern))
            } else if !english.isEmpty {
                var f = fi(end)
                guard f + 1 < s.count, s[f] == 0x20 else { continue }
                f += 1
                guard let suffixes = english[s[f]] else { continue }
                // Up to six words after the place; the longest run that is a suffix wins.
                var ends: [Int] = []
                var k = f
                while ends.count < 6, k < s.count, ScriptClass.isSpacedWordChar(s[k]) {
                    while k < s.count, ScriptClass.isSpacedWordChar(s[k]) || (s[k] == 0x2D && k + 1 < s.count && ScriptClass.isSpacedWordChar(s[k + 1])) { k += 1 }
                    ends.append(k)
                    guard k + 1 < s.count, s[k] == 0x20 else { break }
                    k += 1
                }
                guard let suffixEnd = ends.reversed().first(where: { e in
                    suffixes.contains { $0.count == e - f && FoldedHelpers.hasPrefix(s, at: f, $0) }
                }) else { continue }
                // A zone is named in capitals ("Weda Bay industrial park" is a description); a bare
                // designator may be lower-case ("Jiangxi province").
                let suffix = FoldedText.string(s[f..<suffixEnd])
                let first = text.utf16[index.utf16(Int(folded.origin[f]))]
                if !Self.designators.contains(suffix), !(first >= 0x41 && first <= 0x5A) { continue }
                // "Harris County Sheriff", "U.S. District Court": a capital after the suffix continues a longer name.
                if suffixEnd + 1 < s.count, s[suffixEnd] == 0x20 {
                    let next = Int(folded.origin[suffixEnd + 1])
                    let u = text.utf16[index.utf16(next)]
                    if u >= 0x41 && u <= 0x5A { continue }
                }
                out.append(Candidate(start: start, end: Int(folded.origin[suffixEnd - 1]) + 1, type: .place, source: .pattern))
            }
        }
        return out
    }
}
