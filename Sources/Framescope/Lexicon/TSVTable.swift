import Foundation

/// A strictly parsed TSV lexicon file. Lexicons are edited by hand in spreadsheets, so anything a
/// spreadsheet silently does wrong (a BOM, CRLF line ends, a stray tab, an empty cell) is an
/// error naming the file and line rather than a dropped entry.
///
/// Rows keep the byte ranges of their fields in the file, not a `String` per field: start-up
/// parses some 30,000 rows, and building five Strings and an array for each, then looking each
/// field up by column name in a dictionary, was a third of loading the lexicons. A loader reads
/// the fields it needs as Strings (`row[column]`), and compares, tests or parses the others as
/// bytes (`row.field(_:equals:)`, `row.double(_:)`).
public struct TSVTable: Sendable {
    /// The file's bytes, its header and every kept row's field ranges, shared by the rows.
    final class Storage: Sendable {
        let bytes: [UInt8]
        let header: [String]
        /// Per row, `(start, end)` byte offsets of each field: row `r`'s field `c` is at
        /// `2 × (r × columns + c)`.
        let bounds: [Int32]

        init(bytes: [UInt8], header: [String], bounds: [Int32]) {
            self.bytes = bytes
            self.header = header
            self.bounds = bounds
        }
    }

    public struct Row: Sendable {
        public let line: Int
        let storage: Storage
        /// Index into `storage.bounds` of this row's first field.
        let base: Int

        /// The field of the column named `column` (one of the table's header).
        public subscript(_ column: String) -> String {
            guard let c = storage.header.firstIndex(of: column) else { preconditionFailure("no column '\(column)'") }
            return self[c]
        }

        /// The field in column `column` (an index into the header: `TSVTable.column(_:)`).
        public subscript(_ column: Int) -> String {
            withField(column) { String(decoding: $0, as: UTF8.self) }
        }

