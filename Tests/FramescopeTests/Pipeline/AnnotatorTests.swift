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
}
