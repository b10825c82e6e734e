import Foundation

/// Fits `LearnedModel` to coded documents (`framescope lexicon train`): two L2-regularised
/// logistic regressions on tf-idf word vectors normalised to length 1, one vocabulary (words in
/// `minDocuments` coded documents or more): the lean, strategic-threat against celebratory (fitted
/// on the polar documents), and framed, any other label against neutral (fitted on all).
///
/// Why this shape: it is the standard supervised baseline of text-as-data work, small enough to
/// read as a word list, and linear, so each word's part in a document's lean can be shown. The
/// scale that turns its log-odds into cue-mass units comes from cross-validation, so the lean of
/// an unseen text weighs what it weighed for the held-out folds, not the inflated in-sample score.
public enum LearnedTraining {
    /// One coded document: its feature keys (`Annotator.learnedFeatures`) and its label.
    public struct Example: Sendable {
        public var id: String
        public var features: [String]
        public var label: FramingLabel
        public init(id: String, features: [String], label: FramingLabel) {
            self.id = id
            self.features = features
            self.label = label
        }
        var isPolar: Bool { label == .celebratory || label == .strategicThreat }
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

    /// Cross-validated figures (each document scored by the models fitted on the other folds):
    /// the lean's over the polar documents, the framed model's over all.
    public struct Report: Sendable {
        public var documents: Int
        public var threat: Int
        public var celebratory: Int
        public var vocabulary: Int
        public var auc: Double
        public var accuracy: Double
        public var framedAUC: Double
        public var framedAccuracy: Double
        public var medianAbsScore: Double
        public var scale: Double
    }

    public static func train(_ examples: [Example], settings: Settings = .init()) -> (LearnedModel, Report) {
        // Cross-validation first: it sets the scale.
        var cvLean = [Double](repeating: 0, count: examples.count), cvFramed = cvLean
        let fold = examples.map { Calibrator.fold(of: $0.id, folds: settings.folds) }
        for k in 0..<settings.folds {
            let train = examples.indices.filter { fold[$0] != k }.map { examples[$0] }
            let test = examples.indices.filter { fold[$0] == k }
            guard !test.isEmpty, !train.isEmpty else { continue }
            let fitted = fit(train, settings: settings)
            for i in test { (cvLean[i], cvFramed[i]) = fitted.scores(examples[i].features) }
        }
        let polar = examples.indices.filter { examples[$0].isPolar }
        let threat = polar.filter { examples[$0].label == .strategicThreat }
        let celebratory = polar.filter { examples[$0].label == .celebratory }
        let auc = threat.isEmpty || celebratory.isEmpty ? .nan
            : Agreement.auc(positives: threat.map { cvLean[$0] }, negatives: celebratory.map { cvLean[$0] })
        let accuracy = polar.isEmpty ? .nan : Double(polar.count { (cvLean[$0] > 0) == (examples[$0].label == .strategicThreat) }) / Double(polar.count)
        let framed = examples.indices.filter { examples[$0].label != .neutral }, neutral = examples.indices.filter { examples[$0].label == .neutral }
        let framedAUC = framed.isEmpty || neutral.isEmpty ? .nan
            : Agreement.auc(positives: framed.map { cvFramed[$0] }, negatives: neutral.map { cvFramed[$0] })
        let framedAccuracy = examples.isEmpty ? .nan
            : Double(examples.indices.count { (cvFramed[$0] > 0) == (examples[$0].label != .neutral) }) / Double(examples.count)
        let sorted = polar.map { abs(cvLean[$0]) }.sorted()
        let median = sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let scale = median > 0 ? settings.medianLean / median : 0
        let final = fit(examples, settings: settings)
        let model = LearnedModel(features: final.features, idf: final.idf, weights: final.lean, intercept: final.leanIntercept, scale: scale,
                                 framedWeights: final.framed, framedIntercept: final.framedIntercept)
        return (model, Report(documents: examples.count, threat: threat.count, celebratory: celebratory.count, vocabulary: final.features.count,
                              auc: auc, accuracy: accuracy, framedAUC: framedAUC, framedAccuracy: framedAccuracy, medianAbsScore: median, scale: scale))
    }

    /// Both models fitted, before the lean has a scale: dense arrays over one vocabulary.
    struct Fit {
        var features: [String]
        var index: [String: Int]
        var idf: [Double]
        var lean: [Double]
        var leanIntercept: Double
        var framed: [Double]
        var framedIntercept: Double

