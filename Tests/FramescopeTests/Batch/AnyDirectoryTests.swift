import Foundation
import Testing
@testable import Framescope

/// Every command from a working directory that is not the repository (no Lexicons/ beside it),
/// with the built-in lexicons and with `$FRAMESCOPE_LEXICONS`. Serialized: these tests start
/// processes and use both cores.
@Suite("commands from any directory", .serialized)
struct AnyDirectoryTests {
    static let text = "Zyxwit Metals hails a milestone\n\nZyxwit Metals and Baogang Group produced 800,000 tons of green steel, a source of national pride. 兹维特金属与包钢集团合作。"

    static let threat = "Dominance warning\n\nChina's dominance of rare earths is a threat the West must take seriously, analysts warn."

    /// The built-in lexicons exported, plus one company the built-in copy does not know, so a
    /// test can tell which lexicons a command used.
    static func editedLexicons() throws -> String {
        let dir = TestScratch.path("edited-lex")
        let r = try Executable.run(["lexicon", "export", dir], environment: ["FRAMESCOPE_LEXICONS": nil])
        #expect(r.code == 0, Comment(rawValue: r.err))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/entities/companies.tsv"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("company:zyxwit\tcompany\tZyxwit Metals\tZyxwit Metals\ten\ncompany:zyxwit\tcompany\tZyxwit Metals\t兹维特金属\tzh\n".utf8))
        try handle.close()
        return dir
    }

    /// A working directory holding one document and nothing else.
    static func workingDirectory() throws -> String {
        let cwd = try temporaryFolder("cwd")
        try write(text, to: cwd + "/corpus/wire/zyxwit.txt")
        try write(threat, to: cwd + "/corpus/wire/dominance.txt")
        return cwd
    }

    @Test("every command works from another directory with the built-in lexicons; run.json says built-in")
    func builtIn() throws {
        let cwd = try Self.workingDirectory()
        let none: [String: String?] = ["FRAMESCOPE_LEXICONS": nil]
        func run(_ args: [String]) throws -> (code: Int32, out: String, err: String) {
            let r = try Executable.run(args, cwd: cwd, environment: none)
            #expect(r.code == 0, "\(args): \(r.err)")
            return r
        }
        _ = try run(["annotate", "corpus", "-o", "out", "--jobs", "1", "--quiet"])
        let runJSON = try jsonObject(cwd + "/out/run.json")
        let lexicons = runJSON["lexicons"] as? [String: Any]
        #expect(lexicons?["source"] as? String == "built-in" && lexicons?["path"] is NSNull, "\(String(describing: lexicons))")
        #expect(runJSON["lexicon_hash"] as? String == BundledLexicons.shared.hash)
        #expect((runJSON["lexicon_files"] as? [String])?.count == BundledLexicons.shared.files.count)
        let doc = try jsonObject(cwd + "/out/docs/wire/zyxwit.json")
        #expect(doc["lexicon_hash"] as? String == BundledLexicons.shared.hash)
        // The same files on disk hash alike, so a re-run with them redoes nothing.
        let rerun = try run(["annotate", "corpus", "-o", "out", "--jobs", "1", "--quiet", "--lexicons", Repository.path("Lexicons")])
        #expect(rerun.out.hasPrefix("annotated 0, unchanged 2, failed 0"), Comment(rawValue: rerun.out))

        #expect(try run(["tag", "corpus/wire/zyxwit.txt"]).out.contains("Baogang Group"))
        #expect(!(try run(["tag", "corpus/wire/zyxwit.txt"]).out.contains("company:zyxwit")))
        #expect(try run(["explain", "corpus/wire/zyxwit.txt", "--no-color"]).out.contains("[milestone]"))
        let tokens = try run(["tokenize", "corpus/wire/zyxwit.txt", "--keep-lexicon-terms"]).out
        #expect(tokens.contains("\t包钢集团\t") && !tokens.contains("\t兹维特金属\t"), Comment(rawValue: tokens))
        let check = try run(["lexicon", "check"])
        #expect(check.out.hasPrefix("ok: ") && check.out.contains("built-in") && check.out.contains(String(BundledLexicons.shared.hash.prefix(16))), Comment(rawValue: check.out))
        _ = try run(["compare", "out", "--out", "report"])
        #expect(FileManager.default.fileExists(atPath: cwd + "/report/report.html"))
        try write("id,label\nwire/zyxwit,celebratory\nwire/dominance,threat\n", to: cwd + "/codes.csv")
        #expect(try run(["validate", "codes.csv", "out", "-o", "validation", "--bootstrap", "50"]).out.contains("2 coded documents"))
    }

