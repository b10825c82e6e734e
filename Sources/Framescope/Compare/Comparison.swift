import Foundation

/// One document as `compare` sees it: a `documents.jsonl` line, or what such a line says about a
/// full document (`framescope.document/1`, from `--format jsonl` or `--stdin-jsonl`).
public struct DocumentSummary: Sendable {
    public var id: String
    /// The annotation folder it came from, and its JSON relative to it; with `docOffset`, that
    /// file is JSON lines and the document is the line starting at that byte.
    public var folder: String
    public var docPath: String
    public var docOffset: UInt64?
    public var metadata: [String: String]
    public var balance: Double
    public var label: String
    public var tokens: Int
    /// The document's evidence mass, celebratory + strategic-threat.
    public var mass: Double
    public var cues: [(cue: String, frame: String, count: Int, score: Double)]
    public var entities: [(id: String, canonical: String, type: String, mentions: Int, balance: Double)]

    public func field(_ key: String) -> String? {
        switch key {
        case "year": return metadata["date"].map { String($0.prefix(4)) }
        case "month": return metadata["date"].flatMap { $0.count >= 7 ? String($0.prefix(7)) : nil }
        default: return metadata[key]
        }
    }

    /// The document's full JSON (a file, or one line of a JSON-lines file), for evidence; nil
    /// when it cannot be read.
    public func fullDocument() -> [String: Any]? { Self.fullDocument(path: folder + "/" + docPath, offset: docOffset) }

    /// A document JSON file, or with `offset` the JSON-lines line starting at that byte.
    public static func fullDocument(path: String, offset docOffset: UInt64?) -> [String: Any]? {
        let data: Data?
        if let docOffset {
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            defer { try? handle.close() }
            var line = Data()
            do {
                try handle.seek(toOffset: docOffset)
                while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                    if let nl = chunk.firstIndex(of: 0x0A) { line.append(chunk[chunk.startIndex..<nl]); break }
                    line.append(chunk)
                }
            } catch { return nil }
            data = line
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        return data.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }

    /// A summary line's `metadata` object as strings (numbers written out; nulls and other
    /// values left out): what `compare` groups by and `validate` shows.
    public static func metadata(_ object: Any?) -> [String: String] {
        var meta: [String: String] = [:]
        for (k, v) in (object as? [String: Any]) ?? [:] {
            if let s = v as? String { meta[k] = s } else if let n = v as? NSNumber { meta[k] = n.stringValue }
        }
        return meta
    }

    /// Parses one summary line; nil if it is not one.
    public init?(line: Data, folder: String) {
        guard let o = try? JSONSerialization.jsonObject(with: line) as? [String: Any], o["schema"] == nil else { return nil }
        self.init(object: o, folder: folder)
    }

    /// A summary line's object, or a full document's (`schema` is `framescope.document/1`): the
    /// full document's `metadata` and `framing` are the summary's; its cue occurrences are
    /// tallied as the summary line tallies them and its `entity_framing` are the summary's
    /// entities. `folder` and `docPath` say where the document's JSON is (with `docOffset` for a
    /// line of a JSON-lines file). Nil without an id or a framing object.
    public init?(object o: [String: Any], folder: String, docPath: String? = nil, docOffset: UInt64? = nil) {
        guard let id = o["id"] as? String, let framing = o["framing"] as? [String: Any] else { return nil }
        let full = o["schema"] as? String == DocumentJSON.schema
        self.id = id
        self.folder = folder
        self.docPath = docPath ?? o["doc"] as? String ?? "docs/\(id).json"
        self.docOffset = docOffset ?? (o["doc_offset"] as? NSNumber)?.uint64Value
        metadata = Self.metadata(o["metadata"])
        balance = (framing["balance"] as? NSNumber)?.doubleValue ?? 0
        label = framing["label"] as? String ?? "neutral"
        tokens = (framing["tokens"] as? NSNumber)?.intValue ?? 0
        mass = ((framing["celebratory"] as? NSNumber)?.doubleValue ?? 0) + ((framing["strategic_threat"] as? NSNumber)?.doubleValue ?? 0)
        if full {
            cues = DocumentJSON.cueTallies(((o["cues"] as? [[String: Any]]) ?? []).compactMap { c -> (String, String, Double)? in
                guard let cue = c["cue"] as? String, let frame = c["scored_frame"] as? String else { return nil }
                return (cue, frame, (c["score"] as? NSNumber)?.doubleValue ?? 0)
            })
        } else {
            cues = ((o["cues"] as? [[String: Any]]) ?? []).compactMap { c in
                guard let cue = c["cue"] as? String, let frame = c["frame"] as? String else { return nil }
                return (cue, frame, (c["count"] as? NSNumber)?.intValue ?? 0, (c["score"] as? NSNumber)?.doubleValue ?? 0)
            }
        }
        entities = ((o[full ? "entity_framing" : "entities"] as? [[String: Any]]) ?? []).compactMap { e in
            guard let id = e["id"] as? String, let canonical = e["canonical"] as? String else { return nil }
            return (id, canonical, e["type"] as? String ?? "", (e["mentions"] as? NSNumber)?.intValue ?? 0,
                    (e["balance"] as? NSNumber)?.doubleValue ?? 0)
        }
    }
}

