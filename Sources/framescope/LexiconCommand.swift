import ArgumentParser
import Foundation
import Framescope

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Check lexicons, export the built-in ones for editing, suggest entries from annotations, or train the word model.",
        subcommands: [Check.self, Export.self, Suggest.self, Train.self]
    )

    /// Fits the word model (`learned.tsv`) to hand-coded documents: the supervised half of the
    /// framing score, retrained by a researcher on their own coded sample.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit the word model (learned.tsv) to coded documents.",
            discussion: """
            CODES is a CSV or TSV with id and label columns, as for validate; ids are the document \
            ids annotate gives the files of CORPUS (their paths without extension). Two logistic \
            regressions over the documents' words (tf-idf) are fitted: the lean, on the documents \
            coded celebratory or strategic-threat, and framed against neutral, on all. Prints \
            cross-validated AUC and accuracy (never in-sample ones) and writes the models; put the \
            file in a lexicon folder as learned.tsv and annotate with --lexicons, or rebuild to make \
            it the built-in one.
            """)

        @Argument(help: "The human codes (CSV or TSV).")
        var codes: String

        @Argument(help: "The corpus folder the codes refer to.")
        var corpus: String

        @Option(name: .shortAndLong, help: "The model file to write.")
        var output = "learned.tsv"

        @Option(help: "Inverse regularisation strength (scikit-learn's C).")
        var c = 100.0

        @Option(help: "Keep words found in at least this many training documents.")
        var minDocuments = 2

        @Option(help: "The lexicon folder whose tokenizer settings to use (default: $FRAMESCOPE_LEXICONS if set, else the built-in lexicons).")
        var lexicons: String?

        func validate() throws {
            guard c > 0 else { throw ValidationError("--c must be positive") }
            guard minDocuments >= 1 else { throw ValidationError("--min-documents must be at least 1") }
        }

        func run() throws {
            let sheet: CodingSheet
            do { sheet = try CodingSheet.load(path: codes) } catch { throw CLIError("\(error)") }
            var labels: [String: FramingLabel] = [:]
            for code in sheet.codes {
                if let seen = labels[code.id], seen != code.label {
                    throw CLIError("\(codes):\(code.line): \(code.id) is coded both \(seen.rawValue) and \(code.label.rawValue); train on one label per document")
                }
                labels[code.id] = code.label
            }
            let folder = try Folder()
            let lex = try loadLexicons(lexicons, folder: folder)
            let annotator = try Annotator(lexicons: lex)
            let loader: DocumentLoader
            do { loader = try DocumentLoader(corpusRoot: corpus) } catch { throw CLIError("\(error)") }
            var examples: [LearnedTraining.Example] = []
            var failures = 0
            CorpusWalker(root: corpus).walk(problem: { Diagnostics.note("\($0)"); failures += 1 }) { entry in
                let id = DocumentLoader.id(forFile: entry.relativePath)
                guard let label = labels[id] else { return }
                switch loader.load(file: entry) {
                case .success(let doc): examples.append(.init(id: id, features: annotator.learnedFeatures(doc), label: label))
                case .failure(let error): Diagnostics.note("\(error)"); failures += 1
                }
            }
            let found = Set(examples.map(\.id))
            let missing = labels.keys.filter { !found.contains($0) }.sorted()
            if !missing.isEmpty {
                Diagnostics.note("warning: \(missing.count) coded id(s) not found in \(corpus) (first: \(missing[0]))")
            }
            examples.sort { $0.id < $1.id }
            guard examples.contains(where: { $0.label == .strategicThreat }), examples.contains(where: { $0.label == .celebratory }) else {
                throw CLIError("\(codes): training needs documents coded celebratory and documents coded strategic-threat in \(corpus)")
            }
            var settings = LearnedTraining.Settings()
            settings.c = c
            settings.minDocuments = minDocuments
            let (model, report) = LearnedTraining.train(examples, settings: settings)
            let summary = String(format: "%d documents (%d strategic-threat, %d celebratory, %d neutral or mixed), %d words; %d-fold cross-validated: "
                                 + "lean AUC %.3f, accuracy %.3f; framed AUC %.3f, accuracy %.3f; scale %.4f",
                                 report.documents, report.threat, report.celebratory, report.documents - report.threat - report.celebratory,
                                 report.vocabulary, settings.folds, report.auc, report.accuracy, report.framedAUC, report.framedAccuracy, report.scale)
            let text = model.tsv(comment: [
                "The word model of the framing score: written by framescope lexicon train; edit by retraining.",
                "Trained on \(corpus) with C = \(c), words in >= \(minDocuments) documents.",
                summary,
                "feature: folded word ((number) = any number); idf; lean and framed: log-odds per unit of tf-idf (strategic-threat vs celebratory; framed vs neutral).",
                "(intercept): both models' intercepts; (scale): cue-mass units per unit of lean log-odds.",
            ])
            do { try AtomicWriter(scratch: URL(fileURLWithPath: output).deletingLastPathComponent().path).write(Array(text.utf8), to: output) } catch {
                throw CLIError("\(output): cannot write (\(error))")
            }
            var out = StandardOutput()
            out.write(summary + "\nwrote \(output)\n")
            out.flush()
            if failures > 0 { throw ExitCode(1) }
        }
    }

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
