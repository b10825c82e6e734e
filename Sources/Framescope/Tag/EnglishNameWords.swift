/// The English words the name patterns ask about, interned once per tagger: the roles of
/// `patterns.tsv` and NamePatterns' fixed lists. A token is looked up by walking its folded
/// scalars through a trie, so the patterns build no `String` per token and hash no sets (that
/// was about 430 instructions per key, plus a dictionary probe per role).
///
/// As in phrase matching, a hyphen in a listed word matches a space: `co-founder` would match the
/// two tokens `co founder`.
struct EnglishNameWords: Sendable {
    /// What a word is to the patterns; a word may be several of these.
    struct Kind: OptionSet, Sendable {
        let rawValue: UInt16
        static let personTitle = Kind(rawValue: 1 << 0)
        static let speechVerb = Kind(rawValue: 1 << 1)
        static let companySuffix = Kind(rawValue: 1 << 2)
        static let orgHead = Kind(rawValue: 1 << 3)
        static let leadingStop = Kind(rawValue: 1 << 4)
        static let weakSuffix = Kind(rawValue: 1 << 5)
        static let andContinuation = Kind(rawValue: 1 << 6)
        static let legalSuffix = Kind(rawValue: 1 << 7)
        static let genericWord = Kind(rawValue: 1 << 8)
        static let descriptor = Kind(rawValue: 1 << 9)
        static let demonym = Kind(rawValue: 1 << 10)
        /// Lower-case words after a place that name its body: a level ("city", "provincial"), a body
        /// after a level ("government", "council"), a body after a portfolio ("department").
        static let levelWord = Kind(rawValue: 1 << 11)
        static let levelBody = Kind(rawValue: 1 << 12)
        static let portfolioBody = Kind(rawValue: 1 << 13)
    }

    /// The id of every word not listed.
    static let unknown: Int32 = -1

    private let trie: ScalarTrie
    private let kindsByID: [Kind]
    /// Words the patterns compare one by one.
    let dot, comma, and, ampersand, of, the, co, corp, inc, ltd, limited, hyphen, openParen, closeParen, plc, apostrophe, on: Int32

    init(patterns: PatternLexicon) {
        var trie = ScalarTrie()
        var kinds: [Kind] = []
        func intern(_ word: String) -> Int32 {
            let id = Int32(kinds.count)
            if let existing = trie.insert(word.unicodeScalars.map(\.value), payload: id) { return existing }
            kinds.append([])
            return id
        }
        func mark(_ words: some Sequence<String>, _ kind: Kind) {
            for w in words where !w.isEmpty { kinds[Int(intern(w))].insert(kind) }
        }
        mark(patterns.english[.personTitle] ?? [], .personTitle)
        mark(patterns.english[.speechVerb] ?? [], .speechVerb)
        mark(patterns.english[.companySuffix] ?? [], .companySuffix)
        mark(patterns.english[.orgHead] ?? [], .orgHead)
        mark(NamePatterns.leadingStops, .leadingStop)  // the demonyms included
        mark(NamePatterns.demonyms, .demonym)
        mark(patterns.english[.clauseWord] ?? [], .leadingStop)
        mark(patterns.english[.legalSuffix] ?? [], .legalSuffix)
        mark(patterns.english[.genericWord] ?? [], .genericWord)
        mark(patterns.english[.descriptor] ?? [], .descriptor)
        mark(NamePatterns.weakSuffixes, .weakSuffix)
        mark(NamePatterns.andContinuations, .andContinuation)
        mark(NamePatterns.levelWords, .levelWord)
        mark(NamePatterns.levelBodies, .levelBody)
        mark(NamePatterns.portfolioBodies, .portfolioBody)
        dot = intern("."); comma = intern(","); and = intern("and"); ampersand = intern("&")
        of = intern("of"); the = intern("the")
        hyphen = intern("-"); openParen = intern("("); closeParen = intern(")"); plc = intern("plc")
        apostrophe = intern("'"); on = intern("on")
        co = intern("co"); corp = intern("corp"); inc = intern("inc"); ltd = intern("ltd"); limited = intern("limited")
        trie.compact()
        self.trie = trie
        kindsByID = kinds
    }

    @inline(__always)
    func kinds(_ id: Int32) -> Kind { id < 0 ? [] : kindsByID[Int(id)] }

    /// Only these token kinds have a key the patterns read; the others match no word.
    @inline(__always)
    private static func hasKey(_ t: Token) -> Bool {
        switch t.kind {
        case .word, .punctuation, .symbol, .number: return true
        default: return false
        }
    }

    /// Walks the token's folded scalars from `node`; nil when the trie has no such path.
    @inline(__always)
    private func walk(_ node: Int32, _ t: Token, _ s: UnsafeBufferPointer<UInt32>, _ start: UnsafeBufferPointer<Int32>) -> Int32? {
        guard Self.hasKey(t) else { return node }
        var n = node
        for i in Int(start[t.start])..<Int(start[t.end]) {
            guard let next = trie.step(n, s[i]) else { return nil }
            n = next
        }
        return n
    }

    /// The id of the token's folded key.
    func id(of t: Token, in folded: FoldedText) -> Int32 {
        folded.scalars.withUnsafeBufferPointer { s in
            folded.start.withUnsafeBufferPointer { start in
                guard Self.hasKey(t), let n = walk(ScalarTrie.root, t, s, start), n != ScalarTrie.root else { return Self.unknown }
                return trie.payload(n) ?? Self.unknown
            }
        }
    }

    /// The id of two tokens' keys joined by a space ("vice president", "according to").
    func id(of a: Token, _ b: Token, in folded: FoldedText) -> Int32 {
        folded.scalars.withUnsafeBufferPointer { s in
            folded.start.withUnsafeBufferPointer { start in
                guard let n = walk(ScalarTrie.root, a, s, start), let space = trie.step(n, 0x20),
                      let m = walk(space, b, s, start) else { return Self.unknown }
                return trie.payload(m) ?? Self.unknown
            }
        }
    }
}