        /// Calls `body` with the bytes of the field in column `column`.
        @inline(__always)
        func withField<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let a = Int(storage.bounds[base + 2 * column]), b = Int(storage.bounds[base + 2 * column + 1])
            return storage.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[a..<b])) }
        }

        /// Whether the field in column `column` is `text`, byte for byte (what `==` on Strings
        /// says for these: both are the file's or the literal's exact UTF-8).
        public func field(_ column: Int, equals text: String) -> Bool {
            withField(column) { field in
                text.utf8.withContiguousStorageIfAvailable { TSVTable.same(field, $0) }
                    ?? TSVTable.same(field, Array(text.utf8))
            }
        }

        /// Whether the field in column `column` is these bytes.
        public func field(_ column: Int, equals bytes: [UInt8]) -> Bool {
            withField(column) { field in bytes.withUnsafeBufferPointer { TSVTable.same(field, $0) } }
        }

        /// Whether the field in column `column` holds the same bytes as `other`'s (another row
        /// of the same table or another).
        public func field(_ column: Int, equalsFieldOf other: Row) -> Bool {
            withField(column) { a in other.withField(column) { b in TSVTable.same(a, b) } }
        }

        /// `Double(self[column])`, without building the String where the field is a plain decimal.
        public func double(_ column: Int) -> Double? {
            if let x = withField(column, TSVTable.plainDecimal) { return x }
            return Double(self[column])
        }
    }

    public let file: String
    public let header: [String]
    public let rows: [Row]

    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa, pb, a.count) == 0
    }

    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
        b.withUnsafeBufferPointer { same(a, $0) }
    }

    /// The index of the header column `name`; the header is the `columns` the table was parsed
    /// with, so every loader's column is there.
    public func column(_ name: String) -> Int {
        guard let i = header.firstIndex(of: name) else { preconditionFailure("no column '\(name)' in \(file)") }
        return i
    }

    /// The value of a field written as `-?digits(.digits)?` with at most 15 significant digits:
    /// the integer of its digits is exact in a Double and so is the power of ten that divides it
    /// (up to 10^22), so one IEEE division rounds the exact quotient once, which is what
    /// `Double(String)` (strtod) returns for the same text. Anything else: nil, and the caller
    /// asks `Double(String)`.
    static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0, n = bytes.count
        guard n > 0 else { return nil }
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        var mantissa: UInt64 = 0, digits = 0, fraction = 0, sawPoint = false, intDigits = 0
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: ".") {
                guard !sawPoint, intDigits > 0 else { return nil }
                sawPoint = true
            } else if b &- 0x30 < 10 {
                if mantissa != 0 || b != 0x30 { digits += 1 }
                guard digits <= 15 else { return nil }
                mantissa = mantissa * 10 + UInt64(b &- 0x30)
                if sawPoint { fraction += 1 } else { intDigits += 1 }
            } else {
                return nil
            }
            i += 1
        }
        n = fraction
        guard intDigits > 0, !sawPoint || n > 0, n <= 22 else { return nil }
        let value = Double(mantissa) / powersOfTen[n]
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses `bytes` expecting exactly `columns` as the header. `optionalEmpty` columns may hold
    /// `-` or be empty. Problems go to `issues`; rows with problems are left out. `validUTF8`
    /// says the caller knows the bytes are UTF-8 (the built-in copy, compiled in from string
    /// literals), which spares checking them again.
    public static func parse(_ bytes: [UInt8], file: String, columns: [String], optionalEmpty: Set<String> = [],
                             validUTF8: Bool = false, issues: inout [LexiconIssue]) -> TSVTable? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            issues.append(LexiconIssue(file: file, line: 1, "starts with a byte-order mark (BOM); save as UTF-8 without BOM"))
            return nil
        }
        guard validUTF8 || String(validating: bytes, as: UTF8.self) != nil else {
            issues.append(LexiconIssue(file: file, line: 0, "is not valid UTF-8; save it as UTF-8"))
            return nil
        }
        // Field bounds are kept as Int32 (half the memory of Int for 100,000 rows); no lexicon
        // comes near 2 GiB, but one that does is refused rather than read wrong.
        guard bytes.count < Int(Int32.max) else {
            issues.append(LexiconIssue(file: file, line: 0, "is larger than 2 GiB; split it into several files"))
            return nil
        }
        let optional = columns.map { optionalEmpty.contains($0) }
        var header: [String]?
        var lines: [Int] = []
        var bounds: [Int32] = []
        guard bytes.withUnsafeBufferPointer({ buf in
            scan(buf, file: file, columns: columns, optional: optional, header: &header,
                 lines: &lines, bounds: &bounds, issues: &issues)
        }) else { return nil }
        guard let header else {
            issues.append(LexiconIssue(file: file, line: 0, "has no header line; expected '\(columns.joined(separator: "⇥"))'"))
            return nil
        }
        let storage = Storage(bytes: bytes, header: header, bounds: bounds)
        let stride = 2 * header.count
        let rows = lines.indices.map { Row(line: lines[$0], storage: storage, base: $0 * stride) }
        return TSVTable(file: file, header: header, rows: rows)
    }

    /// The lines of `buf` into `header`, `lines` and `bounds` (see `parse`); false when the
    /// header is wrong. A function of its own, with its state passed `inout`, so that the loop
    /// works on plain locals rather than on variables a closure captured (whose every access
    /// was checked at run time).
    private static func scan(_ buf: UnsafeBufferPointer<UInt8>, file: String, columns: [String], optional: [Bool],
                             header: inout [String]?, lines: inout [Int],
                             bounds: inout [Int32], issues: inout [LexiconIssue]) -> Bool {
        let count = buf.count
        lines.reserveCapacity(count / 40 + 1)
        bounds.reserveCapacity((count / 40 + 1) * 2 * columns.count)
        var lineNumber = 0
        var sawCR = false
        // Lines are cut on LF bytes (Swift treats CR LF as one Character, which would hide
        // CRLF files), fields on tab bytes, found with memchr; each field's range goes
        // straight into `bounds` (taken back if the line is no row). The last line runs to
        // the end of the file.
        guard let start = buf.baseAddress else { return true }
        let raw = UnsafeRawPointer(start)
        var lineStart = 0
        while lineStart <= count {
            let mark = bounds.count
            var fieldStart = lineStart
            var lineEnd = count
            if lineStart < count, let p = memchr(raw + lineStart, 0x0A, count - lineStart) { lineEnd = raw.distance(to: p) }
            var from = lineStart
            while from < lineEnd, let p = memchr(raw + from, 0x09, lineEnd - from) {
                let tab = raw.distance(to: p)
                bounds.append(Int32(fieldStart)); bounds.append(Int32(tab))
                fieldStart = tab + 1
                from = tab + 1
            }
            let next = lineEnd + 1
            lineNumber += 1
            defer { lineStart = next }
            var end = lineEnd
            if end > lineStart && buf[end - 1] == 0x0D {
                if !sawCR {
                    issues.append(LexiconIssue(file: file, line: lineNumber, "has Windows (CRLF) line ends; save with LF line ends"))
                    sawCR = true
                }
                end -= 1
            }
            // The CR, if any, is the line's last byte: no tab follows it, so only the last
            // field's end moves.
            bounds.append(Int32(min(fieldStart, end))); bounds.append(Int32(end))
            func drop() { bounds.removeSubrange(mark...) }
            if end == lineStart || buf[lineStart] == UInt8(ascii: "#") { drop(); continue }
            var blank = true
            for i in lineStart..<end where buf[i] != 0x20 && buf[i] != 0x09 { blank = false; break }
            if blank {
                issues.append(LexiconIssue(file: file, line: lineNumber, "line holds only spaces or tabs"))
                drop()
                continue
            }
            let fieldCount = (bounds.count - mark) / 2
            func string(_ f: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: buf[Int(bounds[mark + 2 * f])..<Int(bounds[mark + 2 * f + 1])]), as: UTF8.self)
            }
            guard let h = header else {
                let fields = (0..<fieldCount).map(string)
                drop()
                if fields != columns {
                    issues.append(LexiconIssue(file: file, line: lineNumber,
                        "header is '\(fields.joined(separator: "⇥"))'; expected '\(columns.joined(separator: "⇥"))' (tab-separated)"))
                    return false
                }
                header = fields
                continue
            }
            if fieldCount != h.count {
                issues.append(LexiconIssue(file: file, line: lineNumber,
                    "has \(fieldCount) tab-separated fields; expected \(h.count) (\(h.joined(separator: ", ")))"))
                drop()
                continue
            }
            var bad = false
            for f in 0..<fieldCount {
                let a = Int(bounds[mark + 2 * f]), b = Int(bounds[mark + 2 * f + 1])
                if a == b {
                    if !optional[f] {
                        issues.append(LexiconIssue(file: file, line: lineNumber, "empty \(h[f])"))
                        bad = true
                    }
                } else if !Trimming.endsNeedNoTrim(buf, a, b) && string(f).hasEdgeWhitespace {
                    issues.append(LexiconIssue(file: file, line: lineNumber, "\(h[f]) '\(string(f))' has leading or trailing spaces"))
                    bad = true
                }
            }
            if bad { drop() } else { lines.append(lineNumber) }
        }
        return true
    }
}
