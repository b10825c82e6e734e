/// Two document-level layers that decide what a cue is *for* rather than what it says:
///
/// - **Perspective** (`holder` markers): a Western, allied or Taiwanese analysis describes China's
///   records, breakthroughs and new plants at length because they are the basis of the threat it
///   warns of. A celebratory cue whose holder is China (a holder marker in its sentence or
///   paragraph), in a text whose author warns the audience (an `audience` marker applied to a
///   strategic-threat cue) in two or more sentences, weighs `factor` as celebration. The mirror
///   of `target`, which turns pressure *on* China into the celebratory frame's story.
/// - **Register** (`register` markers): a legal or administrative notice (特此公告, 公告如下,
///   "pursuant to", "hereby") states export-control rules; its licensing vocabulary describes,
///   it does not frame. Once register markers stand in two of the author's sentences, every
///   strategic-threat cue × the markers' factor.
/// - **Analysis** (`analysis` markers, framing v7): a credit opinion, a broker's morning note, a
///   results flash or an outlook box measures and forecasts ("base case", "we expect", 环比,
///   评级, 情景, 收盘). Concentration, dependence, leverage and 风险 are its facts, and a price
///   at a record is a market fact, not an achievement. Once analysis markers stand in two of the
///   author's sentences, every cue of both frames × the markers' factor.
///
/// All are applied after the sentences are scored, as one more factor on each cue they touch
/// (kind `holder` or `register` in the evidence), so the document totals stay the sums of the
/// evidence.
struct DocumentMarker {
    var sentence: Int
    var entry: ModifierEntry
    var cpStart: Int
    var cpEnd: Int
    var text: String
}

extension FramingScorer {
    /// The holder, register and analysis markers of the document, in text order: not in
    /// boilerplate, not inside a longer cue; register and analysis markers not inside a quotation
    /// either (a news report quoting 特此公告 is no notice, a quoted forecast is no analysis).
    func documentMarkers(_ modifierMatches: [PhraseMatcher.Match], cueMatches: [PhraseMatcher.Match], sentences: [TextSpan],
                         layout: DocumentLayout, quotations: [Quotation], text: DocumentText, folded: FoldedText, tokens: [Token],
                         index: CodePointIndex) -> (holders: [DocumentMarker], register: [DocumentMarker], analysis: [DocumentMarker]) {
        var holders: [DocumentMarker] = [], register: [DocumentMarker] = [], analysis: [DocumentMarker] = []
        var s = 0
        for m in modifierMatches {
            let entry = lexicon.modifiers[Int(m.payload)]
            guard entry.kind == .holder || entry.kind == .register || entry.kind == .analysis else { continue }
            guard Self.acceptable(m.start, m.end, folded: folded, tokens: tokens[...]) else { continue }
            let cpStart = Int(folded.origin[m.start]), cpEnd = Int(folded.origin[m.end - 1]) + 1
            while s < sentences.count, sentences[s].end <= cpStart { s += 1 }
            guard s < sentences.count, layout.roles[s] != .boilerplate else { continue }
            if Self.insideLongerCue(m, cueMatches) { continue }
            let a = index.utf16(cpStart), b = index.utf16(cpEnd)
            let marker = DocumentMarker(sentence: s, entry: entry, cpStart: cpStart, cpEnd: cpEnd, text: text.substring(utf16: a..<b))
            if entry.kind == .holder {
                holders.append(marker)
            } else if !quotations.contains(where: { $0.utf16.lowerBound <= a && b <= $0.utf16.upperBound }) {
                if entry.kind == .register { register.append(marker) } else { analysis.append(marker) }
            }
        }
        return (holders, register, analysis)
    }

    /// Whether a longer cue overlaps the match (the longest match wins). `cues` are sorted by
    /// start: a binary search finds the first cue starting at or after the match's end, and only
    /// the cues just before it can reach back (no cue is longer than `maxCueScalars`), so a
    /// marker as common as "China" costs a few comparisons, not one per cue of the document.
    static func insideLongerCue(_ m: PhraseMatcher.Match, _ cues: [PhraseMatcher.Match]) -> Bool {
        var lo = 0, hi = cues.count
        while lo < hi { let mid = (lo + hi) / 2; if cues[mid].start < m.end { lo = mid + 1 } else { hi = mid } }
        var k = lo - 1
        while k >= 0, cues[k].start > m.start - maxCueScalars {
            let c = cues[k]
            if m.start < c.end && (c.end - c.start) > (m.end - m.start) { return true }
            k -= 1
        }
        return false
    }

