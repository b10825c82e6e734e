import Foundation

/// Scores framing per sentence, per document and per entity from the cue and modifier lexicons.
///
/// Per sentence: cues and modifiers are matched on folded keys, and overlaps among them are
/// resolved longest first (so 打破国外垄断 is one celebratory cue, not a celebratory cue plus the
/// threat cue 垄断, and the 不 in 不锈钢 is no negator). A one-character Chinese cue or modifier
/// counts only when ICU made it a whole token. Each cue contributes weight × the factors of the
/// modifiers whose scope covers it; a negative product moves it to the opposite frame. See
/// docs/framing.md for the formula and the calibration.
public struct FramingScorer: Sendable {
    public let lexicon: FramingLexicon
    public let options: FramingOptions

    public init(lexicon: FramingLexicon, options: FramingOptions = .init()) {
        self.lexicon = lexicon
        self.options = options
    }

    public struct Result: Sendable {
        public var sentences: [SentenceFraming]
        public var cues: [CueEvidence]
        public var document: DocumentFraming
        public var entities: [EntityFraming]
    }

    enum ItemKind { case cue(CueEntry), modifier(ModifierEntry) }
    struct Item {
        var start: Int  // folded
        var end: Int
        var cpStart: Int
        var cpEnd: Int
        var kind: ItemKind
        var firstToken: Int = 0  // index into the document's tokens
        var endToken: Int = 0
    }

    /// `cueMatches` and `modifierMatches` are the lexicons' matches in the whole document when a
    /// `CombinedMatcher` found them already; otherwise the lexicons' matchers find them.
    public func score(text: DocumentText, folded: FoldedText, tokens: [Token], sentences: [TextSpan],
                      boilerplate: [String?], entities: [Entity], index: CodePointIndex,
                      cueMatches: [PhraseMatcher.Match]? = nil, modifierMatches: [PhraseMatcher.Match]? = nil) -> Result {
        let cueMatches = cueMatches ?? lexicon.cueMatcher.allMatches(in: folded)
        let modifierMatches = modifierMatches ?? lexicon.modifierMatcher.allMatches(in: folded)
        var sentenceScores = [SentenceFraming](repeating: SentenceFraming(), count: sentences.count)
        var evidence: [CueEvidence] = []
        // Layers that need the whole document: where each sentence sits, who speaks where, and
        // stances that reach a whole paragraph.
        let layout = DocumentLayout(sentences: sentences, boilerplate: boilerplate, text: text, options: options,
                                    isHeadline: { isHeadline($0, text: text) })
        let quotations = cueMatches.isEmpty ? [] : QuotationFinder.find(in: text, tokens: tokens, labels: lexicon.labelNouns)
        let names = cueMatches.isEmpty ? [] : Self.nameSpans(entities)
        let paragraphStances = cueMatches.isEmpty ? [:] : paragraphStanceMarkers(modifierMatches, cueMatches: cueMatches, sentences: sentences,
                                                                               layout: layout, quotations: quotations, text: text, folded: folded,
                                                                               tokens: tokens, index: index)
        var nextCue = 0, nextModifier = 0  // matches are in start order, sentences too
        var contentTokens = 0
        var contentSentences = 0
        var previousContent: (sentence: Int, evidence: Int)?  // the last content sentence and where its cues start
        var t = 0
        var occurrences: [String: Int] = [:]  // per lexicon cue, for repetition damping
        for (si, sentence) in sentences.enumerated() {
            while t < tokens.count, tokens[t].end <= sentence.start { t += 1 }
            let firstToken = t
            while t < tokens.count, tokens[t].start < sentence.end { t += 1 }
            let sentenceTokens = tokens[firstToken..<t]
            guard boilerplate[si] == nil else { sentenceScores[si].role = "boilerplate"; continue }
            contentTokens += sentenceTokens.count { $0.kind != .punctuation && $0.kind != .symbol }
            contentSentences += 1
            let role = layout.roles[si]
            sentenceScores[si].role = role.rawValue
            let position: (String, Double)? = switch role {
            case .headline: ("headline", options.headlineFactor)
            case .lead: ("lead", options.leadFactor)
            case .conclusion: ("conclusion", options.conclusionFactor)
            default: nil
            }
            // The matches that start in the sentence; scoreSentence drops those that run past its end.
            let folds = Int(folded.start[sentence.start])..<Int(folded.start[sentence.end])
            let sentenceCues = Self.matches(cueMatches, startingIn: folds, from: &nextCue)
            let sentenceModifiers = Self.matches(modifierMatches, startingIn: folds, from: &nextModifier)
            // A sentence that opens with a contrast marker ("But…", 然而…) answers the one before:
            // that sentence's cues weigh 1/factor, as cues before the marker do within a sentence.
            if let previous = previousContent, let (m, entry) = openingContrast(sentenceTokens, sentenceModifiers, folded: folded) {
                let text = text.substring(utf16: index.utf16(Int(folded.origin[m.start]))..<index.utf16(Int(folded.origin[m.end - 1]) + 1))
                for k in previous.evidence..<evidence.count {
                    evidence[k].modifiers.append(AppliedModifier(kind: "contrast", text: text, factor: 1 / entry.factor,
                                                                 start: Int(folded.origin[m.start]), end: Int(folded.origin[m.end - 1]) + 1))
                    evidence[k].contribution /= entry.factor
                }
            }
            previousContent = (si, evidence.count)
            guard !sentenceCues.isEmpty else { continue }
            // Stance markers of the paragraph outside this sentence (those inside it are scored with
            // the sentence), and the paragraph's mockery markers wherever they stand (v7).
            let outside = paragraphStances[layout.paragraphs[si]]?.filter { $0.sentence != si || $0.entry.kind == .target } ?? []
            var cues = scoreSentence(si, sentence, folds: folds, tokens: sentenceTokens, text: text, folded: folded, index: index,
                                     position: position, cueMatches: sentenceCues, modifierMatches: sentenceModifiers,
                                     quotations: quotations, paragraphStances: outside, names: names)
            if options.repetitionDamping {
                for k in cues.indices {
                    let n = Self.increment(&occurrences[cues[k].cue, default: 0])  // one hash, not two
                    if n > 1 {
                        let factor = 1 / Double(n).squareRoot()
                        cues[k].modifiers.append(AppliedModifier(kind: "repetition", text: "#\(n)", factor: factor, start: nil, end: nil))
                        cues[k].contribution *= factor
                    }
                }
            }
            evidence += cues
        }
        if !evidence.isEmpty {
            applySkepticism(&evidence, markers: skepticMarkers(modifierMatches, cueMatches: cueMatches, sentences: sentences, layout: layout,
                                                               quotations: quotations, text: text, folded: folded, tokens: tokens, index: index))
        }
        if !evidence.isEmpty, options.registerSentences > 0 || options.perspectiveSentences > 0 || options.analysisSentences > 0 {
            let marks = documentMarkers(modifierMatches, cueMatches: cueMatches, sentences: sentences, layout: layout, quotations: quotations,
                                        text: text, folded: folded, tokens: tokens, index: index)
            applyRegister(&evidence, markers: marks.register)
            applyAnalysis(&evidence, markers: marks.analysis)
            applyPerspective(&evidence, holders: marks.holders, layout: layout)
        }
        applyAuthorVoice(&evidence)
        for c in evidence {
            if c.scoredFrame == .celebratory { sentenceScores[c.sentence].celebratory += c.score } else { sentenceScores[c.sentence].strategicThreat += c.score }
        }
        var celebratorySentences = 0, threatSentences = 0
        for sc in sentenceScores where sc.celebratory + sc.strategicThreat >= options.framedSentenceScore {
            if sc.celebratory > sc.strategicThreat { celebratorySentences += 1 } else if sc.strategicThreat > sc.celebratory { threatSentences += 1 }
        }
        var c = 0.0, th = 0.0, rc = 0.0, rth = 0.0
        for e in evidence {
            if e.scoredFrame == .celebratory { c += e.score; if e.voice == .reported { rc += e.score } }
            else { th += e.score; if e.voice == .reported { rth += e.score } }
        }
        var learned = options.learnedWeight > 0 ? lexicon.learned.lean(tokens: tokens, sentences: sentences, boilerplate: boilerplate, folded: folded) : nil
        if let l = learned {
            let length = options.learnedFullTokens > 0 ? min(1, Double(contentTokens) / Double(options.learnedFullTokens)) : 1
            learned?.weight = options.learnedWeight * (options.learnedGate ? LearnedModel.probability(logOdds: l.framed) : 1) * length
            learned?.framedUsed = !Self.rejectsFraming(evidence)
        }
        let totals = FramingTotals(celebratory: c, strategicThreat: th, tokens: contentTokens, cues: evidence.count,
                                   sentences: contentSentences, celebratorySentences: celebratorySentences, threatSentences: threatSentences,
                                   learnedLean: learned.map { $0.lean * $0.weight } ?? 0,
                                   learnedFramed: learned.flatMap { $0.framedUsed ? $0.framed : nil })
        var document = Self.documentFraming(totals, options: options)
        document.learned = learned
        document.reportedCelebratory = rc
        document.reportedStrategicThreat = rth
        let entityFraming = entityFraming(entities: entities, sentences: sentences, scores: sentenceScores, boilerplate: boilerplate, text: text, folded: folded)
        return Result(sentences: sentenceScores, cues: evidence, document: document, entities: entityFraming)
    }

