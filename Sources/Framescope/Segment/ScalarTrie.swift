/// A trie over folded code points. The root's children are a direct table for the BMP (every
/// match attempt starts there, once per character of a document); deeper edges live in an
/// open-addressing table keyed by (node, scalar) with a multiplicative hash, so a step allocates
/// nothing and hashes no bytes. Each terminal node carries a payload index chosen by the caller.
public struct ScalarTrie: Sendable {
    /// Child of the root per BMP scalar; 0 = none (the root is never a child).
    private var rootChildren: [Int32] = []
    /// Open addressing: `keys[i]` = node << 32 | scalar, `UInt64.max` where empty.
    private var keys: [UInt64] = []
    private var values: [Int32] = []
    private var used = 0
    private var shift: UInt64 = 64
    /// Payload per node; -1 where no key ends.
    private var payloads: [Int32] = [-1]
    public private(set) var maxLength = 0
    public private(set) var count = 0

    public init() {}

    public static let root: Int32 = 0
    private static let empty = UInt64.max

    /// Hyphens and spaces match each other, so "rare-earth" finds "rare earth".
    @inline(__always)
    static func keyScalar(_ c: UInt32) -> UInt32 { c == 0x2D ? 0x20 : c }

    @inline(__always)
    private static func edgeKey(_ node: Int32, _ c: UInt32) -> UInt64 { (UInt64(UInt32(bitPattern: node)) << 32) | UInt64(c) }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    private func lookup(_ key: UInt64) -> Int32? {
        guard !keys.isEmpty else { return nil }
        return keys.withUnsafeBufferPointer { k in
            var i = slot(key)
            let mask = k.count - 1
            while true {
                let here = k[i]
                if here == key { return values[i] }
                if here == Self.empty { return nil }
                i = (i + 1) & mask
            }
        }
    }

    private mutating func store(_ key: UInt64, _ value: Int32) {
        if (used + 1) * 2 > keys.count { grow() }
        var i = slot(key)
        let mask = keys.count - 1
        while keys[i] != Self.empty { i = (i + 1) & mask }
        keys[i] = key
        values[i] = value
        used += 1
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != Self.empty }
        let capacity = max(16, keys.count * 2)
        keys = [UInt64](repeating: Self.empty, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        used = 0
        for (k, v) in old { store(k, v) }
    }

    private mutating func child(_ node: Int32, _ c: UInt32) -> Int32 {
        if let existing = step(node, c) { return existing }
        let next = Int32(payloads.count)
        payloads.append(-1)
        if node == Self.root && c < 0x10000 {
            if rootChildren.isEmpty { rootChildren = [Int32](repeating: 0, count: 0x10000) }
            rootChildren[Int(c)] = next
        } else {
            store(Self.edgeKey(node, c), next)
        }
        return next
    }

    /// Inserts `key` (folded scalars); returns the payload already stored there, if any.
    @discardableResult
    public mutating func insert<S: Collection>(_ key: S, payload: Int32) -> Int32? where S.Element == UInt32 {
        var node: Int32 = 0
        var length = 0
        for c in key {
            node = child(node, Self.keyScalar(c))
            length += 1
        }
        guard length > 0 else { return nil }
        maxLength = max(maxLength, length)
        let existing = payloads[Int(node)]
        if existing >= 0 { return existing }
        payloads[Int(node)] = payload
        count += 1
        return nil
    }

    /// The child of `node` along `c`, or nil.
    @inline(__always)
    public func step(_ node: Int32, _ c: UInt32) -> Int32? {
        let k = Self.keyScalar(c)
        if node == Self.root && k < 0x10000 {
            guard !rootChildren.isEmpty else { return nil }
            let n = rootChildren.withUnsafeBufferPointer { $0[Int(k)] }
            return n == 0 ? nil : n
        }
        return lookup(Self.edgeKey(node, k))
    }

    /// The payload of a node, or nil if no key ends there.
    @inline(__always)
    public func payload(_ node: Int32) -> Int32? {
        let p = payloads[Int(node)]
        return p >= 0 ? p : nil
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
