/// A minimal streaming JSON writer into a byte buffer. Hand-written because Foundation's
/// JSONEncoder allocates per value and sorts nothing we need sorted; output order here is the
/// order of the calls, which keeps files deterministic and diffable.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]
    private let indentStep: Int
    private var depth = 0

    /// `indent` 0 writes one line (JSONL); otherwise pretty-prints with that many spaces.
    public init(indent: Int = 0, reserve: Int = 4096) {
        indentStep = indent
        bytes.reserveCapacity(reserve)
    }

    @inline(__always)
    private mutating func newline() {
        guard indentStep > 0 else { return }
        bytes.append(0x0A)
        for _ in 0..<(depth * indentStep) { bytes.append(0x20) }
    }

    @inline(__always)
    private mutating func separate() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
        if depth > 0 { newline() }
    }

    public mutating func beginObject() { valuePrefix(); bytes.append(UInt8(ascii: "{")); depth += 1; needsComma.append(false) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { valuePrefix(); bytes.append(UInt8(ascii: "[")); depth += 1; needsComma.append(false) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func close(_ c: UInt8) {
        let hadItems = needsComma.removeLast()
        depth -= 1
        if hadItems { newline() }
        bytes.append(c)
    }

    /// Writes an object key; the next value call writes its value.
    public mutating func key(_ k: String) {
        separate()
        appendString(k)
        bytes.append(UInt8(ascii: ":"))
        if indentStep > 0 { bytes.append(0x20) }
        needsComma[needsComma.count - 1] = false
        pendingKey = true
    }

    private var pendingKey = false

    @inline(__always)
    private mutating func valuePrefix() {
        if pendingKey { pendingKey = false; needsComma[needsComma.count - 1] = true } else { separate() }
    }


    public mutating func string(_ s: String) { valuePrefix(); appendString(s) }
    public mutating func string<S: Sequence>(utf16 units: S) where S.Element == UInt16 {
        valuePrefix(); appendString(String(decoding: Array(units), as: UTF16.self))
    }
    public mutating func int(_ i: Int) { valuePrefix(); bytes.append(contentsOf: String(i).utf8) }
    public mutating func bool(_ b: Bool) { valuePrefix(); bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    public mutating func null() { valuePrefix(); bytes.append(contentsOf: "null".utf8) }
    /// Numbers are written with up to `digits` decimals, trailing zeros dropped; non-finite as null.
    public mutating func double(_ d: Double, digits: Int = 6) {
        valuePrefix()
        bytes.append(contentsOf: JSONWriter.format(d, digits: digits).utf8)
    }
    /// Inserts already-serialised JSON as a value.
    public mutating func raw(_ json: [UInt8]) { valuePrefix(); bytes.append(contentsOf: json) }

    public mutating func field(_ k: String, _ v: String) { key(k); string(v) }
    public mutating func field(_ k: String, _ v: Int) { key(k); int(v) }
    public mutating func field(_ k: String, _ v: Double, digits: Int = 6) { key(k); double(v, digits: digits) }
    public mutating func field(_ k: String, _ v: Bool) { key(k); bool(v) }
    public mutating func field(_ k: String, _ v: String?) { key(k); if let v { string(v) } else { null() } }

    public static func format(_ d: Double, digits: Int = 6) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (d * scale).rounded() / scale
        if abs(rounded) >= 1e15 || (abs(rounded) < 1e-4 && rounded != 0) { return "\(rounded)" }
        var s = "\(rounded)"
        if s.contains("e") { return s }
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return s
    }

    @inline(__always)
    private mutating func appendString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            for b in utf8 {
                switch b {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
                case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                default: bytes.append(b)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
