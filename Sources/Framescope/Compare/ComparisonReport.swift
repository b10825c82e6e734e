import Foundation

/// Writes a comparison as tidy CSV tables (one row per observation), Markdown, and a
/// self-contained HTML report with inline SVG charts (no script, no network), and renders the
/// same tables for a terminal.
public struct ComparisonReport {
    public let comparison: Comparison
    /// The folder the report is written to (for links to the document views).
    public let outputDirectory: String

    public init(_ comparison: Comparison, outputDirectory: String) {
        self.comparison = comparison
        self.outputDirectory = outputDirectory
    }

    static func f(_ d: Double, _ digits: Int = 3) -> String { d.isFinite ? String(format: "%.\(digits)f", d) : "" }
    static func g(_ d: Double) -> String { d.isFinite ? (d < 1e-4 && d > 0 ? String(format: "%.2e", d) : String(format: "%.4f", d)) : "" }
    static let labels = ["celebratory", "strategic-threat", "mixed", "neutral"]
    static let frames = ["celebratory", "strategic-threat"]

    static func csv(_ rows: [[String]]) -> [UInt8] {
        var out = ""
        for row in rows {
            out += row.map { cell in
                cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ",") + "\n"
        }
        return Array(out.utf8)
    }

    public var groupsCSV: [UInt8] {
        var rows = [["group", "documents", "tokens", "mean_balance", "ci_low", "ci_high", "median_balance"]
            + Self.labels.map { "share_\($0)" } + Self.labels.map { "n_\($0)" }
            + ["framed_documents", "framed_mean_balance", "mean_evidence_mass"]
            + ["cues_celebratory", "cues_strategic_threat", "celebratory_per_1k", "strategic_threat_per_1k", "top_celebratory_cues", "top_strategic_threat_cues"]]
        for g in comparison.groups {
            var row = [g.name, "\(g.documents)", "\(g.tokens)", Self.f(g.meanBalance), Self.f(g.interval.low), Self.f(g.interval.high), Self.f(g.medianBalance)]
            row += Self.labels.map { Self.f(Double(g.labels[$0] ?? 0) / Double(max(1, g.documents))) }
            row += Self.labels.map { "\(g.labels[$0] ?? 0)" }
            row += ["\(g.framedDocuments)", Self.f(g.framedMeanBalance), Self.f(g.meanMass, 2)]
            row += Self.frames.map { "\(g.cueCounts[$0] ?? 0)" } + Self.frames.map { Self.f(g.cueDensity[$0] ?? 0, 2) }
            row += Self.frames.map { (g.topCues[$0] ?? []).map { "\($0.0) (\($0.1))" }.joined(separator: "; ") }
            rows.append(row)
        }
        return Self.csv(rows)
    }

    public var pairsCSV: [UInt8] {
        var rows = [["group_a", "group_b", "n_a", "n_b", "u", "z", "p", "p_holm", "rank_biserial"]]
        let n = Dictionary(uniqueKeysWithValues: comparison.groups.map { ($0.name, $0.documents) })
        for p in comparison.pairs {
            rows.append([p.a, p.b, "\(n[p.a] ?? 0)", "\(n[p.b] ?? 0)", Self.f(p.test.u, 1), Self.f(p.test.z), Self.g(p.test.p), Self.g(p.holm), Self.f(p.test.rankBiserial)])
        }
        return Self.csv(rows)
    }

    public var keynessCSV: [UInt8] {
        var rows = [["group", "kind", "item", "frame_or_type", "count_group", "count_rest", "g2", "g2_williams", "p", "direction"]]
        for k in comparison.keyness {
            rows.append([k.group, k.kind, k.item, k.frame, "\(k.inGroup)", "\(k.inRest)", Self.f(k.keyness.g2), Self.f(k.keyness.corrected),
                         Self.g(k.keyness.p), k.keyness.direction > 0 ? "over" : "under"])
        }
        return Self.csv(rows)
    }

    public var entitiesCSV: [UInt8] {
        var rows = [["entity_id", "canonical", "type", "group", "mentions", "documents", "mean_balance"]]
        for e in comparison.entities {
            for g in e.byGroup.keys.sorted() {
                let c = e.byGroup[g]!
                rows.append([e.id, e.canonical, e.type, g, "\(c.mentions)", "\(c.documents)", Self.f(c.balance)])
            }
        }
        return Self.csv(rows)
    }

    public var timelineCSV: [UInt8] {
        var rows = [["group", "month", "documents", "mean_balance"]]
        for t in comparison.timeline { rows.append([t.group, t.month, "\(t.documents)", Self.f(t.meanBalance)]) }
        return Self.csv(rows)
    }

