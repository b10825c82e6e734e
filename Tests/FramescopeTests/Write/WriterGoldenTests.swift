import Foundation
import Testing
@testable import Framescope

/// The writers' exact output for one small document, compared byte for byte with the files in
/// Fixtures/golden. After an intended format change, regenerate them with
/// `FRAMESCOPE_UPDATE_GOLDEN=1 swift test --filter Writers` and review the diff.
@Suite("Writers")
struct WriterGoldenTests {
    static let text = """
    Baogang's milestone 𠀋

    Baogang is not a threat, but "dominance" <script>alert('x')</script> & more: 800,000 tons.
    包鋼集團的輝煌。
    Copyright © 2024 Example. All rights reserved.
    """

    func document() throws -> AnnotatedDocument {
        let lex = try TemporaryLexicons(FramingScorerTests.lexicon.merging([
            "units.tsv": "surface\tunit\tdimension\tfactor_to_base\ntons\tt\tmass\t1\n",
            // A word model, so the golden files show the learned object too.
            "learned.tsv": "feature\tidf\tlean\tframed\n(intercept)\t-\t-0.5\t0.25\n(scale)\t-\t0.9\t-\n"
                + "baogang\t1.5\t-1\t0.5\n(number)\t1\t0.25\t-0.5\n辉煌\t2\t-2\t1\n",
        ]) { $1 }).load()
        let annotator = try Annotator(lexicons: lex)
        var meta = DocumentMetadata(source: "example", title: "Baogang's <milestone>", date: "2024-10-15")
        meta.sources = [("source", "folder")]
        return annotator.annotate(SourceDocument(id: "example/doc", path: "example/doc.txt", text: Self.text, metadata: meta,
                                                 sha256: String(repeating: "0", count: 64)))
    }

    func check(_ bytes: [UInt8], _ name: String) throws {
        let path = Repository.path("Tests/FramescopeTests/Fixtures/golden/\(name)")
        if ProcessInfo.processInfo.environment["FRAMESCOPE_UPDATE_GOLDEN"] == "1" {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        let expected = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes == expected, "\(name) differs from its golden file")
    }

    @Test("HTML escaping: the five characters anywhere, next to multi-byte text, and nothing else touched", arguments: [
        ("", ""), ("plain 包钢 text", "plain 包钢 text"), ("<", "&lt;"), ("a&b", "a&amp;b"), ("\"q\"", "&quot;q&quot;"),
        ("it's", "it&#39;s"), ("包<钢>𠀋&", "包&lt;钢&gt;𠀋&amp;"), ("&amp;", "&amp;amp;"), ("<<>>", "&lt;&lt;&gt;&gt;"),
    ])
    func htmlEscape(_ input: String, _ expected: String) {
        #expect(HTMLWriter.escape(input) == expected)
    }

    @Test("JSON reference format")
    func json() throws {
        try check(DocumentJSON.encode(try document(), context: .init(toolVersion: "test", lexiconHash: "test")), "doc.json")
    }

    @Test("a long document's JSON is streamed in bounded pieces that add up to the whole file")
    func streamed() throws {
        let lex = try TemporaryLexicons(FramingScorerTests.lexicon).load()
        let annotator = try Annotator(lexicons: lex)
        let body = String(repeating: "Baogang is not a threat, but dominance. 包鋼集團的輝煌。\n", count: 3000)
        let doc = annotator.annotate(SourceDocument(id: "long", path: "long.txt", text: body, metadata: DocumentMetadata(),
                                                    sha256: String(repeating: "0", count: 64)))
        var pieces: [Int] = []
        var joined: [UInt8] = []
        DocumentJSON.write(doc, context: .init(toolVersion: "test", lexiconHash: "test")) { (piece: ArraySlice<UInt8>) in
            pieces.append(piece.count)
            joined += piece
        }
        // The text field is one piece of its own size; after it, pieces are ~64 KiB plus the one
        // element that crossed the mark. The only bigger element here is the entity-framing entry
        // whose sentence list names all 3,000 sentences.
        #expect(pieces.count > 10)
        #expect(pieces.dropFirst().filter { $0 >= (1 << 16) + 4096 }.count <= 1, "\(pieces.suffix(4))")
        #expect(joined.last == 0x0A)
        #expect(try JSONSerialization.jsonObject(with: Data(joined)) is [String: Any])
        #expect(joined == DocumentJSON.encode(doc, context: .init(toolVersion: "test", lexiconHash: "test")))
    }

    @Test("documents.jsonl summary line")
    func summary() throws {
        try check(DocumentJSON.summaryLine(try document(), docPath: "docs/example/doc.json") + [0x0A], "doc.summary.jsonl")
    }

    @Test("brat standoff")
    func brat() throws {
        try check(BratWriter.annotations(try document()), "doc.ann")
    }

    @Test("HTML view")
    func html() throws {
        try check(HTMLWriter.document(try document()), "doc.html")
    }

    @Test("the HTML view escapes every piece of document text and metadata")
    func escaping() throws {
        let html = String(decoding: HTMLWriter.document(try document()), as: UTF8.self)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("Baogang&#39;s &lt;milestone&gt;"))
        #expect(html.components(separatedBy: "<script").count == 1, "no script element at all")
        let index = String(decoding: HTMLWriter.index([.init(id: "a", href: "docs/a\"><script>.html", title: "<b>t</b>", source: "s&s",
                                                             date: nil, label: "neutral", balance: 0, cues: 0)]), as: UTF8.self)
        #expect(!index.contains("<b>t</b>") && !index.contains("\"><script>") && index.contains("s&amp;s"))
    }

    @Test("brat offsets are code points, also after astral characters")
    func bratOffsets() throws {
        let doc = try document()
        let scalars = Array(Self.text.unicodeScalars)
        for line in String(decoding: BratWriter.annotations(doc), as: UTF8.self).split(separator: "\n") where line.hasPrefix("T") {
            let cols = line.split(separator: "\t")
            let offsets = cols[1].split(separator: " ").dropFirst().joined(separator: " ")
            let pieces = offsets.split(separator: ";").map { $0.split(separator: " ").map { Int($0)! } }
            let text = pieces.map { p -> String in var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[p[0]..<p[1]]); return String(v) }
            #expect(text.joined(separator: " ") == String(cols[2]), "\(line)")
        }
    }
}