/// Framing compared across groups of documents (by source, or any metadata field), with raw
/// counts beside every statistic.
public struct Comparison: Sendable {
    public struct Group: Sendable {
        public var name: String
        public var documents: Int
        public var tokens: Int
        public var meanBalance: Double
        public var medianBalance: Double
        public var interval: (low: Double, high: Double)
        /// Documents with a frame (not labelled neutral) and their mean balance: a group's mean
        /// should not be read without knowing how much of it carries a frame at all.
        public var framedDocuments: Int = 0
        public var framedMeanBalance: Double = 0
        /// Mean evidence mass (celebratory + strategic-threat) per document.
        public var meanMass: Double = 0
        /// Label → count.
        public var labels: [String: Int]
        /// Cue occurrences per frame, and per 1,000 tokens.
        public var cueCounts: [String: Int]
        public var cueDensity: [String: Double]
        /// Most frequent cues per frame: (cue, count).
        public var topCues: [String: [(String, Int)]]
    }

    public struct Pair: Sendable {
        public var a: String
        public var b: String
        public var test: Statistics.MannWhitney
        public var holm: Double
    }

    public struct Key: Sendable {
        public var group: String
        public var kind: String  // cue or entity
        public var item: String
        public var frame: String  // the cue's frame, or the entity type
        public var inGroup: Int
        public var inRest: Int
        public var keyness: Statistics.Keyness
    }

    public struct EntityRow: Sendable {
        public var id: String
        public var canonical: String
        public var type: String
        /// group → (mentions, documents, mean balance weighted by mentions)
        public var byGroup: [String: (mentions: Int, documents: Int, balance: Double)]
    }

    public struct TimePoint: Sendable {
        public var group: String
        public var month: String
        public var documents: Int
        public var meanBalance: Double
    }

    public var by: String
    public var groups: [Group]
    public var pairs: [Pair]
    public var keyness: [Key]
    public var entities: [EntityRow]
    public var timeline: [TimePoint]
    public var documents: [DocumentSummary]
    /// Ids seen in more than one input folder (counted once).
    public var duplicates: [String]

    /// What `load(inputs:)` read.
    public struct Loaded: Sendable {
        public var documents: [DocumentSummary] = []
        /// Ids seen more than once (the first counts).
        public var duplicates: [String] = []
        /// Lines (or files) that could not be read, each with its file and line; the rest is read.
        public var problems: [IngestError] = []
        /// `framescope.error/1` lines (documents `--stdin-jsonl` could not annotate), skipped.
        public var errorLines = 0
    }

    /// Reads `documents.jsonl` from each folder; a document present twice counts once.
    public static func load(folders: [String]) throws -> (documents: [DocumentSummary], duplicates: [String]) {
        let loaded = try load(inputs: folders)
        if let first = loaded.problems.first { throw first }
        return (loaded.documents, loaded.duplicates)
    }

