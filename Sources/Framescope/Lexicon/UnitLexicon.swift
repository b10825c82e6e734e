/// A unit of measure: its canonical symbol, dimension and factor to the dimension's base unit.
public struct UnitEntry: Sendable, Hashable {
    public let surface: String
    public let unit: String
    public let dimension: String
    public let factor: Double
}

/// `Lexicons/units.tsv` (`surface  unit  dimension  factor_to_base`), indexed by folded surface.
public struct UnitLexicon: Sendable {
    public private(set) var entries: [UnitEntry] = []
    public private(set) var matcher = PhraseMatcher()
    /// The last folded scalar of every currency surface (with the hyphen and the space, which the
    /// matcher treats as one): a currency written before a number can only end on one of these, so
    /// the quantity finder looks back for one only there. Nil when a currency surface is a glob,
    /// whose matches may end on any letter.
    public private(set) var currencyLast: ScalarSet? = ScalarSet()
    private var currencyLastScalars: [UInt32] = []
    private var currencyGlob = false

    public init() {}

    static let columns = ["surface", "unit", "dimension", "factor_to_base"]

    mutating func add(_ table: TSVTable, folder: Folder, issues: inout [LexiconIssue]) {
        for row in table.rows {
            guard let factor = Double(row["factor_to_base"]), factor.isFinite, factor > 0 else {
                issues.append(LexiconIssue(file: table.file, line: row.line,
                    "factor_to_base '\(row["factor_to_base"])' is not a positive number"))
                continue
            }
            let entry = UnitEntry(surface: row["surface"], unit: row["unit"], dimension: row["dimension"], factor: factor)
            switch matcher.add(entry.surface, payload: Int32(entries.count), folder: folder) {
            case .added:
                entries.append(entry)
                if entry.dimension.hasPrefix("currency") {
                    if entry.surface.hasSuffix("*") { currencyGlob = true }
                    if let last = folder.foldedScalars(entry.surface).last {
                        currencyLastScalars += last == 0x2D || last == 0x20 ? [0x2D, 0x20] : [last]
                    }
                }
            case .emptyKey: issues.append(LexiconIssue(file: table.file, line: row.line, "surface '\(entry.surface)' folds to nothing"))
            case .duplicate(let other):
                let o = entries[Int(other)]
                if o.unit != entry.unit || o.factor != entry.factor || o.dimension != entry.dimension {
                    issues.append(LexiconIssue(file: table.file, line: row.line,
                        "surface '\(entry.surface)' is already the unit \(o.unit) (\(o.dimension), factor \(o.factor))"))
                }
            }
        }
        matcher.compact()
        currencyLast = currencyGlob ? nil : ScalarSet(currencyLastScalars)
    }
}
