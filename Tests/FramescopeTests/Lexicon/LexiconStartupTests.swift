import Foundation
import Testing
@testable import Framescope

/// The start-up shortcuts of lexicon loading give what the slow paths they replace gave: numbers
/// read from bytes as `Double(String)` reads them, fields compared as bytes, acronyms tested on
/// bytes, and the built-in text files valid UTF-8 as parsing assumes.
@Suite struct LexiconStartupTests {
    static func plain(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { TSVTable.plainDecimal($0) }
    }

    @Test func plainDecimalsReadAsDoubleReadsThem() {
        let fixed = ["0", "-0", "0.0", "-0.000000", "1", "0.5", "-2.25", "3.141593", "0.000001", "-0.123456",
                     "00012.3400", "123456789012345", "1234567890123456", "0.1234567890123456789012",
                     "9007199254740993", "1.7976931348623157", "12345678901234.5", "99999999999999.9"]
        for text in fixed {
            let expected = Double(text)
            if let got = Self.plain(text) {
                #expect(got.bitPattern == expected?.bitPattern, "\(text): \(got) vs \(String(describing: expected))")
            }
        }
        // Not plain decimals: left to Double(String).
        for text in ["", "-", "+1", "1.", ".5", "1e5", "1E-3", "inf", "nan", "0x10", " 1", "1 ", "1.2.3", "--1", "1-", "٣"] {
            #expect(Self.plain(text) == nil, "\(text)")
        }
        // Many numbers of every length and precision, as `lexicon train` and people write them.
        var rng = Statistics.SplitMix64(seed: 22)
        var checked = 0
        for _ in 0..<200_000 {
            let intDigits = Int(rng.next() % 9) + 1, fracDigits = Int(rng.next() % 10)
            var text = rng.next() % 2 == 0 ? "-" : ""
            for _ in 0..<intDigits { text += String(rng.next() % 10) }
            if fracDigits > 0 {
                text += "."
                for _ in 0..<fracDigits { text += String(rng.next() % 10) }
            }
            let expected = Double(text)
            if let got = Self.plain(text) {
                checked += 1
                #expect(got.bitPattern == expected?.bitPattern, "\(text): \(got) vs \(String(describing: expected))")
            } else {
                // Only more than 15 significant digits are left to Double(String).
                #expect(text.filter(\.isNumber).drop(while: { $0 == "0" }).count > 15, "\(text)")
            }
        }
        #expect(checked > 150_000)
    }

    @Test func rowFieldsAreTheSplitLine() throws {
        let text = "# comment\nid\ttype\tcanonical\tsurface\tlang\nx.a\tcompany\tÄ Co\t甲公司\tzh\nx.a\tcompany\tÄ Co\tA Co\ten\n"
        var issues: [LexiconIssue] = []
        let table = try #require(TSVTable.parse(Array(text.utf8), file: "t.tsv", columns: EntityLexicon.columns, issues: &issues))
        #expect(issues.isEmpty && table.rows.count == 2)
        let row = table.rows[0]
        #expect(row.line == 3 && row[2] == "Ä Co" && row["surface"] == "甲公司" && row[table.column("lang")] == "zh")
        #expect(row.field(1, equals: "company") && !row.field(1, equals: "compan") && !row.field(4, equals: "en"))
        #expect(table.rows[1][3] == "A Co" && table.rows[1].line == 4)
    }

    @Test func acronymsOnBytesAreAcronymsOnCharacters() {
        func characters(_ s: String) -> Bool { (2...5).contains(s.count) && s.allSatisfy { $0.isASCII && $0.isUppercase } }
        for s in ["US", "CAS", "SMM", "A", "ABCDEF", "ABCDE", "Us", "U.S", "ÄB", "AB\r\n", "A\r\nB", "中国", "ＵＳ", "U S", "LME"] {
            #expect(EntityLexicon.isAcronym(s) == characters(s), "\(s)")
        }
    }

    @Test func builtInTextFilesAreValidUTF8() {
        let bytes = BuiltInLexicons.bytes
        // Every text file's bytes are valid UTF-8, as parsing then assumes.
        for path in BuiltInLexicons.validUTF8 {
            #expect(String(validating: bytes[path] ?? [0xFF], as: UTF8.self) != nil, "\(path)")
        }
    }
}
