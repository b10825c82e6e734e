/// A decoded document text with its UTF-16 form, which ICU works on. Built once per document;
/// every published offset is in code points and is converted from UTF-16 exactly once.
public struct DocumentText: Sendable {
    public let string: String
    public let utf16: [UInt16]

    public init(_ string: String) {
        self.string = string
        self.utf16 = Self.transcode(string)
    }

    /// UTF-16 from the text's UTF-8 in one pass. `Array(string.utf16)` first asks a non-ASCII
    /// string (or a substring of one) for its UTF-16 count, which walks it once more to build
    /// breadcrumbs over the whole string (1% of annotate).
    static func transcode(_ text: some StringProtocol) -> [UInt16] {
        text.utf8.withContiguousStorageIfAvailable(transcode) ?? Array(text.utf8).withUnsafeBufferPointer(transcode)
    }

    /// `u8` is valid UTF-8 (it comes from a `String`).
    static func transcode(_ u8: UnsafeBufferPointer<UInt8>) -> [UInt16] {
        // Never more UTF-16 units than UTF-8 bytes.
        [UInt16](unsafeUninitializedCapacity: u8.count) { out, written in
            var i = 0, o = 0
            let n = u8.count
            while i < n {
                let b = UInt32(u8[i])
                if b < 0x80 {
                    out[o] = UInt16(b); i += 1; o += 1
                } else if b < 0xE0 {
                    out[o] = UInt16(((b & 0x1F) << 6) | (UInt32(u8[i + 1]) & 0x3F)); i += 2; o += 1
                } else if b < 0xF0 {
                    out[o] = UInt16(((b & 0x0F) << 12) | ((UInt32(u8[i + 1]) & 0x3F) << 6) | (UInt32(u8[i + 2]) & 0x3F))
                    i += 3; o += 1
                } else {
                    let c = ((b & 0x07) << 18) | ((UInt32(u8[i + 1]) & 0x3F) << 12) | ((UInt32(u8[i + 2]) & 0x3F) << 6)
                        | (UInt32(u8[i + 3]) & 0x3F)
                    out[o] = UInt16(0xD800 + ((c - 0x10000) >> 10)); out[o + 1] = UInt16(0xDC00 + ((c - 0x10000) & 0x3FF))
                    i += 4; o += 2
                }
            }
            written = o
        }
    }

    public init(utf16: [UInt16]) {
        self.utf16 = utf16
        self.string = utf16.withUnsafeBufferPointer(Self.string)
    }

    /// The text of a UTF-16 range.
    @inline(__always)
    public func substring(utf16 range: Range<Int>) -> String {
        Self.string(utf16, range)
    }

    /// A string from UTF-16 units, as `String(decoding:as: UTF16.self)` makes it (a lone
    /// surrogate becomes U+FFFD), in one pass. The standard library takes a generic path for
    /// slices that parses scalar by scalar through protocol witnesses: about 6,000 instructions
    /// for an evidence sentence, 3% of annotate in all.
    static func string(_ u: [UInt16], _ range: Range<Int>) -> String {
        u.withUnsafeBufferPointer { string(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    static func string(_ u: UnsafeBufferPointer<UInt16>) -> String {
        // At most three UTF-8 bytes per unit (a surrogate pair is two units and four bytes).
        String(unsafeUninitializedCapacity: u.count * 3) { out in
            var i = 0, o = 0
            let n = u.count
            while i < n {
                let c = UInt32(u[i])
                if c < 0x80 {
                    out[o] = UInt8(c); i += 1; o += 1
                } else if c < 0x800 {
                    out[o] = UInt8(0xC0 | (c >> 6)); out[o + 1] = UInt8(0x80 | (c & 0x3F))
                    i += 1; o += 2
                } else if c & 0xF800 != 0xD800 {
                    out[o] = UInt8(0xE0 | (c >> 12)); out[o + 1] = UInt8(0x80 | ((c >> 6) & 0x3F))
                    out[o + 2] = UInt8(0x80 | (c & 0x3F))
                    i += 1; o += 3
                } else if c < 0xDC00, i + 1 < n, u[i + 1] & 0xFC00 == 0xDC00 {
                    let s = 0x10000 + ((c - 0xD800) << 10) + (UInt32(u[i + 1]) - 0xDC00)
                    out[o] = UInt8(0xF0 | (s >> 18)); out[o + 1] = UInt8(0x80 | ((s >> 12) & 0x3F))
                    out[o + 2] = UInt8(0x80 | ((s >> 6) & 0x3F)); out[o + 3] = UInt8(0x80 | (s & 0x3F))
                    i += 2; o += 4
                } else {  // a lone surrogate
                    out[o] = 0xEF; out[o + 1] = 0xBF; out[o + 2] = 0xBD
                    i += 1; o += 3
                }
            }
            return o
        }
    }
}

/// Converts increasing UTF-16 offsets into code-point offsets by walking forward, so a whole
/// document costs one pass. Offsets are best requested in non-decreasing order; an earlier offset
/// restarts the walk from the beginning.
public struct CodePointCursor {
    private let utf16: UnsafeBufferPointer<UInt16>
    private(set) var unitOffset = 0
    private(set) var scalarOffset = 0

    public init(_ utf16: UnsafeBufferPointer<UInt16>) { self.utf16 = utf16 }

    @inline(__always)
    public mutating func scalarOffset(forUTF16 target: Int) -> Int {
        if target < unitOffset { unitOffset = 0; scalarOffset = 0 }
        while unitOffset < target {
            let u = utf16[unitOffset]
            if UTF16.isLeadSurrogate(u), unitOffset + 1 < utf16.count, UTF16.isTrailSurrogate(utf16[unitOffset + 1]) {
                unitOffset += 2
            } else {
                unitOffset += 1
            }
            scalarOffset += 1
        }
        return scalarOffset
    }
}

/// Decodes the code point that starts at UTF-16 offset `i` (lone surrogates decode as U+FFFD).
@inline(__always)
func decodeScalar(_ utf16: UnsafeBufferPointer<UInt16>, at i: Int) -> (scalar: UInt32, width: Int) {
    let u = utf16[i]
    if UTF16.isLeadSurrogate(u), i + 1 < utf16.count {
        let t = utf16[i + 1]
        if UTF16.isTrailSurrogate(t) {
            return (0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(t) - 0xDC00), 2)
        }
    }
    if UTF16.isLeadSurrogate(u) || UTF16.isTrailSurrogate(u) { return (0xFFFD, 1) }
    return (UInt32(u), 1)
}
