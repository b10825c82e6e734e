/// Tags entities: lexicon surfaces, quantities and name patterns.
///
/// Overlap rule (documented in the README): candidates are taken longest first; on equal length a
/// lexicon entry beats a quantity, which beats a pattern; then the earlier one wins. A chosen span
/// excludes every candidate overlapping it. Pattern names that overlap any lexicon company,
/// or organization are dropped, and person patterns that overlap any lexicon entity (the lexicon
/// is the authority on names it knows). Lexicon
/// candidates inside a chosen span with a different type (the material in a company name, the
/// place in a firm's name) are kept as `nested`, never in `entities`, so nothing counts twice.
/// Finally, touching material mentions and the material modifiers before them join into one
/// material (稀土 + 耐磨钢 → 稀土耐磨钢; sintered + NdFeB + magnets), named by the last one.
public struct EntityTagger: Sendable {
    public let lexicons: Lexicons
    private let quantities: QuantityFinder
    private let nameWords: EnglishNameWords

    public init(lexicons: Lexicons) {
        self.lexicons = lexicons
        quantities = QuantityFinder(units: lexicons.units)
        nameWords = EnglishNameWords(patterns: lexicons.patterns)
    }

    public struct Result: Sendable {
        public var entities: [Entity]
        public var nested: [Entity]
    }

    struct Candidate {
        var start: Int  // code points
        var end: Int
        var type: EntityType
        var source: EntitySource
        var entry: Int?
        /// Index into the document's quantities: a `Quantity` holds strings, and candidates are
        /// copied and moved around several times.
        var quantity: Int?
        var priority: Int { source == .lexicon ? 0 : source == .number ? 1 : 2 }
    }

