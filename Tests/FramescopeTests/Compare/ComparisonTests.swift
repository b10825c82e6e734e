import Foundation
import Testing
@testable import Framescope

@Suite("compare", .serialized)
struct ComparisonTests {
    /// A summary line with the fields compare reads.
    static func line(_ id: String, source: String, balance: Double, label: String, tokens: Int = 100, date: String? = nil,
                     cues: [(String, String, Int)] = [], entities: [(String, Int, Double)] = []) -> String {
        var json = JSONWriter(indent: 0)
        json.beginObject()
        json.field("id", id); json.field("doc", "docs/\(id).json")
        json.key("metadata"); json.beginObject(); json.field("source", source); json.field("date", date); json.endObject()
        json.key("framing"); json.beginObject(); json.field("balance", balance); json.field("label", label); json.field("tokens", tokens); json.endObject()
        json.key("cues"); json.beginArray()
        for (cue, frame, count) in cues { json.beginObject(); json.field("cue", cue); json.field("frame", frame); json.field("count", count); json.field("score", Double(count)); json.endObject() }
        json.endArray()
        json.key("entities"); json.beginArray()
        for (id, mentions, b) in entities {
            json.beginObject(); json.field("id", id); json.field("canonical", id); json.field("type", "company"); json.field("mentions", mentions); json.field("balance", b); json.endObject()
        }
        json.endArray()
        json.endObject()
        return String(decoding: json.bytes, as: UTF8.self)
    }

    static let lines = [
        line("a/1", source: "state", balance: -0.9, label: "celebratory", date: "2024-10-15", cues: [("milestone", "celebratory", 3)], entities: [("company:baogang", 2, -0.8)]),
        line("a/2", source: "state", balance: -0.7, label: "celebratory", date: "2024-10-20", cues: [("milestone", "celebratory", 2)], entities: [("company:baogang", 1, -0.6)]),
        line("a/3", source: "state", balance: -0.2, label: "mixed", date: "2024-11-02"),
        line("b/1", source: "industry", balance: 0.6, label: "strategic-threat", date: "2024-10-16", cues: [("dominance", "strategic-threat", 4)], entities: [("company:baogang", 3, 0.5)]),
        line("b/2", source: "industry", balance: 0.8, label: "strategic-threat", cues: [("dominance", "strategic-threat", 2)]),
        line("b/3", source: "industry", balance: 0.1, label: "mixed"),
        line("b/4", source: "industry", balance: 0.4, label: "strategic-threat", cues: [("dominance", "strategic-threat", 1)]),
    ]

    static func folder(_ lines: [String]) throws -> String {
        let dir = try temporaryFolder("cmp")
        try write(lines.joined(separator: "\n") + "\n", to: dir + "/documents.jsonl")
        return dir
    }

    @Test("group statistics match hand-computed and scipy values")
    func statistics() throws {
        let (docs, _) = try Comparison.load(folders: [try Self.folder(Self.lines)])
        let c = Comparison(documents: docs, by: "source")
        #expect(c.groups.map(\.name) == ["industry", "state"])
        let state = c.groups[1], industry = c.groups[0]
        #expect(abs(state.meanBalance - (-0.6)) < 1e-12 && state.medianBalance == -0.7)
        #expect(abs(industry.meanBalance - 0.475) < 1e-12 && abs(industry.medianBalance - 0.5) < 1e-12)
        #expect(state.labels["celebratory"] == 2 && industry.labels["strategic-threat"] == 3)
        #expect(state.cueCounts["celebratory"] == 5 && abs((state.cueDensity["celebratory"] ?? 0) - 5000.0 / 300) < 1e-9)
        #expect(state.interval.low <= state.meanBalance && state.meanBalance <= state.interval.high)
        // scipy.stats.mannwhitneyu([0.6, 0.8, 0.1, 0.4], [-0.9, -0.7, -0.2], alternative="two-sided",
        // method="asymptotic"): statistic 12.0, pvalue 0.05182992721790968 (scipy 1.17.1).
        let pair = try #require(c.pairs.first)
        #expect(pair.a == "industry" && pair.b == "state" && pair.test.u == 12)
        #expect(abs(pair.test.p - 0.05182992721790968) < 1e-6)
        #expect(pair.test.rankBiserial == 1)
        // Keyness: "dominance" is industry's (7 vs 0 in 400 vs 300 tokens).
        let k = try #require(c.keyness.first { $0.group == "industry" && $0.item == "dominance" })
        #expect(k.inGroup == 7 && k.inRest == 0 && k.keyness.direction == 1)
        // Baogang is framed by both groups, opposite ways.
        let baogang = try #require(c.entities.first { $0.id == "company:baogang" })
        #expect(abs(baogang.byGroup["state"]!.balance - (-2.2 / 3)) < 1e-9 && baogang.byGroup["state"]!.mentions == 3)
        #expect(baogang.byGroup["industry"]!.balance == 0.5)
        #expect(c.timeline.contains { $0.group == "state" && $0.month == "2024-10" && $0.documents == 2 })
    }

