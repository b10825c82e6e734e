import Foundation
import Testing
@testable import Framescope

@Suite("Framing scorer")
struct FramingScorerTests {
    static let lexicon = FramingHarness.lexicon(
        entities: """
            company:baogang\tcompany\tBaogang Group\tBaogang\ten
            company:baogang\tcompany\tBaogang Group\t包钢\tzh
            company:lynas\tcompany\tLynas\tLynas\ten
            place:china\tplace\tChina\tChina\ten
            place:china\tplace\tChina\t中国\tzh
            """,
        celebratory: """
            milestone\tcelebratory\t2\ten\tlegacy vocabulary
            pride\tcelebratory\t2\ten\tnational pride
            辉煌\tcelebratory\t2\tzh\tglory
            innovation\tcelebratory\t1\ten\t-
            """,
        threat: """
            threat\tstrategic-threat\t2\ten\tthreat vocabulary
            dominance\tstrategic-threat\t2\ten\tdominance
            垄断\tstrategic-threat\t2\tzh\tmonopoly
            """,
        modifiers: """
            not\tnegator\t-0.5\tnext:3
            并非\tnegator\t-0.5\tclause
            never\tnegator\t0\tnext:3
            very\tintensifier\t1.5\tnext:2
            may\thedge\t0.5\tnext:3
            but\tcontrast\t1.5\tsentence
            但是\tcontrast\t1.5\tsentence
            claims\tattribution\t0.5\tclause
            according to\tattribution\t0.5\tclause
            the West\taudience\t1.5\tsentence
            """)

    /// Scores a literal with the small lexicon; lead weighting and damping off unless asked.
    func score(_ s: String, options: FramingOptions? = nil) throws -> AnnotatedDocument {
        let lex = try TemporaryLexicons(Self.lexicon).load()
        var o = FramingOptions()
        o.leadWeighting = false
        o.repetitionDamping = false
        return try Annotator(lexicons: lex, framing: options ?? o).annotate(SourceDocument(id: "t", path: "t", text: s))
    }

    @Test("negation flips a cue in English and Chinese; a zero factor cancels it")
    func negation() throws {
        let plain = try score("This is a threat to supply.")
        #expect(plain.framing.strategicThreat == 2 && plain.framing.celebratory == 0)
        let negated = try score("This is not a threat to supply.")
        #expect(negated.framing.strategicThreat == 0)
        #expect(negated.framing.celebratory == 1)  // 2 × −0.5, moved to the other frame
        #expect(negated.cues.first?.modifiers.map(\.kind) == ["negator"])
        let zh = try score("中国稀土产业并非垄断。")
        #expect(zh.framing.strategicThreat == 0 && zh.framing.celebratory == 1)
        let cancelled = try score("It was never a threat.")
        #expect(cancelled.framing.strategicThreat == 0 && cancelled.framing.celebratory == 0)
        // Out of scope: the negator is more than three words before the cue.
        let far = try score("This is not, as everyone agrees, a threat.")
        #expect(far.framing.strategicThreat == 2)
    }

    @Test("a contrast marker shifts weight to the later clause")
    func contrast() throws {
        let doc = try score("It is a milestone, but it is a threat.")
        let milestone = try #require(doc.cues.first { $0.cue == "milestone" })
        let threat = try #require(doc.cues.first { $0.cue == "threat" })
        #expect(abs(milestone.score - 2 / 1.5) < 1e-9)
        #expect(threat.score == 3)
        let zh = try score("这是辉煌的成就，但是也是垄断。")
        #expect(zh.framing.strategicThreat == 3 && abs(zh.framing.celebratory - 2 / 1.5) < 1e-9)
    }

    @Test("an audience marker raises the threat reading only alongside a threat cue")
    func audience() throws {
        let withCue = try score("China's dominance worries the West.")
        #expect(withCue.framing.strategicThreat == 3)
        let alone = try score("The West bought more magnets.")
        #expect(alone.framing.strategicThreat == 0 && alone.framing.celebratory == 0 && alone.cues.isEmpty)
        let celebratory = try score("The West admired the milestone.")
        #expect(celebratory.framing.celebratory == 2, "audience markers never touch celebratory cues")
    }

