import Foundation
import Testing
@testable import Framescope

/// The word model (`learned.tsv`, `lexicon train`): features read as the tokenizer folds them,
/// a lean computed by hand, its place in the label rule, and a training run on literal examples.
/// Every text was written for these tests.
@Suite("Learned lean")
struct LearnedLeanTests {
    static let cues = FramingHarness.lexicon(
        celebratory: "record high\tcelebratory\t1\ten\t-\n创新高\tcelebratory\t1\tzh\t-",
        threat: "leverage\tstrategic-threat\t1\ten\t-\n依赖\tstrategic-threat\t1\tzh\t-",
        modifiers: "said\tattribution\t0.5\tclause\nwe expect\tanalysis\t0.4\tdocument")

    /// A model file; rows are `feature idf lean`, with a framed weight of 0 unless they give one.
    static func model(_ rows: String, intercept: Double = 0, scale: Double = 2, framedIntercept: Double = -1) -> String {
        let body = rows.split(separator: "\n").map { $0.split(separator: "\t").count == 3 ? $0 + "\t0" : String($0) }.joined(separator: "\n")
        return "feature\tidf\tlean\tframed\n(intercept)\t-\t\(intercept)\t\(framedIntercept)\n(scale)\t-\t\(scale)\t-\n" + body + "\n"
    }

    func annotate(_ s: String, model: String, _ change: (inout FramingOptions) -> Void = { _ in }) throws -> AnnotatedDocument {
        var files = Self.cues
        files["learned.tsv"] = model
        return try FramingHarness.annotate(s, lexicon: files, options: FramingHarness.options(change))
    }

    @Test("the lean is scale × (w·tf·idf / ‖tf·idf‖ + intercept), computed by hand")
    func handComputed() throws {
        // steel: tf 2, idf 1 → 2; rose: tf 2, idf 2 → 4; ‖v‖ = √20; w·v = 1·2 − 1·4 = −2.
        let doc = try annotate("Steel output rose. Steel exports rose.", model: Self.model("steel\t1\t1\nrose\t2\t-1", intercept: 0.1))
        let learned = try #require(doc.framing.learned)
        let score = -2 / 20.0.squareRoot() + 0.1
        #expect(abs(learned.score - score) < 1e-12)
        #expect(abs(learned.lean - 2 * score) < 1e-12)
        // Weighted: 6 × P(framed) (the framed log-odds are the intercept, −1) × 6 of 150 tokens.
        let weight = 6 * (1 / (1 + exp(1.0))) * (6.0 / 150)
        #expect(abs(learned.weight - weight) < 1e-12)
        #expect(abs(doc.framing.learnedLean - 2 * score * weight) < 1e-12)
        // The words that moved it, largest share first; their shares and the intercept's add up.
        #expect(learned.words.map(\.feature) == ["rose", "steel"])
        #expect(learned.words.map(\.count) == [2, 2])
        let sum = learned.words.reduce(0) { $0 + $1.contribution } + 2 * 0.1
        #expect(abs(sum - learned.lean) < 1e-12)
        // The cue totals are the cues' alone.
        #expect(doc.framing.celebratory == 0 && doc.framing.strategicThreat == 0)
        FramingHarness.expectTotalsAddUp(doc)
    }

    @Test("the lean's weight is the learned weight, times P(framed), times the share of a full-length text")
    func weight() throws {
        let model = Self.model("steel\t1\t1\nrose\t1\t0\t0.5", framedIntercept: 1)
        let text = "Steel output rose. Steel exports rose."  // 6 content tokens; framed = 1 + 0.5 × 2/√8
        let framed = 1 + 0.5 * 2 / 8.0.squareRoot()
        let p = 1 / (1 + exp(-framed))
        func lean(_ change: (inout FramingOptions) -> Void) throws -> (Double, LearnedLean) {
            let doc = try annotate(text, model: model, change)
            let l = try #require(doc.framing.learned)
            #expect(abs(doc.framing.learnedLean - l.lean * l.weight) < 1e-12)
            return (l.weight, l)
        }
        let (plain, l) = try lean { $0.learnedWeight = 1; $0.learnedGate = false; $0.learnedFullTokens = 0 }
        #expect(plain == 1 && abs(l.framed - framed) < 1e-12)
        #expect(abs(try lean { $0.learnedWeight = 1; $0.learnedFullTokens = 0 }.0 - p) < 1e-12)
        #expect(abs(try lean { $0.learnedWeight = 4; $0.learnedGate = false; $0.learnedFullTokens = 12 }.0 - 4 * 0.5) < 1e-12)
        #expect(abs(try lean { $0.learnedFullTokens = 3 }.0 - 6 * p) < 1e-12, "longer than the full length: no ramp")
        // The defaults: 6 × P(framed) × 6/150.
        #expect(abs(try lean { _ in }.0 - 6 * p * 6 / 150) < 1e-12)
    }

