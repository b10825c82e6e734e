/// A set of code points with a bitmap for the BMP: membership is one load and a mask, where a
/// `Set<UInt32>` hashes. Used in the scans that test every character of a document.
public struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    private var astral: Set<UInt32> = []

    public init() {}

    public init(_ scalars: some Sequence<UInt32>) {
        for c in scalars { insert(c) }
    }

    public init(_ string: String) { self.init(string.unicodeScalars.map(\.value)) }

    public mutating func insert(_ c: UInt32) {
        if c < 0x10000 { bits[Int(c >> 6)] |= 1 << UInt64(c & 63) } else { astral.insert(c) }
    }

    @inline(__always)
    public func contains(_ c: UInt32) -> Bool {
        if c < 0x10000 { return bits.withUnsafeBufferPointer { $0[Int(c >> 6)] } & (1 << UInt64(c & 63)) != 0 }
        return !astral.isEmpty && astral.contains(c)
    }

    /// Both sets' members.
    public func union(_ other: ScalarSet) -> ScalarSet {
        var out = self
        for i in out.bits.indices { out.bits[i] |= other.bits[i] }
        out.astral.formUnion(other.astral)
        return out
    }

    /// The first index at or after `from` whose scalar is a member, or `s.count`. The scans that
    /// look for a few start characters spend most of a document here, so it is one tight loop.
    public func firstMember(in s: [UInt32], from: Int) -> Int {
        s.withUnsafeBufferPointer { p in
            bits.withUnsafeBufferPointer { b in
                var i = max(from, 0)
                while i < p.count {
                    let c = p[i]
                    if c < 0x10000 {
                        if b[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 { return i }
                    } else if !astral.isEmpty && astral.contains(c) {
                        return i
                    }
                    i += 1
                }
                return p.count
            }
        }
    }
}
