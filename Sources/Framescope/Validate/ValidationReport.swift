import Foundation

/// The files `validate` writes: `validate.csv` (one row per figure, tidy for pandas and R) and
/// `validate.md` (the figures, the confusion matrices, the fitted calibration, and every
/// disagreement with its strongest evidence). Pure: the CLI writes the bytes.
public struct ValidationReport: Sendable {
    public let result: ValidationResult

    public init(_ result: ValidationResult) { self.result = result }

    /// A number for a table: `digits` decimals, `—` when undefined.
    public static func number(_ x: Double, digits: Int = 3) -> String {
        guard x.isFinite else { return "—" }
        let s = String(format: "%.\(digits)f", x)
        return s == "-" + String(format: "%.\(digits)f", 0.0) ? String(format: "%.\(digits)f", 0.0) : s
    }

    static func csvNumber(_ x: Double, count: Bool) -> String {
        guard x.isFinite else { return "" }
        return count ? String(Int(x)) : String(format: "%.6f", x)
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether a figure is a count (no interval; written as an integer).
    static func isCount(_ f: ValidationFigure) -> Bool { f.scope == "counts" || f.measure.hasPrefix("confusion:") }

    public var csv: [UInt8] {
        var out = "scope,group,measure,value,ci_low,ci_high,n_documents,n_coders\n"
        for f in result.figures {
            let count = Self.isCount(f)
            out += [f.scope, f.group, f.measure].map(Self.csvField).joined(separator: ",") + ","
            out += [Self.csvNumber(f.value, count: count), Self.csvNumber(f.low, count: false), Self.csvNumber(f.high, count: false),
                    String(f.documents), String(f.coders)].joined(separator: ",") + "\n"
        }
        return Array(out.utf8)
    }

    /// The headline measures, in the order tables show them.
    public static let measures = ["accuracy", "macro_f1", "cohen_kappa", "krippendorff_alpha", "auc_balance"]
    static let measureNames = ["accuracy": "accuracy", "macro_f1": "macro-F1", "cohen_kappa": "Cohen's κ",
                               "krippendorff_alpha": "Krippendorff's α (nominal)", "auc_balance": "AUC of balance (threat vs celebratory)",
                               "mean_pairwise_kappa": "mean pairwise Cohen's κ"]

    public static func name(_ measure: String) -> String {
        if let n = measureNames[measure] { return n }
        if measure.hasPrefix("cohen_kappa:") { return "Cohen's κ " + measure.dropFirst("cohen_kappa:".count).replacingOccurrences(of: "|", with: " vs ") }
        return measure
    }

    func figureRow(_ f: ValidationFigure) -> String {
        "| \(Self.name(f.measure)) | \(Self.number(f.value)) | \(Self.number(f.low)) – \(Self.number(f.high)) | \(f.documents) | \(f.coders) |\n"
    }

    func figureTable(scope: String, group: String, measures: [String]) -> String {
        let rows = measures.compactMap { result.figure(scope, $0, group: group) }
        guard !rows.isEmpty else { return "" }
        return "| measure | value | 95% CI | n documents | n coders |\n|---|---|---|---|---|\n" + rows.map(figureRow).joined() + "\n"
    }

    func confusionTable(_ key: String, compared: String) -> String {
        guard let m = result.confusion[key] else { return "" }
        let labels = FramingLabel.allCases.map(\.rawValue)
        var out = "| coded ↓ \\ \(compared) → | " + labels.joined(separator: " | ") + " | total |\n"
        out += "|---|" + String(repeating: "---|", count: labels.count + 1) + "\n"
        for (r, row) in m.enumerated() {
            out += "| **\(labels[r])** | " + row.map(String.init).joined(separator: " | ") + " | \(row.reduce(0, +)) |\n"
        }
        let columns = labels.indices.map { c in m.reduce(0) { $0 + $1[c] } }
        out += "| total | " + columns.map(String.init).joined(separator: " | ") + " | \(columns.reduce(0, +)) |\n\n"
        return out
    }

    var comparedWith: String { result.coders.count > 1 ? "the coders' majority label" : "the coder" }

    public var markdown: String {
        let r = result
        var out = "# Validation against human coding\n\n"
        out += "- CODES: `\(r.codesPath)`; annotations: `\(r.annotationsPath)`\n"
        out += "- coders: \(r.coders.count)" + (r.coders.count > 1 ? " (\(r.coders.joined(separator: ", ")))" : "") + "; coded documents: \(r.codedDocuments)"
        out += "; missing from the annotations (left out): \(r.missing.count)"
        if r.coders.count > 1 { out += "; ties for the majority (left out of the comparisons with Framescope): \(r.ties.count)" }
        if r.uncodedRows > 0 { out += "; rows with no label: \(r.uncodedRows)" }
        out += "\n"
        if !r.missing.isEmpty { out += "- missing: " + r.missing.prefix(20).map { "`\($0)`" }.joined(separator: ", ") + (r.missing.count > 20 ? ", …" : "") + "\n" }
        if !r.ties.isEmpty { out += "- ties: " + r.ties.prefix(20).map { "`\($0)`" }.joined(separator: ", ") + (r.ties.count > 20 ? ", …" : "") + "\n" }
        out += "- intervals: 95% percentile bootstrap, \(r.options.bootstrap) resamples of documents, seed \(r.options.seed)\n\n"

        out += "## Framescope vs \(comparedWith)\n\n"
        out += figureTable(scope: "framescope", group: "all", measures: Self.measures)
        out += "Confusion matrix (counts):\n\n" + confusionTable("framescope/all", compared: "Framescope")

        if let c = r.calibration {
            out += "## Calibrated thresholds, cross-validated (\(c.folds) folds)\n\n"
            out += "Each document is labelled under the thresholds fitted (best macro-F1 over the coded labels) on the other folds; "
            out += "these figures are out-of-sample. `calibration.json` holds the thresholds fitted on all \(c.documents) documents.\n\n"
            out += "| parameter | shipped default | fitted on all | per fold |\n|---|---|---|---|\n"
            for p in FramingCalibration.parameters {
                let folds = c.foldValues.map { $0[p.name].map { Self.number($0, digits: 2) } ?? "—" }.joined(separator: ", ")
                out += "| \(p.name) | \(Self.number(p.value(in: FramingOptions()), digits: 2)) | \(c.values[p.name].map { Self.number($0, digits: 2) } ?? "—") | \(folds) |\n"
            }
            out += "\n" + figureTable(scope: "cross-validated", group: "all", measures: Self.measures)
            out += "Confusion matrix, cross-validated labels (counts):\n\n" + confusionTable("cross-validated/all", compared: "calibrated")
        }

        if r.coders.count > 1 {
            out += "## Between coders\n\n"
            let pairs = r.figures.filter { $0.scope == "coders" && $0.group == "all" && $0.measure.hasPrefix("cohen_kappa:") }.map(\.measure)
            out += figureTable(scope: "coders", group: "all", measures: ["krippendorff_alpha"] + pairs + ["mean_pairwise_kappa"])
            out += "With Framescope as one more coder:\n\n" + figureTable(scope: "coders+framescope", group: "all", measures: ["krippendorff_alpha"])
        }

        if let name = r.groupName, !r.groups.isEmpty {
            out += "## By \(name)\n\n"
            for g in r.groups {
                let n = r.figure("counts", "coded_documents", group: g).map { Int($0.value) } ?? 0
                out += "### \(g.isEmpty ? "(none)" : g) (\(n) coded documents)\n\n"
                out += "Framescope vs \(comparedWith):\n\n" + figureTable(scope: "framescope", group: g, measures: Self.measures)
                out += confusionTable("framescope/" + g, compared: "Framescope")
                if r.calibration != nil {
                    out += "Cross-validated:\n\n" + figureTable(scope: "cross-validated", group: g, measures: Self.measures)
                }
                if r.coders.count > 1 {
                    out += "Between coders:\n\n" + figureTable(scope: "coders", group: g, measures: ["krippendorff_alpha", "mean_pairwise_kappa"])
                    out += figureTable(scope: "coders+framescope", group: g, measures: ["krippendorff_alpha"])
                }
            }
        }

        out += "## Disagreements (\(r.disagreements.count))\n\n"
        if r.disagreements.isEmpty { out += "None: Framescope's label equals the coded label on every compared document.\n" }
        for d in r.disagreements {
            out += "### `\(d.id)`" + (d.title.map { " — \(Self.oneLine($0))" } ?? "") + (d.source.map { " (\(Self.oneLine($0)))" } ?? "") + "\n\n"
            var line = "coded **\(d.coded.rawValue)**"
            if r.coders.count > 1 { line += " (" + d.coderLabels.map { "\($0.coder): \($0.label.rawValue)" }.joined(separator: ", ") + ")" }
            line += " · Framescope **\(d.framescope.rawValue)** (balance \(Self.number(d.balance, digits: 2)))"
            if let cv = d.crossValidated { line += " · calibrated (cross-validated) **\(cv.rawValue)** (balance \(Self.number(d.crossValidatedBalance ?? .nan, digits: 2)))" }
            if let g = d.group { line += " · \(r.groupName ?? "group"): \(g.isEmpty ? "(none)" : Self.oneLine(g))" }
            out += line + "\n\n"
            switch d.evidence {
            case .failure(let e): out += "(evidence unavailable: \(e))\n\n"
            case .success(let cues) where cues.isEmpty: out += "(no cues)\n\n"
            case .success(let cues):
                out += "| cue | score | scored frame | sentence |\n|---|---|---|---|\n"
                for c in cues {
                    out += "| \(Self.inline(c.text)) | \(Self.number(c.score, digits: 2)) | \(c.scoredFrame) | \(Self.inline(Self.shorten(c.sentenceText ?? ""))) |\n"
                }
                out += "\n"
            }
        }
        return out
    }

    /// Text for a heading or a line: one line.
    static func oneLine(_ s: String) -> String {
        s.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// Text safe inside a Markdown table cell: one line, pipes escaped.
    static func inline(_ s: String) -> String { oneLine(s).replacingOccurrences(of: "|", with: "\\|") }

    static func shorten(_ s: String, to limit: Int = 200) -> String {
        s.count <= limit ? s : String(s.prefix(limit)) + "…"
    }
}