    /// Longer than any cue in the lexicons (in folded scalars), for `insideLongerCue`.
    static let maxCueScalars = 128

    /// How many sentences document-wide markers (in sentence order) sit in, their smallest
    /// factor, and up to four distinct marker texts for the evidence label: what the notice and
    /// analysis registers both decide on.
    static func summary(of markers: [DocumentMarker]) -> (sentences: Int, factor: Double, texts: [String]) {
        var sentences = 0, last = -1, factor = 1.0, texts: [String] = []
        for m in markers {
            if m.sentence != last { sentences += 1; last = m.sentence }
            factor = min(factor, m.entry.factor)
            if texts.count < 4, !texts.contains(m.text) { texts.append(m.text) }
        }
        return (sentences, factor, texts)
    }

    /// A notice: register markers in `registerSentences` or more of the author's sentences make
    /// every strategic-threat cue × the smallest marker factor, shown as `register 'notice: …'`.
    func applyRegister(_ evidence: inout [CueEvidence], markers: [DocumentMarker]) {
        guard options.registerSentences > 0 else { return }
        let (sentencesSeen, factor, texts) = Self.summary(of: markers)
        guard sentencesSeen >= options.registerSentences, factor != 1 else { return }
        let label = "notice: " + texts.joined(separator: ", ")
        for k in evidence.indices where evidence[k].scoredFrame == .strategicThreat && evidence[k].contribution > 0 {
            evidence[k].modifiers.append(AppliedModifier(kind: ModifierKind.register.rawValue, text: label, factor: factor, start: nil, end: nil))
            evidence[k].contribution *= factor
        }
    }

    /// Analysis: analysis markers in `analysisSentences` or more of the author's sentences make
    /// every cue of both frames × the smallest marker factor, shown as `analysis '…'`. Applied
    /// after the notice register, so a notice's threat cues are not weakened twice by the same
    /// reasoning (a cue that already has a `register` factor keeps it alone).
    func applyAnalysis(_ evidence: inout [CueEvidence], markers: [DocumentMarker]) {
        guard options.analysisSentences > 0 else { return }
        let (sentencesSeen, factor, texts) = Self.summary(of: markers)
        guard sentencesSeen >= options.analysisSentences, factor != 1 else { return }
        let label = texts.joined(separator: ", ")
        for k in evidence.indices where evidence[k].contribution != 0
            && !evidence[k].modifiers.contains(where: { $0.kind == ModifierKind.register.rawValue }) {
            evidence[k].modifiers.append(AppliedModifier(kind: ModifierKind.analysis.rawValue, text: label, factor: factor, start: nil, end: nil))
            evidence[k].contribution *= factor
        }
    }

    /// Perspective: when the author warns the audience in `perspectiveSentences` or more sentences
    /// (an `audience` factor on a strategic-threat cue scored as threat, in the author's voice),
    /// each celebratory cue with a holder marker in its sentence (or, for paragraph-scope markers,
    /// its paragraph) × the marker's factor, shown as `holder '<marker>, seen from <audience>'`.
    func applyPerspective(_ evidence: inout [CueEvidence], holders: [DocumentMarker], layout: DocumentLayout) {
        guard options.perspectiveSentences > 0, !holders.isEmpty else { return }
        var warned = 0, last = -1
        var audience: String?
        for e in evidence where e.voice == .author && e.frame == .strategicThreat && e.contribution > 0 && e.sentence != last {
            guard let a = e.modifiers.first(where: { $0.kind == ModifierKind.audience.rawValue }) else { continue }
            warned += 1
            last = e.sentence
            if audience == nil { audience = a.text }
        }
        guard warned >= options.perspectiveSentences, let audience else { return }
        for k in evidence.indices where evidence[k].frame == .celebratory && evidence[k].contribution > 0 {
            let si = evidence[k].sentence, paragraph = layout.paragraphs[si]
            var best: DocumentMarker?
            for h in holders {
                let reaches = h.sentence == si || (h.entry.scope == .paragraph && layout.paragraphs[h.sentence] == paragraph)
                if reaches, best.map({ h.entry.factor < $0.entry.factor }) ?? true { best = h }
            }
            guard let h = best else { continue }
            evidence[k].modifiers.append(AppliedModifier(kind: ModifierKind.holder.rawValue, text: "\(h.text), seen from \(audience)",
                                                         factor: h.entry.factor, start: h.cpStart, end: h.cpEnd))
            evidence[k].contribution *= h.entry.factor
        }
    }
}
