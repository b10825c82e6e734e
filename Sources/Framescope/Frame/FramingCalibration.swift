import Foundation

/// Label thresholds fitted to a hand-coded sample by `framescope validate --calibrate`, and read
/// by `framescope annotate --calibration FILE`. The one place that lists which `FramingOptions`
/// are calibrated and the candidate values tried: adding a parameter is one line in
/// `parameters`. A value that is absent keeps the shipped default.
///
/// The file (`"schema": "framescope.calibration/1"`) carries the fitted values, the documents and
/// folds they were fitted on, the objective (macro-F1 over the coded labels), the grid, the
/// values each fold chose, and the cross-validated figures: the only honest estimate of how the
/// calibrated labels agree with coders (in-sample figures are never written).
public struct FramingCalibration: Codable, Sendable, Hashable {
    public static let schemaID = "framescope.calibration/1"

    /// One calibrated option: its name in the file, the candidates tried, the values a file may
    /// hold, and where it goes in `FramingOptions`.
    public struct Parameter: Sendable {
        public let name: String
        public let grid: [Double]
        public let valid: ClosedRange<Double>
        let keyPath: WritableKeyPath<FramingOptions, Double> & Sendable

        init(_ name: String, _ grid: [Double], valid: ClosedRange<Double>, _ keyPath: WritableKeyPath<FramingOptions, Double> & Sendable) {
            self.name = name
            self.grid = grid
            self.valid = valid
            self.keyPath = keyPath
        }

        public func value(in options: FramingOptions) -> Double { options[keyPath: keyPath] }
    }

    /// The calibrated parameters and their grids (each includes the shipped default). 5 × 4 × 5 × 5 × 3
    /// = 1,500 candidates: a 5-fold calibration on 1,000 documents relabels them 9 million times,
    /// about a second.
    public static let parameters: [Parameter] = [
        Parameter("polar_threshold", [0.05, 0.1, 0.15, 0.2, 0.3], valid: 0...1, \.polarThreshold),
        Parameter("smoothing", [0.5, 1, 2, 4], valid: 0...1_000, \.smoothing),
        Parameter("neutral_mass", [1, 1.5, 2.5, 3.5, 5], valid: 0...1_000, \.neutralMass),
        Parameter("neutral_density", [2, 4, 6, 9, 12], valid: 0...100_000, \.neutralDensity),
        Parameter("coverage_full", [0.1, 0.2, 0.3], valid: 0...1, \.coverageFull),
    ]

    /// One figure of the cross-validation, as stored in the file.
    public struct Figure: Codable, Sendable, Hashable {
        public var value: Double?
        public var ciLow: Double?
        public var ciHigh: Double?
        public var n: Int
        public init(value: Double, ciLow: Double, ciHigh: Double, n: Int) {
            func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
            self.value = finite(value); self.ciLow = finite(ciLow); self.ciHigh = finite(ciHigh); self.n = n
        }
        enum CodingKeys: String, CodingKey { case value, ciLow = "ci_low", ciHigh = "ci_high", n }
    }

    public var schema = FramingCalibration.schemaID
    /// Fitted values by parameter name.
    public var values: [String: Double]
    public var objective = "macro_f1"
    /// Coded documents fitted on (after leaving out ties and documents missing from the annotations).
    public var documents: Int
    public var folds: Int
    /// Cross-validated figures by measure (accuracy, macro_f1, cohen_kappa, krippendorff_alpha, auc_balance).
    public var crossValidated: [String: Figure]
    /// The values each fold's fit chose (how stable the fit is).
    public var foldValues: [[String: Double]]
    public var grid: [String: [Double]]
    public var toolVersion: String

    enum CodingKeys: String, CodingKey {
        case schema, values, objective, documents, folds, crossValidated = "cross_validated", foldValues = "fold_values", grid
        case toolVersion = "tool_version"
    }

    public init(values: [String: Double], documents: Int = 0, folds: Int = 0, crossValidated: [String: Figure] = [:],
                foldValues: [[String: Double]] = []) {
        self.values = values
        self.documents = documents
        self.folds = folds
        self.crossValidated = crossValidated
        self.foldValues = foldValues
        grid = Dictionary(uniqueKeysWithValues: Self.parameters.map { ($0.name, $0.grid) })
        toolVersion = FramescopeVersion.string
    }

    /// Only `schema` and `values` are required: a calibration written by hand is fine.
    public init(from decoder: Swift.Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        values = try c.decode([String: Double].self, forKey: .values)
        objective = try c.decodeIfPresent(String.self, forKey: .objective) ?? "macro_f1"
        documents = try c.decodeIfPresent(Int.self, forKey: .documents) ?? 0
        folds = try c.decodeIfPresent(Int.self, forKey: .folds) ?? 0
        crossValidated = try c.decodeIfPresent([String: Figure].self, forKey: .crossValidated) ?? [:]
        foldValues = try c.decodeIfPresent([[String: Double]].self, forKey: .foldValues) ?? []
        grid = try c.decodeIfPresent([String: [Double]].self, forKey: .grid) ?? [:]
        toolVersion = try c.decodeIfPresent(String.self, forKey: .toolVersion) ?? ""
    }

