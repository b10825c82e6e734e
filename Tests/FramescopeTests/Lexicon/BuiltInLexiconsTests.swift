import Foundation
import Testing
@testable import Framescope

/// The lexicons compiled into the library (the EmbedLexicons plugin) and the lookup order
/// `--lexicons`, then `$FRAMESCOPE_LEXICONS`, then the built-in copy.
@Suite("Built-in lexicons")
struct BuiltInLexiconsTests {
    @Test("the built-in copy is the repository's Lexicons/ byte for byte: same files, same bytes, same hash")
    func sameAsRepository() throws {
        let root = Repository.path("Lexicons")
        let onDisk = files(under: root).filter { $0.hasSuffix(".tsv") }
        let builtIn = BuiltInLexicons.files
        #expect(builtIn.map(\.path) == onDisk)
        for file in builtIn {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + "/" + file.path)))
            #expect(file.bytes == bytes, "\(file.path) differs from the file on disk: rebuild")
        }
        let folder = try Folder()
        let fromDisk = try Lexicons.load(directory: root, folder: folder)
        let compiled = try Lexicons.load(.builtIn, folder: folder)
        #expect(compiled.hash == fromDisk.hash && compiled.hash.count == 64)
        #expect(compiled.files == fromDisk.files)
        #expect(compiled.entities.entries.count == fromDisk.entities.entries.count)
        #expect(compiled.framing.cues.count == fromDisk.framing.cues.count)
        #expect(compiled.location == .builtIn && fromDisk.location?.path == root)
    }

    @Test("lookup order: --lexicons, then $FRAMESCOPE_LEXICONS (unless empty), then the built-in copy")
    func lookupOrder() {
        let env = ["FRAMESCOPE_LEXICONS": "/srv/lex"]
        #expect(LexiconLocation.resolve(option: "mine", environment: env) == LexiconLocation(origin: .option, source: .directory("mine")))
        #expect(LexiconLocation.resolve(option: nil, environment: env) == LexiconLocation(origin: .environment, source: .directory("/srv/lex")))
        #expect(LexiconLocation.resolve(option: nil, environment: ["FRAMESCOPE_LEXICONS": ""]) == .builtIn)
        #expect(LexiconLocation.resolve(option: nil, environment: [:]) == .builtIn)
        #expect(LexiconLocation.builtIn.path == nil && LexiconLocation.builtIn.origin.rawValue == "built-in")
    }

    @Test("a missing folder named by the environment variable says so, and how to fall back")
    func missingEnvironmentFolder() throws {
        let location = LexiconLocation.resolve(option: nil, environment: ["FRAMESCOPE_LEXICONS": "/no/such/lexicons"])
        let folder = try Folder()
        do {
            _ = try Lexicons.load(location, folder: folder)
            Issue.record("loaded a folder that does not exist")
        } catch {
            #expect(error.issues.count == 1)
            let text = error.issues.first?.description ?? ""
            #expect(text.hasPrefix("/no/such/lexicons: lexicon folder not found") && text.contains("$FRAMESCOPE_LEXICONS") && text.contains("unset"), "\(text)")
        }
    }
}
