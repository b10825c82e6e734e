import Foundation

extension ComparisonReport {
    static func e(_ s: String) -> String { HTMLWriter.escape(s) }

    /// Colour of a balance: green (celebratory) through grey to red (strategic-threat).
    static func colour(_ b: Double) -> String {
        let t = max(-1, min(1, b))
        if t >= 0 { return "rgb(\(Int(240 - 40 * t)),\(Int(240 - 170 * t)),\(Int(240 - 170 * t)))" }
        return "rgb(\(Int(240 + 170 * t)),\(Int(240 + 40 * t)),\(Int(240 + 160 * t)))"
    }

    /// Long group names are shortened in charts (the tables keep them whole).
    static func short(_ s: String) -> String { s.count > 28 ? String(s.prefix(27)) + "…" : s }

    static let labelColours = ["celebratory": "#1a7f37", "strategic-threat": "#c62828", "mixed": "#b08800", "neutral": "#9aa0a6"]

    /// Mean balance with its interval per group.
    var intervalChart: String {
        let groups = comparison.groups
        let rowH = 30, left = 230, width = 700, right = 30
        let h = rowH * groups.count + 50
        func x(_ v: Double) -> Double { Double(left) + (max(-1, min(1, v)) + 1) / 2 * Double(width - left - right) }
        var s = "<svg class=\"chart\" id=\"balance-chart\" viewBox=\"0 0 \(width) \(h)\" role=\"img\" aria-label=\"Mean balance per group with 95% interval\">"
        s += "<line x1=\"\(x(0))\" y1=\"10\" x2=\"\(x(0))\" y2=\"\(h - 30)\" stroke=\"#999\" stroke-dasharray=\"3 3\"/>"
        for v in [-1.0, -0.5, 0, 0.5, 1] {
            s += "<text x=\"\(x(v))\" y=\"\(h - 12)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">\(Self.f(v, 1))</text>"
        }
        s += "<text x=\"\(x(-1))\" y=\"\(h - 1)\" font-size=\"10\" fill=\"#1a7f37\">celebratory</text><text x=\"\(x(1))\" y=\"\(h)\" font-size=\"10\" text-anchor=\"end\" fill=\"#c62828\">strategic-threat</text>"
        for (i, g) in groups.enumerated() {
            let y = 20 + i * rowH
            s += "<text x=\"\(left - 10)\" y=\"\(y + 4)\" font-size=\"13\" text-anchor=\"end\">\(Self.e(Self.short(g.name))) (n=\(g.documents))</text>"
            if g.interval.low.isFinite {
                s += "<line class=\"interval\" x1=\"\(x(g.interval.low))\" y1=\"\(y)\" x2=\"\(x(g.interval.high))\" y2=\"\(y)\" stroke=\"#333\" stroke-width=\"2\"/>"
            }
            s += "<circle class=\"dot\" cx=\"\(x(g.meanBalance))\" cy=\"\(y)\" r=\"6\" fill=\"\(Self.colour(g.meanBalance * 2))\" stroke=\"#333\"><title>\(Self.e(g.name)): mean \(Self.f(g.meanBalance)) [\(Self.f(g.interval.low)), \(Self.f(g.interval.high))]</title></circle>"
        }
        return s + "</svg>"
    }

    /// Label shares per group as 100% stacked bars.
    var labelChart: String {
        let groups = comparison.groups
        let rowH = 26, left = 230, width = 700
        let h = rowH * groups.count + 36
        var s = "<svg class=\"chart\" id=\"label-chart\" viewBox=\"0 0 \(width) \(h)\" role=\"img\" aria-label=\"Label shares per group\">"
        for (i, g) in groups.enumerated() {
            let y = 8 + i * rowH
            s += "<text x=\"\(left - 10)\" y=\"\(y + 14)\" font-size=\"13\" text-anchor=\"end\">\(Self.e(Self.short(g.name)))</text>"
            var x0 = Double(left)
            for label in Self.labels {
                let n = g.labels[label] ?? 0
                let w = Double(width - left - 10) * Double(n) / Double(max(1, g.documents))
                if w > 0 {
                    s += "<rect class=\"share\" x=\"\(x0)\" y=\"\(y)\" width=\"\(w)\" height=\"18\" fill=\"\(Self.labelColours[label]!)\"><title>\(Self.e(g.name)): \(n) \(label)</title></rect>"
                }
                x0 += w
            }
        }
        var lx = Double(left)
        for label in Self.labels {
            s += "<rect x=\"\(lx)\" y=\"\(h - 16)\" width=\"10\" height=\"10\" fill=\"\(Self.labelColours[label]!)\"/><text x=\"\(lx + 14)\" y=\"\(h - 7)\" font-size=\"11\">\(label)</text>"
            lx += 110
        }
        return s + "</svg>"
    }

