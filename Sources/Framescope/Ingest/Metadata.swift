import Foundation

/// Reads metadata from the places a corpus keeps it: a manifest at the corpus root, a sidecar
/// `NAME.meta.json`, the folder layout, and the text's own header lines. Each found field records
/// where it came from (`manifest`, `sidecar`, `jsonl`, `html`, `folder`, `text:<rule>`).
public struct MetadataReader: Sendable {
    /// Manifest rows: a path or glob, then field → value.
    let manifest: [(pattern: String, fields: [(String, String)])]

    public init(corpusRoot: String) throws(IngestError) {
        var rows: [(String, [(String, String)])] = []
        for name in ["manifest.csv", "manifest.tsv"] {
            let path = corpusRoot + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                throw IngestError(file: name, line: nil, reason: "manifest is not UTF-8")
            }
            let table = name.hasSuffix(".csv") ? CSV.parse(text) : text.split(whereSeparator: \.isNewline).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            guard let header = table.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
                  let pathColumn = header.firstIndex(where: { $0 == "path" || $0 == "glob" || $0 == "file" }) else {
                throw IngestError(file: name, line: 1, reason: "manifest needs a 'path' column (a path or glob relative to the corpus root)")
            }
            for row in table.dropFirst() where row.count > pathColumn {
                var fields: [(String, String)] = []
                for (k, v) in zip(header, row) where k != header[pathColumn] && !v.isEmpty { fields.append((k, v)) }
                rows.append((row[pathColumn], fields))
            }
        }
        manifest = rows
    }

    /// Manifest fields for a relative path: the first row whose path or glob matches.
    func manifestFields(for relativePath: String) -> [(String, String)]? {
        for (pattern, fields) in manifest where pattern == relativePath || fnmatch(pattern, relativePath, 0) == 0 {
            return fields
        }
        return nil
    }

    /// Fills `metadata` in the documented order of precedence; fields already set (from JSONL or
    /// HTML) are kept.
    /// `sidecars`, when given, are the sidecar files known to exist (from the folder listing);
    /// otherwise they are looked for next to `absolutePath`.
    /// `sidecarContent` is a sidecar's bytes when the caller has them rather than a path.
    public func read(relativePath: String, absolutePath: String?, sidecars: [String]? = nil, sidecarContent: Data? = nil,
                     text: String, into m: inout DocumentMetadata) {
        func set(_ field: String, _ value: String?, from origin: String) {
            guard let value = value.map(Self.trimmedValue), !value.isEmpty, m[field] == nil || field == "year" else { return }
            switch field {
            case "source": m.source = value
            case "title": m.title = value
            case "date": m.date = DateFinder.normalise(value) ?? value
            case "url": m.url = value
            case "language": m.language = value
            case "encoding": m.encoding = value
            default:
                guard !m.extra.contains(where: { $0.0 == field }) else { return }
                m.extra.append((field, value))
            }
            m.sources.append((field, origin))
        }
        if let fields = manifestFields(for: relativePath) { for (k, v) in fields { set(k, v, from: "manifest") } }
        /// The first sidecar that parses as a JSON object supplies its string and number fields.
        func apply(sidecar data: Data) -> Bool {
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
            for k in object.keys.sorted() {
                if let v = object[k] as? String { set(k, v, from: "sidecar") } else if let n = object[k] as? NSNumber { set(k, n.stringValue, from: "sidecar") }
            }
            return true
        }
        if let sidecarContent {
            _ = apply(sidecar: sidecarContent)
        } else if let absolutePath {
            for sidecar in sidecars ?? Self.sidecarNames(for: absolutePath) {
                if let data = FileManager.default.contents(atPath: sidecar), apply(sidecar: data) { break }
            }
        }
        let components = relativePath.split(separator: "/")
        if components.count > 1 { set("source", String(components[0]), from: "folder") }
        let header = Self.headerLines(text)
        if m.source == nil, let site = Self.site(in: header) { set("source", site, from: "text:site") }
        if m.title == nil, let title = Self.title(in: header) { set("title", title, from: "text:first-line") }
        if m.date == nil, let (date, rule) = DateFinder.find(in: header + Self.footerLines(text)) { set("date", date, from: "text:\(rule)") }
        if m.url == nil, let url = Self.url(in: header) { set("url", url, from: "text:url") }
    }

    /// Where a document's sidecars may be, in the order they are tried: `NAME.meta.json`, then
    /// `NAME.txt.meta.json` (for a document path or a bare file name alike).
    static func sidecarNames(for document: String) -> [String] {
        [(document as NSString).deletingPathExtension + ".meta.json", document + ".meta.json"]
    }

    /// The first twelve non-empty lines, trimmed. Scans bytes from the start and stops early:
    /// splitting a whole article into `Character` lines cost more than annotating it.
    static func headerLines(_ text: String) -> [Substring] { lines(of: text, count: 12, fromEnd: false) }

    /// The last six non-empty lines, trimmed, scanning back from the end.
    static func footerLines(_ text: String) -> [Substring] { lines(of: text, count: 6, fromEnd: true) }

    /// Up to `count` non-empty trimmed lines from one end of `text`, in text order. A line ends at
    /// any newline form `Character.isNewline` knows: LF, VT, FF, CR, NEL, LS, PS.
    static func lines(of text: String, count: Int, fromEnd: Bool) -> [Substring] {
        let utf8 = text.utf8
        // Native strings are contiguous UTF-8: scan them in place (no copy of the article).
        if let found = utf8.withContiguousStorageIfAvailable({ scanLines(text, $0, count: count, fromEnd: fromEnd) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { scanLines(text, $0, count: count, fromEnd: fromEnd) }
    }

    private static func scanLines(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, count: Int, fromEnd: Bool) -> [Substring] {
        let utf8 = text.utf8
        /// The length of the newline sequence ending at byte `i` (inclusive), or 0.
        func newlineEnding(at i: Int) -> Int {
            let b = bytes[i]
            if b >= 0x0A && b <= 0x0D { return 1 }
            if b == 0x85, i >= 1, bytes[i - 1] == 0xC2 { return 2 }
            if (b == 0xA8 || b == 0xA9), i >= 2, bytes[i - 1] == 0x80, bytes[i - 2] == 0xE2 { return 3 }
            return 0
        }
        var out: [Substring] = []
        func take(_ from: Int, _ to: Int) {
            guard from < to else { return }
            let raw = text[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)]
            // `trimmed()` walks characters from both ends; a line that starts and ends with a
            // character that can neither be whitespace nor extend one is its own trimmed form.
            let line = Trimming.endsNeedNoTrim(bytes, from, to) ? raw : raw.trimmed()
            if !line.isEmpty { out.append(line) }
        }
        if fromEnd {
            var end = bytes.count
            var i = bytes.count - 1
            while i >= 0, out.count < count {
                let w = newlineEnding(at: i)
                if w > 0 { take(i + 1, end); end = i + 1 - w; i -= w } else { i -= 1 }
            }
            if out.count < count { take(0, end) }
            return out.reversed()
        }
        var start = 0
        var i = 0
        while i < bytes.count, out.count < count {
            let w = newlineEnding(at: i)
            if w > 0 { take(start, i + 1 - w); start = i + 1 }
            i += 1
        }
        if out.count < count { take(start, bytes.count) }
        return out
    }

    /// A site named alone on a header line: `www.chinaservicesinfo.com` → `chinaservicesinfo`.
    static func site(in lines: [Substring]) -> String? {
        for line in lines.prefix(4) {
            // A host has a dot; lowercasing neither makes nor removes one, so a line without the
            // byte is passed over before it is lowercased (most are paragraphs without spaces).
            guard !line.utf8.contains(0x20), line.utf8.contains(0x2E) else { continue }
            let l = line.lowercased()
            guard l.contains("."), l.count < 80 else { continue }
            var host = l.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
            host = String(host.split(separator: "/").first ?? "")
            if host.hasPrefix("www.") { host.removeFirst(4) }
            let parts = host.split(separator: ".")
            guard parts.count >= 2, parts.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }) else { continue }
            return String(parts[0])
        }
        return nil
    }

    /// The value without surrounding whitespace and newlines. Most values (header lines, folder
    /// names) have none, and Foundation's trimming costs thousands of instructions even then, so
    /// it runs only when an end is whitespace.
    static func trimmedValue(_ value: String) -> String {
        let scalars = value.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return value }
        let space = CharacterSet.whitespacesAndNewlines
        guard space.contains(first) || space.contains(last) else { return value }
        return value.trimmingCharacters(in: space)
    }

    /// The first content line that reads like a headline.
    static func title(in lines: [Substring]) -> String? {
        for line in lines {
            if Boilerplate.reason(forLine: line) != nil { continue }
            if site(in: [line]) != nil { continue }
            if line.utf8.count > 250 && line.count > 250 { return nil }  // bytes first: counting characters is slow
            // A single ASCII word near the top is a section label ("Highlights"), not a title.
            // All-ASCII bytes is all-ASCII characters, and in ASCII text a space or colon
            // character is its byte.
            if lines.count > 3, line.utf8.allSatisfy({ $0 < 0x80 }), !line.utf8.contains(0x20), !line.utf8.contains(0x3A) { continue }
            return String(line)
        }
        return nil
    }

    static func url(in lines: [Substring]) -> String? {
        for line in lines where line.utf8.count > 7 && line.containsBytes("http") {
            guard let r = line.range(of: "https?://[^\\s<>\"]+", options: .regularExpression) else { continue }
            return String(line[r])
        }
        return nil
    }
}

