/// brat standoff: the untouched text (`<id>.txt`) beside `<id>.ann` with a `T` line per entity
/// and cue and an `AnnotatorNotes` line holding canonical ids, values and weights. brat counts
/// offsets in characters (code points), as Framescope does; a span that crosses a line break is
/// written as fragments, since brat does not allow one across lines.
public enum BratWriter {
    static func typeName(_ t: EntityType) -> String { t.rawValue.prefix(1).uppercased() + t.rawValue.dropFirst() }

    public static func annotations(_ doc: AnnotatedDocument) -> [UInt8] {
        var lines: [String] = []
        var t = 0
        var note = 0
        let text = doc.text
        func fragments(_ start: Int, _ end: Int, _ utf16Start: Int, _ utf16End: Int) -> (String, String) {
            // Split at line breaks into start–end pairs; the text column joins fragments with a space.
            var pieces: [(Int, Int)] = []
            var pieceStart = start
            var cp = start
            var texts: [String] = []
            var u = utf16Start
            var pieceU = utf16Start
            while u < utf16End {
                let unit = text.utf16[u]
                let width = UTF16.isLeadSurrogate(unit) && u + 1 < utf16End ? 2 : 1
                if unit == 0x0A || unit == 0x0D {
                    if cp > pieceStart { pieces.append((pieceStart, cp)); texts.append(text.substring(utf16: pieceU..<u)) }
                    pieceStart = cp + 1
                    pieceU = u + 1
                }
                u += width
                cp += 1
            }
            if cp > pieceStart { pieces.append((pieceStart, cp)); texts.append(text.substring(utf16: pieceU..<u)) }
            return (pieces.map { "\($0.0) \($0.1)" }.joined(separator: ";"), texts.joined(separator: " "))
        }
        for e in doc.entities {
            t += 1
            let (offsets, surface) = fragments(e.start, e.end, e.utf16Start, e.utf16End)
            lines.append("T\(t)\t\(typeName(e.type)) \(offsets)\t\(surface)")
            var parts: [String] = []
            if let id = e.id { parts.append(id) }
            if let c = e.canonical { parts.append(c) }
            if e.source == .pattern { parts.append("pattern") }
            if e.source == .shortForm { parts.append("short-form") }
            if let q = e.quantity {
                parts.append("value=\(JSONWriter.format(q.value))")
                if let u = q.unit { parts.append("unit=\(u)") }
                if let b = q.baseValue { parts.append("base_value=\(JSONWriter.format(b))") }
                if q.approx { parts.append("approx") }
            }
            if !parts.isEmpty {
                note += 1
                lines.append("#\(note)\tAnnotatorNotes T\(t)\t\(parts.joined(separator: " | "))")
            }
        }
        for c in doc.cues {
            t += 1
            let (offsets, surface) = fragments(c.start, c.end, c.utf16Start, c.utf16End)
            let type = c.scoredFrame == .celebratory ? "Celebratory_cue" : "Threat_cue"
            lines.append("T\(t)\t\(type) \(offsets)\t\(surface)")
            note += 1
            let mods = c.modifiers.map { "\($0.kind) \($0.text) ×\(JSONWriter.format($0.factor, digits: 3))" }.joined(separator: ", ")
            lines.append("#\(note)\tAnnotatorNotes T\(t)\tcue=\(c.cue) weight=\(JSONWriter.format(c.weight)) score=\(JSONWriter.format(c.score, digits: 3))"
                + (mods.isEmpty ? "" : " | \(mods)"))
        }
        return Array((lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")).utf8)
    }

    /// The collection's `annotation.conf`, so brat knows the types.
    public static let configuration = """
    [entities]
    Company
    Material
    Organization
    Place
    Person
    Quantity
    Celebratory_cue
    Threat_cue

    [relations]

    [events]

    [attributes]

    """
}
