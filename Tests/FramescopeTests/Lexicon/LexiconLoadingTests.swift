import Foundation
import Testing
@testable import Framescope

@Suite("Lexicon loading")
struct LexiconLoadingTests {
    static let header = "id\ttype\tcanonical\tsurface\tlang\n"

    func issues(_ files: [String: String]) throws -> [LexiconIssue] {
        do {
            _ = try TemporaryLexicons(files).load()
            return []
        } catch let error as LexiconError {
            return error.issues
        }
    }

    @Test("the bundled lexicons load without a single problem")
    func bundled() throws {
        let lex = try Lexicons.load(directory: Repository.path("Lexicons"), folder: try Folder())
        #expect(lex.entities.entries.filter { $0.type == .company }.count >= 60)
        #expect(lex.entities.entries.filter { $0.type == .material }.count >= 80)
        #expect(lex.units.entries.count >= 50)
        #expect(lex.framing.cues.filter { $0.frame == .celebratory }.count >= 150)
        #expect(lex.framing.cues.filter { $0.frame == .strategicThreat }.count >= 150)
        #expect(lex.hash.count == 64)
    }

    @Test("Chinese name endings: the three roles' words, grouped by first character, longest first")
    func chineseNameEndings() {
        let p = BundledLexicons.shared.patterns
        func name(_ key: [UInt32], _ role: PatternLexicon.Role) -> String { role.rawValue + ":" + FoldedText.string(key[...]) }
        let company: [String] = (p.chinese[.companySuffix] ?? []).map { name($0, .companySuffix) }
        let org: [String] = (p.chinese[.orgHead] ?? []).map { name($0, .orgHead) }
        let unit: [String] = (p.chinese[.orgUnit] ?? []).map { name($0, .orgUnit) }
        let grouped: [String] = p.chineseNameEndings.values.flatMap { $0 }.map { name($0.key, $0.role) }
        #expect(grouped.sorted() == (company + org + unit).sorted())
        #expect(company.count > 10 && org.count > 10)
        for (first, words) in p.chineseNameEndings {
            #expect(words.allSatisfy { $0.key.first == first } && p.chineseNameEndingStarts.contains(first))
            #expect(zip(words, words.dropFirst()).allSatisfy { $0.key.count >= $1.key.count })
        }
    }

    @Test("each malformed line is an error naming file, line and problem", arguments: [
        ("wrong column count", Self.header + "company:a\tcompany\tA\tA\n", "entities/x.tsv:2", "has 4 tab-separated fields; expected 5"),
        ("unknown type", Self.header + "x:a\tcountry\tA\tA\ten\n", "entities/x.tsv:2", "unknown type 'country'"),
        ("empty surface", Self.header + "company:a\tcompany\tA\t\ten\n", "entities/x.tsv:2", "empty surface"),
        ("conflicting duplicate", Self.header + "company:a\tcompany\tA\tAcme\ten\ncompany:b\tcompany\tB\tACME\ten\n",
         "entities/x.tsv:3", "already a surface of 'company:a'"),
        ("inconsistent canonical", Self.header + "company:a\tcompany\tA\tAcme\ten\ncompany:a\tcompany\tAcme Corp\tAcme Co\ten\n",
         "entities/x.tsv:3", "must repeat the same type and canonical"),
        ("bad header", "id\ttype\tsurface\n", "entities/x.tsv:1", "header is"),
        ("stray spaces", Self.header + "company:a\tcompany\tA\tAcme \ten\n", "entities/x.tsv:2", "leading or trailing spaces"),
        ("unknown lang", Self.header + "company:a\tcompany\tA\tAcme\tfr\n", "entities/x.tsv:2", "unknown lang 'fr'"),
    ])
    func entityErrors(_ name: String, _ content: String, _ location: String, _ message: String) throws {
        let found = try issues(["entities/x.tsv": content])
        #expect(found.contains { $0.description.hasPrefix(location) && $0.message.contains(message) }, "\(name): \(found)")
    }

    /// The field check looks at the two ends only; it must agree with `trimmed()` on every
    /// kind of end: ASCII and other spaces, a BOM, a space carrying a combining mark (one
    /// Character that `trimmed()` removes), ideographs, astral text, empty and all-space.
    @Test func edgeWhitespaceAgreesWithTrimmed() {
        let ends = ["", "a", "钢", "\u{20000}", " ", "\t", "\u{3000}", "\u{A0}", "\u{FEFF}", " \u{302A}", "e\u{301}", "\u{FF21}", "\r"]
        for a in ends { for b in ends { for middle in ["", "Baotou Steel", "包 钢", " "] {
            let f = a + middle + b
            #expect(f.hasEdgeWhitespace == (f != f.trimmed()), "\(f.unicodeScalars.map { String($0.value, radix: 16) })")
        } } }
    }

