/// A trie over folded code points, stored as one hash table of (node, scalar) → child so that a
/// lookup allocates nothing. Each terminal node carries a payload index chosen by the caller.
public struct ScalarTrie: Sendable {
    private var edges: [UInt64: Int32] = [:]
    /// Payload per node; -1 where no key ends.
    private var payloads: [Int32] = [-1]
    public private(set) var maxLength = 0
    public private(set) var count = 0

    public init() {}

    public static let root: Int32 = 0

    /// Hyphens and spaces match each other, so "rare-earth" finds "rare earth".
    @inline(__always)
    static func keyScalar(_ c: UInt32) -> UInt32 { c == 0x2D ? 0x20 : c }

    /// Inserts `key` (folded scalars); returns the payload already stored there, if any.
    @discardableResult
    public mutating func insert<S: Collection>(_ key: S, payload: Int32) -> Int32? where S.Element == UInt32 {
        var node: Int32 = 0
        var length = 0
        for c in key {
            let k = (UInt64(UInt32(bitPattern: node)) << 32) | UInt64(Self.keyScalar(c))
            if let next = edges[k] {
                node = next
            } else {
                let next = Int32(payloads.count)
                payloads.append(-1)
                edges[k] = next
                node = next
            }
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
        edges[(UInt64(UInt32(bitPattern: node)) << 32) | UInt64(Self.keyScalar(c))]
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