    @Test("a one-line text is labelled by its cues, not by a few words' lean, in either language")
    func shortText() throws {
        // Function words with a heavy celebratory weight, as a confounded model might learn them.
        let model = Self.model("的\t1\t-2\nthe\t1\t-2\n依赖\t1\t-1\nleverage\t1\t-1", framedIntercept: 3)
        let zh = try annotate("这是对稀土的依赖，依赖，依赖。", model: model)
        #expect(zh.framing.learnedLean < 0 && zh.framing.strategicThreat > 0)
        #expect(zh.framing.label == .strategicThreat)
        let en = try annotate("This is the leverage, the leverage, the leverage.", model: model)
        #expect(en.framing.label == .strategicThreat)
        // Without the length ramp the same lean outweighs the cue.
        #expect(try annotate("这是对稀土的依赖，依赖，依赖。", model: model) { $0.learnedFullTokens = 0 }.framing.label == .celebratory)
    }

    @Test("Traditional, full-width and upper-case words meet the folded feature; numbers are one feature")
    func folding() throws {
        let model = Self.model("垄断\t2\t1.5\n(number)\t1\t-3\nmagnet\t1\t1")
        // One feature: score = w (the vector has length idf, its one part idf).
        let hant = try #require(try annotate("壟斷", model: model).framing.learned)
        #expect(abs(hant.score - 1.5) < 1e-12)
        let wide = try #require(try annotate("ＭＡＧＮＥＴ", model: model).framing.learned)
        #expect(abs(wide.score - 1) < 1e-12)
        // 5 and ５ and 2024 are all `(number)`: tf 3, one feature.
        let numbers = try #require(try annotate("Output rose 5 times, ５ times in 2024.", model: model).framing.learned)
        #expect(numbers.words.map(\.feature) == ["(number)"] && numbers.words[0].count == 3)
        #expect(abs(numbers.score + 3) < 1e-12)
        // An astral character in the text does not shift the match.
        let astral = try #require(try annotate("𠀋 magnet", model: model).framing.learned)
        #expect(astral.words.map(\.feature) == ["magnet"])
    }

    @Test("no model, no known word, or weight 0: no lean")
    func noLean() throws {
        #expect(try FramingHarness.annotate("Steel rose.", lexicon: Self.cues, options: FramingHarness.options()).framing.learned == nil)
        let unknown = try annotate("Nothing here matches.", model: Self.model("steel\t1\t1"))
        #expect(unknown.framing.learned == nil && unknown.framing.learnedLean == 0)
        let off = try annotate("Steel rose.", model: Self.model("steel\t1\t1")) { $0.learnedWeight = 0 }
        #expect(off.framing.learned == nil && off.framing.learnedLean == 0)
    }

    @Test("boilerplate sentences are not read")
    func boilerplate() throws {
        let model = Self.model("steel\t1\t1\nshare\t1\t-5\narticle\t1\t-5\ncopyright\t1\t-5")
        let doc = try annotate("Steel output rose in May.\nShare this article\nCopyright 2024 Steel Daily", model: model)
        #expect(try #require(doc.framing.learned).words.map(\.feature) == ["steel"])
    }

