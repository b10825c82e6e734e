/// The reference format: one JSON object per document (`annotations/docs/<id>.json`), schema
/// `framescope.document/1`, offsets in code points. The cache-key fields come first so a re-run
/// can decide from the first kilobyte whether a document changed.
public enum DocumentJSON {
    public static let schema = "framescope.document/1"

    public struct Context: Sendable {
        public var toolVersion: String
        public var lexiconHash: String
        /// `FramingOptions.settingsHash` of the scoring settings (a calibration included); nil
        /// leaves the field out.
        public var settingsHash: String?
        public init(toolVersion: String, lexiconHash: String, settingsHash: String? = nil) {
            self.toolVersion = toolVersion
            self.lexiconHash = lexiconHash
            self.settingsHash = settingsHash
        }
    }

    /// The whole file in memory (tests, small documents); `write(_:context:indent:to:)` streams.
    public static func encode(_ doc: AnnotatedDocument, context: Context, indent: Int = 1) -> [UInt8] {
        var bytes: [UInt8] = []
        write(doc, context: context, indent: indent) { (piece: ArraySlice<UInt8>) in bytes += piece }
        return bytes
    }

    /// Writes the file (with its final newline) in pieces of about 64 KiB, so a document's JSON,
    /// 8–9 times the size of its text, is never held whole (87 MB for a 10 MB article).
    public static func write<E: Error>(_ doc: AnnotatedDocument, context: Context, indent: Int = 1,
                                       to sink: (ArraySlice<UInt8>) throws(E) -> Void) throws(E) {
        try write(doc, context: context, indent: indent, pieces: { (raw: UnsafeRawBufferPointer) throws(E) in
            try sink(ArraySlice(raw.assumingMemoryBound(to: UInt8.self)))
        })
    }

    /// The same pieces handed over as the writer's own bytes, valid only during the call: a file
    /// writer passes them to the system without copying them first.
    public static func write<E: Error>(_ doc: AnnotatedDocument, context: Context, indent: Int = 1,
                                       pieces sink: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        var json = JSONWriter(indent: indent, reserve: 1 << 17)
        try write(doc, context: context, into: &json) { (json: inout JSONWriter) throws(E) in
            if json.count >= 1 << 16 { try json.withUnsafeBytes(sink); json.removeAllBytes() }
        }
        json.appendNewline()
        try json.withUnsafeBytes(sink)
    }

    /// Writes the document object into `json` (one line of a JSONL stream when `json` has no indent).
    public static func write(_ doc: AnnotatedDocument, context: Context, into json: inout JSONWriter) {
        write(doc, context: context, into: &json) { (_: inout JSONWriter) in }
    }

    /// `checkpoint` runs after every array element: where a streaming caller drains the buffer.
    static func write<E: Error>(_ doc: AnnotatedDocument, context: Context, into json: inout JSONWriter,
                                checkpoint: (inout JSONWriter) throws(E) -> Void) throws(E) {
        let text = doc.text
        json.beginObject()
        json.field("schema", schema)
        json.field("offset_unit", "code_point")
        json.field("id", doc.id)
        json.field("path", doc.path)
        json.field("sha256", doc.sha256)
        json.field("tool_version", context.toolVersion)
        json.field("lexicon_hash", context.lexiconHash)
        if let settings = context.settingsHash { json.field("settings_hash", settings) }
        json.key("metadata"); writeMetadata(doc.metadata, into: &json)
        json.field("text", text.string)
        json.key("sentences")
        json.beginArray()
        for s in doc.sentences {
            json.beginObject()
            json.field("start", s.span.start)
            json.field("end", s.span.end)
            json.field("boilerplate", s.boilerplate != nil)
            if let reason = s.boilerplate { json.field("boilerplate_reason", reason) }
            json.field("role", s.framing.role)
            json.field("celebratory", s.framing.celebratory)
            json.field("strategic_threat", s.framing.strategicThreat)
            json.endObject()
            try checkpoint(&json)
        }
        json.endArray()
        json.key("entities")
        json.beginArray()
        for e in doc.entities { EntityJSON.write(e, text: text, into: &json); try checkpoint(&json) }
        json.endArray()
        json.key("nested_entities")
        json.beginArray()
        for e in doc.nestedEntities { EntityJSON.write(e, text: text, into: &json); try checkpoint(&json) }
        json.endArray()
        json.key("cues")
        json.beginArray()
        for c in doc.cues {
            json.beginObject()
            json.field("start", c.start)
            json.field("end", c.end)
            json.key("text"); json.string(utf16: text.utf16[c.utf16Start..<c.utf16End])
            json.field("cue", c.cue)
            json.field("frame", c.frame.rawValue)
            json.field("weight", c.weight)
            json.key("modifiers")
            json.beginArray()
            for m in c.modifiers {
                json.beginObject()
                json.field("kind", m.kind)
                json.field("text", m.text)
                json.field("factor", m.factor)
                if let s = m.start { json.field("start", s) }
                if let e = m.end { json.field("end", e) }
                json.endObject()
            }
            json.endArray()
            json.field("contribution", c.contribution)
            json.field("scored_frame", c.scoredFrame.rawValue)
            json.field("score", c.score)
            json.field("sentence", c.sentence)
            json.field("voice", c.voice.rawValue)
            json.endObject()
            try checkpoint(&json)
        }
        json.endArray()
        json.key("framing"); writeFraming(doc.framing, into: &json)
        json.key("entity_framing")
        json.beginArray()
        for e in doc.entityFraming {
            json.beginObject()
            json.field("id", e.id)
            json.field("canonical", e.canonical)
            json.field("type", e.type.rawValue)
            json.field("mentions", e.mentions)
            json.key("sentences"); json.beginArray(); for s in e.sentences { json.int(s) }; json.endArray()
            json.field("celebratory", e.celebratory)
            json.field("strategic_threat", e.strategicThreat)
            json.field("balance", e.balance)
            json.endObject()
            try checkpoint(&json)
        }
        json.endArray()
        json.endObject()
    }

