import Foundation

/// Scores framing per sentence, per document and per entity from the cue and modifier lexicons.
///
/// Per sentence: cues and modifiers are matched on folded keys, and overlaps among them are
/// resolved longest first (so 打破国外垄断 is one celebratory cue, not a celebratory cue plus the
/// threat cue 垄断, and the 不 in 不锈钢 is no negator). A one-character Chinese cue or modifier
/// counts only when ICU made it a whole token. Each cue contributes weight × the factors of the
/// modifiers whose scope covers it; a negative product moves it to the opposite frame. See
/// docs/framing.md for the formula and the calibration.
public struct FramingScorer: Sendable {
    public let lexicon: FramingLexicon
    public let options: FramingOptions

    public init(lexicon: FramingLexicon, options: FramingOptions = .init()) {
        self.lexicon = lexicon
        self.options = options
    }

    public struct Result: Sendable {
        public var sentences: [SentenceFraming]
        public var cues: [CueEvidence]
        public var document: DocumentFraming
        public var entities: [EntityFraming]
    }

    enum ItemKind { case cue(CueEntry), modifier(ModifierEntry) }
    struct Item {
        var start: Int  // folded
        var end: Int
        var cpStart: Int
        var cpEnd: Int
        var kind: ItemKind
        var firstToken: Int = 0  // index into the document's tokens
        var endToken: Int = 0
    }

    /// `cueMatches` and `modifierMatches` are the lexicons' matches in the whole document when a
    /// `CombinedMatcher` found them already; otherwise the lexicons' matchers find them.
    public func score(text: DocumentText, folded: FoldedText, tokens: [Token], sentences: [TextSpan],
                      boilerplate: [String?], entities: [Entity], index: CodePointIndex,
                      cueMatches: [PhraseMatcher.Match]? = nil, modifierMatches: [PhraseMatcher.Match]? = nil) -> Result {
        let cueMatches = cueMatches ?? lexicon.cueMatcher.allMatches(in: folded)
        let modifierMatches = modifierMatches ?? lexicon.modifierMatcher.allMatches(in: folded)
        var nextCue = 0, nextModifier = 0  // matches are in start order, sentences too
        var sentenceScores = [SentenceFraming](repeating: SentenceFraming(), count: sentences.count)
        var evidence: [CueEvidence] = []
        var contentTokens = 0
        var t = 0
        var roleCount = 0  // content sentences seen so far
        var occurrences: [String: Int] = [:]  // per lexicon cue, for repetition damping
        for (si, sentence) in sentences.enumerated() {
            while t < tokens.count, tokens[t].end <= sentence.start { t += 1 }
            let firstToken = t
            while t < tokens.count, tokens[t].start < sentence.end { t += 1 }
            let sentenceTokens = tokens[firstToken..<t]
            guard boilerplate[si] == nil else { sentenceScores[si].role = "boilerplate"; continue }
            contentTokens += sentenceTokens.count { $0.kind != .punctuation && $0.kind != .symbol }
            // Position: the first content sentence is the headline when it stands alone on its line.
            var position: (String, Double)?
            if options.leadWeighting {
                if roleCount == 0 && isHeadline(sentence, text: text) {
                    position = ("headline", options.headlineFactor)
                    sentenceScores[si].role = "headline"
                } else if roleCount <= options.leadSentences {
                    position = ("lead", options.leadFactor)
                    sentenceScores[si].role = "lead"
                }
            }
            roleCount += 1
            // The matches that start in the sentence; scoreSentence drops those that run past its end.
            let folds = Int(folded.start[sentence.start])..<Int(folded.start[sentence.end])
            let sentenceCues = Self.matches(cueMatches, startingIn: folds, from: &nextCue)
            let sentenceModifiers = Self.matches(modifierMatches, startingIn: folds, from: &nextModifier)
            var cues = scoreSentence(si, sentence, folds: folds, tokens: sentenceTokens, text: text, folded: folded, index: index,
                                     position: position, cueMatches: sentenceCues, modifierMatches: sentenceModifiers)
            if options.repetitionDamping {
                for k in cues.indices {
                    let n = Self.increment(&occurrences[cues[k].cue, default: 0])  // one hash, not two
                    if n > 1 {
                        let factor = 1 / Double(n).squareRoot()
                        cues[k].modifiers.append(AppliedModifier(kind: "repetition", text: "#\(n)", factor: factor, start: nil, end: nil))
                        cues[k].contribution *= factor
                    }
                }
            }
            for c in cues {
                if c.scoredFrame == .celebratory { sentenceScores[si].celebratory += c.score } else { sentenceScores[si].strategicThreat += c.score }
            }
            evidence += cues
        }
        let c = evidence.filter { $0.scoredFrame == .celebratory }.reduce(0) { $0 + $1.score }
        let th = evidence.filter { $0.scoredFrame == .strategicThreat }.reduce(0) { $0 + $1.score }
        let document = documentFraming(celebratory: c, threat: th, tokens: contentTokens, cues: evidence.count)
        let entityFraming = entityFraming(entities: entities, sentences: sentences, scores: sentenceScores, boilerplate: boilerplate, text: text, folded: folded)
        return Result(sentences: sentenceScores, cues: evidence, document: document, entities: entityFraming)
    }

