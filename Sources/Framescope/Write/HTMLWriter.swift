/// A self-contained HTML view of one document, and an index of all of them. Every piece of
/// document text and metadata is escaped: corpus text is untrusted.
public enum HTMLWriter {
    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ s: String) -> String {
        // On UTF-8 bytes: the five characters are ASCII, and a string without them (most runs
        // of text) is returned as it is. Appending scalar by scalar took 14% of an HTML run.
        var copy = s
        let escaped: String? = copy.withUTF8 { u in
            guard u.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(u.count + 32)
            var run = 0
            for i in 0..<u.count {
                let entity: StaticString
                switch u[i] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run...]))
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? s
    }

    static let style = """
    body{font:16px/1.6 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC",sans-serif;margin:0;color:#1d232a;background:#fafaf7}
    main{max-width:48rem;margin:0 auto;padding:1.5rem}
    header{border-bottom:1px solid #ddd;margin-bottom:1rem;padding-bottom:.75rem}
    h1{font-size:1.35rem;margin:.2rem 0}
    .meta{color:#5b6570;font-size:.9rem}
    .badge{display:inline-block;padding:.1rem .55rem;border-radius:1rem;font-weight:600;font-size:.85rem;color:#fff}
    .label-celebratory{background:#1a7f37}.label-strategic-threat{background:#c62828}.label-mixed{background:#8a6d00}.label-neutral{background:#6b7280}
    .text{white-space:pre-wrap;word-wrap:break-word}
    .bp{color:#9aa0a6}
    .cue-celebratory{background:#d8f3dc}.cue-strategic-threat{background:#ffd9d9}
    .ent{border-bottom:2px solid}.ent-company{border-color:#1565c0}.ent-material{border-color:#8e24aa}.ent-organization{border-color:#00897b}
    .ent-place{border-color:#ef6c00}.ent-person{border-color:#6d4c41}.ent-quantity{border-color:#546e7a;border-bottom-style:dotted}
    .legend span{margin-right:.8rem;font-size:.85rem}
    table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e5e5e5}
    td.num{text-align:right;font-variant-numeric:tabular-nums}
    @media (max-width:40rem){main{padding:.75rem}body{font-size:15px}}
    """

    struct Mark { var start: Int; var end: Int; var cls: String; var title: String }

    public static func document(_ doc: AnnotatedDocument) -> [UInt8] {
        let text = doc.text
        var marks: [Mark] = []
        for e in doc.entities {
            var title = e.type.rawValue
            if let id = e.id { title += " · \(id)" }
            if let c = e.canonical { title += " · \(c)" }
            if let q = e.quantity { title += " · \(JSONWriter.format(q.value)) \(q.unit ?? "")" + (q.baseValue.map { " (base \(JSONWriter.format($0)))" } ?? "") }
            if e.source == .pattern { title += " · found by pattern" }
            if e.source == .shortForm { title += " · short form of a name earlier in the document" }
            marks.append(Mark(start: e.utf16Start, end: e.utf16End, cls: "ent ent-\(e.type.rawValue)", title: title))
        }
        for c in doc.cues {
            let mods = c.modifiers.map { "\($0.kind) \($0.text) ×\(JSONWriter.format($0.factor, digits: 3))" }.joined(separator: ", ")
            let title = "\(c.frame.rawValue) cue '\(c.cue)' weight \(JSONWriter.format(c.weight))" + (mods.isEmpty ? "" : " · \(mods)")
                + " → \(c.scoredFrame.rawValue) \(JSONWriter.format(c.score, digits: 3))"
            marks.append(Mark(start: c.utf16Start, end: c.utf16End, cls: "cue-\(c.scoredFrame.rawValue)", title: title))
        }
        for s in doc.sentences where s.boilerplate != nil {
            marks.append(Mark(start: s.span.utf16Start, end: s.span.utf16End, cls: "bp", title: "boilerplate: \(s.boilerplate!)"))
        }
        // Cut the text at every mark boundary; each run gets the classes of the marks covering it,
        // so overlapping layers never produce badly nested tags.
        var cuts = Set([0, text.utf16.count])
        for m in marks { cuts.insert(m.start); cuts.insert(m.end) }
        let points = cuts.sorted()
        var body = ""
        body.reserveCapacity(text.utf16.count * 2)
        let sortedMarks = marks.sorted { $0.start < $1.start }
        var active: [Mark] = []
        var next = 0
        for k in 0..<(points.count - 1) {
            let a = points[k], b = points[k + 1]
            active.removeAll { $0.end <= a }
            while next < sortedMarks.count, sortedMarks[next].start <= a {
                if sortedMarks[next].end > a { active.append(sortedMarks[next]) }
                next += 1
            }
            let piece = escape(text.substring(utf16: a..<b))
            if active.isEmpty {
                body += piece
            } else {
                let cls = active.map(\.cls).joined(separator: " ")
                let title = active.map(\.title).joined(separator: "\n")
                body += "<span class=\"\(escape(cls))\" title=\"\(escape(title))\">\(piece)</span>"
            }
        }
        let f = doc.framing
        let m = doc.metadata
        // The word models' part, beside the cues': the lean and the words that moved it most.
        let learned = f.learned.map { l in
            "\n<div class=\"meta\">learned lean \(JSONWriter.format(f.learnedLean, digits: 2)) (\(JSONWriter.format(l.lean, digits: 2)) × weight \(JSONWriter.format(l.weight, digits: 2)); framed \(JSONWriter.format(l.framed, digits: 2))): "
                + l.words.prefix(5).map { "\(escape($0.feature)) \(JSONWriter.format($0.contribution, digits: 2))" }.joined(separator: ", ") + "</div>"
        } ?? ""
        var html = """
        <!DOCTYPE html>
        <html lang="\(escape(m.language == "zh" ? "zh" : "en"))"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width,initial-scale=1">
        <title>\(escape(m.title ?? doc.id))</title><style>\(style)</style></head><body><main>
        <header><div class="meta">\(escape(m.source ?? "unknown source"))\(m.date.map { " · " + escape($0) } ?? "") · \(escape(doc.path))</div>
        <h1>\(escape(m.title ?? doc.id))</h1>
        <div><span class="badge label-\(escape(f.label.rawValue))">\(escape(f.label.rawValue))</span>
         balance <b>\(JSONWriter.format(f.balance, digits: 3))</b> · celebratory \(JSONWriter.format(f.celebratory, digits: 2))
         · strategic-threat \(JSONWriter.format(f.strategicThreat, digits: 2)) · confidence \(JSONWriter.format(f.confidence, digits: 2))
         · \(f.cues) cues · \(f.tokens) tokens</div>\(learned)
        <div class="legend meta"><span class="cue-celebratory">celebratory cue</span><span class="cue-strategic-threat">threat cue</span>
        <span class="ent ent-company">company</span><span class="ent ent-material">material</span><span class="ent ent-organization">organization</span>
        <span class="ent ent-place">place</span><span class="ent ent-person">person</span><span class="ent ent-quantity">quantity</span>
        <span class="bp">boilerplate</span> — hover for details</div></header>
        <div class="text">
        """
        html += body
        html += "</div></main></body></html>\n"
        return Array(html.utf8)
    }

    public struct IndexRow: Sendable {
        public var id: String
        public var href: String
        public var title: String?
        public var source: String?
        public var date: String?
        public var label: String
        public var balance: Double
        public var cues: Int
        public init(id: String, href: String, title: String?, source: String?, date: String?, label: String, balance: Double, cues: Int) {
            self.id = id; self.href = href; self.title = title; self.source = source; self.date = date
            self.label = label; self.balance = balance; self.cues = cues
        }
    }

    public static func index(_ rows: [IndexRow]) -> [UInt8] {
        indexHeader(count: rows.count) + rows.flatMap(indexRow) + indexFooter
    }

    /// The index in three parts, so a run can stream one row per document instead of holding them.
    public static func indexHeader(count: Int) -> [UInt8] {
        Array("""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
        <title>Framescope annotations</title><style>\(style)</style></head><body><main>
        <header><h1>Framescope annotations</h1><div class="meta">\(count) documents</div></header>
        <table><thead><tr><th>document</th><th>source</th><th>date</th><th>label</th><th class="num">balance</th><th class="num">cues</th></tr></thead><tbody>

        """.utf8)
    }

    public static func indexRow(_ r: IndexRow) -> [UInt8] {
        Array(("<tr><td><a href=\"\(escape(r.href))\">\(escape(r.title ?? r.id))</a></td><td>\(escape(r.source ?? ""))</td>"
            + "<td>\(escape(r.date ?? ""))</td><td><span class=\"badge label-\(escape(r.label))\">\(escape(r.label))</span></td>"
            + "<td class=\"num\">\(JSONWriter.format(r.balance, digits: 3))</td><td class=\"num\">\(r.cues)</td></tr>\n").utf8)
    }

    public static let indexFooter = Array("</tbody></table></main></body></html>\n".utf8)
}
