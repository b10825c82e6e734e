import Foundation
import Testing
@testable import Framescope

@Suite("JSON numbers")
struct JSONWriterTests {
    func written(_ d: Double, digits: Int = 6) -> String {
        var w = JSONWriter()
        w.beginArray(); w.double(d, digits: digits); w.endArray()
        return String(decoding: w.bytes.dropFirst().dropLast(), as: UTF8.self)
    }

    @Test("literal cases", arguments: [
        (0.0, "0"), (-0.0, "0"), (1.0, "1"), (-3.0, "-3"), (0.5, "0.5"), (-0.125, "-0.125"), (0.1234567, "0.123457"),
        (1750e4, "17500000"), (0.000001, "1e-06"), (-1e-9, "0"), (2.0000001, "2"), (1.05, "1.05"), (123456.000001, "123456.000001"),
        (1e20, "1e+20"), (Double.nan, "null"), (Double.infinity, "null"), (0.00004, "4e-05"),
    ])
    func literals(d: Double, expected: String) {
        #expect(written(d) == expected)
    }

    @Test("the fast path writes what format() writes, over many values and digit counts")
    func agreesWithFormat() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
        var mismatches: [String] = []
        for i in 0..<200_000 {
            let magnitude = pow10(Int(next() % 16) - 7)
            let d = (Double(next() % 2_000_001) / 1_000_000 - 1) * magnitude
            let digits = [2, 3, 6][i % 3]
            if written(d, digits: digits) != JSONWriter.format(d, digits: digits) { mismatches.append("\(d) \(digits)") }
        }
        #expect(mismatches.prefix(5) == [])
    }

    @Test("integers")
    func integers() {
        for i in [0, 7, -7, 10, 1_000_000, 12_345_678_901_234, -98_765, Int.max, Int.min + 1, Int.min] {
            var w = JSONWriter()
            w.beginArray(); w.int(i); w.endArray()
            #expect(String(decoding: w.bytes, as: UTF8.self) == "[\(i)]")
        }
    }

    @Test("strings from UTF-16 spans are written as String would write them")
    func utf16Strings() {
        let samples: [[UInt16]] = [
            Array("Baogang \"包钢\" \\ tab\there\nline 𠀋 é ＡＢ\u{1}".utf16),
            [0xD800], [0xDC00, 0x41], [0x41, 0xD83D], [0xD83D, 0xDE00, 0xD83D], [], [0x7F, 0x80, 0x7FF, 0x800, 0xFFFF],
            // Long spans go in chunks of 4,096 units: pairs, lone surrogates and escapes across
            // the chunk boundaries.
            Array(repeating: [0x41, 0xD83D, 0xDE00, 0x4E2D, 0x0A, 0xD83D], count: 2_000).flatMap { $0 },
            Array(repeating: 0x41, count: 4_095) + [0xD83D, 0xDE00, 0xD83D, 0xD83D, 0xDE00] + Array(repeating: 0x1, count: 5_000),
        ]
        for units in samples {
            var a = JSONWriter(), b = JSONWriter()
            a.string(utf16: units[...])
            b.string(String(decoding: units, as: UTF16.self))
            #expect(a.bytes == b.bytes, "\(units)")
        }
    }

    @Test("strings with escapes at the ends, in runs and between multi-byte characters read back unchanged")
    func escapedStrings() throws {
        var samples = ["", "\"", "\\\\", "\n\n\t", "\u{1}a\u{1F}", "a\"", "\"a", "包钢\n集团\"", "ok", "𠀋\r\n𠀋", String(repeating: "x\n", count: 300)]
        // Strings with nothing to escape, of 0 to 40 characters (up to 80 bytes), and the same
        // with one byte to escape at the end (the whole-string test must see the last bytes).
        let plain = Array("Baogang包钢𠀋 ~é".unicodeScalars)
        for n in 0...40 {
            let s = String(String.UnicodeScalarView((0..<n).map { plain[$0 % plain.count] }))
            samples += [s, s + "\"", s + "\u{7}"]
        }
        for sample in samples {
            var w = JSONWriter()
            w.beginArray(); w.string(sample); w.endArray()
            let back = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String]
            #expect(back == [sample], "\(sample.debugDescription)")
        }
    }

    @Test("the eight-byte escape test finds every byte to escape at every position, and nothing else")
    func escapeWordTest() {
        var wrong: [String] = []
        for filler: UInt8 in [0x61, 0xE4, 0x80, 0x21, 0x23, 0x5B, 0x5D, 0xFF] {
            for position in 0..<8 {
                for b in 0...255 {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = UInt8(b)
                    let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let expected = b < 0x20 || b == 0x22 || b == 0x5C
                    if JSONWriter.mayNeedEscape(w) != expected { wrong.append("\(filler) \(position) \(b)") }
                }
            }
        }
        #expect(wrong.prefix(5) == [])
    }

    @Test("a copied writer is a value: writing to one leaves the other as it was, even past a regrowth")
    func valueSemantics() {
        var a = JSONWriter(indent: 1, reserve: 1)
        a.beginObject(); a.field("x", 1)
        var b = a
        b.field("y", "two"); b.endObject()
        a.field("z", String(repeating: "long ", count: 100)); a.endObject()
        #expect(String(decoding: b.bytes, as: UTF8.self) == "{\n \"x\": 1,\n \"y\": \"two\"\n}")
        #expect(String(decoding: a.bytes, as: UTF8.self).hasPrefix("{\n \"x\": 1,\n \"z\": \"long long"))
        var c = b
        c.removeAllBytes()
        #expect(c.count == 0 && b.count == b.bytes.count && b.count == 24)
    }

    @Test("literal keys are written as they are, keys from data are escaped, one-character keys too")
    func keys() {
        var w = JSONWriter(indent: 0)
        w.beginObject()
        w.field("x", 1)  // a one-scalar literal: a StaticString without a pointer
        w.key(named: "a\"b\\c\n"); w.int(2)
        w.field("稀土", true)
        w.key(named: "包鋼"); w.null()
        w.endObject()
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"x":1,"a\"b\\c\n":2,"稀土":true,"包鋼":null}"#)
    }

    @Test("keys of every short length at every depth and indent are laid out as a plain string build lays them out")
    func keyLayout() {
        // Literal keys of 1 to 40 bytes (the writer copies them in words), nested up to 12 deep
        // (indents are written eight spaces at a time).
        let keys: [StaticString] = ["k", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi",
                                    "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq",
                                    "offset_unit_and_more_than_thirty_two_by"]
        for indent in [0, 1, 2, 4] {
            var w = JSONWriter(indent: indent, reserve: 1)
            var expected = ""
            func line(_ depth: Int) -> String { indent > 0 ? "\n" + String(repeating: " ", count: depth * indent) : "" }
            let colon = indent > 0 ? ": " : ":"
            w.beginObject(); expected += "{"
            for depth in 1...12 {
                for (n, k) in keys.enumerated() {
                    w.field(k, n - 3)
                    expected += (n > 0 ? "," : "") + line(depth) + "\"\(k)\"" + colon + "\(n - 3)"
                }
                w.key("next"); w.beginObject()
                expected += "," + line(depth) + "\"next\"" + colon + "{"
            }
            w.endObject(); expected += "}"  // the innermost object is empty: no line break
            for depth in stride(from: 12, through: 2, by: -1) {
                w.endObject(); expected += line(depth - 1) + "}"
            }
            w.endObject(); expected += line(0) + "}"
            #expect(String(decoding: w.bytes, as: UTF8.self) == expected, "indent \(indent)")
        }
    }

    private func pow10(_ e: Int) -> Double { e >= 0 ? (0..<e).reduce(1.0) { a, _ in a * 10 } : 1 / pow10(-e) }
}
