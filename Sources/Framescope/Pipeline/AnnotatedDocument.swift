/// What is known about a document besides its text. Every field says where it came from in
/// `sources` (e.g. `"date": "text:updated-line"`), so a user can tell a guess from a fact.
public struct DocumentMetadata: Sendable, Hashable {
    public var source: String?
    public var title: String?
    public var date: String?
    public var url: String?
    public var language: String?
    public var encoding: String?
    /// How the file's bytes were decoded (nil for JSONL records, which arrive as text): written
    /// as `encoding_method`, `encoding_confidence` and `replaced_bytes`.
    public var decoding: DecodingReport?
    /// Further fields from a manifest, sidecar or JSONL record, in the order given.
    public var extra: [(String, String)] = []
    /// Where each field came from: manifest, sidecar, jsonl, folder, text:<rule>.
    public var sources: [(String, String)] = []

    public init(source: String? = nil, title: String? = nil, date: String? = nil, url: String? = nil,
                language: String? = nil, encoding: String? = nil) {
        self.source = source
        self.title = title
        self.date = date
        self.url = url
        self.language = language
        self.encoding = encoding
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.source == b.source && a.title == b.title && a.date == b.date && a.url == b.url && a.language == b.language
            && a.encoding == b.encoding && a.decoding == b.decoding && a.extra.map { [$0.0, $0.1] } == b.extra.map { [$0.0, $0.1] }
            && a.sources.map { [$0.0, $0.1] } == b.sources.map { [$0.0, $0.1] }
    }

    /// The keys the JSON writer gives the fields above: an extra field of the same name (from a
    /// manifest or sidecar) is not written a second time.
    static let writtenFields: Set<String> = ["source", "title", "date", "url", "language", "encoding", "encoding_method",
                                             "encoding_confidence", "replaced_bytes", "field_sources"]

    public func hash(into h: inout Hasher) { h.combine(source); h.combine(title); h.combine(date); h.combine(url) }

    public subscript(field: String) -> String? {
        switch field {
        case "source": return source
        case "title": return title
        case "date": return date
        case "url": return url
        case "language": return language
        case "encoding": return encoding
        case "encoding_method": return decoding?.method.rawValue
        case "encoding_confidence": return decoding?.confidence.map(String.init)
        case "replaced_bytes": return decoding.map { String($0.replacedBytes) }
        case "year": return date.map { String($0.prefix(4)) }
        case "month": return date.map { String($0.prefix(7)) }
        default: return extra.first { $0.0 == field }?.1
        }
    }
}

/// A document as it enters the pipeline.
public struct SourceDocument: Sendable {
    public var id: String
    /// Path relative to the corpus root (or `file.jsonl:line` for JSON lines).
    public var path: String
    public var text: String
    public var metadata: DocumentMetadata
    public var sha256: String
    public var decoding: DecodingReport?

    public init(id: String, path: String, text: String, metadata: DocumentMetadata = .init(), sha256: String = "",
                decoding: DecodingReport? = nil) {
        self.id = id
        self.path = path
        self.text = text
        self.metadata = metadata
        self.sha256 = sha256
        self.decoding = decoding
    }
}

/// A sentence with its boilerplate flag and framing.
public struct SentenceAnnotation: Sendable, Hashable {
    public var span: TextSpan
    /// Why the sentence is boilerplate (nil for content): `copyright`, `share`, `caption`, ...
    public var boilerplate: String?
    public var framing: SentenceFraming
}

/// Every layer of one document: the pipeline's output, a pure value.
public struct AnnotatedDocument: Sendable {
    public var id: String
    public var path: String
    public var sha256: String
    public var metadata: DocumentMetadata
    public var text: DocumentText
    public var sentences: [SentenceAnnotation]
    public var tokenCount: Int
    public var entities: [Entity]
    public var nestedEntities: [Entity]
    public var cues: [CueEvidence]
    public var framing: DocumentFraming
    public var entityFraming: [EntityFraming]
}
