import ArgumentParser
import Foundation
import Framescope

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Check lexicons, or suggest entries from annotations.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every problem in a lexicon folder at once; exit 2 if there is any.")

        @Argument(help: "The lexicon folder.")
        var directory: String = "Lexicons"

        func run() throws {
            let folder = try Folder()
            do {
                let lex = try Lexicons.load(directory: directory, folder: folder)
                var out = StandardOutput()
                out.write("ok: \(lex.files.count) files, \(lex.entities.entries.count) entities, \(lex.units.entries.count) unit surfaces, "
                    + "\(lex.framing.cues.count) cues, \(lex.framing.modifiers.count) modifiers; hash \(lex.hash.prefix(16))\n")
                out.flush()
            } catch {
                for issue in error.issues { Diagnostics.note(issue.description) }
                Diagnostics.note("\(error.issues.count) problem\(error.issues.count == 1 ? "" : "s") in \(directory)")
                throw ExitCode(2)
            }
        }
    }
}

/// Loads lexicons for a command, turning problems into exit code 2 with every issue listed.
func loadLexicons(_ directory: String, folder: Folder) throws -> Lexicons {
    do {
        return try Lexicons.load(directory: directory, folder: folder)
    } catch {
        for issue in error.issues { Diagnostics.note(issue.description) }
        Diagnostics.note("\(error.issues.count) lexicon problem\(error.issues.count == 1 ? "" : "s"); fix them (framescope lexicon check) and run again")
        throw ExitCode(2)
    }
}
