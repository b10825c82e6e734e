import Testing
@testable import Framescope

@Suite("PhraseMatcher")
struct PhraseMatcherTests {
    /// The single-start lookups against the document-wide walk they must agree with: at every
    /// start, `matches(at:)` is the walk's matches from there, and `longestMatch` the first of
    /// the longest of them.
    @Test("matches at one start and the longest agree with the whole walk", arguments: [
        "10 t/h and 10 tons, 10 tonnes per hour", "1750万吨 90万吨/年 5亿元", "Ｔｏｎｓ 10-ton t", "", "吨吨 万 万吨𠀋",
    ])
    func singleStart(text: String) throws {
        let folder = try Folder()
        var m = PhraseMatcher()
        for (k, phrase) in ["t", "tons", "ton", "tonnes", "tonnes per hour", "t/h", "万吨", "吨", "亿元", "ton*", "万*"].enumerated() {
            _ = m.add(phrase, payload: Int32(k), folder: folder)
        }
        m.compact()
        let folded = folder.fold(DocumentText(text))
        let all = m.allMatches(in: folded)
        for f in 0..<folded.scalars.count {
            var here: [PhraseMatcher.Match] = []
            m.matches(at: f, in: folded, into: &here)
            let expected = PhraseMatcher.isStart(folded, f) ? all.filter { $0.start == f } : here
            #expect(here == expected, "at \(f)")
            let longest = here.max { $0.end < $1.end }
            #expect(m.longestMatch(at: f, in: folded) == longest, "at \(f)")
            // A limit cuts off every longer match.
            var limited: [PhraseMatcher.Match] = []
            m.matches(at: f, in: folded, limit: min(folded.scalars.count, f + 2), into: &limited)
            #expect(limited.allSatisfy { $0.end <= f + 2 })
        }
    }
}
