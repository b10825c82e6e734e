import Foundation
import Testing
@testable import Framescope

/// Where the repository lives, for tests that read `Corpus/`, `Lexicons/` or fixtures.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// One scratch folder per test process, under the system's temporary folder, removed when the
/// process exits, so test runs do not leave thousands of folders behind. Folders left by a run
/// that crashed (its process is gone) are swept the next time.
enum TestScratch {
    static let root: String = {
        let base = NSTemporaryDirectory() + "framescope-tests"
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: base)) ?? [] {
            if let pid = Int32(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                try? fm.removeItem(atPath: base + "/" + name)
            }
        }
        let root = base + "/\(getpid())"
        try? fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestScratch.root) }
        return root
    }()

    /// A fresh path inside the run's scratch folder (not created).
    static func path(_ name: String) -> String { root + "/" + name + "-" + UUID().uuidString }
}

/// The text of code points `[start, end)` of `s`, the way Python slices a `str`.
func slice(_ s: String, _ start: Int, _ end: Int) -> String {
    let scalars = Array(s.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
}

extension Tokenizer {
    /// Token texts, for readable expectations.
    func texts(_ s: String) -> [String] {
        let text = DocumentText(s)
        return tokens(text).map { text.substring(utf16: $0.utf16Start..<$0.utf16End) }
    }
}

/// A lexicon folder written from literal TSV texts into a fresh temporary directory.
struct TemporaryLexicons {
    let directory: String

    init(_ files: [String: String]) throws {
        directory = TestScratch.path("lex")
        for (path, content) in files {
            let full = directory + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(content.utf8).write(to: URL(fileURLWithPath: full))
        }
    }

    /// Writes raw bytes (for BOM and CRLF cases).
    init(raw files: [String: [UInt8]]) throws {
        directory = TestScratch.path("lex")
        for (path, content) in files {
            let full = directory + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(content).write(to: URL(fileURLWithPath: full))
        }
    }

    func load() throws -> Lexicons { try Lexicons.load(directory: directory, folder: try Folder()) }

    /// A small entity lexicon written by a suite with the shipped `patterns.tsv`, whose word
    /// classes are the name rules under test; loaded once per suite (a load failure leaves the
    /// lexicons empty, and the suite's expectations fail).
    static func withShippedPatterns(entities: String) -> Lexicons {
        let patterns = (try? String(contentsOfFile: Repository.path("Lexicons/patterns.tsv"), encoding: .utf8)) ?? ""
        return (try? TemporaryLexicons(["entities/test.tsv": entities, "patterns.tsv": patterns]).load()) ?? Lexicons()
    }
}

/// The bundled lexicons, loaded once for the whole test run.
enum BundledLexicons {
    static let shared: Lexicons = {
        // The bundled lexicons are checked by their own test; a failure here shows up there.
        (try? Lexicons.load(directory: Repository.path("Lexicons"), folder: try Folder())) ?? Lexicons()
    }()
}

/// The surfaces of one entity type the tagger finds in a string literal, in text order.
func spans(_ s: String, _ type: EntityType) throws -> [String] {
    let (text, result) = try tag(s)
    return result.entities.filter { $0.type == type }.map { text.text(of: $0) }
}

/// Runs the tagger over a string literal.
func tag(_ s: String, lexicons: Lexicons = BundledLexicons.shared) throws -> (text: DocumentText, result: EntityTagger.Result) {
    let tokenizer = try Tokenizer()
    let text = DocumentText(s)
    let folded = tokenizer.folder.fold(text)
    let tokens = tokenizer.tokens(text, folded: folded)
    let result = EntityTagger(lexicons: lexicons).tag(text, folded: folded, tokens: tokens,
                                                      sentences: tokenizer.sentenceSpans(text), index: CodePointIndex(text))
    return (text, result)
}

extension DocumentText {
    func text(of e: Entity) -> String { substring(utf16: e.utf16Start..<e.utf16End) }
}

/// A lexicon row expected in context, for the suites that sample lexicon families: the sentence,
/// the surface as written, and the type and id it must be tagged with by the shipped lexicons.
struct LexiconCase: Sendable, CustomTestStringConvertible {
    let sentence: String
    let surface: String
    let type: EntityType
    let id: String
    var testDescription: String { surface }

    func check(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (text, result) = try tag(sentence)
        let e = try #require(result.entities.first { text.text(of: $0) == surface },
                             "found: \(result.entities.map { "\(text.text(of: $0)):\($0.type)" })", sourceLocation: sourceLocation)
        #expect(e.type == type, sourceLocation: sourceLocation)
        #expect(e.id == id, sourceLocation: sourceLocation)
    }
}
