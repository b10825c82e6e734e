import CICUShim

/// An ICU transliterator such as `Traditional-Simplified` or `Han-Latin`. Not thread-safe: one per
/// worker (`clone()`), reused across documents.
public final class Transliterator {
    private let handle: OpaquePointer
    public let id: String

    public static let traditionalToSimplified = "Traditional-Simplified"
    public static let hanToLatin = "Han-Latin"

    public init(_ id: String) throws(ICUError) {
        var status: Int32 = 0
        let utf16 = Array(id.utf16)
        let h = utf16.withUnsafeBufferPointer { fs_translit_open($0.baseAddress, Int32($0.count), &status) }
        try ICUError.check(status, "utrans_open(\(id))")
        guard let h else { throw ICUError("utrans_open(\(id))", status: status) }
        handle = h
        self.id = id
    }

    deinit { fs_translit_close(handle) }

    public func transliterate(_ utf16: [UInt16]) throws(ICUError) -> [UInt16] {
        var capacity = max(16, utf16.count * 4 + 8)
        for _ in 0..<3 {
            var buffer = utf16 + [UInt16](repeating: 0, count: capacity - utf16.count)
            var length = Int32(utf16.count)
            var status: Int32 = 0
            buffer.withUnsafeMutableBufferPointer { b in
                fs_translit(handle, b.baseAddress, &length, Int32(capacity), &status)
            }
            if status == ICUError.bufferOverflow {
                capacity *= 4
                continue
            }
            try ICUError.check(status, "utrans_transUChars(\(id))")
            buffer.removeSubrange(Int(length)...)
            return buffer
        }
        throw ICUError("utrans_transUChars(\(id))", status: ICUError.bufferOverflow)
    }

    public func transliterate(_ string: String) throws(ICUError) -> String {
        String(decoding: try transliterate(Array(string.utf16)), as: UTF16.self)
    }
}
