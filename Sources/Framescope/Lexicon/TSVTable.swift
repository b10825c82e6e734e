/// A strictly parsed TSV lexicon file. Lexicons are edited by hand in spreadsheets, so anything a
/// spreadsheet silently does wrong (a BOM, CRLF line ends, a stray tab, an empty cell) is an
/// error naming the file and line rather than a dropped entry.
public struct TSVTable: Sendable {
    public struct Row: Sendable {
        public let line: Int
        public let fields: [String]
        public subscript(_ column: String) -> String { fields[columnIndex[column]!] }
        let columnIndex: [String: Int]
    }

    public let file: String
    public let header: [String]
    public let rows: [Row]

    /// Parses `bytes` expecting exactly `columns` as the header. `optionalEmpty` columns may hold
    /// `-` or be empty. Problems go to `issues`; rows with problems are left out.
    public static func parse(_ bytes: [UInt8], file: String, columns: [String], optionalEmpty: Set<String> = [],
                             issues: inout [LexiconIssue]) -> TSVTable? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            issues.append(LexiconIssue(file: file, line: 1, "starts with a byte-order mark (BOM); save as UTF-8 without BOM"))
            return nil
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            issues.append(LexiconIssue(file: file, line: 0, "is not valid UTF-8; save it as UTF-8"))
            return nil
        }
        var header: [String]?
        var rows: [Row] = []
        var index: [String: Int] = [:]
        var lineNumber = 0
        var sawCR = false
        // Split on LF bytes: Swift treats CR LF as one Character, which would hide CRLF files.
        // Lines and fields are cut on bytes: walking Characters of every lexicon line was a
        // quarter of start-up.
        // Lines found by hand with room reserved for the rows and for each row's fields: the
        // split arrays, grown element by element, were a fifth of parsing.
        var lines: [ArraySlice<UInt8>] = []
        lines.reserveCapacity(bytes.count / 24 + 1)
        var lineStart = 0
        for i in bytes.indices where bytes[i] == 0x0A {
            lines.append(bytes[lineStart..<i])
            lineStart = i + 1
        }
        lines.append(bytes[lineStart...])
        rows.reserveCapacity(lines.count)
        for rawLine in lines {
            lineNumber += 1
            var line = rawLine
            if line.last == 0x0D {
                if !sawCR {
                    issues.append(LexiconIssue(file: file, line: lineNumber, "has Windows (CRLF) line ends; save with LF line ends"))
                    sawCR = true
                }
                line = line.dropLast()
            }
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                issues.append(LexiconIssue(file: file, line: lineNumber, "line holds only spaces or tabs"))
                continue
            }
            var fields: [String] = []
            fields.reserveCapacity(columns.count)
            var fieldStart = line.startIndex
            for i in line.indices where line[i] == 0x09 {
                fields.append(String(decoding: line[fieldStart..<i], as: UTF8.self))
                fieldStart = i + 1
            }
            fields.append(String(decoding: line[fieldStart...], as: UTF8.self))
            guard let h = header else {
                if fields != columns {
                    issues.append(LexiconIssue(file: file, line: lineNumber,
                        "header is '\(fields.joined(separator: "⇥"))'; expected '\(columns.joined(separator: "⇥"))' (tab-separated)"))
                    return nil
                }
                header = fields
                for (i, c) in columns.enumerated() { index[c] = i }
                continue
            }
            if fields.count != h.count {
                issues.append(LexiconIssue(file: file, line: lineNumber,
                    "has \(fields.count) tab-separated fields; expected \(h.count) (\(h.joined(separator: ", ")))"))
                continue
            }
            var bad = false
            for (i, f) in fields.enumerated() {
                let name = h[i]
                if f.isEmpty && !optionalEmpty.contains(name) {
                    issues.append(LexiconIssue(file: file, line: lineNumber, "empty \(name)"))
                    bad = true
                } else if f.hasEdgeWhitespace {
                    issues.append(LexiconIssue(file: file, line: lineNumber, "\(name) '\(f)' has leading or trailing spaces"))
                    bad = true
                }
            }
            if !bad { rows.append(Row(line: lineNumber, fields: fields, columnIndex: index)) }
        }
        guard let header else {
            issues.append(LexiconIssue(file: file, line: 0, "has no header line; expected '\(columns.joined(separator: "⇥"))'"))
            return nil
        }
        return TSVTable(file: file, header: header, rows: rows)
    }
}
