import Foundation
import Testing
@testable import Framescope

@Suite("ScalarTrie")
struct ScalarTrieTests {
    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    /// Every key's payload by walking the trie the way the matchers do.
    static func walk(_ trie: ScalarTrie, _ s: String) -> [Int32?] { walk(trie, scalars(s)) }

    /// The payload after each step, as far as the trie has the key's scalars.
    static func walk(_ trie: ScalarTrie, _ key: [UInt32]) -> [Int32?] {
        var node = ScalarTrie.root
        var out: [Int32?] = []
        for c in key {
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

    /// Every step of the compact layout against the hash table it was built from: nodes with one
    /// child, with up to 40 (the binary search), astral scalars at the root and below, and
    /// scalars on either side of each child. An insert after `compact()` must be found too.
    @Test("the compact layout steps exactly like the hash table")
    func compactMatchesHashTable() {
        let alphabet: [UInt32] = Array(0x61...0x7A) + [0x20, 0x2D, 0x4E2D, 0x94A2, 0x20B9F, 0x2000B] + Array(0x5000...0x500D)
        var rng = Statistics.SplitMix64(seed: 11)
        var keys: [[UInt32]] = []
        for _ in 0..<3000 {
            let length = 1 + Int(rng.next() % 5)
            // A skewed pick, so some nodes get dozens of children and others one.
            keys.append((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count)) >> Int(rng.next() % 2)] })
        }
        var hashed = ScalarTrie()
        for (i, k) in keys.enumerated() { hashed.insert(k, payload: Int32(i)) }
        var compacted = hashed
        compacted.compact()
        // Every node reachable from the keys, stepped with every scalar of the alphabet and its neighbours.
        var nodes: Set<Int32> = [ScalarTrie.root]
        for k in keys {
            var node = ScalarTrie.root
            for c in k { node = hashed.step(node, c)!; nodes.insert(node) }
        }
        let probes = Set(alphabet.flatMap { [$0 - 1, $0, $0 + 1] })
        var children = 0
        for node in nodes {
            for c in probes {
                let expected = hashed.step(node, c)
                #expect(compacted.step(node, c) == expected, "node \(node), scalar \(c)")
                if expected != nil { children += 1 }
            }
            #expect(compacted.payload(node) == hashed.payload(node))
        }
        #expect(children >= nodes.count - 1)
        // An insert drops the compact layout; lookups go on through the hash table.
        #expect(compacted.insert([0x7A, 0x7A, 0x7A, 0x7A, 0x7A, 0x7A], payload: 99_999) == nil)
        #expect(compacted.contains([0x7A, 0x7A, 0x7A, 0x7A, 0x7A, 0x7A]))
        for (i, k) in keys.enumerated() {
            let payloads = Self.walk(hashed, k)
            #expect(payloads.count == k.count && payloads.last! != nil && Self.walk(compacted, k) == payloads, "key \(i)")
        }
    }
}
