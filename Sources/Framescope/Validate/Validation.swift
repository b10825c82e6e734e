import Foundation

/// Settings of `framescope validate`.
public struct ValidationOptions: Sendable {
    /// The group column of CODES, or else a metadata field of the documents; nil: a column named
    /// `group` when there is one.
    public var group: String?
    /// Bootstrap resamples for each interval (0: no intervals).
    public var bootstrap = 2000
    public var seed: UInt64 = 42
    /// Fit the label thresholds by k-fold cross-validation and report the cross-validated figures.
    public var calibrate = false
    public var folds = 5
    /// The options the calibration starts from (the grid's parameters are all overwritten).
    public var framing = FramingOptions()

    public init() {}
}

/// One figure of the report: a statistic with its 95% percentile bootstrap interval (documents
/// resampled) and the raw counts it was computed on, or a plain count (no interval).
public struct ValidationFigure: Sendable, Hashable {
    /// `framescope` (Framescope's labels as annotated vs the coded label), `cross-validated`
    /// (labels under thresholds fitted on the other folds), `coders` (between coders),
    /// `coders+framescope` (Framescope as one more coder) or `counts`.
    public var scope: String
    /// `all` or a group's name.
    public var group: String
    public var measure: String
    public var value: Double
    public var low: Double
    public var high: Double
    /// Documents the figure was computed on, and coders taking part.
    public var documents: Int
    public var coders: Int
}

/// A coded document on which Framescope's label differs from the coded label.
public struct Disagreement: Sendable {
    public var id: String
    public var title: String?
    public var source: String?
    public var group: String?
    /// The coded label (the majority with several coders) and each coder's label.
    public var coded: FramingLabel
    public var coderLabels: [(coder: String, label: FramingLabel)]
    public var framescope: FramingLabel
    public var balance: Double
    /// With --calibrate: the cross-validated label and balance.
    public var crossValidated: FramingLabel?
    public var crossValidatedBalance: Double?
    public var evidence: Result<[AnnotationSet.EvidenceCue], ValidateError>
}

/// Everything `validate` found; `ValidationReport` renders it.
public struct ValidationResult: Sendable {
    public var codesPath: String
    public var annotationsPath: String
    public var coders: [String]
    /// The group column or metadata field, when groups were asked for.
    public var groupName: String?
    public var groups: [String]
    /// Distinct coded ids, and those of them absent from the annotations (left out).
    public var codedDocuments: Int
    public var missing: [String]
    /// Ids whose coders tie for the most frequent label (left out of the comparisons with Framescope).
    public var ties: [String]
    /// Rows with an empty or NA label.
    public var uncodedRows: Int
    public var figures: [ValidationFigure]
    /// Confusion matrices by "scope/group": rows the coded label, columns the compared label, in
    /// `FramingLabel.allCases` order.
    public var confusion: [String: [[Int]]]
    public var disagreements: [Disagreement]
    /// With --calibrate: the calibration fitted on all coded documents (with the cross-validated figures).
    public var calibration: FramingCalibration?
    public var options: ValidationOptions

    public func figure(_ scope: String, _ measure: String, group: String = "all") -> ValidationFigure? {
        figures.first { $0.scope == scope && $0.measure == measure && $0.group == group }
    }
}

/// Agreement of Framescope's labels and balance with human coding.
public enum Validation {
    static let labels = FramingLabel.allCases
    static let k = FramingLabel.allCases.count
    static func index(_ l: FramingLabel) -> Int { labels.firstIndex(of: l)! }

    /// One coded document joined with its annotation.
    struct Item {
        var id: String
        var group: String
        /// Per coder (index into `coders`), nil when that coder did not code it.
        var codes: [Int?]
        /// The single coder's label, or the majority; nil on a tie.
        var gold: Int?
        var document: AnnotationSet.Document?
        var predicted: Int?
        var balance: Double?
        var cv: Int?
        var cvBalance: Double?
    }

