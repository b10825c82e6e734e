/// The kinds of entity Framescope tags.
public enum EntityType: String, Sendable, Codable, CaseIterable, Comparable {
    case company, material, organization, place, person, quantity

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// One canonical entity with its surface forms in every language and script.
public struct EntityEntry: Sendable, Hashable {
    public let id: String
    public let type: EntityType
    public let canonical: String
    public var surfaces: [String]
}

/// Companies, materials, organizations, places and persons from `Lexicons/entities/*.tsv`
/// (`id  type  canonical  surface  lang`), indexed by folded surface.
public struct EntityLexicon: Sendable {
    public private(set) var entries: [EntityEntry] = []
    /// Matches surfaces; a match's payload indexes `surfaceEntity` and `surfaceIsAcronym`.
    public private(set) var matcher = PhraseMatcher()
    /// The entry each surface names.
    public private(set) var surfaceEntity: [Int32] = []
    /// All-capital ASCII surfaces of 2–5 letters (US, CAS, SMM) match only text written in
    /// capitals, so "us" and "cas" in running text are not entities.
    public private(set) var surfaceIsAcronym: [Bool] = []
    /// Latin names of firms and bodies written with a capital first letter ("Senate", "Parliament",
    /// "Bloomberg") match only text that starts with a capital: the same words in lower case are
    /// ordinary words ("the senate of a university", "members of parliament", "bloomberg.net").
    /// 1: the first word is capitalised; 2: every word is ("U.S. Steel" is not "U.S. steel imports").
    public private(set) var surfaceCapitals: [UInt8] = []
    private var indexByID: [String: Int] = [:]

    public init() {}

    public func entry(id: String) -> EntityEntry? { indexByID[id].map { entries[$0] } }

    static let columns = ["id", "type", "canonical", "surface", "lang"]

    /// See `surfaceCapitals`: 0 for other types and for surfaces that start with no capital.
    static func capitals(_ surface: String, _ type: EntityType) -> UInt8 {
        guard type == .company || type == .organization else { return 0 }
        // One pass over the UTF-8 bytes (this runs for every surface at start-up): the first byte
        // of each space-separated word.
        var words = 0, all = true, atStart = true
        for b in surface.utf8 {
            if b == 0x20 { atStart = true; continue }
            guard atStart else { continue }
            atStart = false
            let capital = (0x41...0x5A).contains(b)
            if words == 0 && !capital { return 0 }
            if !capital { all = false }
            words += 1
        }
        return words == 0 ? 0 : words > 1 && all ? 2 : 1
    }
    static let languages: Set<String> = ["en", "zh", "und"]

    /// Adds the rows of one file; problems are appended to `issues` with file and line.
    mutating func add(_ table: TSVTable, folder: Folder, issues: inout [LexiconIssue]) {
        let persistent = EntityType.allCases.filter { $0 != .quantity }
        for row in table.rows {
            let id = row["id"], typeName = row["type"], canonical = row["canonical"], surface = row["surface"], lang = row["lang"]
            guard let type = EntityType(rawValue: typeName), persistent.contains(type) else {
                issues.append(LexiconIssue(file: table.file, line: row.line,
                    "unknown type '\(typeName)'; use one of \(persistent.map(\.rawValue).joined(separator: ", "))"))
                continue
            }
            guard Self.languages.contains(lang) else {
                issues.append(LexiconIssue(file: table.file, line: row.line, "unknown lang '\(lang)'; use en, zh or und"))
                continue
            }
            let index: Int
            if let existing = indexByID[id] {
                let e = entries[existing]
                if e.type != type || e.canonical != canonical {
                    issues.append(LexiconIssue(file: table.file, line: row.line,
                        "id '\(id)' was declared as \(e.type.rawValue) '\(e.canonical)'; every line of an id must repeat the same type and canonical"))
                    continue
                }
                index = existing
            } else {
                index = entries.count
                indexByID[id] = index
                entries.append(EntityEntry(id: id, type: type, canonical: canonical, surfaces: []))
            }
            switch matcher.add(surface, payload: Int32(surfaceEntity.count), folder: folder) {
            case .added:
                entries[index].surfaces.append(surface)
                surfaceEntity.append(Int32(index))
                surfaceIsAcronym.append((2...5).contains(surface.count) && surface.allSatisfy { $0.isASCII && $0.isUppercase })
                surfaceCapitals.append(Self.capitals(surface, type))
            case .emptyKey:
                issues.append(LexiconIssue(file: table.file, line: row.line, "surface '\(surface)' folds to nothing"))
            case .duplicate(let other):
                let owner = Int(surfaceEntity[Int(other)])
                if owner != index {
                    issues.append(LexiconIssue(file: table.file, line: row.line,
                        "surface '\(surface)' is already a surface of '\(entries[owner].id)'; one surface cannot name two entities"))
                }
            }
        }
    }
}
