import ArgumentParser
import Foundation
import Framescope

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Check lexicons, export the built-in ones for editing, or suggest entries from annotations.",
        subcommands: [Check.self, Export.self, Suggest.self]
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
            abstract: "Report every problem in a lexicon folder at once; exit 2 if there is any.",
            discussion: "Without a folder, checks the lexicons a command would use: $FRAMESCOPE_LEXICONS if set, else the built-in ones.")

        @Argument(help: "The lexicon folder.")
        var directory: String?

        func run() throws {
            let folder = try Folder()
            let location = LexiconLocation.resolve(option: directory)
            do {
                let lex = try Lexicons.load(location, folder: folder)
                var out = StandardOutput()
                out.write("ok: \(lex.files.count) files, \(lex.entities.entries.count) entities, \(lex.units.entries.count) unit surfaces, "
                    + "\(lex.framing.cues.count) cues, \(lex.framing.modifiers.count) modifiers; hash \(lex.hash.prefix(16)) (\(location.description))\n")
                out.flush()
            } catch {
                for issue in error.issues { Diagnostics.note(issue.description) }
                Diagnostics.note("\(error.issues.count) problem\(error.issues.count == 1 ? "" : "s") in \(location.description)")
                throw ExitCode(2)
            }
        }
    }

    /// Writes the built-in lexicons out, byte for byte, as a folder to edit and pass back with
    /// --lexicons (or $FRAMESCOPE_LEXICONS).
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in lexicons to a folder, to edit and use with --lexicons.")

        @Argument(help: "The folder to write (created if missing).")
        var directory: String

        @Flag(help: "Replace lexicon files that already exist there.")
        var force = false

        func run() throws {
            let files = BuiltInLexicons.files
            let fm = FileManager.default
            // Nothing is written unless everything can be: an edited copy is never half replaced.
            let existing = files.map { directory + "/" + $0.path }.filter { fm.fileExists(atPath: $0) }
            if !existing.isEmpty && !force {
                for path in existing.prefix(5) { Diagnostics.note("exists: \(path)") }
                throw CLIError("\(directory): \(existing.count) lexicon file\(existing.count == 1 ? "" : "s") already there; use --force to replace them")
            }
            do { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw CLIError("\(directory): cannot create the folder (\(error.localizedDescription))")
            }
            // Temporary files sit in the target folder itself, so each rename stays on one file system.
            let writer = AtomicWriter(scratch: directory)
            for file in files {
                do { try writer.write(file.bytes, to: directory + "/" + file.path) } catch { throw CLIError("\(error)") }
            }
            var out = StandardOutput()
            out.write("wrote \(files.count) lexicon files to \(directory); use them with --lexicons \(directory)\n")
            out.flush()
        }
    }
}

/// Loads the lexicons a command uses (--lexicons, else $FRAMESCOPE_LEXICONS, else the built-in
/// copy), turning problems into exit code 2 with every issue listed.
func loadLexicons(_ option: String?, folder: Folder) throws -> Lexicons {
    let location = LexiconLocation.resolve(option: option)
    do {
        return try Lexicons.load(location, folder: folder)
    } catch {
        for issue in error.issues { Diagnostics.note(issue.description) }
        Diagnostics.note("\(error.issues.count) lexicon problem\(error.issues.count == 1 ? "" : "s") in \(location.description); fix them (framescope lexicon check) and run again")
        throw ExitCode(2)
    }
}
