/// Finds lexicon phrases in folded text. English phrases match only at word boundaries
/// (`steel` is not found in `steelmaker`); inside runs of Chinese characters any position is a
/// boundary, so a Chinese term is found however ICU cut the run around it. A phrase ending in
/// `*` (English only) matches any continuation of word characters, as in quanteda's globs.
public struct PhraseMatcher: Sendable {
    public private(set) var trie = ScalarTrie()
    /// Payloads of glob (`prefix*`) phrases live in their own trie so `dominan*` and `dominance`
    /// can coexist.
    public private(set) var globs = ScalarTrie()

    public init() {}

    public enum AddResult: Equatable { case added, emptyKey, duplicate(Int32) }

    public struct Match: Sendable, Hashable {
        /// Folded-text indices `[start, end)`.
        public var start: Int
        public var end: Int
        public var payload: Int32
    }

    /// The folded key of a phrase, with whitespace normalised.
    public static func key(_ phrase: String, folder: Folder) -> [UInt32] {
        folder.foldedScalars(phrase)
    }

    public mutating func add(_ phrase: String, payload: Int32, folder: Folder) -> AddResult {
        var text = phrase
        var isGlob = false
        if text.hasSuffix("*") && text.count > 1 { text.removeLast(); isGlob = true }
        let key = Self.key(text, folder: folder)
        guard !key.isEmpty else { return .emptyKey }
        if let existing = insert(key, glob: isGlob, payload: payload) { return .duplicate(existing) }
        return .added
    }

    /// Adds a folded key (a glob's without its `*`); returns the payload already there, if any.
    @discardableResult
    mutating func insert(_ key: [UInt32], glob: Bool, payload: Int32) -> Int32? {
        glob ? globs.insert(key, payload: payload) : trie.insert(key, payload: payload)
    }

    public var isEmpty: Bool { trie.count == 0 && globs.count == 0 }

    /// Lays both tries out for matching (`ScalarTrie.compact()`); call it once the phrases are in.
    public mutating func compact() {
        trie.compact()
        globs.compact()
    }

    /// Whether a match may begin at folded index `f`: not a space, not inside one original code
    /// point, not inside a spaced word. Generic so the hot loop runs it on raw buffers.
    @inline(__always)
    static func isStart<S: RandomAccessCollection<UInt32>, O: RandomAccessCollection<Int32>>(_ s: S, _ origin: O, _ f: Int) -> Bool
        where S.Index == Int, O.Index == Int {
        guard f < s.count else { return false }
        let c = s[f]
        if c == 0x20 { return false }
        guard f > 0 else { return true }
        return origin[f] != origin[f - 1] && !(ScriptClass.isSpacedWordChar(s[f - 1]) && ScriptClass.isSpacedWordChar(c))
    }

    /// Whether a match may end at folded index `f` (exclusive): the end of the text, or a
    /// code-point boundary not inside a spaced word.
    @inline(__always)
    static func isEnd<S: RandomAccessCollection<UInt32>, O: RandomAccessCollection<Int32>>(_ s: S, _ origin: O, _ f: Int) -> Bool
        where S.Index == Int, O.Index == Int {
        if f == s.count { return true }
        guard f > 0 else { return false }
        return origin[f] != origin[f - 1] && !(ScriptClass.isSpacedWordChar(s[f - 1]) && ScriptClass.isSpacedWordChar(s[f]))
    }

    public static func isStart(_ folded: FoldedText, _ f: Int) -> Bool { isStart(folded.scalars, folded.origin, f) }
    public static func isEnd(_ folded: FoldedText, _ f: Int) -> Bool { isEnd(folded.scalars, folded.origin, f) }

    /// Every match (all lengths) starting anywhere in `range` (folded indices). This runs once
    /// per character of every document for each matcher, so it works on raw buffers.
    public func allMatches(in folded: FoldedText, range: Range<Int>? = nil) -> [Match] {
        var out: [Match] = []
        let r = range ?? 0..<folded.scalars.count
        guard !r.isEmpty else { return out }
        folded.scalars.withUnsafeBufferPointer { s in
            folded.origin.withUnsafeBufferPointer { origin in
                for f in r where Self.isStart(s, origin, f) {
                    scan(s, origin, from: f, limit: r.upperBound) { out.append($0) }
                }
            }
        }
        return out
    }

    /// Matches starting exactly at folded index `f`, ending at or before `limit`.
    public func matches(at f: Int, in folded: FoldedText, limit: Int? = nil, into out: inout [Match]) {
        forEachMatch(at: f, in: folded, limit: limit) { out.append($0) }
    }

    /// Calls `body` with each match starting exactly at `f` (phrases by length, then globs):
    /// the single-start lookups, which allocated an array per call for one answer.
    @inline(__always)
    func forEachMatch(at f: Int, in folded: FoldedText, limit: Int? = nil, _ body: (Match) -> Void) {
        let end = limit ?? folded.scalars.count
        guard f < end else { return }
        folded.scalars.withUnsafeBufferPointer { s in
            folded.origin.withUnsafeBufferPointer { origin in scan(s, origin, from: f, limit: end, body) }
        }
    }

    @inline(__always)
    private func scan(_ s: UnsafeBufferPointer<UInt32>, _ origin: UnsafeBufferPointer<Int32>, from f: Int, limit end: Int,
                      _ emit: (Match) -> Void) {
        if var node = trie.step(ScalarTrie.root, s[f]) {
            var i = f + 1
            while true {
                if let p = trie.payload(node), Self.isEnd(s, origin, i) { emit(Match(start: f, end: i, payload: p)) }
                guard i < end, let next = trie.step(node, s[i]) else { break }
                node = next
                i += 1
            }
        }
        guard globs.count > 0, var node = globs.step(ScalarTrie.root, s[f]) else { return }
        var i = f + 1
        while true {
            if let p = globs.payload(node) {
                var e = i
                while e < end, ScriptClass.isSpacedWordChar(s[e]) { e += 1 }
                if Self.isEnd(s, origin, e) { emit(Match(start: f, end: e, payload: p)) }
            }
            guard i < end, let next = globs.step(node, s[i]) else { break }
            node = next
            i += 1
        }
    }

    /// The longest match starting at `f`, if any (the first found of equally long ones).
    public func longestMatch(at f: Int, in folded: FoldedText, limit: Int? = nil) -> Match? {
        var best: Match?
        forEachMatch(at: f, in: folded, limit: limit) { m in
            if best.map({ m.end > $0.end }) ?? true { best = m }
        }
        return best
    }
}