    /// How the text of the author's document-wide rejection of alarm begins (`applySkepticism`).
    static let documentStance = "document: "

    /// Whether a document-level layer says the text is not framed or argues against a frame: a
    /// notice or analysis register, or the author's rejection of alarm. Explicit evidence beats
    /// the framed model's reading of the words, so such a text stays as thin as its cues are.
    static func rejectsFraming(_ evidence: [CueEvidence]) -> Bool {
        evidence.contains { e in
            e.modifiers.contains { m in
                m.kind == ModifierKind.register.rawValue || m.kind == ModifierKind.analysis.rawValue
                    || (m.kind == ModifierKind.stance.rawValue && m.text.hasPrefix(Self.documentStance))
            }
        }
    }

    /// The contrast marker that opens a sentence (its first word), if any.
    func openingContrast(_ tokens: ArraySlice<Token>, _ modifiers: ArraySlice<PhraseMatcher.Match>, folded: FoldedText) -> (PhraseMatcher.Match, ModifierEntry)? {
        guard let first = tokens.first(where: { $0.kind != .punctuation && $0.kind != .symbol }) else { return nil }
        let at = Int(folded.start[first.start])
        for m in modifiers where m.start == at {
            let entry = lexicon.modifiers[Int(m.payload)]
            if entry.kind == .contrast, entry.factor > 0 { return (m, entry) }
        }
        return nil
    }