    static func writeMetadata(_ m: DocumentMetadata, into json: inout JSONWriter) {
        json.beginObject()
        json.field("source", m.source)
        json.field("title", m.title)
        json.field("date", m.date)
        json.field("url", m.url)
        json.field("language", m.language)
        json.field("encoding", m.encoding)
        if let d = m.decoding {
            json.field("encoding_method", d.method.rawValue)
            json.key("encoding_confidence"); if let c = d.confidence { json.int(c) } else { json.null() }
            json.field("replaced_bytes", d.replacedBytes)
        }
        for (k, v) in m.extra where !DocumentMetadata.writtenFields.contains(k) {
            json.key(named: k); json.string(v)
        }
        json.key("field_sources")
        json.beginObject()
        for (k, v) in m.sources { json.key(named: k); json.string(v) }
        json.endObject()
        json.endObject()
    }

    static func writeFraming(_ f: DocumentFraming, into json: inout JSONWriter) {
        json.beginObject()
        json.field("celebratory", f.celebratory)
        json.field("strategic_threat", f.strategicThreat)
        json.field("celebratory_per_1k", f.celebratoryPer1k)
        json.field("strategic_threat_per_1k", f.strategicThreatPer1k)
        json.field("balance", f.balance)
        json.field("label", f.label.rawValue)
        json.field("confidence", f.confidence)
        json.field("tokens", f.tokens)
        json.field("cues", f.cues)
        json.field("direction", f.direction)
        json.field("coverage", f.coverage)
        json.field("strength", f.strength)
        json.field("unframed", f.unframed)
        json.field("sentences", f.sentences)
        json.field("celebratory_sentences", f.celebratorySentences)
        json.field("strategic_threat_sentences", f.threatSentences)
        json.field("reported_celebratory", f.reportedCelebratory)
        json.field("reported_strategic_threat", f.reportedStrategicThreat)
        json.field("learned_lean", f.learnedLean)
        json.key("learned")
        if let l = f.learned {
            json.beginObject()
            json.field("score", l.score)
            json.field("scale", l.scale)
            json.field("framed", l.framed)
            json.field("framed_used", l.framedUsed)
            json.field("weight", l.weight)
            json.key("words")
            json.beginArray()
            for w in l.words {
                json.beginObject()
                json.field("feature", w.feature)
                json.field("count", w.count)
                json.field("contribution", w.contribution)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        } else {
            json.null()
        }
        json.endObject()
    }

    /// One line of `documents.jsonl`: enough for `compare` without reopening `docs/`.
    public static func summaryLine(_ doc: AnnotatedDocument, docPath: String) -> [UInt8] {
        var json = JSONWriter(indent: 0, reserve: 1024)
        json.beginObject()
        json.field("id", doc.id)
        json.field("path", doc.path)
        json.field("doc", docPath)
        json.key("metadata"); writeMetadata(doc.metadata, into: &json)
        json.key("framing"); writeFraming(doc.framing, into: &json)
        // Cue counts per frame and per cue (raw counts beside the scores), and entity mentions.
        let tallies = cueTallies(doc.cues.lazy.map { ($0.cue, $0.scoredFrame.rawValue, $0.score) })
        json.key("cue_counts")
        json.beginObject()
        json.field("celebratory", doc.cues.count { $0.scoredFrame == .celebratory })
        json.field("strategic_threat", doc.cues.count { $0.scoredFrame == .strategicThreat })
        json.endObject()
        json.key("cues")
        json.beginArray()
        for v in tallies {
            json.beginObject(); json.field("cue", v.cue); json.field("frame", v.frame); json.field("count", v.count); json.field("score", v.score); json.endObject()
        }
        json.endArray()
        var typeCounts = [Int](repeating: 0, count: EntityType.allCases.count)
        // The type alone, by index: `for e in` copied each entity and retained its strings.
        for i in doc.entities.indices { typeCounts[EntityType.allCases.firstIndex(of: doc.entities[i].type)!] += 1 }
        json.key("entity_counts")
        json.beginObject()
        for (t, n) in zip(EntityType.allCases, typeCounts) { json.key(named: t.rawValue); json.int(n) }
        json.endObject()
        json.key("entities")
        json.beginArray()
        for e in doc.entityFraming {
            json.beginObject()
            json.field("id", e.id); json.field("canonical", e.canonical); json.field("type", e.type.rawValue)
            json.field("mentions", e.mentions); json.field("celebratory", e.celebratory)
            json.field("strategic_threat", e.strategicThreat); json.field("balance", e.balance)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.bytes
    }

    /// Cue occurrences (lexicon cue, scored frame, score) tallied per cue, in cue order: the
    /// summary line's `cues`, and what `compare` derives from a full document's `cues`.
    public static func cueTallies(_ cues: some Sequence<(String, String, Double)>) -> [(cue: String, frame: String, count: Int, score: Double)] {
        // One hash per cue: the dictionary holds the cue's place in `tallies`.
        var slots: [String: Int] = [:]
        var tallies: [(cue: String, frame: String, count: Int, score: Double)] = []
        for (cue, frame, score) in cues {
            let k = slots[cue, default: tallies.count]
            if k == tallies.count { slots[cue] = k; tallies.append((cue, frame, 0, 0)) }
            tallies[k].count += 1
            tallies[k].score += score
        }
        return tallies.sorted { $0.cue < $1.cue }
    }
}
