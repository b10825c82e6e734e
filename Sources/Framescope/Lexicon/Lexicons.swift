import Crypto
import Foundation

/// Every lexicon Framescope uses, loaded from one folder (`Lexicons/` by default). Loaded once and
/// shared read-only by all workers.
public struct Lexicons: Sendable {
    public var entities = EntityLexicon()
    public var units = UnitLexicon()
    public var framing = FramingLexicon()
    public var patterns = PatternLexicon()
    /// SHA-256 over every lexicon file's relative path and bytes: part of the cache key that
    /// decides whether a document must be annotated again.
    public private(set) var hash = ""
    public private(set) var files: [String] = []

    public init() {}

    /// Loads `directory`; every problem in every file is reported together.
    public static func load(directory: String, folder: Folder) throws(LexiconError) -> Lexicons {
        var issues: [LexiconIssue] = []
        var lex = Lexicons()
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw LexiconError(issues: [LexiconIssue(file: directory, line: 0, "lexicon folder not found")])
        }
        func files(in sub: String) -> [String] {
            let path = sub.isEmpty ? directory : "\(directory)/\(sub)"
            let names = (try? fm.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".tsv") && !$0.hasPrefix(".") }.sorted().map { sub.isEmpty ? $0 : "\(sub)/\($0)" }
        }
        var hasher = SHA256()
        func read(_ relative: String) -> [UInt8]? {
            guard let data = fm.contents(atPath: "\(directory)/\(relative)") else {
                issues.append(LexiconIssue(file: relative, line: 0, "cannot be read"))
                return nil
            }
            hasher.update(data: Data(relative.utf8))
            hasher.update(data: data)
            lex.files.append(relative)
            return [UInt8](data)
        }
        let entityFiles = files(in: "entities")
        if entityFiles.isEmpty { issues.append(LexiconIssue(file: "entities/", line: 0, "no entity lexicons (*.tsv) found")) }
        for file in entityFiles {
            guard let bytes = read(file) else { continue }
            if let table = TSVTable.parse(bytes, file: file, columns: EntityLexicon.columns, issues: &issues) {
                lex.entities.add(table, folder: folder, issues: &issues)
            }
        }
        if fm.fileExists(atPath: "\(directory)/units.tsv"), let bytes = read("units.tsv"),
           let table = TSVTable.parse(bytes, file: "units.tsv", columns: UnitLexicon.columns, issues: &issues) {
            lex.units.add(table, folder: folder, issues: &issues)
        }
        if fm.fileExists(atPath: "\(directory)/patterns.tsv"), let bytes = read("patterns.tsv"),
           let table = TSVTable.parse(bytes, file: "patterns.tsv", columns: PatternLexicon.columns, issues: &issues) {
            lex.patterns.add(table, folder: folder, issues: &issues)
        }
        for file in files(in: "framing") {
            guard let bytes = read(file) else { continue }
            if let table = TSVTable.parse(bytes, file: file, columns: FramingLexicon.cueColumns, optionalEmpty: ["note"], issues: &issues) {
                lex.framing.addCues(table, folder: folder, issues: &issues)
            }
        }
        if fm.fileExists(atPath: "\(directory)/modifiers.tsv"), let bytes = read("modifiers.tsv"),
           let table = TSVTable.parse(bytes, file: "modifiers.tsv", columns: FramingLexicon.modifierColumns, issues: &issues) {
            lex.framing.addModifiers(table, folder: folder, issues: &issues)
            lex.framing.crossCheck(folder: folder, modifierFile: "modifiers.tsv", issues: &issues)
        }
        guard issues.isEmpty else { throw LexiconError(issues: issues) }
        lex.hash = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return lex
    }
}