    /// The document frame is led by the author's voice: when the author's own sentences lean one
    /// way, reported speech that leans the other (a state-media celebration quoted in a threat
    /// analysis, Western alarm quoted in a celebration) is somebody else's frame, shown for
    /// contrast: × `reportedFactor`, as a `voice` factor in the evidence. Reported speech that
    /// agrees with the author, or speaks where the author is silent, counts as it is.
    func applyAuthorVoice(_ evidence: inout [CueEvidence]) {
        var c = 0.0, t = 0.0
        for e in evidence where e.voice == .author { if e.scoredFrame == .celebratory { c += e.score } else { t += e.score } }
        guard c + t >= options.authorLeadMass, abs(t - c) / (t + c) >= options.authorLeadMargin, options.reportedFactor != 1 else { return }
        let lean: Frame = t > c ? .strategicThreat : .celebratory
        for k in evidence.indices where evidence[k].voice == .reported && evidence[k].scoredFrame != lean {
            // The other side's warning to its own audience, and a quotation set in the lead, are
            // loud in the other side's voice, not the author's: the `audience` and `position`
            // factors go with the voice factor (a quoted think-tank warning to the West, placed
            // first in a commentary that answers it, weighs what any reported passage weighs).
            var text = "reported, against the author's \(lean.rawValue)"
            if options.reportedLoudness {
                let loud = evidence[k].modifiers.filter { ($0.kind == ModifierKind.audience.rawValue || $0.kind == "position") && $0.factor > 1 }
                if !loud.isEmpty {
                    evidence[k].modifiers.removeAll { ($0.kind == ModifierKind.audience.rawValue || $0.kind == "position") && $0.factor > 1 }
                    evidence[k].contribution = evidence[k].modifiers.reduce(evidence[k].weight) { $0 * $1.factor }
                    text += "; not the author's " + loud.map { $0.kind == "position" ? $0.text : "audience '\($0.text)'" }.joined(separator: ", ")
                }
            }
            evidence[k].modifiers.append(AppliedModifier(kind: "voice", text: text, factor: options.reportedFactor, start: nil, end: nil))
            evidence[k].contribution *= options.reportedFactor
        }
    }

    /// The document-scope rejections of alarm the author makes or endorses, one per sentence
    /// (sentence index and text): not inside a quotation, not inside a longer cue. One in a
    /// sentence that reports somebody (an attribution marker: "analysts said the impact may be
    /// overstated") counts only once the author rejects alarm in a sentence of their own (the
    /// headline "Analysis: controls' impact may be overstated"): a news analysis argues its case
    /// through the people it quotes, and a threat piece that reports one skeptic does not.
    func skepticMarkers(_ modifierMatches: [PhraseMatcher.Match], cueMatches: [PhraseMatcher.Match], sentences: [TextSpan], layout: DocumentLayout,
                        quotations: [Quotation], text: DocumentText, folded: FoldedText, tokens: [Token], index: CodePointIndex) -> [(sentence: Int, text: String)] {
        var out: [(sentence: Int, text: String)] = []
        var reporting = Set<Int>()  // sentences with an attribution marker
        var candidates: [(sentence: Int, cpStart: Int, cpEnd: Int)] = []
        var s = 0
        for m in modifierMatches {
            let entry = lexicon.modifiers[Int(m.payload)]
            guard entry.kind == .attribution || (entry.kind == .stance && entry.scope == .document) else { continue }
            guard Self.acceptable(m.start, m.end, folded: folded, tokens: tokens[...]) else { continue }
            let cpStart = Int(folded.origin[m.start]), cpEnd = Int(folded.origin[m.end - 1]) + 1
            while s < sentences.count, sentences[s].end <= cpStart { s += 1 }
            guard s < sentences.count, layout.roles[s] != .boilerplate else { continue }
            if entry.kind == .attribution { reporting.insert(s); continue }
            if cueMatches.contains(where: { $0.start < m.end && m.start < $0.end && ($0.end - $0.start) > (m.end - m.start) }) { continue }
            let a = index.utf16(cpStart), b = index.utf16(cpEnd)
            if quotations.contains(where: { $0.utf16.lowerBound <= a && b <= $0.utf16.upperBound }) { continue }
            candidates.append((s, cpStart, cpEnd))
        }
        let own = candidates.contains { !reporting.contains($0.sentence) }
        for c in candidates where own && out.last?.sentence != c.sentence {
            out.append((c.sentence, text.substring(utf16: index.utf16(c.cpStart)..<index.utf16(c.cpEnd))))
        }
        return out
    }

    /// A text that rejects alarm in `skepticMarkers` or more of the author's sentences argues
    /// against the strategic-threat frame as a whole: the threat words it discusses elsewhere are
    /// the claim it rebuts. Every strategic-threat cue not already rejected × `skepticFactor`
    /// (once more per further marker, down to `skepticFloor`), as a `stance` in the evidence.
    func applySkepticism(_ evidence: inout [CueEvidence], markers: [(sentence: Int, text: String)]) {
        guard options.skepticMarkers > 0, markers.count >= options.skepticMarkers, options.skepticFactor != 1 else { return }
        let factor = max(options.skepticFloor, pow(options.skepticFactor, Double(markers.count - options.skepticMarkers + 1)))
        let label = Self.documentStance + markers.prefix(4).map(\.text).joined(separator: ", ")
        for k in evidence.indices where evidence[k].frame == .strategicThreat && evidence[k].contribution > 0 {
            if evidence[k].modifiers.contains(where: { $0.kind == "stance" && $0.factor == 0 }) { continue }
            evidence[k].modifiers.append(AppliedModifier(kind: "stance", text: label, factor: factor, start: nil, end: nil))
            evidence[k].contribution *= factor
        }
    }

