import Crypto
import Foundation

/// Every lexicon Framescope uses, loaded from one folder or the built-in copy of `Lexicons/`.
/// Loaded once and shared read-only by all workers.
public struct Lexicons: Sendable {
    public var entities = EntityLexicon()
    public var units = UnitLexicon()
    public var framing = FramingLexicon()
    public var patterns = PatternLexicon()
    /// SHA-256 over every lexicon file's relative path and bytes: part of the cache key that
    /// decides whether a document must be annotated again.
    public private(set) var hash = ""
    public private(set) var files: [String] = []

    /// Where these lexicons were read from (nil for lexicons built in code), for `run.json`.
    public private(set) var location: LexiconLocation?

    public init() {}

    /// Loads the lexicon folder `directory`; every problem in every file is reported together.
    public static func load(directory: String, folder: Folder) throws(LexiconError) -> Lexicons {
        try load(LexiconLocation(origin: .option, source: .directory(directory)), folder: folder)
    }

    /// Loads lexicons from a folder or the built-in copy; every problem in every file is reported
    /// together. The hash covers relative paths and bytes only, so the built-in copy and the same
    /// files on disk hash alike.
    public static func load(_ location: LexiconLocation, folder: Folder) throws(LexiconError) -> Lexicons {
        var issues: [LexiconIssue] = []
        var lex = Lexicons()
        lex.location = location
        let source = location.source
        if case .directory(let directory) = source {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
                let named = switch location.origin {
                case .environment: " (named by $\(LexiconLocation.environmentVariable); fix it, or unset it to use the built-in lexicons)"
                case .option, .builtIn: ""
                }
                throw LexiconError(issues: [LexiconIssue(file: directory, line: 0, "lexicon folder not found" + named)])
            }
        }
        var hasher = SHA256()
        /// The file read, hashed and parsed (nil when it cannot be read or is malformed: the
        /// problem is in `issues`). The built-in copy's text files are known to be UTF-8.
        func parsed(_ relative: String, columns: [String], optionalEmpty: Set<String> = []) -> TSVTable? {
            guard let bytes = source.contents(relative) else {
                issues.append(LexiconIssue(file: relative, line: 0, "cannot be read"))
                return nil
            }
            hasher.update(data: Data(relative.utf8))
            hasher.update(data: bytes)
            lex.files.append(relative)
            return TSVTable.parse(bytes, file: relative, columns: columns, optionalEmpty: optionalEmpty,
                                  validUTF8: source.isKnownUTF8(relative), issues: &issues)
        }
        let entityFiles = source.files(in: "entities")
        if entityFiles.isEmpty { issues.append(LexiconIssue(file: "entities/", line: 0, "no entity lexicons (*.tsv) found")) }
        for file in entityFiles {
            if let table = parsed(file, columns: EntityLexicon.columns) { lex.entities.add(table, folder: folder, issues: &issues) }
        }
        if source.contains("units.tsv"), let table = parsed("units.tsv", columns: UnitLexicon.columns) {
            lex.units.add(table, folder: folder, issues: &issues)
        }
        if source.contains("patterns.tsv"), let table = parsed("patterns.tsv", columns: PatternLexicon.columns) {
            lex.patterns.add(table, folder: folder, issues: &issues)
        }
        for file in source.files(in: "framing") {
            if let table = parsed(file, columns: FramingLexicon.cueColumns, optionalEmpty: ["note"]) {
                lex.framing.addCues(table, folder: folder, issues: &issues)
            }
        }
        if source.contains("modifiers.tsv"), let table = parsed("modifiers.tsv", columns: FramingLexicon.modifierColumns) {
            lex.framing.addModifiers(table, folder: folder, issues: &issues)
            lex.framing.crossCheck(folder: folder, modifierFile: "modifiers.tsv", issues: &issues)
        }
        if source.contains("learned.tsv"), let table = parsed("learned.tsv", columns: LearnedModel.columns) {
            lex.framing.learned.load(table, issues: &issues)
        }
        guard issues.isEmpty else { throw LexiconError(issues: issues) }
        lex.hash = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return lex
    }
}
