/// The English words the name patterns ask about, interned once per tagger: the roles of
/// `patterns.tsv` and NamePatterns' fixed lists. A token is looked up by hashing its folded
/// scalars into a table of the interned keys (pairs of tokens walk a trie), so the patterns build
/// no `String` per token and hash no sets (that was about 430 instructions per key, plus a
/// dictionary probe per role).
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
        /// The place suffixes of `patterns.tsv` ("county", "industrial park"): `englishPlace` asks
        /// whether a run's last tokens are one without building a `String` per candidate.
        static let placeSuffix = Kind(rawValue: 1 << 14)
    }

    /// The id of every word not listed.
    static let unknown: Int32 = -1

    /// The lookup structures, behind one reference: the patterns pass this struct around, and a
    /// trie and a table inline made each copy of it a few hundred bytes (a memcpy per copy).
    private final class Tables: Sendable {
        let trie: ScalarTrie
        /// The single-token lookup: an open-addressing table of every interned key (hyphens read as
        /// spaces, as in the trie), hashed over the token's folded scalars in one pass. The trie walk
        /// it replaces cost about 160 instructions a token (a binary search per scalar); the pair
        /// lookup (`id(of:_:in:)`) still walks the trie.
        let table: WordTable
        init(trie: ScalarTrie, table: WordTable) {
            self.trie = trie
            self.table = table
        }
    }
    private let tables: Tables
    private let kindsByID: [Kind]
    /// Words the patterns compare one by one.
    let dot, comma, and, ampersand, of, the, co, corp, inc, ltd, limited, hyphen, openParen, closeParen, plc, apostrophe, on: Int32
    let mount, mt, port: Int32

    init(patterns: PatternLexicon) {
        var trie = ScalarTrie()
        var kinds: [Kind] = []
        var keys: [[UInt32]] = []
        func intern(_ word: String) -> Int32 {
            let id = Int32(kinds.count)
            let key = word.unicodeScalars.map(\.value)
            if let existing = trie.insert(key, payload: id) { return existing }
            kinds.append([])
            keys.append(key.map(ScalarTrie.keyScalar))
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
        mark(patterns.english[.placeSuffix] ?? [], .placeSuffix)
        dot = intern("."); comma = intern(","); and = intern("and"); ampersand = intern("&")
        of = intern("of"); the = intern("the")
        hyphen = intern("-"); openParen = intern("("); closeParen = intern(")"); plc = intern("plc")
        apostrophe = intern("'"); on = intern("on")
        co = intern("co"); corp = intern("corp"); inc = intern("inc"); ltd = intern("ltd"); limited = intern("limited")
        mount = intern("mount"); mt = intern("mt"); port = intern("port")
        trie.compact()
        kindsByID = kinds
        tables = Tables(trie: trie, table: WordTable(keys))
    }

    /// Interned keys by id in an open-addressing table keyed by a multiplicative hash of the scalars.
    struct WordTable: Sendable {
        /// Per slot: the id, -1 where free.
        private let ids: [Int32]
        /// Per id: where its key starts in `scalars`; one more entry for the end.
        private let starts: [Int32]
        private let scalars: [UInt32]
        private let mask: Int

        init(_ keys: [[UInt32]]) {
            var size = 16
            while size < keys.count * 4 { size *= 2 }
            var ids = [Int32](repeating: -1, count: size)
            var starts: [Int32] = [0]
            var scalars: [UInt32] = []
            for (id, key) in keys.enumerated() {
                scalars += key
                starts.append(Int32(scalars.count))
                guard !key.isEmpty else { continue }
                var i = Int(truncatingIfNeeded: Self.hash(key[...])) & (size - 1)
                while ids[i] >= 0 { i = (i + 1) & (size - 1) }
                ids[i] = Int32(id)
            }
            self.ids = ids
            self.starts = starts
            self.scalars = scalars
            mask = size - 1
        }

        @inline(__always)
        static func hash<C: Collection<UInt32>>(_ key: C) -> UInt64 {
            var h: UInt64 = 0
            for c in key { h = (h ^ UInt64(c)) &* 0x9E37_79B9_7F4A_7C15 }
            return h ^ (h >> 29)
        }

        /// The id of the key `s[a..<b]` (hyphens read as spaces), or `unknown`.
        @inline(__always)
        func id(_ s: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int) -> Int32 {
            let h = Self.hash(s[a..<b].lazy.map(ScalarTrie.keyScalar))
            return ids.withUnsafeBufferPointer { ids in
                starts.withUnsafeBufferPointer { starts in
                    scalars.withUnsafeBufferPointer { keys in
                        var slot = Int(truncatingIfNeeded: h) & mask
                        while true {
                            let id = ids[slot]
                            if id < 0 { return EnglishNameWords.unknown }
                            let ka = Int(starts[Int(id)]), kb = Int(starts[Int(id) + 1])
                            if kb - ka == b - a {
                                var k = 0
                                while k < b - a, keys[ka + k] == ScalarTrie.keyScalar(s[a + k]) { k += 1 }
                                if k == b - a { return id }
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
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
            guard let next = tables.trie.step(n, s[i]) else { return nil }
            n = next
        }
        return n
    }

    /// The id of the token's folded key.
    func id(of t: Token, in folded: FoldedText) -> Int32 {
        folded.scalars.withUnsafeBufferPointer { s in
            folded.start.withUnsafeBufferPointer { start in id(of: t, s, start) }
        }
    }

    /// The id of the token's folded key, with the document's buffers borrowed once for all tokens.
    @inline(__always)
    func id(of t: Token, _ s: UnsafeBufferPointer<UInt32>, _ start: UnsafeBufferPointer<Int32>) -> Int32 {
        guard Self.hasKey(t) else { return Self.unknown }
        let a = Int(start[t.start]), b = Int(start[t.end])
        guard b > a else { return Self.unknown }
        return tables.table.id(s, a, b)
    }

    /// Whether the folded scalars `s[a..<b]` are a listed word of `kind` (hyphens read as spaces):
    /// a necessary condition for a key of that role, which callers confirm against the exact list.
    func isKey(_ s: [UInt32], _ a: Int, _ b: Int, _ kind: Kind) -> Bool {
        guard b > a else { return false }
        return kinds(s.withUnsafeBufferPointer { tables.table.id($0, a, b) }).contains(kind)
    }

    /// The id by the trie walk the table replaced: the tests compare the two.
    func trieID(of t: Token, in folded: FoldedText) -> Int32 {
        folded.scalars.withUnsafeBufferPointer { s in
            folded.start.withUnsafeBufferPointer { start in
                guard Self.hasKey(t), let n = walk(ScalarTrie.root, t, s, start), n != ScalarTrie.root else { return Self.unknown }
                return tables.trie.payload(n) ?? Self.unknown
            }
        }
    }

    /// The id of two tokens' keys joined by a space ("vice president", "according to").
    func id(of a: Token, _ b: Token, in folded: FoldedText) -> Int32 {
        folded.scalars.withUnsafeBufferPointer { s in
            folded.start.withUnsafeBufferPointer { start in
                guard let n = walk(ScalarTrie.root, a, s, start), let space = tables.trie.step(n, 0x20),
                      let m = walk(space, b, s, start) else { return Self.unknown }
                return tables.trie.payload(m) ?? Self.unknown
            }
        }
    }
}
