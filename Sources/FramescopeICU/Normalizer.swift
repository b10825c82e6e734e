import CICUShim

/// Unicode normalization and case folding through ICU. ICU's normalizer instances are shared and
/// thread-safe, so these are plain functions.
public enum Normalizer {
    public enum Form: Int32, Sendable { case nfc = 0, nfkc = 1, nfkcCasefold = 2, nfd = 3 }

    public static func normalize(_ utf16: [UInt16], _ form: Form) throws(ICUError) -> [UInt16] {
        try callGrowing(input: utf16, operation: "unorm2_normalize") { src, n, dst, cap, status in
            fs_normalize(form.rawValue, src, n, dst, cap, &status)
        }
    }

    public static func normalize(_ string: String, _ form: Form) throws(ICUError) -> String {
        String(decoding: try normalize(Array(string.utf16), form), as: UTF16.self)
    }

    /// Full Unicode case folding (ß → ss), independent of locale.
    public static func foldCase(_ utf16: [UInt16]) throws(ICUError) -> [UInt16] {
        try callGrowing(input: utf16, operation: "u_strFoldCase") { src, n, dst, cap, status in
            fs_fold_case(src, n, dst, cap, &status)
        }
    }

    /// Runs an ICU "preflight" style call: retries once with the exact capacity on overflow.
    static func callGrowing(
        input: [UInt16], operation: String,
        _ call: (UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<UInt16>?, Int32, inout Int32) -> Int32
    ) throws(ICUError) -> [UInt16] {
        var capacity = max(16, input.count * 2 + 8)
        for _ in 0..<2 {
            var status: Int32 = 0
            var out = [UInt16](repeating: 0, count: capacity)
            let written = input.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    call(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(capacity), &status)
                }
            }
            if status == ICUError.bufferOverflow {
                capacity = Int(written) + 1
                continue
            }
            try ICUError.check(status, operation)
            out.removeSubrange(Int(written)...)
            return out
        }
        throw ICUError(operation, status: ICUError.bufferOverflow)
    }
}
