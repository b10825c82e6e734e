import Foundation

/// Two logistic regressions over the folded words of a document (tf-idf, L2-normalised, one
/// vocabulary), trained on coded documents by `framescope lexicon train` and stored as
/// `Lexicons/learned.tsv`: `lean` (strategic-threat against celebratory) and `framed` (framed
/// against neutral).
///
/// Why: the cue lexicons say exactly why a text leans, but they only see the phrases somebody
/// listed, and unseen writers use others; understated celebration in particular carries few
/// listed cues. The models see every word, with weights fitted to coded texts. The lean joins the
/// cue evidence in the document's direction; the framed score lets a text with too few cues to be
/// framed by them take the side its evidence leans to. Both are traced: the scores, the scale,
/// and the words that moved the lean most (docs/framing.md, "The word models").
public struct LearnedModel: Sendable {
    /// The folded word of each feature (`(number)` for any number), its idf and its weight.
    public private(set) var features: [String] = []
    public private(set) var idf: [Double] = []
    /// Log-odds of strategic-threat against celebratory per unit of tf-idf.
    public private(set) var weights: [Double] = []
    public private(set) var intercept = 0.0
    /// Log-odds of framed (any label but neutral) against neutral per unit of tf-idf.
    public private(set) var framedWeights: [Double] = []
    public private(set) var framedIntercept = 0.0
    /// Mass units per logit: the lean is `scale × score`.
    public private(set) var scale = 0.0
    /// Open addressing on the feature's hash (`LearnedModel.hash`): slot → feature index + 1.
    private var slots: [Int32] = []
    private var slotHashes: [UInt64] = []
    private var mask = 0

    static let columns = ["feature", "idf", "lean", "framed"]
    /// The rows that are not words (a folded word never holds parentheses).
    static let interceptRow = "(intercept)", scaleRow = "(scale)"
    /// The one feature of every number (a `#` would start a comment line in a lexicon file).
    public static let numberFeature = "(number)"

    public init() {}

    /// `features` are folded keys as `Annotator.learnedFeatures` gives them.
    public init(features: [String], idf: [Double], weights: [Double], intercept: Double, scale: Double,
                framedWeights: [Double], framedIntercept: Double) {
        self.intercept = intercept
        self.scale = scale
        self.framedIntercept = framedIntercept
        for i in features.indices { add(features[i], idf: idf[i], weight: weights[i], framed: framedWeights[i]) }
    }

    public var isEmpty: Bool { features.isEmpty }

