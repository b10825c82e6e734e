import Foundation
import Testing
@testable import Framescope

@Suite("CombinedMatcher")
struct CombinedMatcherTests {
    /// Each lexicon's matches from the one walk must be its own matcher's, in the same order.
    static func expectSame(_ text: String, _ lex: Lexicons, _ matcher: CombinedMatcher, folder: Folder,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let folded = folder.fold(DocumentText(text))
        let all = matcher.allMatches(in: folded)
        #expect(all.entities == lex.entities.matcher.allMatches(in: folded), sourceLocation: sourceLocation)
        #expect(all.cues == lex.framing.cueMatcher.allMatches(in: folded), sourceLocation: sourceLocation)
        #expect(all.modifiers == lex.framing.modifierMatcher.allMatches(in: folded), sourceLocation: sourceLocation)
    }

    @Test("one key in several lexicons, globs beside exact keys, prefixes of each other")
    func sharedKeys() throws {
        let lex = try TemporaryLexicons([
            "entities/test.tsv": """
            id\ttype\tcanonical\tsurface\tlang
            material:rare-earths\tmaterial\trare earths\trare earth\ten
            material:rare-earths\tmaterial\trare earths\t稀土\tzh
            company:dominance\tcompany\tDominance Ltd\tdominance\ten
            place:ganzhou\tplace\tGanzhou\t赣州\tzh

            """,
            "framing/cues.tsv": """
            cue\tframe\tweight\tlang\tnote
            dominan*\tstrategic-threat\t1\ten\t
            dominance\tstrategic-threat\t1\ten\t
            rare earth dominance\tstrategic-threat\t1\ten\t
            垄断\tstrategic-threat\t1\tzh\t
            稀土强国\tcelebratory\t1\tzh\t

            """,
            "modifiers.tsv": "cue\tkind\tfactor\tscope\nnot\tnegator\t-1\tnext:3\n稀土\tintensifier\t1.5\tsentence\n",
        ]).load()
        let matcher = CombinedMatcher(lexicons: lex)
        let folder = try Folder()
        let text = "China's rare-earth dominance is not dominant everywhere. 赣州稀土强国，打破垄断。Dominance, dominantly."
        Self.expectSame(text, lex, matcher, folder: folder)
        let all = matcher.allMatches(in: folder.fold(DocumentText(text)))
        // The counts pin that the lexicons' matches were found at all, not just equally missed.
        #expect(all.entities.count == 5 && all.cues.count == 9 && all.modifiers.count == 2,
                "\(all.entities.count) \(all.cues.count) \(all.modifiers.count)")
    }

    @Test("the bundled lexicons on the development texts and mixed literals")
    func bundled() throws {
        let lex = BundledLexicons.shared
        let matcher = CombinedMatcher(lexicons: lex)
        let folder = try Folder()
        let folderPath = Repository.path("Tests/DevSet/texts")
        let names = try FileManager.default.contentsOfDirectory(atPath: folderPath).sorted()
        #expect(names.count >= 20)
        for name in names {
            let text = try String(contentsOfFile: folderPath + "/" + name, encoding: .utf8)
            Self.expectSame(text, lex, matcher, folder: folder)
        }
        for text in ["", " ", "包鋼集團的稀土產業不是𠀋壟斷", "ＢＡＯＧＡＮＧ dominates; not the West's", "e\u{301}稀土-rare-earth"] {
            Self.expectSame(text, lex, matcher, folder: folder)
        }
    }
}
