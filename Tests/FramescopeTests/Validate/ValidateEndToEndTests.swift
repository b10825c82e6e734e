import Foundation
import Testing
@testable import Framescope

/// `framescope validate` and `annotate --calibration` through the real executable, on a tiny
/// annotation folder made here.
@Suite("validate end to end", .serialized)
struct ValidateEndToEndTests {
    static let texts = [
        "xinhua/milestone": "Baogang hails a milestone\n\nBaogang Group celebrated a milestone of national pride with 800,000 tons of green steel, a historic breakthrough.",
        "xinhua/record": "包钢集团稀土产量创历史新高\n\n包钢集团稀土产量创历史新高，实现重大突破，彰显民族自豪。",
        "xinhua/market": "Steel prices\n\nSteel prices were flat on Tuesday in Baotou.",
        "reex/dominance": "Dominance warning\n\nChina's dominance of rare earths is a threat the West must take seriously, analysts warn.",
        "reex/leverage": "Leverage\n\nBeijing could weaponize its chokehold on magnet supply chains, a strategic vulnerability for the West.",
        "reex/mixed": "Two sides\n\nBaogang celebrated a milestone of national pride. But China's dominance is a threat the West must take seriously.",
    ]

    static func annotate(_ corpus: String, _ out: String, _ extra: [String] = []) throws -> (code: Int32, out: String, err: String) {
        try Executable.run(["annotate", corpus, "-o", out, "--jobs", "1", "--lexicons", Repository.path("Lexicons")] + extra)
    }

    static func corpus() throws -> String {
        let corpus = try temporaryFolder("vcorpus")
        for (id, text) in texts { try write(text, to: corpus + "/\(id).txt") }
        return corpus
    }

    static func labels(_ out: String) throws -> [String: String] {
        let lines = try String(contentsOfFile: out + "/documents.jsonl", encoding: .utf8).split(separator: "\n")
        var labels: [String: String] = [:]
        for line in lines {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            labels[o["id"] as! String] = (o["framing"] as! [String: Any])["label"] as? String
        }
        return labels
    }

    @Test("validate: figures on stdout, validate.csv and validate.md with the disagreements' evidence; --calibrate writes a calibration annotate accepts")
    func validate() throws {
        let corpus = try Self.corpus()
        let annotations = try temporaryFolder("vann")
        #expect(try Self.annotate(corpus, annotations).code == 0)
        let labels = try Self.labels(annotations)
        #expect(labels.count == 6)
        #expect(labels["xinhua/milestone"] == "celebratory" && labels["reex/dominance"] == "strategic-threat", "\(labels)")
        // The coder agrees with Framescope except on the milestone article, coded threat; one
        // coded id is not in the annotations.
        var codes = "id,label,note\n"
        for id in labels.keys.sorted() { codes += "\(id),\(id == "xinhua/milestone" ? "threat" : labels[id]!),\"checked, twice\"\n" }
        codes += "nowhere/else,neutral,\n"
        let work = try temporaryFolder("vout")
        try write(codes, to: work + "/codes.csv")
        let r = try Executable.run(["validate", work + "/codes.csv", annotations, "-o", work + "/report", "--bootstrap", "300", "--group", "source"])
        #expect(r.code == 0, Comment(rawValue: r.err))
        #expect(r.err.contains("1 coded id(s) are not in") && r.err.contains("nowhere/else"))
        #expect(r.out.contains("7 coded documents, 1 coder, 1 missing from the annotations"), Comment(rawValue: r.out))
        #expect(r.out.contains("accuracy") && r.out.contains("0.833"), Comment(rawValue: r.out))
        #expect(r.out.contains("By source"))
        let csv = try String(contentsOfFile: work + "/report/validate.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "scope,group,measure,value,ci_low,ci_high,n_documents,n_coders")
        let accuracy = try #require(csv.first { $0.hasPrefix("framescope,all,accuracy,") }).split(separator: ",", omittingEmptySubsequences: false)
        #expect(accuracy[3] == "0.833333" && accuracy[6] == "6" && accuracy[7] == "1")
        #expect(Double(accuracy[4])! <= 0.833333 && Double(accuracy[5])! >= 0.833333)
        #expect(csv.contains("counts,all,missing_from_annotations,1,,,1,1"))
        #expect(csv.contains { $0.hasPrefix("framescope,xinhua,accuracy,0.666667,") })
        #expect(csv.contains("framescope,all,confusion:coded=strategic-threat:framescope=celebratory,1,0.000000,3.000000,6,1")
                || csv.contains { $0.hasPrefix("framescope,all,confusion:coded=strategic-threat:framescope=celebratory,1,") })
        // validate.md: the disagreement with its strongest cue (as the document JSON has it).
        let md = try String(contentsOfFile: work + "/report/validate.md", encoding: .utf8)
        #expect(md.contains("## Disagreements (1)"))
        #expect(md.contains("### `xinhua/milestone` — Baogang hails a milestone (xinhua)"))
        #expect(md.contains("coded **strategic-threat** · Framescope **celebratory**"))
        let doc = try jsonObject(annotations + "/docs/xinhua/milestone.json")
        let strongest = (doc["cues"] as! [[String: Any]]).max { ($0["score"] as! Double) < ($1["score"] as! Double) }!
        #expect(md.contains("| \(strongest["text"] as! String) | "), Comment(rawValue: md))
        #expect(md.contains("| coded ↓ \\ Framescope → | celebratory | strategic-threat | mixed | neutral | total |"))

        // --calibrate: cross-validated figures and a calibration file that annotate takes.
        let c = try Executable.run(["validate", work + "/codes.csv", annotations, "-o", work + "/cal", "--bootstrap", "50", "--calibrate", "--folds", "2"])
        #expect(c.code == 0, Comment(rawValue: c.err))
        #expect(c.out.contains("cross-validated (2 folds"), Comment(rawValue: c.out))
        let calibration = try jsonObject(work + "/cal/calibration.json")
        #expect(calibration["schema"] as? String == "framescope.calibration/1")
        #expect((calibration["documents"] as? Int) == 6 && (calibration["folds"] as? Int) == 2)
        #expect((calibration["cross_validated"] as? [String: Any])?["accuracy"] != nil)
        let again = try Self.annotate(corpus, try temporaryFolder("vcal"), ["--calibration", work + "/cal/calibration.json"])
        #expect(again.code == 0, Comment(rawValue: again.err))
        // Bad inputs: exit 2 with the file and line.
        try write("id,label\nxinhua/market,positive\n", to: work + "/bad.csv")
        let bad = try Executable.run(["validate", work + "/bad.csv", annotations, "-o", work + "/bad"])
        #expect(bad.code == 2 && bad.err.contains("bad.csv:2: unknown label 'positive'"), Comment(rawValue: bad.err))
        try? FileManager.default.removeItem(atPath: corpus)
    }

