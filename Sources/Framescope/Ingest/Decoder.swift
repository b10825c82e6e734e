import FramescopeICU

/// How a document's bytes became text.
public struct DecodingReport: Sendable, Equatable, Codable {
    /// How the encoding was chosen.
    public enum Method: String, Sendable, Codable, CaseIterable {
        /// A UTF-8 or UTF-16 byte-order mark.
        case byteOrderMark = "bom"
        /// The bytes are valid UTF-8 (pure ASCII included).
        case validUTF8 = "utf-8-valid"
        /// Mostly UTF-8 with some broken sequences, kept as UTF-8 with the damage replaced.
        case damagedUTF8 = "utf-8-damaged"
        /// ICU's charset detector; `confidence` is its score.
        case detected
        /// Named by the caller.
        case forced
        /// No detected candidate decoded acceptably: UTF-8 with the damage replaced.
        case fallback
    }

    /// The encoding used, by its ICU canonical name ("UTF-8", "UTF-16LE", "GB18030", ...), or
    /// "Big5" for the WHATWG Big5 decoder (`Big5`), which also covers Big5-HKSCS.
    public var encoding: String
    /// Whether a byte-order mark was present (and removed).
    public var hadBOM: Bool
    /// Byte sequences that were invalid in that encoding and became U+FFFD.
    public var replacedSequences: Int
    /// ICU's detection confidence (0–100) when the encoding was detected, nil when it was certain
    /// (BOM, valid UTF-8) or given.
    public var confidence: Int?
    public var method: Method
    /// The bytes those replaced sequences covered: how much of the document was lost.
    public var replacedBytes: Int

    public init(encoding: String, hadBOM: Bool, replacedSequences: Int, confidence: Int?, method: Method, replacedBytes: Int) {
        self.encoding = encoding
        self.hadBOM = hadBOM
        self.replacedSequences = replacedSequences
        self.confidence = confidence
        self.method = method
        self.replacedBytes = replacedBytes
    }
}

/// Why a document could not be decoded.
public enum DecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// NUL bytes in the first KiB and no UTF-16 byte-order mark: not a text document.
    case binary(nulOffset: Int)
    /// The requested encoding is unknown to ICU.
    case unknownEncoding(String)
    case icu(ICUError)

    public var description: String {
        switch self {
        case .binary(let offset): return "binary file (NUL byte at offset \(offset) in the first KiB)"
        case .unknownEncoding(let name): return "unknown encoding '\(name)'"
        case .icu(let e): return e.description
        }
    }
}

/// Turns a document's bytes into text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and
/// legacy Chinese encodings (GB18030/GBK, Big5 and Big5-HKSCS) found by ICU's charset detector.
/// Big5 is decoded as browsers decode it (`Big5`), everything else by ICU.
public enum Decoder {
    /// Encodings worth trusting from the detector for this corpus, in preference order on ties.
    static let preferred = ["UTF-8", "GB18030", "Big5", "UTF-16LE", "UTF-16BE", "EUC-JP", "Shift_JIS", "EUC-KR",
                            "windows-1252", "ISO-8859-1"]

    /// The WHATWG labels of Big5 (Big5-HKSCS is one of them): a forced label among these gets the
    /// browser's decoder, not ICU's table of the same name.
    static let big5Labels: Set<String> = ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"]