    public static func run(codes sheet: CodingSheet, annotations: AnnotationSet, options: ValidationOptions) throws(ValidateError) -> ValidationResult {
        guard options.bootstrap >= 0 else { throw .options("--bootstrap must be 0 or more") }
        guard !sheet.codes.isEmpty else { throw .codes(path: sheet.path, line: 1, message: "no coded rows") }
        let coders = sheet.coders
        let coderIndex = Dictionary(uniqueKeysWithValues: coders.enumerated().map { ($1, $0) })
        // The group: a CODES column, else a metadata field.
        var groupName: String? = sheet.groupColumn
        var metadataGroup: String?
        if sheet.groupColumn == nil, let requested = options.group {
            guard annotations.documents.values.contains(where: { $0.metadata[requested] != nil }) else {
                throw .options("--group \(requested): no such column in \(sheet.path) and no such metadata field in \(annotations.path)")
            }
            groupName = requested
            metadataGroup = requested
        }
        var order: [String] = []
        var byID: [String: Item] = [:]
        for code in sheet.codes {
            if byID[code.id] == nil {
                order.append(code.id)
                let document = annotations.documents[code.id]
                let group = metadataGroup.map { document?.metadata[$0] ?? "" } ?? code.group ?? ""
                byID[code.id] = Item(id: code.id, group: group, codes: Array(repeating: nil, count: coders.count), document: document,
                                     predicted: document.map { index($0.label) }, balance: document?.balance)
            }
            byID[code.id]!.codes[coderIndex[code.coder]!] = index(code.label)
        }
        var ties: [String] = []
        for id in order {
            let values = byID[id]!.codes.compactMap { $0 }
            byID[id]!.gold = Agreement.majority(values, categories: k)
            if byID[id]!.gold == nil { ties.append(id) }
        }
        let missing = order.filter { byID[$0]!.document == nil }
        var items = order.map { byID[$0]! }
        var calibration: FramingCalibration?
        if options.calibrate {
            calibration = try Calibrator.crossValidate(&items, options: options)
        }
        let groups = groupName == nil ? [] : Array(Set(items.map(\.group))).sorted()
        var result = ValidationResult(codesPath: sheet.path, annotationsPath: annotations.path, coders: coders, groupName: groupName,
                                      groups: groups, codedDocuments: order.count, missing: missing, ties: ties,
                                      uncodedRows: sheet.uncoded, figures: [], confusion: [:], disagreements: [],
                                      calibration: nil, options: options)
        let several = coders.count > 1
        for group in ["all"] + groups {
            let scoped = group == "all" ? items : items.filter { $0.group == group }
            let compared = scoped.filter { $0.gold != nil && $0.predicted != nil }
            figures(&result, compared, scope: "framescope", group: group, coders: coders.count, label: \.predicted, balance: \.balance, options: options)
            if options.calibrate {
                figures(&result, compared, scope: "cross-validated", group: group, coders: coders.count, label: \.cv, balance: \.cvBalance, options: options)
            }
            if several { coderFigures(&result, scoped, coders: coders, group: group, options: options) }
            result.figures.append(count("counts", group, "coded_documents", scoped.count, coders.count))
            result.figures.append(count("counts", group, "missing_from_annotations", scoped.count { $0.document == nil }, coders.count))
            if several { result.figures.append(count("counts", group, "majority_ties", scoped.count { $0.gold == nil }, coders.count)) }
        }
        if var fitted = calibration {
            for f in result.figures where f.scope == "cross-validated" && f.group == "all" && !f.measure.hasPrefix("confusion") {
                fitted.crossValidated[f.measure] = .init(value: f.value, ciLow: f.low, ciHigh: f.high, n: f.documents)
            }
            result.calibration = fitted
        }
        // Disagreements, by id.
        for item in items.sorted(by: { $0.id < $1.id }) {
            guard let gold = item.gold, let predicted = item.predicted, let document = item.document,
                  predicted != gold || (item.cv.map { $0 != gold } ?? false) else { continue }
            result.disagreements.append(Disagreement(
                id: item.id, title: document.title, source: document.source, group: groupName == nil ? nil : item.group,
                coded: labels[gold], coderLabels: item.codes.enumerated().compactMap { i, v in v.map { (coders[i], labels[$0]) } },
                framescope: labels[predicted], balance: document.balance, crossValidated: item.cv.map { labels[$0] },
                crossValidatedBalance: item.cvBalance, evidence: annotations.evidence(for: item.id)))
        }
        return result
    }

    static func count(_ scope: String, _ group: String, _ measure: String, _ n: Int, _ coders: Int) -> ValidationFigure {
        ValidationFigure(scope: scope, group: group, measure: measure, value: Double(n), low: .nan, high: .nan, documents: n, coders: coders)
    }

