import Foundation
import FramescopeICU
import OrderedCollections

/// Annotates a corpus folder into an annotations folder: streams documents through a bounded
/// queue to one worker thread per job (each with its own ICU objects), writes every file
/// atomically, skips documents whose content, lexicons and tool version are unchanged, and lists
/// every document it could not annotate. The only place in Framescope with concurrency.
public final class BatchRunner: @unchecked Sendable {
    public let options: BatchOptions
    public let lexicons: Lexicons
    let writer: AtomicWriter
    let context: DocumentJSON.Context
    let stateDirectory: String

    public init(options: BatchOptions, lexicons: Lexicons) {
        self.options = options
        self.lexicons = lexicons
        stateDirectory = options.output + "/.framescope"
        writer = AtomicWriter(scratch: stateDirectory + "/tmp")
        context = DocumentJSON.Context(toolVersion: FramescopeVersion.string, lexiconHash: lexicons.hash,
                                       settingsHash: options.framing.settingsHash)
    }

    enum Item: @unchecked Sendable {
        case file(CorpusEntry)
        case jsonLine([UInt8], line: Int, file: String)
        case failure(Failure)
    }

    /// Shared between workers, behind locks.
    struct Shared {
        /// Every id seen (duplicates are found with it) and where its summary line of this run
        /// is; `.pending` until its files are written.
        var summaries = SummaryIndex()
        var report = RunReport()
        var done = 0
    }

    /// The part file of this run: summary lines appended as documents finish.
    struct PartFile {
        var handle: FileHandle?
        var offset: UInt64
    }

    public func run(progress: (@Sendable (BatchProgress) -> Void)? = nil) throws -> RunReport {
        let started = Date()
        let fm = FileManager.default
        try? fm.removeItem(atPath: writer.scratch)
        try fm.createDirectory(atPath: writer.scratch, withIntermediateDirectories: true)
        let loader = try DocumentLoader(corpusRoot: options.corpus)
        // Earlier summaries (a finished run, or the part file of an interrupted one) let unchanged
        // documents be skipped without reopening them.
        let previous = options.force ? [:] : loadPreviousSummaries()  // --force reads none of them
        // With --format jsonl: the previous run's parts (read by unchanged documents) and one
        // scratch file of full lines per worker.
        let previousParts = options.writesFullLines ? FullLines.PreviousParts(output: options.output) : nil
        defer { previousParts?.close() }
        let fullFiles = options.writesFullLines
            ? (0..<max(1, options.jobs)).map { FullLines.WorkerFile(worker: $0, path: stateDirectory + "/full-\($0).part") } : []
        defer { for f in fullFiles { f.close(); unlink(f.path) } }
        let partPath = stateDirectory + "/documents.part.jsonl"
        let partHandle = FileHandle.appendingOrCreating(partPath)
        let part = Locked(PartFile(handle: partHandle, offset: partHandle?.offsetInFile ?? 0))
        let shared = Locked(Shared())
        let queue = WorkQueue<Item>(capacity: options.jobs * options.queueDepthPerJob)
        let total: Int? = progress == nil ? nil : countEntries()
        var workers: [Thread] = []
        let finished = DispatchGroup()
        let startupError = Locked<ICUError?>(nil)
        let matcher = CombinedMatcher(lexicons: lexicons)  // one for all workers
        for k in 0..<max(1, options.jobs) {
            finished.enter()
            let fullFile = fullFiles.isEmpty ? nil : fullFiles[k]
            let thread = Thread { [self] in
                defer { finished.leave() }
                let annotator: Annotator
                do { annotator = try Annotator(lexicons: lexicons, framing: options.framing, matcher: matcher) } catch {
                    startupError.withLock { $0 = error as? ICUError ?? ICUError("worker start", status: -1) }
                    while queue.pop() != nil {}
                    return
                }
                while let item = queue.pop() {
                    process(item, annotator: annotator, loader: loader, previous: previous, shared: shared, part: part,
                            previousParts: previousParts, fullFile: fullFile)
                    if let progress {
                        let done = shared.withLock { s -> Int in s.done += 1; return s.done }
                        if done % 8 == 0 { progress(BatchProgress(done: done, total: total, elapsed: Date().timeIntervalSince(started))) }
                    }
                }
            }
            thread.stackSize = 8 << 20
            workers.append(thread)
            thread.start()
        }
        let startup = Date().timeIntervalSince(started)
        // The walk (and JSONL line reading) happens here, feeding the bounded queue.
        let outputReal = CorpusWalker.canonical(options.output)
        CorpusWalker(root: options.corpus, excluded: [outputReal]).walk(problem: { e in
            queue.push(.failure(Failure(file: e.file, line: e.line, reason: e.reason)))
        }) { entry in
            if entry.kind == .jsonl {
                do {
                    try LineReader.forEachLine(path: entry.absolutePath) { bytes, number in
                        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                        queue.push(.jsonLine(Array(bytes), line: number, file: entry.relativePath))
                    }
                } catch {
                    queue.push(.failure(Failure(file: entry.relativePath, line: nil, reason: "cannot be read")))
                }
            } else if options.shard.map({ $0.contains(id: DocumentLoader.id(forFile: entry.relativePath)) }) ?? true {
                queue.push(.file(entry))
            }
        }
        queue.close()
        finished.wait()
        if let e = startupError.withLock({ $0 }) { throw e }
        try? part.withLock { try $0.handle?.close() }
        var result = shared.withLock { $0 }
        try finish(&result, previous: previous, partPath: partPath, fullFiles: fullFiles, previousParts: previousParts,
                   started: started, startup: startup)
        try? fm.removeItem(atPath: partPath)
        try? fm.removeItem(atPath: writer.scratch)
        return result.report
    }