    public static func decode(_ bytes: [UInt8], encoding forced: String? = nil) throws(DecodingError) -> (text: String, report: DecodingReport) {
        if let forced {
            let name: String
            if big5Labels.contains(forced.lowercased()) {
                name = "Big5"
            } else if let canonical = Charset.canonicalName(forced) {
                name = canonical
            } else {
                throw .unknownEncoding(forced)
            }
            var (text, replaced, lost) = try decode(bytes[...], as: name)
            let bom = text.unicodeScalars.first == "\u{FEFF}"
            if bom { text.unicodeScalars.removeFirst() }
            return (text, DecodingReport(encoding: name, hadBOM: bom, replacedSequences: replaced, confidence: nil,
                                         method: .forced, replacedBytes: lost))
        }
        // Byte-order marks are certain.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let (text, replaced, lost) = decodeUTF8(bytes[3...])
            return (text, DecodingReport(encoding: "UTF-8", hadBOM: true, replacedSequences: replaced, confidence: nil,
                                         method: .byteOrderMark, replacedBytes: lost))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let name = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            let (text, replaced, lost) = try decode(bytes[2...], as: name)
            return (text, DecodingReport(encoding: name, hadBOM: true, replacedSequences: replaced, confidence: nil,
                                         method: .byteOrderMark, replacedBytes: lost))
        }
        if let nul = bytes.prefix(1024).firstIndex(of: 0) { throw .binary(nulOffset: nul) }
        // Valid UTF-8 (which includes pure ASCII) needs no guessing.
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, DecodingReport(encoding: "UTF-8", hadBOM: false, replacedSequences: 0, confidence: nil,
                                         method: .validUTF8, replacedBytes: 0))
        }
        func damagedUTF8(_ method: DecodingReport.Method) -> (String, DecodingReport) {
            let (text, replaced, lost) = decodeUTF8(bytes[...])
            return (text, DecodingReport(encoding: "UTF-8", hadBOM: false, replacedSequences: replaced, confidence: nil,
                                         method: method, replacedBytes: lost))
        }
        // Mostly UTF-8 with a few broken sequences: keep UTF-8 and count the damage.
        let (wellFormed, broken) = utf8Shape(bytes)
        if wellFormed > 0 && broken <= wellFormed { return damagedUTF8(.damagedUTF8) }
        // Legacy encodings: ask ICU, then take the first plausible candidate that decodes cleanly.
        let candidates: [Charset.Candidate]
        switch bytes.withUnsafeBytes({ raw in Result { () throws(ICUError) in try Charset.detect(raw) } }) {
        case .success(let found): candidates = found
        case .failure(let error): throw .icu(error)
        }
        // Few high bytes and no CJK encoding in sight: damaged UTF-8 (the common case in scraped
        // news), not Latin-1. Legacy Chinese text is mostly high bytes.
        let high = bytes.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        let cjk: Set<String> = ["GB18030", "GB2312", "GBK", "Big5", "EUC-JP", "EUC-KR", "Shift_JIS", "ISO-2022-CN", "ISO-2022-JP", "ISO-2022-KR"]
        if high * 10 < bytes.count, !(candidates.first.map { cjk.contains($0.name) && $0.confidence >= 30 } ?? false) {
            return damagedUTF8(.damagedUTF8)
        }
        // The detector's first choice stands when little is lost: a cut last character, a stray
        // byte or a pasted UTF-8 dash is no reason to leave it, and a later candidate that
        // decodes "cleanly" is usually worse (UTF-16 and GB18030 accept almost any bytes: a Big5
        // page with one UTF-8 dash became UTF-16BE nonsense). Up to 1% of the high bytes may be
        // lost, or 5% when the detector is sure (confidence ≥ 50: it has seen the bad bytes).
        // Later candidates are taken only when they decode cleanly; else the fewest lost bytes.
        var fallback: (String, DecodingReport)?
        var first = true
        for candidate in candidates where preferred.contains(candidate.name) || candidate.confidence >= 50 {
            let name = candidate.name == "GB2312" || candidate.name == "GBK" ? "GB18030" : candidate.name
            guard let (text, replaced, lost) = try? decode(bytes[...], as: name) else { continue }
            let report = DecodingReport(encoding: name, hadBOM: false, replacedSequences: replaced, confidence: candidate.confidence,
                                        method: .detected, replacedBytes: lost)
            if lost == 0 { return (text, report) }
            if first && (lost <= max(1, high / 100) || (candidate.confidence >= 50 && lost <= high / 20)) { return (text, report) }
            first = false
            if fallback == nil || lost < fallback!.1.replacedBytes { fallback = (text, report) }
        }
        if let fallback { return fallback }
        return damagedUTF8(.fallback)
    }

    /// Bytes in one named encoding: "Big5" by the WHATWG decoder, the rest by ICU.
    static func decode(_ bytes: ArraySlice<UInt8>, as name: String) throws(DecodingError) -> (text: String, replaced: Int, replacedBytes: Int) {
        if name == "Big5" {
            let result = bytes.withUnsafeBufferPointer { buffer in Result { () throws(ICUError) in try Big5.decode(buffer) } }
            switch result {
            case .success(let (text, damage)): return (text, damage.sequences, damage.bytes)
            case .failure(let error): throw .icu(error)
            }
        }
        let (units, replaced, lost) = try convert(bytes, name)
        return (units.withUnsafeBufferPointer(DocumentText.string), replaced, lost)
    }

    /// Counts well-formed multi-byte UTF-8 sequences and invalid bytes.
    static func utf8Shape(_ bytes: [UInt8]) -> (wellFormed: Int, broken: Int) {
        var wellFormed = 0, broken = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): if encoded.count > 1 { wellFormed += 1 }
            case .error: broken += 1
            case .emptyInput: break loop
            }
        }
        return (wellFormed, broken)
    }

    /// UTF-8 with each maximal invalid subsequence replaced by U+FFFD (and counted, with its bytes).
    static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> (String, Int, Int) {
        var replaced = 0, lost = 0
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): scalars.append(Unicode.UTF8.decode(encoded))
            case .error(let length): replaced += 1; lost += length; scalars.append("\u{FFFD}")
            case .emptyInput: break loop
            }
        }
        return (String(scalars), replaced, lost)
    }

    static func convert(_ bytes: ArraySlice<UInt8>, _ charset: String) throws(DecodingError) -> ([UInt16], Int, Int) {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(ICUError) in try Charset.decode(raw, charset: charset) }
        }
        switch result {
        case .success(let decoded): return decoded
        case .failure(let error): throw .icu(error)
        }
    }
}