    /// Stance markers whose scope is their paragraph, by paragraph: found before any sentence is
    /// scored, because they reach back to the sentences before them too. A marker inside a cue is
    /// no marker (the longest match wins, as within a sentence).
    ///
    /// Mockery markers (`target` rows of paragraph scope, v7) are the author's own dismissal: one
    /// inside a quotation, or in a sentence that reports a voice other than the foreign side's
    /// (said, 称, 环球时报; not 西方媒体, "Western media"), is somebody else's word (a Western
    /// analysis quoting Beijing's scorn) and marks nothing.
    func paragraphStanceMarkers(_ modifierMatches: [PhraseMatcher.Match], cueMatches: [PhraseMatcher.Match], sentences: [TextSpan],
                                layout: DocumentLayout, quotations: [Quotation] = [], text: DocumentText, folded: FoldedText, tokens: [Token],
                                index: CodePointIndex) -> [Int: [ParagraphStance]] {
        var out: [Int: [ParagraphStance]] = [:]
        var mockery: [ParagraphStance] = []
        // Per sentence, the folded spans of its attribution and its audience markers.
        var reporting: [Int: [Range<Int>]] = [:], naming: [Int: [Range<Int>]] = [:]
        var s = 0
        for m in modifierMatches {
            let entry = lexicon.modifiers[Int(m.payload)]
            let isMockery = entry.kind == .target && entry.scope == .paragraph
            guard (entry.kind == .stance && entry.scope == .paragraph) || isMockery || entry.kind == .attribution || entry.kind == .audience else { continue }
            guard Self.acceptable(m.start, m.end, folded: folded, tokens: tokens[...]) else { continue }
            let cpStart = Int(folded.origin[m.start]), cpEnd = Int(folded.origin[m.end - 1]) + 1
            while s < sentences.count, sentences[s].end <= cpStart { s += 1 }
            guard s < sentences.count, layout.roles[s] != .boilerplate else { continue }
            if entry.kind == .attribution { reporting[s, default: []].append(m.start..<m.end); continue }
            if entry.kind == .audience { naming[s, default: []].append(m.start..<m.end); continue }
            if Self.insideLongerCue(m, cueMatches) || cueMatches.contains(where: { $0.start == m.start && $0.end == m.end }) { continue }
            let a = index.utf16(cpStart), b = index.utf16(cpEnd)
            let marker = ParagraphStance(sentence: s, entry: entry, cpStart: cpStart, cpEnd: cpEnd, text: text.substring(utf16: a..<b))
            if isMockery {
                if quotations.contains(where: { $0.utf16.lowerBound <= a && b <= $0.utf16.upperBound }) { continue }
                mockery.append(marker)
            } else {
                out[layout.paragraphs[s], default: []].append(marker)
            }
        }
        // A sentence reports somebody else's scorn when one of its attribution markers is not
        // itself the foreign side (西方媒体 and "Western media" hold an audience word; 新华社,
        // 环球时报, "said" do not).
        for m in mockery where !(reporting[m.sentence] ?? []).contains(where: { a in !(naming[m.sentence] ?? []).contains { $0.overlaps(a) } }) {
            out[layout.paragraphs[m.sentence], default: []].append(m)
        }
        return out
    }

    /// The code-point spans of the document's names (organizations, companies, places, people),
    /// sorted by start. A name is one span: a cue inside it (国家安全部, "Minerals Security
    /// Partnership", 反垄断局) names a body, and is not the writer's framing. Materials and
    /// quantities are no names: "strategic minerals" stays a cue.
    static func nameSpans(_ entities: [Entity]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for e in entities where e.type != .material && e.type != .quantity && e.end > e.start { out.append(e.start..<e.end) }
        if !zip(out, out.dropFirst()).allSatisfy({ $0.lowerBound <= $1.lowerBound }) { out.sort { $0.lowerBound < $1.lowerBound } }
        return out
    }

    /// Whether `[a, b)` lies inside one of `spans` (sorted by start; names do not overlap).
    static func inside(_ spans: [Range<Int>], _ a: Int, _ b: Int) -> Bool {
        guard !spans.isEmpty else { return false }
        var lo = 0, hi = spans.count
        while lo < hi { let mid = (lo + hi) / 2; if spans[mid].lowerBound <= a { lo = mid + 1 } else { hi = mid } }
        return lo > 0 && b <= spans[lo - 1].upperBound
    }

    /// Whether a match (folded indices) may count: one Chinese character must be a whole ICU
    /// token (不 in 不锈钢 is not a negator, 被 in 被子 no target marker).
    static func acceptable(_ s: Int, _ e: Int, folded: FoldedText, tokens: ArraySlice<Token>) -> Bool {
        guard e - s == 1, ScriptClass.isHan(folded.scalars[s]) else { return true }
        let a = Int(folded.origin[s]), b = Int(folded.origin[e - 1]) + 1
        let t = tokens.firstIndex(startingAtOrAfter: a)
        return t < tokens.endIndex && tokens[t].start == a && tokens[t].end == b
    }

    /// The run of `matches` (sorted by start) that starts in `range`, searched from `next`, which
    /// is left after the run: sentences come in order, so each match is passed over once.
    static func matches(_ matches: [PhraseMatcher.Match], startingIn range: Range<Int>, from next: inout Int) -> ArraySlice<PhraseMatcher.Match> {
        while next < matches.count, matches[next].start < range.lowerBound { next += 1 }
        let first = next
        while next < matches.count, matches[next].start < range.upperBound { next += 1 }
        return matches[first..<next]
    }

    /// balance, label and confidence from the totals (documented in docs/framing.md).
    public func documentFraming(celebratory c: Double, threat t: Double, tokens: Int, cues: Int) -> DocumentFraming {
        Self.documentFraming(FramingTotals(celebratory: c, strategicThreat: t, tokens: tokens, cues: cues), options: options)
    }