    /// The probability that log-odds stand for: both models' scores are log-odds.
    @inline(__always)
    public static func probability(logOdds z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// FNV-1a over the folded scalars of a word: the table key, computed in place from the
    /// document's folded text so that scoring allocates nothing per token.
    @inline(__always)
    static func hash<C: Collection<UInt32>>(_ scalars: C) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for s in scalars { h = (h ^ UInt64(s)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    static let numberHash = hash(numberFeature.unicodeScalars.lazy.map(\.value))

    /// Features are folded keys already (the trainer writes them), so they are hashed as written.
    @discardableResult
    mutating func add(_ feature: String, idf: Double, weight: Double, framed: Double) -> Bool {
        guard !feature.isEmpty else { return false }
        let h = Self.hash(feature.unicodeScalars.lazy.map(\.value))
        if index(of: h) != nil { return false }
        features.append(feature)
        self.idf.append(idf)
        weights.append(weight)
        framedWeights.append(framed)
        if features.count * 2 > slots.count { rehash() } else { insert(h, features.count - 1) }
        return true
    }

    private mutating func rehash() {
        var size = 16
        while size < features.count * 3 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        slotHashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for (i, f) in features.enumerated() { insert(Self.hash(f.unicodeScalars.lazy.map(\.value)), i) }
    }

    private mutating func insert(_ h: UInt64, _ i: Int) {
        var s = Int(truncatingIfNeeded: h >> 7) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = Int32(i + 1)
        slotHashes[s] = h
    }

    @inline(__always)
    func index(of h: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        var s = Int(truncatingIfNeeded: h >> 7) & mask
        while slots[s] != 0 {
            if slotHashes[s] == h { return Int(slots[s]) - 1 }
            s = (s + 1) & mask
        }
        return nil
    }

    mutating func load(_ table: TSVTable, issues: inout [LexiconIssue]) {
        let cFeature = table.column("feature"), cIDF = table.column("idf"), cLean = table.column("lean"), cFramed = table.column("framed")
        features.reserveCapacity(table.rows.count)
        idf.reserveCapacity(table.rows.count)
        weights.reserveCapacity(table.rows.count)
        framedWeights.reserveCapacity(table.rows.count)
        for row in table.rows {
            // The parameter rows may leave a cell that does not apply as `-`. The numbers are
            // read from the bytes (`TSVTable.Row.double`): 18,000 of them at start-up.
            let lean = row.double(cLean), framed = row.double(cFramed), idf = row.double(cIDF)
            let feature = row[cFeature]
            switch feature {
            case Self.interceptRow:
                guard let lean, let framed, lean.isFinite, framed.isFinite else {
                    issues.append(LexiconIssue(file: table.file, line: row.line, "the intercepts must be numbers"))
                    continue
                }
                intercept = lean
                framedIntercept = framed
            case Self.scaleRow:
                guard let lean, lean.isFinite, lean >= 0 else {
                    issues.append(LexiconIssue(file: table.file, line: row.line, "the scale must be a number, not negative"))
                    continue
                }
                scale = lean
            default:
                guard let idf, idf.isFinite, idf > 0, let lean, lean.isFinite, let framed, framed.isFinite else {
                    issues.append(LexiconIssue(file: table.file, line: row.line,
                                               "idf '\(row["idf"])' must be a positive number, lean '\(row["lean"])' and framed '\(row["framed"])' numbers"))
                    continue
                }
                if !add(feature, idf: idf, weight: lean, framed: framed) {
                    issues.append(LexiconIssue(file: table.file, line: row.line, "feature '\(feature)' repeats another"))
                }
            }
        }
    }

    /// The file `lexicon train` writes: the two parameter rows, then the words by lean weight.
    public func tsv(comment: [String]) -> String {
        var out = comment.map { "# " + $0 + "\n" }.joined()
        out += Self.columns.joined(separator: "\t") + "\n"
        out += "\(Self.interceptRow)\t-\t\(Self.format(intercept))\t\(Self.format(framedIntercept))\n"
        out += "\(Self.scaleRow)\t-\t\(Self.format(scale))\t-\n"
        for i in features.indices.sorted(by: { (weights[$0], features[$0]) < (weights[$1], features[$1]) }) {
            out += "\(features[i])\t\(Self.format(idf[i]))\t\(Self.format(weights[i]))\t\(Self.format(framedWeights[i]))\n"
        }
        return out
    }

    static func format(_ x: Double) -> String { String(format: "%.6f", x) }

    /// A content token's feature key as training sees it: `(number)` for a number, else its folded
    /// text; nil for punctuation and symbols. `feature(of:folded:)` is the same key, hashed in place.
    public static func key(of token: Token, folded: FoldedText) -> String? {
        switch token.kind {
        case .punctuation, .symbol: return nil
        case .number: return numberFeature
        default:
            let a = Int(folded.start[token.start]), b = Int(folded.start[token.end])
            return a < b ? FoldedText.string(folded.scalars[a..<b]) : nil
        }
    }

    /// The feature index of a token (nil where the model does not know the word).
    @inline(__always)
    func feature(of token: Token, folded: FoldedText) -> Int? {
        switch token.kind {
        case .punctuation, .symbol: return nil
        case .number: return index(of: Self.numberHash)
        default:
            let a = Int(folded.start[token.start]), b = Int(folded.start[token.end])
            guard a < b else { return nil }
            return folded.scalars.withUnsafeBufferPointer { index(of: Self.hash($0[a..<b])) }
        }
    }

    /// The tokens of the sentences that are not boilerplate, in order: what training and scoring
    /// both read.
    @inline(__always)
    static func forEachContentToken(tokens: [Token], sentences: [TextSpan], boilerplate: [String?], _ body: (Token) -> Void) {
        var t = 0
        for (si, sentence) in sentences.enumerated() {
            while t < tokens.count, tokens[t].end <= sentence.start { t += 1 }
            guard boilerplate[si] == nil else { continue }
            while t < tokens.count, tokens[t].start < sentence.end { body(tokens[t]); t += 1 }
        }
    }

    /// The feature keys of the content sentences' words (`key(of:folded:)`), in document order.
    public static func keys(tokens: [Token], sentences: [TextSpan], boilerplate: [String?], folded: FoldedText) -> [String] {
        var out: [String] = []
        forEachContentToken(tokens: tokens, sentences: sentences, boilerplate: boilerplate) { token in
            if let key = key(of: token, folded: folded) { out.append(key) }
        }
        return out
    }

    /// Both scores of the content sentences' words (boilerplate left out). Nil when the model is
    /// empty or knows none of the words: no evidence, no lean.
    public func lean(tokens: [Token], sentences: [TextSpan], boilerplate: [String?], folded: FoldedText, top: Int = 8) -> LearnedLean? {
        guard !features.isEmpty, scale > 0 else { return nil }
        // Counts by feature index: summed in index order, so the sums (and the bytes written) are
        // the same on every run, with no sort and no hashing of the counts.
        var counts = [Int32](repeating: 0, count: features.count)
        var distinct = 0
        Self.forEachContentToken(tokens: tokens, sentences: sentences, boilerplate: boilerplate) { token in
            let h: UInt64
            switch token.kind {
            case .punctuation, .symbol: return
            case .number: h = Self.numberHash
            default:
                let a = Int(folded.start[token.start]), b = Int(folded.start[token.end])
                guard a < b else { return }
                h = folded.scalars.withUnsafeBufferPointer { Self.hash($0[a..<b]) }
            }
            guard let f = index(of: h) else { return }
            if counts[f] == 0 { distinct += 1 }
            counts[f] += 1
        }
        guard distinct > 0 else { return nil }
        var norm = 0.0
        for f in counts.indices where counts[f] > 0 { let x = Double(counts[f]) * idf[f]; norm += x * x }
        norm = norm.squareRoot()
        // The `top` words that moved the score most, kept in order as they come (largest share
        // first, ties by feature): a few comparisons per word instead of sorting them all.
        var best: [(feature: Int, part: Double)] = []
        best.reserveCapacity(top + 1)
        func before(_ a: (feature: Int, part: Double), _ b: (feature: Int, part: Double)) -> Bool {
            abs(a.part) != abs(b.part) ? abs(a.part) > abs(b.part) : features[a.feature] < features[b.feature]
        }
        var score = intercept, framed = framedIntercept
        for f in counts.indices where counts[f] > 0 {
            let x = Double(counts[f]) * idf[f] / norm
            let part = weights[f] * x
            score += part
            framed += framedWeights[f] * x
            guard top > 0, best.count < top || before((f, part), best[best.count - 1]) else { continue }
            var i = best.count
            while i > 0, before((f, part), best[i - 1]) { i -= 1 }
            best.insert((f, part), at: i)
            if best.count > top { best.removeLast() }
        }
        let words = best.map { LearnedLean.Word(feature: features[$0.feature], count: Int(counts[$0.feature]), contribution: $0.part * scale) }
        return LearnedLean(score: score, scale: scale, lean: score * scale, framed: framed, words: words)
    }
}

/// What the learned models say of one document: `lean = scale × score`, in cue-mass units,
/// positive towards strategic-threat. `words` are the features that moved it most, each with its
/// share of the lean (the intercept's share is `scale × intercept`).
public struct LearnedLean: Sendable, Hashable {
    public struct Word: Sendable, Hashable {
        public var feature: String
        public var count: Int
        public var contribution: Double
    }
    /// The model's logit: log-odds of strategic-threat against celebratory.
    public var score: Double
    public var scale: Double
    public var lean: Double
    /// The framed model's log-odds that the text is framed (polar or mixed) rather than neutral.
    public var framed: Double
    public var words: [Word]
    /// What the scorer multiplied `lean` by: `FramingOptions.learnedWeight`, times P(framed) when
    /// `learnedGate` is on, times the length ramp (`learnedFullTokens`). `DocumentFraming.learnedLean`
    /// is `lean × weight`.
    public var weight: Double = 1
    /// Whether `framed` counted for the label. False when a document-level layer (a notice or
    /// analysis register, the author's rejection of alarm) withheld it: explicit evidence beats
    /// the model's reading of the words. `validate --calibrate` reads this back to relabel as
    /// `annotate` did.
    public var framedUsed = true
}
