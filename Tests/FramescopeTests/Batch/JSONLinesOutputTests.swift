import Foundation
import Testing
@testable import Framescope

/// `annotate --format jsonl`: the full documents as lines of a few large files, the same content
/// as the per-document files, the same bytes whatever `--jobs`, and incremental re-runs.
@Suite("annotate --format jsonl", .serialized)
struct JSONLinesOutputTests {
    /// Pretty-printed JSON with the whitespace between tokens removed (strings untouched).
    static func minified(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var inString = false, escaped = false
        for b in bytes {
            if inString {
                out.append(b)
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
            } else if b == UInt8(ascii: "\"") {
                inString = true
                out.append(b)
            } else if b != 0x20 && b != 0x0A && b != 0x09 && b != 0x0D {
                out.append(b)
            }
        }
        return out
    }

    static func run(_ corpus: String, _ out: String, formats: Set<OutputFormat>, jobs: Int = 1, partBytes: Int? = nil,
                    force: Bool = false) throws -> RunReport {
        var options = BatchOptions(corpus: corpus, output: out, jobs: jobs)
        options.formats = formats
        options.force = force
        if let partBytes { options.fullPartBytes = partBytes }
        return try BatchRunner(options: options, lexicons: BundledLexicons.shared).run()
    }

    static func bytes(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

    static func lines(_ path: String) -> [[UInt8]] {
        bytes(path).split(separator: 0x0A).map(Array.init)
    }

    /// Every file under `documents-full/`, concatenated in name order.
    static func fullBytes(_ out: String) -> [UInt8] {
        files(under: out + "/documents-full").flatMap { bytes(out + "/documents-full/" + $0) }
    }

    /// A copy of the bundled corpus that a test may change.
    static func corpusCopy() throws -> String {
        let corpus = try temporaryFolder("corpus") + "/Corpus"
        try FileManager.default.copyItem(atPath: Repository.path("Corpus"), toPath: corpus)
        return corpus
    }

    @Test("a summary line is pointed at its full line: doc and doc_offset set, or replaced")
    func relocate() {
        let line = Array(#"{"id":"a\",\"doc\":\"x","path":"p.txt","doc":"documents-full","metadata":{"title":"t"}}"#.utf8)
        let once = FullLines.relocate(summary: line, doc: "documents-full/part-00000.jsonl", offset: 0)
        #expect(String(decoding: once, as: UTF8.self)
            == #"{"id":"a\",\"doc\":\"x","path":"p.txt","doc":"documents-full/part-00000.jsonl","doc_offset":0,"metadata":{"title":"t"}}"#)
        let twice = FullLines.relocate(summary: once, doc: "documents-full/part-00003.jsonl", offset: 81920)
        #expect(String(decoding: twice, as: UTF8.self)
            == #"{"id":"a\",\"doc\":\"x","path":"p.txt","doc":"documents-full/part-00003.jsonl","doc_offset":81920,"metadata":{"title":"t"}}"#)
        #expect(FullLines.location(inSummary: twice)?.doc == "documents-full/part-00003.jsonl")
        #expect(FullLines.location(inSummary: twice)?.offset == 81920)
    }

    @Test("an earlier summary line gives its id (escapes and astral characters decoded) only when the whole line parses")
    func summaryIDs() {
        let good = #"{"id":"zh\/\u5305\u94a2 \"70\" \ud83d\ude80","path":"a.txt","metadata":{"replaced_bytes":3},"entities":[{"id":"x"}]}"#
        #expect(BatchRunner.summaryID(Array(good.utf8)[...]) == "zh/包钢 \"70\" 🚀")
        #expect(BatchRunner.replacedBytes(inSummary: Array(good.utf8)) == 3)
        // Cut inside the entities (a run killed mid-write), or a bracket lost: not reused.
        #expect(BatchRunner.summaryID(Array(#"{"id":"a","path":"a.txt","entities":[{"id":"x"}"#.utf8)[...]) == nil)
        #expect(BatchRunner.summaryID(Array(#"{"id":"a","path":"a.txt","entities":[{"id":"x"}}"#.utf8)[...]) == nil)
        #expect(BatchRunner.summaryID(Array(#"{"path":"a.txt","id":"a"}"#.utf8)[...]) == nil)  // not a summary line
        #expect(FullLines.location(inSummary: Array(#"{"id":"a","doc":"docs/a.json"}"#.utf8)) == nil)  // a per-document file
    }

    @Test("the lines are the per-document files minified, in documents.jsonl order; the same bytes with 1 and 2 jobs")
    func sameContentAnyJobs() throws {
        let corpus = Repository.path("Corpus")
        let root = try temporaryFolder("jsonl")
        _ = try Self.run(corpus, root + "/json", formats: [.json])
        let one = try Self.run(corpus, root + "/jsonl-1", formats: [.jsonl], jobs: 1)
        _ = try Self.run(corpus, root + "/jsonl-2", formats: [.jsonl], jobs: 2)
        #expect(one.annotated == 8 && one.failures.isEmpty)
        #expect(files(under: root + "/jsonl-1/documents-full") == ["part-00000.jsonl"])
        #expect(!FileManager.default.fileExists(atPath: root + "/jsonl-1/docs"), "no per-document files")
        #expect(Self.fullBytes(root + "/jsonl-1") == Self.fullBytes(root + "/jsonl-2"))
        #expect(Self.bytes(root + "/jsonl-1/documents.jsonl") == Self.bytes(root + "/jsonl-2/documents.jsonl"))

        let summaries = Self.lines(root + "/jsonl-1/documents.jsonl")
        let perFile = Self.lines(root + "/json/documents.jsonl")
        let full = Self.lines(root + "/jsonl-1/documents-full/part-00000.jsonl")
        #expect(summaries.count == 8 && perFile.count == 8 && full.count == 8)
        var offset = 0
        for (i, summary) in summaries.enumerated() {
            // The summary line is the per-file run's, pointed at the full line instead.
            #expect(summary == FullLines.relocate(summary: perFile[i], doc: "documents-full/part-00000.jsonl", offset: offset))
            let id = try #require(BatchRunner.summaryID(summary[...]))
            #expect(full[i] == Self.minified(Self.bytes(root + "/json/docs/\(id).json")), "\(id)")
            offset += full[i].count + 1
        }
    }

    @Test("parts roll over at the size bound, a line never split; the bytes are those of one part")
    func rollOver() throws {
        let corpus = Repository.path("Corpus")
        let root = try temporaryFolder("jsonl-parts")
        _ = try Self.run(corpus, root + "/one", formats: [.jsonl])
        _ = try Self.run(corpus, root + "/small", formats: [.jsonl], jobs: 2, partBytes: 40_000)
        let parts = files(under: root + "/small/documents-full")
        #expect(parts.count > 1 && parts.count < 8, "\(parts)")
        #expect(parts == (0..<parts.count).map { String(format: "part-%05d.jsonl", $0) })
        #expect(Self.fullBytes(root + "/small") == Self.fullBytes(root + "/one"))
        // Each summary line points at its own full line.
        for summary in Self.lines(root + "/small/documents.jsonl") {
            let at = try #require(FullLines.location(inSummary: summary))
            let doc = try #require(DocumentSummary.fullDocument(path: root + "/small/" + at.doc, offset: at.offset))
            #expect(doc["id"] as? String == BatchRunner.summaryID(summary[...]))
        }
        // validate's evidence is read from the part, through the offset.
        let set = try AnnotationSet.load(root + "/small")
        let id = "rareearthexchanges/baogang-strategic-breakthroughs"
        let evidence = try set.evidence(for: id).get()
        #expect(!evidence.isEmpty && evidence.allSatisfy { $0.sentenceText?.isEmpty == false }, "\(evidence)")
    }

    @Test("a re-run copies unchanged documents' lines, annotates changed ones, drops removed ones")
    func rerun() throws {
        let corpus = try Self.corpusCopy()
        let root = try temporaryFolder("jsonl-rerun")
        let out = root + "/out"
        // One document a part, so a removed document leaves a stale part behind to remove.
        let first = try Self.run(corpus, out, formats: [.jsonl], partBytes: 1)
        #expect(first.annotated == 8)
        let before = (Self.fullBytes(out), Self.bytes(out + "/documents.jsonl"))
        let again = try Self.run(corpus, out, formats: [.jsonl], jobs: 2, partBytes: 1)
        #expect(again.annotated == 0 && again.skippedUnchanged == 8)
        #expect(Self.fullBytes(out) == before.0 && Self.bytes(out + "/documents.jsonl") == before.1)
        // A summary pointing into the middle of a line (a part replaced under it) is not trusted.
        var summaries = Self.lines(out + "/documents.jsonl")
        let at = try #require(FullLines.location(inSummary: summaries[0]))
        summaries[0] = FullLines.relocate(summary: summaries[0], doc: at.doc, offset: Int(at.offset) + 1)
        try Data(summaries.joined(separator: [0x0A]) + [0x0A]).write(to: URL(fileURLWithPath: out + "/documents.jsonl"))
        let misplaced = try Self.run(corpus, out, formats: [.jsonl], partBytes: 1)
        #expect(misplaced.annotated == 1 && misplaced.skippedUnchanged == 7)
        #expect(Self.fullBytes(out) == before.0 && Self.bytes(out + "/documents.jsonl") == before.1)

        let texts = files(under: corpus).filter { $0.hasSuffix(".txt") }
        try write("Baogang Group hails a milestone in green steel, a source of national pride.\n", to: corpus + "/" + texts[0])
        try FileManager.default.removeItem(atPath: corpus + "/" + texts[1])
        let changed = try Self.run(corpus, out, formats: [.jsonl], partBytes: 1)
        #expect(changed.annotated == 1 && changed.skippedUnchanged == 6, "\(changed)")
        #expect(files(under: out + "/documents-full").count == 7, "the stale eighth part is removed")
        let fresh = try Self.run(corpus, root + "/fresh", formats: [.jsonl], partBytes: 1, force: true)
        #expect(fresh.annotated == 7)
        #expect(Self.fullBytes(out) == Self.fullBytes(root + "/fresh"))
        #expect(Self.bytes(out + "/documents.jsonl") == Self.bytes(root + "/fresh/documents.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: out + "/.framescope/full-0.part"), "scratch files are removed")
    }

    @Test("with brat and html the views stay per document; the JSON goes to the parts only")
    func withViews() throws {
        let out = try temporaryFolder("jsonl-views") + "/out"
        let report = try Self.run(Repository.path("Corpus"), out, formats: [.jsonl, .brat, .html])
        #expect(report.annotated == 8)
        let docs = files(under: out + "/docs")
        #expect(docs.filter { $0.hasSuffix(".html") }.count == 8 && docs.filter { $0.hasSuffix(".ann") }.count == 8)
        #expect(!docs.contains { $0.hasSuffix(".json") })
        let run = try jsonObject(out + "/run.json")
        #expect((run["options"] as? [String: Any])?["formats"] as? [String] == ["jsonl", "brat", "html"])
        let rerun = try Self.run(Repository.path("Corpus"), out, formats: [.jsonl, .brat, .html])
        #expect(rerun.skippedUnchanged == 8)
    }
}