    /// balance, label and confidence from a document's totals under `options`: the one place the
    /// label rule lives, used by the scorer and by `validate --calibrate` (docs/framing.md).
    ///
    /// direction = (T − C) / (T + C + k) says which way the evidence leans; coverage says how much
    /// of the text carries a frame ((the share of content sentences that lean either way ÷
    /// `coverageFull`, at most 1) to the power `coveragePower`); balance = direction × coverage. A price note with one loaded sentence has
    /// a strong direction and little coverage, and its balance stays near 0.
    public static func documentFraming(_ totals: FramingTotals, options: FramingOptions) -> DocumentFraming {
        let c = totals.celebratory, t = totals.strategicThreat, tokens = totals.tokens, cues = totals.cues
        let mass = c + t
        let per1k = tokens > 0 ? 1000 / Double(tokens) : 0
        let density = mass * per1k
        // The learned lean joins the cue mass on its side for the direction and the strength
        // only: whether a text is framed at all (mass, density, share below) is the cues' call.
        let lc = c + max(0, -totals.learnedLean), lt = t + max(0, totals.learnedLean)
        let direction = (lt - lc) / (lc + lt + options.smoothing)
        let framedSentences = totals.celebratorySentences + totals.threatSentences
        // Documents scored before sentence counts existed (sentences == 0) keep coverage 1.
        let share = totals.sentences > 0 ? Double(framedSentences) / Double(totals.sentences) : 1
        let coverage = options.coverageFull > 0 ? pow(min(1, share / options.coverageFull), options.coveragePower) : 1
        // A thin text (a cue or two) leans, but says little: its balance shrinks with its mass.
        let strength = options.massFull > 0 ? min(1, (lc + lt) / options.massFull) : 1
        var balance = direction * coverage * strength
        var label: FramingLabel
        var confidence: Double
        // The frame the evidence leans to must be carried by enough sentences: one loaded sentence
        // (beside a few weak cues of the other frame) does not frame a price note. A short text (a
        // headline, a post) may be framed by its one sentence.
        let leading = lt > lc ? totals.threatSentences : lt < lc ? totals.celebratorySentences : framedSentences
        let fewFramed = totals.sentences > 0 && leading < min(options.neutralSentences, max(1, totals.sentences / 4))
        let thin = mass < options.neutralMass || density < options.neutralDensity || share < options.neutralShare || fewFramed
        if thin, let framed = totals.learnedFramed, framed >= options.learnedFramedThreshold, abs(direction) >= options.polarThreshold {
            // Too few cues to be framed by them, but the framed model reads the words as clearly
            // framed (understated celebration, a report in plain words): the side the evidence leans to
            // when its direction clears the polar threshold (so a calibrated threshold still
            // governs), with the confidence of a label that rests on little.
            label = direction > 0 ? .strategicThreat : .celebratory
            confidence = 0.25
        } else if thin {
            label = .neutral
            let strength = max(mass / options.neutralMass, density / options.neutralDensity,
                               options.neutralShare > 0 ? share / options.neutralShare : 0)
            confidence = 1 - min(1, strength) * 0.5
        } else if balance >= options.polarThreshold {
            label = .strategicThreat
            confidence = min(1, abs(balance) * (1 - exp(-(lc + lt) / 4)) / 0.8)
        } else if balance <= -options.polarThreshold {
            label = .celebratory
            confidence = min(1, abs(balance) * (1 - exp(-(lc + lt) / 4)) / 0.8)
        } else if totals.sentences == 0 || min(totals.celebratorySentences, totals.threatSentences) >= options.mixedSentences {
            // Mixed is two-sided: both frames carried by sentences of their own. But when the
            // masses tie and one frame runs through the text while the other sits in a few
            // sentences (a threat analysis that recites China's records in two), the text takes
            // that frame, with little confidence: the label rests on the sentences, not the balance.
            if let side = Self.sentenceLead(totals, options: options) {
                label = side
                confidence = 0.25
            } else {
                label = .mixed
                confidence = 1 - abs(balance) / options.polarThreshold
            }
        } else {
            // Little net lean and one side barely present: a text with a frame in passing.
            label = .neutral
            confidence = 0.5 + 0.5 * (1 - abs(balance) / options.polarThreshold)
        }
        // Threat cues in a text whose words read as unframed: a debunking, a market note or a
        // legal analysis speaks of leverage and controls without taking up the frame.
        var unframed = 1.0
        if label == .strategicThreat, let framed = totals.learnedFramed, framed < options.learnedUnframedThreshold {
            unframed = LearnedModel.probability(logOdds: framed) / LearnedModel.probability(logOdds: options.learnedUnframedThreshold)
            balance *= unframed
            label = .neutral
            confidence = 0.25
        }
        return DocumentFraming(celebratory: c, strategicThreat: t, celebratoryPer1k: c * per1k, strategicThreatPer1k: t * per1k,
                               balance: balance, label: label, confidence: (confidence * 1000).rounded() / 1000, tokens: tokens, cues: cues,
                               direction: direction, coverage: coverage, strength: strength, unframed: unframed, sentences: totals.sentences,
                               celebratorySentences: totals.celebratorySentences, threatSentences: totals.threatSentences,
                               learnedLean: totals.learnedLean)
    }

