import CICUShim

/// An ICU break iterator over UTF-16 text. Not thread-safe: give each worker its own (open one
/// and `clone()` it), then reuse it across documents, since opening one loads rule data.
public final class BreakIterator {
    public enum Kind: Int32, Sendable { case character = 0, word = 1, line = 2, sentence = 3 }

    /// Rule status ranges for word breaks (ICU's UWordBreak).
    public enum WordStatus {
        public static let none = 0..<100
        public static let number = 100..<200
        public static let letter = 200..<300
        public static let kana = 300..<400
        public static let ideographic = 400..<500
    }

    private let handle: OpaquePointer
    public let kind: Kind
    /// The text the iterator currently points into; kept alive while it is in use.
    private var text: [UInt16] = []

    /// `locale` may carry ICU keywords; `en@ss=standard` turns on the sentence-break
    /// suppressions for abbreviations such as "Mr." and "U.S.".
    public init(_ kind: Kind, locale: String = "") throws(ICUError) {
        var status: Int32 = 0
        let h = locale.withCString { fs_break_open(kind.rawValue, $0, &status) }
        try ICUError.check(status, "ubrk_open(\(kind), \(locale))")
        guard let h else { throw ICUError("ubrk_open", status: status) }
        handle = h
        self.kind = kind
    }

    private init(handle: OpaquePointer, kind: Kind) {
        self.handle = handle
        self.kind = kind
    }

    deinit { fs_break_close(handle) }

    /// An independent iterator with the same rules, cheaper than opening a new one.
    public func clone() throws(ICUError) -> BreakIterator {
        var status: Int32 = 0
        let h = fs_break_clone(handle, &status)
        try ICUError.check(status, "ubrk_clone")
        guard let h else { throw ICUError("ubrk_clone", status: status) }
        return BreakIterator(handle: h, kind: kind)
    }

    /// Points the iterator at `utf16`; the iterator keeps its own copy alive.
    public func setText(_ utf16: [UInt16]) throws(ICUError) {
        text = utf16
        var status: Int32 = 0
        text.withUnsafeBufferPointer { buffer in
            fs_break_set_text(handle, buffer.baseAddress, Int32(buffer.count), &status)
        }
        try ICUError.check(status, "ubrk_setText")
    }

    /// Calls `body(start, end, ruleStatus)` for each segment, in UTF-16 offsets.
    @inline(__always)
    public func forEachSegment(_ body: (Int, Int, Int32) throws -> Void) rethrows {
        var start = Int(fs_break_first(handle))
        while true {
            let end = fs_break_next(handle)
            if end < 0 { break }
            try body(start, Int(end), fs_break_rule_status(handle))
            start = Int(end)
        }
    }

    /// All boundaries (including 0 and the text length), in UTF-16 offsets.
    public func boundaries() -> [Int] {
        var result = [Int(fs_break_first(handle))]
        while true {
            let b = fs_break_next(handle)
            if b < 0 { break }
            result.append(Int(b))
        }
        return result
    }
}
