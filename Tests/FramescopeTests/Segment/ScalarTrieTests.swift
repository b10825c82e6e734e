import Foundation
import Testing
@testable import Framescope

@Suite("ScalarTrie")
struct ScalarTrieTests {
    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    /// Every key's payload by walking the trie the way the matchers do.
    static func walk(_ trie: ScalarTrie, _ s: String) -> [Int32?] {
        var node = ScalarTrie.root
        var out: [Int32?] = []
        for c in scalars(s) {
            guard let next = trie.step(node, c) else { break }
            node = next
            out.append(trie.payload(node))
        }
        return out
    }

    @Test("keys that are prefixes of each other keep their payloads, whichever is inserted first")
    func prefixes() {
        var trie = ScalarTrie()
        #expect(trie.insert(Self.scalars("rare earth"), payload: 1) == nil)
        #expect(trie.insert(Self.scalars("rare"), payload: 2) == nil)  // a node that already has a child
        #expect(trie.insert(Self.scalars("r"), payload: 3) == nil)  // a root child
        #expect(trie.insert(Self.scalars("稀土"), payload: 4) == nil)
        #expect(trie.insert(Self.scalars("𠀋𠀋"), payload: 5) == nil)  // astral: no root table entry
        #expect(trie.insert(Self.scalars("𠀋"), payload: 6) == nil)
        #expect(trie.insert(Self.scalars("rare"), payload: 9) == 2)  // a duplicate reports the first payload
        #expect(trie.count == 6)
        #expect(Self.walk(trie, "rare earth") == [3, nil, nil, 2, nil, nil, nil, nil, nil, 1])
        #expect(Self.walk(trie, "rare-earth").last == 1)  // hyphen and space are one key scalar
        #expect(Self.walk(trie, "稀土") == [nil, 4])
        #expect(Self.walk(trie, "𠀋𠀋") == [6, 5])
        #expect(Self.walk(trie, "rarely") == [3, nil, nil, 2])
        #expect(trie.contains(Self.scalars("rare")) && !trie.contains(Self.scalars("ra")) && !trie.contains(Self.scalars("稀")))
    }

    @Test("a trie with many keys finds each of them and nothing else")
    func many() {
        var trie = ScalarTrie()
        let keys = (0..<5000).map { "k\($0 * 7919 % 100_000)钢" }
        for (i, k) in keys.enumerated() { #expect(trie.insert(Self.scalars(k), payload: Int32(i)) == nil) }
        for (i, k) in keys.enumerated() { #expect(Self.walk(trie, k).last == Int32(i)) }
        #expect(!trie.contains(Self.scalars("k1")))  // a prefix of keys, not a key
        #expect(!trie.contains(Self.scalars("k7919")))
    }

    @Test("every key comes back once with its payload: prefixes, root, astral and hyphenated keys")
    func forEachKey() {
        var trie = ScalarTrie()
        let keys = ["rare earth", "rare", "r", "稀土", "𠀋𠀋", "𠀋", "high-grade", "钢"] + (0..<3000).map { "k\($0 * 7919 % 100_000)钢" }
        for (i, k) in keys.enumerated() { trie.insert(Self.scalars(k), payload: Int32(i)) }
        var seen: [String: Int32] = [:]
        trie.forEachKey { key, payload in
            let s = String(String.UnicodeScalarView(key.compactMap(Unicode.Scalar.init)))
            #expect(seen.updateValue(payload, forKey: s) == nil, "\(s) twice")
        }
        // Keys come back as stored: a hyphen as a space.
        let expected = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1.replacingOccurrences(of: "-", with: " "), Int32($0)) })
        #expect(seen == expected)
        ScalarTrie().forEachKey { _, _ in Issue.record("an empty trie has no keys") }
    }
}