    func countEntries() -> Int {
        var n = 0
        CorpusWalker(root: options.corpus, excluded: [CorpusWalker.canonical(options.output)]).walk { _ in n += 1 }
        return n
    }

    /// Relative output path of a document's files, without extension: `docs/<id>`.
    static func docBase(_ id: String) -> String { "docs/" + id }

    func process(_ item: Item, annotator: Annotator, loader: DocumentLoader, previous: [String: [UInt8]],
                 shared: Locked<Shared>, part: Locked<PartFile>, previousParts: FullLines.PreviousParts?, fullFile: FullLines.WorkerFile?) {
        let loaded: Result<SourceDocument, IngestError>
        switch item {
        case .failure(let f):
            shared.withLock { $0.report.failures.append(f) }
            return
        case .file(let entry):
            loaded = loader.load(file: entry)
        case .jsonLine(let bytes, let line, let file):
            loaded = loader.load(jsonLine: bytes[...], line: line, file: file)
        }
        let source: SourceDocument
        switch loaded {
        case .failure(let e):
            shared.withLock { $0.report.failures.append(Failure(file: e.file, line: e.line, reason: e.reason)) }
            return
        case .success(let d):
            source = d
        }
        if case .jsonLine = item, let shard = options.shard, !shard.contains(id: source.id) { return }
        let duplicate = shared.withLock { !$0.summaries.insertPending(source.id) }
        if duplicate {
            shared.withLock { $0.report.failures.append(Failure(file: source.path, line: nil, reason: "duplicate document id '\(source.id)'")) }
            return
        }
        let base = Self.docBase(source.id)
        let out = options.output + "/"
        if !options.force, let earlier = previous[source.id], isUnchanged(source, base: out + base, summary: earlier, parts: previousParts) {
            let lost = Self.replacedBytes(inSummary: earlier)
            shared.withLock {
                $0.summaries.set(source.id, .previous)
                $0.report.skippedUnchanged += 1
                if let lost, lost > 0 { $0.report.replacedBytes[source.id] = lost }
            }
            return
        }
        let doc = annotator.annotate(source)
        var fullLine: SummaryIndex.FullLine?
        do {
            if let fullFile {
                fullLine = try fullFile.append { (put: (UnsafeRawBufferPointer) throws(AtomicWriter.WriteError) -> Void) throws(AtomicWriter.WriteError) in
                    try DocumentJSON.write(doc, context: context, indent: 0, pieces: put)
                }
            } else {
                try writer.write(to: out + base + ".json", pieces: { (put: (UnsafeRawBufferPointer) throws(AtomicWriter.WriteError) -> Void) throws(AtomicWriter.WriteError) in
                    try DocumentJSON.write(doc, context: context, pieces: put)
                })
            }
            if options.formats.contains(.brat) {
                try writer.write(Array(doc.text.string.utf8), to: out + base + ".txt")
                try writer.write(BratWriter.annotations(doc), to: out + base + ".ann")
            }
            if options.formats.contains(.html) {
                try writer.write(HTMLWriter.document(doc), to: out + base + ".html")
            }
        } catch {
            shared.withLock { $0.report.failures.append(Failure(file: source.path, line: nil, reason: "cannot write output: \(error)")) }
            return
        }
        // With --format jsonl, `doc` (and `doc_offset`) are set when the parts are written.
        let summary = DocumentJSON.summaryLine(doc, docPath: fullFile == nil ? base + ".json" : FullLines.folder)
        let location = part.withLock { p -> SummaryIndex.Location in
            guard let handle = p.handle else { return .inline }
            handle.write(Data(summary + [0x0A]))
            defer { p.offset += UInt64(summary.count + 1) }
            return .part(offset: p.offset, length: summary.count)
        }
        shared.withLock {
            $0.summaries.set(source.id, location, inlineLine: summary)
            if let fullLine { $0.summaries.setFull(source.id, fullLine) }
            $0.report.annotated += 1
            $0.report.bytes += source.text.utf8.count
            if let lost = source.decoding?.replacedBytes, lost > 0 { $0.report.replacedBytes[source.id] = lost }
        }
    }

