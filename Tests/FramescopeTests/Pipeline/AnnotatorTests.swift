import Testing
@testable import Framescope

@Suite("Annotator")
struct AnnotatorTests {
    /// Records the order of the laps instead of times, so the test cannot depend on timing.
    struct LapRecorder: StageClock {
        var laps: [AnnotateStage] = []
        var marks = 0
        func start() -> Int { 0 }
        mutating func lap(_ stage: AnnotateStage, _ mark: inout Int) {
            laps.append(stage)
            mark += 1
            marks = mark
        }
    }

    @Test("a timed annotate laps every stage once, in pipeline order, and annotates exactly as the plain call", arguments: [
        "", "Baogang is not a threat, but dominance. 包鋼集團的輝煌：1750万吨。\n\nＢＡＯＧＡＮＧ 𠀋 800,000 tons.",
    ])
    func timedAnnotate(text: String) throws {
        let annotator = try Annotator(lexicons: BundledLexicons.shared)
        let source = SourceDocument(id: "d", path: "d.txt", text: text, metadata: DocumentMetadata(), sha256: String(repeating: "0", count: 64))
        var recorder = LapRecorder()
        let timed = annotator.annotate(source, clock: &recorder)
        #expect(recorder.laps == AnnotateStage.allCases)
        #expect(recorder.marks == AnnotateStage.allCases.count)
        let context = DocumentJSON.Context(toolVersion: "test", lexiconHash: "test")
        #expect(DocumentJSON.encode(timed, context: context) == DocumentJSON.encode(annotator.annotate(source), context: context))
        var times = StageTimes()
        _ = annotator.annotate(source, clock: &times)
        #expect(AnnotateStage.allCases.allSatisfy { times[$0] >= 0 })
    }

    @Test("a document whose short forms start with more than 32,767 different characters is annotated (it stopped the whole run)")
    func manyShortFormGroups() throws {
        // 39,472 firm names, each starting with another ideograph (the CJK block, Extension A,
        // part of Extension B), give more than 32,767 groups of short forms (one per first
        // character; about one name in twelve gives none) before the one English firm's, whose
        // group number had to fit 16 bits: the run stopped with a trap.
        let starts = Array(0x4E00..<0x9FA0) + Array(0x3400..<0x4DB0) + Array(0x20000..<0x20000 + 12_000)
        var text = ""
        for c in starts { text += String(UnicodeScalar(UInt32(c))!) + "联金属新材料科技集团宣布增产。\n" }
        text += "Zed Corp said it would buy magnets. Later, Zed said more."
        let annotator = try Annotator(lexicons: BundledLexicons.shared)
        let doc = annotator.annotate(SourceDocument(id: "d", path: "d.txt", text: text, metadata: DocumentMetadata(), sha256: String(repeating: "0", count: 64)))
        let zed = doc.entities.filter { doc.text.substring(utf16: $0.utf16Start..<$0.utf16End) == "Zed" }
        #expect(zed.map(\.source) == [.shortForm])
        #expect(doc.entities.count { $0.source == .pattern && $0.type == .company } > 32_767)
    }
}
