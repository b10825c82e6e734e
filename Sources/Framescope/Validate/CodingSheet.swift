import Foundation

/// One human coding decision: a row of the CODES file.
public struct HumanCode: Sendable, Hashable {
    public var id: String
    public var label: FramingLabel
    /// The coder's name; empty when the file has no `coder` column.
    public var coder: String
    /// The row's value in the group column, when there is one.
    public var group: String?
    /// The line the row starts on (1-based), for messages.
    public var line: Int
}

/// The CODES file of `framescope validate`: a CSV or TSV with a header naming `id` and `label`
/// columns, an optional `coder` column (several coders give several rows per id) and an optional
/// group column. Written by hand because it must read what spreadsheets write (a BOM, CRLF,
/// quoted fields with delimiters, quotes and line breaks inside, UTF-16 from Excel's "Unicode
/// text") and name the line of every problem; Foundation has no CSV reader.
public struct CodingSheet: Sendable {
    public var path: String
    public var codes: [HumanCode]
    /// Distinct coders in order of first appearance (one empty name without a coder column).
    public var coders: [String]
    /// The group column found in the file (its header as written), if any.
    public var groupColumn: String?
    /// Rows whose label cell is empty or `NA`: not coded, left out (missing values).
    public var uncoded: Int
    /// `,`, `;` or a tab, as detected from the header line.
    public var delimiter: Character

    /// The label a cell names; nil for an empty or `NA` cell (not coded). Case-insensitive;
    /// `threat` and `strategic_threat` are accepted for strategic-threat.
    public enum Cell: Equatable { case label(FramingLabel), uncoded, unknown }

