import Foundation
import Testing
@testable import Framescope

@Suite("validate")
struct ValidationTests {
    /// An annotated document whose label and balance come from the label rule under the shipped
    /// options, as annotate would have written them.
    static func document(_ id: String, c: Double, t: Double, tokens: Int = 200, source: String = "wire") -> AnnotationSet.Document {
        let totals = FramingTotals(celebratory: c, strategicThreat: t, tokens: tokens, cues: Int(c + t))
        let framing = FramingScorer.documentFraming(totals, options: FramingOptions())
        return AnnotationSet.Document(id: id, metadata: ["source": source, "title": "Title \(id)"], label: framing.label,
                                      balance: framing.balance, totals: totals)
    }

    static func annotations(_ documents: [AnnotationSet.Document]) -> AnnotationSet {
        AnnotationSet(path: "documents.jsonl", documents: Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) }),
                      order: documents.map(\.id), duplicates: [])
    }

    static func sheet(_ text: String) throws -> CodingSheet { try CodingSheet.parse(Array(text.utf8), path: "codes.csv") }

    /// Twelve documents: six lean celebratory, six threat; the coder disagrees on two.
    static let twelve: AnnotationSet = annotations([
        document("c1", c: 8, t: 0), document("c2", c: 6, t: 1), document("c3", c: 5, t: 2), document("c4", c: 4, t: 3.5),
        document("c5", c: 1, t: 0), document("c6", c: 7, t: 0.5),
        document("t1", c: 0, t: 9), document("t2", c: 1, t: 6), document("t3", c: 2, t: 5), document("t4", c: 3, t: 3.2),
        document("t5", c: 0, t: 1.2), document("t6", c: 0.5, t: 7),
    ])
    static let twelveCodes = """
    id,label,group
    c1,celebratory,en
    c2,celebratory,en
    c3,celebratory,en
    c4,celebratory,zh
    c5,neutral,zh
    c6,threat,zh
    t1,strategic-threat,en
    t2,strategic-threat,en
    t3,strategic-threat,en
    t4,mixed,zh
    t5,neutral,zh
    t6,strategic-threat,zh
    gone,celebratory,zh
    """

    @Test("one coder: the figures equal the statistics on the joined labels; missing ids are counted, not fatal")
    func oneCoder() throws {
        var options = ValidationOptions()
        options.bootstrap = 200
        let r = try Validation.run(codes: try Self.sheet(Self.twelveCodes), annotations: Self.twelve, options: options)
        #expect(r.missing == ["gone"])
        #expect(r.codedDocuments == 13)
        let ids = ["c1", "c2", "c3", "c4", "c5", "c6", "t1", "t2", "t3", "t4", "t5", "t6"]
        let coded: [FramingLabel] = [.celebratory, .celebratory, .celebratory, .celebratory, .neutral, .strategicThreat,
                                     .strategicThreat, .strategicThreat, .strategicThreat, .mixed, .neutral, .strategicThreat]
        let gold = coded.map(Validation.index)
        let predicted = ids.map { Validation.index(Self.twelve.documents[$0]!.label) }
        #expect(r.figure("framescope", "accuracy")?.value == Agreement.accuracy(gold, predicted))
        #expect(r.figure("framescope", "accuracy")?.documents == 12)
        #expect(r.figure("framescope", "cohen_kappa")?.value == Agreement.cohenKappa(gold, predicted, categories: 4))
        #expect(r.figure("framescope", "macro_f1")?.value == Agreement.macroF1(gold, predicted, categories: 4))
        // AUC over the 9 polar coded documents (c1–c4 coded celebratory; c6, t1, t2, t3, t6 threat).
        #expect(r.figure("framescope", "auc_balance")?.documents == 9)
        #expect(r.confusion["framescope/all"]!.flatMap { $0 }.reduce(0, +) == 12)
        #expect(r.figure("counts", "missing_from_annotations")?.value == 1)
        // Groups from the group column, each with its own figures.
        #expect(r.groups == ["en", "zh"])
        #expect(r.figure("framescope", "accuracy", group: "en")?.documents == 6)
        #expect(r.figure("framescope", "accuracy", group: "zh")?.documents == 6)
        // Disagreements are exactly the documents whose labels differ.
        let expected = zip(ids, zip(gold, predicted)).filter { $0.1.0 != $0.1.1 }.map(\.0)
        #expect(r.disagreements.map(\.id) == expected)
        #expect(expected.contains("c6"))
    }

    @Test("the bootstrap intervals are deterministic for a seed and contain the point estimates")
    func bootstrap() throws {
        var options = ValidationOptions()
        options.bootstrap = 500
        options.seed = 7
        let sheet = try Self.sheet(Self.twelveCodes)
        let first = try Validation.run(codes: sheet, annotations: Self.twelve, options: options)
        let again = try Validation.run(codes: sheet, annotations: Self.twelve, options: options)
        #expect(identical(first.figures, again.figures))
        for f in first.figures where f.scope == "framescope" && ValidationReport.measures.contains(f.measure) {
            #expect(f.low <= f.value && f.value <= f.high, "\(f.measure) \(f.group): \(f.value) outside [\(f.low), \(f.high)]")
            #expect(f.low < f.high || f.value == 1, "\(f.measure) \(f.group) has a real interval")
        }
        options.seed = 8
        let other = try Validation.run(codes: sheet, annotations: Self.twelve, options: options)
        #expect(other.figure("framescope", "accuracy")!.value == first.figure("framescope", "accuracy")!.value)
        #expect(other.figures.map(\.low) != first.figures.map(\.low), "another seed resamples differently")
    }

    @Test("several coders: the majority label, ties left out and counted, α over coders and with Framescope, pairwise κ")
    func severalCoders() throws {
        let codes = """
        id,coder,label
        c1,ann,celebratory
        c1,bo,celebratory
        c1,cy,celebratory
        c2,ann,celebratory
        c2,bo,mixed
        c2,cy,celebratory
        t1,ann,threat
        t1,bo,threat
        t2,ann,threat
        t2,bo,mixed
        t3,ann,strategic-threat
        t3,cy,strategic-threat
        c5,bo,neutral
        c5,cy,neutral
        """
        var options = ValidationOptions()
        options.bootstrap = 100
        let r = try Validation.run(codes: try Self.sheet(codes), annotations: Self.twelve, options: options)
        #expect(r.coders == ["ann", "bo", "cy"])
        #expect(r.ties == ["t2"])
        // Majority: c1 C, c2 C, t1 T, t3 T, c5 N (t2 tied, left out).
        let gold = [FramingLabel.celebratory, .celebratory, .strategicThreat, .strategicThreat, .neutral].map(Validation.index)
        let predicted = ["c1", "c2", "t1", "t3", "c5"].map { Validation.index(Self.twelve.documents[$0]!.label) }
        #expect(r.figure("framescope", "accuracy")?.value == Agreement.accuracy(gold, predicted))
        #expect(r.figure("framescope", "accuracy")?.documents == 5)
        #expect(r.figure("counts", "majority_ties")?.value == 1)
        // α over the coders' values per document (missing coders absent).
        let units: [[Int]] = [[C, C, C], [C, M, C], [T, T], [T, M], [T, T], [N, N]]
        #expect(r.figure("coders", "krippendorff_alpha")?.value == Agreement.krippendorffAlpha(units: units, categories: 4))
        let withFramescope = zip(units, ["c1", "c2", "t1", "t2", "t3", "c5"]).map { $0 + [Validation.index(Self.twelve.documents[$1]!.label)] }
        #expect(r.figure("coders+framescope", "krippendorff_alpha")?.value == Agreement.krippendorffAlpha(units: withFramescope, categories: 4))
        #expect(r.figure("coders+framescope", "krippendorff_alpha")?.coders == 4)
        // ann and bo both coded c1, c2, t1, t2: κ of [C, C, T, T] vs [C, M, T, M].
        let annBo = r.figure("coders", "cohen_kappa:ann|bo")
        #expect(annBo?.documents == 4)
        #expect(annBo?.value == Agreement.cohenKappa([C, C, T, T], [C, M, T, M], categories: 4))
        let pairs = ["ann|bo", "ann|cy", "bo|cy"].compactMap { r.figure("coders", "cohen_kappa:" + $0)?.value }.filter { !$0.isNaN }
        #expect(r.figure("coders", "mean_pairwise_kappa")?.value == pairs.reduce(0, +) / Double(pairs.count))
    }

    @Test("--group falls back to a metadata field of the annotations")
    func metadataGroup() throws {
        let set = Self.annotations([Self.document("a", c: 5, t: 0, source: "xinhua"), Self.document("b", c: 0, t: 5, source: "reuters"),
                                    Self.document("c", c: 5, t: 1, source: "xinhua")])
        var options = ValidationOptions()
        options.bootstrap = 0
        options.group = "source"
        let r = try Validation.run(codes: try Self.sheet("id,label\na,celebratory\nb,threat\nc,mixed\n"), annotations: set, options: options)
        #expect(r.groups == ["reuters", "xinhua"])
        #expect(r.figure("framescope", "accuracy", group: "xinhua")?.value == 0.5)
        options.group = "nonesuch"
        #expect(throws: ValidateError.self) { try Validation.run(codes: try Self.sheet("id,label\na,mixed\n"), annotations: set, options: options) }
    }
}