    @Test("a BOM and CRLF line ends are errors, not silently dropped entries")
    func bomAndCRLF() throws {
        let bom = try TemporaryLexicons(raw: ["entities/x.tsv": [0xEF, 0xBB, 0xBF] + Array((Self.header + "company:a\tcompany\tA\tAcme\ten\n").utf8)])
        #expect(throws: LexiconError.self) { try bom.load() }
        do { _ = try bom.load() } catch let e as LexiconError {
            #expect(e.issues.contains { $0.file == "entities/x.tsv" && $0.line == 1 && $0.message.contains("byte-order mark") })
        }
        let crlf = try TemporaryLexicons(["entities/x.tsv": Self.header.replacingOccurrences(of: "\n", with: "\r\n") + "company:a\tcompany\tA\tAcme\ten\r\n"])
        do { _ = try crlf.load(); Issue.record("CRLF accepted") } catch let e as LexiconError {
            #expect(e.issues.contains { $0.line == 1 && $0.message.contains("CRLF") })
        }
    }

    @Test("framing, modifier and unit errors name file and line")
    func otherErrors() throws {
        let entities = ["entities/x.tsv": Self.header + "company:a\tcompany\tA\tAcme\ten\n"]
        var files = entities
        files["framing/c.tsv"] = "cue\tframe\tweight\tlang\tnote\nmilestone\tcelebratory\t5\ten\t-\nlegacy\tpride\t1\ten\t-\nglory\tcelebratory\t2.5\ten\t-\n"
        files["modifiers.tsv"] = "cue\tkind\tfactor\tscope\nnot\tnegator\t-0.5\tnext:99\nvery\tbooster\t1.5\tnext:3\n"
        files["units.tsv"] = "surface\tunit\tdimension\tfactor_to_base\ntons\tt\tmass\tabc\n"
        let found = try issues(files)
        let expected = [
            ("framing/c.tsv", 2, "weight '5' must be a number from 0.5 to 3"),
            ("framing/c.tsv", 3, "unknown frame 'pride'"),
            ("framing/c.tsv", 4, "has weight 2.5 but no note"),
            ("modifiers.tsv", 2, "scope 'next:99'"),
            ("modifiers.tsv", 3, "unknown kind 'booster'"),
            ("units.tsv", 2, "factor_to_base 'abc' is not a positive number"),
        ]
        for (file, line, message) in expected {
            #expect(found.contains { $0.file == file && $0.line == line && $0.message.contains(message) }, "\(file):\(line) \(message) in \(found)")
        }
        #expect(found.count == expected.count, "all problems are reported at once")
    }

    @Test("label nouns load from modifiers.tsv apart from the matched modifiers, and bad ones are errors")
    func labelNouns() throws {
        let entities = ["entities/x.tsv": Self.header + "company:a\tcompany\tA\tAcme\ten\n"]
        var good = entities
        good["modifiers.tsv"] = "cue\tkind\tfactor\tscope\nnot\tnegator\t-0.5\tnext:3\nCrowd\tlabel\t0\tquotation\n之说\tlabel\t0\tquotation\n"
        let lex = try TemporaryLexicons(good).load()
        #expect(lex.framing.modifiers.map(\.cue) == ["not"], "label nouns are not phrase-matched modifiers")
        #expect(lex.framing.labelNouns.words == ["crowd"])
        #expect(lex.framing.labelNouns.prefixes == [Array("之说".utf16)])
        let after = Array(" crowd never".utf16)
        #expect(lex.framing.labelNouns.starts(after, at: 0))
        #expect(!lex.framing.labelNouns.starts(Array(" crowds".utf16), at: 0))
        #expect(lex.framing.labelNouns.starts(Array("之说不实".utf16), at: 0))

        var bad = entities
        bad["modifiers.tsv"] = "cue\tkind\tfactor\tscope\ncrowd\tlabel\t0.5\tquotation\ntalking points\tlabel\t0\tquotation\n"
            + "camp\tlabel\t0\tsentence\nnot\tnegator\t-0.5\tquotation\nstory\tlabel\t0\tquotation\nStory\tlabel\t0\tquotation\n"
        let found = try issues(bad)
        let expected = [
            (2, "use factor 0"),
            (3, "must be one English word"),
            (4, "use scope quotation"),
            (5, "only label nouns take scope quotation"),
            (7, "listed twice"),
        ]
        for (line, message) in expected {
            #expect(found.contains { $0.file == "modifiers.tsv" && $0.line == line && $0.message.contains(message) }, "\(line) \(message) in \(found)")
        }
        #expect(found.count == expected.count)
    }

    @Test("the bundled label nouns keep the quotation rule's vocabulary in both scripts")
    func bundledLabelNouns() throws {
        let labels = BundledLexicons.shared.framing.labelNouns
        for word in ["crowd", "headlines", "narrative", "hype"] { #expect(labels.words.contains(word), "\(word)") }
        for noun in ["论", "論", "之说", "之說", "论调", "論調", "等帽子"] { #expect(labels.prefixes.contains(Array(noun.utf16)), "\(noun)") }
        #expect(!labels.prefixes.contains(Array("说".utf16)), "说 alone is a verb after a quotation (说明)")
    }

    @Test("a missing lexicon folder is a clear error")
    func missingFolder() {
        #expect(throws: LexiconError.self) { try Lexicons.load(directory: "/nonexistent/lexicons", folder: try Folder()) }
    }
}
