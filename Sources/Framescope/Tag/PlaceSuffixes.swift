/// Places that continue past their lexicon name: a development zone or an attached administrative
/// designator after a known place (`place-suffix` words in patterns.tsv). The known place alone
/// would cut the zone short (赣州 of 赣州高新技术产业开发区) and leave its designator outside
/// ("Longnan" of "Longnan County").
extension EntityTagger {
    /// Administrative designators, which news also writes in lower case after a place name.
    static let designators: Set<String> = ["county", "district", "province", "prefecture", "municipality", "city"]

    /// Longer place candidates for the known places (`places`: code points, start → the longest
    /// known place's end) that a suffix follows: in Han
    /// text touching places may chain and the zone's own name may stand before the suffix
    /// (高雄 + 楠梓 + 科技产业园区, 包头 + 稀土 + 高新区); in Latin text the suffix follows after one
    /// space and is not itself the start of a longer capitalised name ("District Court").
    func placeSuffixCandidates(places placeAt: [Int: Int], text: DocumentText, folded: FoldedText, index: CodePointIndex) -> [Candidate] {
        let patterns = lexicons.patterns
        guard let chineseByFirst = patterns.chineseByFirst[.placeSuffix] else { return [] }
        let english = patterns.english[.placeSuffix] ?? []
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
                while let next = placeAt[end], next > end { end = next }  // 高雄 + 楠梓
                // The zone's own name may stand between: up to four Han characters, no particle
                // (包头 + 稀土 + 高新区, 高雄 + 臨海 + 工業區; 江西的工业园区 is no zone name).
                var f = fi(end)
                var found: Int?
                for _ in 0...4 {
                    if let n = word(at: f, in: chineseByFirst) { found = f + n; break }
                    guard f < s.count, ScriptClass.isHan(s[f]), !NamePatterns.stopChars.contains(s[f]) else { break }
                    f += 1
                }
                guard let zoneEnd = found, folded.isCodePointBoundary(zoneEnd) else { continue }
                out.append(Candidate(start: start, end: Int(folded.origin[zoneEnd - 1]) + 1, type: .place, source: .pattern))
            } else if !english.isEmpty {
                var f = fi(end)
                guard f + 1 < s.count, s[f] == 0x20 else { continue }
                f += 1
                // Up to six words after the place; the longest run that is a suffix wins.
                var ends: [Int] = []
                var k = f
                while ends.count < 6, k < s.count, ScriptClass.isSpacedWordChar(s[k]) {
                    while k < s.count, ScriptClass.isSpacedWordChar(s[k]) || (s[k] == 0x2D && k + 1 < s.count && ScriptClass.isSpacedWordChar(s[k + 1])) { k += 1 }
                    ends.append(k)
                    guard k + 1 < s.count, s[k] == 0x20 else { break }
                    k += 1
                }
                guard let suffixEnd = ends.reversed().first(where: { english.contains(FoldedText.string(s[f..<$0])) }) else { continue }
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
