/// The two frames Framescope scores.
public enum Frame: String, Sendable, Codable, CaseIterable {
    case celebratory
    case strategicThreat = "strategic-threat"

    public var opposite: Frame { self == .celebratory ? .strategicThreat : .celebratory }
}

/// A framing cue from `Lexicons/framing/*.tsv` (`cue  frame  weight  lang  note`).
public struct CueEntry: Sendable, Hashable {
    public let cue: String
    public let frame: Frame
    public let weight: Double
    public let lang: String
    public let note: String?
}

/// What a modifier does to the cues in its scope.
public enum ModifierKind: String, Sendable, Codable, CaseIterable {
    /// Flips (negative factor) or cancels (0) the cues in scope.
    case negator
    case intensifier
    /// Weakens the cues in scope (may, could, 或将).
    case hedge
    /// Later clause weighs more: cues after × factor, cues before × 1/factor, in the sentence.
    case contrast
    /// Reported claims (says, according to, 称): cues in scope × factor.
    case attribution
    /// West, U.S., 西方: no effect alone; strategic-threat cues in the same sentence × factor.
    case audience
    /// The passage's stance towards a frame, whichever side of the marker the cue is on:
    /// 0 rejects it ("overblown", 危言耸听: the cue counts for neither frame), a negative factor
    /// distances the author from a frame it reports ("touted", 鼓吹: the cue counts for the
    /// author's side, the opposite frame), above 1 endorses it ("make no mistake").
    case stance
    /// Who is pressured: a marker that makes China (or the writer's own side, 我国/我们) the
    /// party under pressure. Strategic-threat cues in scope × factor (negative: pressure on China
    /// that China overcomes, or China's hold told with pride, is the celebratory frame's story).
    case target
    /// Whose achievement: a word naming China from outside (China, Beijing, 北京, 对岸, 中共) in
    /// the sentence or paragraph of a celebratory cue. In a text that warns the audience (the
    /// West, Washington, allies, 台湾) in its own threat sentences, such a record or breakthrough
    /// is the basis of the threat, not the author's celebration: celebratory cues in scope ×
    /// factor (0 to 1). The mirror of `target`.
    case holder
    /// The register of a legal or administrative notice (特此公告, 公告如下, "pursuant to",
    /// "hereby"): once the author's sentences carry such markers in two places, the document
    /// states rules rather than frames, and its strategic-threat cues (export control, 许可,
    /// 管制) × factor (0 to 1). Scope `document` only.
    case register
    /// The register of professional analysis (rating, forecast, scenario and market-report
    /// formulas: "base case", "credit opinion", "we expect", 环比, 评级, 情景, 收盘): once the
    /// author's sentences carry such markers in two places, the text measures and forecasts,
    /// and its cues of both frames (concentration, leverage, 风险, a price "record") × factor
    /// (0 to 1). Scope `document` only (framing v7).
    case analysis
    /// A noun for talk ("crowd", "headlines", 论, 之说) right after a closing quotation mark: the
    /// quoted words are a label the writer names, not uses, and count for neither frame (factor
    /// 0, scope `quotation`). Matched on the text after the mark, not by the phrase matcher.
    case label
}

/// How far a modifier reaches.
public enum ModifierScope: Sendable, Hashable, CustomStringConvertible {
    /// The next N tokens after the marker.
    case next(Int)
    /// To the end of the marker's clause (, ; : and their full-width forms, or the sentence end).
    case clause
    case sentence
    /// Every sentence of the marker's paragraph (a line of the text), on both sides of it.
    case paragraph
    /// Its own sentence, and the whole document once enough such markers stand in the author's
    /// sentences: a rejection of alarm ("overstated", 言过其实) argued through a text.
    case document
    /// The quotation that closes right before the marker (`label` markers only).
    case quotation

    public init?(_ text: String) {
        switch text {
        case "clause": self = .clause
        case "sentence": self = .sentence
        case "paragraph": self = .paragraph
        case "document": self = .document
        case "quotation": self = .quotation
        default:
            guard text.hasPrefix("next:"), let n = Int(text.dropFirst(5)), (1...20).contains(n) else { return nil }
            self = .next(n)
        }
    }

