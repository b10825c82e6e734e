import CICUShim

/// ICU charset detection and conversion to UTF-16.
public enum Charset {
    public struct Candidate: Sendable, Equatable {
        public let name: String
        public let confidence: Int
    }

    /// ICU's candidates for the encoding of `bytes`, most likely first.
    public static func detect(_ bytes: UnsafeRawBufferPointer, maxCandidates: Int = 8) throws(ICUError) -> [Candidate] {
        var names = [UnsafePointer<CChar>?](repeating: nil, count: maxCandidates)
        var confidences = [Int32](repeating: 0, count: maxCandidates)
        var status: Int32 = 0
        let n = names.withUnsafeMutableBufferPointer { np in
            confidences.withUnsafeMutableBufferPointer { cp in
                fs_detect_charsets(
                    bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                    np.baseAddress, cp.baseAddress, Int32(maxCandidates), &status)
            }
        }
        try ICUError.check(status, "ucsdet_detectAll")
        return (0..<Int(n)).compactMap { i in
            names[i].map { Candidate(name: String(cString: $0), confidence: Int(confidences[i])) }
        }
    }

    /// Decodes `bytes` in `charset`; illegal sequences become U+FFFD and are counted, with the
    /// bytes they covered.
    public static func decode(_ bytes: UnsafeRawBufferPointer, charset: String) throws(ICUError) -> (utf16: [UInt16], replaced: Int, replacedBytes: Int) {
        var capacity = bytes.count + 16
        for _ in 0..<2 {
            var out = [UInt16](repeating: 0, count: capacity)
            var status: Int32 = 0
            var replaced: Int32 = 0, replacedBytes: Int32 = 0
            let written = charset.withCString { cs in
                out.withUnsafeMutableBufferPointer { dst in
                    fs_convert_to_utf16(
                        cs, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                        dst.baseAddress, Int32(capacity), &replaced, &replacedBytes, &status)
                }
            }
            if status == ICUError.bufferOverflow {
                capacity = Int(written) + 1
                continue
            }
            try ICUError.check(status, "ucnv_toUChars(\(charset))")
            out.removeSubrange(Int(written)...)
            return (out, Int(replaced), Int(replacedBytes))
        }
        throw ICUError("ucnv_toUChars(\(charset))", status: ICUError.bufferOverflow)
    }

    /// The number of two-byte sequences of Big5's shape: 126 leads (0x81–0xFE) × 157 trails
    /// (0x40–0x7E, 0xA1–0xFE).
    public static let big5PairCount = 126 * 157

    /// What `charset` decodes each two-byte sequence of Big5's shape to, indexed by the WHATWG
    /// Big5 pointer: one code point, or 0 where the converter reports an error or gives more
    /// than one. Each pair is decoded on its own, so nothing depends on its neighbours.
    public static func big5PairTable(charset: String) throws(ICUError) -> [UInt32] {
        var table = [UInt32](repeating: 0, count: big5PairCount)
        var status: Int32 = 0
        _ = charset.withCString { name in
            table.withUnsafeMutableBufferPointer { fs_big5_pair_table(name, $0.baseAddress, Int32($0.count), &status) }
        }
        try ICUError.check(status, "ucnv_open(\(charset))")
        return table
    }

    /// ICU's canonical name for an encoding label such as "gbk" or "big5", nil if unknown.
    public static func canonicalName(_ label: String) -> String? {
        var status: Int32 = 0
        let name = label.withCString { fs_charset_canonical_name($0, &status) }
        guard fs_failure(status) == 0, let name else { return nil }
        return String(cString: name)
    }
}