    /// The files an input stands for: an annotation folder's `documents.jsonl`; a folder of
    /// Spark/Hadoop part files (`part-*`; `_SUCCESS`, `.crc` and hidden files ignored); or a
    /// JSON-lines file itself. Throws when the input is none of these.
    public static func files(for input: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            throw IngestError(file: input, line: nil, reason: "not found")
        }
        guard isDirectory.boolValue else { return [input] }
        if FileManager.default.fileExists(atPath: input + "/documents.jsonl") { return [input + "/documents.jsonl"] }
        let parts = ((try? FileManager.default.contentsOfDirectory(atPath: input)) ?? [])
            .filter { $0.hasPrefix("part-") && !$0.hasSuffix(".crc") }.sorted()
        guard !parts.isEmpty else {
            throw IngestError(file: input, line: nil, reason: "has no documents.jsonl and no part-* files (run framescope annotate first)")
        }
        return parts.map { input + "/" + $0 }
    }

    /// Reads every input (annotation folders, `documents.jsonl` files, JSON lines of full
    /// documents, folders of part files), telling per line a summary line from a full document;
    /// a document present twice counts once. A bad line is listed in `problems` and the rest read.
    public static func load(inputs: [String]) throws -> Loaded {
        var seen = Set<String>()
        var loaded = Loaded()
        for input in inputs {
            for file in try files(for: input) {
                if file.hasSuffix(".gz") || file.hasSuffix(".bz2") || file.hasSuffix(".zst") || file.hasSuffix(".snappy") {
                    loaded.problems.append(IngestError(file: file, line: nil, reason: "is compressed: decompress it first (e.g. gunzip), or write the part files uncompressed"))
                    continue
                }
                let folder = (file as NSString).deletingLastPathComponent
                let name = (file as NSString).lastPathComponent
                do {
                    try LineReader.forEachLine(path: file) { (bytes: ArraySlice<UInt8>, number: Int, offset: UInt64) in
                        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                            loaded.problems.append(IngestError(file: file, line: number, reason: "is not a JSON object"))
                            return
                        }
                        let schema = object["schema"] as? String
                        if schema == "framescope.error/1" { loaded.errorLines += 1; return }
                        let summary: DocumentSummary?
                        switch schema {
                        case DocumentJSON.schema?: summary = DocumentSummary(object: object, folder: folder, docPath: name, docOffset: offset)
                        case nil: summary = DocumentSummary(object: object, folder: folder)
                        default: summary = nil
                        }
                        guard let d = summary else {
                            loaded.problems.append(IngestError(file: file, line: number,
                                                               reason: "is neither a framescope summary line nor a full document (\(DocumentJSON.schema)): no 'id' or 'framing'"))
                            return
                        }
                        if seen.insert(d.id).inserted { loaded.documents.append(d) } else { loaded.duplicates.append(d.id) }
                    }
                } catch let e as IngestError {
                    loaded.problems.append(e)
                }
            }
        }
        loaded.documents.sort { $0.id < $1.id }
        return loaded
    }

    public init(documents: [DocumentSummary], by: String, duplicates: [String] = [], seed: UInt64 = 42) {
        self.by = by
        self.documents = documents
        self.duplicates = duplicates
        var grouped: [String: [DocumentSummary]] = [:]
        for d in documents { grouped[d.field(by) ?? "(unknown)", default: []].append(d) }
        let names = grouped.keys.sorted()
        groups = names.map { name in
            let docs = grouped[name]!
            let balances = docs.map(\.balance)
            let tokens = docs.reduce(0) { $0 + $1.tokens }
            var labels: [String: Int] = [:]
            for d in docs { labels[d.label, default: 0] += 1 }
            var cueCounts: [String: Int] = [:]
            var perCue: [String: [String: Int]] = [:]
            for d in docs { for c in d.cues { cueCounts[c.frame, default: 0] += c.count; perCue[c.frame, default: [:]][c.cue, default: 0] += c.count } }
            let density = cueCounts.mapValues { tokens > 0 ? Double($0) * 1000 / Double(tokens) : 0 }
            let top = perCue.mapValues { counts in Array(counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5)).map { ($0.key, $0.value) } }
            var group = Group(name: name, documents: docs.count, tokens: tokens, meanBalance: Statistics.mean(balances),
                              medianBalance: Statistics.median(balances),
                              interval: Statistics.bootstrapInterval(balances, statistic: Statistics.mean, seed: seed),
                              labels: labels, cueCounts: cueCounts, cueDensity: density, topCues: top)
            let framed = docs.filter { $0.label != "neutral" }
            group.framedDocuments = framed.count
            group.framedMeanBalance = framed.isEmpty ? 0 : Statistics.mean(framed.map(\.balance))
            group.meanMass = Statistics.mean(docs.map(\.mass))
            return group
        }
        // Every pair of groups: Mann–Whitney on balance, Holm-corrected.
        var rawPairs: [(String, String, Statistics.MannWhitney)] = []
        for i in names.indices { for j in names.indices where j > i {
            if let t = Statistics.mannWhitney(grouped[names[i]]!.map(\.balance), grouped[names[j]]!.map(\.balance)) {
                rawPairs.append((names[i], names[j], t))
            }
        } }
        let adjusted = Statistics.holm(rawPairs.map(\.2.p))
        pairs = rawPairs.enumerated().map { Pair(a: $1.0, b: $1.1, test: $1.2, holm: adjusted[$0]) }
        // Keyness of cues and entity mentions, each group against the rest.
        let totalTokens = groups.reduce(0) { $0 + $1.tokens }
        var counts: [String: [String: Int]] = [:]  // item key → group → count
        var frames: [String: String] = [:]
        for d in documents {
            let g = d.field(by) ?? "(unknown)"
            for c in d.cues { let k = "cue\t\(c.cue)"; counts[k, default: [:]][g, default: 0] += c.count; frames[k] = c.frame }
            for e in d.entities { let k = "entity\t\(e.canonical)"; counts[k, default: [:]][g, default: 0] += e.mentions; frames[k] = e.type }
        }
        var keys: [Key] = []
        for g in groups where g.tokens > 0 && totalTokens - g.tokens > 0 {
            for (item, byGroup) in counts {
                let a = byGroup[g.name] ?? 0
                let b = byGroup.values.reduce(0, +) - a
                guard a + b >= 2, a <= g.tokens, b <= totalTokens - g.tokens else { continue }
                let parts = item.split(separator: "\t", maxSplits: 1).map(String.init)
                keys.append(Key(group: g.name, kind: parts[0], item: parts[1], frame: frames[item] ?? "", inGroup: a, inRest: b,
                                keyness: Statistics.logLikelihood(a: a, b: b, c: g.tokens, d: totalTokens - g.tokens)))
            }
        }
        // The kind breaks the last tie (a cue and an entity can share a text, "green steel"), so
        // the order does not follow the dictionary's, which changes from run to run.
        keyness = keys.sorted {
            ($0.group, -$0.keyness.corrected * Double($0.keyness.direction), $0.item, $0.kind)
                < ($1.group, -$1.keyness.corrected * Double($1.keyness.direction), $1.item, $1.kind)
        }
        // Entities mentioned in at least two groups.
        var rows: [String: EntityRow] = [:]
        for d in documents {
            let g = d.field(by) ?? "(unknown)"
            for e in d.entities where e.mentions > 0 {
                var row = rows[e.id] ?? EntityRow(id: e.id, canonical: e.canonical, type: e.type, byGroup: [:])
                var cell = row.byGroup[g] ?? (0, 0, 0)
                // Running mention-weighted mean of the per-document balance.
                let total = cell.mentions + e.mentions
                cell.balance = (cell.balance * Double(cell.mentions) + e.balance * Double(e.mentions)) / Double(total)
                cell.mentions = total
                cell.documents += 1
                row.byGroup[g] = cell
                rows[e.id] = row
            }
        }
        entities = rows.values.filter { $0.byGroup.count >= 2 }.sorted {
            let m0 = $0.byGroup.values.reduce(0) { $0 + $1.mentions }, m1 = $1.byGroup.values.reduce(0) { $0 + $1.mentions }
            return (m1, $0.id) < (m0, $1.id)
        }
        // Monthly mean balance per group, where dates are known.
        var months: [String: [String: [Double]]] = [:]
        for d in documents { if let m = d.field("month") { months[d.field(by) ?? "(unknown)", default: [:]][m, default: []].append(d.balance) } }
        timeline = months.keys.sorted().flatMap { g in
            months[g]!.keys.sorted().map { m in TimePoint(group: g, month: m, documents: months[g]![m]!.count, meanBalance: Statistics.mean(months[g]![m]!)) }
        }
    }
}