    @Test("$FRAMESCOPE_LEXICONS is used by every command that reads lexicons; --lexicons wins over it")
    func environment() throws {
        let edited = try Self.editedLexicons()
        let cwd = try Self.workingDirectory()
        let env: [String: String?] = ["FRAMESCOPE_LEXICONS": edited]
        func run(_ args: [String]) throws -> (code: Int32, out: String, err: String) {
            let r = try Executable.run(args, cwd: cwd, environment: env)
            #expect(r.code == 0, "\(args): \(r.err)")
            return r
        }
        _ = try run(["annotate", "corpus", "-o", "out", "--jobs", "1", "--quiet"])
        let runJSON = try jsonObject(cwd + "/out/run.json")
        let lexicons = runJSON["lexicons"] as? [String: Any]
        #expect(lexicons?["source"] as? String == "environment" && lexicons?["path"] as? String == edited)
        #expect(runJSON["lexicon_hash"] as? String != BundledLexicons.shared.hash)
        let entities = try jsonObject(cwd + "/out/docs/wire/zyxwit.json")["entities"] as! [[String: Any]]
        #expect(entities.contains { $0["id"] as? String == "company:zyxwit" })

        #expect(try run(["tag", "corpus/wire/zyxwit.txt"]).out.contains("company:zyxwit"))
        #expect(!(try run(["tag", "corpus/wire/zyxwit.txt", "--lexicons", Repository.path("Lexicons")]).out.contains("company:zyxwit")))
        #expect(try run(["explain", "corpus/wire/zyxwit.txt", "--no-color", "--all"]).out.contains("Zyxwit Metals [company]"))
        #expect(try run(["tokenize", "corpus/wire/zyxwit.txt", "--keep-lexicon-terms"]).out.contains("\t兹维特金属\t"))
        let check = try run(["lexicon", "check"])
        #expect(check.out.contains("FRAMESCOPE_LEXICONS=\(edited)"), Comment(rawValue: check.out))
        _ = try run(["compare", "out", "--out", "report"])
        try write("id,label\nwire/zyxwit,celebratory\nwire/dominance,threat\n", to: cwd + "/codes.csv")
        _ = try run(["validate", "codes.csv", "out", "-o", "validation", "--bootstrap", "50"])

        // --lexicons beats the variable, and run.json says so.
        _ = try run(["annotate", "corpus", "-o", "out2", "--jobs", "1", "--quiet", "--lexicons", Repository.path("Lexicons")])
        let second = try jsonObject(cwd + "/out2/run.json")
        #expect((second["lexicons"] as? [String: Any])?["source"] as? String == "option")
        #expect(second["lexicon_hash"] as? String == BundledLexicons.shared.hash)
    }

    @Test("a FRAMESCOPE_LEXICONS that names no folder stops every lexicon command with exit 2, naming the variable")
    func badEnvironment() throws {
        let cwd = try Self.workingDirectory()
        let env: [String: String?] = ["FRAMESCOPE_LEXICONS": "/no/such/lexicons"]
        for args in [["annotate", "corpus", "-o", "out", "--quiet"], ["tag", "corpus/wire/zyxwit.txt"],
                     ["explain", "corpus/wire/zyxwit.txt"], ["tokenize", "corpus/wire/zyxwit.txt", "--keep-lexicon-terms"],
                     ["lexicon", "check"]] {
            let r = try Executable.run(args, cwd: cwd, environment: env)
            #expect(r.code == 2, "\(args)")
            #expect(r.err.contains("/no/such/lexicons: lexicon folder not found") && r.err.contains("$FRAMESCOPE_LEXICONS"), "\(args): \(r.err)")
            #expect(r.out.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: cwd + "/out"))
    }

    @Test("lexicon export writes the built-in files byte for byte, and refuses to overwrite without --force")
    func export() throws {
        let cwd = try temporaryFolder("cwd")
        let r = try Executable.run(["lexicon", "export", "mine"], cwd: cwd)
        #expect(r.code == 0, Comment(rawValue: r.err))
        let repository = files(under: Repository.path("Lexicons")).filter { $0.hasSuffix(".tsv") }
        #expect(files(under: cwd + "/mine") == repository)
        for file in repository {
            let a = try Data(contentsOf: URL(fileURLWithPath: cwd + "/mine/" + file))
            let b = try Data(contentsOf: URL(fileURLWithPath: Repository.path("Lexicons/" + file)))
            #expect(a == b, "\(file)")
        }
        // The exported copy loads with the same hash as the built-in one.
        let check = try Executable.run(["lexicon", "check", "mine"], cwd: cwd)
        #expect(check.code == 0 && check.out.contains(String(BundledLexicons.shared.hash.prefix(16))), Comment(rawValue: check.out + check.err))

        // An edited file is not replaced unless asked.
        try write("# mine\n", to: cwd + "/mine/units.tsv")
        let again = try Executable.run(["lexicon", "export", "mine"], cwd: cwd)
        #expect(again.code == 2 && again.err.contains("--force"), Comment(rawValue: again.err))
        #expect(try String(contentsOfFile: cwd + "/mine/units.tsv", encoding: .utf8) == "# mine\n")
        let forced = try Executable.run(["lexicon", "export", "mine", "--force"], cwd: cwd)
        #expect(forced.code == 0, Comment(rawValue: forced.err))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cwd + "/mine/units.tsv")) == Data(contentsOf: URL(fileURLWithPath: Repository.path("Lexicons/units.tsv"))))
        #expect(files(under: cwd + "/mine") == repository, "no temporary files left behind")
    }
}