    /// Framescope's labels (`label`) against the coded label: accuracy, macro-F1, κ, α, AUC of
    /// `balance` (strategic-threat vs celebratory), and the confusion matrix, all from the same
    /// resamples in one bootstrap pass (the AUC over the polar coded documents of each resample).
    static func figures(_ result: inout ValidationResult, _ items: [Item], scope: String, group: String, coders: Int,
                        label: KeyPath<Item, Int?>, balance: KeyPath<Item, Double?>, options: ValidationOptions) {
        let pairs = items.compactMap { i -> (gold: Int, label: Int, balance: Double)? in
            guard let g = i.gold, let l = i[keyPath: label], let b = i[keyPath: balance] else { return nil }
            return (g, l, b)
        }
        let threat = index(.strategicThreat), celebratory = index(.celebratory)
        func statistics(_ s: [(gold: Int, label: Int, balance: Double)]) -> [Double] {
            let gold = s.map(\.gold), compared = s.map(\.label)
            let auc = Agreement.auc(positives: s.filter { $0.gold == threat }.map(\.balance),
                                    negatives: s.filter { $0.gold == celebratory }.map(\.balance))
            return [Agreement.accuracy(gold, compared), Agreement.macroF1(gold, compared, categories: k),
                    Agreement.cohenKappa(gold, compared, categories: k),
                    Agreement.krippendorffAlpha(gold, compared, categories: k), auc]
                + Agreement.confusion(gold, compared, categories: k).joined().map(Double.init)
        }
        let measures = ["accuracy", "macro_f1", "cohen_kappa", "krippendorff_alpha", "auc_balance"]
            + labels.flatMap { coded in labels.map { "confusion:coded=\(coded.rawValue):framescope=\($0.rawValue)" } }
        let values = statistics(pairs)
        var intervals = [(low: Double, high: Double)](repeating: (.nan, .nan), count: measures.count)
        if options.bootstrap > 0 && !pairs.isEmpty {
            intervals = Statistics.bootstrapIntervals(pairs.indices.map(Double.init), count: measures.count, statistics: { sample in
                statistics(sample.map { pairs[Int($0)] })
            }, resamples: options.bootstrap, seed: options.seed)
        }
        let polar = pairs.count { $0.gold == threat || $0.gold == celebratory }
        for (m, measure) in measures.enumerated() {
            result.figures.append(ValidationFigure(scope: scope, group: group, measure: measure, value: values[m], low: intervals[m].low,
                                                   high: intervals[m].high, documents: measure == "auc_balance" ? polar : pairs.count,
                                                   coders: coders))
        }
        result.confusion[scope + "/" + group] = Agreement.confusion(pairs.map(\.gold), pairs.map(\.label), categories: k)
    }

    /// Between coders: α over all coders (missing values allowed), α with Framescope as one more
    /// coder, κ of each pair of coders on the documents both coded, and the pairs' mean κ; one
    /// bootstrap pass over documents. The codes sit in one flat table (a row per document, a
    /// column per coder, then Framescope; −1 where missing), so a resample copies no arrays.
    static func coderFigures(_ result: inout ValidationResult, _ items: [Item], coders: [String], group: String, options: ValidationOptions) {
        let width = coders.count + 1
        var table = [Int](repeating: -1, count: items.count * width)
        for (d, item) in items.enumerated() {
            for (c, v) in item.codes.enumerated() { if let v { table[d * width + c] = v } }
            if let p = item.predicted { table[d * width + coders.count] = p }
        }
        var pairs: [(Int, Int)] = []
        for a in coders.indices { for b in coders.indices where b > a { pairs.append((a, b)) } }
        func alpha(_ documents: [Int], columns: Int) -> Double {
            Agreement.krippendorffAlpha(units: documents, categories: k) { d, visit in
                for c in 0..<columns where table[d * width + c] >= 0 { visit(table[d * width + c]) }
            }
        }
        func kappa(_ documents: [Int], _ a: Int, _ b: Int) -> Double {
            Agreement.cohenKappa(documents.lazy.compactMap { d -> (Int, Int)? in
                let x = table[d * width + a], y = table[d * width + b]
                return x >= 0 && y >= 0 ? (x, y) : nil
            }, categories: k)
        }
        func statistics(_ documents: [Int]) -> [Double] {
            let kappas = pairs.map { kappa(documents, $0.0, $0.1) }
            let defined = kappas.filter { !$0.isNaN }
            return [alpha(documents, columns: coders.count), alpha(documents, columns: width)] + kappas
                + [defined.isEmpty ? .nan : defined.reduce(0, +) / Double(defined.count)]
        }
        let all = Array(items.indices)
        let values = statistics(all)
        var intervals = [(low: Double, high: Double)](repeating: (.nan, .nan), count: values.count)
        if options.bootstrap > 0 && !items.isEmpty {
            intervals = Statistics.bootstrapIntervals(all.map(Double.init), count: values.count, statistics: { sample in
                statistics(sample.map { Int($0) })
            }, resamples: options.bootstrap, seed: options.seed)
        }
        let both = pairs.map { p in all.count { table[$0 * width + p.0] >= 0 && table[$0 * width + p.1] >= 0 } }
        let rows: [(scope: String, measure: String, documents: Int, coders: Int)] =
            [("coders", "krippendorff_alpha", items.count, coders.count), ("coders+framescope", "krippendorff_alpha", items.count, coders.count + 1)]
            + pairs.enumerated().map { i, p in ("coders", "cohen_kappa:\(coders[p.0])|\(coders[p.1])", both[i], 2) }
            + [("coders", "mean_pairwise_kappa", items.count, coders.count)]
        for (i, row) in rows.enumerated() {
            result.figures.append(ValidationFigure(scope: row.scope, group: group, measure: row.measure, value: values[i],
                                                   low: intervals[i].low, high: intervals[i].high, documents: row.documents, coders: row.coders))
        }
    }
}