    @Test("intensifiers and hedges scale the cue after them")
    func intensifyAndHedge() throws {
        #expect(try score("Very few people see dominance.").framing.strategicThreat == 2)  // out of next:2 scope
        #expect(try score("A very clear milestone.").framing.celebratory == 3)
        #expect(try score("It may become a threat.").framing.strategicThreat == 1)
    }

    @Test("attributed celebratory claims inside a threat piece do not make it celebratory")
    func attribution() throws {
        let text = """
        China's dominance is a threat to the West.
        The company claims a milestone and pride in the innovation.
        Its dominance is a threat, and the threat grows.
        """
        let doc = try score(text)
        #expect(doc.framing.label == .strategicThreat)
        let claimed = doc.cues.filter { $0.sentence == 1 }
        #expect(!claimed.isEmpty && claimed.allSatisfy { $0.modifiers.contains { $0.kind == "attribution" } })
        // They are reported speech against the author's lean: × 0.5 (attribution) × 0.4 (voice).
        #expect(claimed.allSatisfy { $0.voice == .reported && $0.modifiers.contains { $0.kind == "voice" } })
        // Without the attribution marker the same claims are the author's and weigh five times as much.
        let unattributed = try score(text.replacingOccurrences(of: "claims", with: "has"))
        #expect(abs(unattributed.framing.celebratory - 5 * doc.framing.celebratory) < 1e-9)
    }

    @Test("boilerplate sentences do not count")
    func boilerplate() throws {
        let doc = try score("Baogang reached a milestone.\n\nCopyright © 2024 Threat Media. A threat to all rights reserved.\n\nShare - WeChat")
        #expect(doc.framing.strategicThreat == 0)
        #expect(doc.framing.celebratory == 2)
        #expect(doc.sentences.contains { $0.boilerplate == "copyright" })
        #expect(!doc.cues.contains { $0.cue == "threat" })
    }

    @Test("entity framing uses only the sentences that mention the entity")
    func entityFraming() throws {
        let doc = try score("Baogang reached a milestone. Lynas faces a threat. Baogang shows pride.")
        let baogang = try #require(doc.entityFraming.first { $0.id == "company:baogang" })
        #expect(baogang.mentions == 2 && baogang.sentences == [0, 2])
        #expect(baogang.celebratory == 4 && baogang.strategicThreat == 0)
        let lynas = try #require(doc.entityFraming.first { $0.id == "company:lynas" })
        #expect(lynas.strategicThreat == 2 && lynas.celebratory == 0 && lynas.balance > 0)
    }

    @Test("document scores equal the sum of the listed evidence")
    func evidenceSums() throws {
        var o = FramingOptions()  // everything on: lead weighting, repetition damping, quotations
        o.leadWeighting = true
        let doc = try score("""
        Milestone for Baogang as "innovation" pride grows
        China's dominance is not a threat, but the West may see a very clear threat.
        Pride, pride and innovation. 中国稀土并非垄断，但是辉煌。
        """, options: o)
        var c = 0.0, t = 0.0
        for cue in doc.cues {
            let product = cue.modifiers.reduce(cue.weight) { $0 * $1.factor }
            #expect(abs(product - cue.contribution) < 1e-9, "each cue's contribution is weight × its factors")
            if cue.scoredFrame == .celebratory { c += cue.score } else { t += cue.score }
        }
        #expect(abs(c - doc.framing.celebratory) < 1e-9)
        #expect(abs(t - doc.framing.strategicThreat) < 1e-9)
        for (i, s) in doc.sentences.enumerated() {
            let mine = doc.cues.filter { $0.sentence == i }
            #expect(abs(mine.filter { $0.scoredFrame == .celebratory }.reduce(0) { $0 + $1.score } - s.framing.celebratory) < 1e-9)
        }
        #expect(doc.cues.contains { $0.modifiers.contains { $0.kind == "position" } })
        #expect(doc.cues.contains { $0.modifiers.contains { $0.kind == "repetition" } })
        #expect(doc.cues.contains { $0.modifiers.contains { $0.kind == "quotation" } })
    }

