/// A minimal streaming JSON writer into a byte buffer. Hand-written because Foundation's
/// JSONEncoder allocates per value and sorts nothing we need sorted; output order here is the
/// order of the calls, which keeps files deterministic and diffable.
public struct JSONWriter {
    private var buffer: ByteBuffer
    /// The bytes written so far (a copy).
    public var bytes: [UInt8] { buffer.array }
    /// The bytes written so far, without a copy; valid only during `body`.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try buffer.withUnsafeBytes(body)
    }
    /// How many bytes are waiting in the buffer.
    public var count: Int { buffer.count }
    /// Bit `d` says whether the container at depth `d` already holds a value (a comma is due).
    /// A bit stack rather than a `[Bool]`: this is touched for every key and value written.
    private var commaDue: UInt64 = 0
    private let indentStep: Int
    private var depth = 0

    /// `indent` 0 writes one line (JSONL); otherwise pretty-prints with that many spaces.
    public init(indent: Int = 0, reserve: Int = 4096) {
        indentStep = indent
        buffer = ByteBuffer(capacity: reserve)
    }

    @inline(__always)
    private mutating func newline() {
        guard indentStep > 0 else { return }
        buffer.append(0x0A)
        buffer.appendRepeating(0x20, count: depth * indentStep)
    }

    @inline(__always)
    private var needsComma: Bool {
        get { commaDue & (1 << UInt64(depth)) != 0 }
        set { if newValue { commaDue |= 1 << UInt64(depth) } else { commaDue &= ~(1 << UInt64(depth)) } }
    }

    @inline(__always)
    private mutating func separate() {
        if needsComma { buffer.append(UInt8(ascii: ",")) }
        needsComma = true
        if depth > 0 { newline() }
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ c: UInt8) {
        valuePrefix()  // makes the buffer unique
        buffer.append(c)
        depth += 1
        precondition(depth < 64, "JSONWriter nests at most 63 containers")
        needsComma = false
    }

    private mutating func close(_ c: UInt8) {
        buffer.makeUnique()
        let hadItems = needsComma
        depth -= 1
        if hadItems { newline() }
        buffer.append(c)
    }

    /// Writes an object key; the next value call writes its value. Keys are literals in the
    /// code, so they are copied as they are: a literal key never needs escaping (checked in
    /// debug builds), and this runs for every field of every file.
    public mutating func key(_ k: StaticString) {
        buffer.makeUnique()
        guard k.hasPointerRepresentation else {  // a one-scalar literal has no pointer
            separate()
            buffer.append(UInt8(ascii: "\""))
            k.withUTF8Buffer { buffer.append($0) }
            buffer.append(UInt8(ascii: "\""))
            endKey()
            return
        }
        let n = k.utf8CodeUnitCount
        assert(!UnsafeBufferPointer(start: k.utf8Start, count: n).contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }, "JSON key literal needs escaping")
        // Comma, line break, indent, quoted key and colon in one write: this runs for every
        // field of every file, and byte-by-byte appends each checked the capacity.
        let comma = needsComma
        let pad = indentStep > 0 && depth > 0 ? depth * indentStep : -1
        let step = indentStep
        // Spaces go eight at a time and the key in overlapping words: keys and indents are a
        // few bytes, for which calls to memset and memcpy cost more than the copying.
        buffer.write(atMost: n + pad + 15) { p in
            var i = 0
            if comma { p[i] = UInt8(ascii: ","); i += 1 }
            if pad >= 0 {
                p[i] = 0x0A; i += 1
                var written = 0
                while written < pad {
                    UnsafeMutableRawPointer(p + i + written).storeBytes(of: 0x2020_2020_2020_2020 as UInt64, as: UInt64.self)
                    written += 8
                }
                i += pad
            }
            p[i] = UInt8(ascii: "\""); i += 1
            Self.copySmall(from: k.utf8Start, count: n, to: p + i); i += n
            p[i] = UInt8(ascii: "\""); p[i + 1] = UInt8(ascii: ":"); i += 2
            if step > 0 { p[i] = 0x20; i += 1 }
            return i
        }
        needsComma = false
        pendingKey = true
    }

    /// Copies `count` bytes with unaligned word loads and stores, never reading or writing
    /// outside either range; longer runs go to memcpy.
    @inline(__always)
    static func copySmall(from source: UnsafePointer<UInt8>, count n: Int, to target: UnsafeMutablePointer<UInt8>) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        if n >= 8 && n <= 16 {
            let a = from.loadUnaligned(as: UInt64.self), b = from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            to.storeBytes(of: a, as: UInt64.self); to.storeBytes(of: b, toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 && n < 8 {
            let a = from.loadUnaligned(as: UInt32.self), b = from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            to.storeBytes(of: a, as: UInt32.self); to.storeBytes(of: b, toByteOffset: n - 4, as: UInt32.self)
        } else if n < 4 {
            for j in 0..<n { target[j] = source[j] }
        } else {
            target.update(from: source, count: n)
        }
    }

    /// A key that comes from data (metadata fields, entity types), escaped like any string.
    public mutating func key(named k: String) {
        buffer.makeUnique()
        separate()
        appendString(k)
        endKey()
    }

    @inline(__always)
    private mutating func endKey() {
        buffer.append(UInt8(ascii: ":"))
        if indentStep > 0 { buffer.append(0x20) }
        needsComma = false
        pendingKey = true
    }

    private var pendingKey = false

    @inline(__always)
    private mutating func valuePrefix() {
        buffer.makeUnique()
        if pendingKey { pendingKey = false; needsComma = true } else { separate() }
    }


    public mutating func string(_ s: String) { valuePrefix(); appendString(s) }
    /// A string value straight from UTF-16 units (a span of the document), transcoded and
    /// escaped without building a `String`; lone surrogates become U+FFFD as `String` would.
    public mutating func string(utf16 units: ArraySlice<UInt16>) {
        valuePrefix()
        buffer.append(UInt8(ascii: "\""))
        units.withUnsafeBufferPointer { u in
            // In chunks of up to 4,096 units, each with one capacity check: at most six bytes a
            // unit (an escaped control character; a surrogate pair is four bytes for two units),
            // so a long span never reserves six times its size at once.
            var i = 0
            while i < u.count {
                let end = min(i + 4096, u.count)
                buffer.write(atMost: (end - i) * 6 + 6) { p in
                    var o = 0
                    while i < end {  // a pair may take the unit after `end`: the extra six bytes
                        let c = u[i]
                        if c < 0x80 {
                            o += Self.writeEscaped(UInt8(c), to: p + o)
                            i += 1
                        } else if c < 0x800 {
                            p[o] = 0xC0 | UInt8(c >> 6); p[o + 1] = 0x80 | UInt8(c & 0x3F)
                            o += 2; i += 1
                        } else if UTF16.isLeadSurrogate(c), i + 1 < u.count, UTF16.isTrailSurrogate(u[i + 1]) {
                            let v = 0x10000 + ((UInt32(c) - 0xD800) << 10) + (UInt32(u[i + 1]) - 0xDC00)
                            p[o] = 0xF0 | UInt8(v >> 18); p[o + 1] = 0x80 | UInt8((v >> 12) & 0x3F)
                            p[o + 2] = 0x80 | UInt8((v >> 6) & 0x3F); p[o + 3] = 0x80 | UInt8(v & 0x3F)
                            o += 4; i += 2
                        } else {
                            let v: UInt16 = UTF16.isLeadSurrogate(c) || UTF16.isTrailSurrogate(c) ? 0xFFFD : c
                            p[o] = 0xE0 | UInt8(v >> 12); p[o + 1] = 0x80 | UInt8((v >> 6) & 0x3F); p[o + 2] = 0x80 | UInt8(v & 0x3F)
                            o += 3; i += 1
                        }
                    }
                    return o
                }
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }
    public mutating func int(_ i: Int) { valuePrefix(); Self.appendInteger(Int64(i), to: &buffer) }
    public mutating func bool(_ b: Bool) { valuePrefix(); buffer.append(b ? "true" : "false") }
    public mutating func null() { valuePrefix(); buffer.append("null") }
    /// Numbers are written with up to `digits` decimals, trailing zeros dropped; non-finite as null.
    public mutating func double(_ d: Double, digits: Int = 6) {
        valuePrefix()
        Self.appendNumber(d, digits: digits, to: &buffer)
    }
    /// Empties the buffer (its bytes were handed on), keeping its capacity and the nesting state.
    public mutating func removeAllBytes() { buffer.makeUnique(); buffer.removeAll() }
    /// Ends the output line (JSON files and JSONL records end with a newline).
    public mutating func appendNewline() { buffer.makeUnique(); buffer.append(0x0A) }
    /// Inserts already-serialised JSON as a value.
    public mutating func raw(_ json: [UInt8]) { valuePrefix(); json.withUnsafeBufferPointer { buffer.append($0) } }

    public mutating func field(_ k: StaticString, _ v: String) { key(k); string(v) }
    public mutating func field(_ k: StaticString, _ v: Int) { key(k); int(v) }
    public mutating func field(_ k: StaticString, _ v: Double, digits: Int = 6) { key(k); double(v, digits: digits) }
    public mutating func field(_ k: StaticString, _ v: Bool) { key(k); bool(v) }
    public mutating func field(_ k: StaticString, _ v: String?) { key(k); if let v { string(v) } else { null() } }

    /// Powers of ten for the fixed-point fast path.
    static let powersOfTen: [Int64] = (0...9).map { (0..<$0).reduce(Int64(1)) { a, _ in a * 10 } }

    @inline(__always)
    static func appendInteger(_ value: Int64, to bytes: inout ByteBuffer) {
        // Digits are written backwards into a scratch word pair, then copied in one write.
        var v = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { d in
            var n = 0
            repeat { n += 1; d[24 - n] = UInt8(truncatingIfNeeded: v % 10) + 0x30; v /= 10 } while v > 0
            let negative = value < 0
            if negative { n += 1; d[24 - n] = UInt8(ascii: "-") }
            let start = d.baseAddress!.assumingMemoryBound(to: UInt8.self) + (24 - n)
            bytes.write(atMost: n) { p in copySmall(from: start, count: n, to: p); return n }
        }
    }

    /// `format(d, digits:)` written straight into the buffer: values under 10⁹ are written as
    /// fixed-point integers (exact for that range), everything else goes through `format`.
    static func appendNumber(_ d: Double, digits: Int, to bytes: inout ByteBuffer) {
        guard d.isFinite, abs(d) < 1e9, digits >= 0, digits < powersOfTen.count else {
            bytes.append(format(d, digits: digits)); return
        }
        if d == d.rounded() { appendInteger(Int64(d), to: &bytes); return }
        let scale = powersOfTen[digits]
        let scaled = (d * Double(scale)).rounded()
        // Tiny non-zero values keep the exponent form of `format`.
        if scaled != 0, abs(scaled) < 1e-4 * Double(scale) { bytes.append(format(d, digits: digits)); return }
        let n = Int64(scaled)
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        let m = n.magnitude
        appendInteger(Int64(m / UInt64(scale)), to: &bytes)
        var fraction = m % UInt64(scale)
        guard fraction != 0 else { return }
        var width = digits
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        bytes.append(UInt8(ascii: "."))
        var pad = width - 1
        var probe = fraction
        while probe >= 10 { probe /= 10; pad -= 1 }
        bytes.appendRepeating(0x30, count: pad)
        appendInteger(Int64(fraction), to: &bytes)
    }

    public static func format(_ d: Double, digits: Int = 6) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (d * scale).rounded() / scale
        if rounded == 0 { return "0" }  // not "-0" for tiny negatives
        if abs(rounded) >= 1e15 || (abs(rounded) < 1e-4 && rounded != 0) { return "\(rounded)" }
        var s = "\(rounded)"
        if s.contains("e") { return s }
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return s
    }

    @inline(__always)
    private mutating func appendString(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            // Most values (ids, names, labels) need no escape: quotes and bytes in one write.
            guard Self.needsEscape(utf8) else {
                let n = utf8.count
                buffer.write(atMost: n + 2) { p in
                    p[0] = UInt8(ascii: "\"")
                    if let from = utf8.baseAddress { Self.copySmall(from: from, count: n, to: p + 1) }
                    p[n + 1] = UInt8(ascii: "\"")
                    return n + 2
                }
                return
            }
            appendEscapedString(utf8)
        }
    }

    /// Whether any byte is a control character, `"` or `\`, eight bytes at a time.
    @inline(__always)
    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = utf8.count
        var i = 0
        if let raw = UnsafeRawPointer(utf8.baseAddress) {
            while i + 8 <= n {
                if mayNeedEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
                i += 8
            }
        }
        while i < n {
            let b = utf8[i]
            if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return true }
            i += 1
        }
        return false
    }

    /// A string with bytes to escape: runs between them are copied in one go, and eight bytes
    /// at a time are tested for a byte to escape.
    private mutating func appendEscapedString(_ utf8: UnsafeBufferPointer<UInt8>) {
        buffer.append(UInt8(ascii: "\""))
        var run = 0, i = 0
        let n = utf8.count
        func escapes(in range: Range<Int>) {
            for k in range {
                let b = utf8[k]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                buffer.append(UnsafeBufferPointer(rebasing: utf8[run..<k]))
                appendEscaped(b)
                run = k + 1
            }
        }
        if let raw = UnsafeRawPointer(utf8.baseAddress) {
            while i + 8 <= n {
                if Self.mayNeedEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { escapes(in: i..<(i + 8)) }
                i += 8
            }
        }
        escapes(in: i..<n)
        buffer.append(UnsafeBufferPointer(rebasing: utf8[run...]))
        buffer.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is a control character, `"` or `\` (exact: no false negatives,
    /// and no false positives either, as each test only asks whether such a byte exists).
    @inline(__always)
    static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let control = (w &- ones &* 0x20) & ~w & highs
        let q = w ^ (ones &* 0x22), quote = (q &- ones) & ~q & highs
        let b = w ^ (ones &* 0x5C), backslash = (b &- ones) & ~b & highs
        return (control | quote | backslash) != 0
    }

    /// One UTF-8 byte of a string value, escaped where JSON requires it.
    @inline(__always)
    private mutating func appendEscaped(_ b: UInt8) {
        buffer.write(atMost: 6) { Self.writeEscaped(b, to: $0) }
    }

    /// Writes one UTF-8 byte, escaped where JSON requires it, and returns how many bytes it took
    /// (at most six).
    @inline(__always)
    static func writeEscaped(_ b: UInt8, to p: UnsafeMutablePointer<UInt8>) -> Int {
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): p[0] = UInt8(ascii: "\\"); p[1] = b; return 2
        case 0x0A: p[0] = UInt8(ascii: "\\"); p[1] = UInt8(ascii: "n"); return 2
        case 0x0D: p[0] = UInt8(ascii: "\\"); p[1] = UInt8(ascii: "r"); return 2
        case 0x09: p[0] = UInt8(ascii: "\\"); p[1] = UInt8(ascii: "t"); return 2
        case 0..<0x20:
            let hex: StaticString = "0123456789abcdef"
            let digits = hex.utf8Start
            p[0] = UInt8(ascii: "\\"); p[1] = UInt8(ascii: "u"); p[2] = 0x30; p[3] = 0x30
            p[4] = digits[Int(b >> 4)]; p[5] = digits[Int(b & 0xF)]
            return 6
        default: p[0] = b; return 1
        }
    }
}

/// Growable bytes for `JSONWriter`. An `Array` checks uniqueness and capacity on every append,
/// which was most of the writer's cost (a key took ~260 instructions); here the writer makes the
/// buffer unique once per call (`makeUnique`) and appends only check capacity.
struct ByteBuffer {
    /// Owns the memory; a copied writer shares it until `makeUnique` separates them.
    private final class Owner {
        let base: UnsafeMutablePointer<UInt8>
        init(capacity: Int) { base = .allocate(capacity: capacity) }
        deinit { base.deallocate() }
    }

    private var owner: Owner
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        owner = Owner(capacity: self.capacity)
        base = owner.base
    }

    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try withExtendedLifetime(owner) { () throws(E) -> R in try body(UnsafeRawBufferPointer(start: base, count: count)) }
    }

    /// Call before appending through a copy that may share its memory.
    @inline(__always)
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&owner) { reallocate(capacity) }
    }

    private mutating func reallocate(_ newCapacity: Int) {
        let fresh = Owner(capacity: newCapacity)
        fresh.base.update(from: base, count: count)
        owner = fresh
        base = fresh.base
        capacity = newCapacity
    }

    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if capacity - count < n { reallocate(max(capacity * 2, count + n)) }
    }

    @inline(__always)
    mutating func append(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    @inline(__always)
    mutating func appendRepeating(_ b: UInt8, count n: Int) {
        guard n > 0 else { return }
        reserve(n)
        (base + count).update(repeating: b, count: n)
        count += n
    }

    mutating func removeAll() { count = 0 }

    /// Makes room for `n` bytes and lets `body` write up to that many at the end, returning how
    /// many it wrote: one capacity check for a run of small writes.
    @inline(__always)
    mutating func write(atMost n: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(n)
        let written = body(base + count)
        assert(written <= n)
        count += written
    }
}
