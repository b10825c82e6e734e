import ArgumentParser
import Foundation
import Framescope
import FramescopeICU

/// Throughput in one run on one generated corpus: raw ICU word breaking (the limit every document
/// must pass through), tokenize only, and full annotate (per-document JSON, JSON lines, and all
/// writers) with 1 and 2 jobs;
/// MB/s, documents/s, peak RSS, start-up time, and the ratios that matter. Absolute figures swing
/// on a shared machine: compare only within one run.
struct Throughput: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure throughput against raw ICU word breaking (release build).")

    @Option(help: "Size of the generated corpus in MB.")
    var megabytes = 50
    @Option(help: "Folders (comma-separated) whose documents' paragraphs are sampled: by default both development sets, tuning and report, so the mix has their registers in both languages and both scripts.")
    var pool = "Tests/DevSet/texts,Tests/DevSet2/texts"
    @Option(help: "Share of the generated documents that are Chinese (each document is in one language).")
    var chineseShare = 0.5
    @Option(help: "The lexicon folder (default: $FRAMESCOPE_LEXICONS if set, else the built-in lexicons).")
    var lexicons: String?
    @Option(help: "Job counts to measure (comma-separated).")
    var jobs = "1,2"
    @Option(help: "Where to generate the corpus and outputs, kept afterwards (default: a temporary folder, removed).")
    var workdir: String?
    @Option(name: .customLong("repeat"), help: "Rounds of every timed measurement, one after another: each row keeps its fastest round, the one least disturbed by the rest of a shared machine, and shows the slowest ÷ the fastest; each ratio is taken within a round, and the rounds' median printed with their lowest and highest.")
    var rounds = 1
    @Flag(help: "Machine-readable output.")
    var json = false
    @Flag(help: "Only generate the corpus into --workdir (under corpus/zh and corpus/en) and stop: the same documents for other measurements, such as scripts/compare-instructions.")
    var corpusOnly = false

    func validate() throws {
        if corpusOnly && workdir == nil { throw ValidationError("--corpus-only needs --workdir (where the corpus goes)") }
        if rounds < 1 { throw ValidationError("--repeat must be 1 or more") }
    }

    /// `cpu` is the annotate child's user and system CPU seconds: wall time minus them is waiting
    /// (mostly on the file system), which this shared machine varies from run to run.
    /// `language` is nil for the whole corpus, else the one language's folder the row ran on.
    /// `slowest` is the slowest round's seconds when there were several (`seconds` is the fastest).
    struct Row { var stage: String; var jobs: Int; var seconds: Double; var peakRSSMB: Double?; var cpu: (user: Double, system: Double)? = nil; var language: String? = nil
        var slowest: Double? = nil }

    /// The two languages of the generated corpus, each in its own top folder (`zh/`, `en/`).
    static let languages = ["zh", "en"]
    static func languageName(_ code: String) -> String { code == "zh" ? "Chinese" : "English" }

    func run() throws {
        let work = workdir ?? NSTemporaryDirectory() + "framescope-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        // A temporary folder holds the corpus and every output (about 1 GB for 50 MB): removed at
        // the end. A folder given with --workdir is kept, for re-running annotate on the corpus.
        defer { if workdir == nil { try? FileManager.default.removeItem(atPath: work) } }
        let corpus = work + "/corpus"
        let generated = try generate(into: corpus)
        if corpusOnly {
            print("corpus: \(generated.documents.values.reduce(0, +)) documents, \(String(format: "%.1f", Double(generated.bytes.values.reduce(0, +)) / 1e6)) MB (\(corpus))")
            return
        }
        let docCount = generated.documents.values.reduce(0, +), bytes = generated.bytes.values.reduce(0, +)
        let texts = try loadTexts(corpus)
        let jobCounts = jobs.split(separator: ",").compactMap { Int($0) }
        // Start-up, timed in each round (the fastest kept), is loading the lexicons and indexing
        // them for one worker (the annotator opens its ICU objects and builds the combined
        // matcher): all a run does before its first document. The round's in-process
        // measurements use the lexicons it loaded.
        var startup = Double.infinity
        // Every round measures the same rows in the same order; each row keeps its fastest round.
        var measured: [[Row]] = []  // per round
        var byLanguage: [String: [(stage: String, seconds: Double)]] = [:]
        for _ in 0..<rounds {
            let t0 = now()
            let loaded = try Lexicons.load(.resolve(option: lexicons), folder: try Folder())
            _ = try Annotator(lexicons: loaded)
            startup = min(startup, now() - t0)
            var rows: [Row] = []
            for j in jobCounts {
                rows.append(Row(stage: "raw ICU word breaks", jobs: j, seconds: try parallel(texts, jobs: j) { _ in
                    let bi = try BreakIterator(.word, locale: Tokenizer.wordLocale)
                    return { (t: DocumentText) in try bi.setText(t.utf16); var n = 0; bi.forEachSegment { _, _, _ in n += 1 }; _ = n }
                }, peakRSSMB: nil))
                // Annotate needs ICU's sentence breaks too, a second pass the target's limit leaves out.
                rows.append(Row(stage: Self.rawSentences, jobs: j, seconds: try parallel(texts, jobs: j) { _ in
                    let bi = try BreakIterator(.sentence, locale: Tokenizer.sentenceLocale)
                    return { (t: DocumentText) in try bi.setText(t.utf16); var n = 0; bi.forEachSegment { _, _, _ in n += 1 }; _ = n }
                }, peakRSSMB: nil))
                rows.append(Row(stage: "tokenize", jobs: j, seconds: try parallel(texts, jobs: j) { _ in
                    let tk = try Tokenizer()
                    return { (t: DocumentText) in _ = tk.tokens(t) }
                }, peakRSSMB: nil))
            }
            for (stage, formats) in [("annotate, JSON", "json"), (Self.jsonLines, "jsonl"), ("annotate, all writers", "json,brat,html")] {
                for j in jobCounts {
                    let out = outputFolder(work, jobs: j, formats: formats)
                    try? FileManager.default.removeItem(atPath: out)
                    let (seconds, rss, cpu) = try runAnnotate(corpus: corpus, out: out, formats: formats, jobs: j)
                    rows.append(Row(stage: stage, jobs: j, seconds: seconds, peakRSSMB: rss, cpu: cpu))
                }
            }
            // Each language alone (JSON lines, 1 job): the rates the mix averages.
            if jobCounts.contains(1) {
                for language in Self.languages where generated.documents[language, default: 0] > 0 {
                    let out = work + "/out-1-jsonl-" + language
                    try? FileManager.default.removeItem(atPath: out)
                    let (seconds, rss, cpu) = try runAnnotate(corpus: corpus + "/" + language, out: out, formats: "jsonl", jobs: 1)
                    rows.append(Row(stage: Self.jsonLines, jobs: 1, seconds: seconds, peakRSSMB: rss, cpu: cpu, language: language))
                }
            }
            if jobCounts.contains(1) {
                rows.append(Row(stage: Self.ioFloor, jobs: 1, seconds: try ioFloor(corpus: corpus, outputs: outputFolder(work, jobs: 1, formats: "json") + "/docs", into: work + "/io-floor"),
                                peakRSSMB: nil))
            }
            // Where the time goes, for each language and for both together (the sums); of the rounds,
            // each language keeps the one with the least total.
            if jobCounts.contains(1) {
                for language in Self.languages where generated.documents[language, default: 0] > 0 {
                    let breakdown = try stageBreakdown(corpus: corpus + "/" + language, lexicons: loaded)
                    func total(_ b: [(stage: String, seconds: Double)]) -> Double { b.reduce(0) { $0 + $1.seconds } }
                    if byLanguage[language].map({ total(breakdown) < total($0) }) ?? true { byLanguage[language] = breakdown }
                }
            }
            measured.append(rows)
        }
        let rows = measured[0].indices.map { i in
            let all = measured.map { $0[i] }
            assert(all.allSatisfy { $0.stage == all[0].stage && $0.jobs == all[0].jobs && $0.language == all[0].language }, "rounds measure rows in one order")
            var fastest = all.min { $0.seconds < $1.seconds }!
            if all.count > 1 {
                fastest.slowest = all.map(\.seconds).max()
                fastest.peakRSSMB = all.compactMap(\.peakRSSMB).max()  // memory: the largest of the rounds
            }
            return fastest
        }
        // Every language's table lists the same stages in the same order: sum them row by row.
        let tables = Self.languages.compactMap { byLanguage[$0] }
        let stages: [(stage: String, seconds: Double)] = (tables.first ?? []).indices.map { i in
            (tables[0][i].stage, tables.reduce(0) { $0 + $1[i].seconds })
        }
        let mb = Double(bytes) / 1_048_576
        func megabytes(_ language: String?) -> Double { language.map { Double(generated.bytes[$0, default: 0]) / 1_048_576 } ?? mb }
        func documents(_ language: String?) -> Int { language.map { generated.documents[$0, default: 0] } ?? docCount }
        func seconds(_ stage: String, _ j: Int, in rows: [Row] = rows) -> Double {
            rows.first { $0.stage == stage && $0.jobs == j && $0.language == nil }?.seconds ?? .nan
        }
        // A ratio of two rows is taken within each round (the fastest rows may come from different
        // rounds, and one disturbed round can make a ratio impossible): the median of the rounds,
        // with the lowest and the highest.
        func perRound(_ ratio: ([Row]) -> Double) -> RoundRatio { RoundRatio(measured.map(ratio)) }
        let ratioICU = perRound { seconds("raw ICU word breaks", 1, in: $0) / seconds("annotate, JSON", 1, in: $0) }
        // No implementation can beat raw ICU plus the I/O it must do (one thread does both).
        let icu1 = seconds("raw ICU word breaks", 1)
        let ceiling = perRound { seconds("raw ICU word breaks", 1, in: $0) / (seconds("raw ICU word breaks", 1, in: $0) + seconds(Self.ioFloor, 1, in: $0)) }
        let scaling = perRound { seconds("annotate, JSON", 1, in: $0) / seconds("annotate, JSON", 2, in: $0) }
        // Throughput of --format jsonl over one file per document (> 1: JSON lines is faster).
        let jsonLinesGain = perRound { seconds("annotate, JSON", 1, in: $0) / seconds(Self.jsonLines, 1, in: $0) }
        // What annotate cannot avoid while it writes the reference format: both ICU passes, generating
        // the JSON and the I/O. Raw ICU over that is the best annotate ÷ raw ICU any matching can reach.
        let jsonSeconds = stages.first { $0.stage == Self.jsonStage }?.seconds ?? .nan
        let floor = icu1 + seconds(Self.rawSentences, 1) + jsonSeconds + seconds(Self.ioFloor, 1)
        let total = stages.reduce(0) { $0 + $1.seconds }
        if json {
            var w = JSONWriter(indent: 2)
            w.beginObject()
            w.field("corpus_mb", mb, digits: 2); w.field("documents", docCount); w.field("startup_seconds", startup, digits: 4); w.field("rounds", rounds)
            w.key("languages"); w.beginObject()
            for language in Self.languages {
                w.key(named: language); w.beginObject()
                w.field("documents", documents(language)); w.field("mb", megabytes(language), digits: 2)
                w.endObject()
            }
            w.endObject()
            w.key("stages"); w.beginArray()
            for r in rows {
                w.beginObject(); w.field("stage", r.stage); w.field("jobs", r.jobs); w.field("language", r.language ?? "all"); w.field("seconds", r.seconds, digits: 3)
                w.field("mb_per_second", megabytes(r.language) / r.seconds, digits: 2); w.field("documents_per_second", Double(documents(r.language)) / r.seconds, digits: 1)
                if let rss = r.peakRSSMB { w.field("peak_rss_mb", rss, digits: 1) }
                if let cpu = r.cpu { w.field("user_seconds", cpu.user, digits: 3); w.field("system_seconds", cpu.system, digits: 3) }
                if let slowest = r.slowest { w.field("slowest_round_seconds", slowest, digits: 3); w.field("spread", slowest / r.seconds, digits: 3) }
                w.endObject()
            }
            w.endArray()
            // Each ratio: the median of the rounds, and with several rounds their lowest and highest.
            for (key, ratio, digits) in [("annotate_over_raw_icu_1_job", ratioICU, 4), ("annotate_2_jobs_over_1_job", scaling, 3),
                                         ("jsonl_over_json_throughput_1_job", jsonLinesGain, 3), ("ceiling_over_raw_icu_1_job", ceiling, 4)] {
                w.key(named: key); w.double(ratio.median, digits: digits)
                if rounds > 1 {
                    w.key(named: key + "_range"); w.beginArray(); w.double(ratio.low, digits: digits); w.double(ratio.high, digits: digits); w.endArray()
                }
            }
            w.key("annotate_stages_1_job"); w.beginArray()
            for st in stages {
                w.beginObject(); w.field("stage", st.stage); w.field("seconds", st.seconds, digits: 3); w.field("share", st.seconds / total, digits: 4); w.endObject()
            }
            w.endArray()
            for language in Self.languages {
                guard let own = byLanguage[language] else { continue }
                let sum = own.reduce(0) { $0 + $1.seconds }
                w.key(named: "annotate_stages_1_job_" + language); w.beginArray()
                for st in own {
                    w.beginObject(); w.field("stage", st.stage); w.field("seconds", st.seconds, digits: 3); w.field("share", st.seconds / sum, digits: 4); w.endObject()
                }
                w.endArray()
                w.key(named: "in_process_mb_per_second_" + language); w.double(megabytes(language) / sum, digits: 2)
            }
            w.field("reference_format_floor_seconds", floor, digits: 3)
            w.field("reference_format_ceiling_over_raw_icu_1_job", icu1 / floor, digits: 4)
            w.endObject()
            print(String(decoding: w.bytes, as: UTF8.self))
        } else {
            print("corpus: \(String(format: "%.1f", mb)) MB, \(docCount) documents (\(workdir == nil ? "in a temporary folder, removed at the end" : work + "/corpus")); start-up (lexicons and one annotator) \(String(format: "%.0f", startup * 1000)) ms")
            print(Self.languages.map { "\(Self.languageName($0)): \(documents($0)) documents, \(String(format: "%.1f", megabytes($0))) MB" }.joined(separator: "; "))
            if rounds > 1 { print("each row: the fastest of \(rounds) rounds; spread = the slowest round ÷ the fastest") }
            print("stage\tdocuments\tjobs\tseconds\tMB/s\tdocs/s\tpeak RSS MB\tuser s\tsystem s" + (rounds > 1 ? "\tspread" : ""))
            for r in rows {
                print("\(r.stage)\t\(r.language.map(Self.languageName) ?? "all")\t\(r.jobs)\t\(String(format: "%.2f", r.seconds))\t\(String(format: "%.2f", megabytes(r.language) / r.seconds))\t\(String(format: "%.0f", Double(documents(r.language)) / r.seconds))\t\(r.peakRSSMB.map { String(format: "%.0f", $0) } ?? "-")\t\(r.cpu.map { String(format: "%.2f\t%.2f", $0.user, $0.system) } ?? "-\t-")"
                      + (r.slowest.map { String(format: "\t%.2f", $0 / r.seconds) } ?? ""))
            }
            if rounds > 1 { print("each ratio: the median of the \(rounds) rounds, each taken within its round (the lowest–the highest)") }
            print("annotate (JSON, 1 job) ÷ raw ICU (1 job): \(ratioICU.text(digits: 3))")
            print("annotate (JSON) 2 jobs ÷ 1 job: \(scaling.text(digits: 2))")
            print("throughput of --format jsonl ÷ per-document JSON (1 job): \(jsonLinesGain.text(digits: 2))")
            print("ceiling for annotate ÷ raw ICU with these outputs, raw ICU + I/O floor alone: \(ceiling.text(digits: 3))")
            if !stages.isEmpty {
                print("\nwhere annotate's time goes (in process, 1 job, same documents; total \(String(format: "%.2f", total)) s)")
                let present = Self.languages.filter { byLanguage[$0] != nil }
                print((["stage"] + present.flatMap { ["\(Self.languageName($0)) s", "share"] } + ["all s", "share"]).joined(separator: "\t"))
                for (i, st) in stages.enumerated() {
                    var cells = [st.stage]
                    for language in present {
                        let own = byLanguage[language] ?? [], sum = own.reduce(0) { $0 + $1.seconds }
                        cells += [String(format: "%.3f", own[i].seconds), String(format: "%.1f%%", 100 * own[i].seconds / sum)]
                    }
                    cells += [String(format: "%.3f", st.seconds), String(format: "%.1f%%", 100 * st.seconds / total)]
                    print(cells.joined(separator: "\t"))
                }
                print((["in process MB/s"] + present.flatMap { language in
                    [String(format: "%.2f", megabytes(language) / (byLanguage[language] ?? []).reduce(0) { $0 + $1.seconds }), ""]
                } + [String(format: "%.2f", mb / total), ""]).joined(separator: "\t"))
                print("floor with the reference JSON (raw ICU words + sentences + generating the JSON + I/O floor): \(String(format: "%.2f", floor)) s; ceiling for annotate ÷ raw ICU: \(String(format: "%.3f", icu1 / floor))")
            }
        }
    }

    /// A ratio measured in each round: the median (of an even count, the mean of the middle two),
    /// the lowest and the highest.
    struct RoundRatio {
        var median: Double, low: Double, high: Double
        init(_ values: [Double]) {
            let v = values.sorted()
            median = v.count % 2 == 1 ? v[v.count / 2] : (v[v.count / 2 - 1] + v[v.count / 2]) / 2
            low = v.first ?? .nan
            high = v.last ?? .nan
        }
        func text(digits: Int) -> String {
            let f = "%.\(digits)f"
            return String(format: f, median) + (low < high ? " (" + String(format: f, low) + "–" + String(format: f, high) + ")" : "")
        }
    }

    func outputFolder(_ work: String, jobs: Int, formats: String) -> String {
        work + "/out-\(jobs)-" + formats.replacingOccurrences(of: ",", with: "-")
    }

    static let ioFloor = "I/O floor: read documents, write JSON files"
    static let jsonLines = "annotate, JSON lines (--format jsonl)"

    /// The least I/O any implementation of annotate must do on one thread: read every document
    /// and write every reference JSON file, here the bytes the JSON run produced (loaded first,
    /// not timed), with plain open/write/close (not even atomic) into a fresh folder. Raw ICU
    /// plus this is a ceiling no annotate can beat on this machine's file system.
    func ioFloor(corpus: String, outputs: String, into folder: String) throws -> Double {
        var inputs: [String] = []
        CorpusWalker(root: corpus).walk { inputs.append($0.absolutePath) }
        var files: [(String, [UInt8])] = []
        for relative in (FileManager.default.enumerator(atPath: outputs)?.allObjects as? [String] ?? []).sorted()
        where relative.hasSuffix(".json") {
            if let data = FileManager.default.contents(atPath: outputs + "/" + relative) { files.append((folder + "/" + relative, [UInt8](data))) }
        }
        guard !files.isEmpty else { throw ValidationError("no JSON outputs in \(outputs) to measure the I/O floor with") }
        try? FileManager.default.removeItem(atPath: folder)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let start = now()
        for path in inputs {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw ValidationError("cannot read \(path)") }
            while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
            close(fd)
        }
        var made = Set<String>()
        for (path, bytes) in files {
            let parent = (path as NSString).deletingLastPathComponent
            if made.insert(parent).inserted { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw ValidationError("cannot write \(path)") }
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
            guard written == bytes.count else { throw ValidationError("short write to \(path)") }
        }
        return now() - start
    }

    static let rawSentences = "raw ICU sentence breaks"
    static let jsonStage = "generate reference JSON (in memory)"

    /// Where annotate's time goes, on one thread in this process over the same files: reading
    /// (read, decode, metadata, SHA-256), each stage of `Annotator.annotate`, and generating the
    /// reference JSON and the summary line in memory (no file is written: the I/O floor is that).
    func stageBreakdown(corpus: String, lexicons: Lexicons) throws -> [(stage: String, seconds: Double)] {
        var entries: [CorpusEntry] = []
        CorpusWalker(root: corpus).walk { entries.append($0) }
        let loader = try DocumentLoader(corpusRoot: corpus)
        let annotator = try Annotator(lexicons: lexicons)
        let context = DocumentJSON.Context(toolVersion: FramescopeVersion.string, lexiconHash: lexicons.hash)
        var times = StageTimes()
        var read = 0.0, generate = 0.0, summary = 0.0, bytes = 0
        func since(_ t: ContinuousClock.Instant) -> Double { StageTimes.seconds(ContinuousClock.now - t) }
        for entry in entries {
            let t0 = ContinuousClock.now
            guard case .success(let source) = loader.load(file: entry) else { continue }
            read += since(t0)
            let doc = annotator.annotate(source, clock: &times)
            let t1 = ContinuousClock.now
            DocumentJSON.write(doc, context: context, pieces: { (piece: UnsafeRawBufferPointer) in bytes &+= piece.count })
            generate += since(t1)
            let t2 = ContinuousClock.now
            bytes &+= DocumentJSON.summaryLine(doc, docPath: "x.json").count
            summary += since(t2)
        }
        _ = bytes
        var out: [(stage: String, seconds: Double)] = [("read, decode, metadata, SHA-256", read)]
        func name(_ stage: AnnotateStage) -> String {
            switch stage {
            case .text: "UTF-16 copy, code point index"
            case .fold: "folding"
            case .words: "ICU words, tokens"
            case .sentences: "ICU sentences, spans"
            case .boilerplate: "boilerplate"
            case .lexiconWalk: "lexicon walk (entities, cues, modifiers)"
            case .entities: "entity tagging"
            case .framing: "framing"
            case .assemble: "language, assembling"
            }
        }
        for stage in AnnotateStage.allCases { out.append((name(stage), times[stage])) }
        out.append((Self.jsonStage, generate))
        out.append(("generate summary line (in memory)", summary))
        return out
    }

    func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Deterministic corpus: paragraphs sampled (seeded) from the pool's documents, each generated
    /// document in one language (Chinese with probability `chineseShare`, from the paragraphs of
    /// the pool's Chinese documents, Simplified and Traditional), 2–12 KB, over six source folders
    /// under `zh/` and `en/`, so that each language can also be run alone.
    func generate(into corpus: String) throws -> (documents: [String: Int], bytes: [String: Int]) {
        try? FileManager.default.removeItem(atPath: corpus)
        var paragraphs: [String: [String]] = ["zh": [], "en": []]
        for folder in pool.split(separator: ",").map(String.init) {
            guard FileManager.default.fileExists(atPath: folder) else { throw ValidationError("pool folder not found: \(folder)") }
            CorpusWalker(root: folder).walk { entry in
                guard entry.kind != .jsonl, let data = FileManager.default.contents(atPath: entry.absolutePath),
                      let text = try? Decoder.decode([UInt8](data)).text else { return }
                // A document's paragraphs go with its language: a Chinese article's English
                // dateline or figure caption is part of a Chinese document.
                let language = Language.detect(DocumentText(text))
                guard paragraphs[language] != nil else { return }
                paragraphs[language]! += text.components(separatedBy: "\n\n").filter { $0.count > 20 }
            }
        }
        var state: UInt64 = 0x5EED
        func next() -> UInt64 { state &+= 0x9E37_79B9_7F4A_7C15; var z = state; z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9; z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB; return z ^ (z >> 31) }
        let target = megabytes << 20
        var total = 0, count = 0
        var documents: [String: Int] = [:], bytes: [String: Int] = [:]
        while total < target {
            let size = 2048 + Int(next() % 10240)
            var language = Double(next() % 10_000) / 10_000 < chineseShare ? "zh" : "en"
            if paragraphs[language]!.isEmpty { language = language == "zh" ? "en" : "zh" }
            let source = paragraphs[language]!
            guard !source.isEmpty else { throw ValidationError("no Chinese or English documents in \(pool)") }
            var doc = ""
            while doc.utf8.count < size { doc += source[Int(next() % UInt64(source.count))] + "\n\n" }
            let folder = "\(corpus)/\(language)/source-\(count % 6)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(doc.utf8).write(to: URL(fileURLWithPath: "\(folder)/doc-\(String(format: "%06d", count)).txt"))
            total += doc.utf8.count
            documents[language, default: 0] += 1
            bytes[language, default: 0] += doc.utf8.count
            count += 1
        }
        return (documents, bytes)
    }

    func loadTexts(_ corpus: String) throws -> [DocumentText] {
        var texts: [DocumentText] = []
        CorpusWalker(root: corpus).walk { entry in
            if let data = FileManager.default.contents(atPath: entry.absolutePath) { texts.append(DocumentText(String(decoding: data, as: UTF8.self))) }
        }
        return texts
    }

    /// Runs `make()`'s per-thread closure over the texts split across `jobs` threads; wall seconds.
    func parallel(_ texts: [DocumentText], jobs: Int, make: @escaping @Sendable (Int) throws -> (DocumentText) throws -> Void) throws -> Double {
        let group = DispatchGroup()
        let start = now()
        for j in 0..<jobs {
            group.enter()
            let slice = stride(from: j, to: texts.count, by: jobs).map { texts[$0] }
            Thread {
                defer { group.leave() }
                guard let work = try? make(j) else { return }
                for t in slice { try? work(t) }
            }.start()
        }
        group.wait()
        return now() - start
    }

    /// The real command as a child process, for honest wall time and its peak RSS.
    func runAnnotate(corpus: String, out: String, formats: String, jobs: Int) throws -> (Double, Double, (user: Double, system: Double)) {
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("framescope").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = ["annotate", corpus, "-o", out, "--format", formats, "--jobs", "\(jobs)", "--quiet", "--force"]
            // Without --lexicons the child looks up $FRAMESCOPE_LEXICONS and the built-in copy as this process did.
            + (lexicons.map { ["--lexicons", $0] } ?? [])
        p.standardOutput = FileHandle.nullDevice
        // Children's CPU is counted once they are reaped (Foundation does it): the difference
        // across the run is this child's.
        func childrenCPU() -> (Double, Double) {
            var usage = rusage()
            getrusage(RUSAGE_CHILDREN.rawValue, &usage)
            func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
            return (seconds(usage.ru_utime), seconds(usage.ru_stime))
        }
        let cpuBefore = childrenCPU()
        let start = now()
        try p.run()
        // Foundation reaps the child itself, so read its high-water mark (VmHWM) while it runs.
        var peakKB = 0.0
        let status = "/proc/\(p.processIdentifier)/status"
        while p.isRunning {
            if let text = try? String(contentsOfFile: status, encoding: .utf8),
               let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kb = Double(line.split(separator: " ").dropFirst().first ?? "") {
                peakKB = max(peakKB, kb)
            }
            usleep(20_000)
        }
        p.waitUntilExit()
        let elapsed = now() - start
        let cpuAfter = childrenCPU()
        return (elapsed, peakKB / 1024, (cpuAfter.0 - cpuBefore.0, cpuAfter.1 - cpuBefore.1))
    }
}