    public static func cell(_ text: String) -> Cell {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "", "na": return .uncoded
        case "celebratory": return .label(.celebratory)
        case "strategic-threat", "strategic_threat", "threat": return .label(.strategicThreat)
        case "mixed": return .label(.mixed)
        case "neutral": return .label(.neutral)
        default: return .unknown
        }
    }

    public static func load(path: String, group: String? = nil) throws(ValidateError) -> CodingSheet {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot be read (no such file, or not readable)")
        }
        return try parse([UInt8](data), path: path, group: group)
    }

    /// Parses the file's bytes. `group` names the group column; nil uses a column named `group`
    /// when there is one. A `group` that is not a column is not an error here: validate then
    /// looks for it among the documents' metadata fields.
    public static func parse(_ raw: [UInt8], path: String, group: String? = nil) throws(ValidateError) -> CodingSheet {
        let bytes = try utf8(raw, path: path)
        let delimiter = try detectDelimiter(bytes, path: path)
        let records = try Self.records(bytes, delimiter: delimiter, path: path)
        guard let header = records.first else { throw .codes(path: path, line: 1, message: "the file is empty; it needs a header with id and label columns") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String) -> Int? { names.firstIndex(of: name.lowercased()) }
        let found = names.joined(separator: ", ")
        guard let idColumn = column("id") else { throw .codes(path: path, line: header.line, message: "no 'id' column in the header (found: \(found))") }
        guard let labelColumn = column("label") else { throw .codes(path: path, line: header.line, message: "no 'label' column in the header (found: \(found))") }
        let coderColumn = column("coder")
        let groupIndex = column(group ?? "group")
        var codes: [HumanCode] = []
        var coders: [String] = []
        var seen: [String: Int] = [:]  // "id\u{0}coder" → line
        var groupOf: [String: (group: String, line: Int)] = [:]
        var uncoded = 0
        for record in records.dropFirst() {
            let fields = record.fields
            let needed = max(idColumn, labelColumn, coderColumn ?? 0, groupIndex ?? 0) + 1
            if fields.count < needed {
                throw .codes(path: path, line: record.line, message: "\(fields.count) field\(fields.count == 1 ? "" : "s"), the header has \(header.fields.count) (a missing delimiter?)")
            }
            if fields.count > header.fields.count, fields[header.fields.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw .codes(path: path, line: record.line, message: "\(fields.count) fields, the header has \(header.fields.count) (an unquoted delimiter inside a field?)")
            }
            let id = fields[idColumn].trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else { throw .codes(path: path, line: record.line, message: "empty id") }
            let coder = coderColumn.map { fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
            let label: FramingLabel
            switch cell(fields[labelColumn]) {
            case .label(let l): label = l
            case .uncoded: uncoded += 1; continue
            case .unknown:
                throw .codes(path: path, line: record.line,
                             message: "unknown label '\(fields[labelColumn])' for id '\(id)'; use celebratory, strategic-threat (or threat), mixed or neutral")
            }
            let key = id + "\u{0}" + coder
            if let first = seen[key] {
                throw .codes(path: path, line: record.line, message: coderColumn == nil
                    ? "id '\(id)' is coded again (first on line \(first)); with several coders, add a coder column"
                    : "id '\(id)' is coded again by coder '\(coder)' (first on line \(first))")
            }
            seen[key] = record.line
            let groupValue = groupIndex.map { fields[$0].trimmingCharacters(in: .whitespaces) }
            if let groupValue {
                if let earlier = groupOf[id], earlier.group != groupValue {
                    throw .codes(path: path, line: record.line, message: "id '\(id)' is in group '\(groupValue)' here but '\(earlier.group)' on line \(earlier.line)")
                }
                groupOf[id] = (groupValue, record.line)
            }
            if !coders.contains(coder) { coders.append(coder) }
            codes.append(HumanCode(id: id, label: label, coder: coder, group: groupValue, line: record.line))
        }
        return CodingSheet(path: path, codes: codes, coders: coders, groupColumn: groupIndex.map { header.fields[$0].trimmingCharacters(in: .whitespaces) },
                           uncoded: uncoded, delimiter: Character(Unicode.Scalar(delimiter)))
    }

    /// UTF-8 without its BOM; UTF-16 with a BOM (Excel's "Unicode text") is converted.
    static func utf8(_ raw: [UInt8], path: String) throws(ValidateError) -> [UInt8] {
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(raw.dropFirst(3)) }
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
            guard let s = String(data: Data(raw), encoding: .utf16) else { throw .unreadable(path: path, reason: "invalid UTF-16") }
            return Array(s.utf8)
        }
        return raw
    }

    /// The delimiter the header line uses most outside quotes: a tab wins whenever there is one
    /// (TSV), otherwise a comma or a semicolon (European spreadsheets).
    static func detectDelimiter(_ bytes: [UInt8], path: String) throws(ValidateError) -> UInt8 {
        var tabs = 0, commas = 0, semicolons = 0, quoted = false
        for b in bytes {
            if b == 0x22 { quoted.toggle() }
            if !quoted && (b == 0x0A || b == 0x0D) { break }
            guard !quoted else { continue }
            switch b { case 0x09: tabs += 1; case 0x2C: commas += 1; case 0x3B: semicolons += 1; default: break }
        }
        if tabs > 0 { return 0x09 }
        if commas == 0 && semicolons == 0 {
            throw .codes(path: path, line: 1, message: "the header has a single column; CODES needs id and label columns separated by commas or tabs")
        }
        return commas >= semicolons ? 0x2C : 0x3B
    }

    /// Records (RFC 4180 with a chosen delimiter) with the line each starts on. A quote opens a
    /// quoted field only at the start of a field; `""` inside is one quote; line breaks inside
    /// quotes belong to the field. CRLF, LF and a lone CR end a record; blank lines are skipped.
    static func records(_ b: [UInt8], delimiter: UInt8, path: String) throws(ValidateError) -> [(line: Int, fields: [String])] {
        var out: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1, quoteLine = 1
        var inQuotes = false, fieldStarted = false
        func endField() { fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true); fieldStarted = false }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) { out.append((recordLine, fields)) }
            fields.removeAll()
        }
        var i = 0
        while i < b.count {
            let c = b[i]
            if inQuotes {
                if c == 0x22 {
                    if i + 1 < b.count && b[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    inQuotes = false
                } else {
                    if c == 0x0A || (c == 0x0D && !(i + 1 < b.count && b[i + 1] == 0x0A)) { line += 1 }
                    if c != 0x0D || !(i + 1 < b.count && b[i + 1] == 0x0A) { field.append(c == 0x0D ? 0x0A : c) }
                }
                i += 1
                continue
            }
            switch c {
            case 0x22 where !fieldStarted:
                inQuotes = true
                fieldStarted = true
                quoteLine = line
            case delimiter:
                endField()
            case 0x0D, 0x0A:
                if c == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            default:
                // Spaces before an opening quote do not start the field's content.
                if !(c == 0x20 && field.allSatisfy({ $0 == 0x20 })) { fieldStarted = true }
                field.append(c)
            }
            i += 1
        }
        if inQuotes { throw .codes(path: path, line: quoteLine, message: "a quoted field opened here is never closed") }
        if !field.isEmpty || !fields.isEmpty || fieldStarted { endRecord() }
        return out
    }
}