    /// `lexiconMatches` are the entity lexicon's matches in the document when a `CombinedMatcher`
    /// found them already; otherwise the lexicon's matcher finds them.
    public func tag(_ text: DocumentText, folded: FoldedText, tokens: [Token], sentences: [TextSpan], index: CodePointIndex,
                    lexiconMatches: [PhraseMatcher.Match]? = nil) -> Result {
        let lex = lexicons.entities
        var candidates: [Candidate] = []
        func cp(_ start: Int, _ end: Int) -> (Int, Int) { (Int(folded.origin[start]), Int(folded.origin[end - 1]) + 1) }
        var lexiconNames = IntervalSet()  // companies and organizations
        var lexiconAny = IntervalSet()
        var materials = IntervalSet()
        var placeStarts = Set<Int>()
        text.utf16.withUnsafeBufferPointer { utf16 in
            for m in lexiconMatches ?? lex.matcher.allMatches(in: folded) {
                let (s, e) = cp(m.start, m.end)
                if lex.surfaceIsAcronym[Int(m.payload)] {
                    let original = utf16[index.utf16(s)..<index.utf16(e)]
                    if original.contains(where: { (0x61...0x7A).contains($0) || (0xFF41...0xFF5A).contains($0) }) { continue }
                }
                let entryIndex = Int(lex.surfaceEntity[Int(m.payload)])
                let entry = lex.entries[entryIndex]
                lexiconAny.insertOverlapping(s, e)
                candidates.append(Candidate(start: s, end: e, type: entry.type, source: .lexicon, entry: entryIndex))
                switch entry.type {
                case .company, .organization: lexiconNames.insertOverlapping(s, e)
                case .place: placeStarts.insert(m.start)
                case .material: materials.insertOverlapping(s, e)
                default: break
                }
            }
        }
        let found = quantities.find(in: folded)
        for (k, q) in found.enumerated() {
            let (s, e) = cp(q.start, q.end)
            candidates.append(Candidate(start: s, end: e, type: .quantity, source: .number, quantity: k))
        }
        // Token ranges of each sentence, for the English name patterns.
        var sentenceTokens: [Range<Int>] = []
        var t = 0
        for sentence in sentences {
            while t < tokens.count, tokens[t].end <= sentence.start { t += 1 }
            let first = t
            while t < tokens.count, tokens[t].start < sentence.end { t += 1 }
            if t > first { sentenceTokens.append(first..<t) }
        }
        let names = NamePatterns(patterns: lexicons.patterns, words: nameWords, text: text, tokens: tokens, folded: folded)
        var patternFound = names.english(sentences: sentenceTokens, knownMaterial: { materials.overlaps($0, $1) })
        patternFound += names.englishPersons(sentences: sentenceTokens)
        patternFound += names.chinese(placeStarts: placeStarts)
        patternFound += names.chinesePersons()
        patternFound += aliases(of: patternFound.filter { $0.type == .person }, tokens: tokens, text: text)
        // A known name followed by a legal suffix ("包头华美稀土高科" + "有限公司", "X Group" + "Co.,
        // Ltd.") becomes the known entity over the whole span.
        var knownByStart: [Int: [Candidate]] = [:]
        for c in candidates where c.source == .lexicon && (c.type == .company || c.type == .organization) {
            knownByStart[c.start, default: []].append(c)
        }
        for p in patternFound where p.type == .company || p.type == .organization {
            if let k = knownByStart[p.start]?.filter({ $0.end < p.end }).max(by: { $0.end < $1.end }) {
                candidates.append(Candidate(start: p.start, end: p.end, type: k.type, source: .lexicon, entry: k.entry))
            }
        }
        // Unknown firms yield to known firms; a person pattern yields to any known entity.
        for p in patternFound where p.end > p.start
            && !(p.type == .person ? lexiconAny : lexiconNames).overlaps(p.start, p.end) {
            candidates.append(Candidate(start: p.start, end: p.end, type: p.type, source: .pattern))
        }
        // Sorted as plain keys, which the comparator reads without touching the candidates.
        struct Rank: Comparable {
            var length: Int, priority: Int, start: Int, index: Int
            static func < (a: Rank, b: Rank) -> Bool {
                if a.length != b.length { return a.length > b.length }
                if a.priority != b.priority { return a.priority < b.priority }
                if a.start != b.start { return a.start < b.start }
                return a.index < b.index  // the sort before was stable
            }
        }
        let order = candidates.indices.map { Rank(length: candidates[$0].end - candidates[$0].start,
                                                  priority: candidates[$0].priority, start: candidates[$0].start, index: $0) }.sorted()
        var chosenIndices: [Int] = []
        var rejected: [Candidate] = []  // only lexicon ones matter below (nested entities)
        // Longest first means any position: a bitmap keeps this linear (an interval list with
        // inserts in the middle made a 50 MB document quadratic).
        var taken = Occupancy(count: candidates.map(\.end).max() ?? 0)
        for rank in order {
            let c = candidates[rank.index]
            if taken.overlaps(c.start, c.end) {
                if c.source == .lexicon { rejected.append(c) }
            } else {
                taken.insert(c.start, c.end)
                chosenIndices.append(rank.index)
            }
        }
        // By start; the sort is stable, so ties keep their rank order as before.
        chosenIndices.sort { candidates[$0].start < candidates[$1].start }
        var chosen = chosenIndices.map { candidates[$0] }
        chosen = joinMaterials(chosen, folded: folded)
        var nested: [Candidate] = []
        var seenNested = Set<[Int]>()
        // Chosen spans are disjoint and sorted: the one that could contain r is the last starting at or before it.
        func container(of r: Candidate) -> Candidate? {
            var lo = 0, hi = chosen.count
            while lo < hi { let mid = (lo + hi) / 2; if chosen[mid].start <= r.start { lo = mid + 1 } else { hi = mid } }
            guard lo > 0, chosen[lo - 1].end >= r.end else { return nil }
            return chosen[lo - 1]
        }
        for r in rejected {
            guard let outer = container(of: r), outer.type != r.type else { continue }
            if seenNested.insert([r.start, r.end, r.entry ?? -1]).inserted { nested.append(r) }
        }
        nested.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        func entity(_ c: Candidate) -> Entity {
            let entry = c.entry.map { lex.entries[$0] }
            return Entity(start: c.start, end: c.end, utf16Start: index.utf16(c.start), utf16End: index.utf16(c.end),
                          type: c.type, id: entry?.id, canonical: entry?.canonical, source: c.source, quantity: c.quantity.map { found[$0].quantity })
        }
        return Result(entities: chosen.map(entity), nested: nested.map(entity))
    }

