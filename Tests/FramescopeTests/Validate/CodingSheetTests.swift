import Foundation
import Testing
@testable import Framescope

@Suite("CODES files")
struct CodingSheetTests {
    func parse(_ text: String, group: String? = nil) throws -> CodingSheet {
        try CodingSheet.parse(Array(text.utf8), path: "codes.csv", group: group)
    }

    @Test("CSV with quoted fields: delimiters, doubled quotes and line breaks inside quotes")
    func quotedCSV() throws {
        let sheet = try parse(#"""
        id,title,label
        "xinhua/a","Steel, rare earths and ""dominance""",Celebratory
        reex/b,"two
        lines",THREAT
        wire/c,plain,strategic-threat
        """#)
        #expect(sheet.delimiter == ",")
        #expect(sheet.codes.map(\.id) == ["xinhua/a", "reex/b", "wire/c"])
        #expect(sheet.codes.map(\.label) == [.celebratory, .strategicThreat, .strategicThreat])
        // The record with a line break inside quotes starts on line 3; the next one on line 5.
        #expect(sheet.codes.map(\.line) == [2, 3, 5])
        #expect(sheet.coders == [""])
    }

    @Test("TSV with a BOM, CRLF line ends, a coder and a group column, blank and NA labels")
    func tsvBOMCRLF() throws {
        let text = "ID\tLabel\tcoder\tgroup\r\na\tmixed\tann\tEN\r\na\tneutral\tbo\tEN\r\n\r\nb\tNA\tann\tZH\r\nb\t\tbo\tZH\r\nc\tcelebratory\tbo\tZH\r\n"
        let sheet = try CodingSheet.parse([0xEF, 0xBB, 0xBF] + Array(text.utf8), path: "codes.tsv")
        #expect(sheet.delimiter == "\t")
        #expect(sheet.codes.map(\.id) == ["a", "a", "c"])
        #expect(sheet.codes.map(\.label) == [.mixed, .neutral, .celebratory])
        #expect(sheet.codes.map(\.coder) == ["ann", "bo", "bo"])
        #expect(sheet.codes.map(\.group) == ["EN", "EN", "ZH"])
        #expect(sheet.codes.map(\.line) == [2, 3, 7])
        #expect(sheet.uncoded == 2)
        #expect(sheet.groupColumn == "group")
        #expect(sheet.coders == ["ann", "bo"])
    }

    @Test("UTF-16 with a BOM (Excel's Unicode text) and semicolon CSV")
    func utf16AndSemicolons() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "id\tlabel\n包钢/一\tthreat\n".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let sheet = try CodingSheet.parse(bytes, path: "codes.txt")
        #expect(sheet.codes.map(\.id) == ["包钢/一"] && sheet.codes[0].label == .strategicThreat)
        let semicolons = try parse("id;label;note\nx;neutral;\"a; b\"\n")
        #expect(semicolons.delimiter == ";" && semicolons.codes.map(\.label) == [.neutral])
    }

    @Test("an unknown label is an error naming the file and line")
    func unknownLabel() throws {
        #expect(throws: ValidateError.codes(path: "codes.csv", line: 3,
                                            message: "unknown label 'positive' for id 'b'; use celebratory, strategic-threat (or threat), mixed or neutral")) {
            try parse("id,label\na,mixed\nb,positive\n")
        }
        let error = #expect(throws: ValidateError.self) { try parse("id,label\na,mixed\nb,positive\n") }
        #expect(error?.description.hasPrefix("codes.csv:3: unknown label 'positive'") == true)
    }

    @Test("header, duplicate, group and quoting problems are errors with their line")
    func problems() throws {
        func line(_ text: String) -> Int? {
            guard case .codes(_, let line, _)? = #expect(throws: ValidateError.self, performing: { try parse(text) }) else { return nil }
            return line
        }
        #expect(line("doc,label\na,mixed\n") == 1)           // no id column
        #expect(line("id label\na mixed\n") == 1)            // one column
        #expect(line("id,label\na,mixed\na,neutral\n") == 3) // coded twice without a coder column
        #expect(line("id,label,coder\na,mixed,x\nb,mixed,x\na,neutral,x\n") == 4)
        #expect(line("id,label,coder,group\na,mixed,x,g1\na,mixed,y,g2\n") == 3)
        #expect(line("id,label\na,\"mixed\nb,neutral\n") == 2)  // a quote never closed
        #expect(line("id,label\na\n") == 2)                   // too few fields
        #expect(line("id,label\na,mixed,extra\n") == 2)       // too many
    }

    @Test("--group picks another column")
    func groupColumn() throws {
        let sheet = try parse("id,label,outlet\na,mixed,x\n", group: "Outlet")
        #expect(sheet.groupColumn == "outlet" && sheet.codes[0].group == "x")
        #expect(try parse("id,label,outlet\na,mixed,x\n").groupColumn == nil)
    }
}
