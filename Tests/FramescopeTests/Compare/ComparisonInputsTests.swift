import Foundation
import Testing
@testable import Framescope

/// `compare` reads what any run produced: annotation folders, documents.jsonl files, JSON lines
/// of full documents, and folders of Spark/Hadoop part files.
@Suite("compare inputs", .serialized)
struct ComparisonInputsTests {
    /// A full document line with the fields compare reads (a real one has many more).
    static let fullLine = #"{"schema":"framescope.document/1","offset_unit":"code_point","id":"c/1","path":"c.jsonl:1","metadata":{"source":"wire","date":"2024-10-15"},"text":"Baogang hails a milestone. A milestone indeed.","cues":[{"start":15,"end":24,"cue":"milestone","frame":"celebratory","scored_frame":"celebratory","score":0.5,"sentence":0},{"start":29,"end":38,"cue":"milestone","frame":"celebratory","scored_frame":"celebratory","score":0.25,"sentence":1},{"start":0,"end":7,"cue":"hails","frame":"celebratory","scored_frame":"strategic-threat","score":0.125,"sentence":0}],"framing":{"celebratory":0.75,"strategic_threat":0.125,"balance":-0.5,"label":"celebratory","tokens":9},"entity_framing":[{"id":"company:baogang","canonical":"Baogang","type":"company","mentions":1,"sentences":[0],"balance":-0.6}]}"#
    static let errorLine = #"{"schema":"framescope.error/1","line":3,"error":"has no string field 'text'"}"#

    @Test("a full document line becomes the summary compare needs: cues tallied, entity_framing as entities")
    func fullDocument() throws {
        let dir = try temporaryFolder("cmp-full")
        try write(ComparisonTests.lines[0] + "\n" + Self.fullLine + "\n\n" + Self.errorLine + "\n{oops\n[1, 2]\n", to: dir + "/out.jsonl")
        let loaded = try Comparison.load(inputs: [dir + "/out.jsonl"])
        #expect(loaded.documents.map(\.id) == ["a/1", "c/1"])
        let c = try #require(loaded.documents.last)
        #expect(c.metadata["source"] == "wire" && c.balance == -0.5 && c.label == "celebratory" && c.tokens == 9 && c.mass == 0.875)
        #expect(c.cues.map(\.cue) == ["hails", "milestone"])
        #expect(c.cues[0].frame == "strategic-threat", "the scored frame, as the summary line counts it")
        #expect(c.cues[1].count == 2 && c.cues[1].score == 0.75)
        #expect(c.entities.count == 1 && c.entities[0].id == "company:baogang" && c.entities[0].mentions == 1 && c.entities[0].balance == -0.6)
        // Its JSON is the line itself, found again by its byte offset.
        #expect(c.docPath == "out.jsonl" && c.docOffset == UInt64(ComparisonTests.lines[0].utf8.count + 1))
        #expect(c.fullDocument()?["text"] as? String == "Baogang hails a milestone. A milestone indeed.")
        #expect(loaded.errorLines == 1)
        #expect(loaded.problems.map(\.line) == [5, 6], "bad lines are reported with their numbers; the rest is read")
        #expect(loaded.problems.allSatisfy { $0.file == dir + "/out.jsonl" })
    }