    public var description: String {
        switch self {
        case .next(let n): return "next:\(n)"
        case .clause: return "clause"
        case .sentence: return "sentence"
        case .paragraph: return "paragraph"
        case .document: return "document"
        case .quotation: return "quotation"
        }
    }
}

/// A modifier from `Lexicons/modifiers.tsv` (`cue  kind  factor  scope`).
public struct ModifierEntry: Sendable, Hashable {
    public let cue: String
    public let kind: ModifierKind
    public let factor: Double
    public let scope: ModifierScope
}

/// The `label` modifiers: nouns for talk that, right after a closing quotation mark, make the
/// quotation a label others use ("the 'hostage' crowd", “卡脖子”论调). They are looked up only
/// where a quotation closes, so they are kept out of the phrase matcher (which would find
/// "story" or 论 everywhere) and match the raw text: an English entry is one word, compared
/// case-insensitively; a Chinese entry is a prefix of what follows the mark, written in each
/// script it should match (论 and 論).
public struct LabelNouns: Sendable, Hashable {
    /// English words, lowercased.
    public private(set) var words: Set<String> = []
    /// Chinese entries as UTF-16, in lexicon order.
    public private(set) var prefixes: [[UInt16]] = []

    public init() {}

    public var count: Int { words.count + prefixes.count }

    /// Whether `cue` may be a label noun, and which list it joins: an English word of letters, `-`
    /// and `'`, or text starting with a CJK character or full-width form (U+3000 on).
    enum Shape { case english, chinese }
    static func shape(_ cue: String) -> Shape? {
        guard let first = cue.utf16.first else { return nil }
        if first >= 0x3000 { return cue.unicodeScalars.contains { $0.properties.isWhitespace } ? nil : .chinese }
        let letters = cue.utf16.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x2D || $0 == 0x27 }
        return letters ? .english : nil
    }

    /// Adds an entry; false when it is listed already.
    mutating func add(_ cue: String) -> Bool {
        switch Self.shape(cue) {
        case .english: return words.insert(cue.lowercased()).inserted
        case .chinese:
            let units = Array(cue.utf16)
            guard !prefixes.contains(units) else { return false }
            prefixes.append(units)
            return true
        case nil: return false
        }
    }

    /// Whether the text from `i` names talk: a Chinese entry starts there (when `u[i]` is CJK or
    /// full-width), or, after spaces, an English entry is the whole next word.
    func starts(_ u: [UInt16], at k: Int) -> Bool {
        var i = k
        if i < u.count, u[i] >= 0x3000 {
            return prefixes.contains { p in i + p.count <= u.count && u[i..<(i + p.count)].elementsEqual(p) }
        }
        while i < u.count, u[i] == 0x20 { i += 1 }
        var j = i
        while j < u.count, (u[j] >= 0x61 && u[j] <= 0x7A) || (u[j] >= 0x41 && u[j] <= 0x5A) || u[j] == 0x2D || u[j] == 0x27 { j += 1 }
        guard j > i else { return false }
        return words.contains(DocumentText.string(u, i..<j).lowercased())
    }

    /// Whether a short quotation ends with a noun for talk inside its own marks: “卡脖子论”,
    /// 「中國威脅論」, “依赖焦虑”, "the 'China threat theory'". Such a quotation names a
    /// label as much as “卡脖子”论 does. Chinese: at most `maxHan` units and two before the
    /// noun; English: at most `maxWords` words and one before the noun.
    func ends(_ u: [UInt16], in range: Range<Int>, maxHan: Int = 12, maxWords: Int = 4) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound, u[end - 1] == 0x20 { end -= 1 }
        guard end > range.lowerBound else { return false }
        if u[end - 1] >= 0x3000 {
            guard end - range.lowerBound <= maxHan else { return false }
            return prefixes.contains { p in
                end - range.lowerBound >= p.count + 2 && u[(end - p.count)..<end].elementsEqual(p)
            }
        }
        func letter(_ c: UInt16) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x2D || c == 0x27 }
        var i = end
        while i > range.lowerBound, letter(u[i - 1]) { i -= 1 }
        guard i < end, i > range.lowerBound, u[i - 1] == 0x20 else { return false }
        let before = DocumentText.string(u, range.lowerBound..<(i - 1))
        let count = before.split(whereSeparator: { $0 == " " }).count
        guard count >= 1, count + 1 <= maxWords else { return false }
        let word = DocumentText.string(u, i..<end).lowercased()
        return words.contains(word) && !Self.compoundHeads.contains(word)
    }

    /// Nouns for talk that also end everyday compounds ("red line", "production line"): after a
    /// quoted term they name talk ('the "decoupling" line'), inside the marks they do not.
    static let compoundHeads: Set<String> = ["line"]
}