    @Test("shards merge to the same result as one run; a document present twice counts once")
    func shards() throws {
        let whole = try Self.folder(Self.lines)
        let first = try Self.folder(Array(Self.lines.prefix(3)) + [Self.lines[3]])
        let second = try Self.folder(Array(Self.lines.dropFirst(3)))  // b/1 in both folders
        let one = try Comparison.load(folders: [whole])
        let merged = try Comparison.load(folders: [first, second])
        #expect(merged.duplicates == ["b/1"])
        let a = ComparisonReport(Comparison(documents: one.documents, by: "source"), outputDirectory: whole)
        let b = ComparisonReport(Comparison(documents: merged.documents, by: "source"), outputDirectory: whole)
        #expect(a.groupsCSV == b.groupsCSV && a.pairsCSV == b.pairsCSV && a.keynessCSV == b.keynessCSV && a.entitiesCSV == b.entitiesCSV)
    }

    @Test("report.html renders in headless Chromium with its charts and no console errors")
    func rendersInChromium() throws {
        let dir = try Self.folder(Self.lines + [Self.line("c/1", source: "<script>alert(1)</script>", balance: 0, label: "neutral")])
        let out = dir + "/compare"
        let r = try Executable.run(["compare", dir, "--out", out])
        #expect(r.code == 0, Comment(rawValue: r.err))
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let browser = try #require(chromium, "Chromium is needed for this test: apt-get install -y chromium (.ci/run installs it)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: browser)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0", "--dump-dom", "file://" + out + "/report.html"]
        let stdout = Pipe(), stderr = Pipe()
        p.standardOutput = stdout
        p.standardError = stderr
        try p.run()
        let dom = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let log = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(dom.contains("id=\"balance-chart\"") && dom.contains("id=\"label-chart\""))
        #expect(dom.components(separatedBy: "class=\"dot\"").count - 1 == 3, "one dot per group")
        #expect(dom.contains("class=\"share\"") && dom.contains("class=\"bar\"") && dom.contains("id=\"entities\""))
        #expect(!dom.contains("<script>alert(1)"), "group names are escaped")
        let consoleErrors = log.split(separator: "\n").filter { $0.contains("CONSOLE") || ($0.contains(":ERROR:") && $0.contains("console")) }
        #expect(consoleErrors.isEmpty, "\(consoleErrors)")
        for name in ["groups.csv", "pairs.csv", "keyness.csv", "entities.csv", "timeline.csv", "report.md"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name))
        }
    }

    @Test("the bundled corpus's two seed sources come out on opposite sides")
    func seeds() throws {
        let out = try temporaryFolder("cmp-seeds") + "/annotations"
        #expect(try Executable.run(["annotate", "Corpus", "-o", out], cwd: Repository.root.path).code == 0)
        #expect(try Executable.run(["compare", out]).code == 0)
        let rows = try String(contentsOfFile: out + "/compare/groups.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",") }
        func mean(_ g: String) -> Double? { rows.first { $0.first.map(String.init) == g }.flatMap { Double($0[3]) } }
        #expect((mean("chinaservicesinfo") ?? 0) < -0.5)
        #expect((mean("rareearthexchanges") ?? 0) > 0.2)
        let table = try Executable.run(["compare", out, "--format", "table"])
        #expect(table.code == 0 && table.out.contains("rareearthexchanges"))
    }
}
