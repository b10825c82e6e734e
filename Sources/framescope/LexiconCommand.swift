import ArgumentParser
import Foundation
import Framescope

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Check lexicons, or suggest entries from annotations.",
        subcommands: [Check.self, Suggest.self]
    )

    /// The most frequent names found by pattern (no lexicon id) across annotation folders, as
    /// lexicon lines ready to paste into Lexicons/entities/*.tsv after review.
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List frequent pattern-found names not yet in the lexicon, as TSV lines to paste.")

        @Argument(help: "Annotation folders (the output of annotate).")
        var annotations: [String]

        @Option(help: "How many names to list.")
        var limit = 50

        @Option(help: "Only names seen in at least this many documents.")
        var minDocuments = 1

        func run() throws {
            var counts: [String: (type: String, surface: String, mentions: Int, documents: Set<String>)] = [:]
            for folder in annotations {
                let lines = (try? String(contentsOfFile: folder + "/documents.jsonl", encoding: .utf8))
                guard let lines else { throw CLIError("\(folder): no documents.jsonl (run framescope annotate first)") }
                for line in lines.split(separator: "\n") {
                    guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                          let doc = o["id"] as? String, let entities = o["entities"] as? [[String: Any]] else { continue }
                    for e in entities {
                        guard let id = e["id"] as? String, id.hasPrefix("pattern:"), let type = e["type"] as? String,
                              let surface = e["canonical"] as? String else { continue }
                        let key = type + "\t" + id
                        var entry = counts[key] ?? (type, surface, 0, [])
                        entry.mentions += (e["mentions"] as? Int) ?? 1
                        entry.documents.insert(doc)
                        counts[key] = entry
                    }
                }
            }
            let ranked = counts.values.filter { $0.documents.count >= minDocuments }
                .sorted { ($1.documents.count, $1.mentions, $0.surface) < ($0.documents.count, $0.mentions, $1.surface) }
            var out = StandardOutput()
            out.write("# Names found by pattern, most frequent first; review each before pasting into Lexicons/entities/.\n")
            for e in ranked.prefix(limit) {
                let slug = Self.slug(e.surface)
                let lang = e.surface.unicodeScalars.contains { $0.value >= 0x3400 && $0.value <= 0x9FFF } ? "zh" : "en"
                let prefix = e.type == "organization" ? "org" : e.type
                out.write("# \(e.documents.count) documents, \(e.mentions) mentions\n")
                out.write("\(prefix):\(slug)\t\(e.type)\t\(e.surface)\t\(e.surface)\t\(lang)\n")
            }
            out.flush()
        }

        /// A lowercase ASCII id slug; Chinese names keep their characters (ids may be Unicode).
        static func slug(_ s: String) -> String {
            var out = ""
            for c in s.lowercased().unicodeScalars {
                if c.properties.isAlphabetic || (c.value >= 0x30 && c.value <= 0x39) { out.unicodeScalars.append(c) }
                else if !out.hasSuffix("-") { out += "-" }
            }
            return out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        }
    }

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