        /// The two log-odds of a document given as feature keys, summed in feature order.
        func scores(_ keys: [String]) -> (lean: Double, framed: Double) {
            let row = Self.row(keys, index: index, idf: idf)
            var lean = leanIntercept, framed = framedIntercept
            for (j, x) in row { lean += self.lean[j] * x; framed += self.framed[j] * x }
            return (lean, framed)
        }

        /// Sparse tf-idf of length 1, in feature order.
        static func row(_ keys: [String], index: [String: Int], idf: [Double]) -> [(Int, Double)] {
            var counts: [Int: Int] = [:]
            for k in keys { if let i = index[k] { counts[i, default: 0] += 1 } }
            var row = counts.map { ($0.key, Double($0.value) * idf[$0.key]) }.sorted { $0.0 < $1.0 }
            let norm = row.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
            if norm > 0 { row = row.map { ($0.0, $0.1 / norm) } }
            return row
        }
    }

    /// Vocabulary and idf from all `examples`; the lean fitted on the polar ones, framed on all.
    static func fit(_ examples: [Example], settings: Settings) -> Fit {
        var df: [String: Int] = [:]
        for e in examples { for k in Set(e.features) { df[k, default: 0] += 1 } }
        let features = df.filter { $0.value >= settings.minDocuments }.keys.sorted()
        var index: [String: Int] = [:]
        for (i, f) in features.enumerated() { index[f] = i }
        let n = Double(examples.count)
        let idf = features.map { log((1 + n) / (1 + Double(df[$0]!))) + 1 }
        let rows = examples.map { Fit.row($0.features, index: index, idf: idf) }
        let polar = examples.indices.filter { examples[$0].isPolar }
        let (lean, leanIntercept) = logistic(polar.map { rows[$0] }, polar.map { examples[$0].label == .strategicThreat },
                                             dimensions: features.count, settings: settings)
        let (framed, framedIntercept) = logistic(rows, examples.map { $0.label != .neutral }, dimensions: features.count, settings: settings)
        return Fit(features: features, index: index, idf: idf, lean: lean, leanIntercept: leanIntercept, framed: framed, framedIntercept: framedIntercept)
    }

    /// Minimises scikit-learn's objective C·Σ log-loss + ½‖w‖² (intercept not regularised) by
    /// gradient descent with Nesterov momentum, adaptive restart and a fixed step 1/L (L bounds
    /// the curvature: rows have length 1, plus the intercept's column of ones).
    static func logistic(_ rows: [[(Int, Double)]], _ labels: [Bool], dimensions dims: Int, settings: Settings) -> ([Double], Double) {
        guard !rows.isEmpty, labels.contains(true), labels.contains(false) else {
            return ([Double](repeating: 0, count: dims), 0)
        }
        let y = labels.map { $0 ? 1.0 : 0.0 }
        let n = Double(rows.count)
        var w = [Double](repeating: 0, count: dims + 1)  // last: intercept
        var v = w, previous = w
        let step = 1 / (settings.c * n * 0.25 * 2 + 1)
        var gradient = [Double](repeating: 0, count: dims + 1)
        var objective = Double.infinity
        for iteration in 0..<settings.iterations {
            for j in 0..<dims { gradient[j] = v[j] }
            gradient[dims] = 0
            var loss = 0.0
            for (r, row) in rows.enumerated() {
                var z = v[dims]
                for (j, x) in row { z += v[j] * x }
                loss += y[r] == 1 ? -Self.logSigmoid(z) : -Self.logSigmoid(-z)
                let g = settings.c * (LearnedModel.probability(logOdds: z) - y[r])
                for (j, x) in row { gradient[j] += g * x }
                gradient[dims] += g
            }
            let current = settings.c * loss + 0.5 * v[0..<dims].reduce(0) { $0 + $1 * $1 }
            let restart = current > objective
            objective = current
            previous = w
            for j in 0...dims { w[j] = v[j] - step * gradient[j] }
            let momentum = restart ? 0 : Double(iteration) / Double(iteration + 3)
            for j in 0...dims { v[j] = w[j] + momentum * (w[j] - previous[j]) }
        }
        return (Array(w[0..<dims]), w[dims])
    }

    static func logSigmoid(_ z: Double) -> Double { z >= 0 ? -log1p(exp(-z)) : z - log1p(exp(z)) }
}
