import ArgumentParser
import Foundation
import Framescope

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Agreement of Framescope's labels and balance with human coding.",
        discussion: """
        CODES is a CSV or TSV with a header naming an id column (the ids in documents.jsonl) and \
        a label column (celebratory, strategic-threat or threat, mixed, neutral; empty or NA: not \
        coded), optionally a coder column (several rows per id) and a group column. ANNOTATIONS is \
        an annotation folder or its documents.jsonl. Prints a summary and writes validate.csv and \
        validate.md (every disagreement with its strongest cues) to --output. Accuracy, macro-F1, \
        Cohen's κ, Krippendorff's α and the AUC of balance (strategic-threat vs celebratory) come \
        with 95% percentile bootstrap intervals. With several coders Framescope is compared with \
        their majority label, and the coders with each other. --calibrate fits the label \
        thresholds by k-fold cross-validation (objective: macro-F1), reports cross-validated figures \
        only (never in-sample ones), and writes calibration.json for annotate --calibration.
        """)

    @Argument(help: "The human codes (CSV or TSV).")
    var codes: String

    @Argument(help: "The annotation folder (or its documents.jsonl).")
    var annotations: String

    @Option(help: "Group column of CODES, or a metadata field such as source (default: a 'group' column if present).")
    var group: String?

    @Option(help: "Bootstrap resamples per interval (0: none).")
    var bootstrap = 2000

    @Option(help: "Seed of the bootstrap.")
    var seed: UInt64 = 42

    @Flag(help: "Fit the label thresholds by cross-validation and write calibration.json.")
    var calibrate = false

    @Option(help: "Folds of the cross-validation.")
    var folds = 5

    @Option(name: .shortAndLong, help: "Folder for validate.csv, validate.md and calibration.json.")
    var output = "."

    func validate() throws {
        guard bootstrap >= 0 else { throw ValidationError("--bootstrap must be 0 or more") }
        guard folds >= 2 else { throw ValidationError("--folds must be at least 2") }
    }

    func run() throws {
        let sheet: CodingSheet, set: AnnotationSet
        do {
            sheet = try CodingSheet.load(path: codes, group: group)
            set = try AnnotationSet.load(annotations)
        } catch { throw CLIError("\(error)") }
        if !set.duplicates.isEmpty {
            Diagnostics.note("warning: \(set.duplicates.count) id(s) appear more than once in \(set.path); the first line counts (first: \(set.duplicates[0]))")
        }
        var options = ValidationOptions()
        options.group = group
        options.bootstrap = bootstrap
        options.seed = seed
        options.calibrate = calibrate
        options.folds = folds
        let result: ValidationResult
        do { result = try Validation.run(codes: sheet, annotations: set, options: options) } catch { throw CLIError("\(error)") }
        if !result.missing.isEmpty {
            Diagnostics.note("warning: \(result.missing.count) coded id(s) are not in \(set.path) and are left out: "
                             + result.missing.prefix(5).joined(separator: ", ") + (result.missing.count > 5 ? ", …" : ""))
            // A common slip: file names instead of ids (an id is the path without its extension).
            if let id = result.missing.first(where: { set.documents[($0 as NSString).deletingPathExtension] != nil }) {
                Diagnostics.note("hint: ids are paths under the corpus without extension: '\((id as NSString).deletingPathExtension)', not '\(id)'")
            }
        }
        let report = ValidationReport(result)
        let writer = AtomicWriter(scratch: output + "/.framescope-validate-tmp")
        do {
            try FileManager.default.createDirectory(atPath: writer.scratch, withIntermediateDirectories: true)
        } catch { throw CLIError("\(output): cannot create the output folder (\(error.localizedDescription))") }
        defer { try? FileManager.default.removeItem(atPath: writer.scratch) }
        var written = ["validate.csv", "validate.md"]
        try writer.write(report.csv, to: output + "/validate.csv")
        try writer.write(Array(report.markdown.utf8), to: output + "/validate.md")
        if let calibration = result.calibration {
            try writer.write(calibration.encoded(), to: output + "/calibration.json")
            written.append("calibration.json")
        }
        var out = StandardOutput()
        out.write(Self.summary(result))
        out.write("wrote " + written.joined(separator: ", ") + " to \(output)\n")
        out.flush()
    }

    /// The terminal summary: the headline figures with intervals and counts.
    static func summary(_ r: ValidationResult) -> String {
        let n = ValidationReport.number
        var out = "\(r.codedDocuments) coded documents, \(r.coders.count) coder\(r.coders.count == 1 ? "" : "s")"
        if !r.missing.isEmpty { out += ", \(r.missing.count) missing from the annotations" }
        if r.coders.count > 1 { out += ", \(r.ties.count) tied majorit\(r.ties.count == 1 ? "y" : "ies")" }
        out += "\n"
        func block(_ title: String, scope: String, measures: [String], group: String = "all") {
            let rows = measures.compactMap { r.figure(scope, $0, group: group) }
            guard !rows.isEmpty else { return }
            out += "\n\(title)\n"
            for f in rows {
                let name = ValidationReport.name(f.measure)
                out += "  " + name.padding(toLength: max(name.count, 40), withPad: " ", startingAt: 0)
                out += " \(n(f.value, 3))  [\(n(f.low, 3)), \(n(f.high, 3))]  n=\(f.documents)\n"
            }
        }
        block("Framescope vs " + (r.coders.count > 1 ? "the coders' majority label:" : "the coder:"), scope: "framescope", measures: ValidationReport.measures)
        if let m = r.confusion["framescope/all"] {
            out += "  confusion (rows coded, columns Framescope; celebratory, strategic-threat, mixed, neutral):\n"
            for (label, row) in zip(FramingLabel.allCases, m) {
                out += "    " + label.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0) + row.map { String(format: "%5d", $0) }.joined() + "\n"
            }
        }
        if let c = r.calibration {
            block("Calibrated thresholds, cross-validated (\(c.folds) folds; objective macro-F1):", scope: "cross-validated", measures: ValidationReport.measures)
            out += "  fitted on all \(c.documents): " + FramingCalibration.parameters.map { p in
                "\(p.name) \(c.values[p.name].map { n($0, 2) } ?? "—") (default \(n(p.value(in: FramingOptions()), 2)))"
            }.joined(separator: ", ") + "\n"
        }
        if r.coders.count > 1 {
            let pairs = r.figures.filter { $0.scope == "coders" && $0.group == "all" && $0.measure.hasPrefix("cohen_kappa:") }.map(\.measure)
            block("Between coders:", scope: "coders", measures: ["krippendorff_alpha"] + pairs + ["mean_pairwise_kappa"])
            block("Coders with Framescope as one more coder:", scope: "coders+framescope", measures: ["krippendorff_alpha"])
        }
        if let name = r.groupName, !r.groups.isEmpty {
            out += "\nBy \(name) (Framescope vs \(r.coders.count > 1 ? "majority" : "coder")):\n"
            out += "  " + "group".padding(toLength: 24, withPad: " ", startingAt: 0) + "     n  accuracy  macro-F1   κ       AUC\n"
            for g in r.groups {
                let row = ["accuracy", "macro_f1", "cohen_kappa", "auc_balance"].map { r.figure("framescope", $0, group: g).map { n($0.value, 3) } ?? "—" }
                let count = r.figure("framescope", "accuracy", group: g)?.documents ?? 0
                out += "  " + (g.isEmpty ? "(none)" : g).padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%6d", count)
                out += "  " + row.map { $0.padding(toLength: 8, withPad: " ", startingAt: 0) }.joined(separator: "  ") + "\n"
            }
        }
        out += "\n\(r.disagreements.count) disagreement\(r.disagreements.count == 1 ? "" : "s") (with their strongest cues in validate.md)\n"
        return out
    }
}
