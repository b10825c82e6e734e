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
    public func read(relativePath: String, absolutePath: String?, text: String, into m: inout DocumentMetadata) {
        func set(_ field: String, _ value: String?, from origin: String) {
            guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty, m[field] == nil || field == "year" else { return }
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
        if let absolutePath {
            let base = (absolutePath as NSString).deletingPathExtension
            for sidecar in [base + ".meta.json", absolutePath + ".meta.json"] {
                guard let data = FileManager.default.contents(atPath: sidecar),
                      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
                for k in object.keys.sorted() {
                    if let v = object[k] as? String { set(k, v, from: "sidecar") } else if let n = object[k] as? NSNumber { set(k, n.stringValue, from: "sidecar") }
                }
                break
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

    static func headerLines(_ text: String) -> [Substring] {
        Array(text.split(whereSeparator: \.isNewline).lazy.map { $0.trimmed() }.filter { !$0.isEmpty }.prefix(12))
    }

    static func footerLines(_ text: String) -> [Substring] {
        Array(text.split(whereSeparator: \.isNewline).lazy.map { $0.trimmed() }.filter { !$0.isEmpty }.suffix(6))
    }

    /// A site named alone on a header line: `www.chinaservicesinfo.com` → `chinaservicesinfo`.
    static func site(in lines: [Substring]) -> String? {
        for line in lines.prefix(4) {
            let l = line.lowercased()
            guard !l.contains(" "), l.contains("."), l.count < 80 else { continue }
            var host = l.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
            host = String(host.split(separator: "/").first ?? "")
            if host.hasPrefix("www.") { host.removeFirst(4) }
            let parts = host.split(separator: ".")
            guard parts.count >= 2, parts.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }) else { continue }
            return String(parts[0])
        }
        return nil
    }

    /// The first content line that reads like a headline.
    static func title(in lines: [Substring]) -> String? {
        for line in lines {
            if Boilerplate.reason(forLine: line) != nil { continue }
            if site(in: [line]) != nil { continue }
            if line.count > 250 { return nil }
            // A single ASCII word near the top is a section label ("Highlights"), not a title.
            if lines.count > 3, !line.contains(" "), !line.contains(":"), line.allSatisfy({ $0.isASCII }) { continue }
            return String(line)
        }
        return nil
    }

    static func url(in lines: [Substring]) -> String? {
        for line in lines {
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

    /// The first date in the lines, with the rule that found it.
    public static func find(in lines: [Substring]) -> (String, String)? {
        // Lines that announce a date first ("Updated:", 发布时间), then any line.
        let announced = lines.filter { l in
            let lower = l.lowercased()
            return ["updated", "published", "posted", "date", "发布时间", "發布時間", "时间", "日期"].contains { lower.contains($0) }
        }
        for line in announced { if let (d, rule) = parse(line) { return (d, "dated-line:\(rule)") } }
        for line in lines { if let (d, rule) = parse(line) { return (d, rule) } }
        return nil
    }

    static func parse(_ line: Substring) -> (String, String)? {
        // Every form needs a four-digit year starting 19 or 20: skip lines without one.
        let u = Array(line.utf8)
        var hasYear = false
        if u.count >= 4 {
            for i in 0...(u.count - 4) where (u[i] == 0x31 && u[i + 1] == 0x39) || (u[i] == 0x32 && u[i + 1] == 0x30) {
                if (0x30...0x39).contains(u[i + 2]) && (0x30...0x39).contains(u[i + 3]) { hasYear = true; break }
            }
        }
        guard hasYear else { return nil }
        let s = String(line)
        func ints(_ m: Substring) -> [Int] { m.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) } }
        if let r = s.range(of: "(19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日", options: .regularExpression) {
            let n = ints(s[r]); if let d = iso(n[0], n[1], n[2]) { return (d, "chinese") }
        }
        if let r = s.range(of: "(19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}", options: .regularExpression) {
            let n = ints(s[r]); if let d = iso(n[0], n[1], n[2]) { return (d, "iso") }
        }
        // "Oct 15, 2024", "October 15 2024", "Oct. 15, 2024"
        if let r = s.range(of: "[A-Za-z]{3,9}\\.? [0-9]{1,2},? (19|20)[0-9]{2}", options: .regularExpression) {
            let part = s[r]
            let word = part.prefix { $0.isLetter }.lowercased()
            let n = ints(part)
            if let m = months[word], n.count >= 2, let d = iso(n[n.count - 1], m, n[0]) { return (d, "english") }
        }
        // "15 October 2024"
        if let r = s.range(of: "[0-9]{1,2} [A-Za-z]{3,9}\\.? (19|20)[0-9]{2}", options: .regularExpression) {
            let part = s[r]
            let n = ints(part)
            let word = part.split(separator: " ")[1].filter { $0.isLetter }.lowercased()
            if let m = months[word], n.count >= 2, let d = iso(n[1], m, n[0]) { return (d, "english") }
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