    /// Keyness bars for one group.
    func keynessChart(_ group: String) -> String {
        let items = keyItems(group)
        guard !items.isEmpty else { return "<p class=\"meta\">No item is over-used here.</p>" }
        let maxG = items.map(\.keyness.corrected).max() ?? 1
        let rowH = 22, left = 230, width = 640
        var s = "<svg class=\"chart keyness\" viewBox=\"0 0 \(width) \(rowH * items.count + 8)\" role=\"img\" aria-label=\"Keyness for \(Self.e(group))\">"
        for (i, k) in items.enumerated() {
            let y = 4 + i * rowH
            let w = Double(width - left - 120) * k.keyness.corrected / max(maxG, 1e-9)
            let fill = k.kind == "entity" ? "#1565c0" : (k.frame == "celebratory" ? "#1a7f37" : "#c62828")
            s += "<text x=\"\(left - 8)\" y=\"\(y + 13)\" font-size=\"12\" text-anchor=\"end\">\(Self.e(k.item))</text>"
            s += "<rect class=\"bar\" x=\"\(left)\" y=\"\(y)\" width=\"\(max(1, w))\" height=\"16\" fill=\"\(fill)\"><title>G² \(Self.f(k.keyness.corrected, 2)), p \(Self.g(k.keyness.p))</title></rect>"
            s += "<text x=\"\(Double(left) + max(1, w) + 6)\" y=\"\(y + 13)\" font-size=\"11\" fill=\"#555\">\(k.inGroup) vs \(k.inRest) · G² \(Self.f(k.keyness.corrected, 1))</text>"
        }
        return s + "</svg>"
    }

