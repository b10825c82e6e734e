/// A trie over folded code points. The root's children are a direct table for the BMP (every
/// match attempt starts there, once per character of a document); deeper edges live in an
/// open-addressing table keyed by (node, scalar) with a multiplicative hash, so a step allocates
/// nothing and hashes no bytes. Each terminal node carries a payload index chosen by the caller.
///
/// Matching is bound by cache misses on the edge table, so a slot holds its key and the child
/// together, and a node id handed out by `step` carries a flag saying whether a key ends there:
/// one random access per step, and the payload table is read only at terminal nodes.
///
/// Once built, `compact()` lays the edges out by parent: a node's children sit together, and the
/// nodes of one key were numbered in a row, so walking down a key reads neighbouring memory where
/// the hash table's slots (megabytes for the bundled lexicons) cost a cache miss per step.
public struct ScalarTrie: Sendable {
    /// Child of the root per BMP scalar (with the terminal flag); 0 = none (the root is never a child).
    private var rootChildren: [Int32] = []
    /// One past the largest BMP scalar with a root child: scalars at or above it are rejected
    /// without touching the 256 KB table (a trie of English globs never reads it for Han text).
    private var rootLimit: UInt32 = 0
    private struct Slot {
        /// node << 32 | scalar, `ScalarTrie.empty` where the slot is free.
        var key: UInt64
        /// The child's id with the terminal flag.
        var child: Int32
    }
    private var slots: [Slot] = []
    private var used = 0
    private var shift: UInt64 = 64
    /// Payload per node; -1 where no key ends.
    private var payloads: [Int32] = [-1]
    public private(set) var maxLength = 0
    public private(set) var count = 0
    /// The compact layout (empty until `compact()`, dropped by `insert`), one word per node:
    /// a node with one child holds it there (`single | scalar << 32 | child`), so walking down a
    /// key costs one memory access a step; otherwise its children are `edges[start..<start +
    /// count]` (`count << 32 | start`), each `scalar << 32 | child`, in scalar order. The root's
    /// BMP children stay in `rootChildren`.
    private var nodes: [UInt64] = []
    private var edges: [UInt64] = []
    private static let single: UInt64 = 1 << 63

    public init() {}

    public static let root: Int32 = 0
    private static let empty = UInt64.max
    /// Set in a node id when a key ends at that node.
    private static let terminal: Int32 = 1 << 30

    /// Hyphens and spaces match each other, so "rare-earth" finds "rare earth".
    @inline(__always)
    static func keyScalar(_ c: UInt32) -> UInt32 { c == 0x2D ? 0x20 : c }

