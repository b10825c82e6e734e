/// Entity surfaces, framing cues and framing modifiers found in one walk over a document.
///
/// Each lexicon's own matcher walks every character: the tagger over the document, the scorer
/// over every sentence, twice where a sentence has cues. One trie holding the keys of all three
/// tests each start once and walks only as deep as the longest key there. Each lexicon's matches
/// come out exactly as its own matcher finds them over the whole document, in the same order.
public struct CombinedMatcher: Sendable {
    /// The payload each lexicon gave a key; -1 where the key is not one of that lexicon's.
    struct Payloads: Sendable {
        var entity: Int32 = -1
        var cue: Int32 = -1
        var modifier: Int32 = -1
    }

    private var matcher = PhraseMatcher()
    private var payloads: [Payloads] = []

    public struct Matches: Sendable {
        public var entities: [PhraseMatcher.Match] = []
        public var cues: [PhraseMatcher.Match] = []
        public var modifiers: [PhraseMatcher.Match] = []
    }

    /// The matcher for the entity, cue and modifier lexicons of `lexicons`.
    public init(lexicons: Lexicons) {
        self.init(entities: lexicons.entities.matcher, cues: lexicons.framing.cueMatcher, modifiers: lexicons.framing.modifierMatcher)
    }

    public init(entities: PhraseMatcher, cues: PhraseMatcher, modifiers: PhraseMatcher) {
        add(entities, \.entity)
        add(cues, \.cue)
        add(modifiers, \.modifier)
        matcher.compact()
    }

    private mutating func add(_ source: PhraseMatcher, _ lexicon: WritableKeyPath<Payloads, Int32>) {
        for glob in [false, true] {
            (glob ? source.globs : source.trie).forEachKey { key, payload in
                let next = Int32(payloads.count)
                if let existing = matcher.insert(key, glob: glob, payload: next) {
                    payloads[Int(existing)][keyPath: lexicon] = payload
                } else {
                    var p = Payloads()
                    p[keyPath: lexicon] = payload
                    payloads.append(p)
                }
            }
        }
    }

    /// Every match of every lexicon in the document, split by lexicon.
    public func allMatches(in folded: FoldedText) -> Matches {
        var out = Matches()
        for m in matcher.allMatches(in: folded) {
            let p = payloads[Int(m.payload)]
            if p.entity >= 0 { out.entities.append(.init(start: m.start, end: m.end, payload: p.entity)) }
            if p.cue >= 0 { out.cues.append(.init(start: m.start, end: m.end, payload: p.cue)) }
            if p.modifier >= 0 { out.modifiers.append(.init(start: m.start, end: m.end, payload: p.modifier)) }
        }
        return out
    }
}