/// Framing cues and modifiers, each indexed by folded phrase.
public struct FramingLexicon: Sendable {
    public private(set) var cues: [CueEntry] = []
    public private(set) var cueMatcher = PhraseMatcher()
    public private(set) var modifiers: [ModifierEntry] = []
    public private(set) var modifierMatcher = PhraseMatcher()
    /// The `label` rows of `modifiers.tsv`, apart from the other modifiers (see `LabelNouns`).
    public private(set) var labelNouns = LabelNouns()
    /// The word model of `learned.tsv` (empty when the folder has none).
    public internal(set) var learned = LearnedModel()
    private var cueFile: [String: String] = [:]

    public init() {}

    static let cueColumns = ["cue", "frame", "weight", "lang", "note"]
    static let modifierColumns = ["cue", "kind", "factor", "scope"]

    mutating func addCues(_ table: TSVTable, folder: Folder, issues: inout [LexiconIssue]) {
        // Columns by index and the tables sized once: 1,600 cues at start-up.
        let cCue = table.column("cue"), cFrame = table.column("frame"), cWeight = table.column("weight")
        let cLang = table.column("lang"), cNote = table.column("note")
        cues.reserveCapacity(cues.count + table.rows.count)
        cueFile.reserveCapacity(cueFile.count + table.rows.count)
        for row in table.rows {
            guard let frame = Frame(rawValue: row[cFrame]) else {
                issues.append(LexiconIssue(file: table.file, line: row.line, "unknown frame '\(row[cFrame])'; use celebratory or strategic-threat"))
                continue
            }
            guard let weight = row.double(cWeight), (0.5...3).contains(weight) else {
                issues.append(LexiconIssue(file: table.file, line: row.line, "weight '\(row[cWeight])' must be a number from 0.5 to 3"))
                continue
            }
            let lang = row[cLang]
            guard ["en", "zh"].contains(lang) else {
                issues.append(LexiconIssue(file: table.file, line: row.line, "unknown lang '\(lang)'; use en or zh"))
                continue
            }
            let noteField = row[cNote]
            let note = noteField == "-" || noteField.isEmpty ? nil : noteField
            if weight >= 2 && note == nil {
                issues.append(LexiconIssue(file: table.file, line: row.line, "cue '\(row[cCue])' has weight \(row[cWeight]) but no note; strong cues need a reason"))
                continue
            }
            let entry = CueEntry(cue: row[cCue], frame: frame, weight: weight, lang: lang, note: note)
            switch cueMatcher.add(entry.cue, payload: Int32(cues.count), folder: folder) {
            case .added:
                cues.append(entry)
                cueFile[entry.cue] = table.file
            case .emptyKey:
                issues.append(LexiconIssue(file: table.file, line: row.line, "cue '\(entry.cue)' folds to nothing"))
            case .duplicate(let other):
                let o = cues[Int(other)]
                issues.append(LexiconIssue(file: table.file, line: row.line,
                    "cue '\(entry.cue)' is the same phrase as '\(o.cue)' (\(o.frame.rawValue), \(cueFile[o.cue] ?? "?")); keep one"))
            }
        }
    }

