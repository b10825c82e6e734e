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
        /// A registered-name ending ("Ltd", "GmbH", "S.A."): the words after a name that belong
        /// to its legal span.
        case legalSuffix = "legal-suffix"
        /// A verb, time word, pronoun or determiner: no name contains one, a name starts after
        /// it (开采, 去年, 我国; "yesterday").
        case clauseWord = "clause-word"
        /// A common noun or adjective that is no name by itself (上市, 下游, 新型; "national"):
        /// a name head made only of these is no name, and no short form is one.
        case genericWord = "generic-word"
        /// Numerals (三, 多, 几): with a measure word after them they end a clause, not start a name.
        case numeral = "numeral"
        /// Measure words (家, 个, 种): 三家, 多家.
        case measureWord = "measure-word"
        /// An industry word that ends a name head (科技, 材料, 钢铁; "Motor"): a short form may drop it
        /// (江西金力永磁科技股份有限公司 → 金力永磁).
        case descriptor = "descriptor"
        /// The end of a unit's name inside a known organization (司, 局, 办公室): 工信部原材料工业司,
        /// 行政院经贸谈判办公室. It makes a name only after a known organization, with at least two
        /// characters between them (工信部布局 and 商务部官司 are no names).
        case orgUnit = "org-unit"
        /// An industry, sector or ownership word (汽车, 证券, 航运, 中资, 跨国): a firm's name head made
        /// only of these and common words is no name (证券公司, 新能源汽车公司, 跨国公司 are kinds of
        /// firm), but an organization's name may start with one (冶金工业规划研究院, 电子科技大学).
        case sectorWord = "sector-word"
        /// A zone or an administrative designator after a known place, which makes one place with
        /// it (赣州 + 高新技术产业开发区, 包头 + 稀土 + 高新区, "Longnan" + "County", "Ganzhou" +
        /// "High-tech Zone"): the conventions keep an attached designator and count development
        /// zones as places.
        case placeSuffix = "place-suffix"
    }

    /// Folded English words (or short phrases) per role.
    public private(set) var english: [Role: Set<String>] = [:]
    /// The English words per role as folded scalars grouped by their first scalar: scans that test
    /// many short runs (a place's designator) compare scalars instead of building a String per run.
    public private(set) var englishByFirst: [Role: [UInt32: [[UInt32]]]] = [:]
    /// Folded Chinese words per role, longest first.
    public private(set) var chinese: [Role: [[UInt32]]] = [:]
    /// The first characters of the Chinese words per role: scans test these at every character
    /// before trying the word lists.
    public private(set) var chineseStarts: [Role: ScalarSet] = [:]
    /// The last characters of the Chinese words per role, for scans that look backwards
    /// (modifiers before a material name).
    public private(set) var chineseEnds: [Role: ScalarSet] = [:]

    /// Company suffixes and organization heads together, longest first, grouped by their first
    /// character: the Chinese name scan tries only the words that start where it stands.
    public private(set) var chineseNameEndings: [UInt32: [(key: [UInt32], role: Role)]] = [:]
    /// The first characters of those words.
    public private(set) var chineseNameEndingStarts = ScalarSet()

    /// The Chinese words per role grouped by their last character, longest first: backward scans
    /// try only the words that end where they stand.
    public private(set) var chineseByLast: [Role: [UInt32: [[UInt32]]]] = [:]
    /// The same grouped by their first character, longest first, for forward scans.
    public private(set) var chineseByFirst: [Role: [UInt32: [[UInt32]]]] = [:]

    /// The generic and sector words together, grouped as `chineseByFirst` and `chineseByLast` are
    /// (longest first), with their first and last characters: a firm's name head reads both as
    /// common words. Built once here rather than per document.
    public private(set) var firmCommonByFirst: [UInt32: [[UInt32]]] = [:]
    public private(set) var firmCommonByLast: [UInt32: [[UInt32]]] = [:]
    public private(set) var firmCommonStarts = ScalarSet()
    public private(set) var firmCommonEnds = ScalarSet()

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
            chineseByLast[role] = Dictionary(grouping: chinese[role] ?? [], by: { $0[$0.count - 1] })
            chineseByFirst[role] = Dictionary(grouping: chinese[role] ?? [], by: { $0[0] })
            englishByFirst[role] = Dictionary(grouping: (english[role] ?? []).map { $0.unicodeScalars.map(\.value) }, by: { $0[0] })
        }
        let common = ((chinese[.genericWord] ?? []) + (chinese[.sectorWord] ?? [])).sorted { $0.count > $1.count }
        firmCommonByFirst = Dictionary(grouping: common, by: { $0[0] })
        firmCommonByLast = Dictionary(grouping: common, by: { $0[$0.count - 1] })
        firmCommonStarts = ScalarSet(common.compactMap(\.first))
        firmCommonEnds = ScalarSet(common.compactMap(\.last))
        let endings = (chinese[.companySuffix] ?? []).map { (key: $0, role: Role.companySuffix) }
            + (chinese[.orgHead] ?? []).map { (key: $0, role: Role.orgHead) }
            + (chinese[.orgUnit] ?? []).map { (key: $0, role: Role.orgUnit) }
        // Grouping keeps the longest-first order within each first character.
        chineseNameEndings = Dictionary(grouping: endings.sorted { $0.key.count > $1.key.count }, by: { $0.key[0] })
        chineseNameEndingStarts = ScalarSet(Array(chineseNameEndings.keys))
    }
}
