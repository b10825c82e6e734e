import Foundation
import Testing
@testable import Framescope

@Suite("Decoder")
struct DecoderTests {
    static let simplified = "包钢集团稀土产量达到一千七百五十万吨，同比增长百分之五。"
    static let traditional = "包鋼集團稀土產量達到一千七百五十萬噸，同比增長百分之五。"

    @Test("UTF-8 with and without BOM")
    func utf8() throws {
        let plain = try Decoder.decode(Array("Baogang 包钢 𠀋".utf8))
        #expect(plain.text == "Baogang 包钢 𠀋")
        #expect(plain.report == DecodingReport(encoding: "UTF-8", hadBOM: false, replacedSequences: 0, confidence: nil,
                                               method: .validUTF8, replacedBytes: 0))
        let bom = try Decoder.decode([0xEF, 0xBB, 0xBF] + Array("包钢".utf8))
        #expect(bom.text == "包钢")
        #expect(bom.report.hadBOM && bom.report.method == .byteOrderMark)
    }

    @Test("UTF-16 little and big endian with BOM")
    func utf16() throws {
        let s = "Baotou 包头 𠀋"
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for u in s.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)]; be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        let a = try Decoder.decode(le)
        let b = try Decoder.decode(be)
        #expect(a.text == s && a.report.encoding == "UTF-16LE" && a.report.hadBOM)
        #expect(b.text == s && b.report.encoding == "UTF-16BE")
    }

    @Test("GB18030 and Big5 are detected with ICU")
    func legacyChinese() throws {
        let gb: [UInt8] = [176, 252, 184, 214, 188, 175, 205, 197, 207, 161, 205, 193, 178, 250, 193, 191, 180, 239, 181, 189, 210, 187, 199, 167, 198, 223, 176, 217, 206, 229, 202, 174, 205, 242, 182, 214, 163, 172, 205, 172, 177, 200, 212, 246, 179, 164, 176, 217, 183, 214, 214, 174, 206, 229, 161, 163]
        let big5: [UInt8] = [165, 93, 191, 251, 182, 176, 185, 206, 181, 125, 164, 103, 178, 163, 182, 113, 185, 70, 168, 236, 164, 64, 164, 100, 164, 67, 166, 202, 164, 173, 164, 81, 184, 85, 190, 183, 161, 65, 166, 80, 164, 241, 188, 87, 170, 248, 166, 202, 164, 192, 164, 167, 164, 173, 161, 67]
        let a = try Decoder.decode(gb)
        #expect(a.text == Self.simplified)
        #expect(a.report.encoding == "GB18030")
        let b = try Decoder.decode(big5)
        #expect(b.text == Self.traditional)
        #expect(b.report.encoding == "Big5")
    }

    /// Big5 byte pairs and what the WHATWG Big5 decoder gives for them. The expected values are
    /// Firefox ESR 153's `new TextDecoder("big5")` (encoding_rs, the WHATWG decoder), read pair by
    /// pair; Chromium 156 agrees on all but the four two-code-point pairs. Node's TextDecoder is
    /// not a reference here: it uses ICU's windows-950 table (9D EF gives U+ECD1 there).
    static let whatwgBig5: [([UInt8], [UInt32])] = [
        ([0xA4, 0xA4], [0x4E2D]),            // 中, plain Big5
        ([0xA2, 0x41], [0x2215]),            // ∕ DIVISION SLASH: the WHATWG index, as in ICU; Python's big5 says U+FF0F
        ([0xA1, 0xC3], [0xFFE3]),            // ￣
        ([0xA3, 0xE1], [0x20AC]),            // €
        ([0xC6, 0xA1], [0x2460]),            // ①, ETEN extension
        ([0xF9, 0xD8], [0x88CF]),            // 裏, ETEN extension
        ([0xFB, 0xDF], [0x5CEF]),            // 峯, HKSCS
        ([0x9D, 0xEF], [0x5605]),            // 嘅, HKSCS (Cantonese)
        ([0x9D, 0xF7], [0x5497]),            // 咗, HKSCS
        ([0x92, 0x5D], [0x54CB]),            // 哋, HKSCS
        ([0x87, 0x45], [0x27267]),           // 𧉧, HKSCS outside the BMP
        ([0xFB, 0x48], [0x5605]),            // 嘅 again: an HKSCS compatibility point (an override)
        ([0x88, 0x40], [0x31C0]),            // ㇀ CJK stroke (an override)
        ([0x8C, 0x43], [0x9FA6]),            // 龦 Unicode 4.1 ideograph (an override)
        ([0xA3, 0xC0], [0x2400]),            // ␀ control picture (from ibm-950)
        ([0xC6, 0xDE], [0x3003]),            // 〃 (an override: ibm-950 says U+02BA)
        ([0x88, 0x62], [0x00CA, 0x0304]),    // Ê̄: the four pairs that give two code points
        ([0x88, 0x64], [0x00CA, 0x030C]),    // Ê̌
        ([0x88, 0xA3], [0x00EA, 0x0304]),    // ê̄
        ([0x88, 0xA5], [0x00EA, 0x030C]),    // ê̌
    ]

    @Test("Big5 pairs decode to the WHATWG Big5 decoder's code points")
    func big5Pairs() throws {
        for (bytes, expected) in Self.whatwgBig5 {
            let (text, damage) = try bytes.withUnsafeBufferPointer { try Big5.decode($0) }
            #expect(text.unicodeScalars.map(\.value) == expected, "\(bytes.map { String($0, radix: 16) })")
            #expect(damage == Big5.Damage())
        }
        // ICU's own Big5 table, for contrast: the HKSCS character is private-use there.
        let icu = try Decoder.decode([0x9D, 0xEF], encoding: "windows-950")
        #expect(icu.text.unicodeScalars.map(\.value) == [0xECD1])
        #expect(try Decoder.decode([0x9D, 0xEF], encoding: "Big5-HKSCS").text == "嘅")
        #expect(try Decoder.decode([0x9D, 0xEF], encoding: "big5").report.encoding == "Big5")
    }

    /// Errors as the WHATWG decoder makes them (Firefox gives the same for each): one U+FFFD per
    /// error, an ASCII trail byte read again as itself, a lead at the end replaced.
    @Test("Big5 errors: an ASCII trail is not consumed, a lone lead at the end is replaced", arguments: [
        ([0x81, 0x41], [0xFFFD, 0x41], 1),             // lead 0x81 has no characters; 'A' survives
        ([0xA1, 0x30], [0xFFFD, 0x30], 1),             // '0' is not a trail byte; it survives
        ([0xA4, 0x7F], [0xFFFD, 0x7F], 1),
        ([0xA4, 0x80], [0xFFFD], 2),                   // a non-ASCII byte that is no trail goes with the lead
        ([0x80], [0xFFFD], 1),
        ([0xFF], [0xFFFD], 1),
        ([0x41, 0xA4, 0xA4, 0xA4], [0x41, 0x4E2D, 0xFFFD], 1),  // 中 and a cut last character
        ([0xA4, 0xA4, 0x41], [0x4E2D, 0x41], 0),
    ] as [([UInt8], [UInt32], Int)])
    func big5Errors(_ bytes: [UInt8], _ expected: [UInt32], _ lostBytes: Int) throws {
        let (text, damage) = try bytes.withUnsafeBufferPointer { try Big5.decode($0) }
        #expect(text.unicodeScalars.map(\.value) == expected)
        #expect(damage.bytes == lostBytes)
        #expect(damage.sequences == expected.count { $0 == 0xFFFD })
    }

    /// A Hong Kong news sentence in Big5-HKSCS (bytes from Python's big5hkscs codec, each checked
    /// against Firefox's decoder) with Cantonese HKSCS characters 嘅 咗 哋 啲 and 峯 裏.
    static let hongKong = "香港嘅稀土進口商話，佢哋今年已經買咗三萬噸，啲貨仲未到港。峯會之後，裏面嘅價錢冇乜變化。"
    static let hongKongBig5: [UInt8] = [
        0xAD, 0xBB, 0xB4, 0xE4, 0x9D, 0xEF, 0xB5, 0x7D, 0xA4, 0x67, 0xB6, 0x69, 0xA4, 0x66, 0xB0, 0xD3, 0xB8, 0xDC, 0xA1, 0x41,
        0xCA, 0x5C, 0x92, 0x5D, 0xA4, 0xB5, 0xA6, 0x7E, 0xA4, 0x77, 0xB8, 0x67, 0xB6, 0x52, 0x9D, 0xF7, 0xA4, 0x54, 0xB8, 0x55,
        0xBE, 0xB7, 0xA1, 0x41, 0x9D, 0xF8, 0xB3, 0x66, 0xA5, 0xF2, 0xA5, 0xBC, 0xA8, 0xEC, 0xB4, 0xE4, 0xA1, 0x43, 0xFB, 0xDF,
        0xB7, 0x7C, 0xA4, 0xA7, 0xAB, 0xE1, 0xA1, 0x41, 0xF9, 0xD8, 0xAD, 0xB1, 0x9D, 0xEF, 0xBB, 0xF9, 0xBF, 0xFA, 0xC9, 0x4E,
        0xC9, 0x41, 0xC5, 0xDC, 0xA4, 0xC6, 0xA1, 0x43,
    ]

    /// Written Cantonese, where 12 of 58 characters are HKSCS extensions (bytes from Python's
    /// big5hkscs codec): ICU's detector still says Big5 (98) and GB18030 is not among its guesses.
    static let cantonese = "佢哋啱啱喺度食緊嘢，冇人知道佢哋嘅諗法。咁你覺得點呀？我哋聽日再傾啦。啲嘢咁貴，邊個會買㗎？佢話唔該晒，跟住就走咗。"
    static let cantoneseBig5: [UInt8] = [
        0xCA, 0x5C, 0x92, 0x5D, 0x95, 0xDA, 0x95, 0xDA, 0x9D, 0xF6, 0xAB, 0xD7, 0xAD, 0xB9, 0xBA, 0xF2, 0x9D, 0xCF, 0xA1, 0x41,
        0xC9, 0x4E, 0xA4, 0x48, 0xAA, 0xBE, 0xB9, 0x44, 0xCA, 0x5C, 0x92, 0x5D, 0x9D, 0xEF, 0xE7, 0xDC, 0xAA, 0x6B, 0xA1, 0x43,
        0xCB, 0xDD, 0xA7, 0x41, 0xC4, 0xB1, 0xB1, 0x6F, 0xC2, 0x49, 0xA7, 0x72, 0xA1, 0x48, 0xA7, 0xDA, 0x92, 0x5D, 0xC5, 0xA5,
        0xA4, 0xE9, 0xA6, 0x41, 0xB6, 0xC9, 0xB0, 0xD5, 0xA1, 0x43, 0x9D, 0xF8, 0x9D, 0xCF, 0xCB, 0xDD, 0xB6, 0x51, 0xA1, 0x41,
        0xC3, 0xE4, 0xAD, 0xD3, 0xB7, 0x7C, 0xB6, 0x52, 0x9D, 0xEE, 0xA1, 0x48, 0xCA, 0x5C, 0xB8, 0xDC, 0xAD, 0xF8, 0xB8, 0xD3,
        0xAE, 0xCD, 0xA1, 0x41, 0xB8, 0xF2, 0xA6, 0xED, 0xB4, 0x4E, 0xA8, 0xAB, 0x9D, 0xF7, 0xA1, 0x43,
    ]

    @Test("a Big5-HKSCS page is detected as Big5 and keeps its Hong Kong characters")
    func hongKongPage() throws {
        let page = try Decoder.decode(Self.hongKongBig5)
        #expect(page.text == Self.hongKong)
        #expect(page.report.encoding == "Big5" && page.report.method == .detected)
        #expect(page.report.replacedBytes == 0 && (page.report.confidence ?? 0) > 0)
        let canto = try Decoder.decode(Self.cantoneseBig5)
        #expect(canto.text == Self.cantonese)
        #expect(canto.report.encoding == "Big5" && (canto.report.confidence ?? 0) >= 50 && canto.report.replacedBytes == 0)
        // Cut in the middle of its last character (as a scraper's byte limit does): still Big5,
        // one byte lost, not a GB18030 reading of the whole page.
        let cut = try Decoder.decode(Array(Self.hongKongBig5.dropLast()))
        #expect(cut.report.encoding == "Big5")
        #expect(cut.text == String(Self.hongKong.dropLast()) + "\u{FFFD}")
        #expect(cut.report.replacedBytes == 1 && cut.report.replacedSequences == 1)
        // A UTF-8 en dash pasted into it (E2 80 93): ICU still says Big5 (95), and Big5 it stays.
        // It used to become UTF-16BE, the first later candidate that decodes without an error.
        var dashed = Self.hongKongBig5
        dashed.insert(contentsOf: [0xE2, 0x80, 0x93, 0x20], at: 20)
        let dash = try Decoder.decode(dashed)
        #expect(dash.report.encoding == "Big5")
        #expect(dash.text == String(Self.hongKong.prefix(10)) + "\u{FFFD}\u{FFFD} " + String(Self.hongKong.dropFirst(10)))
        #expect(dash.report.replacedSequences == 2 && dash.report.replacedBytes == 3)
    }

    @Test("an encoding can be forced by name")
    func forced() throws {
        let latin1: [UInt8] = [0x63, 0x61, 0x66, 0xE9]
        #expect(try Decoder.decode(latin1, encoding: "iso-8859-1").text == "café")
        #expect(throws: DecodingError.unknownEncoding("klingon")) { try Decoder.decode(latin1, encoding: "klingon") }
    }

    @Test("invalid UTF-8 is replaced and counted, never a crash")
    func brokenUTF8() throws {
        var bytes = Array("稀土 rare earth 包钢集团 ".utf8)
        bytes += [0xC3, 0x28, 0xFF]  // a broken two-byte sequence and a byte that never occurs
        bytes += Array(" 稀土".utf8)
        let r = try Decoder.decode(bytes)
        #expect(r.report.encoding == "UTF-8")
        #expect(r.report.replacedSequences == 2 && r.report.replacedBytes == 2)
        #expect(r.report.method == .damagedUTF8)
        #expect(r.text == "稀土 rare earth 包钢集团 \u{FFFD}(\u{FFFD} 稀土")
        // A truncated sequence at the very end: one replacement for the two bytes left of 钢.
        let cut = try Decoder.decode(Array("包钢".utf8).dropLast())
        #expect(cut.report.replacedSequences == 1 && cut.report.replacedBytes == 2)
    }

    @Test("NUL bytes in the first KiB mean binary")
    func binary() {
        #expect(throws: DecodingError.binary(nulOffset: 3)) { try Decoder.decode([0x50, 0x4B, 0x03, 0x00, 0x14]) }
    }

    @Test("empty input decodes to empty text")
    func empty() throws {
        #expect(try Decoder.decode([]).text == "")
    }

    /// The expected texts were made with Python's codecs. One known table difference is kept as
    /// browsers decode it: Big5 A2 41 is U+2215 (∕) in the WHATWG index (Firefox, Chromium) and
    /// U+FF0F (／) in Python's; matching keys fold both to "/".
    @Test("every sample in Corpus/samples decodes to its expected text")
    func corpusSamples() throws {
        let dir = Repository.path("Corpus/samples")
        let expectedDir = Repository.path("Tests/FramescopeTests/Fixtures/decoding")
        let files = try FileManager.default.contentsOfDirectory(atPath: expectedDir).filter { $0.hasSuffix(".expected.txt") }
        #expect(files.count >= 5)
        for file in files {
            let name = String(file.dropLast(".expected.txt".count))
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(name).txt")))
            let expected = try String(contentsOfFile: "\(expectedDir)/\(file)", encoding: .utf8)
            let decoded = try Decoder.decode(bytes)
            #expect(decoded.text == expected, "\(name) decoded as \(decoded.report.encoding)")
            #expect(decoded.report.replacedSequences == 0, "\(name)")
        }
    }

    /// Files around the first buffer's size, a `/proc` file whose size `fstat` does not know,
    /// the size limit and a folder: the bytes as FileManager reads them, or the reason.
    @Test("a file is read whole, and a file over the limit is refused")
    func readFile() throws {
        let folder = TestScratch.path("read")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for size in [0, 1, 4095, 4096, 4097, 100_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            let path = folder + "/\(size).txt"
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "\(size) bytes written")
            #expect(try DocumentLoader.readFile(path, limit: 100_000).get() == bytes, "\(size) bytes")
        }
        #expect(DocumentLoader.readFile(folder + "/4097.txt", limit: 4096) == .failure(.tooLarge(4097)))
        // No size beforehand: read as it comes, growing the buffer past 4 KiB, and refused once over the limit.
        // (FileManager itself stops after the first few KiB of such a file.)
        let read = try DocumentLoader.readFile("/proc/self/smaps", limit: 1 << 30).get()
        let lines = String(decoding: read, as: UTF8.self).split(separator: "\n")
        #expect(read.count > 8192 && read.last == 0x0A && lines.count(where: { $0.hasPrefix("Size:") }) > 20)
        guard case .failure(.tooLarge(let seen)) = DocumentLoader.readFile("/proc/self/smaps", limit: 4096) else {
            Issue.record("a file over the limit without a known size was not refused")
            return
        }
        #expect(seen > 4096)
        #expect(DocumentLoader.readFile(folder, limit: 1 << 20) == .failure(.system(String(cString: strerror(EISDIR)))))
        #expect(DocumentLoader.readFile(folder + "/missing.txt", limit: 1 << 20) == .failure(.system(String(cString: strerror(ENOENT)))))
    }
}

