import Foundation

/// Fits `LearnedModel` to coded documents (`framescope lexicon train`): an L2-regularised logistic
/// regression, strategic-threat against celebratory, on tf-idf word vectors normalised to length 1.
///
/// Why this shape: it is the standard supervised baseline of text-as-data work, small enough to
/// read as a word list, and linear, so each word's part in a document's lean can be shown. The
/// scale that turns its log-odds into cue-mass units comes from cross-validation, so the lean of
/// an unseen text weighs what it weighed for the held-out folds, not the inflated in-sample score.
public enum LearnedTraining {
    /// One coded document: its feature keys (`Annotator.learnedFeatures`) and whether it was coded
    /// strategic-threat (otherwise celebratory).
    public struct Example: Sendable {
        public var id: String
        public var features: [String]
        public var threat: Bool
        public init(id: String, features: [String], threat: Bool) {
            self.id = id
            self.features = features
            self.threat = threat
        }
    }

    public struct Settings: Sendable {
        /// Inverse regularisation strength, as in scikit-learn's `LogisticRegression(C:)`.
        public var c = 100.0
        /// A word enters the vocabulary when it occurs in at least this many training documents.
        public var minDocuments = 2
        /// The median cross-validated |lean| in cue-mass units: half of `FramingOptions.massFull`,
        /// so a typical text's words weigh as much as two ordinary cues.
        public var medianLean = 2.0
        public var folds = 5
        public var iterations = 4000
        public init() {}
    }

    /// Cross-validated figures (each document scored by the model fitted on the other folds).
    public struct Report: Sendable {
        public var documents: Int
        public var threat: Int
        public var vocabulary: Int
        public var auc: Double
        public var accuracy: Double
        public var medianAbsScore: Double
        public var scale: Double
    }

    public static func train(_ examples: [Example], settings: Settings = .init()) -> (LearnedModel, Report) {
        // Cross-validation first: it sets the scale.
        var cv = [Double](repeating: 0, count: examples.count)
        let fold = examples.map { Calibrator.fold(of: $0.id, folds: settings.folds) }
        for k in 0..<settings.folds {
            let train = examples.indices.filter { fold[$0] != k }
            let test = examples.indices.filter { fold[$0] == k }
            guard !test.isEmpty, !train.isEmpty else { continue }
            let (model, _, _) = fit(train.map { examples[$0] }, settings: settings)
            for i in test { cv[i] = model.score(examples[i].features) }
        }
        let positives = examples.indices.filter { examples[$0].threat }.map { cv[$0] }
        let negatives = examples.indices.filter { !examples[$0].threat }.map { cv[$0] }
        let auc = positives.isEmpty || negatives.isEmpty ? .nan : Agreement.auc(positives: positives, negatives: negatives)
        let accuracy = examples.isEmpty ? .nan : Double(examples.indices.count { (cv[$0] > 0) == examples[$0].threat }) / Double(examples.count)
        let sorted = cv.map(abs).sorted()
        let median = sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let scale = median > 0 ? settings.medianLean / median : 0
        let (final, vocabulary, _) = fit(examples, settings: settings)
        let model = LearnedModel(features: final.features, idf: final.idf, weights: final.weights, intercept: final.intercept, scale: scale)
        return (model, Report(documents: examples.count, threat: positives.count, vocabulary: vocabulary, auc: auc, accuracy: accuracy,
                              medianAbsScore: median, scale: scale))
    }

    /// A fitted model before it has a scale: dense arrays over its vocabulary.
    struct Fit {
        var features: [String]
        var index: [String: Int]
        var idf: [Double]
        var weights: [Double]
        var intercept: Double

        /// The log-odds of a document given as feature keys.
        func score(_ keys: [String]) -> Double {
            var counts: [Int: Int] = [:]
            for k in keys { if let i = index[k] { counts[i, default: 0] += 1 } }
            guard !counts.isEmpty else { return intercept }
            var norm = 0.0, dot = 0.0
            for (i, n) in counts.sorted(by: { $0.key < $1.key }) { let x = Double(n) * idf[i]; norm += x * x; dot += weights[i] * x }
            return dot / norm.squareRoot() + intercept
        }
    }

    /// Fits vocabulary, idf and weights on `examples`. Objective (scikit-learn's):
    /// C·Σ log-loss + ½‖w‖², intercept not regularised; minimised by gradient descent with
    /// Nesterov momentum and a fixed step 1/L (L bounds the curvature: rows have length 1).
    static func fit(_ examples: [Example], settings: Settings) -> (Fit, Int, Double) {
        // Vocabulary: words in at least minDocuments documents, sorted for a deterministic order.
        var df: [String: Int] = [:]
        for e in examples { for k in Set(e.features) { df[k, default: 0] += 1 } }
        let features = df.filter { $0.value >= settings.minDocuments }.keys.sorted()
        var index: [String: Int] = [:]
        for (i, f) in features.enumerated() { index[f] = i }
        let n = Double(examples.count)
        let idf = features.map { log((1 + n) / (1 + Double(df[$0]!))) + 1 }
        // Rows: sparse tf-idf, length 1.
        var rows: [[(Int, Double)]] = []
        for e in examples {
            var counts: [Int: Int] = [:]
            for k in e.features { if let i = index[k] { counts[i, default: 0] += 1 } }
            var row = counts.map { ($0.key, Double($0.value) * idf[$0.key]) }.sorted { $0.0 < $1.0 }
            let norm = row.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
            if norm > 0 { row = row.map { ($0.0, $0.1 / norm) } }
            rows.append(row)
        }
        let y = examples.map { $0.threat ? 1.0 : 0.0 }
        let dims = features.count
        var w = [Double](repeating: 0, count: dims + 1)  // last: intercept
        var v = w, previous = w
        let lipschitz = settings.c * n * 0.25 * 2 + 1  // rows of length 1, plus the intercept's column of ones
        let step = 1 / lipschitz
        var gradient = [Double](repeating: 0, count: dims + 1)
        var objective = Double.infinity
        for iteration in 0..<settings.iterations {
            // Gradient at the look-ahead point v.
            for j in 0..<dims { gradient[j] = v[j] }
            gradient[dims] = 0
            var loss = 0.0
            for (r, row) in rows.enumerated() {
                var z = v[dims]
                for (j, x) in row { z += v[j] * x }
                let p = 1 / (1 + exp(-z))
                loss += y[r] == 1 ? -Self.logSigmoid(z) : -Self.logSigmoid(-z)
                let g = settings.c * (p - y[r])
                for (j, x) in row { gradient[j] += g * x }
                gradient[dims] += g
            }
            let current = settings.c * loss + 0.5 * v[0..<dims].reduce(0) { $0 + $1 * $1 }
            // Restart the momentum when the objective rises (adaptive restart).
            let restart = current > objective
            objective = current
            previous = w
            for j in 0...dims { w[j] = v[j] - step * gradient[j] }
            let momentum = restart ? 0 : Double(iteration) / Double(iteration + 3)
            for j in 0...dims { v[j] = w[j] + momentum * (w[j] - previous[j]) }
        }
        return (Fit(features: features, index: index, idf: idf, weights: Array(w[0..<dims]), intercept: w[dims]), dims, objective)
    }

    static func logSigmoid(_ z: Double) -> Double { z >= 0 ? -log1p(exp(-z)) : z - log1p(exp(z)) }
}