    /// A few sentences (KWIC) for a group's strongest cues, from the document JSON, linked to the view.
    func examples(_ group: String, limit: Int = 3) -> String {
        let docs = comparison.documents.filter { ($0.field(comparison.by) ?? "(unknown)") == group }
        var totals: [String: Double] = [:]
        for d in docs { for c in d.cues { totals[c.cue, default: 0] += c.score } }
        let strongest = totals.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(limit).map(\.key)
        var html = ""
        for cue in strongest {
            guard let doc = docs.max(by: { a, b in (a.cues.first { $0.cue == cue }?.score ?? 0) < (b.cues.first { $0.cue == cue }?.score ?? 0) }),
                  let json = doc.fullDocument(),
                  let text = json["text"] as? String, let cues = json["cues"] as? [[String: Any]],
                  let sentences = json["sentences"] as? [[String: Any]],
                  let hit = cues.filter({ $0["cue"] as? String == cue }).max(by: { ($0["score"] as? Double ?? 0) < ($1["score"] as? Double ?? 0) }),
                  let si = hit["sentence"] as? Int, si < sentences.count else { continue }
            let scalars = Array(text.unicodeScalars)
            func slice(_ a: Int, _ b: Int) -> String { var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[max(0, a)..<min(scalars.count, b)]); return String(v) }
            let s = sentences[si], cs = hit["start"] as! Int, ce = hit["end"] as! Int
            let before = slice(s["start"] as! Int, cs), after = slice(ce, s["end"] as! Int)
            let view = docLink(doc)
            let frame = hit["scored_frame"] as? String ?? ""
            html += "<li><span class=\"kwic-left\">\(Self.e(String(before.suffix(90))))</span><mark class=\"\(frame == "celebratory" ? "c" : "t")\">\(Self.e(slice(cs, ce)))</mark>"
            html += "<span>\(Self.e(String(after.prefix(90))))</span> <a href=\"\(Self.e(view))\">\(Self.e(doc.metadata["title"] ?? doc.id))</a></li>"
        }
        return html.isEmpty ? "" : "<ul class=\"kwic\">\(html)</ul>"
    }

    /// A link to the document's HTML view, relative to the report when possible.
    func docLink(_ doc: DocumentSummary) -> String {
        // A document in a JSON-lines file has its view (--format html) at docs/<id>.html.
        let view = doc.docOffset != nil ? "docs/\(doc.id).html" : (doc.docPath as NSString).deletingPathExtension + ".html"
        let folder = URL(fileURLWithPath: doc.folder).standardizedFileURL.path
        let out = URL(fileURLWithPath: outputDirectory).standardizedFileURL.path
        if out.hasPrefix(folder + "/") {
            let depth = out.dropFirst(folder.count + 1).split(separator: "/").count
            return String(repeating: "../", count: depth) + view
        }
        return URL(fileURLWithPath: folder + "/" + view).absoluteString
    }

    public var html: String {
        let c = comparison
        var h = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
        <title>Framing by \(Self.e(c.by))</title><style>
        body{font:15px/1.55 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",sans-serif;margin:0;color:#1d232a;background:#fafaf7}
        main{max-width:60rem;margin:0 auto;padding:1.25rem}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
        .chart{width:100%;height:auto;max-width:60rem}.meta{color:#5b6570;font-size:.9rem}
        table{border-collapse:collapse;font-size:.88rem;width:100%}th,td{padding:.3rem .45rem;border-bottom:1px solid #e4e4e4;text-align:left}
        td.num{text-align:right;font-variant-numeric:tabular-nums}.heat td.cell{text-align:center;min-width:4.5rem}
        .kwic{list-style:none;padding:0;font-size:.9rem}.kwic li{margin:.35rem 0}.kwic-left{color:#444}
        mark.c{background:#d8f3dc}mark.t{background:#ffd9d9}.scroll{overflow-x:auto}
        </style></head><body><main>
        <h1>Framing by \(Self.e(c.by))</h1>
        <p class="meta">\(c.documents.count) documents in \(c.groups.count) groups\(c.duplicates.isEmpty ? "" : "; \(c.duplicates.count) duplicates counted once").
        Balance runs from −1 (celebratory) to +1 (strategic-threat). Raw counts stand beside every statistic; the CSV files in this folder hold every number.</p>
        <h2>Mean balance per group</h2><p class="meta">Dots: mean document balance; lines: 95% percentile bootstrap interval (2,000 resamples, seed 42).</p>
        \(intervalChart)
        <h2>Labels</h2>\(labelChart)
        <div class="scroll"><table><thead><tr><th>group</th><th class="num">documents</th><th class="num">tokens</th><th class="num">mean</th><th class="num">median</th>
        <th class="num">celebratory cues /1k</th><th class="num">threat cues /1k</th><th>top cues (count)</th></tr></thead><tbody>
        """
        for g in c.groups {
            h += "<tr><td>\(Self.e(g.name))</td><td class=\"num\">\(g.documents)</td><td class=\"num\">\(g.tokens)</td><td class=\"num\">\(Self.f(g.meanBalance))</td>"
            h += "<td class=\"num\">\(Self.f(g.medianBalance))</td><td class=\"num\">\(Self.f(g.cueDensity["celebratory"] ?? 0, 1)) (\(g.cueCounts["celebratory"] ?? 0))</td>"
            h += "<td class=\"num\">\(Self.f(g.cueDensity["strategic-threat"] ?? 0, 1)) (\(g.cueCounts["strategic-threat"] ?? 0))</td>"
            let top = Self.frames.flatMap { frame in (g.topCues[frame] ?? []).prefix(3).map { "<mark class=\"\(frame == "celebratory" ? "c" : "t")\">\(Self.e($0.0))</mark> \($0.1)" } }
            h += "<td>\(top.joined(separator: " · "))</td></tr>\n"
        }
        h += "</tbody></table></div>"
        if !c.pairs.isEmpty {
            h += "<h2>Differences between groups</h2><p class=\"meta\">Mann–Whitney U on document balance, two-sided, Holm-corrected; rank-biserial r &gt; 0 means the first group is more strategic-threat.</p>"
            h += "<div class=\"scroll\"><table id=\"pairs\"><thead><tr><th>a</th><th>b</th><th class=\"num\">U</th><th class=\"num\">p</th><th class=\"num\">p (Holm)</th><th class=\"num\">r</th></tr></thead><tbody>"
            for p in c.pairs {
                h += "<tr><td>\(Self.e(p.a))</td><td>\(Self.e(p.b))</td><td class=\"num\">\(Self.f(p.test.u, 1))</td><td class=\"num\">\(Self.g(p.test.p))</td><td class=\"num\">\(Self.g(p.holm))</td><td class=\"num\">\(Self.f(p.test.rankBiserial))</td></tr>"
            }
            h += "</tbody></table></div>"
        }
        h += "<h2>What each group says more (keyness)</h2><p class=\"meta\">Cues (green celebratory, red threat) and entities (blue) over-used against the other groups: G² with Williams' correction, counts in the group vs the rest.</p>"
        for g in c.groups {
            h += "<h3>\(Self.e(g.name))</h3>\(keynessChart(g.name))\(examples(g.name))"
        }
        if !c.entities.isEmpty {
            h += "<h2>Entities across groups</h2><p class=\"meta\">Mean balance of the sentences mentioning the entity (mention-weighted); mentions in brackets.</p>"
            h += "<div class=\"scroll\"><table class=\"heat\" id=\"entities\"><thead><tr><th>entity</th>" + c.groups.map { "<th>\(Self.e($0.name))</th>" }.joined() + "</tr></thead><tbody>"
            for e in c.entities.prefix(40) {
                h += "<tr><td>\(Self.e(e.canonical))</td>"
                for g in c.groups {
                    if let cell = e.byGroup[g.name] {
                        h += "<td class=\"cell\" style=\"background:\(Self.colour(cell.balance * 2))\">\(Self.f(cell.balance, 2)) (\(cell.mentions))</td>"
                    } else { h += "<td class=\"cell\"></td>" }
                }
                h += "</tr>"
            }
            h += "</tbody></table></div>"
        }
        if !c.timeline.isEmpty {
            h += "<h2>Over time</h2><div class=\"scroll\"><table id=\"timeline\"><thead><tr><th>group</th><th>month</th><th class=\"num\">documents</th><th class=\"num\">mean balance</th></tr></thead><tbody>"
            for t in c.timeline { h += "<tr><td>\(Self.e(t.group))</td><td>\(Self.e(t.month))</td><td class=\"num\">\(t.documents)</td><td class=\"num\">\(Self.f(t.meanBalance))</td></tr>" }
            h += "</tbody></table></div>"
        }
        return h + "</main></body></html>\n"
    }
}
