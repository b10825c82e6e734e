import ArgumentParser
import Foundation
import Framescope

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare framing across sources (or any metadata field) from annotation folders.",
        discussion: """
        Reads documents.jsonl from each folder (shards merge; a document present twice counts once)
        and writes groups.csv, pairs.csv, keyness.csv, entities.csv, timeline.csv, report.md and
        report.html to --out (default: the first folder's compare/).
        """)

    @Argument(help: "Annotation folders (the output of annotate).")
    var annotations: [String]

    @Option(help: "Group by this metadata field: source, language, year, month, or a manifest field.")
    var by = "source"

    @Option(help: "Output folder.")
    var out: String?

    @Option(help: "files (write the report) or table (print the tables on the terminal).")
    var format: ReportFormat = .files

    enum ReportFormat: String, ExpressibleByArgument { case files, table }

    func validate() throws {
        guard !annotations.isEmpty else { throw ValidationError("give at least one annotation folder") }
        for a in annotations where !FileManager.default.fileExists(atPath: a + "/documents.jsonl") {
            throw ValidationError("\(a): no documents.jsonl (run framescope annotate first)")
        }
    }

    func run() throws {
        let loaded: (documents: [DocumentSummary], duplicates: [String])
        do { loaded = try Comparison.load(folders: annotations) } catch { throw CLIError("\(error)") }
        if !loaded.duplicates.isEmpty {
            Diagnostics.note("warning: \(loaded.duplicates.count) document(s) appear in more than one folder and are counted once (first: \(loaded.duplicates[0]))")
        }
        let comparison = Comparison(documents: loaded.documents, by: by, duplicates: loaded.duplicates)
        let directory = out ?? annotations[0] + "/compare"
        let report = ComparisonReport(comparison, outputDirectory: directory)
        var stdout = StandardOutput()
        if format == .table {
            stdout.write(report.table)
            stdout.flush()
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
    }
}