private let C = 0, T = 1, M = 2, N = 3

/// Figure lists equal value for value, nan equal to nan (an undefined κ in a small group).
func identical(_ a: [ValidationFigure], _ b: [ValidationFigure]) -> Bool {
    func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
    return a.count == b.count && zip(a, b).allSatisfy { a, b in
        a.scope == b.scope && a.group == b.group && a.measure == b.measure && same(a.value, b.value) && same(a.low, b.low)
            && same(a.high, b.high) && a.documents == b.documents && a.coders == b.coders
    }
}

@Suite("validate: reading annotations")
struct AnnotationSetTests {
    @Test("documents.jsonl given directly; summary lines point to their JSON, whole-document lines carry their cues")
    func load() throws {
        let folder = try temporaryFolder("aset")
        let summary = #"{"id":"a","doc":"docs/a.json","metadata":{"title":"A","source":"wire"},"framing":{"celebratory":1,"strategic_threat":4,"balance":0.5,"label":"strategic-threat","confidence":0.5,"tokens":100,"cues":3}}"#
        let whole = #"{"schema":"framescope.document/1","id":"b","text":"Pride.\nA threat and a threat.","sentences":[{"start":0,"end":6},{"start":7,"end":29}],"#
            + #""cues":[{"start":0,"end":5,"text":"Pride","score":1,"scored_frame":"celebratory","sentence":0},"#
            + #"{"start":9,"end":15,"text":"threat","score":2,"scored_frame":"strategic-threat","sentence":1},"#
            + #"{"start":22,"end":28,"text":"threat","score":2,"scored_frame":"strategic-threat","sentence":1}],"#
            + #""framing":{"celebratory":1,"strategic_threat":4,"balance":0.5,"label":"strategic-threat","confidence":0.5,"tokens":8,"cues":3}}"#
        try write(summary + "\n" + whole + "\n" + #"{"schema":"framescope.error/1","line":3,"error":"bad"}"# + "\n", to: folder + "/documents.jsonl")
        try write(#"{"text":"x","sentences":[],"cues":[{"start":0,"end":1,"text":"weak","score":0.5,"scored_frame":"celebratory","sentence":0},{"start":0,"end":1,"text":"strong","score":3,"scored_frame":"strategic-threat","sentence":0}]}"#,
                  to: folder + "/docs/a.json")
        let set = try AnnotationSet.load(folder + "/documents.jsonl")
        #expect(set.order == ["a", "b"])
        #expect(set.documents["a"]?.totals == FramingTotals(celebratory: 1, strategicThreat: 4, tokens: 100, cues: 3))
        #expect(try set.evidence(for: "a").get().map(\.text) == ["strong", "weak"])
        let b = try set.evidence(for: "b").get()
        #expect(b.map(\.text) == ["threat", "threat", "Pride"], "highest score first, equal scores in text order")
        #expect(b.map(\.sentenceText) == ["A threat and a threat.", "A threat and a threat.", "Pride."])
        try write("{\"id\": \"c\"}\n", to: folder + "/broken.jsonl")
        #expect(throws: ValidateError.annotations(path: folder + "/broken.jsonl", line: 1,
                                                  message: "no complete 'framing' object (label, balance, celebratory, strategic_threat, tokens, cues)")) {
            try AnnotationSet.load(folder + "/broken.jsonl")
        }
    }
}
