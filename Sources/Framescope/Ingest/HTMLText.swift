/// Text and title from an HTML page: tags removed, `script`, `style`, `nav`, `header`, `footer`,
/// `aside`, `form`, `noscript`, `template` and `svg` dropped with their content, block elements
/// turned into line breaks, character references decoded. Hand-written: no package on the
/// offline list parses HTML, and this needs only the text.
public enum HTMLText {
    static let dropped: Set<String> = ["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg", "iframe", "button"]
    static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
        "blockquote", "pre", "hr", "dd", "dt", "figcaption", "figure", "main", "title",
    ]

    public static func extract(_ html: String) -> (text: String, title: String?) {
        var out = String.UnicodeScalarView()
        var title: String?
        let s = Array(html.unicodeScalars)
        var i = 0
        var skipUntil: String?  // closing tag name we are skipping to
        var inTitle = false
        var titleText = String.UnicodeScalarView()
        func lowerName(_ from: Int) -> (String, Int) {
            var j = from
            var name = ""
            while j < s.count, s[j].properties.isAlphabetic || (s[j].value >= 0x30 && s[j].value <= 0x39) {
                name.unicodeScalars.append(s[j]); j += 1
            }
            return (name.lowercased(), j)
        }
        while i < s.count {
            let c = s[i]
            if c == "<" {
                // Comments.
                if i + 3 < s.count, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {
                    var j = i + 4
                    while j + 2 < s.count, !(s[j] == "-" && s[j + 1] == "-" && s[j + 2] == ">") { j += 1 }
                    i = j + 3
                    continue
                }
                let closing = i + 1 < s.count && s[i + 1] == "/"
                let (name, afterName) = lowerName(i + (closing ? 2 : 1))
                // Find the end of the tag, respecting quoted attribute values.
                var j = afterName
                var quote: Unicode.Scalar?
                while j < s.count {
                    if let q = quote { if s[j] == q { quote = nil } } else if s[j] == "\"" || s[j] == "'" { quote = s[j] } else if s[j] == ">" { break }
                    j += 1
                }
                i = j + 1
                if name.isEmpty { continue }
                if let skip = skipUntil {
                    if closing && name == skip { skipUntil = nil }
                    continue
                }
                if !closing && dropped.contains(name) && !(j > 0 && s[j - 1] == "/") { skipUntil = name; continue }
                if name == "title" { inTitle = !closing; if closing { title = String(titleText).trimmed().isEmpty ? nil : String(String(titleText).trimmed()) } }
                if blocks.contains(name), out.last != "\n" { out.append("\n") }
                continue
            }
            if skipUntil != nil { i += 1; continue }
            var scalar = c
            var consumed = 1
            if c == "&", let (decoded, length) = entity(s, at: i) { scalar = decoded; consumed = length }
            if inTitle { titleText.append(scalar) } else {
                // Collapse runs of whitespace the way a browser does (keeping line breaks from blocks).
                if scalar.properties.isWhitespace && scalar != "\u{00A0}" {
                    if let last = out.last, !last.properties.isWhitespace { out.append(" ") }
                } else {
                    out.append(scalar)
                }
            }
            i += consumed
        }
        // Trim spaces around line breaks and collapse blank-line runs to one blank line.
        let lines = String(out).split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmed() }
        var text: [Substring] = []
        for l in lines where !(l.isEmpty && (text.last?.isEmpty ?? true)) { text.append(l) }
        while text.last?.isEmpty == true { text.removeLast() }
        return (text.joined(separator: "\n"), title)
    }

    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "mdash": "\u{2014}", "ndash": "\u{2013}",
        "hellip": "\u{2026}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "copy": "\u{00A9}",
        "reg": "\u{00AE}", "middot": "\u{00B7}", "times": "\u{00D7}", "deg": "\u{00B0}", "yen": "\u{00A5}", "euro": "\u{20AC}",
    ]

    static func entity(_ s: [Unicode.Scalar], at i: Int) -> (Unicode.Scalar, Int)? {
        var j = i + 1
        var name = ""
        while j < s.count, j - i < 12, s[j] != ";" { name.unicodeScalars.append(s[j]); j += 1 }
        guard j < s.count, s[j] == ";", !name.isEmpty else { return nil }
        let length = j - i + 1
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let v = value, let u = Unicode.Scalar(v), v != 0 else { return nil }
            return (u, length)
        }
        return named[name].map { ($0, length) }
    }
}