    /// The run of `matches` (sorted by start) that starts in `range`, searched from `next`, which
    /// is left after the run: sentences come in order, so each match is passed over once.
    static func matches(_ matches: [PhraseMatcher.Match], startingIn range: Range<Int>, from next: inout Int) -> ArraySlice<PhraseMatcher.Match> {
        while next < matches.count, matches[next].start < range.lowerBound { next += 1 }
        let first = next
        while next < matches.count, matches[next].start < range.upperBound { next += 1 }
        return matches[first..<next]
    }

    /// balance, label and confidence from the totals (documented in docs/framing.md).
    public func documentFraming(celebratory c: Double, threat t: Double, tokens: Int, cues: Int) -> DocumentFraming {
        Self.documentFraming(FramingTotals(celebratory: c, strategicThreat: t, tokens: tokens, cues: cues), options: options)
    }

    /// balance, label and confidence from a document's totals under `options`: the one place the
    /// label rule lives, used by the scorer and by `validate --calibrate`.
    public static func documentFraming(_ totals: FramingTotals, options: FramingOptions) -> DocumentFraming {
        let c = totals.celebratory, t = totals.strategicThreat, tokens = totals.tokens, cues = totals.cues
        let mass = c + t
        let per1k = tokens > 0 ? 1000 / Double(tokens) : 0
        let density = mass * per1k
        let balance = (t - c) / (mass + options.smoothing)
        let label: FramingLabel
        let confidence: Double
        if mass < options.neutralMass || density < options.neutralDensity {
            label = .neutral
            confidence = 1 - min(1, max(mass / options.neutralMass, density / options.neutralDensity)) * 0.5
        } else if balance >= options.polarThreshold {
            label = .strategicThreat
            confidence = min(1, abs(balance) * (1 - exp(-mass / 4)) / 0.8)
        } else if balance <= -options.polarThreshold {
            label = .celebratory
            confidence = min(1, abs(balance) * (1 - exp(-mass / 4)) / 0.8)
        } else {
            label = .mixed
            confidence = 1 - abs(balance) / options.polarThreshold
        }
        return DocumentFraming(celebratory: c, strategicThreat: t, celebratoryPer1k: c * per1k, strategicThreatPer1k: t * per1k,
                               balance: balance, label: label, confidence: (confidence * 1000).rounded() / 1000, tokens: tokens, cues: cues)
    }

