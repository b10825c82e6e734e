/// Words that shape names the lexicon does not know yet, from `Lexicons/patterns.tsv`
/// (`word  role  lang`): company suffixes, organization heads, person titles, speech verbs, and
/// modifiers that join a material name ("sintered", 高性能).
public struct PatternLexicon: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case companySuffix = "company-suffix"
        case orgHead = "org-head"
        case personTitle = "person-title"
        case speechVerb = "speech-verb"
        case materialModifier = "material-modifier"
    }

    /// Folded English words (or short phrases) per role.
    public private(set) var english: [Role: Set<String>] = [:]
    /// Folded Chinese words per role, longest first.
    public private(set) var chinese: [Role: [[UInt32]]] = [:]
    /// The first characters of the Chinese words per role: scans test these at every character
    /// before trying the word lists.
    public private(set) var chineseStarts: [Role: ScalarSet] = [:]
    /// The last characters of the Chinese words per role, for scans that look backwards
    /// (modifiers before a material name).
    public private(set) var chineseEnds: [Role: ScalarSet] = [:]

    public init() {}

    static let columns = ["word", "role", "lang"]

    mutating func add(_ table: TSVTable, folder: Folder, issues: inout [LexiconIssue]) {
        for row in table.rows {
            guard let role = Role(rawValue: row["role"]) else {
                issues.append(LexiconIssue(file: table.file, line: row.line,
                    "unknown role '\(row["role"])'; use \(Role.allCases.map(\.rawValue).joined(separator: ", "))"))
                continue
            }
            let key = folder.fold(row["word"])
            guard !key.isEmpty else {
                issues.append(LexiconIssue(file: table.file, line: row.line, "word '\(row["word"])' folds to nothing"))
                continue
            }
            switch row["lang"] {
            case "en": english[role, default: []].insert(key)
            case "zh": chinese[role, default: []].append(key.unicodeScalars.map(\.value))
            default:
                issues.append(LexiconIssue(file: table.file, line: row.line, "unknown lang '\(row["lang"])'; use en or zh"))
            }
        }
        for role in Role.allCases {
            chinese[role]?.sort { $0.count > $1.count }
            chineseStarts[role] = ScalarSet((chinese[role] ?? []).compactMap(\.first))
            chineseEnds[role] = ScalarSet((chinese[role] ?? []).compactMap(\.last))
        }
    }
}
