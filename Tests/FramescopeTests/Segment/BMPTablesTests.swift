import Foundation
import Testing
@testable import Framescope

/// The BMP tables decoded from the generated source must be the ones the Unicode properties
/// give, for every code point, and the checked-in source must be what the generator writes now.
@Suite struct BMPTablesTests {
    @Test func nonWordKindOfEveryBMPCodePointIsComputedKind() {
        let table = Tokenizer.nonWordKindBMP
        #expect(table.count == 0x10000)
        var differ: [String] = []
        for c in 0..<0x10000 {
            let expected: UInt8 = switch Tokenizer.computeNonWordKind(UInt32(c)) {
            case nil: 0
            case .punctuation?: 1
            default: 2
            }
            if table[c] != expected { differ.append("U+\(String(c, radix: 16, uppercase: true))") }
        }
        #expect(differ.prefix(10) == [], "\(differ.count) code points differ: run `swift run framescope-bench unicode-tables`")
    }

    @Test func spacedWordOfEveryBMPCodePointIsComputed() {
        let table = ScriptClass.spacedWordBMP
        #expect(table.count == 0x10000)
        var differ: [String] = []
        for c in 0..<0x10000 where table[c] != ScriptClass.computeSpacedWordChar(UInt32(c)) {
            differ.append("U+\(String(c, radix: 16, uppercase: true))")
        }
        #expect(differ.prefix(10) == [], "\(differ.count) code points differ: run `swift run framescope-bench unicode-tables`")
        #expect(ScriptClass.isSpacedWordChar(0x00E9) && !ScriptClass.isSpacedWordChar(0x4E2D) && !ScriptClass.isSpacedWordChar(0x3002))
        #expect(Tokenizer.nonWordKind(0x3002) == .punctuation && Tokenizer.nonWordKind(0x20) == nil && Tokenizer.nonWordKind(0x24) == .symbol)
    }

    @Test func checkedInSourceIsTheGeneratorsOutput() throws {
        let path = Repository.path("Sources/Framescope/Segment/BMPTables.swift")
        let onDisk = try String(contentsOfFile: path, encoding: .utf8)
        #expect(onDisk == BMPTableCoding.generatedSource(), "run `swift run framescope-bench unicode-tables`")
    }

    @Test func runLengthTextRoundTrips() {
        var table = [UInt8](repeating: 0, count: 0x10000)
        for c in 0..<0x10000 { table[c] = UInt8((c / 7 + c / 1000) % 3) }
        let text = BMPTableCoding.encode(table)
        let decoded = BMPTableCoding.decodeBytes(Array(text.utf8))
        #expect(decoded == table)
    }
}
