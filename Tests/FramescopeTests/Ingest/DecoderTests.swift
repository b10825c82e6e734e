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
        #expect(plain.report == DecodingReport(encoding: "UTF-8", hadBOM: false, replacedSequences: 0, confidence: nil))
        let bom = try Decoder.decode([0xEF, 0xBB, 0xBF] + Array("包钢".utf8))
        #expect(bom.text == "包钢")
        #expect(bom.report.hadBOM)
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
        #expect(r.report.replacedSequences == 2)
        #expect(r.text == "稀土 rare earth 包钢集团 \u{FFFD}(\u{FFFD} 稀土")
        // A truncated sequence at the very end.
        let cut = try Decoder.decode(Array("包钢".utf8).dropLast())
        #expect(cut.report.replacedSequences == 1)
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
    /// ICU decodes it: Big5 A2 41 is U+2215 (∕) in every ICU Big5 table and U+FF0F (／) in
    /// Python's; matching keys fold both to "/".
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

