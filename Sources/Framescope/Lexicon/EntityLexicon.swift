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
    /// The types a lexicon row may name (quantities are found, not listed).
    static let persistent = EntityType.allCases.filter { $0 != .quantity }
    /// The UTF-8 of each persistent type's name and of each language, compared with the fields.
    static let persistentNames = persistent.map { (type: $0, name: Array($0.rawValue.utf8)) }
    static let languageBytes = [Array("en".utf8), Array("zh".utf8), Array("und".utf8)]

    /// Adds the rows of one file; problems are appended to `issues` with file and line.
    ///
    /// Start-up reads some 19,000 rows here. The type, language and a repeated id or canonical
    /// are compared as bytes, and a row with the id of the row before it (the usual layout: one
    /// line per surface) reuses that row's entry without building the id or looking it up; the
    /// Strings and lookups are kept for what differs, so every message is as before.
    mutating func add(_ table: TSVTable, folder: Folder, issues: inout [LexiconIssue]) {
        let persistent = Self.persistent, persistentNames = Self.persistentNames, languageBytes = Self.languageBytes
        let cID = table.column("id"), cType = table.column("type"), cCanonical = table.column("canonical")
        let cSurface = table.column("surface"), cLang = table.column("lang")
        entries.reserveCapacity(entries.count + table.rows.count)
        surfaceEntity.reserveCapacity(surfaceEntity.count + table.rows.count)
        surfaceIsAcronym.reserveCapacity(surfaceIsAcronym.count + table.rows.count)
        surfaceCapitals.reserveCapacity(surfaceCapitals.count + table.rows.count)
        indexByID.reserveCapacity(indexByID.count + table.rows.count / 2)
        /// The row before's id bytes and entry (nil when it was rejected before its entry was known).
        var previous: (row: TSVTable.Row, index: Int)?
        for row in table.rows {
            let type: EntityType
            if let t = persistentNames.first(where: { row.field(cType, equals: $0.name) }) {
                type = t.type
            } else {
                let typeName = row[cType]
                guard let t = EntityType(rawValue: typeName), persistent.contains(t) else {
                    issues.append(LexiconIssue(file: table.file, line: row.line,
                        "unknown type '\(typeName)'; use one of \(persistent.map(\.rawValue).joined(separator: ", "))"))
                    previous = nil
                    continue
                }
                type = t
            }
            guard languageBytes.contains(where: { row.field(cLang, equals: $0) }) || Self.languages.contains(row[cLang]) else {
                issues.append(LexiconIssue(file: table.file, line: row.line, "unknown lang '\(row[cLang])'; use en, zh or und"))
                previous = nil
                continue
            }
            let index: Int
            let existing: Int?
            if let previous, row.field(cID, equalsFieldOf: previous.row) {
                existing = previous.index
            } else {
                existing = indexByID[row[cID]]
            }
            if let existing {
                let e = entries[existing]
                if e.type != type || !(row.field(cCanonical, equals: e.canonical) || e.canonical == row[cCanonical]) {
                    issues.append(LexiconIssue(file: table.file, line: row.line,
                        "id '\(row[cID])' was declared as \(e.type.rawValue) '\(e.canonical)'; every line of an id must repeat the same type and canonical"))
                    previous = nil
                    continue
                }
                index = existing
            } else {
                let id = row[cID]
                index = entries.count
                indexByID[id] = index
                entries.append(EntityEntry(id: id, type: type, canonical: row[cCanonical], surfaces: []))
            }
            previous = (row, index)
            let surface = row[cSurface]
            switch matcher.add(surface, payload: Int32(surfaceEntity.count), folder: folder) {
            case .added:
                entries[index].surfaces.append(surface)
                surfaceEntity.append(Int32(index))
                surfaceIsAcronym.append(Self.isAcronym(surface))
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

    /// Whether `surface` is 2–5 capital letters A–Z, nothing else (see `surfaceIsAcronym`). On
    /// bytes: a Character that is ASCII and upper case is one of these bytes, so the count of
    /// Characters is the count of bytes.
    static func isAcronym(_ surface: String) -> Bool {
        let utf8 = surface.utf8
        return (2...5).contains(utf8.count) && utf8.allSatisfy { (0x41...0x5A).contains($0) }
    }
}
