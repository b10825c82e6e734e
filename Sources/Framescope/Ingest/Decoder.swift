import FramescopeICU

/// How a document's bytes became text.
public struct DecodingReport: Sendable, Equatable, Codable {
    /// The encoding used, by its ICU canonical name ("UTF-8", "UTF-16LE", "GB18030", "Big5", ...).
    public var encoding: String
    /// Whether a byte-order mark was present (and removed).
    public var hadBOM: Bool
    /// Byte sequences that were invalid in that encoding and became U+FFFD.
    public var replacedSequences: Int
    /// ICU's detection confidence (0–100) when the encoding was detected, nil when it was certain
    /// (BOM, valid UTF-8) or given.
    public var confidence: Int?
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
/// legacy Chinese encodings (GB18030/GBK, Big5) found by ICU's charset detector.
public enum Decoder {
    /// Encodings worth trusting from the detector for this corpus, in preference order on ties.
    static let preferred = ["UTF-8", "GB18030", "Big5", "UTF-16LE", "UTF-16BE", "EUC-JP", "Shift_JIS", "EUC-KR",
                            "windows-1252", "ISO-8859-1"]

    public static func decode(_ bytes: [UInt8], encoding forced: String? = nil) throws(DecodingError) -> (text: String, report: DecodingReport) {
        if let forced {
            guard let name = Charset.canonicalName(forced) else { throw .unknownEncoding(forced) }
            let (units, replaced) = try convert(bytes[...], name)
            var text = String(decoding: units, as: UTF16.self)
            let bom = text.unicodeScalars.first == "\u{FEFF}"
            if bom { text.unicodeScalars.removeFirst() }
            return (text, DecodingReport(encoding: name, hadBOM: bom, replacedSequences: replaced, confidence: nil))
        }
        // Byte-order marks are certain.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let (text, replaced) = decodeUTF8(bytes[3...])
            return (text, DecodingReport(encoding: "UTF-8", hadBOM: true, replacedSequences: replaced, confidence: nil))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let name = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            let (units, replaced) = try convert(bytes[2...], name)
            return (String(decoding: units, as: UTF16.self),
                    DecodingReport(encoding: name, hadBOM: true, replacedSequences: replaced, confidence: nil))
        }
        if let nul = bytes.prefix(1024).firstIndex(of: 0) { throw .binary(nulOffset: nul) }
        // Valid UTF-8 (which includes pure ASCII) needs no guessing.
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, DecodingReport(encoding: "UTF-8", hadBOM: false, replacedSequences: 0, confidence: nil))
        }
        // Mostly UTF-8 with a few broken sequences: keep UTF-8 and count the damage.
        let (wellFormed, broken) = utf8Shape(bytes)
        if wellFormed > 0 && broken <= wellFormed {
            let (text, replaced) = decodeUTF8(bytes[...])
            return (text, DecodingReport(encoding: "UTF-8", hadBOM: false, replacedSequences: replaced, confidence: nil))
        }
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
            let (text, replaced) = decodeUTF8(bytes[...])
            return (text, DecodingReport(encoding: "UTF-8", hadBOM: false, replacedSequences: replaced, confidence: nil))
        }
        var fallback: (String, DecodingReport)?
        for candidate in candidates where preferred.contains(candidate.name) || candidate.confidence >= 50 {
            let name = candidate.name == "GB2312" || candidate.name == "GBK" ? "GB18030" : candidate.name
            guard let (units, replaced) = try? convert(bytes[...], name) else { continue }
            let report = DecodingReport(encoding: name, hadBOM: false, replacedSequences: replaced, confidence: candidate.confidence)
            let text = String(decoding: units, as: UTF16.self)
            if replaced == 0 { return (text, report) }
            if fallback == nil || replaced < fallback!.1.replacedSequences { fallback = (text, report) }
        }
        if let fallback { return fallback }
        let (text, replaced) = decodeUTF8(bytes[...])
        return (text, DecodingReport(encoding: "UTF-8", hadBOM: false, replacedSequences: replaced, confidence: nil))
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

    /// UTF-8 with each maximal invalid subsequence replaced by U+FFFD (and counted).
    static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> (String, Int) {
        var replaced = 0
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): scalars.append(Unicode.UTF8.decode(encoded))
            case .error: replaced += 1; scalars.append("\u{FFFD}")
            case .emptyInput: break loop
            }
        }
        return (String(scalars), replaced)
    }

    static func convert(_ bytes: ArraySlice<UInt8>, _ charset: String) throws(DecodingError) -> ([UInt16], Int) {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(ICUError) in try Charset.decode(raw, charset: charset) }
        }
        switch result {
        case .success(let decoded): return decoded
        case .failure(let error): throw .icu(error)
        }
    }
}
