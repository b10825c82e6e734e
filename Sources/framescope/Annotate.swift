import ArgumentParser
import Foundation
import Framescope

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Annotate a corpus folder: entities, framing and evidence per document.",
        discussion: """
        Writes ANNOTATIONS/docs/<id>.json (the reference format), documents.jsonl (one summary
        line per document), run.json (counts, failures, bytes lost in decoding, timing), and with --format brat,html the
        brat standoff files and an HTML view per document plus index.html. With --format jsonl
        the full documents go, one line each, into a few large files (documents-full/part-*.jsonl,
        ordered as documents.jsonl) instead of docs/<id>.json. Unchanged documents
        are skipped on a re-run (--force redoes them). Exit 0: all annotated; 1: some documents
        failed (listed in run.json, the rest written); 2: bad arguments or lexicons.
        """)

    @Argument(help: "The corpus folder (.txt, .text, .md, .html, .htm, .jsonl at any depth).")
    var corpus: String?

    @Option(name: .shortAndLong, help: "The output folder.")
    var output = "annotations"

    @Option(help: "The lexicon folder (default: $FRAMESCOPE_LEXICONS if set, else the built-in lexicons).")
    var lexicons: String?

    @Option(help: "json (one file per document) or jsonl (a few large JSON-lines files), plus brat, html (comma-separated).")
    var format = "json"

    @Option(help: "Worker threads (default: all cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Annotate only shard K of N (by a hash of the document id), e.g. 2/8.")
    var shard: String?

    @Flag(help: "Annotate every document again, even unchanged ones.")
    var force = false

    @Flag(help: "Do not weigh the headline and lead more.")
    var noLeadWeight = false

    @Flag(help: "Leave the label to the cue lexicons: no word models (learned.tsv).")
    var noLearned = false

    @Option(help: "A calibration file written by framescope validate --calibrate: its label thresholds replace the defaults.")
    var calibration: String?

    @Flag(help: "Read documents as JSON lines on stdin; write one annotation JSON line each on stdout.")
    var stdinJsonl = false

    @Option(help: "With --stdin-jsonl: the folder whose manifest.csv/manifest.tsv applies, as a corpus root's does.")
    var corpusRoot: String?

    @Flag(help: "No progress display.")
    var quiet = false

    func validate() throws {
        if !stdinJsonl {
            guard let corpus else { throw ValidationError("give a CORPUS folder, or --stdin-jsonl") }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDir), isDir.boolValue else {
                throw ValidationError("corpus folder '\(corpus)' does not exist")
            }
        }
        for f in format.split(separator: ",") where OutputFormat(rawValue: String(f).trimmingCharacters(in: .whitespaces)) == nil {
            throw ValidationError("unknown format '\(f)'; use json or jsonl, brat, html")
        }
        let formats = Set(format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        if formats.contains("json") && formats.contains("jsonl") {
            throw ValidationError("json and jsonl are two layouts of the same documents (one file each, or a few large JSON-lines files): choose one")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, e.g. 2/8") }
    }

    func run() throws {
        let folder = try Folder()
        let lex = try loadLexicons(lexicons, folder: folder)
        var framing = FramingOptions()
        framing.leadWeighting = !noLeadWeight
        if noLearned { framing.learnedWeight = 0 }
        var provenance: CalibrationProvenance?
        if let calibration {
            let loaded: (calibration: FramingCalibration, sha256: String)
            do { loaded = try FramingCalibration.load(path: calibration) } catch { throw CLIError("\(error)") }
            loaded.calibration.apply(to: &framing)
            provenance = CalibrationProvenance(path: calibration, sha256: loaded.sha256, values: loaded.calibration.values)
        }
        if stdinJsonl {
            let out = Locked(StandardOutput())
            let failed = try StreamRunner(lexicons: lex, jobs: jobs, framing: framing, corpusRoot: corpusRoot).run(input: 0) { line in
                out.withLock { $0.write(bytes: line) }
            }
            out.withLock { $0.flush() }
            if failed > 0 {
                Diagnostics.note("\(failed) line\(failed == 1 ? "" : "s") could not be annotated (framescope.error/1 lines in the output)")
                throw ExitCode(1)
            }
            return
        }
        var options = BatchOptions(corpus: corpus!, output: output, jobs: jobs)
        options.formats = Set(format.split(separator: ",").compactMap { OutputFormat(rawValue: String($0).trimmingCharacters(in: .whitespaces)) })
        options.shard = shard.flatMap(Shard.init)
        options.force = force
        options.framing = framing
        options.calibration = provenance
        let showProgress = !quiet && isatty(2) != 0
        let display: @Sendable (BatchProgress) -> Void = { p in
            let rate = p.elapsed > 0 ? Double(p.done) / p.elapsed : 0
            var line = "\r\(p.done)" + (p.total.map { "/\($0)" } ?? "") + " documents · " + String(format: "%.1f", rate) + " docs/s"
            if let total = p.total, rate > 0 { line += " · ETA \(Int(Double(max(0, total - p.done)) / rate))s" }
            FileHandle.standardError.write(Data((line + "   ").utf8))
        }
        let report = try BatchRunner(options: options, lexicons: lex).run(progress: showProgress ? display : nil)
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let summary = "annotated \(report.annotated), unchanged \(report.skippedUnchanged), failed \(report.failures.count) → \(output)"
        var out = StandardOutput()
        out.write(summary + "\n")
        out.flush()
        if !report.failures.isEmpty {
            for f in report.failures.prefix(20) { Diagnostics.note("failed: \(f.file)\(f.line.map { ":\($0)" } ?? ""): \(f.reason)") }
            if report.failures.count > 20 { Diagnostics.note("… and \(report.failures.count - 20) more (see \(output)/run.json)") }
            throw ExitCode(1)
        }
    }
}