    @Test("the lean steers the direction, never whether a text is framed")
    func labelRule() {
        let options = FramingOptions()
        // No cues: neutral however strong the lean.
        let bare = FramingScorer.documentFraming(FramingTotals(celebratory: 0, strategicThreat: 0, tokens: 200, cues: 0, sentences: 10,
                                                               learnedLean: 5), options: options)
        #expect(bare.label == .neutral)
        // Cues tied (3 against 3, both sides leaning in 3 sentences): mixed without a lean; a
        // threat lean of 3 gives direction (6 − 3)/(6 + 3 + 1) = 0.3.
        let tied = FramingTotals(celebratory: 3, strategicThreat: 3, tokens: 200, cues: 6, sentences: 10,
                                 celebratorySentences: 3, threatSentences: 3)
        #expect(FramingScorer.documentFraming(tied, options: options).label == .mixed)
        var leaning = tied
        leaning.learnedLean = 3
        let framed = FramingScorer.documentFraming(leaning, options: options)
        #expect(abs(framed.direction - 0.3) < 1e-12)
        #expect(framed.label == .strategicThreat)
        #expect(framed.celebratory == 3 && framed.strategicThreat == 3 && framed.learnedLean == 3)
        // A celebratory lean the other way.
        leaning.learnedLean = -3
        #expect(FramingScorer.documentFraming(leaning, options: options).label == .celebratory)
        // Too few cues (mass 1.5 < 2.5): neutral, unless the framed model reads the words as
        // clearly framed (log-odds ≥ 2); then the side the evidence leans to, with confidence 0.25.
        var thin = FramingTotals(celebratory: 1.5, strategicThreat: 0, tokens: 200, cues: 2, sentences: 10,
                                 celebratorySentences: 1, learnedLean: -1, learnedFramed: -0.5)
        #expect(FramingScorer.documentFraming(thin, options: options).label == .neutral)
        thin.learnedFramed = 1.9  // framed rather than not, but not clearly: still neutral
        #expect(FramingScorer.documentFraming(thin, options: options).label == .neutral)
        var lenient = options
        lenient.learnedFramedThreshold = 1.5
        #expect(FramingScorer.documentFraming(thin, options: lenient).label == .celebratory)
        thin.learnedFramed = 2
        let rescued = FramingScorer.documentFraming(thin, options: options)
        #expect(rescued.label == .celebratory && rescued.confidence == 0.25)
        // A calibrated polar threshold still governs: |direction| = 2.5 / 3.5 = 0.71 clears 0.1, not 1.
        var strict = options
        strict.polarThreshold = 1
        #expect(FramingScorer.documentFraming(thin, options: strict).label == .neutral)
        thin.learnedLean = 3  // the words lean the other way, more than the cues: (3 − 1.5) / 5.5
        #expect(FramingScorer.documentFraming(thin, options: options).label == .strategicThreat)
    }

    @Test("threat cues in a text whose words read as unframed make it neutral, with a balance shrunk by P(framed); celebratory cues do not")
    func unframed() throws {
        let options = FramingOptions()
        // Threat cues enough to be framed (mass 6 in 3 of 10 sentences); the words read unframed.
        var threat = FramingTotals(celebratory: 0, strategicThreat: 6, tokens: 200, cues: 4, sentences: 10,
                                   threatSentences: 3, learnedLean: 0, learnedFramed: 0.5)
        let framed = FramingScorer.documentFraming(threat, options: options)
        #expect(framed.label == .strategicThreat && framed.unframed == 1)
        threat.learnedFramed = -1
        let debunk = FramingScorer.documentFraming(threat, options: options)
        // P(framed) = 1 / (1 + e) against 1/2 at the threshold 0.
        let factor = 2 / (1 + exp(1.0))
        #expect(debunk.label == .neutral && debunk.confidence == 0.25)
        #expect(abs(debunk.unframed - factor) < 1e-12)
        #expect(abs(debunk.balance - framed.balance * factor) < 1e-12)
        #expect(abs(debunk.balance - debunk.direction * debunk.coverage * debunk.strength * debunk.unframed) < 1e-12)
        // The same mass on the celebratory side stays celebratory: understated celebration reads unframed too.
        let quiet = FramingTotals(celebratory: 6, strategicThreat: 0, tokens: 200, cues: 4, sentences: 10,
                                  celebratorySentences: 3, learnedLean: 0, learnedFramed: -1)
        #expect(FramingScorer.documentFraming(quiet, options: options).label == .celebratory)
        // Off, or no model: the cues decide.
        var off = options
        off.learnedUnframedThreshold = -.infinity
        #expect(FramingScorer.documentFraming(threat, options: off).label == .strategicThreat)
        threat.learnedFramed = nil
        #expect(FramingScorer.documentFraming(threat, options: options).label == .strategicThreat)
    }