    /// In a two-sided text below the polar threshold, the frame that leans in at least
    /// `mixedSentenceRatio` times as many content sentences as the other (and in
    /// `mixedSentences` + 1 or more), if any.
    static func sentenceLead(_ totals: FramingTotals, options: FramingOptions) -> FramingLabel? {
        guard options.mixedSentenceRatio > 0 else { return nil }
        let c = Double(totals.celebratorySentences), t = Double(totals.threatSentences)
        let need = Double(options.mixedSentences + 1)
        if t >= need, t >= options.mixedSentenceRatio * c { return .strategicThreat }
        if c >= need, c >= options.mixedSentenceRatio * t { return .celebratory }
        return nil
    }

    func isHeadline(_ sentence: TextSpan, text: DocumentText) -> Bool {
        let u = text.utf16
        // Alone on its line: only whitespace between the line break and the sentence, on both sides.
        var i = sentence.utf16Start - 1
        while i >= 0, u[i] == 0x20 || u[i] == 0x09 || u[i] == 0x3000 { i -= 1 }
        guard i < 0 || u[i] == 0x0A else { return false }
        var j = sentence.utf16End
        while j < u.count, u[j] == 0x20 || u[j] == 0x09 || u[j] == 0x0D || u[j] == 0x3000 { j += 1 }
        guard j == u.count || u[j] == 0x0A else { return false }
        let last = u[sentence.utf16End - 1]
        return last != 0x2E && last != 0x3002 && sentence.end - sentence.start <= 200  // no final full stop
    }

    /// Punctuation that ends a clause (each one UTF-16 unit): , ; : ， ； ： — – 、 ( ) （ ）
    @inline(__always)
    static func isClauseMark(_ u: UInt16) -> Bool {
        switch u {
        case 0x2C, 0x3B, 0x3A, 0xFF0C, 0xFF1B, 0xFF1A, 0x2014, 0x2013, 0x3001, 0x28, 0x29, 0xFF08, 0xFF09: return true
        default: return false
        }
    }