    @Test("one-character Chinese modifiers count only as whole tokens")
    func singleCharacterModifiers() throws {
        let lex = try TemporaryLexicons(Self.lexicon.merging(["modifiers.tsv": "cue\tkind\tfactor\tscope\n不\tnegator\t-0.5\tnext:2\n"]) { $1 }).load()
        var o = FramingOptions()
        o.leadWeighting = false
        let annotator = try Annotator(lexicons: lex, framing: o)
        // 不锈钢 (stainless steel) holds 不 but is one word: 垄断 stays a threat cue.
        let doc = annotator.annotate(SourceDocument(id: "t", path: "t", text: "不锈钢市场出现垄断。"))
        #expect(doc.framing.strategicThreat == 2)
    }

    @Test("balance, label and confidence follow the documented formula")
    func documentFormula() {
        let scorer = FramingScorer(lexicon: FramingLexicon())
        let threat = scorer.documentFraming(celebratory: 1, threat: 9, tokens: 300, cues: 6)
        #expect(abs(threat.balance - 8.0 / 11.0) < 1e-12)
        #expect(threat.label == .strategicThreat)
        #expect(scorer.documentFraming(celebratory: 9, threat: 1, tokens: 300, cues: 6).label == .celebratory)
        #expect(scorer.documentFraming(celebratory: 5, threat: 5.2, tokens: 300, cues: 6).label == .mixed)
        #expect(scorer.documentFraming(celebratory: 0, threat: 1.2, tokens: 300, cues: 1).label == .neutral)
        #expect(scorer.documentFraming(celebratory: 0, threat: 4, tokens: 5000, cues: 3).label == .neutral, "4 per 5,000 tokens is thin")
        let c = scorer.documentFraming(celebratory: 0, threat: 20, tokens: 300, cues: 10)
        #expect(c.confidence > threat.confidence)
    }

    @Test("the two seed articles come out right and far apart")
    func seeds() throws {
        let annotator = try Annotator(lexicons: BundledLexicons.shared)
        func framing(_ path: String) throws -> DocumentFraming {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Repository.path(path))))
            return annotator.annotate(SourceDocument(id: path, path: path, text: try Decoder.decode(bytes).text)).framing
        }
        let celebratory = try framing("Corpus/chinaservicesinfo/baogang-70-years.txt")
        let threat = try framing("Corpus/rareearthexchanges/baogang-strategic-breakthroughs.txt")
        #expect(celebratory.label == .celebratory)
        #expect(threat.label == .strategicThreat)
        #expect(threat.balance - celebratory.balance > 1.0)
    }

    @Test("the scorer finds the same cues whether it is handed the combined walk's matches or finds them itself")
    func matchesFromEitherPath() throws {
        let lex = BundledLexicons.shared
        let annotator = try Annotator(lexicons: lex)
        let tokenizer = try Tokenizer()
        let scorer = FramingScorer(lexicon: lex.framing)
        let folderPath = Repository.path("Tests/DevSet/texts")
        var total = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folderPath).sorted() {
            let raw = try String(contentsOfFile: folderPath + "/" + name, encoding: .utf8)
            let viaAnnotator = annotator.annotate(SourceDocument(id: name, path: name, text: raw))
            // The stages by hand, with no matches given to the tagger or the scorer.
            let text = DocumentText(raw)
            let index = CodePointIndex(text)
            let folded = tokenizer.folder.fold(text)
            let tokens = tokenizer.tokens(text, folded: folded)
            let spans = tokenizer.sentenceSpans(text)
            let boilerplate = Boilerplate.classify(text, sentences: spans)
            let entities = EntityTagger(lexicons: lex).tag(text, folded: folded, tokens: tokens, sentences: spans, index: index).entities
            let alone = scorer.score(text: text, folded: folded, tokens: tokens, sentences: spans, boilerplate: boilerplate,
                                     entities: entities, index: index)
            #expect(entities == viaAnnotator.entities, "\(name)")
            #expect(alone.cues == viaAnnotator.cues, "\(name)")
            total += alone.cues.count
        }
        #expect(total > 100)  // the development texts carry cues: the comparison is not between empty lists
    }
}