    // Named access to the values (nil: not calibrated, the default stays).
    public var polarThreshold: Double? { get { values["polar_threshold"] } set { values["polar_threshold"] = newValue } }
    public var smoothing: Double? { get { values["smoothing"] } set { values["smoothing"] = newValue } }
    public var neutralMass: Double? { get { values["neutral_mass"] } set { values["neutral_mass"] = newValue } }
    public var neutralDensity: Double? { get { values["neutral_density"] } set { values["neutral_density"] = newValue } }

    /// Sets every value the calibration holds; the others keep what `options` has.
    public func apply(to options: inout FramingOptions) {
        for p in Self.parameters { if let v = values[p.name] { options[keyPath: p.keyPath] = v } }
    }

    /// Every combination of the grids, each as parameter values (in `parameters` order).
    public static var candidates: [[Double]] {
        parameters.reduce([[]]) { partial, p in partial.flatMap { prefix in p.grid.map { prefix + [$0] } } }
    }

    /// A calibration from one candidate of `candidates`.
    public init(candidate: [Double]) {
        self.init(values: Dictionary(uniqueKeysWithValues: zip(Self.parameters.map(\.name), candidate)))
    }

    // MARK: - The file

    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain numbers, strings and dictionaries cannot fail.
        return ((try? encoder.encode(self)).map { [UInt8]($0) } ?? []) + [0x0A]
    }

    /// Reads and checks a calibration file: the schema, known parameter names (a file from a newer
    /// version naming a parameter this one lacks must not be half-applied) and values in range.
    public static func load(path: String) throws(ValidateError) -> (calibration: FramingCalibration, sha256: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .calibration(path: path, message: "cannot be read (no such file, or not readable)")
        }
        return (try decode([UInt8](data), path: path), DocumentLoader.sha256([UInt8](data)))
    }

    public static func decode(_ bytes: [UInt8], path: String) throws(ValidateError) -> FramingCalibration {
        let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        guard let object else { throw .calibration(path: path, message: "not a JSON object (write it with framescope validate --calibrate)") }
        guard object["schema"] as? String == schemaID else {
            throw .calibration(path: path, message: "\"schema\" is \(object["schema"].map { "'\($0)'" } ?? "missing"), expected '\(schemaID)'")
        }
        let calibration: FramingCalibration
        do { calibration = try JSONDecoder().decode(FramingCalibration.self, from: Data(bytes)) } catch {
            throw .calibration(path: path, message: "not a valid calibration (\(Self.describe(error)))")
        }
        for (name, value) in calibration.values.sorted(by: { $0.key < $1.key }) {
            guard let p = parameters.first(where: { $0.name == name }) else {
                throw .calibration(path: path, message: "unknown parameter '\(name)' (this version calibrates \(parameters.map(\.name).joined(separator: ", ")))")
            }
            guard value.isFinite, p.valid.contains(value) else {
                throw .calibration(path: path, message: "\(name) = \(value) is outside \(p.valid.lowerBound)…\(p.valid.upperBound)")
            }
        }
        return calibration
    }

    static func describe(_ error: Error) -> String {
        guard let decoding = error as? Swift.DecodingError else { return "\(error)" }
        switch decoding {
        case .keyNotFound(let key, _): return "missing '\(key.stringValue)'"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            return "'\(c.codingPath.map { $0.stringValue }.joined(separator: "."))': \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// Where a run's calibration came from, as `run.json` records it.
public struct CalibrationProvenance: Sendable, Hashable {
    public var path: String
    public var sha256: String
    public var values: [String: Double]
    public init(path: String, sha256: String, values: [String: Double]) {
        self.path = path
        self.sha256 = sha256
        self.values = values
    }
}

extension FramingOptions {
    /// A hash of every scoring setting, written into each document JSON (`settings_hash`) so a
    /// re-run reuses only documents scored under the same settings (a calibration,
    /// `--no-lead-weight`). Read by reflection, so a setting added to `FramingOptions` is covered
    /// without touching this: SHA-256 of `name=value` lines in declaration order. (A field must
    /// print the same in every process: a `Set` or `Dictionary` field, whose order is seeded per
    /// process, would need sorting here.)
    public var settingsHash: String {
        var text = ""
        for child in Mirror(reflecting: self).children {
            text += "\(child.label ?? "?")=\(child.value)\n"
        }
        return DocumentLoader.sha256(Array(text.utf8))
    }
}