    @Test("end to end, in both languages: threat words in text the model reads as unframed come out neutral")
    func unframedText() throws {
        let unframedModel = Self.model("leverage\t1\t0\n依赖\t1\t0", framedIntercept: -1)
        let framedModel = Self.model("leverage\t1\t0\n依赖\t1\t0", framedIntercept: 1)
        for text in ["Leverage, leverage. Leverage again. Leverage.", "依赖加深。依赖，依赖。依赖仍在。"] {
            let doc = try annotate(text, model: unframedModel)
            #expect(doc.framing.strategicThreat > 2.5)
            #expect(doc.framing.label == .neutral && doc.framing.unframed < 1, "\(text)")
            #expect(try annotate(text, model: framedModel).framing.label == .strategicThreat, "\(text)")
        }
    }

    @Test("a text too thin in cues takes its side when the words read as framed, unless a layer says it is not framed")
    func framedRescue() throws {
        let model = Self.model("leverage\t1\t1\nprices\t1\t0", framedIntercept: 2)
        let thin = try annotate("Leverage grew. Prices held.", model: model)
        #expect(thin.framing.celebratory + thin.framing.strategicThreat < 2.5)
        #expect(thin.framing.label == .strategicThreat && thin.framing.confidence == 0.25)
        // The analysis register (markers in two of the author's sentences) is explicit evidence
        // that the text reports rather than frames: it stays neutral.
        let analysis = try annotate("We expect leverage to grow. We expect prices to hold.", model: model)
        #expect(analysis.cues.contains { $0.modifiers.contains { $0.kind == "analysis" } })
        #expect(analysis.framing.label == .neutral)
        // And a framed score below 0 leaves a thin text neutral.
        let quiet = try annotate("Leverage grew. Prices held.", model: Self.model("leverage\t1\t1\nprices\t1\t0", framedIntercept: -2))
        #expect(quiet.framing.label == .neutral)
    }