    /// Plain-text tables for `--format table`.
    public var table: String {
        func render(_ rows: [[String]]) -> String {
            var widths = [Int](repeating: 0, count: rows.map(\.count).max() ?? 0)
            for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
            return rows.map { r in r.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ") }
                .joined(separator: "\n")
        }
        var out = "Framing by \(comparison.by) (\(comparison.documents.count) documents)\n\n"
        out += render([["group", "docs", "tokens", "mean balance", "95% CI", "median", "celebr.", "threat", "mixed", "neutral", "framed mean", "mass/doc"]]
            + comparison.groups.map { g in
                [g.name, "\(g.documents)", "\(g.tokens)", Self.f(g.meanBalance), "[\(Self.f(g.interval.low)), \(Self.f(g.interval.high))]", Self.f(g.medianBalance)]
                    + Self.labels.map { "\(g.labels[$0] ?? 0)" }
                    + [g.framedDocuments > 0 ? Self.f(g.framedMeanBalance) : "–", Self.f(g.meanMass, 1)]
            })
        if !comparison.pairs.isEmpty {
            out += "\n\nPairs (Mann–Whitney U on balance, Holm-corrected)\n\n"
            out += render([["a", "b", "U", "p", "p (Holm)", "rank-biserial"]] + comparison.pairs.map {
                [$0.a, $0.b, Self.f($0.test.u, 1), Self.g($0.test.p), Self.g($0.holm), Self.f($0.test.rankBiserial)]
            })
        }
        return out + "\n"
    }

    /// Top keyness items over-used by a group.
    func keyItems(_ group: String, limit: Int = 8) -> [Comparison.Key] {
        Array(comparison.keyness.filter { $0.group == group && $0.keyness.direction > 0 && $0.inGroup >= 2 }.prefix(limit))
    }

    public var markdown: String {
        var md = "# Framing by \(comparison.by)\n\n\(comparison.documents.count) documents in \(comparison.groups.count) groups."
        if !comparison.duplicates.isEmpty { md += " \(comparison.duplicates.count) duplicate documents were counted once." }
        md += " Balance runs from −1 (celebratory) to +1 (strategic-threat); intervals are 95% percentile bootstrap intervals of the mean (2,000 resamples, seed 42).\n\n"
        md += " A balance carries how much of a document is framed (docs/framing.md): read it beside the labels, the mean balance of the framed (non-neutral) documents and the evidence mass per document.\n\n"
        md += "| group | documents | tokens | mean balance | 95% CI | median | celebratory | strategic-threat | mixed | neutral | framed mean balance | evidence mass / document |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n"
        for g in comparison.groups {
            md += "| \(g.name) | \(g.documents) | \(g.tokens) | \(Self.f(g.meanBalance)) | [\(Self.f(g.interval.low)), \(Self.f(g.interval.high))] | \(Self.f(g.medianBalance)) | "
            md += Self.labels.map { "\(g.labels[$0] ?? 0)" }.joined(separator: " | ")
            md += " | \(g.framedDocuments > 0 ? Self.f(g.framedMeanBalance) : "–") | \(Self.f(g.meanMass, 1)) |\n"
        }
        if !comparison.pairs.isEmpty {
            md += "\n## Differences between groups\n\nMann–Whitney U on document balance, two-sided, Holm-corrected across pairs; effect size is the rank-biserial correlation (positive: the first group is more strategic-threat).\n\n"
            md += "| a | b | U | p | p (Holm) | rank-biserial |\n|---|---|---|---|---|---|\n"
            for p in comparison.pairs { md += "| \(p.a) | \(p.b) | \(Self.f(p.test.u, 1)) | \(Self.g(p.test.p)) | \(Self.g(p.holm)) | \(Self.f(p.test.rankBiserial)) |\n" }
        }
        md += "\n## What drives the difference (keyness against the other groups)\n\nLog-likelihood G² with Williams' correction; counts in the group and in the rest.\n"
        for g in comparison.groups {
            let items = keyItems(g.name)
            guard !items.isEmpty else { continue }
            md += "\n**\(g.name)**: " + items.map { "\($0.item) (\($0.kind), \($0.inGroup) vs \($0.inRest), G² \(Self.f($0.keyness.corrected, 1)))" }.joined(separator: "; ") + "\n"
        }
        if !comparison.entities.isEmpty {
            md += "\n## Entities framed by more than one group\n\nMean balance of the sentences mentioning each entity (mention-weighted), with mentions.\n\n"
            md += "| entity | " + comparison.groups.map(\.name).joined(separator: " | ") + " |\n|---|" + comparison.groups.map { _ in "---|" }.joined() + "\n"
            for e in comparison.entities.prefix(30) {
                md += "| \(e.canonical) | " + comparison.groups.map { g in e.byGroup[g.name].map { "\(Self.f($0.balance, 2)) (\($0.mentions))" } ?? "" }.joined(separator: " | ") + " |\n"
            }
        }
        return md
    }
}