    mutating func addModifiers(_ table: TSVTable, folder: Folder, issues: inout [LexiconIssue]) {
        for row in table.rows {
            guard let kind = ModifierKind(rawValue: row["kind"]) else {
                issues.append(LexiconIssue(file: table.file, line: row.line,
                    "unknown kind '\(row["kind"])'; use \(ModifierKind.allCases.map(\.rawValue).joined(separator: ", "))"))
                continue
            }
            guard let factor = Double(row["factor"]), factor.isFinite, (-3...3).contains(factor) else {
                issues.append(LexiconIssue(file: table.file, line: row.line, "factor '\(row["factor"])' must be a number from -3 to 3"))
                continue
            }
            guard let scope = ModifierScope(row["scope"]) else {
                issues.append(LexiconIssue(file: table.file, line: row.line, "scope '\(row["scope"])' must be next:N (1–20), clause, sentence, paragraph or document"))
                continue
            }
            if scope == .paragraph && kind != .stance && kind != .holder && kind != .target {
                issues.append(LexiconIssue(file: table.file, line: row.line, "only stance, target and holder markers reach a whole paragraph; use clause or sentence"))
                continue
            }
            if kind == .holder && scope != .sentence && scope != .paragraph {
                issues.append(LexiconIssue(file: table.file, line: row.line, "a holder marker reaches its sentence or its paragraph; use sentence or paragraph"))
                continue
            }
            if (kind == .register || kind == .analysis) && scope != .document {
                issues.append(LexiconIssue(file: table.file, line: row.line, "a register marker speaks for the whole document; use scope document"))
                continue
            }
            if scope == .document && kind != .register && kind != .analysis && (kind != .stance || factor != 0) {
                issues.append(LexiconIssue(file: table.file, line: row.line, "only rejecting stance markers (factor 0), register and analysis markers reach the whole document"))
                continue
            }
            if (kind == .holder || kind == .register || kind == .analysis) && !(0...1).contains(factor) {
                issues.append(LexiconIssue(file: table.file, line: row.line, "\(kind.rawValue) factor must be from 0 to 1 (it weakens cues)"))
                continue
            }
            if (kind == .contrast || kind == .audience) && factor <= 0 {
                issues.append(LexiconIssue(file: table.file, line: row.line, "\(kind.rawValue) factor must be positive"))
                continue
            }
            if (kind == .label) != (scope == .quotation) {
                issues.append(LexiconIssue(file: table.file, line: row.line, kind == .label
                    ? "a label noun reaches the quotation before it; use scope quotation" : "only label nouns take scope quotation"))
                continue
            }
            if kind == .label {
                if factor != 0 {
                    issues.append(LexiconIssue(file: table.file, line: row.line, "a quoted label counts for neither frame; use factor 0"))
                } else if LabelNouns.shape(row["cue"]) == nil {
                    issues.append(LexiconIssue(file: table.file, line: row.line,
                        "label noun '\(row["cue"])' must be one English word (letters, - and ') or Chinese text without spaces"))
                } else if !labelNouns.add(row["cue"]) {
                    issues.append(LexiconIssue(file: table.file, line: row.line, "label noun '\(row["cue"])' is listed twice; keep one"))
                }
                continue
            }
            let entry = ModifierEntry(cue: row["cue"], kind: kind, factor: factor, scope: scope)
            switch modifierMatcher.add(entry.cue, payload: Int32(modifiers.count), folder: folder) {
            case .added: modifiers.append(entry)
            case .emptyKey: issues.append(LexiconIssue(file: table.file, line: row.line, "modifier '\(entry.cue)' folds to nothing"))
            case .duplicate(let other):
                issues.append(LexiconIssue(file: table.file, line: row.line,
                    "modifier '\(entry.cue)' is the same phrase as '\(modifiers[Int(other)].cue)'; keep one"))
            }
        }
    }

    /// A phrase may be a cue or a modifier, not both: reports the overlaps.
    func crossCheck(folder: Folder, modifierFile: String, issues: inout [LexiconIssue]) {
        for m in modifiers {
            var key = m.cue
            if key.hasSuffix("*") { key.removeLast() }
            let folded = PhraseMatcher.key(key, folder: folder)
            if m.cue.hasSuffix("*") ? cueMatcher.globs.contains(folded) : cueMatcher.trie.contains(folded) {
                issues.append(LexiconIssue(file: modifierFile, line: 0, "'\(m.cue)' is both a modifier and a framing cue; keep one"))
            }
        }
    }
}