    /// Whether the document's full JSON (`base.json`, or with --format jsonl the line its earlier
    /// summary points at) was written from the same content, lexicons, tool version and scoring
    /// settings (a calibration, --no-lead-weight), and the requested formats are all there.
    func isUnchanged(_ source: SourceDocument, base: String, summary: [UInt8], parts: FullLines.PreviousParts?) -> Bool {
        let head: String
        if let parts {
            guard let at = FullLines.location(inSummary: summary), let bytes = parts.head(at.doc, offset: at.offset) else { return false }
            head = String(decoding: bytes, as: UTF8.self)
        } else {
            guard let handle = FileHandle(forReadingAtPath: base + ".json") else { return false }
            defer { try? handle.close() }
            head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
        }
        func value(_ key: String) -> String? {
            guard let r = head.range(of: "\"\(key)\": \"") ?? head.range(of: "\"\(key)\":\"") else { return nil }
            return String(head[r.upperBound...].prefix { $0 != "\"" })
        }
        // A line found through an offset must be this document's, from its start.
        if parts != nil, !head.hasPrefix("{\"schema\":\"\(DocumentJSON.schema)\"") || value("id") != source.id { return false }
        guard value("sha256") == source.sha256, value("lexicon_hash") == context.lexiconHash,
              value("tool_version") == context.toolVersion, value("settings_hash") == context.settingsHash else { return false }
        let fm = FileManager.default
        if options.formats.contains(.brat) && !(fm.fileExists(atPath: base + ".ann") && fm.fileExists(atPath: base + ".txt")) { return false }
        if options.formats.contains(.html) && !fm.fileExists(atPath: base + ".html") { return false }
        return true
    }

