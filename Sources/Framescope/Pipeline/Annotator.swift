import FramescopeICU

/// Runs the stages on one document: segment, clean, tag, frame. Holds ICU objects, so it is not
/// thread-safe: give each worker its own (`clone()`), created once and reused for every document.
public final class Annotator {
    public let lexicons: Lexicons
    public let framingOptions: FramingOptions
    private let tokenizer: Tokenizer
    private let tagger: EntityTagger
    private let scorer: FramingScorer
    private let matcher: CombinedMatcher

    /// `matcher`, when given, must come from the same lexicons: runners build it once for all
    /// their workers (about 10 ms) instead of once per worker.
    public init(lexicons: Lexicons, framing: FramingOptions = .init(), matcher: CombinedMatcher? = nil) throws(ICUError) {
        self.lexicons = lexicons
        framingOptions = framing
        tokenizer = try Tokenizer()
        tagger = EntityTagger(lexicons: lexicons)
        scorer = FramingScorer(lexicon: lexicons.framing, options: framing)
        self.matcher = matcher ?? CombinedMatcher(lexicons: lexicons)
    }

    private init(lexicons: Lexicons, framing: FramingOptions, tokenizer: Tokenizer, matcher: CombinedMatcher) {
        self.lexicons = lexicons
        framingOptions = framing
        self.tokenizer = tokenizer
        tagger = EntityTagger(lexicons: lexicons)
        scorer = FramingScorer(lexicon: lexicons.framing, options: framing)
        self.matcher = matcher
    }

    /// An annotator for another worker, sharing the lexicons (and the combined matcher built from them).
    public func clone() throws(ICUError) -> Annotator {
        Annotator(lexicons: lexicons, framing: framingOptions, tokenizer: try tokenizer.clone(), matcher: matcher)
    }

    public var folder: Folder { tokenizer.folder }

    public func annotate(_ document: SourceDocument) -> AnnotatedDocument {
        let text = DocumentText(document.text)
        let index = CodePointIndex(text)
        let folded = tokenizer.folder.fold(text)
        let tokens = tokenizer.tokens(text, folded: folded)
        let spans = tokenizer.sentenceSpans(text)
        let boilerplate = Boilerplate.classify(text, sentences: spans)
        let matches = matcher.allMatches(in: folded)
        let tagged = tagger.tag(text, folded: folded, tokens: tokens, sentences: spans, index: index, lexiconMatches: matches.entities)
        let framing = scorer.score(text: text, folded: folded, tokens: tokens, sentences: spans, boilerplate: boilerplate,
                                   entities: tagged.entities, index: index, cueMatches: matches.cues, modifierMatches: matches.modifiers)
        var metadata = document.metadata
        if metadata.language == nil { metadata.language = Language.detect(text) }
        let sentences = spans.indices.map { SentenceAnnotation(span: spans[$0], boilerplate: boilerplate[$0], framing: framing.sentences[$0]) }
        return AnnotatedDocument(
            id: document.id, path: document.path, sha256: document.sha256, metadata: metadata, text: text, sentences: sentences,
            tokenCount: tokens.count, entities: tagged.entities, nestedEntities: tagged.nested, cues: framing.cues,
            framing: framing.document, entityFraming: framing.entities)
    }
}

/// The document language by script share: `zh` when Han characters are at least 70% of the
/// letters, `en` when Latin letters are, `mixed` otherwise (and `und` without letters).
public enum Language {
    public static func detect(_ text: DocumentText) -> String {
        var han = 0, latin = 0, other = 0
        text.utf16.withUnsafeBufferPointer { u in
            var i = 0
            while i < u.count {
                // Most characters are ASCII or common Han: decided without decoding.
                let unit = u[i]
                if unit < 0x80 {
                    if (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A { latin += 1 }
                    i += 1
                    continue
                }
                if unit >= 0x4E00 && unit <= 0x9FFF { han += 1; i += 1; continue }
                let (c, w) = decodeScalar(u, at: i)
                i += w
                if ScriptClass.isHan(c) { han += 1 }
                else if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0xFF21 && c <= 0xFF5A) { latin += 1 }
                else if c > 0x7F, Unicode.Scalar(c)?.properties.isAlphabetic == true { other += 1 }
            }
        }
        // A Han character carries about as much text as three Latin letters.
        let h = Double(han) * 3, l = Double(latin), total = h + l + Double(other)
        guard total > 0 else { return "und" }
        if h / total >= 0.7 { return "zh" }
        if l / total >= 0.7 { return "en" }
        return "mixed"
    }
}