    func isHeadline(_ sentence: TextSpan, text: DocumentText) -> Bool {
        let u = text.utf16
        // Alone on its line: only whitespace between the line break and the sentence, on both sides.
        var i = sentence.utf16Start - 1
        while i >= 0, u[i] == 0x20 || u[i] == 0x09 || u[i] == 0x3000 { i -= 1 }
        guard i < 0 || u[i] == 0x0A else { return false }
        var j = sentence.utf16End
        while j < u.count, u[j] == 0x20 || u[j] == 0x09 || u[j] == 0x0D || u[j] == 0x3000 { j += 1 }
        guard j == u.count || u[j] == 0x0A else { return false }
        let last = u[sentence.utf16End - 1]
        return last != 0x2E && last != 0x3002 && sentence.end - sentence.start <= 200  // no final full stop
    }

    /// Punctuation that ends a clause (each one UTF-16 unit): , ; : ， ； ： — – 、 ( ) （ ）
    @inline(__always)
    static func isClauseMark(_ u: UInt16) -> Bool {
        switch u {
        case 0x2C, 0x3B, 0x3A, 0xFF0C, 0xFF1B, 0xFF1A, 0x2014, 0x2013, 0x3001, 0x28, 0x29, 0xFF08, 0xFF09: return true
        default: return false
        }
    }