    func loadPreviousSummaries() -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for path in [options.output + "/documents.jsonl", stateDirectory + "/documents.part.jsonl"] {
            try? LineReader.forEachLine(path: path) { bytes, _ in
                guard bytes.last == UInt8(ascii: "}"), let id = Self.summaryID(bytes) else { return }
                out[id] = Array(bytes)
            }
        }
        return out
    }

    /// `metadata.replaced_bytes` of an earlier summary line (nil when it has none), so a document
    /// skipped as unchanged still counts in run.json. Only lines that mention it are parsed.
    static func replacedBytes(inSummary line: [UInt8]) -> Int? {
        let key = Array("\"replaced_bytes\":".utf8)
        guard line.count > key.count, (0...(line.count - key.count)).contains(where: { line[$0..<$0 + key.count].elementsEqual(key) }) else { return nil }
        struct Summary: Decodable { struct Metadata: Decodable { var replaced_bytes: Int? }; var metadata: Metadata }
        return (try? JSONDecoder().decode(Summary.self, from: Data(line)))?.metadata.replaced_bytes
    }

    /// The id of a summary line, which always starts `{"id":"…"`. The whole line must parse (a
    /// damaged line is not reused), but only `id` is decoded: JSONSerialization built every
    /// entity of the line as Foundation objects, about 150 µs a line, which made reading the
    /// earlier summaries of a re-run cost as much as annotating a twentieth of its documents.
    static func summaryID(_ line: ArraySlice<UInt8>) -> String? {
        let prefix = Array("{\"id\":".utf8)
        guard line.starts(with: prefix) else { return nil }
        struct Summary: Decodable { var id: String }
        return (try? JSONDecoder().decode(Summary.self, from: Data(line)))?.id
    }

    static func indexRow(fromSummary line: [UInt8], id: String) -> HTMLWriter.IndexRow? {
        guard let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              let meta = o["metadata"] as? [String: Any], let framing = o["framing"] as? [String: Any] else { return nil }
        return HTMLWriter.IndexRow(id: id, href: docBase(id) + ".html", title: meta["title"] as? String, source: meta["source"] as? String,
                                   date: meta["date"] as? String, label: framing["label"] as? String ?? "neutral",
                                   balance: (framing["balance"] as? NSNumber)?.doubleValue ?? 0, cues: (framing["cues"] as? NSNumber)?.intValue ?? 0)
    }

    /// documents.jsonl (ordered by id), index.html, brat's annotation.conf, run.json.
    func finish(_ shared: inout Shared, previous: [String: [UInt8]], partPath: String, fullFiles: [FullLines.WorkerFile],
                previousParts: FullLines.PreviousParts?, started: Date, startup: Double) throws {
        let partReader = FileHandle(forReadingAtPath: partPath)
        defer { try? partReader?.close() }
        // documents.jsonl in id order; with HTML, index.html is written alongside, one row per
        // summary line, so neither is ever held whole.
        // With --format jsonl, each document's full line goes to the parts in the same order,
        // and its summary line is pointed at it.
        var parts = previousParts.map { _ in FullLines.PartWriter(writer: writer, output: options.output, bound: options.fullPartBytes) }
        defer { parts?.discard() }
        func writeSummaries(row: (String, [UInt8]) throws(AtomicWriter.WriteError) -> Void) throws(AtomicWriter.WriteError) {
            try writer.write(to: options.output + "/documents.jsonl") { (append: (ArraySlice<UInt8>) throws(AtomicWriter.WriteError) -> Void) throws(AtomicWriter.WriteError) in
                try shared.summaries.sorted { (id: String, location: SummaryIndex.Location, inlineLine: [UInt8]?, full: SummaryIndex.FullLine?) throws(AtomicWriter.WriteError) in
                    var line: [UInt8]
                    switch location {
                    case .pending: return
                    case .previous: line = previous[id] ?? []
                    case .inline: line = inlineLine ?? []
                    case .part(let offset, let length):
                        guard let partReader else { throw .io(path: partPath, reason: "cannot be reopened") }
                        do {
                            try partReader.seek(toOffset: offset)
                            line = [UInt8](try partReader.read(upToCount: length) ?? Data())
                        } catch { throw .io(path: partPath, reason: "\(error)") }
                        guard line.count == length else { throw .io(path: partPath, reason: "is shorter than written") }
                    }
                    if parts != nil, let previousParts {
                        let earlier = line
                        line = try parts!.add(summary: earlier) { (file: inout AtomicWriter.PendingFile) throws(AtomicWriter.WriteError) in
                            let copied: Bool
                            if let full {
                                let source = fullFiles[full.worker]
                                copied = try FullLines.copyLine(fd: source.fd, offset: full.offset, limit: full.length) { (raw: UnsafeRawBufferPointer) throws(AtomicWriter.WriteError) in try file.append(raw) }
                            } else if let at = FullLines.location(inSummary: earlier), let fd = previousParts.fd(at.doc) {
                                copied = try FullLines.copyLine(fd: fd, offset: at.offset) { (raw: UnsafeRawBufferPointer) throws(AtomicWriter.WriteError) in try file.append(raw) }
                            } else {
                                copied = false
                            }
                            guard copied else { throw .io(path: options.output + "/" + FullLines.folder, reason: "the full line of '\(id)' cannot be read back") }
                        }
                    }
                    try append(line[...])
                    try append([0x0A][...])
                    try row(id, line)
                }
                try parts?.finish()
            }
        }
        if options.formats.contains(.html) {
            try writer.write(to: options.output + "/index.html") { (appendRow: (ArraySlice<UInt8>) throws(AtomicWriter.WriteError) -> Void) throws(AtomicWriter.WriteError) in
                try appendRow(HTMLWriter.indexHeader(count: shared.summaries.writtenCount)[...])
                try writeSummaries { (id: String, line: [UInt8]) throws(AtomicWriter.WriteError) in
                    // A summary line that does not parse still gets its row (id and link).
                    let row = Self.indexRow(fromSummary: line, id: id)
                        ?? HTMLWriter.IndexRow(id: id, href: Self.docBase(id) + ".html", title: nil, source: nil, date: nil,
                                               label: "neutral", balance: 0, cues: 0)
                    try appendRow(HTMLWriter.indexRow(row)[...])
                }
                try appendRow(HTMLWriter.indexFooter[...])
            }
        } else {
            try writeSummaries { (_: String, _: [UInt8]) throws(AtomicWriter.WriteError) in }
        }
        parts?.removeStale()
        if options.formats.contains(.brat) {
            try writer.write(Array(BratWriter.configuration.utf8), to: options.output + "/docs/annotation.conf")
        }
        shared.report.failures.sort { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
        shared.report.seconds = Date().timeIntervalSince(started)
        shared.report.startupSeconds = startup
        try writer.write(runJSON(shared.report, started: started), to: options.output + "/run.json")
    }

    func runJSON(_ r: RunReport, started: Date) -> [UInt8] {
        var json = JSONWriter(indent: 2)
        json.beginObject()
        json.field("schema", "framescope.run/1")
        json.field("tool_version", FramescopeVersion.string)
        json.field("icu_version", ICU.version)
        json.field("lexicon_hash", lexicons.hash)
        json.key("lexicon_files"); json.beginArray(); for f in lexicons.files { json.string(f) }; json.endArray()
        // Which lexicons were used and why (--lexicons, $FRAMESCOPE_LEXICONS or the built-in copy).
        json.key("lexicons")
        json.beginObject()
        json.field("source", lexicons.location?.origin.rawValue)
        json.field("path", lexicons.location?.path)
        json.endObject()
        json.key("options")
        json.beginObject()
        json.field("corpus", options.corpus)
        json.field("output", options.output)
        json.key("formats"); json.beginArray()
        for f in OutputFormat.allCases where options.formats.contains(f) || (f == .json && !options.writesFullLines) { json.string(f.rawValue) }
        json.endArray()
        json.field("jobs", options.jobs)
        json.field("shard", options.shard?.description)
        json.field("force", options.force)
        json.field("lead_weighting", options.framing.leadWeighting)
        json.field("learned_weight", options.framing.learnedWeight)
        json.field("learned_gate", options.framing.learnedGate)
        json.field("learned_full_tokens", options.framing.learnedFullTokens)
        json.field("settings_hash", options.framing.settingsHash)
        json.key("calibration")
        if let c = options.calibration {
            json.beginObject()
            json.field("path", c.path)
            json.field("sha256", c.sha256)
            json.key("values")
            json.beginObject()
            for (name, value) in c.values.sorted(by: { $0.key < $1.key }) { json.key(named: name); json.double(value) }
            json.endObject()
            json.endObject()
        } else {
            json.null()
        }
        json.endObject()
        json.key("counts")
        json.beginObject()
        json.field("annotated", r.annotated)
        json.field("skipped_unchanged", r.skippedUnchanged)
        json.field("failed", r.failures.count)
        json.field("documents", r.annotated + r.skippedUnchanged)
        json.field("replaced_bytes", r.replacedBytes.values.reduce(0, +))
        json.field("documents_with_replaced_bytes", r.replacedBytes.count)
        json.endObject()
        // Per document, where the decoder lost bytes: which texts to distrust, in id order.
        json.key("replaced_bytes")
        json.beginObject()
        for (id, n) in r.replacedBytes.sorted(by: { $0.key < $1.key }) { json.key(named: id); json.int(n) }
        json.endObject()
        json.key("failures")
        json.beginArray()
        for f in r.failures {
            json.beginObject()
            json.field("file", f.file)
            if let l = f.line { json.field("line", l) } else { json.key("line"); json.null() }
            json.field("reason", f.reason)
            json.endObject()
        }
        json.endArray()
        json.key("timing")
        json.beginObject()
        json.field("started", ISO8601DateFormatter().string(from: started))
        json.field("seconds", r.seconds, digits: 3)
        json.field("startup_seconds", r.startupSeconds, digits: 3)
        json.field("documents_per_second", r.seconds > 0 ? Double(r.annotated) / r.seconds : 0, digits: 2)
        json.field("megabytes_per_second", r.seconds > 0 ? Double(r.bytes) / 1_048_576 / r.seconds : 0, digits: 3)
        json.endObject()
        json.endObject()
        return json.bytes + [0x0A]
    }
}

extension FileHandle {
    /// A handle appending to `path`, creating it when missing; nil when it cannot be opened.
    static func appendingOrCreating(_ path: String) -> FileHandle? {
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let h = FileHandle(forWritingAtPath: path) else { return nil }
        h.seekToEndOfFile()
        return h
    }
}