    /// `folds` is the sentence's range of folded indices.
    func scoreSentence(_ si: Int, _ sentence: TextSpan, folds: Range<Int>, tokens: ArraySlice<Token>, text: DocumentText,
                       folded: FoldedText, index: CodePointIndex, position: (String, Double)?,
                       cueMatches: ArraySlice<PhraseMatcher.Match>, modifierMatches: ArraySlice<PhraseMatcher.Match>,
                       quotations: [Quotation] = [], paragraphStances: [ParagraphStance] = [], names: [Range<Int>] = []) -> [CueEvidence] {
        guard !folds.isEmpty else { return [] }
        let fe = folds.upperBound
        let tokenList = tokens  // a slice: indices below are the document's token indices
        func cp(_ f: Int, end: Bool) -> Int { end ? Int(folded.origin[f - 1]) + 1 : Int(folded.origin[f]) }
        func acceptable(_ s: Int, _ e: Int) -> Bool { Self.acceptable(s, e, folded: folded, tokens: tokenList) }
        var items: [Item] = []
        for m in cueMatches where m.end <= fe && acceptable(m.start, m.end) {
            let a = cp(m.start, end: false), b = cp(m.end, end: true)
            if Self.inside(names, a, b) { continue }
            items.append(Item(start: m.start, end: m.end, cpStart: a, cpEnd: b, kind: .cue(lexicon.cues[Int(m.payload)])))
        }
        guard !items.isEmpty else { return [] }
        for m in modifierMatches where m.end <= fe && acceptable(m.start, m.end) {
            items.append(Item(start: m.start, end: m.end, cpStart: cp(m.start, end: false), cpEnd: cp(m.end, end: true), kind: .modifier(lexicon.modifiers[Int(m.payload)])))
        }
        // Longest first; on ties a cue before a modifier, then the earlier one.
        items.sort {
            let l0 = $0.end - $0.start, l1 = $1.end - $1.start
            if l0 != l1 { return l0 > l1 }
            if case .cue = $0.kind, case .modifier = $1.kind { return true }
            if case .modifier = $0.kind, case .cue = $1.kind { return false }
            return $0.start < $1.start
        }
        var taken = IntervalSet()
        var chosen: [Item] = []
        for item in items where !taken.overlaps(item.start, item.end) {
            taken.insert(item.start, item.end)
            chosen.append(item)
        }
        chosen.sort { $0.start < $1.start }
        // Token positions and clause boundaries.
        var boundaries: [Int] = []
        for k in tokenList.indices where tokenList[k].kind == .punctuation {
            let tk = tokenList[k]
            guard tk.utf16End - tk.utf16Start == 1 else { continue }
            let u = text.utf16[tk.utf16Start]
            if Self.isClauseMark(u) { boundaries.append(k) }
            else if u == 0x2D, tk.utf16Start > 0, tk.utf16End < text.utf16.count,
                    text.utf16[tk.utf16Start - 1] == 0x20, text.utf16[tk.utf16End] == 0x20 { boundaries.append(k) }
        }
        for k in chosen.indices {
            chosen[k].firstToken = tokenList.firstIndex(startingAtOrAfter: chosen[k].cpStart)
            chosen[k].endToken = tokenList.firstIndex(startingAtOrAfter: chosen[k].cpEnd)
        }
        func clauseEnd(after tokenIdx: Int) -> Int { boundaries.first { $0 >= tokenIdx } ?? tokenList.endIndex }
        // The last clause of the sentence starts after its last clause mark that is followed by a word.
        let lastClauseStart = boundaries.last { b in tokenList[(b + 1)...].contains { $0.kind != .punctuation } }.map { $0 + 1 } ?? tokenList.startIndex
        func boundaryBetween(_ a: Int, _ b: Int) -> Bool { boundaries.contains { $0 >= a && $0 < b } }
        // Fewer than n word tokens between the marker and the cue, never across a clause mark.
        func withinNext(_ n: Int, after m: Item, _ item: Item) -> Bool {
            tokenList[m.endToken..<item.firstToken].count { $0.kind != .punctuation } < n && !boundaryBetween(m.endToken, item.firstToken)
        }
        func original(_ item: Item) -> String { text.substring(utf16: index.utf16(item.cpStart)..<index.utf16(item.cpEnd)) }

        let modifiers = chosen.compactMap { item -> (Item, ModifierEntry)? in
            if case .modifier(let m) = item.kind { return (item, m) } else { return nil }
        }
        let audience = modifiers.filter { $0.1.kind == .audience }.max { $0.1.factor < $1.1.factor }
        var out: [CueEvidence] = []
        for item in chosen {
            guard case .cue(let cue) = item.kind else { continue }
            var applied: [AppliedModifier] = []
            for (m, entry) in modifiers {
                var applies = false
                var factor = entry.factor
                switch entry.kind {
                case .negator, .intensifier, .hedge, .attribution:
                    // Sentence scope covers both sides of the marker, except for negators, which only
                    // reach forward.
                    if entry.scope == .sentence && entry.kind != .negator { applies = true; break }
                    if entry.kind == .attribution, entry.scope == .clause, m.firstToken >= lastClauseStart, item.firstToken < m.firstToken {
                        // A post-posed attribution ("…, Xinhua said.", "…，他表示。") reports the
                        // whole sentence before it.
                        applies = true
                        break
                    }
                    guard item.firstToken >= m.endToken else { break }
                    switch entry.scope {
                    case .next(let n): applies = withinNext(n, after: m, item)
                    case .clause:
                        // "X表示，…", "X said, …": a marker whose clause ends right after it reports the next one.
                        var end = clauseEnd(after: m.endToken)
                        if entry.kind == .attribution, end == m.endToken { end = clauseEnd(after: m.endToken + 1) }
                        applies = item.firstToken < end
                    case .sentence, .paragraph, .document: applies = true
                    case .quotation: break  // label nouns only, never matched here
                    }
                case .stance, .target:
                    // Both reach either side of the marker: "fears of dominance are overblown",
                    // "sanctions on China", 对华制裁. A target marker speaks of threats only; one of
                    // paragraph scope (mockery) is applied below, with the paragraph's.
                    if entry.kind == .target && (cue.frame != .strategicThreat || entry.scope == .paragraph) { break }
                    switch entry.scope {
                    case .next(let n): applies = item.firstToken >= m.endToken && withinNext(n, after: m, item)
                    case .clause:
                        applies = item.firstToken < m.firstToken ? !boundaryBetween(item.endToken, m.firstToken)
                                                                 : !boundaryBetween(m.endToken, item.firstToken)
                    case .sentence, .paragraph, .document: applies = true
                    case .quotation: break
                    }
                case .contrast:
                    if item.start >= m.end { applies = true } else if item.end <= m.start { applies = true; factor = 1 / entry.factor }
                case .audience, .label, .holder, .register, .analysis:
                    break  // audience below; holder, register and analysis act on the whole document (Perspective.swift)
                }
                if applies {
                    applied.append(AppliedModifier(kind: entry.kind.rawValue, text: original(m), factor: factor, start: m.cpStart, end: m.cpEnd))
                }
            }
            for p in paragraphStances where p.entry.kind == .stance {
                applied.append(AppliedModifier(kind: ModifierKind.stance.rawValue, text: p.text, factor: p.entry.factor, start: p.cpStart, end: p.cpEnd))
            }
            applied = Self.joiningCoordinatedNegators(applied, text: text, index: index)
            applied = Self.strongestPerKind(applied)
            var voice = applied.contains { $0.kind == "attribution" } ? Voice.reported : .author
            if let q = quotation(containing: item, quotations, index: index) {
                voice = .reported
                if q.mention {
                    // Named, not used: "the 'chokehold' crowd", 「霸權」論, "the 'win-win' line": the
                    // label is the other side's word, and counts for neither frame; so is the
                    // title of a work (《致命依賴》), a name.
                    applied.append(AppliedModifier(kind: "stance", text: q.title ? "《…》 as a title" : "\"…\" as a label", factor: 0, start: nil, end: nil))
                }
                if q.words <= options.shortQuotation && !q.blockQuote {
                    if options.quotationFactor != 1 {
                        applied.append(AppliedModifier(kind: "quotation", text: "\"…\"", factor: options.quotationFactor, start: nil, end: nil))
                    }
                }
            }
            // Mockery (v7): the author's dismissive word (可笑, 鼓噪, "lol") turns the threat words
            // of its paragraph to the celebratory side where they are the other side's: quoted or
            // attributed, or in a sentence that names the foreign side (西方, Washington). In the
            // marker's own sentence every threat word is the mocked one. The author's own threat
            // words elsewhere in the paragraph stay as they are, and a word already turned (所谓,
            // a negator) or rejected is not turned back.
            if cue.frame == .strategicThreat, !applied.contains(where: { $0.kind == "target" }),
               applied.reduce(cue.weight, { $0 * $1.factor }) > 0,
               let p = paragraphStances.first(where: { $0.entry.kind == .target && ($0.sentence == si || voice == .reported || audience != nil) }) {
                applied.append(AppliedModifier(kind: ModifierKind.target.rawValue, text: "mocked: " + p.text, factor: p.entry.factor,
                                               start: p.cpStart, end: p.cpEnd))
            }
            // Pressure on China, or China's own side speaking: the West is then the one applying
            // the pressure, not the audience being warned.
            let targeted = applied.contains { $0.kind == "target" }
            if let (m, entry) = audience, cue.frame == .strategicThreat, !targeted {
                applied.append(AppliedModifier(kind: "audience", text: original(m), factor: entry.factor, start: m.cpStart, end: m.cpEnd))
            }
            if let (role, factor) = position {
                applied.append(AppliedModifier(kind: "position", text: role, factor: factor, start: nil, end: nil))
            }
            let contribution = applied.reduce(cue.weight) { $0 * $1.factor }
            out.append(CueEvidence(start: item.cpStart, end: item.cpEnd, utf16Start: index.utf16(item.cpStart), utf16End: index.utf16(item.cpEnd),
                                   cue: cue.cue, frame: cue.frame, weight: cue.weight, modifiers: applied, contribution: contribution, sentence: si,
                                   voice: voice))
        }
        return out
    }