/// Dates in the forms this press uses, normalised to ISO 8601 (`YYYY-MM-DD`).
public enum DateFinder {
    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
        "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10,
        "november": 11, "december": 12,
    ]

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// The date in one string, whatever its form, or nil.
    public static func normalise(_ s: String) -> String? { parse(Substring(s))?.0 }

    static let announcements = ["updated", "published", "posted", "date", "发布时间", "發布時間", "时间", "日期"]

    /// The first date in the lines, with the rule that found it.
    public static func find(in lines: [Substring]) -> (String, String)? {
        // Every form has a year, so lines without one are dropped first: in articles written a
        // paragraph per line the header and footer are most of the text, and the announcement
        // search below made eight passes over each of them.
        let lines = lines.filter(mayHoldYear)
        // Lines that announce a date first ("Updated:", 发布时间), then any line.
        let announced = lines.filter { l in announcements.contains { l.containsBytes($0, asciiCaseInsensitive: true) } }
        for line in announced { if let (d, rule) = parse(line) { return (d, "dated-line:\(rule)") } }
        for line in lines { if let (d, rule) = parse(line) { return (d, rule) } }
        return nil
    }

    /// Whether a year (four digits starting 19 or 20, the only years `parse` accepts) starts at
    /// byte `i`; the caller guarantees four bytes from `i`.
    @inline(__always)
    static func isYearStart<C: RandomAccessCollection<UInt8>>(_ u: C, _ i: C.Index) -> Bool where C.Index == Int {
        ((u[i] == 0x31 && u[i + 1] == 0x39) || (u[i] == 0x32 && u[i + 1] == 0x30))
            && u[i + 2] >= 0x30 && u[i + 2] <= 0x39 && u[i + 3] >= 0x30 && u[i + 3] <= 0x39
    }

    /// Whether the line holds a year at all.
    static func mayHoldYear(_ line: Substring) -> Bool {
        func scan(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
            u.count >= 4 && (0...(u.count - 4)).contains { isYearStart(u, $0) }
        }
        return line.utf8.withContiguousStorageIfAvailable(scan) ?? Array(line.utf8).withUnsafeBufferPointer(scan)
    }

    /// The first date in one line. A byte scanner for the four forms (`2024年10月15日`,
    /// `2024-10-15` with `-`, `/` or `.`, `Oct. 15, 2024`, `15 October 2024`), tried in that order;
    /// it replaced regular expressions that Foundation compiled on every call.
    static func parse(_ line: Substring) -> (String, String)? {
        let u = Array(line.utf8)
        @inline(__always) func isDigit(_ i: Int) -> Bool { i >= 0 && i < u.count && u[i] >= 0x30 && u[i] <= 0x39 }
        @inline(__always) func isLetter(_ i: Int) -> Bool {
            guard i >= 0 && i < u.count else { return false }
            let b = u[i] | 0x20
            return b >= 0x61 && b <= 0x7A
        }
        /// 1–2 digits starting at `i` (no third digit after them): value and end.
        func digits(from i: Int) -> (Int, Int)? {
            guard isDigit(i) else { return nil }
            var v = Int(u[i] - 0x30), e = i + 1
            if isDigit(e) { v = v * 10 + Int(u[e] - 0x30); e += 1 }
            return (v, e)
        }
        func has(_ marker: [UInt8], at i: Int) -> Bool {
            i + marker.count <= u.count && u[i..<(i + marker.count)].elementsEqual(marker)
        }
        // Years: four digits starting 19 or 20.
        var years: [Int] = []
        if u.count >= 4 {
            for i in 0...(u.count - 4) where isYearStart(u, i) { years.append(i) }
        }
        guard !years.isEmpty else { return nil }
        func year(at y: Int) -> Int { u[y..<(y + 4)].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        // 2024年10月15日: the first such date decides, valid or not.
        let nian: [UInt8] = Array("年".utf8), yue: [UInt8] = Array("月".utf8), ri: [UInt8] = Array("日".utf8)
        for y in years where has(nian, at: y + 4) {
            guard let (m, e1) = digits(from: y + 7), has(yue, at: e1), let (d, e2) = digits(from: e1 + 3), has(ri, at: e2) else { continue }
            if let date = iso(year(at: y), m, d) { return (date, "chinese") }
            break
        }
        // 2024-10-15, 2024/10/15, 2024.10.15 (separators may differ).
        func isSeparator(_ i: Int) -> Bool { i < u.count && (u[i] == 0x2D || u[i] == 0x2F || u[i] == 0x2E) }
        for y in years where isSeparator(y + 4) {
            guard let (m, e1) = digits(from: y + 5), isSeparator(e1), let (d, _) = digits(from: e1 + 1) else { continue }
            if let date = iso(year(at: y), m, d) { return (date, "iso") }
            break
        }
        /// The letters that end just before `end` (3–9 of them), lowercased.
        func word(endingAt end: Int) -> (String, Int)? {
            var s = end
            while isLetter(s - 1) { s -= 1 }
            guard (3...9).contains(end - s) else { return nil }
            return (String(decoding: u[s..<end].map { $0 | 0x20 }, as: UTF8.self), s)
        }
        // "Oct 15, 2024", "October 15 2024", "Oct. 15, 2024"
        for y in years where y >= 1 && u[y - 1] == 0x20 {
            var p = y - 1
            if p >= 1 && u[p - 1] == 0x2C { p -= 1 }
            var e = p
            while e > 0 && isDigit(e - 1) && p - e < 2 { e -= 1 }
            guard e < p, e >= 1, u[e - 1] == 0x20 else { continue }
            var w = e - 1
            if w >= 1 && u[w - 1] == 0x2E { w -= 1 }
            guard let (name, _) = word(endingAt: w) else { continue }
            let day = u[e..<p].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            if let m = months[name], let date = iso(year(at: y), m, day) { return (date, "english") }
        }
        // "15 October 2024", "3 Sept. 2020"
        for y in years where y >= 1 && u[y - 1] == 0x20 {
            var w = y - 1
            if w >= 1 && u[w - 1] == 0x2E { w -= 1 }
            guard let (name, s) = word(endingAt: w), s >= 2, u[s - 1] == 0x20, isDigit(s - 2) else { continue }
            let day = isDigit(s - 3) ? Int(u[s - 3] - 0x30) * 10 + Int(u[s - 2] - 0x30) : Int(u[s - 2] - 0x30)
            if let m = months[name], let date = iso(year(at: y), m, day) { return (date, "english") }
        }
        return nil
    }
}

/// A minimal CSV reader (RFC 4180 quotes and doubled quotes) for manifests.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var i = text.unicodeScalars.startIndex
        let s = text.unicodeScalars
        while i < s.endIndex {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    let n = s.index(after: i)
                    if n < s.endIndex, s[n] == "\"" { field.unicodeScalars.append("\""); i = n } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { row.append(field); field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", s.index(after: i) < s.endIndex, s[s.index(after: i)] == "\n" { i = s.index(after: i) }
                row.append(field); field = ""
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
            } else { field.unicodeScalars.append(c) }
            i = s.index(after: i)
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