    @inline(__always)
    private static func edgeKey(_ node: Int32, _ c: UInt32) -> UInt64 {
        (UInt64(UInt32(bitPattern: node & ~terminal)) << 32) | UInt64(c)
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The slot holding `key`, or nil.
    @inline(__always)
    private func find(_ key: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        return slots.withUnsafeBufferPointer { table in
            var i = slot(key)
            let mask = table.count - 1
            while true {
                let here = table[i].key
                if here == key { return i }
                if here == Self.empty { return nil }
                i = (i + 1) & mask
            }
        }
    }

    private mutating func store(_ key: UInt64, _ child: Int32) {
        if (used + 1) * 2 > slots.count { grow() }
        var i = slot(key)
        let mask = slots.count - 1
        while slots[i].key != Self.empty { i = (i + 1) & mask }
        slots[i] = Slot(key: key, child: child)
        used += 1
    }

    private mutating func grow() {
        let old = slots.filter { $0.key != Self.empty }
        let capacity = max(16, slots.count * 2)
        slots = [Slot](repeating: Slot(key: Self.empty, child: 0), count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        used = 0
        for s in old { store(s.key, s.child) }
    }

    private mutating func child(_ node: Int32, _ c: UInt32) -> Int32 {
        if let existing = step(node, c) { return existing }
        let next = Int32(payloads.count)
        precondition(next < Self.terminal, "ScalarTrie holds at most 2^30 nodes")
        payloads.append(-1)
        if node == Self.root && c < 0x10000 {
            if rootChildren.isEmpty { rootChildren = [Int32](repeating: 0, count: 0x10000) }
            rootChildren[Int(c)] = next
            rootLimit = max(rootLimit, c + 1)
        } else {
            store(Self.edgeKey(node, c), next)
        }
        return next
    }

    /// Inserts `key` (folded scalars); returns the payload already stored there, if any.
    @discardableResult
    public mutating func insert<S: Collection>(_ key: S, payload: Int32) -> Int32? where S.Element == UInt32 {
        if !nodes.isEmpty { nodes = []; edges = [] }  // the hash table stays current
        var parent: Int32 = 0, node: Int32 = 0, last: UInt32 = 0
        var length = 0
        for c in key {
            parent = node
            last = Self.keyScalar(c)
            node = child(node, last)
            length += 1
        }
        guard length > 0 else { return nil }
        maxLength = max(maxLength, length)
        let id = Int(node & ~Self.terminal)
        let existing = payloads[id]
        if existing >= 0 { return existing }
        payloads[id] = payload
        count += 1
        // Flag the edge into the node, so `step` hands out its id with the terminal bit.
        if parent == Self.root && last < 0x10000 {
            rootChildren[Int(last)] |= Self.terminal
        } else if let i = find(Self.edgeKey(parent, last)) {
            slots[i].child |= Self.terminal
        }
        return nil
    }

    /// The child of `node` along `c`, or nil.
    @inline(__always)
    public func step(_ node: Int32, _ c: UInt32) -> Int32? {
        let k = Self.keyScalar(c)
        if node == Self.root && k < 0x10000 {
            guard k < rootLimit else { return nil }
            let n = rootChildren.withUnsafeBufferPointer { $0[Int(k)] }
            return n == 0 ? nil : n
        }
        if !nodes.isEmpty { return compactStep(node, k) }
        guard let i = find(Self.edgeKey(node, k)) else { return nil }
        return slots.withUnsafeBufferPointer { $0[i].child }
    }

    /// `step` in the compact layout: the node's one child, a scan of its children, or a binary
    /// search when it has many (the root's astral children, a common first character).
    @inline(__always)
    private func compactStep(_ node: Int32, _ k: UInt32) -> Int32? {
        let info = nodes.withUnsafeBufferPointer { $0[Int(node & ~Self.terminal)] }
        if info & Self.single != 0 {
            return UInt32(truncatingIfNeeded: info >> 32) & 0x7FFF_FFFF == k ? Int32(truncatingIfNeeded: info) : nil
        }
        return edges.withUnsafeBufferPointer { edges in
            var lo = Int(UInt32(truncatingIfNeeded: info)), hi = lo + Int(info >> 32)
            while hi - lo > 8 {
                let mid = (lo + hi) >> 1
                if UInt32(truncatingIfNeeded: edges[mid] >> 32) < k { lo = mid + 1 } else { hi = mid + 1 }  // mid may be the one
            }
            while lo < hi {
                let e = edges[lo], c = UInt32(truncatingIfNeeded: e >> 32)
                if c == k { return Int32(truncatingIfNeeded: e) }
                if c > k { return nil }
                lo += 1
            }
            return nil
        }
    }

    /// Builds the compact layout that `step` then reads; call it once the keys are in. Another
    /// `insert` drops it (lookups stay correct, through the hash table).
    public mutating func compact() {
        let count = payloads.count
        var start = [Int](repeating: 0, count: count + 1)
        for slot in slots where slot.key != Self.empty { start[Int(slot.key >> 32) + 1] += 1 }
        for n in 0..<count { start[n + 1] += start[n] }
        var fill = start
        var edges = [UInt64](repeating: 0, count: start[count])
        for slot in slots where slot.key != Self.empty {
            let parent = Int(slot.key >> 32)
            edges[fill[parent]] = (slot.key << 32) | UInt64(UInt32(bitPattern: slot.child))
            fill[parent] += 1
        }
        var nodes = [UInt64](repeating: 0, count: count)
        for n in 0..<count {
            let children = start[n + 1] - start[n]
            if children == 1 {
                nodes[n] = Self.single | edges[start[n]]
            } else {
                edges[start[n]..<start[n + 1]].sort()
                nodes[n] = UInt64(children) << 32 | UInt64(start[n])
            }
        }
        self.nodes = nodes
        self.edges = edges
    }

    /// The payload of a node, or nil if no key ends there.
    @inline(__always)
    public func payload(_ node: Int32) -> Int32? {
        guard node & Self.terminal != 0 else { return nil }
        let p = payloads.withUnsafeBufferPointer { $0[Int(node & ~Self.terminal)] }
        return p >= 0 ? p : nil
    }

    /// Calls `body` with every key (as stored: hyphens as spaces) and its payload, in no
    /// particular order. For building one trie out of several.
    public func forEachKey(_ body: ([UInt32], Int32) -> Void) {
        // Every edge, then the children of each node as one run of a flat array.
        var edges: [(parent: Int32, scalar: UInt32, child: Int32)] = []
        edges.reserveCapacity(used + 1024)
        for (c, child) in rootChildren.enumerated() where child != 0 { edges.append((Self.root, UInt32(c), child & ~Self.terminal)) }
        for slot in slots where slot.key != Self.empty {
            edges.append((Int32(slot.key >> 32), UInt32(truncatingIfNeeded: slot.key), slot.child & ~Self.terminal))
        }
        var first = [Int](repeating: 0, count: payloads.count + 1)
        for e in edges { first[Int(e.parent) + 1] += 1 }
        for i in 0..<payloads.count { first[i + 1] += first[i] }
        var fill = first
        var scalars = [UInt32](repeating: 0, count: edges.count)
        var children = [Int32](repeating: 0, count: edges.count)
        for e in edges {
            let k = fill[Int(e.parent)]
            scalars[k] = e.scalar
            children[k] = e.child
            fill[Int(e.parent)] += 1
        }
        // Depth first; `key` holds the scalars on the path to the edge being visited.
        var key: [UInt32] = []
        var stack: [(edge: Int, depth: Int)] = (first[0]..<first[1]).map { ($0, 1) }
        while let (e, depth) = stack.popLast() {
            key.removeLast(key.count - (depth - 1))
            key.append(scalars[e])
            let node = Int(children[e])
            if payloads[node] >= 0 { body(key, payloads[node]) }
            for k in first[node]..<first[node + 1] { stack.append((k, depth + 1)) }
        }
    }

    public func contains(_ key: [UInt32]) -> Bool {
        var node: Int32 = 0
        for c in key {
            guard let n = step(node, c) else { return false }
            node = n
        }
        return payload(node) != nil
    }
}
