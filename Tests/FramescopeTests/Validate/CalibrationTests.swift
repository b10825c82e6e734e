import Foundation
import Testing
@testable import Framescope

@Suite("calibration")
struct CalibrationTests {
    @Test("a calibration sets the options it holds and leaves the others at their defaults")
    func apply() {
        var options = FramingOptions()
        options.leadWeighting = false
        FramingCalibration(values: ["polar_threshold": 0.3, "neutral_mass": 1]).apply(to: &options)
        #expect(options.polarThreshold == 0.3 && options.neutralMass == 1)
        #expect(options.smoothing == FramingOptions().smoothing && options.neutralDensity == FramingOptions().neutralDensity)
        #expect(options.leadWeighting == false)
        // Every grid holds its shipped default, so the fit can always keep it.
        for p in FramingCalibration.parameters { #expect(p.grid.contains(p.value(in: FramingOptions())), "\(p.name)") }
        #expect(FramingCalibration.candidates.count == FramingCalibration.parameters.reduce(1) { $0 * $1.grid.count })
    }

    /// `validate --calibrate` relabels documents from the totals in their summary lines; under the
    /// shipped thresholds it must give annotate's own label and balance, also when a notice's
    /// register withheld the word model's framed reading from the label.
    @Test("the totals read back from a summary line give annotate's label and balance, with the framed reading withheld for a notice", arguments: [
        ("关于对部分物项实施出口管制的公告\n\n根据有关规定，现将有关事项公告如下：\n\n一、出口经营者应当办理出口管制许可手续，防范稀土供应链风险。\n\n特此公告。", false),
        ("包钢集团稀土产量再创新高，新产线建成投产，为国家战略资源安全作出了新贡献。", true),
    ])
    func relabelFromSummary(_ text: String, _ framedUsed: Bool) throws {
        let annotator = try Annotator(lexicons: BundledLexicons.shared)
        let doc = annotator.annotate(SourceDocument(id: "d", path: "d.txt", text: text, metadata: DocumentMetadata(),
                                                    sha256: String(repeating: "0", count: 64)))
        let line = try #require(try JSONSerialization.jsonObject(with: Data(DocumentJSON.summaryLine(doc, docPath: "docs/d.json"))) as? [String: Any])
        let framing = try #require(line["framing"] as? [String: Any])
        let learned = try #require(framing["learned"] as? [String: Any])
        #expect(learned["framed_used"] as? Bool == framedUsed)
        let totals = try #require(FramingTotals(json: framing))
        #expect((totals.learnedFramed != nil) == framedUsed)
        #expect((doc.framing.totals.learnedFramed != nil) == framedUsed)
        let relabelled = FramingScorer.documentFraming(totals, options: FramingOptions())
        #expect(relabelled.label == doc.framing.label)
        #expect(abs(relabelled.balance - doc.framing.balance) < 1e-5)  // the JSON keeps six digits
    }

    @Test("the file round-trips; a hand-written one needs only schema and values")
    func file() throws {
        var c = FramingCalibration(values: ["polar_threshold": 0.15, "smoothing": 2], documents: 40, folds: 5)
        c.crossValidated["accuracy"] = .init(value: 0.8, ciLow: 0.7, ciHigh: 0.9, n: 40)
        let bytes = c.encoded()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"schema\" : \"framescope.calibration/1\""))
        #expect(text.contains("\"cross_validated\""))
        #expect(try FramingCalibration.decode(bytes, path: "c.json") == c)
        let minimal = try FramingCalibration.decode(Array(#"{"schema": "framescope.calibration/1", "values": {"neutral_density": 3}}"#.utf8), path: "m.json")
        #expect(minimal.neutralDensity == 3 && minimal.polarThreshold == nil)
    }

    @Test("a bad calibration file is an error naming the file and what is wrong", arguments: [
        ("not json", "not a JSON object"),
        (#"{"schema": "framescope.document/1", "values": {}}"#, "\"schema\" is 'framescope.document/1'"),
        (#"{"schema": "framescope.calibration/1"}"#, "missing 'values'"),
        (#"{"schema": "framescope.calibration/1", "values": {"polar_treshold": 0.2}}"#, "unknown parameter 'polar_treshold'"),
        (#"{"schema": "framescope.calibration/1", "values": {"polar_threshold": 3}}"#, "polar_threshold = 3.0 is outside"),
        (#"{"schema": "framescope.calibration/1", "values": {"smoothing": "one"}}"#, "values.smoothing"),
    ])
    func badFile(_ text: String, _ message: String) {
        let error = #expect(throws: ValidateError.self) { try FramingCalibration.decode(Array(text.utf8), path: "cal.json") }
        #expect(error?.description.hasPrefix("cal.json: ") == true)
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }

    @Test("the settings hash changes with any scoring setting and with a calibration")
    func settingsHash() {
        let base = FramingOptions()
        var calibrated = base
        FramingCalibration(values: ["polar_threshold": 0.2]).apply(to: &calibrated)
        var noLead = base
        noLead.leadWeighting = false
        #expect(base.settingsHash == FramingOptions().settingsHash)
        #expect(Set([base.settingsHash, calibrated.settingsHash, noLead.settingsHash]).count == 3)
        #expect(base.settingsHash.count == 64)
    }

    /// 60 documents whose coded labels follow thresholds unlike the shipped ones, with every
    /// seventh label flipped (coder noise the fit can overfit to).
    static func sample() -> (AnnotationSet, String) {
        var documents: [AnnotationSet.Document] = []
        var codes = "id,label\n"
        let labels: [FramingLabel] = [.celebratory, .strategicThreat, .mixed, .neutral]
        for i in 0..<60 {
            let c = Double((i * 7) % 11), t = Double((i * 5) % 9) + 0.5
            let id = "doc-\(i)"
            documents.append(ValidationTests.document(id, c: c, t: t, tokens: 150 + (i * 37) % 300))
            let balance = (t - c) / (c + t + 2)
            var gold: FramingLabel = c + t < 4 ? .neutral : balance >= 0.25 ? .strategicThreat : balance <= -0.25 ? .celebratory : .mixed
            if i % 7 == 3 { gold = labels[(labels.firstIndex(of: gold)! + 1) % 4] }
            codes += "\(id),\(gold.rawValue)\n"
        }
        return (ValidationTests.annotations(documents), codes)
    }

    @Test("--calibrate reports cross-validated figures: each document labelled by thresholds fitted on the other folds")
    func crossValidated() throws {
        let (set, codes) = Self.sample()
        var options = ValidationOptions()
        options.calibrate = true
        options.bootstrap = 100
        let r = try Validation.run(codes: try ValidationTests.sheet(codes), annotations: set, options: options)
        let calibration = try #require(r.calibration)
        #expect(calibration.documents == 60 && calibration.folds == 5 && calibration.foldValues.count == 5)
        // Recompute the cross-validation by hand: fit on four folds, label the fifth.
        let sheet = try ValidationTests.sheet(codes)
        let gold = Dictionary(uniqueKeysWithValues: sheet.codes.map { ($0.id, $0.label) })
        var cvGold: [Int] = [], cvLabels: [Int] = []
        for f in 0..<5 {
            let training = set.order.filter { Calibrator.fold(of: $0, folds: 5) != f }
                .map { Calibrator.Example(totals: set.documents[$0]!.totals, gold: gold[$0]!) }
            var options = FramingOptions()
            Calibrator.fit(training).apply(to: &options)
            for id in set.order where Calibrator.fold(of: id, folds: 5) == f {
                cvGold.append(Validation.index(gold[id]!))
                cvLabels.append(Validation.index(FramingScorer.documentFraming(set.documents[id]!.totals, options: options).label))
            }
        }
        let cvF1 = Agreement.macroF1(cvGold, cvLabels, categories: 4)
        #expect(r.figure("cross-validated", "macro_f1")?.value == cvF1)
        #expect(r.figure("cross-validated", "accuracy")?.value == Agreement.accuracy(cvGold, cvLabels))
        // In-sample: the final thresholds on the documents they were fitted to. Better than the
        // cross-validated figure, and never the one reported.
        var fitted = FramingOptions()
        calibration.apply(to: &fitted)
        let inSample = set.order.map { Validation.index(FramingScorer.documentFraming(set.documents[$0]!.totals, options: fitted).label) }
        let allGold = set.order.map { Validation.index(gold[$0]!) }
        let inSampleF1 = Agreement.macroF1(allGold, inSample, categories: 4)
        #expect(inSampleF1 > cvF1 + 0.01, "in-sample \(inSampleF1) vs cross-validated \(cvF1)")
        #expect(calibration.crossValidated["macro_f1"]?.value == cvF1)
        #expect(!r.figures.contains { $0.value == inSampleF1 && $0.measure == "macro_f1" })
        // The fit moves the thresholds towards the coders' (0.25 rather than the shipped 0.1).
        #expect(calibration.polarThreshold != FramingOptions().polarThreshold)
        // The shipped labels are reported beside, under their own scope.
        #expect(r.figure("framescope", "macro_f1") != nil)
    }

    @Test("folds depend on the id only")
    func folds() {
        let ids = (0..<200).map { "feed/\($0)" }
        let counts = (0..<5).map { f in ids.count { Calibrator.fold(of: $0, folds: 5) == f } }
        #expect(counts.allSatisfy { $0 >= 25 }, "\(counts)")
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c, which is 1 mod 5 (computed apart, in Python).
        #expect(Calibrator.fold(of: "a", folds: 5) == 1)
        #expect(Calibrator.fold(of: "xinhua/0001", folds: 5) == 0 && Calibrator.fold(of: "包钢", folds: 5) == 1)
    }
}
