import Foundation
import Testing
@testable import Framescope

/// End to end through the real executable, over temporary corpora. Serialized: these tests
/// start processes and use both cores.
@Suite("annotate end to end", .serialized)
struct AnnotateEndToEndTests {
    static var schema: [String: Any] {
        try! JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: Repository.path("docs/schema/framescope.document-1.schema.json")))) as! [String: Any]
    }

    static let english = """
    Baogang Group hails a milestone

    Updated: Oct 15, 2024

    Baogang Group, China's rare earth powerhouse, produced 800,000 tons of green steel, a source of national pride.
    Copyright © 2024 Example Daily. All rights reserved.
    """

    /// Checks a document JSON against the schema and the offset contract.
    static func checkDocument(_ path: String) throws {
        let doc = try jsonObject(path)
        let errors = SchemaValidator(schema: schema).validate(doc)
        #expect(errors.isEmpty, "\(path): \(errors.prefix(5))")
        let scalars = Array((doc["text"] as! String).unicodeScalars)
        func text(_ s: Int, _ e: Int) -> String { var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[s..<e]); return String(v) }
        for key in ["entities", "nested_entities", "cues"] {
            for item in doc[key] as! [[String: Any]] {
                let s = item["start"] as! Int, e = item["end"] as! Int
                #expect(s < e && e <= scalars.count && text(s, e) == item["text"] as! String, "\(path) \(key) \(item)")
            }
        }
    }

    @Test("bad input never loses good output: every bad input is annotated or listed in run.json")
    func badInputs() throws {
        let corpus = try temporaryFolder("corpus")
        let out = try temporaryFolder("out") + "/annotations"
        for folder in ["good", "bad", "feeds", "web", "big"] {
            try FileManager.default.createDirectory(atPath: corpus + "/" + folder, withIntermediateDirectories: true)
        }
        try write(Self.english, to: corpus + "/good/en.txt")
        // GB18030 bytes of a Chinese sentence.
        let gb: [UInt8] = [176, 252, 184, 214, 188, 175, 205, 197, 207, 161, 205, 193, 178, 250, 193, 191, 180, 239, 181, 189, 210, 187, 199, 167, 198, 223, 176, 217, 206, 229, 202, 174, 205, 242, 182, 214, 163, 172, 205, 172, 177, 200, 212, 246, 179, 164, 176, 217, 183, 214, 214, 174, 206, 229, 161, 163]
        try Data(gb).write(to: URL(fileURLWithPath: corpus + "/good/zh-gb18030.txt"))
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00] + Array(repeating: 0x41, count: 100)).write(to: URL(fileURLWithPath: corpus + "/bad/archive.txt"))
        try Data().write(to: URL(fileURLWithPath: corpus + "/bad/empty.txt"))
        try Data(Array("Baogang steel output rose 5% ".utf8) + [0xC3, 0x28, 0xFF] + Array(" in Baotou.".utf8)).write(to: URL(fileURLWithPath: corpus + "/bad/broken-bytes.txt"))
        try FileManager.default.createSymbolicLink(atPath: corpus + "/bad/gone.txt", withDestinationPath: corpus + "/nowhere/missing.txt")
        try FileManager.default.createSymbolicLink(atPath: corpus + "/bad/loop", withDestinationPath: corpus + "/bad")
        try write("{\"id\": \"a\", \"text\": \"Lynas expands in Malaysia.\", \"source\": \"wire\"}\n{not json\n{\"id\": \"c\", \"text\": \"包钢集团稀土产量创新高。\"}\n", to: corpus + "/feeds/items.jsonl")
        try write("""
        <html><head><title>Steel &amp; magnets</title><script>document.write('injected')</script><style>p{}</style></head>
        <body><nav>Home | News</nav><p>Engineers warn: &lt;script&gt;alert(1)&lt;/script&gt; is not a magnet.</p>
        <p>Baogang &amp; Northern Rare Earth ship NdFeB magnets.</p></body></html>
        """, to: corpus + "/web/page.html")
        // A 50 MB single document: long sentences of filler with a few real mentions.
        let sentence = String(repeating: "lorem ipsum dolor sit amet consectetur adipiscing elit ", count: 40) + "Baogang ships rare earth magnets. "
        let chunk = String(repeating: sentence, count: 100)
        var huge = ""
        huge.reserveCapacity(51 << 20)
        while huge.utf8.count < 50 << 20 { huge += chunk }
        try write(huge, to: corpus + "/big/huge.txt")

        let r = try Executable.run(["annotate", corpus, "-o", out, "--format", "json,brat,html", "--jobs", "2", "--lexicons", Repository.path("Lexicons")])
        #expect(r.code == 1, "some documents failed → exit 1; stderr: \(r.err)")
        let run = try jsonObject(out + "/run.json")
        let failures = run["failures"] as! [[String: Any]]
        func failure(_ file: String) -> [String: Any]? { failures.first { $0["file"] as? String == file } }
        #expect((failure("bad/archive.txt")?["reason"] as? String)?.contains("binary") == true, "\(failures)")
        #expect((failure("bad/empty.txt")?["reason"] as? String)?.contains("empty") == true)
        #expect(failure("bad/gone.txt") != nil, "a broken link is reported, not silently dropped")
        #expect(failure("feeds/items.jsonl")?["line"] as? Int == 2)
        #expect(failures.count == 4, "\(failures)")
        let counts = run["counts"] as! [String: Any]
        #expect(counts["annotated"] as? Int == 7)
        #expect(counts["failed"] as? Int == 4)
        // Every good document is written, valid and offset-correct.
        for id in ["good/en", "good/zh-gb18030", "bad/broken-bytes", "feeds/items/a", "feeds/items/c", "web/page", "big/huge"] {
            let path = out + "/docs/\(id).json"
            #expect(FileManager.default.fileExists(atPath: path), "\(id)")
            if id != "big/huge" { try Self.checkDocument(path) }
            #expect(FileManager.default.fileExists(atPath: out + "/docs/\(id).ann") && FileManager.default.fileExists(atPath: out + "/docs/\(id).html"))
        }
        let gbDoc = try jsonObject(out + "/docs/good/zh-gb18030.json")
        #expect((gbDoc["metadata"] as! [String: Any])["encoding"] as? String == "GB18030")
        #expect((gbDoc["text"] as! String).hasPrefix("包钢集团"))
        let gbMeta = gbDoc["metadata"] as! [String: Any]
        #expect(gbMeta["encoding_method"] as? String == "detected" && gbMeta["replaced_bytes"] as? Int == 0)
        #expect((gbMeta["encoding_confidence"] as? Int ?? 0) >= 50, "\(gbMeta)")
        let broken = try jsonObject(out + "/docs/bad/broken-bytes.json")
        #expect((broken["text"] as! String).contains("\u{FFFD}"))
        let brokenMeta = broken["metadata"] as! [String: Any]
        #expect(brokenMeta["encoding_method"] as? String == "utf-8-damaged" && brokenMeta["replaced_bytes"] as? Int == 2)
        #expect(brokenMeta["encoding_confidence"] is NSNull)
        // A JSON line arrives as text: nothing was decoded, so no decoding fields.
        #expect((try jsonObject(out + "/docs/feeds/items/a.json")["metadata"] as! [String: Any])["encoding_method"] == nil)
        // run.json: the lost bytes in total and per document (C3 and FF of broken-bytes).
        #expect(counts["replaced_bytes"] as? Int == 2 && counts["documents_with_replaced_bytes"] as? Int == 1)
        #expect(run["replaced_bytes"] as? [String: Int] == ["bad/broken-bytes": 2])
        // The 50 MB document: annotated whole, parseable, with its mentions found.
        let hugeDoc = try jsonObject(out + "/docs/big/huge.json")
        #expect((hugeDoc["text"] as! String).utf8.count == huge.utf8.count)
        #expect((hugeDoc["entities"] as! [Any]).count > 1000)
        // HTML: script content dropped from the text; the text's own <script> escaped in the view.
        let page = try jsonObject(out + "/docs/web/page.json")
        let pageText = page["text"] as! String
        #expect(!pageText.contains("injected") && !pageText.contains("Home | News") && pageText.contains("<script>alert(1)</script>"))
        #expect((page["metadata"] as! [String: Any])["title"] as? String == "Steel & magnets")
        let view = try String(contentsOfFile: out + "/docs/web/page.html", encoding: .utf8)
        #expect(!view.contains("<script>alert(1)") && view.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // documents.jsonl: one line per annotated document, ordered by id.
        let lines = try String(contentsOfFile: out + "/documents.jsonl", encoding: .utf8).split(separator: "\n")
        let ids = lines.map { (try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["id"] as! String }
        #expect(ids.count == 7 && ids == ids.sorted())
        #expect(FileManager.default.fileExists(atPath: out + "/index.html"))
        try? FileManager.default.removeItem(atPath: corpus)
        try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent)
    }

    /// A corpus of n small documents in three source folders.
    static func makeCorpus(_ n: Int) throws -> String {
        let corpus = try temporaryFolder("many")
        let sources = ["xinhua", "reex", "marketwire"]
        for i in 0..<n {
            let text = i % 2 == 0
                ? "Baogang milestone \(i)\n\nBaogang Group celebrated a milestone of national pride with \(i * 10) tons of green steel."
                : "Dominance warning \(i)\n\nChina's dominance of rare earths is a threat the West must take seriously; document \(i)."
            try write(text, to: corpus + "/\(sources[i % 3])/doc-\(String(format: "%04d", i)).txt")
        }
        return corpus
    }

    @Test("an interrupted run leaves no truncated file and the next run finishes only the rest")
    func interruption() throws {
        let corpus = try Self.makeCorpus(400)
        let out = try temporaryFolder("int") + "/annotations"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Executable.framescope)
        p.arguments = ["annotate", corpus, "-o", out, "--jobs", "1", "--format", "json,html", "--lexicons", Repository.path("Lexicons")]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Kill it once some documents are out, well before the end.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if files(under: out + "/docs").filter({ $0.hasSuffix(".json") }).count >= 30 { break }
            usleep(2_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let written = files(under: out + "/docs").filter { $0.hasSuffix(".json") }
        #expect(written.count >= 30 && written.count < 400, "killed midway: \(written.count) written")
        for f in written { #expect((try? jsonObject(out + "/docs/" + f)) != nil, "\(f) is complete JSON") }
        #expect(!FileManager.default.fileExists(atPath: out + "/documents.jsonl"), "the killed run never finished")
        let r = try Executable.run(["annotate", corpus, "-o", out, "--jobs", "2", "--format", "json,html", "--lexicons", Repository.path("Lexicons")])
        #expect(r.code == 0, Comment(rawValue: r.err))
        let counts = try jsonObject(out + "/run.json")["counts"] as! [String: Any]
        let skipped = counts["skipped_unchanged"] as! Int, annotated = counts["annotated"] as! Int
        #expect(skipped + annotated == 400)
        #expect(skipped >= written.count - 1, "all but at most the one in flight are reused (\(skipped) of \(written.count))")
        #expect(annotated <= 400 - written.count + 1)
        let lines = try String(contentsOfFile: out + "/documents.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 400)
        try? FileManager.default.removeItem(atPath: corpus)
    }

    /// A Hong Kong page in Big5-HKSCS with a pasted UTF-8 dash (3 bytes lost) beside a clean one:
    /// decoded by the browser's Big5 decoder, its choice and losses in the metadata and run.json,
    /// and still counted when a second run skips it as unchanged.
    @Test("a Big5-HKSCS page: decoder choice in metadata, replaced bytes in run.json, also when skipped")
    func big5Decoding() throws {
        let corpus = try temporaryFolder("big5-corpus")
        let out = try temporaryFolder("big5-out") + "/annotations"
        var dashed = DecoderTests.hongKongBig5
        dashed.insert(contentsOf: [0xE2, 0x80, 0x93, 0x20], at: 20)
        try FileManager.default.createDirectory(atPath: corpus + "/hk", withIntermediateDirectories: true)
        try Data(dashed).write(to: URL(fileURLWithPath: corpus + "/hk/dashed.txt"))
        try Data(DecoderTests.hongKongBig5).write(to: URL(fileURLWithPath: corpus + "/hk/clean.txt"))
        for pass in 1...2 {
            let r = try Executable.run(["annotate", corpus, "-o", out, "--lexicons", Repository.path("Lexicons")])
            #expect(r.code == 0, Comment(rawValue: r.err))
            let run = try jsonObject(out + "/run.json")
            let counts = run["counts"] as! [String: Any]
            #expect(counts[pass == 1 ? "annotated" : "skipped_unchanged"] as? Int == 2)
            #expect(counts["replaced_bytes"] as? Int == 3 && counts["documents_with_replaced_bytes"] as? Int == 1, "pass \(pass)")
            #expect(run["replaced_bytes"] as? [String: Int] == ["hk/dashed": 3], "pass \(pass)")
        }
        for (id, lost) in [("hk/dashed", 3), ("hk/clean", 0)] {
            try Self.checkDocument(out + "/docs/\(id).json")
            let doc = try jsonObject(out + "/docs/\(id).json")
            let meta = doc["metadata"] as! [String: Any]
            #expect(meta["encoding"] as? String == "Big5" && meta["encoding_method"] as? String == "detected", "\(meta)")
            #expect((meta["encoding_confidence"] as? Int ?? 0) >= 50 && meta["replaced_bytes"] as? Int == lost, "\(meta)")
            #expect((doc["text"] as! String).contains("峯會之後，裏面嘅價錢"))
        }
        let summary = try String(contentsOfFile: out + "/documents.jsonl", encoding: .utf8)
        #expect(summary.contains("\"replaced_bytes\":3"))
        try? FileManager.default.removeItem(atPath: corpus)
        try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent)
    }

    @Test("shards together equal the unsharded run")
    func shards() throws {
        let corpus = try Self.makeCorpus(40)
        let lex = BundledLexicons.shared
        func run(_ shard: String?) throws -> [Substring] {
            let out = try temporaryFolder("shard")
            var o = BatchOptions(corpus: corpus, output: out, jobs: 2)
            o.shard = shard.flatMap(Shard.init)
            let report = try BatchRunner(options: o, lexicons: lex).run()
            #expect(report.failures.isEmpty)
            return try String(contentsOfFile: out + "/documents.jsonl", encoding: .utf8).split(separator: "\n")
        }
        let whole = try run(nil)
        let parts = try (1...3).map { try run("\($0)/3") }
        #expect(parts.allSatisfy { !$0.isEmpty })
        #expect(parts.map(\.count).reduce(0, +) == whole.count)
        #expect(parts.flatMap { $0 }.sorted() == whole.sorted())
    }

    @Test("a re-run skips unchanged documents; a changed one and --force are annotated again")
    func rerun() throws {
        let corpus = try Self.makeCorpus(9)
        let out = try temporaryFolder("rerun")
        let lex = BundledLexicons.shared
        let o = BatchOptions(corpus: corpus, output: out, jobs: 2)
        #expect(try BatchRunner(options: o, lexicons: lex).run().annotated == 9)
        try write("Changed text about Lynas.", to: corpus + "/xinhua/doc-0000.txt")
        let second = try BatchRunner(options: o, lexicons: lex).run()
        #expect(second.annotated == 1 && second.skippedUnchanged == 8)
        var forced = o
        forced.force = true
        #expect(try BatchRunner(options: forced, lexicons: lex).run().annotated == 9)
    }

    @Test("--no-learned leaves the label to the cues: no word models in the documents, learned_weight 0 in run.json, and a re-run re-annotates")
    func noLearned() throws {
        let corpus = try temporaryFolder("no-learned-corpus")
        try write(Self.english, to: corpus + "/daily/a.txt")
        let out = try temporaryFolder("no-learned")
        func summary() throws -> [String: Any] {
            let line = try String(contentsOfFile: out + "/documents.jsonl", encoding: .utf8).split(separator: "\n")[0]
            return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        func options() throws -> [String: Any] { try #require(try jsonObject(out + "/run.json")["options"] as? [String: Any]) }
        #expect(try Executable.run(["annotate", corpus, "-o", out, "--lexicons", Repository.path("Lexicons")]).code == 0)
        #expect(try (summary()["framing"] as? [String: Any])?["learned"] is [String: Any])
        #expect(try options()["learned_weight"] as? Double == FramingOptions().learnedWeight)
        #expect(try options()["learned_gate"] as? Bool == true && options()["learned_full_tokens"] as? Int == 150)
        let r = try Executable.run(["annotate", corpus, "-o", out, "--lexicons", Repository.path("Lexicons"), "--no-learned"])
        #expect(r.code == 0 && (r.out + r.err).contains("annotated 1"))
        let framing = try #require(try summary()["framing"] as? [String: Any])
        #expect(framing["learned"] is NSNull && framing["learned_lean"] as? Double == 0)
        #expect(try options()["learned_weight"] as? Double == 0)
    }

    @Test("--stdin-jsonl streams one annotation line per input line, in order")
    func streaming() throws {
        let input = """
        {"id": "one", "text": "Baogang Group celebrated a milestone of national pride.", "source": "x"}
        {"broken
        {"id": "three", "text": "中国稀土的主导地位是对西方的威胁。"}

        """
        let r = try Executable.run(["annotate", "--stdin-jsonl", "--jobs", "2", "--lexicons", Repository.path("Lexicons")], stdin: Data(input.utf8))
        #expect(r.code == 1, "one bad line → exit 1")
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 3, "\(r.out)")
        let objects = lines.map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects[0]["id"] as? String == "stdin/one")
        #expect(objects[1]["schema"] as? String == "framescope.error/1" && objects[1]["line"] as? Int == 2)
        #expect(objects[2]["id"] as? String == "stdin/three")
        for o in [objects[0], objects[2]] { #expect(SchemaValidator(schema: Self.schema).validate(o).isEmpty) }
        #expect(((objects[2]["framing"] as! [String: Any])["label"] as? String) == "strategic-threat")
        #expect(((objects[0]["framing"] as! [String: Any])["label"] as? String) == "celebratory")
    }

    @Test("bad arguments and bad lexicons exit 2 before any work")
    func badArguments() throws {
        let out = try temporaryFolder("args") + "/annotations"
        #expect(try Executable.run(["annotate", "/nonexistent/corpus", "-o", out]).code == 2)
        #expect(try Executable.run(["annotate", Repository.path("Corpus"), "-o", out, "--shard", "4/3"]).code == 2)
        #expect(try Executable.run(["annotate", Repository.path("Corpus"), "-o", out, "--format", "pdf"]).code == 2)
        let lex = try TemporaryLexicons(["entities/x.tsv": "id\ttype\tcanonical\tsurface\tlang\nx\tcountry\tX\tX\ten\n"])
        let r = try Executable.run(["annotate", Repository.path("Corpus"), "-o", out, "--lexicons", lex.directory])
        #expect(r.code == 2 && r.err.contains("x.tsv:2"))
        #expect(!FileManager.default.fileExists(atPath: out + "/run.json"), "no work before the lexicons are known to be good")
        #expect(try Executable.run(["lexicon", "check", lex.directory]).code == 2)
    }

    @Test("lexicon suggest lists frequent unknown names as lines the loader accepts")
    func suggest() throws {
        let corpus = try temporaryFolder("suggest")
        for i in 0..<3 { try write("Zhongxi Magnet Materials Co., Ltd. expanded output again, report \(i).", to: corpus + "/wire/\(i).txt") }
        let out = try temporaryFolder("suggest-out") + "/annotations"
        #expect(try Executable.run(["annotate", corpus, "-o", out, "--lexicons", Repository.path("Lexicons")]).code == 0)
        let r = try Executable.run(["lexicon", "suggest", out])
        #expect(r.code == 0)
        let lines = r.out.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.first == "company:zhongxi-magnet-materials-co-ltd\tcompany\tZhongxi Magnet Materials Co., Ltd.\tZhongxi Magnet Materials Co., Ltd.\ten")
        let lex = try TemporaryLexicons(["entities/new.tsv": "id\ttype\tcanonical\tsurface\tlang\n" + lines.joined(separator: "\n") + "\n"])
        #expect(throws: Never.self) { _ = try lex.load() }
    }

    @Test("the README's main job annotates the bundled corpus, seeds on opposite sides")
    func bundledCorpus() throws {
        let out = try temporaryFolder("bundled") + "/annotations"
        let r = try Executable.run(["annotate", "Corpus", "-o", out], cwd: Repository.root.path)
        #expect(r.code == 0, Comment(rawValue: r.err))
        let celebratory = try jsonObject(out + "/docs/chinaservicesinfo/baogang-70-years.json")
        let threat = try jsonObject(out + "/docs/rareearthexchanges/baogang-strategic-breakthroughs.json")
        #expect((celebratory["framing"] as! [String: Any])["label"] as? String == "celebratory")
        #expect((threat["framing"] as! [String: Any])["label"] as? String == "strategic-threat")
        #expect((celebratory["metadata"] as! [String: Any])["source"] as? String == "chinaservicesinfo")
        #expect((celebratory["metadata"] as! [String: Any])["date"] as? String == "2024-10-15")
        for f in files(under: out + "/docs") where f.hasSuffix(".json") { try Self.checkDocument(out + "/docs/" + f) }
        // Boilerplate on the seeds: the copyright, ICP, caption and comment-form lines.
        let sentences = celebratory["sentences"] as! [[String: Any]]
        let text = Array((celebratory["text"] as! String).unicodeScalars)
        func sentenceText(_ s: [String: Any]) -> String {
            var v = String.UnicodeScalarView(); v.append(contentsOf: text[(s["start"] as! Int)..<(s["end"] as! Int)]); return String(v)
        }
        let boiler = sentences.filter { $0["boilerplate"] as! Bool }.map(sentenceText)
        #expect(boiler.contains { $0.contains("Copyright") } && boiler.contains { $0.contains("京ICP备") } && boiler.contains { $0.contains("1.jpg") })
        #expect(boiler.contains { $0.contains("[Photo/") })
        #expect(!boiler.contains { $0.contains("powerhouse") })
        let reex = (threat["sentences"] as! [[String: Any]]).filter { $0["boilerplate"] as! Bool }
        #expect(reex.count >= 4, "Spread the word, CATEGORIES, Leave a Reply, the comment notice, the source link")
    }
}
