import Testing
@testable import Framescope

/// What the suites that score literal texts with a small lexicon of their own share: options
/// without lead weighting and repetition damping (so each number can be checked by hand), one
/// annotation, and the check that the evidence adds up to the document's totals.
enum FramingHarness {
    static func options(_ change: (inout FramingOptions) -> Void = { _ in }) -> FramingOptions {
        var o = FramingOptions()
        o.leadWeighting = false
        o.repetitionDamping = false
        change(&o)
        return o
    }

    /// A lexicon folder's files from their rows alone: the four files every such suite writes,
    /// each with its header line (China is the one entity unless `entities` says otherwise).
    static func lexicon(entities: String = "place:china\tplace\tChina\tChina\ten", celebratory: String, threat: String,
                        modifiers: String) -> [String: String] {
        [
            "entities/e.tsv": "id\ttype\tcanonical\tsurface\tlang\n" + entities + "\n",
            "framing/c.tsv": "cue\tframe\tweight\tlang\tnote\n" + celebratory + "\n",
            "framing/t.tsv": "cue\tframe\tweight\tlang\tnote\n" + threat + "\n",
            "modifiers.tsv": "cue\tkind\tfactor\tscope\n" + modifiers + "\n",
        ]
    }

    static func annotate(_ s: String, lexicon: [String: String], options: FramingOptions) throws -> AnnotatedDocument {
        let lex = try TemporaryLexicons(lexicon).load()
        return try Annotator(lexicons: lex, framing: options).annotate(SourceDocument(id: "t", path: "t", text: s))
    }

    /// One annotation with the shipped lexicons and default options, for the suites that check
    /// the shipped cue families.
    static func annotateShipped(_ s: String) throws -> AnnotatedDocument {
        try Annotator(lexicons: BundledLexicons.shared).annotate(SourceDocument(id: "t", path: "t", text: s))
    }

    static func cueNames(_ doc: AnnotatedDocument) -> Set<String> { Set(doc.cues.map(\.cue)) }

    /// The evidence adds up to the document totals whatever the layers did.
    static func expectTotalsAddUp(_ doc: AnnotatedDocument, sourceLocation: SourceLocation = #_sourceLocation) {
        let c = doc.cues.filter { $0.scoredFrame == .celebratory }.reduce(0) { $0 + $1.score }
        let t = doc.cues.filter { $0.scoredFrame == .strategicThreat }.reduce(0) { $0 + $1.score }
        #expect(abs(c - doc.framing.celebratory) < 1e-9 && abs(t - doc.framing.strategicThreat) < 1e-9, sourceLocation: sourceLocation)
        for cue in doc.cues {
            #expect(abs(cue.modifiers.reduce(cue.weight) { $0 * $1.factor } - cue.contribution) < 1e-9, "\(cue.cue)",
                    sourceLocation: sourceLocation)
        }
    }
}
