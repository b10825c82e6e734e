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
        var none = NoStageClock()
        return annotate(document, clock: &none)
    }

    /// The feature keys of the content sentences' words (`LearnedModel.key(of:folded:)`), in
    /// document order: what `lexicon train` fits the word model on, read exactly as scoring reads them.
    public func learnedFeatures(_ document: SourceDocument) -> [String] {
        let text = DocumentText(document.text)
        let folded = tokenizer.folder.fold(text)
        let tokens = tokenizer.tokens(text, folded: folded)
        let spans = tokenizer.sentenceSpans(text)
        let boilerplate = Boilerplate.classify(text, sentences: spans)
        return LearnedModel.keys(tokens: tokens, sentences: spans, boilerplate: boilerplate, folded: folded)
    }

    /// `annotate`, with the time of each stage added to `clock`: the benchmark's breakdown of
    /// where a document's time goes. Generic, so the plain call above compiles the clock away.
    public func annotate<Clock: StageClock>(_ document: SourceDocument, clock: inout Clock) -> AnnotatedDocument {
        var mark = clock.start()
        let text = DocumentText(document.text)
        let index = CodePointIndex(text)
        clock.lap(.text, &mark)
        let folded = tokenizer.folder.fold(text)
        clock.lap(.fold, &mark)
        let tokens = tokenizer.tokens(text, folded: folded)
        clock.lap(.words, &mark)
        let spans = tokenizer.sentenceSpans(text)
        clock.lap(.sentences, &mark)
        let boilerplate = Boilerplate.classify(text, sentences: spans)
        clock.lap(.boilerplate, &mark)
        let matches = matcher.allMatches(in: folded)
        clock.lap(.lexiconWalk, &mark)
        let tagged = tagger.tag(text, folded: folded, tokens: tokens, sentences: spans, index: index, lexiconMatches: matches.entities)
        clock.lap(.entities, &mark)
        let framing = scorer.score(text: text, folded: folded, tokens: tokens, sentences: spans, boilerplate: boilerplate,
                                   entities: tagged.entities, index: index, cueMatches: matches.cues, modifierMatches: matches.modifiers)
        clock.lap(.framing, &mark)
        var metadata = document.metadata
        if metadata.language == nil { metadata.language = Language.detect(text) }
        let sentences = spans.indices.map { SentenceAnnotation(span: spans[$0], boilerplate: boilerplate[$0], framing: framing.sentences[$0]) }
        let annotated = AnnotatedDocument(
            id: document.id, path: document.path, sha256: document.sha256, metadata: metadata, text: text, sentences: sentences,
            tokenCount: tokens.count, entities: tagged.entities, nestedEntities: tagged.nested, cues: framing.cues,
            framing: framing.document, entityFraming: framing.entities)
        clock.lap(.assemble, &mark)
        return annotated
    }
}

/// The stages `Annotator.annotate` times for a `StageClock`, in pipeline order.
public enum AnnotateStage: Int, CaseIterable, Sendable {
    /// The UTF-16 copy and the code point index.
    case text
    case fold
    /// ICU word breaking and the tokens built from it.
    case words
    /// ICU sentence breaking and the trimmed spans.
    case sentences
    case boilerplate
    /// One walk of the combined entity, cue and modifier trie.
    case lexiconWalk
    /// Entity tagging from the walk's hits: quantities, name patterns, overlaps.
    case entities
    case framing
    /// Language detection and the annotated document.
    case assemble
}

/// Receives the stage times of `Annotator.annotate`.
public protocol StageClock {
    associatedtype Mark
    func start() -> Mark
    /// Adds the time since `mark` to `stage`, and moves `mark` to now.
    mutating func lap(_ stage: AnnotateStage, _ mark: inout Mark)
}

/// The clock of a plain `annotate`: does nothing, and is compiled away.
public struct NoStageClock: StageClock {
    public init() {}
    @inline(__always) public func start() {}
    @inline(__always) public mutating func lap(_ stage: AnnotateStage, _ mark: inout Void) {}
}

/// Wall time per stage on the calling thread (a monotonic clock, in seconds).
public struct StageTimes: StageClock {
    public private(set) var seconds = [Double](repeating: 0, count: AnnotateStage.allCases.count)
    public init() {}
    public func start() -> ContinuousClock.Instant { .now }
    public mutating func lap(_ stage: AnnotateStage, _ mark: inout ContinuousClock.Instant) {
        let t = ContinuousClock.Instant.now
        seconds[stage.rawValue] += Self.seconds(t - mark)
        mark = t
    }
    public subscript(stage: AnnotateStage) -> Double { seconds[stage.rawValue] }
    public static func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
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