    @Test("the totals read back from JSON carry the lean, so validate --calibrate relabels alike")
    func totalsFromJSON() throws {
        let doc = try annotate("Leverage grew. Leverage grew again. The record high was no comfort.",
                               model: Self.model("grew\t1\t2\ncomfort\t1\t1"))
        let bytes = DocumentJSON.encode(doc, context: .init(toolVersion: "t", lexiconHash: "h"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let framing = try #require(object["framing"] as? [String: Any])
        let totals = try #require(FramingTotals(json: framing))
        #expect(abs(totals.learnedLean - doc.framing.learnedLean) < 1e-5)
        #expect(abs(try #require(totals.learnedFramed) - (try #require(doc.framing.learned)).framed) < 1e-5)
        let learned = try #require(framing["learned"] as? [String: Any])
        #expect((learned["words"] as? [[String: Any]])?.first?["feature"] as? String == "grew")
    }

    @Test("training on literal examples: the right signs, cross-validated figures, the same file twice, and the file reads back")
    func training() throws {
        var examples: [LearnedTraining.Example] = []
        for i in 0..<12 {
            examples.append(.init(id: "t\(i)", features: ["the", "leverage", "chokepoint", i % 2 == 0 ? "依赖" : "control"], label: .strategicThreat))
            examples.append(.init(id: "c\(i)", features: ["the", "record", "pride", i % 2 == 0 ? "创新高" : "milestone"], label: .celebratory))
            examples.append(.init(id: "n\(i)", features: ["the", "price", "tonne", i % 2 == 0 ? "报价" : "quoted"], label: .neutral))
        }
        let (model, report) = LearnedTraining.train(examples)
        #expect(report.documents == 36 && report.threat == 12 && report.celebratory == 12 && report.vocabulary == 13)
        #expect(report.auc == 1 && report.accuracy == 1 && report.framedAUC == 1 && report.framedAccuracy == 1)
        #expect(report.scale > 0)
        func weight(_ f: String) -> Double { model.weights[model.features.firstIndex(of: f)!] }
        #expect(weight("leverage") > 0 && weight("依赖") > 0 && weight("record") < 0 && weight("创新高") < 0)
        // The lean is fitted on the polar documents only: a word of the neutral ones gets no lean
        // weight; the framed model reads it as neutral and the cue words of both sides as framed.
        #expect(weight("price") == 0)
        func framed(_ f: String) -> Double { model.framedWeights[model.features.firstIndex(of: f)!] }
        #expect(framed("price") < 0 && framed("报价") < 0 && framed("leverage") > 0 && framed("record") > 0)
        // A word in every document has idf 1 (ln((1+n)/(1+n)) + 1) and says nothing either way.
        #expect(model.idf[model.features.firstIndex(of: "the")!] == 1)
        #expect(abs(weight("the")) < 1e-3)
        let file = model.tsv(comment: ["test"])
        #expect(LearnedTraining.train(examples).0.tsv(comment: ["test"]) == file)
        // Written, loaded as a lexicon file (every feature and both parameters come back) and
        // applied to a text: a threat lean.
        var files = Self.cues
        files["learned.tsv"] = file
        let loaded = try TemporaryLexicons(files).load().framing.learned
        #expect(loaded.features.sorted() == model.features.sorted() && loaded.scale == Double(LearnedModel.format(model.scale)))
        let doc = try annotate("Leverage is a chokepoint.", model: file)
        #expect(try #require(doc.framing.learned).lean > 0)
    }

    @Test("lexicon train end to end: codes and a corpus in, a model file the lexicon loader takes out; bad codes exit non-zero")
    func trainCommand() throws {
        let corpus = try temporaryFolder("train-corpus")
        var codes = "id\tlabel\n"
        for i in 0..<6 {
            try write("Leverage over supply is a chokepoint for the West.\nThe dependence grows.", to: corpus + "/t\(i).txt")
            try write("稀土产业创新高，新项目顺利投产。\n工人们为之自豪。", to: corpus + "/c\(i).txt")
            try write("Spot prices were unchanged at 60 yuan a tonne.\n报价持平。", to: corpus + "/n\(i).txt")
            codes += "t\(i)\tstrategic-threat\nc\(i)\tcelebratory\nn\(i)\tneutral\n"
        }
        try write(codes, to: corpus + "/../codes.tsv")
        let out = try temporaryFolder("train-out")
        let r = try Executable.run(["lexicon", "train", corpus + "/../codes.tsv", corpus, "-o", out + "/learned.tsv"])
        #expect(r.code == 0, Comment(rawValue: r.err))
        #expect(r.out.contains("18 documents (6 strategic-threat, 6 celebratory, 6 neutral or mixed)"))
        var files = Self.cues
        files["learned.tsv"] = try String(contentsOfFile: out + "/learned.tsv", encoding: .utf8)
        let model = try TemporaryLexicons(files).load().framing.learned
        #expect(!model.isEmpty && model.scale > 0)
        // One document coded twice is refused, naming the line; two coders who disagree too.
        try write(codes + "t0\tcelebratory\n", to: corpus + "/../codes.tsv")
        let bad = try Executable.run(["lexicon", "train", corpus + "/../codes.tsv", corpus, "-o", out + "/bad.tsv"])
        #expect(bad.code != 0 && bad.err.contains("coded again"))
        try write("id\tlabel\tcoder\nt0\tstrategic-threat\tA\nt0\tcelebratory\tB\nc0\tcelebratory\tA\n", to: corpus + "/../codes.tsv")
        let split = try Executable.run(["lexicon", "train", corpus + "/../codes.tsv", corpus, "-o", out + "/bad.tsv"])
        #expect(split.code != 0 && split.err.contains("coded both"))
        #expect(!FileManager.default.fileExists(atPath: out + "/bad.tsv"))
    }

    @Test("a model file with a bad number or a repeated feature is refused with its line")
    func badFile() throws {
        var files = Self.cues
        files["learned.tsv"] = Self.model("steel\tx\t1\nsteel\t1\t1\nsteel\t1\t2\nore\t1\t1\tx")
        do {
            _ = try TemporaryLexicons(files).load()
            Issue.record("loaded a bad model file")
        } catch let error as LexiconError {
            let lines = error.issues.filter { $0.file == "learned.tsv" }.map(\.line)
            #expect(lines == [4, 6, 7])
        }
    }
}