    @Test("the summary of a full document equals its summary line")
    func sameSummary() throws {
        let annotator = try Annotator(lexicons: BundledLexicons.shared)
        let source = SourceDocument(id: "t/1", path: "t.txt", text: AnnotateEndToEndTests.english + "\n包钢集团稀土产量创新高，令人自豪。美国担忧中国的稀土垄断。",
                                    metadata: DocumentMetadata(), sha256: "0", decoding: nil)
        let doc = annotator.annotate(source)
        let context = DocumentJSON.Context(toolVersion: "t", lexiconHash: "h")
        let full = try #require(try JSONSerialization.jsonObject(with: Data(DocumentJSON.encode(doc, context: context, indent: 0))) as? [String: Any])
        let a = try #require(DocumentSummary(object: full, folder: "."))
        let b = try #require(DocumentSummary(line: Data(DocumentJSON.summaryLine(doc, docPath: "docs/t/1.json")), folder: "."))
        #expect(!b.cues.isEmpty && !b.entities.isEmpty)
        #expect(a.id == b.id && a.metadata == b.metadata && a.balance == b.balance && a.label == b.label && a.tokens == b.tokens && a.mass == b.mass)
        #expect(a.cues.map { "\($0.cue) \($0.frame) \($0.count)" } == b.cues.map { "\($0.cue) \($0.frame) \($0.count)" })
        #expect(zip(a.cues, b.cues).allSatisfy { abs($0.score - $1.score) < 1e-5 })
        #expect(a.entities.map { "\($0.id) \($0.canonical) \($0.type) \($0.mentions) \($0.balance)" }
            == b.entities.map { "\($0.id) \($0.canonical) \($0.type) \($0.mentions) \($0.balance)" })
    }

    @Test("a folder of part files: part-* read in order, _SUCCESS, .crc and hidden files ignored, compressed parts reported")
    func partFolder() throws {
        let dir = try temporaryFolder("cmp-parts")
        try write(ComparisonTests.lines[0] + "\n" + ComparisonTests.lines[1] + "\n", to: dir + "/part-00000")
        try write(Self.fullLine + "\n", to: dir + "/part-00001")
        try write("", to: dir + "/_SUCCESS")
        try write("crc", to: dir + "/.part-00000.crc")
        try write("crc", to: dir + "/part-00001.crc")
        try write("not jsonl", to: dir + "/.hidden")
        try Data([0x1F, 0x8B, 0x08]).write(to: URL(fileURLWithPath: dir + "/part-00002.gz"))
        #expect(try Comparison.files(for: dir).map { ($0 as NSString).lastPathComponent } == ["part-00000", "part-00001", "part-00002.gz"])
        let loaded = try Comparison.load(inputs: [dir])
        #expect(loaded.documents.map(\.id) == ["a/1", "a/2", "c/1"])
        #expect(loaded.problems.count == 1 && loaded.problems[0].file.hasSuffix("part-00002.gz") && loaded.problems[0].reason.contains("compressed"))
        // An annotation folder is read through its documents.jsonl, whatever else is in it.
        let folder = try ComparisonTests.folder(Array(ComparisonTests.lines[2...]))
        try write(Self.fullLine + "\n", to: folder + "/part-00000")
        #expect(try Comparison.files(for: folder) == [folder + "/documents.jsonl"])
        #expect(throws: IngestError.self) { try Comparison.files(for: try temporaryFolder("empty")) }
    }

    @Test("inputs of every kind merge; a document present twice counts once and is listed")
    func merge() throws {
        let folder = try ComparisonTests.folder(Array(ComparisonTests.lines[0..<4]))
        let file = try temporaryFolder("cmp-file") + "/documents.jsonl"
        try write(ComparisonTests.lines[3...].joined(separator: "\n") + "\n", to: file)
        let full = try temporaryFolder("cmp-stdin") + "/stdout.jsonl"
        try write(Self.fullLine + "\n", to: full)
        let loaded = try Comparison.load(inputs: [folder, file, full])
        #expect(loaded.documents.count == ComparisonTests.lines.count + 1)
        #expect(loaded.duplicates == ["b/1"])
        #expect(loaded.problems.isEmpty && loaded.errorLines == 0)
    }

    @Test("end to end: compare gives the same groups.csv from an annotation folder, --format jsonl parts and piped --stdin-jsonl part files")
    func endToEnd() throws {
        let root = try temporaryFolder("cmp-e2e")
        let feed = [
            #"{"id": "1", "source": "state", "date": "2024-10-15", "text": "Baogang Group hails a milestone: record rare earth output, a source of national pride."}"#,
            #"{"id": "2", "source": "state", "text": "包钢集团稀土产量创新高，令人自豪。"}"#,
            #"{"id": "3", "source": "industry", "date": "2024-10-16", "text": "Analysts warn that China's dominance of rare earth supply chains is a strategic threat and a choke point for Western defence."}"#,
            #"{"id": "4", "source": "industry", "text": "美国担忧中国对稀土的垄断，称其为战略威胁。"}"#,
            #"{"id": "5", "source": "wire", "text": "Lynas ships rare earth oxides from Malaysia."}"#,
        ]
        try write(feed.joined(separator: "\n") + "\n", to: root + "/corpus/feed.jsonl")
        let lexicons = Repository.path("Lexicons")
        let folder = try Executable.run(["annotate", root + "/corpus", "-o", root + "/folder", "--jobs", "2", "--lexicons", lexicons])
        #expect(folder.code == 0, "\(folder.err)")
        let lines = try Executable.run(["annotate", root + "/corpus", "-o", root + "/lines", "--format", "jsonl", "--lexicons", lexicons])
        #expect(lines.code == 0, "\(lines.err)")
        // What a Spark job's pipe writes: JSON lines in part files, plus _SUCCESS.
        for (n, range) in [(0, 0..<2), (1, 2..<5)] {
            let piped = try Executable.run(["annotate", "--stdin-jsonl", "--jobs", "1", "--lexicons", lexicons],
                                           stdin: Data((feed[range].joined(separator: "\n") + "\n").utf8))
            #expect(piped.code == 0, "\(piped.err)")
            try write(piped.out, to: root + "/spark/part-0000\(n)")
        }
        try write("", to: root + "/spark/_SUCCESS")
        var reports: [String: String] = [:]
        for (name, input) in [("folder", root + "/folder"), ("jsonl-folder", root + "/lines"),
                              ("jsonl-parts", root + "/lines/documents-full/part-00000.jsonl"), ("spark", root + "/spark")] {
            let r = try Executable.run(["compare", input, "--out", root + "/compare-" + name])
            #expect(r.code == 0, "\(name): \(r.err)")
            reports[name] = String(decoding: FileManager.default.contents(atPath: root + "/compare-\(name)/groups.csv") ?? Data(), as: UTF8.self)
        }
        #expect(reports["folder"]!.split(separator: "\n").count == 4, "\(reports["folder"]!)")
        #expect(reports["jsonl-folder"] == reports["folder"])
        #expect(reports["jsonl-parts"] == reports["folder"])
        #expect(reports["spark"] == reports["folder"])
        // Two inputs holding the same documents: each counted once, with a warning.
        let both = try Executable.run(["compare", root + "/folder", root + "/lines", "--out", root + "/compare-both"])
        #expect(both.code == 0 && both.err.contains("5 document(s) appear more than once"), "\(both.err)")
        #expect(String(decoding: FileManager.default.contents(atPath: root + "/compare-both/groups.csv") ?? Data(), as: UTF8.self) == reports["folder"])
        // A bad line is reported with its file and line; the rest is compared; exit 1.
        try write(String(decoding: FileManager.default.contents(atPath: root + "/spark/part-00000")!, as: UTF8.self) + "{broken\n", to: root + "/bad/part-00000")
        let bad = try Executable.run(["compare", root + "/bad", "--out", root + "/compare-bad"])
        #expect(bad.code == 1 && bad.err.contains("part-00000:3:"), "\(bad.err)")
        #expect(FileManager.default.fileExists(atPath: root + "/compare-bad/groups.csv"))
    }
}