    /// `folds` is the sentence's range of folded indices.
    func scoreSentence(_ si: Int, _ sentence: TextSpan, folds: Range<Int>, tokens: ArraySlice<Token>, text: DocumentText,
                       folded: FoldedText, index: CodePointIndex, position: (String, Double)?,
                       cueMatches: ArraySlice<PhraseMatcher.Match>, modifierMatches: ArraySlice<PhraseMatcher.Match>) -> [CueEvidence] {
        guard !folds.isEmpty else { return [] }
        let fe = folds.upperBound
        let tokenList = tokens  // a slice: indices below are the document's token indices
        func cp(_ f: Int, end: Bool) -> Int { end ? Int(folded.origin[f - 1]) + 1 : Int(folded.origin[f]) }
        func tokenIndex(atOrAfter cpOffset: Int) -> Int {
            var lo = tokenList.startIndex, hi = tokenList.endIndex
            while lo < hi { let mid = (lo + hi) / 2; if tokenList[mid].start < cpOffset { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        func acceptable(_ s: Int, _ e: Int) -> Bool {
            // One Chinese character must be a whole ICU token (不 in 不锈钢 is not a negator).
            if e - s == 1, ScriptClass.isHan(folded.scalars[s]) {
                let a = cp(s, end: false)
                let k = tokenIndex(atOrAfter: a)
                return k < tokenList.endIndex && tokenList[k].start == a && tokenList[k].end == cp(e, end: true)
            }
            return true
        }
        var items: [Item] = []
        for m in cueMatches where m.end <= fe && acceptable(m.start, m.end) {
            items.append(Item(start: m.start, end: m.end, cpStart: cp(m.start, end: false), cpEnd: cp(m.end, end: true), kind: .cue(lexicon.cues[Int(m.payload)])))
        }
        guard !items.isEmpty else { return [] }
        for m in modifierMatches where m.end <= fe && acceptable(m.start, m.end) {
            items.append(Item(start: m.start, end: m.end, cpStart: cp(m.start, end: false), cpEnd: cp(m.end, end: true), kind: .modifier(lexicon.modifiers[Int(m.payload)])))
        }
        // Longest first; on ties a cue before a modifier, then the earlier one.
        items.sort {
            let l0 = $0.end - $0.start, l1 = $1.end - $1.start
            if l0 != l1 { return l0 > l1 }
            if case .cue = $0.kind, case .modifier = $1.kind { return true }
            if case .modifier = $0.kind, case .cue = $1.kind { return false }
            return $0.start < $1.start
        }
        var taken = IntervalSet()
        var chosen: [Item] = []
        for item in items where !taken.overlaps(item.start, item.end) {
            taken.insert(item.start, item.end)
            chosen.append(item)
        }
        chosen.sort { $0.start < $1.start }
        // Token positions and clause boundaries.
        var boundaries: [Int] = []
        for k in tokenList.indices where tokenList[k].kind == .punctuation {
            let tk = tokenList[k]
            guard tk.utf16End - tk.utf16Start == 1 else { continue }
            let u = text.utf16[tk.utf16Start]
            if Self.isClauseMark(u) { boundaries.append(k) }
            else if u == 0x2D, tk.utf16Start > 0, tk.utf16End < text.utf16.count,
                    text.utf16[tk.utf16Start - 1] == 0x20, text.utf16[tk.utf16End] == 0x20 { boundaries.append(k) }
        }
        for k in chosen.indices {
            chosen[k].firstToken = tokenIndex(atOrAfter: chosen[k].cpStart)
            chosen[k].endToken = tokenIndex(atOrAfter: chosen[k].cpEnd)
        }
        func clauseEnd(after tokenIdx: Int) -> Int { boundaries.first { $0 >= tokenIdx } ?? tokenList.endIndex }
        func boundaryBetween(_ a: Int, _ b: Int) -> Bool { boundaries.contains { $0 >= a && $0 < b } }
        func original(_ item: Item) -> String { text.substring(utf16: index.utf16(item.cpStart)..<index.utf16(item.cpEnd)) }

        let modifiers = chosen.compactMap { item -> (Item, ModifierEntry)? in
            if case .modifier(let m) = item.kind { return (item, m) } else { return nil }
        }
        let audience = modifiers.filter { $0.1.kind == .audience }.max { $0.1.factor < $1.1.factor }
        let quotes = shortQuotations(in: sentence, tokens: tokenList, text: text)
        var out: [CueEvidence] = []
        for item in chosen {
            guard case .cue(let cue) = item.kind else { continue }
            var applied: [AppliedModifier] = []
            for (m, entry) in modifiers {
                var applies = false
                var factor = entry.factor
                switch entry.kind {
                case .negator, .intensifier, .hedge, .attribution:
                    // Sentence scope covers both sides of the marker, except for negators, which only
                    // reach forward.
                    if entry.scope == .sentence && entry.kind != .negator { applies = true; break }
                    guard item.firstToken >= m.endToken else { break }
                    switch entry.scope {
                    case .next(let n):
                        // Count word tokens between the marker and the cue, never across a clause mark.
                        let between = tokenList[m.endToken..<item.firstToken].count { $0.kind != .punctuation }
                        applies = between < n && !boundaryBetween(m.endToken, item.firstToken)
                    case .clause: applies = item.firstToken < clauseEnd(after: m.endToken)
                    case .sentence: applies = true
                    }
                case .contrast:
                    if item.start >= m.end { applies = true } else if item.end <= m.start { applies = true; factor = 1 / entry.factor }
                case .audience:
                    break
                }
                if applies {
                    applied.append(AppliedModifier(kind: entry.kind.rawValue, text: original(m), factor: factor, start: m.cpStart, end: m.cpEnd))
                }
            }
            applied = Self.strongestPerKind(applied)
            if quoted(item, quotes: quotes, index: index) {
                applied.append(AppliedModifier(kind: "quotation", text: "\"…\"", factor: options.quotationFactor, start: nil, end: nil))
            }
            if let (m, entry) = audience, cue.frame == .strategicThreat {
                applied.append(AppliedModifier(kind: "audience", text: original(m), factor: entry.factor, start: m.cpStart, end: m.cpEnd))
            }
            if let (role, factor) = position {
                applied.append(AppliedModifier(kind: "position", text: role, factor: factor, start: nil, end: nil))
            }
            let contribution = applied.reduce(cue.weight) { $0 * $1.factor }
            out.append(CueEvidence(start: item.cpStart, end: item.cpEnd, utf16Start: index.utf16(item.cpStart), utf16End: index.utf16(item.cpEnd),
                                   cue: cue.cue, frame: cue.frame, weight: cue.weight, modifiers: applied, contribution: contribution, sentence: si))
        }
        return out
    }

    /// Negators multiply (a double negative cancels); of the other kinds only the strongest
    /// applies (two attribution markers do not halve a claim twice).
    static func strongestPerKind(_ applied: [AppliedModifier]) -> [AppliedModifier] {
        var out: [AppliedModifier] = []
        for m in applied {
            if m.kind == "negator" || m.kind == "contrast" { out.append(m); continue }
            if let i = out.firstIndex(where: { $0.kind == m.kind }) {
                let weaker = m.kind == "intensifier" ? m.factor > out[i].factor : m.factor < out[i].factor
                if weaker { out[i] = m }
            } else {
                out.append(m)
            }
        }
        return out
    }

    /// The closing quote for an opening one: “” 「」 『』 "" ＂＂.
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

    /// UTF-16 ranges of short quotations inside the sentence.
    func shortQuotations(in sentence: TextSpan, tokens: ArraySlice<Token>, text: DocumentText) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let u = text.utf16
        var i = sentence.utf16Start
        while i < sentence.utf16End {
            guard let close = Self.closingQuote(u[i]) else { i += 1; continue }
            var j = i + 1
            while j < sentence.utf16End, u[j] != close { j += 1 }
            guard j < sentence.utf16End else { break }
            // Chinese quotations count characters: a Han word is about two of them.
            var size = 0
            for t in tokens where t.utf16Start > i && t.utf16End <= j && t.kind != .punctuation {
                size += t.kind == .ideographic ? max(1, (t.end - t.start + 1) / 2) : 1
            }
            if size > 0 && size <= options.shortQuotation { out.append((i + 1)..<j) }
            i = j + 1
        }
        return out
    }

    func quoted(_ item: Item, quotes: [Range<Int>], index: CodePointIndex) -> Bool {
        guard options.quotationFactor != 1, !quotes.isEmpty else { return false }
        let a = index.utf16(item.cpStart), b = index.utf16(item.cpEnd)
        return quotes.contains { $0.lowerBound <= a && b <= $0.upperBound }
    }

    /// Adds one and returns the new value: a dictionary entry counted and read with one hash.
    private static func increment(_ n: inout Int) -> Int { n += 1; return n }

    func entityFraming(entities: [Entity], sentences: [TextSpan], scores: [SentenceFraming], boilerplate: [String?],
                       text: DocumentText, folded: FoldedText) -> [EntityFraming] {
        struct Acc { var id: String; var canonical: String; var type: EntityType; var mentions = 0; var sentences: [Int] = [] }
        var slot: [String: Int] = [:]  // one hash per mention: id → index in `found`
        var found: [Acc] = []
        var s = 0
        for e in entities where e.type != .quantity {
            while s < sentences.count, sentences[s].end <= e.start { s += 1 }
            guard s < sentences.count, sentences[s].start <= e.start, boilerplate[s] == nil else { continue }
            let id = e.id ?? "pattern:" + folded.key(from: e.start, to: e.end)
            let k = slot[id, default: found.count]
            if k == found.count {
                slot[id] = k
                found.append(Acc(id: id, canonical: e.canonical ?? text.substring(utf16: e.utf16Start..<e.utf16End), type: e.type))
            }
            found[k].mentions += 1
            if found[k].sentences.last != s { found[k].sentences.append(s) }
        }
        return found.map { a in
            let c = a.sentences.reduce(0) { $0 + scores[$1].celebratory }
            let t = a.sentences.reduce(0) { $0 + scores[$1].strategicThreat }
            return EntityFraming(id: a.id, canonical: a.canonical, type: a.type, mentions: a.mentions, sentences: a.sentences,
                                 celebratory: c, strategicThreat: t, balance: (t - c) / (t + c + options.smoothing))
        }.sorted { ($1.mentions, $0.id) < ($0.mentions, $1.id) }
    }
}