    /// The quotation that holds the whole cue, if any (quotations are in text order).
    func quotation(containing item: Item, _ quotations: [Quotation], index: CodePointIndex) -> Quotation? {
        guard !quotations.isEmpty else { return nil }
        let a = index.utf16(item.cpStart), b = index.utf16(item.cpEnd)
        var lo = 0, hi = quotations.count
        while lo < hi { let mid = (lo + hi) / 2; if quotations[mid].utf16.upperBound < b { lo = mid + 1 } else { hi = mid } }
        guard lo < quotations.count, quotations[lo].utf16.lowerBound <= a, b <= quotations[lo].utf16.upperBound else { return nil }
        return quotations[lo]
    }

    /// Negators multiply (a double negative cancels); of the other kinds only the strongest
    /// applies (two attribution markers do not halve a claim twice).
    static func strongestPerKind(_ applied: [AppliedModifier]) -> [AppliedModifier] {
        var out: [AppliedModifier] = []
        for m in applied {
            if m.kind == "negator" || m.kind == "contrast" { out.append(m); continue }
            if let i = out.firstIndex(where: { $0.kind == m.kind }) {
                let weaker = switch m.kind {
                case "intensifier": m.factor > out[i].factor
                // A rejection (0) outranks a distancing (< 0), which outranks an endorsement.
                case "stance": Self.stanceRank(m.factor) >= Self.stanceRank(out[i].factor)
                case "target": true
                default: m.factor < out[i].factor
                }
                if weaker { out[i] = m }
            } else {
                out.append(m)
            }
        }
        return out
    }

    /// Negators joined by a coordinator negate one predicate once: 从未也不会, "never and will
    /// not", "not, and never". Of such a run only the first is kept (a double negative needs two
    /// negations of one another, "not without").
    static func joiningCoordinatedNegators(_ applied: [AppliedModifier], text: DocumentText, index: CodePointIndex) -> [AppliedModifier] {
        let negators = applied.filter { $0.kind == "negator" }
        guard negators.count > 1 else { return applied }
        let ordered = negators.sorted { ($0.start ?? 0) < ($1.start ?? 0) }
        var dropped = Set<Int>()  // start offsets of negators joined to the one before
        for k in 1..<ordered.count {
            guard let a = ordered[k - 1].end, let b = ordered[k].start, a <= b else { continue }
            let raw = text.substring(utf16: index.utf16(a)..<index.utf16(b)).lowercased().trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { continue }  // side by side: a real double negative ("not never", 不是不)
            let between = raw.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
            if ["", "也", "亦", "且", "和", "或", "and", "or", "nor", "and will", "and would", "or will"].contains(between) {
                dropped.insert(b)
            }
        }
        guard !dropped.isEmpty else { return applied }
        return applied.filter { $0.kind != "negator" || !dropped.contains($0.start ?? -1) }
    }

    static func stanceRank(_ f: Double) -> Int { f == 0 ? 0 : f < 0 ? 1 : 2 }

    /// Adds one and returns the new value: a dictionary entry counted and read with one hash.
    private static func increment(_ n: inout Int) -> Int { n += 1; return n }

    func entityFraming(entities: [Entity], sentences: [TextSpan], scores: [SentenceFraming], boilerplate: [String?],
                       text: DocumentText, folded: FoldedText) -> [EntityFraming] {
        struct Acc { var id: String; var canonical: String; var type: EntityType; var mentions = 0; var sentences: [Int] = [] }
        var slot: [String: Int] = [:]  // one hash per mention: id → index in `found`
        var found: [Acc] = []
        var s = 0
        for e in entities where e.type != .quantity {
            while s < sentences.count, sentences[s].end <= e.start { s += 1 }
            guard s < sentences.count, sentences[s].start <= e.start, boilerplate[s] == nil else { continue }
            let id = e.id ?? "pattern:" + folded.key(from: e.start, to: e.end)
            let k = slot[id, default: found.count]
            if k == found.count {
                slot[id] = k
                found.append(Acc(id: id, canonical: e.canonical ?? text.substring(utf16: e.utf16Start..<e.utf16End), type: e.type))
            }
            found[k].mentions += 1
            if found[k].sentences.last != s { found[k].sentences.append(s) }
        }
        return found.map { a in
            let c = a.sentences.reduce(0) { $0 + scores[$1].celebratory }
            let t = a.sentences.reduce(0) { $0 + scores[$1].strategicThreat }
            return EntityFraming(id: a.id, canonical: a.canonical, type: a.type, mentions: a.mentions, sentences: a.sentences,
                                 celebratory: c, strategicThreat: t, balance: (t - c) / (t + c + options.smoothing))
        }.sorted { ($1.mentions, $0.id) < ($0.mentions, $1.id) }
    }
}
