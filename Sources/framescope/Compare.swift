import ArgumentParser
import Foundation
import Framescope

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare framing across sources (or any metadata field) from what annotate wrote.",
        discussion: """
        Reads annotation folders (their documents.jsonl), documents.jsonl files, JSON-lines files
        of full documents (annotate --format jsonl, or the output of annotate --stdin-jsonl), and
        folders of Spark/Hadoop part files (part-*; _SUCCESS, .crc and hidden files ignored).
        Each line is read as a summary line or a full document, whichever it is. Inputs merge; a
        document present twice counts once (warned). A bad line is reported with its file and
        line, the rest is compared, and the exit status is 1. Writes groups.csv, pairs.csv,
        keyness.csv, entities.csv, timeline.csv, report.md and report.html to --out (default:
        compare/ in the first input folder, or beside the first input file).
        """)

    @Argument(help: "Annotation folders, documents.jsonl or JSON-lines files, folders of part-* files.")
    var annotations: [String]

    @Option(help: "Group by this metadata field: source, language, year, month, or a manifest field.")
    var by = "source"

    @Option(help: "Output folder.")
    var out: String?

    @Option(help: "files (write the report) or table (print the tables on the terminal).")
    var format: ReportFormat = .files

    enum ReportFormat: String, ExpressibleByArgument { case files, table }

    func validate() throws {
        guard !annotations.isEmpty else { throw ValidationError("give at least one annotation folder or JSON-lines file") }
        for a in annotations {
            do { _ = try Comparison.files(for: a) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() throws {
        let loaded: Comparison.Loaded
        do { loaded = try Comparison.load(inputs: annotations) } catch { throw CLIError("\(error)") }
        for p in loaded.problems.prefix(20) { Diagnostics.note("bad input: \(p)") }
        if loaded.problems.count > 20 { Diagnostics.note("… and \(loaded.problems.count - 20) more bad lines") }
        if loaded.errorLines > 0 {
            Diagnostics.note("note: \(loaded.errorLines) framescope.error/1 line(s) (documents annotate could not do) skipped")
        }
        if !loaded.duplicates.isEmpty {
            Diagnostics.note("warning: \(loaded.duplicates.count) document(s) appear more than once and are counted once (first: \(loaded.duplicates[0]))")
        }
        guard !loaded.documents.isEmpty else { throw CLIError("no documents to compare in \(annotations.joined(separator: ", "))") }
        let comparison = Comparison(documents: loaded.documents, by: by, duplicates: loaded.duplicates)
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: annotations[0], isDirectory: &isDirectory)
        let directory = out ?? (isDirectory.boolValue ? annotations[0] : (annotations[0] as NSString).deletingLastPathComponent) + "/compare"
        let report = ComparisonReport(comparison, outputDirectory: directory)
        var stdout = StandardOutput()
        if format == .table {
            stdout.write(report.table)
            stdout.flush()
            if !loaded.problems.isEmpty { throw ExitCode(1) }
            return
        }
        let writer = AtomicWriter(scratch: directory + "/.tmp")
        try FileManager.default.createDirectory(atPath: writer.scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: writer.scratch) }
        try writer.write(report.groupsCSV, to: directory + "/groups.csv")
        try writer.write(report.pairsCSV, to: directory + "/pairs.csv")
        try writer.write(report.keynessCSV, to: directory + "/keyness.csv")
        try writer.write(report.entitiesCSV, to: directory + "/entities.csv")
        try writer.write(report.timelineCSV, to: directory + "/timeline.csv")
        try writer.write(Array(report.markdown.utf8), to: directory + "/report.md")
        try writer.write(Array(report.html.utf8), to: directory + "/report.html")
        stdout.write("compared \(comparison.documents.count) documents in \(comparison.groups.count) groups by \(by) → \(directory)/report.html\n")
        stdout.flush()
        if !loaded.problems.isEmpty { throw ExitCode(1) }
    }
}
