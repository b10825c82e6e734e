import Foundation
import FramescopeICU
import Testing
@testable import Framescope

/// The generated Traditional→Simplified table must fold exactly as ICU's transliterator did in
/// `Folder`, which applied it code point by code point (and to a base with its combining marks):
/// for every code point after NFKC_Casefold, so no key changes and no document's output moves.
@Suite struct TraditionalToSimplifiedTests {
    /// What `Folder` computed with ICU before the table: NFKC_Casefold, then the transliterator
    /// on the whole sequence when it holds Han.
    static func throughICU(_ utf16: [UInt16], _ icu: Transliterator) throws -> [UInt32] {
        var units = try Normalizer.normalize(utf16, .nfkcCasefold)
        if String(decoding: units, as: UTF16.self).unicodeScalars.contains(where: { ScriptClass.isHan($0.value) }) {
            units = try icu.transliterate(units)
        }
        return String(decoding: units, as: UTF16.self).unicodeScalars.map(\.value)
    }

    static func throughTable(_ utf16: [UInt16]) throws -> [UInt32] {
        let units = try Normalizer.normalize(utf16, .nfkcCasefold)
        return Folder.simplify(String(decoding: units, as: UTF16.self).unicodeScalars.map(\.value))
    }

    @Test func everyCodePointFoldsAsThroughICU() throws {
        let icu = try Transliterator(Transliterator.traditionalToSimplified)
        var differ: [String] = []
        var checked = 0
        for c in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(c) else { continue }
            let units = Array(String(scalar).utf16)
            // Only sequences holding Han are transliterated; the rest is checked for being left alone.
            let table = try Self.throughTable(units)
            let expected = try Self.throughICU(units, icu)
            checked += 1
            if table != expected { differ.append("U+\(String(c, radix: 16, uppercase: true))") }
        }
        #expect(checked > 1_100_000)
        #expect(differ.prefix(10) == [], "\(differ.count) code points differ: run `swift run framescope-bench simplified-table`")
    }

    /// A base character with combining marks is folded as one cluster, so the transliterator saw
    /// the two together: every mapped character followed by a mark must come out the same.
    @Test func clustersWithAMarkFoldAsThroughICU() throws {
        let icu = try Transliterator(Transliterator.traditionalToSimplified)
        let differ = try Folder.simplified.keys.sorted().filter { c in
            let units = Array((String(Unicode.Scalar(c)!) + "\u{301}").utf16)
            return try Self.throughTable(units) != Self.throughICU(units, icu)
        }
        #expect(Folder.simplified.count > 2_000)
        #expect(differ.prefix(10) == [])
    }

    /// Folding is character by character, as it was with ICU: ICU's whole-word rules (著名 stays
    /// 著名 when transliterated as a word) never applied, and do not now.
    @Test func foldingIsCharacterByCharacter() throws {
        let folder = try Folder()
        #expect(folder.fold("著名") == "着名")
        #expect(folder.fold("臺灣積體電路製造") == "台湾积体电路制造")
        // ICU maps 「 to “ only in a sequence that holds Han; alone, a corner bracket has none.
        #expect(folder.fold("「稀土」") == "「稀土」")
    }
}