    @Test("annotate --calibration changes the labels, is recorded in run.json and invalidates the incremental skip")
    func annotateCalibration() throws {
        let corpus = try Self.corpus()
        let out = try temporaryFolder("acal")
        #expect(try Self.annotate(corpus, out).code == 0)
        let before = try Self.labels(out)
        #expect(before.values.contains("strategic-threat") && before.values.contains("celebratory"))
        let plainHash = try jsonObject(out + "/docs/reex/dominance.json")["settings_hash"] as? String
        #expect(plainHash == FramingOptions().settingsHash)
        // A threshold no balance reaches: no document is polar any more (mixed when both frames lean
        // sentences of their own, else neutral).
        let calibration = #"{"schema": "framescope.calibration/1", "values": {"polar_threshold": 1.0}}"# + "\n"
        try write(calibration, to: out + "/../cal.json")
        let calibrated = try Self.annotate(corpus, out, ["--calibration", out + "/../cal.json"])
        #expect(calibrated.code == 0, Comment(rawValue: calibrated.err))
        let run = try jsonObject(out + "/run.json")
        #expect((run["counts"] as! [String: Any])["annotated"] as? Int == 6, "another calibration: nothing reused")
        let recorded = try #require((run["options"] as! [String: Any])["calibration"] as? [String: Any])
        #expect(recorded["path"] as? String == out + "/../cal.json")
        #expect(recorded["sha256"] as? String == DocumentLoader.sha256(Array(calibration.utf8)))
        #expect((recorded["values"] as? [String: Any])?["polar_threshold"] as? Double == 1.0)
        let after = try Self.labels(out)
        for (id, label) in before {
            #expect(after[id] == "neutral" || (label != "neutral" && after[id] == "mixed"), "\(id): \(label) → \(after[id] ?? "?")")
        }
        let calibratedHash = try jsonObject(out + "/docs/reex/dominance.json")["settings_hash"] as? String
        #expect(calibratedHash != nil && calibratedHash != plainHash)
        try AnnotateEndToEndTests.checkDocument(out + "/docs/reex/dominance.json")
        // The same calibration again: everything reused. No calibration: everything redone.
        #expect(try Self.annotate(corpus, out, ["--calibration", out + "/../cal.json"]).code == 0)
        #expect((try jsonObject(out + "/run.json")["counts"] as! [String: Any])["skipped_unchanged"] as? Int == 6)
        #expect(try Self.annotate(corpus, out).code == 0)
        let plain = try jsonObject(out + "/run.json")
        #expect((plain["counts"] as! [String: Any])["annotated"] as? Int == 6)
        #expect((plain["options"] as! [String: Any])["calibration"] is NSNull)
        #expect(try Self.labels(out) == before)
        // --stdin-jsonl takes it too.
        let line = #"{"id": "x", "text": "China's dominance of rare earths is a threat the West must take seriously, analysts warn."}"# + "\n"
        let streamed = try Executable.run(["annotate", "--stdin-jsonl", "--lexicons", Repository.path("Lexicons"), "--calibration", out + "/../cal.json"],
                                          stdin: Data(line.utf8))
        let object = try JSONSerialization.jsonObject(with: Data(streamed.out.utf8)) as! [String: Any]
        // Without the calibration it is strategic-threat; below the polar threshold, one-sided, it is neutral.
        #expect((object["framing"] as! [String: Any])["label"] as? String == "neutral")
        // A bad file: exit 2, naming it.
        try write(#"{"schema": "framescope.calibration/1", "values": {"polar_threshold": 7}}"#, to: out + "/../bad.json")
        let bad = try Self.annotate(corpus, out, ["--calibration", out + "/../bad.json"])
        #expect(bad.code == 2 && bad.err.contains("bad.json: polar_threshold = 7.0 is outside"), Comment(rawValue: bad.err))
        try? FileManager.default.removeItem(atPath: corpus)
    }
}