    /// Later mentions of a person by one part of the name ("Cai Zhenhua" … "Cai said").
    func aliases(of persons: [NamePatterns.Found], tokens: [Token], text: DocumentText) -> [NamePatterns.Found] {
        guard !persons.isEmpty else { return [] }
        func firstToken(atOrAfter cp: Int) -> Int {
            var lo = 0, hi = tokens.count
            while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].start < cp { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        var parts = Set<String>()
        var covered = IntervalSet()
        for p in persons {
            covered.insertOverlapping(p.start, p.end)
            var i = firstToken(atOrAfter: p.start)
            while i < tokens.count, tokens[i].end <= p.end {
                let t = tokens[i]
                if t.kind == .word && t.end - t.start >= 3 { parts.insert(text.substring(utf16: t.utf16Start..<t.utf16End)) }
                i += 1
            }
        }
        guard !parts.isEmpty else { return [] }
        var out: [NamePatterns.Found] = []
        for t in tokens where t.kind == .word && t.end - t.start >= 3 && !covered.overlaps(t.start, t.end)
            && parts.contains(text.substring(utf16: t.utf16Start..<t.utf16End)) {
            out.append(.init(start: t.start, end: t.end, type: .person))
        }
        return out
    }

    /// Joins touching materials and the material modifiers before them into one material.
    func joinMaterials(_ entities: [Candidate], folded: FoldedText) -> [Candidate] {
        let s = folded.scalars
        let englishModifiers = lexicons.patterns.english[.materialModifier] ?? []
        let chineseModifiers = lexicons.patterns.chinese[.materialModifier] ?? []
        let chineseModifierEnds = lexicons.patterns.chineseEnds[.materialModifier] ?? ScalarSet()
        // Folded index of a code point.
        func fi(_ cp: Int) -> Int { Int(folded.start[cp]) }
        var out: [Candidate] = []
        for var c in entities {
            if c.type == .material, let previous = out.last, previous.type == .material {
                // Touching in Han text, or one space/hyphen apart in Latin text.
                let gap = fi(c.start) - fi(previous.end)
                if gap == 0 || (gap == 1 && (s[fi(previous.end)] == 0x20 || s[fi(previous.end)] == 0x2D)) {
                    c.start = previous.start
                    c.source = .lexicon
                    out.removeLast()
                }
            }
            if c.type == .material {
                // Modifiers immediately before: 高性能 + 钕铁硼; "sintered" + " " + NdFeB.
                var start = fi(c.start)
                var extended = true
                while extended {
                    extended = false
                    let limit = out.last.map { fi($0.end) } ?? 0
                    if start > 0, chineseModifierEnds.contains(s[start - 1]),
                       let m = chineseModifiers.first(where: { FoldedHelpers.hasSuffix(s, endingAt: start, $0) }), start - m.count >= limit,
                       folded.isCodePointBoundary(start - m.count) {
                        start -= m.count
                        extended = true
                        continue
                    }
                    if start >= 2, s[start - 1] == 0x20 || s[start - 1] == 0x2D {
                        var b = start - 1
                        while b > limit, ScriptClass.isSpacedWordChar(s[b - 1]) || (s[b - 1] == 0x2D && b - 1 > limit && ScriptClass.isSpacedWordChar(s[b - 2])) { b -= 1 }
                        let word = FoldedText.string(s[b..<(start - 1)])
                        if b < start - 1, englishModifiers.contains(word), PhraseMatcher.isStart(folded, b) {
                            start = b
                            extended = true
                        }
                    }
                }
                c.start = Int(folded.origin[start])
            }
            out.append(c)
        }
        return out
    }
}

/// Disjoint half-open intervals kept sorted, for overlap checks in O(log n).
/// Code points taken by chosen spans, one bit each.
struct Occupancy {
    private var bits: [UInt64]

    init(count: Int) { bits = [UInt64](repeating: 0, count: count / 64 + 1) }

    func overlaps(_ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e {
            if bits[i >> 6] & (1 << UInt64(i & 63)) != 0 { return true }
            i += 1
        }
        return false
    }

    mutating func insert(_ s: Int, _ e: Int) {
        for i in s..<max(s, e) { bits[i >> 6] |= 1 << UInt64(i & 63) }
    }
}

struct IntervalSet {
    private var starts: [Int] = []
    private var ends: [Int] = []

    /// Index of the first interval whose start is >= `x`.
    private func lowerBound(_ x: Int) -> Int {
        var lo = 0, hi = starts.count
        while lo < hi { let mid = (lo + hi) / 2; if starts[mid] < x { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    func overlaps(_ s: Int, _ e: Int) -> Bool {
        let i = lowerBound(s)
        if i < starts.count, starts[i] < e { return true }
        if i > 0, ends[i - 1] > s { return true }
        return false
    }

    /// Inserts a disjoint interval.
    mutating func insert(_ s: Int, _ e: Int) {
        let i = lowerBound(s)
        starts.insert(s, at: i)
        ends.insert(e, at: i)
    }

    /// Inserts an interval that may overlap others, merging them.
    mutating func insertOverlapping(_ s: Int, _ e: Int) {
        // Matches arrive in start order, so the new interval almost always joins or follows the
        // last one: no search, and no insert or remove in the middle of the arrays.
        if let last = starts.last, s >= last {
            let n = ends.count - 1
            if ends[n] >= s { ends[n] = Swift.max(ends[n], e) } else { starts.append(s); ends.append(e) }
            return
        }
        var lo = s, hi = e
        var i = lowerBound(s)
        if i > 0, ends[i - 1] >= s { i -= 1 }
        while i < starts.count, starts[i] <= hi {
            lo = Swift.min(lo, starts[i]); hi = Swift.max(hi, ends[i])
            starts.remove(at: i); ends.remove(at: i)
        }
        starts.insert(lo, at: i)
        ends.insert(hi, at: i)
    }
}
