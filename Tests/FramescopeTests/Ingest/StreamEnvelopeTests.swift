import Foundation
import Testing
@testable import Framescope

/// A cluster run sends corpus files to `annotate --stdin-jsonl` as envelopes; each must load
/// exactly as the same file does in a local folder run.
@Suite struct StreamEnvelopeTests {
    func envelope(_ fields: [String: Any]) throws -> ArraySlice<UInt8> {
        ArraySlice(try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]))
    }

    func expectSame(_ a: SourceDocument, _ b: SourceDocument) {
        #expect(a.id == b.id)
        #expect(a.path == b.path)
        #expect(a.text == b.text)
        #expect(a.metadata == b.metadata)
        #expect(a.sha256 == b.sha256)
        #expect(a.decoding == b.decoding)
    }

    @Test(arguments: ["samples/zh-gb18030-market-note.txt", "samples/zh-big5-magnet-exports.txt",
                      "samples/en-utf16-steel-output.txt", "chinaservicesinfo/baogang-70-years.txt"])
    func legacyEncodingsLoadAsInAFolderRun(_ relative: String) throws {
        let root = Repository.path("Corpus")
        let loader = try DocumentLoader(corpusRoot: root)
        let entry = CorpusEntry(relativePath: relative, absolutePath: root + "/" + relative, kind: .text)
        let local = try loader.load(file: entry).get()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))
        let sent = try loader.load(streamLine: envelope(["corpus_file": relative, "bytes_base64": bytes.base64EncodedString()]), line: 7).get()
        expectSame(local, sent)
        #expect(sent.id == (relative as NSString).deletingPathExtension)
    }

    @Test func htmlAndSidecarAsInAFolderRun() throws {
        let root = TestScratch.path("envelope-corpus")
        try FileManager.default.createDirectory(atPath: root + "/外媒", withIntermediateDirectories: true)
        // GB18030 bytes for 包钢集团今年稀土产量同比增长，内蒙古包头市的稀土产业继续稳步发展。
        let han: [UInt8] = [
            0xB0, 0xFC, 0xB8, 0xD6, 0xBC, 0xAF, 0xCD, 0xC5, 0xBD, 0xF1, 0xC4, 0xEA, 0xCF, 0xA1, 0xCD, 0xC1, 0xB2, 0xFA,
            0xC1, 0xBF, 0xCD, 0xAC, 0xB1, 0xC8, 0xD4, 0xF6, 0xB3, 0xA4, 0xA3, 0xAC, 0xC4, 0xDA, 0xC3, 0xC9, 0xB9, 0xC5,
            0xB0, 0xFC, 0xCD, 0xB7, 0xCA, 0xD0, 0xB5, 0xC4, 0xCF, 0xA1, 0xCD, 0xC1, 0xB2, 0xFA, 0xD2, 0xB5, 0xBC, 0xCC,
            0xD0, 0xF8, 0xCE, 0xC8, 0xB2, 0xBD, 0xB7, 0xA2, 0xD5, 0xB9, 0xA1, 0xA3,
        ]
        let page = Array("<html><head><title>Output</title></head><body><p>".utf8) + han + Array("</p></body></html>".utf8)
        try Data(page).write(to: URL(fileURLWithPath: root + "/外媒/note.html"))
        let sidecar = #"{"date": "2024-03-05", "desk": "metals"}"#
        try Data(sidecar.utf8).write(to: URL(fileURLWithPath: root + "/外媒/note.meta.json"))
        let loader = try DocumentLoader(corpusRoot: root)
        let local = try loader.load(file: CorpusEntry(relativePath: "外媒/note.html", absolutePath: root + "/外媒/note.html", kind: .html)).get()
        let sent = try loader.load(streamLine: envelope([
            "corpus_file": "外媒/note.html", "bytes_base64": Data(page).base64EncodedString(),
            "sidecar": ["date": "2024-03-05", "desk": "metals"],
        ]), line: 1).get()
        expectSame(local, sent)
        #expect(sent.metadata.source == "外媒")
        #expect(sent.metadata.title == "Output")
        #expect(sent.metadata.date == "2024-03-05")
        #expect(sent.metadata["desk"] == "metals")
        #expect(sent.text.contains("包钢集团今年稀土产量同比增长"))
        #expect(sent.metadata.encoding == local.metadata.encoding)
    }

    /// Only the path, read from the corpus root the runner named (a file system the job runner's
    /// tasks share): the same document, decoded from the file by the same detector.
    @Test(arguments: ["samples/zh-gb18030-market-note.txt", "samples/zh-big5-magnet-exports.txt", "samples/en-utf16-steel-output.txt"])
    func aPathLoadsAsTheBytesDo(_ relative: String) throws {
        let root = Repository.path("Corpus")
        var loader = try DocumentLoader(corpusRoot: root)
        loader.streamRoot = root
        let local = try loader.load(file: CorpusEntry(relativePath: relative, absolutePath: root + "/" + relative, kind: .text)).get()
        let sent = try loader.load(streamLine: envelope(["corpus_file": relative, "sidecar": ["desk": "metals"]]), line: 2).get()
        #expect(sent.id == local.id)
        #expect(sent.text == local.text)
        #expect(sent.sha256 == local.sha256)
        #expect(sent.decoding == local.decoding)
        #expect(sent.metadata.encoding == local.metadata.encoding)
        #expect(sent.metadata["desk"] == "metals")
    }

    /// Without a sidecar field, a path envelope finds NAME.meta.json beside the file, as a local run.
    @Test func aPathFindsItsSidecarBesideIt() throws {
        let root = TestScratch.path("envelope-path-sidecar")
        try FileManager.default.createDirectory(atPath: root + "/wire", withIntermediateDirectories: true)
        try Data("稀土價格上漲，包鋼集團產量創新高。".utf8).write(to: URL(fileURLWithPath: root + "/wire/a.txt"))
        try Data(#"{"source": "Sidecar Wire", "desk": "metals"}"#.utf8).write(to: URL(fileURLWithPath: root + "/wire/a.meta.json"))
        var loader = try DocumentLoader(corpusRoot: root)
        loader.streamRoot = root
        let local = try loader.load(file: CorpusEntry(relativePath: "wire/a.txt", absolutePath: root + "/wire/a.txt", kind: .text)).get()
        let sent = try loader.load(streamLine: envelope(["corpus_file": "wire/a.txt"]), line: 1).get()
        expectSame(local, sent)
        #expect(sent.metadata.source == "Sidecar Wire")
        #expect(sent.metadata["desk"] == "metals")
    }

    @Test func aPathThatCannotBeReadNamesTheDocument() throws {
        var loader = try DocumentLoader(corpusRoot: "/nonexistent")
        let root = TestScratch.path("envelope-missing")
        loader.streamRoot = root
        let missing = root + "/wire/gone.txt"
        switch loader.load(streamLine: try envelope(["corpus_file": "wire/gone.txt"]), line: 5) {
        case .success(let doc): Issue.record("loaded \(doc.id)")
        case .failure(let error):
            #expect(error.file == "wire/gone.txt")
            #expect(error.description.contains("cannot be read from \(missing)"), "\(error)")
        }
    }

    /// A stream reads files only from the root its runner named, and only inside it: without a
    /// root, a path is no document; a `file` field reads nothing; `..` and absolute paths are refused.
    @Test func aStreamReadsNoFileOutsideItsRoot() throws {
        let root = TestScratch.path("envelope-root")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Data("Steel output rose 5% in May.".utf8).write(to: URL(fileURLWithPath: root + "/a.txt"))
        var loader = try DocumentLoader(corpusRoot: root)
        #expect(throws: IngestError.self) { try loader.load(streamLine: envelope(["corpus_file": "a.txt"]), line: 1).get() }
        loader.streamRoot = root
        let sent = try loader.load(streamLine: envelope(["corpus_file": "a.txt", "file": "/etc/hostname"]), line: 1).get()
        #expect(sent.text == "Steel output rose 5% in May.")
        for path in ["../a.txt", "/etc/hostname", "x/../../a.txt"] {
            #expect(throws: IngestError.self) { try loader.load(streamLine: envelope(["corpus_file": path]), line: 1).get() }
        }
    }

    @Test func manifestOfTheCorpusRootApplies() throws {
        let root = TestScratch.path("envelope-manifest")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Data("path,source,region\nwire/*.txt,Wire Desk,APAC\n".utf8).write(to: URL(fileURLWithPath: root + "/manifest.csv"))
        let loader = try DocumentLoader(corpusRoot: root)
        let sent = try loader.load(streamLine: envelope([
            "corpus_file": "wire/a.txt", "bytes_base64": Data("Steel output rose 5% in May.".utf8).base64EncodedString(),
        ]), line: 1).get()
        #expect(sent.metadata.source == "Wire Desk")
        #expect(sent.metadata["region"] == "APAC")
    }

    @Test func aJSONLRecordKeepsItsFileAndLine() throws {
        let loader = try DocumentLoader(corpusRoot: "/nonexistent")
        let record = #"{"id": "n-1", "text": "稀土價格上漲。", "source": "明報"}"#
        let local = try loader.load(jsonLine: ArraySlice(Array(record.utf8)), line: 12, file: "feeds/hk.jsonl").get()
        let sent = try loader.load(streamLine: envelope(["corpus_file": "feeds/hk.jsonl", "line": 12, "record": record]), line: 3).get()
        expectSame(local, sent)
        #expect(sent.id == "feeds/hk/n-1")
        #expect(sent.path == "feeds/hk.jsonl:12")
    }

    @Test func aDocumentLineStaysADocument() throws {
        let loader = try DocumentLoader(corpusRoot: "/nonexistent")
        // The marker as a value, and escaped inside the text, is not an envelope.
        let line = #"{"id": "x", "text": "The key \"corpus_file\" is reserved.", "note": "corpus_file"}"#
        let doc = try loader.load(streamLine: ArraySlice(Array(line.utf8)), line: 4).get()
        #expect(doc.id == "stdin/x")
        #expect(doc.text == #"The key "corpus_file" is reserved."#)
    }

    @Test(arguments: [
        (#"{"corpus_file": "/etc/passwd", "bytes_base64": "YQ=="}"#, "relative path"),
        (#"{"corpus_file": "a/../../b.txt", "bytes_base64": "YQ=="}"#, "relative path"),
        (#"{"corpus_file": "a/b.pdf", "bytes_base64": "YQ=="}"#, "not a document file"),
        (#"{"corpus_file": "a/b.txt"}"#, "needs bytes_base64"),
        (#"{"corpus_file": "a/b.txt", "file": "/etc/hostname"}"#, "needs bytes_base64"),
        (#"{"corpus_file": "a/b.txt", "bytes_base64": "not base64!"}"#, "needs bytes_base64"),
        (#"{"corpus_file": "a/b.jsonl", "record": 5}"#, "record must be"),
    ])
    func badEnvelopesAreReportedWithTheirLine(_ line: String, _ reason: String) throws {
        let loader = try DocumentLoader(corpusRoot: "/nonexistent")
        switch loader.load(streamLine: ArraySlice(Array(line.utf8)), line: 9) {
        case .success(let doc): Issue.record("loaded \(doc.id)")
        case .failure(let error):
            #expect(error.description.contains(reason), "\(error)")
            #expect(error.line == 9 || error.line == nil)
        }
    }
}
