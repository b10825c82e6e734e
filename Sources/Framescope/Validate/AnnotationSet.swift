import Foundation

/// The documents `validate` compares with the human codes, read from an annotation folder's
/// `documents.jsonl` (or that file given directly, or the JSON lines `annotate --stdin-jsonl`
/// wrote): per id the label, the balance and the totals the label was computed from.
public struct AnnotationSet: Sendable {
    public struct Document: Sendable {
        public var id: String
        public var metadata: [String: String]
        public var label: FramingLabel
        public var balance: Double
        /// What the label rule reads, so `--calibrate` can relabel without annotating again.
        public var totals: FramingTotals
        /// The full document JSON (absolute or relative to the working folder), for evidence;
        /// with `documentOffset` a JSON-lines file (`--format jsonl`) and the line's byte offset.
        public var documentPath: String?
        public var documentOffset: UInt64?
        /// The line's own cues when the line is a whole document (`--stdin-jsonl` output).
        public var inlineCues: [EvidenceCue]?
        public var title: String? { metadata["title"] }
        public var source: String? { metadata["source"] }
    }

    /// One cue as evidence for a disagreement.
    public struct EvidenceCue: Sendable, Hashable {
        public var text: String
        public var score: Double
        public var scoredFrame: String
        public var sentence: Int
        /// The sentence the cue is in (trimmed), when the document text was at hand.
        public var sentenceText: String?
    }

    /// The documents.jsonl read.
    public var path: String
    public var documents: [String: Document]
    /// Ids in file order.
    public var order: [String]
    /// Ids found on more than one line (the first line counts).
    public var duplicates: [String]

    public static func load(_ path: String) throws(ValidateError) -> AnnotationSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such annotation folder or documents.jsonl")
        }
        let file = isDirectory.boolValue ? path + "/documents.jsonl" : path
        let folder = isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .unreadable(path: file, reason: "cannot be read (run framescope annotate first)")
        }
        var set = AnnotationSet(path: file, documents: [:], order: [], duplicates: [])
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw .annotations(path: file, line: lineNumber, message: "not a JSON object")
            }
            if object["schema"] as? String == "framescope.error/1" { continue }  // a line annotate could not do
            guard let id = object["id"] as? String else { throw .annotations(path: file, line: lineNumber, message: "no 'id' field") }
            guard let framing = object["framing"] as? [String: Any], let totals = FramingTotals(json: framing),
                  let labelText = framing["label"] as? String, let label = FramingLabel(rawValue: labelText),
                  let balance = (framing["balance"] as? NSNumber)?.doubleValue else {
                throw .annotations(path: file, line: lineNumber, message: "no complete 'framing' object (label, balance, celebratory, strategic_threat, tokens, cues)")
            }
            if set.documents[id] != nil { set.duplicates.append(id); continue }
            var document = Document(id: id, metadata: DocumentSummary.metadata(object["metadata"]), label: label, balance: balance, totals: totals)
            if object["schema"] as? String == DocumentJSON.schema {
                document.inlineCues = Self.strongestCues(in: object, count: Self.evidenceCount)
            } else if let doc = object["doc"] as? String {
                document.documentPath = doc.hasPrefix("/") ? doc : folder + "/" + doc
                document.documentOffset = (object["doc_offset"] as? NSNumber)?.uint64Value
            }
            set.documents[id] = document
            set.order.append(id)
        }
        return set
    }

    /// How many cues a disagreement shows.
    public static let evidenceCount = 3

    /// The document's strongest cues (highest score first; equal scores in text order), from the
    /// line itself or its document JSON; a message when the JSON cannot be read.
    public func evidence(for id: String, count: Int = AnnotationSet.evidenceCount) -> Result<[EvidenceCue], ValidateError> {
        guard let document = documents[id] else { return .failure(.annotations(path: path, line: nil, message: "no document '\(id)'")) }
        if let inline = document.inlineCues { return .success(Array(inline.prefix(count))) }
        guard let file = document.documentPath else { return .failure(.annotations(path: path, line: nil, message: "no 'doc' path for '\(id)'")) }
        guard let object = DocumentSummary.fullDocument(path: file, offset: document.documentOffset) else {
            return .failure(.unreadable(path: file, reason: "cannot be read as a document JSON"))
        }
        return .success(Self.strongestCues(in: object, count: count))
    }

    static func strongestCues(in object: [String: Any], count: Int) -> [EvidenceCue] {
        let cues = (object["cues"] as? [[String: Any]]) ?? []
        var ranked: [(start: Int, cue: EvidenceCue)] = cues.compactMap { c in
            guard let text = c["text"] as? String, let score = (c["score"] as? NSNumber)?.doubleValue else { return nil }
            return ((c["start"] as? NSNumber)?.intValue ?? 0,
                    EvidenceCue(text: text, score: score, scoredFrame: c["scored_frame"] as? String ?? c["frame"] as? String ?? "",
                                sentence: (c["sentence"] as? NSNumber)?.intValue ?? -1, sentenceText: nil))
        }
        ranked.sort { $0.cue.score != $1.cue.score ? $0.cue.score > $1.cue.score : $0.start < $1.start }
        let top = ranked.prefix(count)
        guard !top.isEmpty, let text = object["text"] as? String, let sentences = object["sentences"] as? [[String: Any]] else { return top.map(\.cue) }
        let scalars = Array(text.unicodeScalars)
        return top.map { item in
            var cue = item.cue
            if sentences.indices.contains(cue.sentence), let s = (sentences[cue.sentence]["start"] as? NSNumber)?.intValue,
               let e = (sentences[cue.sentence]["end"] as? NSNumber)?.intValue, 0 <= s, s <= e, e <= scalars.count {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[s..<e])
                cue.sentenceText = String(view).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return cue
        }
    }
}
