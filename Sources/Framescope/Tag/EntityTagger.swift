/// Tags entities: lexicon surfaces, quantities and name patterns.
///
/// Overlap rule (documented in the README): candidates are taken longest first; on equal length a
/// lexicon entry beats a quantity, which beats a pattern; then the earlier one wins. A chosen span
/// excludes every candidate overlapping it. Pattern names that overlap any lexicon company,
/// or organization are dropped, and person patterns that overlap any lexicon entity (the lexicon
/// is the authority on names it knows). Lexicon
/// candidates inside a chosen span with a different type (the material in a company name, the
/// place in a firm's name) are kept as `nested`, never in `entities`, so nothing counts twice.
/// Finally, touching material mentions and the material modifiers before them join into one
/// material (稀土 + 耐磨钢 → 稀土耐磨钢; sintered + NdFeB + magnets), named by the last one.
/// Last, short forms of names found by pattern ("Halden" after "Halden Materials") fill the
/// places nothing else took, after their introduction, linked to it by a document-local id.
public struct EntityTagger: Sendable {
    public let lexicons: Lexicons
    private let quantities: QuantityFinder
    private let nameWords: EnglishNameWords
    /// Chinese legal suffixes (有限公司 and its longer forms) and descriptors, longest first; sorted once.
    private let legalSuffixesZh: [[UInt32]]
    private let descriptorsZh: [[UInt32]]
    /// The lexicon entry of steels named by their use (风电用钢), for a use before bare 用钢 (缆索用钢).
    private let steelByUse: Int?

    public init(lexicons: Lexicons) {
        self.lexicons = lexicons
        quantities = QuantityFinder(units: lexicons.units)
        nameWords = EnglishNameWords(patterns: lexicons.patterns)
        legalSuffixesZh = (lexicons.patterns.chinese[.companySuffix] ?? []).filter { $0.count >= 4 && $0.contains(NamePatterns.you) }
            .sorted { $0.count > $1.count }
        descriptorsZh = (lexicons.patterns.chinese[.descriptor] ?? []).sorted { $0.count > $1.count }
        steelByUse = lexicons.entities.entries.firstIndex { $0.id == "material:steel-by-use" && $0.type == .material }
    }

    public struct Result: Sendable {
        public var entities: [Entity]
        public var nested: [Entity]
    }

    struct Candidate {
        var start: Int  // code points
        var end: Int
        var type: EntityType
        var source: EntitySource
        var entry: Int?
        /// Index into the document's quantities: a `Quantity` holds strings, and candidates are
        /// copied and moved around several times.
        var quantity: Int?
        /// A pattern name's head without its suffix (code points), for short forms.
        var head: Range<Int>? = nil
        /// For a short form: the index in the chosen entities of the name it stands for.
        var link: Int? = nil
        /// A known firm written with its registered name ("Baotou Tianhe Magnetics Hi-Tech Co.,
        /// Ltd."): its brand after the place is a short form in this document, as a pattern name's is.
        var registered = false
        var priority: Int { source == .lexicon ? 0 : source == .number ? 1 : 2 }
    }

    /// Characters that end a word with a following 中 (其中, 集中, 当中, 之中, 空中, 途中, 手中, 眼中,
    /// 命中, 选中, 居中, 适中, 暗中; folded), for firms and bodies only. Not 年, 月, 期, 高 or 家: a date
    /// or a verb before a name is common (2025年中国…, 同期中国…, 提高中国…).
    static let wordsEndingInZhong = ScalarSet("其集当之空途手眼命选居适暗".unicodeScalars.map(\.value))
    /// Characters that end a word with 台 (平台, 舞台, 电视台, 出台): 台中 after them is no Taichung. Not 月
    /// (10月台中市政府: a date before the name).
    static let wordsEndingInTai = ScalarSet("平舞站阳柜视出登讲擂炮灶窗吧看".unicodeScalars.map(\.value))
    /// Numerals before 台 as a measure word (一台中型, 3台中型): only a bare 台中 gives way to them
    /// (3月台中港, 2台中港 keep the port).
    static let numeralsBeforeTai = ScalarSet("一二两三四五六七八九十几每多数0123456789".unicodeScalars.map(\.value))

    /// `lexiconMatches` are the entity lexicon's matches in the document when a `CombinedMatcher`
    /// found them already; otherwise the lexicon's matcher finds them.
    public func tag(_ text: DocumentText, folded: FoldedText, tokens: [Token], sentences: [TextSpan], index: CodePointIndex,
                    lexiconMatches: [PhraseMatcher.Match]? = nil) -> Result {
        let lex = lexicons.entities
        var candidates: [Candidate] = []
        func cp(_ start: Int, _ end: Int) -> (Int, Int) { (Int(folded.origin[start]), Int(folded.origin[end - 1]) + 1) }
        var lexiconNames = IntervalSet()  // companies and organizations
        var lexiconAny = IntervalSet()
        var materials = IntervalSet()
        var materialStarts: [Int: Int] = [:]  // code points: end → the earliest start of a known material ending there
        var heads: [Int: NamePatterns.Head] = [:]  // folded start → the longest place or known name there
        let matches = lexiconMatches ?? lex.matcher.allMatches(in: folded)
        text.utf16.withUnsafeBufferPointer { utf16 in
            for m in matches {
                let (s, e) = cp(m.start, m.end)
                if lex.surfaceIsAcronym[Int(m.payload)] {
                    let original = utf16[index.utf16(s)..<index.utf16(e)]
                    if original.contains(where: { (0x61...0x7A).contains($0) || (0xFF41...0xFF5A).contains($0) }) { continue }
                } else if lex.surfaceCapitals[Int(m.payload)] > 0 {
                    // A capitalised name written in lower case is an ordinary word (see `surfaceCapitals`).
                    let u = index.utf16(s)
                    if (0x61...0x7A).contains(utf16[u]) { continue }
                    if lex.surfaceCapitals[Int(m.payload)] == 2,
                       (u + 1..<index.utf16(e)).contains(where: { utf16[$0 - 1] == 0x20 && (0x61...0x7A).contains(utf16[$0]) }) { continue }
                }
                let entryIndex = Int(lex.surfaceEntity[Int(m.payload)])
                let entry = lex.entries[entryIndex]
                // A known body whose last character starts a word with the next one is inside that
                // word, as the name patterns rule for unseen names: 外交部 of 外交部长 (the minister),
                // 国防部 of 国防部署 (to deploy), 联合报 of 联合报告 (a joint report). 公司 ends a name
                // before 长 (公司长期: the company has long …).
                if entry.type == .organization || entry.type == .company, m.end < folded.scalars.count,
                   let after = NamePatterns.wordAfterHead[folded.scalars[m.end - 1]], after.contains(folded.scalars[m.end]),
                   !(m.end - m.start >= 2 && folded.scalars[m.end - 2] == 0x516C) { continue }
                // A known name that starts with 中 right after a character that ends a word with it is
                // no mention (其中钢材, 集中钢企, 期中, 空中): 中 belongs to the word before.
                if entry.type == .company || entry.type == .organization, folded.scalars[m.start] == 0x4E2D, m.start > 0,
                   Self.wordsEndingInZhong.contains(folded.scalars[m.start - 1]) { continue }
                // 台中 (Taichung) right after a character that ends a word with 台 is no mention (平台中,
                // 舞台中央, 一台中型): 台 belongs to the word before.
                if entry.type == .place, folded.scalars[m.start] == 0x53F0, m.start > 0, m.start + 1 < m.end,
                   folded.scalars[m.start + 1] == 0x4E2D, Self.wordsEndingInTai.contains(folded.scalars[m.start - 1])
                    || m.end - m.start == 2 && Self.numeralsBeforeTai.contains(folded.scalars[m.start - 1]) { continue }
                // A port's name (天津港, 高雄港) before 口 is the city before 港口 (ports in general), when the name
                // before 港 is a known place itself: 连云港, 防城港 are cities, and 口岸 is a port of entry.
                if entry.type == .place, m.end < folded.scalars.count, folded.scalars[m.end] == 0x53E3,
                   folded.scalars[m.end - 1] == 0x6E2F, m.end - m.start >= 3,
                   !(m.end + 1 < folded.scalars.count && folded.scalars[m.end + 1] == 0x5CB8),
                   matches.contains(where: { $0.start == m.start && $0.end == m.end - 1
                       && lex.entries[Int(lex.surfaceEntity[Int($0.payload)])].type == .place }) { continue }
                lexiconAny.insertOverlapping(s, e)
                // A known firm's registered name in the lexicon (宁波韵升股份有限公司) gives short forms as
                // one the patterns extended does: its head is the name before the legal suffix.
                var head: Range<Int>? = nil
                if entry.type == .company, ScriptClass.isHan(folded.scalars[m.start]),
                   let suffix = legalSuffixesZh.first(where: { m.end - $0.count - m.start >= 2 && FoldedHelpers.hasSuffix(folded.scalars, endingAt: m.end, $0) }) {
                    head = s..<Int(folded.origin[m.end - suffix.count - 1]) + 1
                }
                candidates.append(Candidate(start: s, end: e, type: entry.type, source: .lexicon, entry: entryIndex,
                                            head: head, registered: head != nil))
                if entry.type == .place || entry.type == .company || entry.type == .organization,
                   ScriptClass.isHan(folded.scalars[m.start]), (heads[m.start]?.end ?? -1) < m.end {
                    heads[m.start] = NamePatterns.Head(end: m.end, isPlace: entry.type == .place)
                }
                switch entry.type {
                case .company, .organization: lexiconNames.insertOverlapping(s, e)
                case .material:
                    materials.insertOverlapping(s, e)
                    materialStarts[e] = min(materialStarts[e] ?? s, s)
                default: break
                }
            }
        }
        // A use before bare 用钢 (桥梁缆索用钢, 其中缆索用钢、帘线钢) is a steel named by its use, as the lexicon's
        // 风电用钢 is; 钢 must end the word there (用钢量, 用钢需求 are the consumption of steel).
        if let steelByUse {
            let s = folded.scalars, clauseWords = lexicons.patterns.chinese[.clauseWord] ?? []
            var f = 2
            while f + 1 < s.count {
                defer { f += 1 }
                guard s[f] == Self.yong, s[f + 1] == 0x94A2,
                      f + 2 == s.count || !ScriptClass.isHan(s[f + 2]) || NamePatterns.stopChars.contains(s[f + 2]),
                      let b = Self.purposeStart(s, use: f, limit: 0, clauseWords: clauseWords), folded.isCodePointBoundary(b) else { continue }
                let (start, end) = cp(b, f + 2)
                candidates.append(Candidate(start: start, end: end, type: .material, source: .lexicon, entry: steelByUse))
                materials.insertOverlapping(start, end)
            }
        }
        // A place right before a known body in Chinese is one name with it, the body's entity
        // (美国 + 能源部, 江西省 + 发改委, 日本 + 经济产业省), as the annotation conventions count it.
        var placeEnd: [Int: Int] = [:]  // code points: end → the longest place ending there, its start
        // A known government counts as a place here: its bodies follow it (内蒙古自治区人民政府 +
        // 国有资产监督管理委员会, 江西省人民政府 + 办公厅).
        for c in candidates where (c.type == .place || c.type == .organization && c.source == .lexicon
                                   && Self.endsWithGovernment(folded, c.end))
            && ScriptClass.isHan(folded.scalars[Int(folded.start[c.start])]) {
            // 中国大陆 / 大陆 is how Taiwan and Hong Kong press names the mainland before its ministries
            // (中國大陸商務部, 大陸工信部): the place stays a place of its own, the ministry its own name.
            let fe = Int(folded.start[c.end])
            if c.type == .place, fe >= 2, folded.scalars[fe - 2] == 0x5927, folded.scalars[fe - 1] == 0x9646 { continue }
            if let s = placeEnd[c.end], s <= c.start { continue }
            placeEnd[c.end] = c.start
        }
        if !placeEnd.isEmpty {
            for c in candidates where c.type == .organization && c.source == .lexicon {
                // Government bodies only (部, 委, 局, 署, 厅, 省, 院, 办, 府, 会, 司): a place before a
                // news agency or paper stays a place of its own (日本 + 时事社).
                guard let start = placeEnd[c.start], ScriptClass.isHan(folded.scalars[Int(folded.start[c.start])]),
                      Self.bodyEnds.contains(folded.scalars[Int(folded.start[c.end]) - 1]) else { continue }
                candidates.append(Candidate(start: start, end: c.end, type: .organization, source: .lexicon, entry: c.entry))
            }
        }
        // A level designator alone before a known government body (自治区国资委, 省发改委, 市商务局) names
        // that level's body, one organization as with a place, when it starts the clause: nothing, a
        // non-Han character or a particle before it (全省, 各市 and 地区 are no designators here).
        do {
            let s = folded.scalars
            for c in candidates where c.type == .organization && c.source == .lexicon {
                let fs = Int(folded.start[c.start])
                guard fs > 0, ScriptClass.isHan(s[fs]), Self.bodyEnds.contains(s[Int(folded.start[c.end]) - 1]) else { continue }
                guard let d = Self.levelDesignators.first(where: { fs - $0.count >= 0 && FoldedHelpers.hasSuffix(s, endingAt: fs, $0) }) else { continue }
                let ds = fs - d.count
                guard ds == 0 || !ScriptClass.isHan(s[ds - 1]) || (NamePatterns.stopChars.contains(s[ds - 1]) && !Self.scopeParticles.contains(s[ds - 1])),
                      folded.isCodePointBoundary(ds) else { continue }
                candidates.append(Candidate(start: Int(folded.origin[ds]), end: c.end, type: .organization, source: .lexicon, entry: c.entry))
            }
        }
        // English: a known firm followed by a company word ("Baotou Iron and Steel" + "Company", + "Co.,
        // Ltd.") is the known firm over the whole span; a place and an administrative adjective before a
        // known body ("Tangshan" + "Municipal" + SASAC) or a place before a known body's acronym
        // ("Tangshan SASAC") are one body with it, as in Chinese (唐山市国资委).
        do {
            let s = folded.scalars, u = text.utf16
            func capital(_ f: Int) -> Bool { let c = u[index.utf16(Int(folded.origin[f]))]; return (0x41...0x5A).contains(c) }
            func word(at f: Int, _ list: [[UInt32]]) -> [UInt32]? {
                list.first { FoldedHelpers.hasPrefix(s, at: f, $0) && (f + $0.count == s.count || !ScriptClass.isSpacedWordChar(s[f + $0.count])) }
            }
            var englishPlaceEnd: [Int: Int] = [:]  // folded end → start
            for c in candidates where c.type == .place && c.source == .lexicon {
                let a = Int(folded.start[c.start])
                if !ScriptClass.isHan(s[a]) { englishPlaceEnd[Int(folded.start[c.end])] = a }
            }
            var extra: [Candidate] = []
            for c in candidates where c.source == .lexicon && (c.type == .company || c.type == .organization) {
                let a = Int(folded.start[c.start]), e = Int(folded.start[c.end])
                guard !ScriptClass.isHan(s[a]), ScriptClass.isSpacedWordChar(s[e - 1]) else { continue }
                if c.type == .company {
                    var end = e
                    if end + 1 < s.count, s[end] == 0x20, capital(end + 1), let w = word(at: end + 1, Self.firmWords) {
                        end += 1 + w.count
                        // Abbreviations keep their stop; ", Ltd." and ", Limited" follow.
                        var last = w
                        while true {
                            // A stop that also ends the sentence is the sentence's, except after "Ltd" (as for
                            // registered names found by pattern).
                            if last.count <= 4, end < s.count, s[end] == 0x2E {
                                let closes = end + 1 >= s.count || (s[end + 1] == 0x20 || s[end + 1] == 0x0A) && (end + 2 >= s.count || capital(end + 2) || s[end + 2] == 0x0A)
                                if !closes || last == NamePatterns.ltd { end += 1 }
                            }
                            if end + 2 < s.count, s[end] == 0x2C, s[end + 1] == 0x20, capital(end + 2), let w = word(at: end + 2, Self.legalAfterComma) {
                                end += 2 + w.count
                                last = w
                                continue
                            }
                            // "Co. Ltd." and "Co Ltd": the second legal word without a comma (its stop kept above or not).
                            let stop = end < s.count && s[end] == 0x2E ? 1 : 0
                            if last == NamePatterns.co || last == NamePatterns.corp, end + stop + 1 < s.count, s[end + stop] == 0x20, capital(end + stop + 1),
                               let w = word(at: end + stop + 1, Self.legalAfterComma) {
                                end += stop + 1 + w.count
                                last = w
                                continue
                            }
                            break
                        }
                        extra.append(Candidate(start: c.start, end: Int(folded.origin[end - 1]) + 1, type: .company, source: .lexicon, entry: c.entry))
                    }
                    continue
                }
                guard a >= 2, s[a - 1] == 0x20 else { continue }
                if let ps = englishPlaceEnd[a - 1] {
                    // Written in capitals: an acronym ("SASAC", "NDRC").
                    let acronym = (c.start..<c.end).allSatisfy { let x = u[index.utf16($0)]; return (0x41...0x5A).contains(x) || x == 0x26 }
                    if acronym, c.end - c.start >= 3 {
                        extra.append(Candidate(start: Int(folded.origin[ps]), end: c.end, type: .organization, source: .lexicon, entry: c.entry))
                    }
                    continue
                }
                var b = a - 1
                while b > 0, ScriptClass.isSpacedWordChar(s[b - 1]) { b -= 1 }
                guard b >= 2, s[b - 1] == 0x20, capital(b), let adjective = word(at: b, Self.levelAdjectives), b + adjective.count == a - 1,
                      let ps = englishPlaceEnd[b - 1] else { continue }
                extra.append(Candidate(start: Int(folded.origin[ps]), end: c.end, type: .organization, source: .lexicon, entry: c.entry))
            }
            candidates += extra
        }
        // Code points: start → the longest known place's end, for zones, registered names and short forms.
        var placeSpans: [Int: Int] = [:]
        var placeEntries: [Int: Int] = [:]  // start → the longest known place's lexicon entry
        for c in candidates where c.type == .place && c.source == .lexicon && (placeSpans[c.start] ?? -1) < c.end {
            placeSpans[c.start] = c.end
            placeEntries[c.start] = c.entry
        }
        candidates += placeSuffixCandidates(places: placeSpans, entries: placeEntries, text: text, folded: folded, index: index)
        var found = quantities.find(in: folded)
        for (k, q) in found.enumerated() {
            let (s, e) = cp(q.start, q.end)
            // A bare letter c is Celsius written as a capital ("180 C"), cents written in lower case
            // on the digits ("41c"), and nothing else ("3 c" of a list).
            if let letter = q.bareLetter {
                let written = text.utf16[index.utf16(Int(folded.origin[letter]))]
                if written == 0x63 {
                    guard let cents = q.lowerCase else { continue }
                    found[k].quantity = cents
                } else if written != 0x43 { continue }
            }
            // Unit symbols of one letter keep their case (SI symbols are case-sensitive; matching
            // is on folded text): "5 g" is grams, "5G" a network.
            if let unit = q.quantity.unit, unit.utf8.count == 1, let symbol = unit.utf8.first, symbol >= 0x41 {
                let written = text.utf16[index.utf16(e - 1)]
                if written != UInt16(symbol), written | 0x20 == UInt16(symbol | 0x20) { continue }
            }
            candidates.append(Candidate(start: s, end: e, type: .quantity, source: .number, quantity: k))
        }
        // Token ranges of each sentence, for the English name patterns.
        var sentenceTokens: [Range<Int>] = []
        var t = 0
        for sentence in sentences {
            while t < tokens.count, tokens[t].end <= sentence.start { t += 1 }
            let first = t
            while t < tokens.count, tokens[t].start < sentence.end { t += 1 }
            if t > first { sentenceTokens.append(first..<t) }
        }
        let names = NamePatterns(patterns: lexicons.patterns, words: nameWords, text: text, tokens: tokens, folded: folded)
        // A material written in title case right before another capitalised word is a word of a longer
        // name ("Critical Raw Materials Act", "Rare Earth High-Tech Zone", "Steel City Hotel"), no
        // mention of the material, except in a headline, where every word is capitalised.
        do {
            let u = text.utf16
            func upper(_ cp: Int) -> Bool { (0x41...0x5A).contains(u[index.utf16(cp)]) }
            func sentence(of t: Int) -> Range<Int>? {
                var lo = 0, hi = sentenceTokens.count
                while lo < hi { let mid = (lo + hi) / 2; if sentenceTokens[mid].upperBound <= t { lo = mid + 1 } else { hi = mid } }
                return lo < sentenceTokens.count && sentenceTokens[lo].contains(t) ? sentenceTokens[lo] : nil
            }
            // So is one right after a capitalised word that is no sentence opener, demonym, modifier or
            // material ("Sanchuan Germanium in Yunnan", "Kestrel Graphite said"): the last word of a firm's name.
            let modifiers = lexicons.patterns.english[.materialModifier] ?? []
            func endsName(_ c: Candidate, _ first: Int) -> Bool {
                guard first > 0, first < tokens.count, tokens[first - 1].kind == .word, c.start - tokens[first - 1].end == 1,
                      text.utf16[tokens[first - 1].utf16End] == 0x20, names.capitalised[first - 1],
                      (first..<tokens.firstIndex(startingAtOrAfter: c.end)).allSatisfy({ tokens[$0].kind != .word || names.capitalised[$0] }) else { return false }
                let previous = tokens[first - 1]
                let word = FoldedText.string(folded.scalars[Int(folded.start[previous.start])..<Int(folded.start[previous.end])])
                guard !NamePatterns.leadingStops.contains(word), !modifiers.contains(word), !materials.overlaps(previous.start, previous.end),
                      let range = sentence(of: first - 1) else { return false }
                return !names.isHeadline(range)
            }
            candidates.removeAll { c in
                guard c.type == .material, c.source == .lexicon, upper(c.start) else { return false }
                let first = tokens.firstIndex(startingAtOrAfter: c.start), next = tokens.firstIndex(startingAtOrAfter: c.end)
                if endsName(c, first) { return true }
                guard next < tokens.count, tokens[next].kind == .word, tokens[next].start - c.end == 1, names.capitalised[next],
                      (first..<next).allSatisfy({ tokens[$0].kind != .word || names.capitalised[$0] }),
                      let range = sentence(of: next) else { return false }
                return !names.isHeadline(range)
            }
        }
        var patternFound = names.english(sentences: sentenceTokens, knownMaterial: { materials.overlaps($0, $1) })
        patternFound += names.englishLegalNames(sentences: sentenceTokens)
        patternFound += names.englishPersons(sentences: sentenceTokens)
        // The Chinese scans start only on Han characters (name endings, titles, surnames): a document
        // without one, most English ones, skips them.
        if ScriptClass.containsHan(folded.scalars) {
            patternFound += names.chinese(heads: heads, materialStarts: materialStarts)
            patternFound += names.chinesePersons()
        }
        // A body named by its place ("the Gauteng provincial government") needs that place known, or no
        // known name in the words at all ("Kitakyushu city government", not "Tesla city council").
        patternFound.removeAll { p in
            guard let e = p.placeEnd else { return false }
            return placeSpans[p.start] != e && lexiconAny.overlaps(p.start, e)
        }
        // A known name followed by a legal suffix ("包头华美稀土高科" + "有限公司", "X Group" + "Co.,
        // Ltd.") becomes the known entity over the whole span.
        var knownByStart: [Int: [Candidate]] = [:]
        for c in candidates where c.source == .lexicon && (c.type == .company || c.type == .organization) {
            knownByStart[c.start, default: []].append(c)
        }
        // Also when a place comes first ("中国" + 北方稀土 + "（集团）高科技股份有限公司", "Inner Mongolia" +
        // "Baotou Steel" + "Union Co., Ltd.").
        func known(at start: Int, before end: Int) -> Candidate? {
            knownByStart[start]?.filter { $0.end < end }.max { $0.end < $1.end }
        }
        /// Whether the words after code point `end` start with "Corporation", "Corp", "Company" or "Co" (folded).
        func publicBodyTail(after end: Int) -> Bool {
            let s = folded.scalars
            var f = Int(folded.start[end])
            while f < s.count, s[f] == 0x20 || s[f] == 0x2C { f += 1 }
            return Self.publicBodyWords.contains { w in
                FoldedHelpers.hasPrefix(s, at: f, w) && (f + w.count == s.count || !ScriptClass.isSpacedWordChar(s[f + w.count]))
            }
        }
        // Registered names first: one found by the capitalised-run pattern too takes the same span.
        for p in patternFound.filter(\.legal) + patternFound.filter({ !$0.legal }) where (p.type == .company || p.type == .organization) && !p.unit {
            var k = known(at: p.start, before: p.end)
            if k == nil, p.legal || p.type == .company {
                if let place = placeSpans[p.start] {
                    if p.legal {
                        k = known(at: place, before: p.end) ?? known(at: place + 1, before: p.end)
                    } else if let firm = known(at: place, before: p.end), firm.type == .company, p.end - firm.end <= 2,
                              ScriptClass.isHan(folded.scalars[Int(folded.start[firm.end]) - 1]) {
                        // A country before a known firm and a bare 公司 or 集团 after it (澳大利亚 + 莱纳斯稀土 +
                        // 公司): the place is a place of its own, the firm is the known one with its suffix. A
                        // Latin name before 公司 is annotated alone (澳大利亚Lynas公司 → Lynas).
                        candidates.append(Candidate(start: firm.start, end: p.end, type: .company, source: .lexicon, entry: firm.entry))
                    }
                }
            }
            if let k {
                // A known outlet or body with a firm's legal tail is the firm that publishes or runs it, as
                // copyright lines and disclaimers name it ("Bloomberg L.P.", "Handelsblatt GmbH"); "Corporation"
                // and "Company" also end public bodies' names and keep the body's type.
                let type: EntityType = k.type == .organization && p.legal && !publicBodyTail(after: k.end) ? .company : k.type
                candidates.append(Candidate(start: p.start, end: p.end, type: type, source: .lexicon, entry: k.entry,
                                            head: p.legal ? p.head : nil, registered: p.legal && type == .company))
            }
        }
        // Unknown firms yield to known firms, except a unit over the body it starts with; a person
        // pattern yields to any known entity.
        // A unit that cuts into a known name running past its end is none (…有限公司哈尔滨局 + 哈尔滨局集团公司).
        func cutsIntoKnown(_ p: NamePatterns.Found) -> Bool {
            (p.start + 1..<p.end).contains { knownByStart[$0]?.contains { $0.end > p.end } ?? false }
        }
        // A registered Latin name whose first word is no known name and no place, around a known firm's
        // name, is another firm: "Tarrant Critical Metals Corp." is not Critical Metals Corp.
        func prefixesKnown(_ p: NamePatterns.Found) -> Bool {
            p.legal && p.type == .company && knownByStart[p.start] == nil && placeSpans[p.start] == nil
                && !ScriptClass.isHan(folded.scalars[Int(folded.start[p.start])]) && !lexiconAny.overlaps(p.start, p.start + 1)
        }
        // A Chinese firm's name anchored at its start, with a short known firm cut out of a word inside it
        // (新疆 + 天 + 山钢 + 铁集团: 山钢 of 天山钢铁), is another firm: the known name starts neither the
        // name nor right after a place in it, and after a Han character of the name.
        func cutsShortKnown(_ p: NamePatterns.Found) -> Bool {
            guard p.type == .company, !p.unit, knownByStart[p.start] == nil, !lexiconNames.overlaps(p.start, p.start + 1),
                  ScriptClass.isHan(folded.scalars[Int(folded.start[p.start])]) else { return false }
            var inside = false
            for k in (p.start + 1)..<p.end {
                guard let ks = knownByStart[k] else { continue }
                inside = true
                if placeEnd[k] != nil || ks.contains(where: { $0.end - $0.start > 2 || $0.end >= p.end }) { return false }
                guard ScriptClass.isHan(folded.scalars[Int(folded.start[k - 1])]) else { return false }
            }
            return inside
        }
        // A country's own association (or legislature) named like a known one of another country, its place or demonym first:
        // "Bangladesh Steel Manufacturers Association" is not the (US) Steel Manufacturers Association,
        // "Malaysian Rare Earth Industry Association" not the Rare Earth Industry Association. Only membership
        // bodies: "U.S. Department of Energy" stays a place and a known department.
        func placeLedAssociation(_ p: NamePatterns.Found) -> Bool {
            guard p.type == .organization, !p.unit, p.placeEnd == nil, !ScriptClass.isHan(folded.scalars[Int(folded.start[p.start])]) else { return false }
            var leadEnd = placeSpans[p.start]
            if leadEnd == nil {
                let t = tokens.firstIndex(startingAtOrAfter: p.start)
                if t < tokens.count, tokens[t].start == p.start, names.isWord(t, .demonym) { leadEnd = tokens[t].end }
            }
            // The known name starts at the first token after the place, whatever space stands between.
            guard let lead = leadEnd, lead < p.end else { return false }
            let t = tokens.firstIndex(startingAtOrAfter: lead)
            guard t < tokens.count, tokens[t].start < p.end, let known = knownByStart[tokens[t].start] else { return false }
            let fs = folded.scalars
            return known.contains { k in
                guard k.type == .organization, k.end == p.end else { return false }
                let e = Int(folded.start[k.end])
                return Self.membershipHeads.contains { h in e - h.count > 0 && FoldedHelpers.hasSuffix(fs, endingAt: e, h) && fs[e - h.count - 1] == 0x20 }
            }
        }
        for p in patternFound where p.end > p.start
            && (p.unit ? !cutsIntoKnown(p) : !(p.type == .person ? lexiconAny : lexiconNames).overlaps(p.start, p.end) || prefixesKnown(p) || cutsShortKnown(p)
                || placeLedAssociation(p)) {
            candidates.append(Candidate(start: p.start, end: p.end, type: p.type, source: .pattern, head: p.head))
        }
        candidates += theOutlets(candidates, text: text, index: index)
        // Sorted as plain keys, which the comparator reads without touching the candidates.
        struct Rank: Comparable {
            var length: Int, priority: Int, start: Int, index: Int
            static func < (a: Rank, b: Rank) -> Bool {
                if a.length != b.length { return a.length > b.length }
                if a.priority != b.priority { return a.priority < b.priority }
                if a.start != b.start { return a.start < b.start }
                return a.index < b.index  // the sort before was stable
            }
        }
        let order = candidates.indices.map { Rank(length: candidates[$0].end - candidates[$0].start,
                                                  priority: candidates[$0].priority, start: candidates[$0].start, index: $0) }.sorted()
        var chosenIndices: [Int] = []
        var rejected: [Candidate] = []  // only lexicon ones matter below (nested entities)
        // Longest first means any position: a bitmap keeps this linear (an interval list with
        // inserts in the middle made a 50 MB document quadratic).
        var taken = Occupancy(count: index.count)  // the whole text: short forms come later
        for rank in order {
            let c = candidates[rank.index]
            if taken.overlaps(c.start, c.end) {
                if c.source == .lexicon { rejected.append(c) }
            } else {
                taken.insert(c.start, c.end)
                chosenIndices.append(rank.index)
            }
        }
        // By start; the sort is stable, so ties keep their rank order as before.
        chosenIndices.sort { candidates[$0].start < candidates[$1].start }
        var chosen = chosenIndices.map { candidates[$0] }
        chosen = joinOverlappingMaterials(chosen, rejected: rejected, taken: &taken, tokens: tokens)
        chosen = joinMaterials(chosen, folded: folded, tokens: tokens)
        var displaced = Set<Int>()
        var shortForms = self.shortForms(of: chosen, taken: &taken, text: text, folded: folded, tokens: tokens, index: index, heads: heads,
                                         places: placeSpans, isMaterial: { materials.overlaps($0, $1) }, displaced: &displaced)
        // Materials inside a short form (锗 of 澜沧锗材) are nested in it, as in the full name.
        if !displaced.isEmpty {
            var newIndex = [Int](repeating: -1, count: chosen.count)
            var kept: [Candidate] = []
            for (k, c) in chosen.enumerated() {
                if displaced.contains(k) { if c.source == .lexicon { rejected.append(c) } } else { newIndex[k] = kept.count; kept.append(c) }
            }
            chosen = kept
            for k in shortForms.indices { shortForms[k].link = shortForms[k].link.map { newIndex[$0] } }
        }
        // A firm found by its ending that begins a firm named earlier in the document ("Kessler
        // Motor" after "Kessler Motor Corporation") is that firm's short form, not a second firm.
        var prefixOf: [Int] = []
        let fs = folded.scalars
        for j in chosen.indices where chosen[j].source == .pattern && chosen[j].type == .company && chosen[j].entry == nil {
            let short = fs[Int(folded.start[chosen[j].start])..<Int(folded.start[chosen[j].end])]
            for k in 0..<j where chosen[k].type == .company && (chosen[k].source == .pattern || chosen[k].registered) {
                let full = fs[Int(folded.start[chosen[k].start])..<Int(folded.start[chosen[k].end])]
                if full.count > short.count + 1, full.starts(with: short), full[full.startIndex + short.count] == 0x20 {
                    chosen[j].source = .shortForm
                    chosen[j].link = k
                    prefixOf.append(k)
                    break
                }
            }
        }
        // Names that a short form stands for carry a document-local id, like their short forms.
        var named = Set(shortForms.compactMap(\.link) + prefixOf)
        if !shortForms.isEmpty {
            chosen += shortForms
            var order = Array(chosen.indices)
            order.sort { (chosen[$0].start, $0) < (chosen[$1].start, $1) }
            var position = [Int](repeating: 0, count: chosen.count)
            for (k, i) in order.enumerated() { position[i] = k }
            chosen = order.map { var c = chosen[$0]; c.link = c.link.map { position[$0] }; return c }
            named = Set(named.map { position[$0] })
        }
        // A pinyin gloss right after a name's last Han character is read with it (镝(dī), 锗(zhě)):
        // the span covers the text as written, as a gloss inside a name does.
        if !folded.glosses.isEmpty {
            var glossAt: [Int: Int] = [:]
            for g in folded.glosses { glossAt[g.lowerBound] = g.upperBound }
            for k in chosen.indices where chosen[k].source != .number {
                if let e = glossAt[chosen[k].end] { chosen[k].end = e }
            }
        }
        var nested: [Candidate] = []
        var seenNested = Set<[Int]>()
        // Chosen spans are disjoint and sorted: the one that could contain r is the last starting at or before it.
        func container(of r: Candidate) -> Candidate? {
            var lo = 0, hi = chosen.count
            while lo < hi { let mid = (lo + hi) / 2; if chosen[mid].start <= r.start { lo = mid + 1 } else { hi = mid } }
            guard lo > 0, chosen[lo - 1].end >= r.end else { return nil }
            return chosen[lo - 1]
        }
        for r in rejected {
            guard let outer = container(of: r), outer.type != r.type else { continue }
            if seenNested.insert([r.start, r.end, r.entry ?? -1]).inserted { nested.append(r) }
        }
        nested.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        func entity(_ c: Candidate) -> Entity {
            let entry = c.entry.map { lex.entries[$0] }
            return Entity(start: c.start, end: c.end, utf16Start: index.utf16(c.start), utf16End: index.utf16(c.end),
                          type: c.type, id: entry?.id, canonical: entry?.canonical, source: c.source, quantity: c.quantity.map { found[$0].quantity })
        }
        var entities = chosen.map(entity)
        // A known name keeps its lexicon id; a pattern name gets a document-local one.
        for k in named where entities[k].id == nil {
            entities[k].id = "pattern:" + folded.key(from: chosen[k].start, to: chosen[k].end)
            entities[k].canonical = text.substring(utf16: entities[k].utf16Start..<entities[k].utf16End)
        }
        for (k, c) in chosen.enumerated() {
            if let l = c.link { entities[k].id = entities[l].id; entities[k].canonical = entities[l].canonical }
        }
        return Result(entities: entities, nested: nested.map(entity))
    }

    /// Short forms of names found by pattern, resolved within the document: a company or
    /// organization introduced in full ("Halden Materials", "Kessler Motor Corporation",
    /// 江西金力永磁科技股份有限公司) and later named by its first word or its head without the
    /// industry words (Halden, Kessler Motor, 金力永磁), and a person named later by one part of
    /// the name (Okafor, Cai). Only mentions after the introduction count, and only where nothing
    /// else was tagged; an English short form must be capitalised there and never written in
    /// lower case in the document (an ordinary word), a Chinese one at least two characters; no
    /// short form is a common word or stands for two names.
    func shortForms(of chosen: [Candidate], taken: inout Occupancy, text: DocumentText, folded: FoldedText, tokens: [Token],
                    index: CodePointIndex, heads: [Int: NamePatterns.Head], places: [Int: Int] = [:],
                    isMaterial: (Int, Int) -> Bool = { _, _ in false }, displaced: inout Set<Int>) -> [Candidate] {
        let s = folded.scalars
        let patterns = lexicons.patterns
        // Folded form → the introducing name (nil once two names claim it).
        var forms: [[UInt32]: Int?] = [:]
        var formOrder: [[UInt32]] = []
        func fi(_ cp: Int) -> Int { Int(folded.start[cp]) }
        // Two mentions of one name (the same lexicon entry, or the same text found by pattern)
        // claim a form together; two different names make it ambiguous.
        func same(_ a: Int, _ b: Int) -> Bool {
            if a == b { return true }
            if let x = chosen[a].entry, let y = chosen[b].entry { return x == y }
            return chosen[a].entry == nil && chosen[b].entry == nil
                && s[fi(chosen[a].start)..<fi(chosen[a].end)] == s[fi(chosen[b].start)..<fi(chosen[b].end)]
        }
        /// The first six letters of the word after `form` inside name `k` (folded), if it has four or more.
        func industryStem(_ form: [UInt32], _ k: Int) -> ArraySlice<UInt32>? {
            let name = s[fi(chosen[k].start)..<fi(chosen[k].end)]
            guard !form.isEmpty, name.count > form.count else { return nil }
            var i = name.startIndex
            while i + form.count < name.endIndex {
                if name[i..<(i + form.count)].elementsEqual(form), i == name.startIndex || name[i - 1] == 0x20, name[i + form.count] == 0x20 {
                    var e = i + form.count + 1
                    while e < name.endIndex, (0x61...0x7A).contains(name[e]) { e += 1 }
                    let word = name[(i + form.count + 1)..<e]
                    return word.count >= 4 ? word.prefix(6) : nil
                }
                i += 1
            }
            return nil
        }
        func sameIndustry(_ form: [UInt32], _ a: Int, _ b: Int) -> Bool {
            guard let x = industryStem(form, a), let y = industryStem(form, b) else { return false }
            return x.elementsEqual(y)
        }
        func add(_ form: [UInt32], _ k: Int) {
            guard !form.isEmpty else { return }
            if let owner = forms[form] {
                // Two unknown firms whose brand is followed by one industry word ("Ganxi Magnetics", "Jiangxi
                // Ganxi Magnetic Materials Co., Ltd.": the same first six letters) are one firm written two
                // ways, and the first keeps the form; "Halden Materials" and "Halden Motors" are two firms.
                let oneFirm = owner.map { chosen[$0].type == .company && chosen[k].type == .company
                    && chosen[$0].entry == nil && chosen[k].entry == nil && sameIndustry(form, $0, k) } ?? false
                if let o = owner, !same(o, k), !oneFirm { forms[form] = .some(nil) }
            } else {
                forms[form] = k
                formOrder.append(form)
            }
        }
        let genericZh = (patterns.chinese[.genericWord] ?? []) + (patterns.chinese[.sectorWord] ?? []), clauseZh = patterns.chinese[.clauseWord] ?? []
        // descriptorsZh: longest first (高科技 before 科技, 新材料 before 材料).
        // Chinese forms of three characters or more (brand + industry word: 华磁新材, 宝联金属) also
        // stand for the name before its introduction where they fill a line or a segment of one (an
        // account's masthead, a byline: "原创　宣传部　华磁新材"); in a sentence they wait for it.
        var anywhere = Set<[UInt32]>()
        func segment(_ a: Int, _ b: Int) -> Bool {
            func edge(_ x: UInt32) -> Bool { x == 0x0A || x == 0x0D || x == 0x09 || x == 0x20 || x == 0x3000 || x == 0x7C || x == 0xFF5C || x == 0xB7 }
            return (a == 0 || edge(s[a - 1])) && (b >= s.count || edge(s[b]))
        }
        for (k, c) in chosen.enumerated() where (c.source == .pattern || c.registered) && (c.type == .company || c.type == .organization || c.type == .person) {
            let a = fi(c.start)
            // The whole name again, where no pattern found it (a title-case line, a footer).
            if c.type != .person, !c.registered { add(Array(s[a..<fi(c.end)]), k) }
            if ScriptClass.isHan(s[a]) {
                // Chinese: the head without a leading place, then without trailing industry words,
                // one at a time (宝联金属集团控股 → 宝联金属集团 → 宝联金属 → 宝联), and the brand with the
                // first two characters of a longer industry word after it (华磁 + 新材料 → 华磁新材).
                guard c.type != .person, let head = c.head else { continue }
                var hs = fi(head.lowerBound), he = fi(head.upperBound)
                let placeStart = hs
                if let h = heads[hs], h.isPlace, h.end < he { hs = h.end } else if let pe = places[head.lowerBound], fi(pe) < he { hs = fi(pe) }
                // An industry word alone (锗业, 科技) is no firm's short form.
                func usable(_ r: Range<Int>) -> Bool {
                    let key = Array(s[r])
                    return r.count >= 2 && r.count < fi(c.end) - a && !genericZh.contains(key) && !clauseZh.contains(key)
                        && !descriptorsZh.contains(key) && heads[r.lowerBound]?.isPlace != true
                }
                func addZh(_ r: Range<Int>, _ extra: [UInt32] = []) {
                    guard usable(r) else { return }
                    let form = Array(s[r]) + extra
                    add(form, k)
                    if form.count >= 3 { anywhere.insert(form) }
                }
                addZh(hs..<he)
                // The brand with a longer industry word shortened is a form too when another industry word
                // came between them (鑫磁 + 稀土 + 新材料 → 鑫磁新材, as 华磁 + 新材料 → 华磁新材).
                var brandNext: [UInt32]? = nil, longer: [UInt32]? = nil
                while let d = descriptorsZh.first(where: { he - $0.count - hs >= 2 && FoldedHelpers.hasSuffix(s, endingAt: he, $0) }) {
                    he -= d.count
                    brandNext = d
                    if d.count >= 3 { longer = d }
                    addZh(hs..<he)
                }
                if let d = brandNext, d.count >= 3 { addZh(hs..<he, Array(d.prefix(2))) }
                else if let d = longer { addZh(hs..<he, Array(d.prefix(2))) }
                // A firm named by its region and industry (滇西 + 锗业 + 科技…) is called by both together: 滇西锗业.
                // Only a metal's trade (X业 of a metal): 包头钢铁, 中国稀土 and 江西工业 are also common phrases.
                if placeStart < hs, he - placeStart < fi(c.end) - a, he - hs == 2, s[he - 1] == 0x4E1A,
                   Self.metalTrades.contains(s[hs]), descriptorsZh.contains(Array(s[hs..<he])) {
                    let form = Array(s[placeStart..<he])
                    add(form, k)
                    anywhere.insert(form)
                }
                continue
            }
            /// Token `t` ending at `end`: a possessive cut off.
            func clipped(_ t: Int, _ end: Int) -> Token { var x = tokens[t]; x.utf16End -= x.end - end; x.end = end; return x }
            // English: the name's word tokens; the last may run on with a possessive ("Materials's").
            var words: [Int] = []
            var t = tokens.firstIndex(startingAtOrAfter: c.start)
            while t < tokens.count, tokens[t].start < c.end {
                if tokens[t].kind == .word { words.append(t) }
                t += 1
            }
            guard words.count >= 2 else { continue }
            func kinds(_ t: Int) -> EnglishNameWords.Kind {
                tokens[t].end > c.end ? nameWords.kinds(nameWords.id(of: clipped(t, c.end), in: folded)) : nameWords.kinds(nameWords.id(of: tokens[t], in: folded))
            }
            let notAShortForm: EnglishNameWords.Kind = [.genericWord, .leadingStop, .personTitle, .companySuffix, .orgHead, .legalSuffix, .descriptor]
            func key(_ from: Int, _ to: Int) -> [UInt32] { Array(s[fi(tokens[from].start)..<fi(min(tokens[to].end, c.end))]) }
            func proper(_ t: Int) -> Bool {
                let u = text.utf16[tokens[t].utf16Start]
                return tokens[t].end - tokens[t].start >= 3 && (0x41...0x5A).contains(u) && kinds(t).isDisjoint(with: notAShortForm)
                    && !isMaterial(tokens[t].start, tokens[t].end)
            }
            if c.type == .person {
                for w in words where proper(w) { add(key(w, w), k) }
                continue
            }
            // A leading place is no part of the brand ("Ningbo" of "Ningbo Kexin Magnetics Co., Ltd.").
            var first = 0, placeLed = false
            if let end = places[tokens[words[0]].start], let j = words.firstIndex(where: { tokens[$0].end == end }), j + 1 < words.count - 1 {
                first = j + 1
                placeLed = true
            } else if c.registered {
                continue  // a known firm's brand is its lexicon forms ("Robert" of "Robert Bosch GmbH" is none)
            }
            // A legal word that starts the name is no part of its brand ("PT" of "PT Cilegon Lapis Baja").
            if first + 2 < words.count, kinds(words[first]).contains(.legalSuffix) { first += 1 }
            guard proper(words[first]) else { continue }
            add(key(words[first], words[first]), k)
            // The place with the brand's first word is a short form too, the one a place-named firm is called
            // by ("Kimberley Crest" of "Kimberley Crest Resources Limited"); the brand alone stays one.
            if placeLed, c.type == .company { add(key(words[0], words[first]), k) }
            // The brand's first words ("Cilegon Lapis" of "PT Cilegon Lapis Baja").
            var w = first + 1
            while w < words.count - 1, kinds(words[w]).isDisjoint(with: notAShortForm) {
                add(key(words[first], words[w]), k)
                w += 1
            }
            // "Kessler Motor" of "Kessler Motor Corporation", "Kexin Magnetics" of "… Magnetics Co., Ltd.":
            // the head without its suffix words, and without its industry words one at a time.
            var last = words.count - 1
            let tail: EnglishNameWords.Kind = [.legalSuffix, .companySuffix, .orgHead, .descriptor]
            while last > first, !kinds(words[last]).isDisjoint(with: tail) {
                last -= 1
                if last > first, kinds(words[last]).isDisjoint(with: [.legalSuffix]) { add(key(words[first], words[last]), k) }
            }
        }
        // A short form in brackets right after a name, whatever found the name: "Japan
        // Organization for Metals and Energy Security (JOGMEC)", 工业技术研究院（工研院）,
        // …有限公司（以下简称"稀土协会"）. It is tagged there and later, like the forms above.
        // An English organization named last by its head word ("European Commission", "Defense
        // Logistics Agency") is that word alone later ("the Commission", "the Agency").
        var headForms = Set<[UInt32]>()
        for (k, c) in chosen.enumerated() where c.type == .company || c.type == .organization {
            if let form = bracketedShortForm(after: c, text: text, folded: folded, index: index) { add(form, k) }
            guard c.type == .organization, !ScriptClass.isHan(s[fi(c.start)]) else { continue }
            // The name's words; a possessive after the last is no part of it ("European Commission's").
            var t = tokens.firstIndex(startingAtOrAfter: c.start)
            var nameWordKeys: [[UInt32]] = []
            while t < tokens.count, tokens[t].start < c.end {
                if tokens[t].kind == .word { nameWordKeys.append(Array(s[fi(tokens[t].start)..<fi(min(tokens[t].end, c.end))])) }
                t += 1
            }
            guard nameWordKeys.count >= 2, let key = nameWordKeys.last else { continue }
            if Self.referringHeads.contains(FoldedText.string(key[...])) {
                add(key, k)
                headForms.insert(key)
            }
            // A department or ministry named later by its portfolio: "Commerce" after "Department of Commerce".
            let of: [UInt32] = [0x6F, 0x66], the: [UInt32] = [0x74, 0x68, 0x65]
            let n = nameWordKeys.count
            if n == 3 || n == 4 && nameWordKeys[2] == the, Self.portfolioHeads.contains(FoldedText.string(nameWordKeys[0][...])),
               nameWordKeys[1] == of, Self.portfolios.contains(FoldedText.string(key[...])) {
                add(key, k)
                headForms.insert(key)
            }
        }
        guard !formOrder.isEmpty else { return [] }
        // A head word inside another capitalised name ("Securities Commission") is no short form.
        func standsAlone(_ cp: Int) -> Bool {
            let t = tokens.firstIndex(startingAtOrAfter: cp)
            func capitalised(_ i: Int) -> Bool {
                tokens[i].kind == .word && (0x41...0x5A).contains(text.utf16[tokens[i].utf16Start])
                    && !NamePatterns.leadingStops.contains(FoldedText.string(s[fi(tokens[i].start)..<fi(tokens[i].end)]))
            }
            if t > 0, capitalised(t - 1), tokens[t].start - tokens[t - 1].end <= 1 { return false }
            if t + 1 < tokens.count, tokens[t + 1].start - tokens[t].end <= 1,
               capitalised(t + 1) || FoldedText.string(s[fi(tokens[t + 1].start)..<fi(tokens[t + 1].end)]) == "of" { return false }
            return true
        }
        // A Latin form before another capitalised word is a word of a longer name there ("Tees Valley" of
        // "Tees Valley Media Group" after "Tees Valley Courier").
        func continuesName(_ cp: Int) -> Bool {
            let t = tokens.firstIndex(startingAtOrAfter: cp)
            guard t < tokens.count, tokens[t].start - cp <= 1, tokens[t].kind == .word,
                  (0x41...0x5A).contains(text.utf16[tokens[t].utf16Start]) else { return false }
            return !NamePatterns.leadingStops.contains(FoldedText.string(s[fi(tokens[t].start)..<fi(tokens[t].end)]))
        }
        // Longest first: "Kessler Motor" before "Kessler".
        formOrder.sort { $0.count > $1.count }
        // A firm's short form before 人 names its staff, no firm (华磁人, 宝联人), except 人员 and 人事
        // (华磁人员: the firm's personnel).
        func staff(_ end: Int) -> Bool {
            end < s.count && ScriptClass.isHan(s[end - 1]) && s[end] == 0x4EBA
                && !(end + 1 < s.count && (s[end + 1] == 0x5458 || s[end + 1] == 0x4E8B))
        }
        // One pass over the text for all forms (most characters start none); at each position the
        // longest form that matches there is recorded. Only a match start is looked at, and the
        // rest of a spaced word is skipped at once: no position inside it can start a form. The
        // forms are few, so a position's candidates are found by a scan of their first scalars
        // (in `formOrder` order, longest first) rather than a hash per letter.
        let firstScalars = ScalarSet(formOrder.map { $0[0] })
        // The forms grouped by first scalar, each group in `formOrder` order: a position tries only
        // the forms that start with its scalar (ASCII through a table, the rest through a dictionary).
        // Group numbers as Int32: a document can hold more than 32,767 groups (one per first scalar).
        var asciiGroup = [Int32](repeating: -1, count: 128)
        var otherGroup: [UInt32: Int] = [:]
        var groups: [[Int]] = []
        for (n, form) in formOrder.enumerated() {
            let c = form[0]
            let g = c < 128 ? Int(asciiGroup[Int(c)]) : otherGroup[c] ?? -1
            if g >= 0 { groups[g].append(n); continue }
            if c < 128 { asciiGroup[Int(c)] = Int32(groups.count) } else { otherGroup[c] = groups.count }
            groups.append([n])
        }
        var hits = [[Int]](repeating: [], count: formOrder.count)
        var ordinary = [Bool](repeating: false, count: formOrder.count)
        var p = 0
        while p < s.count {
            p = firstScalars.firstMember(in: s, from: p)
            guard p < s.count else { break }
            let c = s[p]
            if PhraseMatcher.isStart(folded, p), let g = c < 128 ? Int(asciiGroup[Int(c)]) : otherGroup[c], g >= 0 {
                for n in groups[g] where FoldedHelpers.hasPrefix(s, at: p, formOrder[n]) && PhraseMatcher.isEnd(folded, p + formOrder[n].count) {
                    if !ScriptClass.isHan(c), !(0x41...0x5A).contains(text.utf16[index.utf16(Int(folded.origin[p]))]) {
                        ordinary[n] = true
                    } else if let owner = forms[formOrder[n]], let k = owner, p >= fi(chosen[k].end) || anywhere.contains(formOrder[n]) && segment(p, p + formOrder[n].count),
                              !staff(p + formOrder[n].count),
                              ScriptClass.isHan(c) || !continuesName(Int(folded.origin[p + formOrder[n].count - 1]) + 1),
                              !headForms.contains(formOrder[n]) || standsAlone(Int(folded.origin[p])) {
                        hits[n].append(p)
                    }
                    break
                }
            }
            p += 1
            if ScriptClass.isSpacedWordChar(c) {
                while p < s.count, ScriptClass.isSpacedWordChar(s[p]) { p += 1 }
            }
        }
        var out: [Candidate] = []
        for (n, form) in formOrder.enumerated() where !ordinary[n] {
            guard let owner = forms[form], let k = owner else { continue }
            for p in hits[n] {
                let start = Int(folded.origin[p]), end = Int(folded.origin[p + form.count - 1]) + 1
                // A form may take the place of what lies inside it and is shorter: a place that
                // starts the brand (Cilegon of "Cilegon Lapis", 澜沧 of 澜沧锗材, both scripts) and,
                // in Chinese, materials (镓 of 右江镓业); nothing else.
                var inside: [Int] = []
                if taken.overlaps(start, end) {
                    var lo = 0, hi = chosen.count
                    while lo < hi { let mid = (lo + hi) / 2; if chosen[mid].end <= start { lo = mid + 1 } else { hi = mid } }
                    var j = lo
                    while j < chosen.count, chosen[j].start < end { inside.append(j); j += 1 }
                    let han = ScriptClass.isHan(s[p])
                    guard !inside.isEmpty, inside.allSatisfy({ i in
                        let c = chosen[i]
                        guard c.start >= start, c.end <= end, c.end - c.start < end - start else { return false }
                        // A known firm that a registered name was read as, at the form's start ("Ganfeng" of
                        // "Ganfeng Tungsten" after "Jiangxi Ganfeng Tungsten Industry Co., Ltd."), and a Latin
                        // material after the brand word ("Tungsten") give way to the form too.
                        let sameFirm = c.source == .lexicon && c.start == start && chosen[k].registered && c.entry == chosen[k].entry
                        return (c.type == .place && c.start == start) || (han && c.type == .material) || sameFirm
                            || (!han && c.type == .material && c.start > start)
                    }) else { continue }
                    displaced.formUnion(inside)
                }
                taken.insert(start, end)
                out.append(Candidate(start: start, end: end, type: chosen[k].type, source: .shortForm, link: k))
            }
        }
        return out
    }

    /// Administrative levels that name a body of their level before it (自治区国资委, 省发改委; folded),
    /// longest first.
    static let levelDesignators: [[UInt32]] = ["自治区", "自治州", "省", "市", "县", "州", "区"].map { $0.unicodeScalars.map(\.value) }
    /// Company words after a known English firm that belong to its name (folded), longest first.
    static let firmWords: [[UInt32]] = ["corporation", "company", "holdings", "limited", "group", "corp", "ltd", "inc", "co"].map { $0.unicodeScalars.map(\.value) }
    static let legalAfterComma: [[UInt32]] = ["limited", "ltd", "inc"].map { $0.unicodeScalars.map(\.value) }
    /// Legal tails that also end public bodies' names ("Australian Broadcasting Corporation"; folded).
    static let publicBodyWords: [[UInt32]] = ["corporation", "company", "corp", "co"].map { $0.unicodeScalars.map(\.value) }
    /// Last words of membership bodies and legislatures that each country or state has one of (see
    /// `placeLedAssociation`): "Queensland Parliament" and "Kenya National Assembly" are no bare "Parliament".
    static let membershipHeads: [[UInt32]] = ["association", "federation", "institute", "council", "alliance", "society", "chamber",
                                               "parliament", "assembly"].map { $0.unicodeScalars.map(\.value) }
    /// English adjectives of an administrative level between a place and its body ("Tangshan Municipal …").
    static let levelAdjectives: [[UInt32]] = ["municipal", "provincial", "prefectural", "regional", "county", "district"].map { $0.unicodeScalars.map(\.value) }
    /// Particles before a designator that make it a scope, not a level (各省, 每市).
    static let scopeParticles = ScalarSet("各每".unicodeScalars.map(\.value))

    /// Whether the folded text ends with 政府 at code point `end`.
    static func endsWithGovernment(_ folded: FoldedText, _ end: Int) -> Bool {
        let e = Int(folded.start[end])
        return e >= 2 && folded.scalars[e - 2] == 0x653F && folded.scalars[e - 1] == 0x5E9C
    }

    /// Last characters of a government body's name (folded).
    /// 室 and 心 end offices and centres (地方志办公室, 融媒体中心).
    static let bodyEnds = Set("部委局署厅省院办府会司室心".unicodeScalars.map(\.value))

    /// Heads of bodies named later by their portfolio ("Commerce" after "Department of Commerce"); folded.
    static let portfolioHeads: Set<String> = ["department", "ministry", "secretary", "secretariat"]
    /// Portfolios that stand for their department or ministry (folded); "State" and "Justice" are too
    /// often other words.
    static let portfolios: Set<String> = ["commerce", "energy", "treasury", "interior", "defense", "defence", "agriculture", "labor", "labour", "transportation"]

    /// Organization heads that stand for the one organization of the document named with them last.
    static let referringHeads: Set<String> = [
        "commission", "council", "parliament", "ministry", "department", "agency", "bureau", "administration",
        "committee", "authority", "exchange", "institute", "academy", "survey", "university", "senate", "assembly",
        // Courts and tribunals, governments, legislatures, associations and networks named in full first
        // ("the Trade Remedies Tribunal", "the Australian Government"; then "the Tribunal", "the Government").
        "tribunal", "court", "government", "congress", "association", "federation", "alliance", "network",
        // Newspapers named by their head word after their full name ("The Courier welcomes letters"); a head
        // also written in lower case in the document ("at times", "a post") is no short form there.
        "courier", "herald", "tribune", "gazette", "chronicle", "journal", "times", "post", "shimbun",
    ]

    /// The metal of a metal's trade word (锗业, 铜业, 钨业; folded): a firm named by its region and such a word
    /// is called by both together (滇西锗业, 江西铜业).
    static let metalTrades = ScalarSet("锗镓锑锡铟镁钛钴锌铅硅锰钒铌钽钨铝铜锂钼镍".unicodeScalars.map(\.value))
    /// Words that introduce a short form inside the bracket (以下简称, 简称; folded).
    static let shortFormIntroducers: [[UInt32]] = ["以下简称", "下称", "简称"].map { $0.unicodeScalars.map(\.value) }
    static let yixia: [UInt32] = "以下".unicodeScalars.map(\.value)

    /// The folded short form in a bracket right after the name `c`, when it abbreviates the name:
    /// an acronym of two to ten letters, written with at least two capitals, whose letters occur
    /// in order in an English name from the start of one of its words (Schwartz and Hearst's
    /// test: KOMIR, KABIL, JOGMEC), any such acronym after a Chinese name (伦敦金属交易所（LME）),
    /// or two to six Han characters taken in order from a Chinese name (工研院, 产发署) that are
    /// no generic, clause, suffix or head word (以下简称"公司" is no short form).
    func bracketedShortForm(after c: Candidate, text: DocumentText, folded: FoldedText, index: CodePointIndex) -> [UInt32]? {
        let s = folded.scalars
        let a = Int(folded.start[c.start]), e = Int(folded.start[c.end])
        var i = e
        if i < s.count, s[i] == 0x20 { i += 1 }
        guard i < s.count, s[i] == 0x28 else { return nil }
        i += 1
        // A line break of a wrapped page is one space in the folded text: skip it anywhere in the
        // bracket (（以下 简称"澜沧锗材" ）).
        func space() { while i < s.count, s[i] == 0x20 || s[i] == 0x0A || s[i] == 0x0D { i += 1 } }
        space()
        if let intro = Self.shortFormIntroducers.first(where: { FoldedHelpers.hasPrefix(s, at: i, $0) }) {
            i += intro.count
            if i < s.count, s[i] == 0x3A || s[i] == 0x20 { i += 1 }
        } else if FoldedHelpers.hasPrefix(s, at: i, Self.yixia) {
            var j = i + 2
            while j < s.count, s[j] == 0x20 || s[j] == 0x0A || s[j] == 0x0D { j += 1 }
            guard j > i + 2, let intro = Self.shortFormIntroducers.first(where: { FoldedHelpers.hasPrefix(s, at: j, $0) }) else { return nil }
            i = j + intro.count
            if i < s.count, s[i] == 0x3A || s[i] == 0x20 { i += 1 }
        }
        let quotes: Set<UInt32> = [0x22, 0x27, 0x300C, 0x300D, 0x300E, 0x300F, 0x2018, 0x2019]
        if i < s.count, quotes.contains(s[i]) { i += 1 }
        let first = i
        while i < s.count, i - first <= 10, ScriptClass.isHan(s[i]) || (0x61...0x7A).contains(s[i]) || (0x30...0x39).contains(s[i]) || s[i] == 0x26 || s[i] == 0x2D {
            i += 1
        }
        let form = Array(s[first..<i])
        space()
        if i < s.count, quotes.contains(s[i]) { i += 1 }
        space()
        // A listing's code may follow the form after a comma (（南岭稀材，股份代号：8）, "(Lynas, ASX: LYC)").
        if i < s.count, s[i] == 0x2C || s[i] == 0x3001, let close = (i..<min(s.count, i + 24)).first(where: { s[$0] == 0x29 }),
           !(i..<close).contains(where: { s[$0] == 0x28 }) {
            i = close
        }
        guard i < s.count, s[i] == 0x29, (2...10).contains(form.count) else { return nil }
        let han = form.allSatisfy { ScriptClass.isHan($0) }
        let longIsHan = ScriptClass.isHan(s[a])
        let name = s[a..<e]
        if han {
            guard longIsHan, form.count <= 6, form.count < name.count else { return nil }
            // Each character in order from the name.
            var j = name.startIndex
            for ch in form {
                while j < name.endIndex, name[j] != ch { j += 1 }
                guard j < name.endIndex else { return nil }
                j += 1
            }
            let p = lexicons.patterns
            for role: PatternLexicon.Role in [.genericWord, .clauseWord, .companySuffix, .orgHead, .descriptor] where p.chinese[role]?.contains(form) == true {
                return nil
            }
            return form
        }
        guard form.allSatisfy({ !ScriptClass.isHan($0) }), (0x61...0x7A).contains(form[0]) else { return nil }
        // Written with capitals: the first letter and at least one more.
        let u = text.utf16
        let from = index.utf16(Int(folded.origin[first])), to = index.utf16(Int(folded.origin[i - 1]) + 1)
        let capitals = u[from..<to].filter { (0x41...0x5A).contains($0) }.count
        guard (0x41...0x5A).contains(u[from]), capitals >= 2 else { return nil }
        if longIsHan { return form }
        func alphanumeric(_ x: UInt32) -> Bool { (0x61...0x7A).contains(x) || (0x30...0x39).contains(x) || x > 0x7F && !ScriptClass.isHan(x) && x != 0x20 }
        var j = name.endIndex
        for n in stride(from: form.count - 1, through: 0, by: -1) where alphanumeric(form[n]) {
            var found = false
            while j > name.startIndex {
                j -= 1
                if name[j] == form[n], n > 0 || j == name.startIndex || !alphanumeric(name[j - 1]) { found = true; break }
            }
            guard found else { return nil }
        }
        return form
    }

    /// A known material that a longer one cut into joins it: "light rare earth" + "rare earth
    /// oxides" is "light rare earth oxides", 耐候钢 + 钢轨 is 耐候钢轨 (the longest span, as the
    /// annotation conventions count it), when the part it adds is free.
    /// The joined span must end and start where words do (the segmenter's tokens): 耐磨钢 + 钢品 in
    /// 耐磨钢品种 ("kinds of wear-resistant steel") does not join, 钢品 cuts into 品种.
    func joinOverlappingMaterials(_ chosen: [Candidate], rejected: [Candidate], taken: inout Occupancy, tokens: [Token]) -> [Candidate] {
        func insideToken(_ p: Int) -> Bool { Self.insideToken(p, tokens) }
        var startingAt: [Int: Int] = [:], endingAt: [Int: Int] = [:]  // code points: the longest rejected material
        for r in rejected where r.type == .material {
            startingAt[r.start] = max(startingAt[r.start] ?? r.end, r.end)
            endingAt[r.end] = min(endingAt[r.end] ?? r.start, r.start)
        }
        guard !startingAt.isEmpty else { return chosen }
        var out = chosen
        for k in out.indices where out[k].type == .material {
            var c = out[k]
            let (s, e) = (c.start, c.end)
            for p in (s + 1)..<max(s + 1, e) {
                if let end = startingAt[p], end > c.end, !taken.overlaps(c.end, end), !insideToken(end) { c.end = end }
                if let start = endingAt[p], start < c.start, !taken.overlaps(start, c.start), !insideToken(start) { c.start = start }
            }
            guard c.start != s || c.end != e else { continue }
            taken.insert(c.start, c.end)
            c.source = .lexicon
            out[k] = c
        }
        return out
    }

    /// Whether code point `p` falls inside a token rather than at its edge.
    static func insideToken(_ p: Int, _ tokens: [Token]) -> Bool {
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end <= p { lo = mid + 1 } else { hi = mid } }
        return lo < tokens.count && tokens[lo].start < p && tokens[lo].end > p
    }

    /// Product forms that follow a Han material and name its product (锑锭, 锗单晶, 砷化镓晶圆, 钨丝,
    /// 锑品, 锑矿, 钕铁硼粉, 钕铁硼毛坯; folded), longest first. The form must end where a word does (锑品种 is
    /// no 锑品: 品种 is the word), and nothing else may start inside it.
    /// Compounds and scrap count as forms too (镧铈氧化物, 稀土化合物, 钕铁硼废料), and 材 the metal's mill
    /// products (钨材, 铝材); strip-cast flakes (钕铁硼速凝薄片) are the alloy's form before milling.
    static let productForms: [[UInt32]] = ["速凝薄片", "速凝片", "单晶片", "单晶", "晶圆", "晶片", "晶体", "毛坯", "精矿", "原矿", "矿石", "靶材", "制品", "合金",
                                            "氧化物", "化合物", "废料", "矿", "锭", "粉", "丝", "棒", "品", "材", "箔"]
        .map { $0.unicodeScalars.map(\.value) }.sorted { $0.count > $1.count }
    /// Characters after a one-character form that make it another word: 锑矿山 is a mine, 钨矿区 a district,
    /// 铝材料 a material (材料 has its own rule), 钨材质 a quality.
    static let formWordAfter: [UInt32: ScalarSet] = [0x77FF: ScalarSet("山区场井坑床业企权工洞脉带点"), 0x6750: ScalarSet("料质")]
    /// English product forms after a material, one space apart ("gallium ingot", "Sb concentrate", "NdFeB
    /// alloys", "cobalt metal", "nickel steel plate"); folded.
    static let englishForms: Set<String> = ["ingot", "ingots", "concentrate", "concentrates", "alloy", "alloys", "powder", "powders",
                                            "wire", "wires", "scrap", "wafer", "wafers", "crystal", "crystals", "metal", "plate", "plates",
                                            "sheet", "sheets", "foil", "bar", "bars", "billet", "billets", "rod", "rods", "pellets"]
    /// Whether a folded English word is a grade or purity word said before a material: hyphenated "-grade" and
    /// "-purity" words ("battery-grade", "ultra-high-purity") and purity codes (4N, 6N, 7N: the count of nines).
    /// Read on the UTF-8 bytes: it is asked for the word before every material, and `String.contains`
    /// with a string argument goes through Foundation's search (3% of an English document's work).
    static func isGradeWord(_ w: String) -> Bool {
        let u = w.utf8
        if u.count == 2 { return (0x32...0x39).contains(u.first!) && u.last! == 0x6E }  // 4N … 9N (2N, 3N)
        func ends(_ suffix: [UInt8]) -> Bool { u.count >= suffix.count && u.suffix(suffix.count).elementsEqual(suffix) }
        return ends(gradeSuffix) || ends(puritySuffix)
    }
    static let gradeSuffix = Array("-grade".utf8), puritySuffix = Array("-purity".utf8)
    /// Characters that make a verb or an adverb with 用 (利用, 使用, 采用, 应用, 不用, 可用, 所用): no use before it.
    static let verbBeforeYong = ScalarSet("利使采应运选试启动征租借占享适作费信所可不无有常多少改沿引挪耗需来再也都只仍被拟要会能将已还就才食服效量部均皆亦全".unicodeScalars.map(\.value))
    static let yong: UInt32 = 0x7528  // 用
    static let ji: UInt32 = 0x7EA7  // 级
    /// The start of a use said before 用 at folded index `u` (桥梁缆索 of 桥梁缆索用钢, 缆索 of 其中缆索用钢): two to
    /// four Han characters that start after a stop character, a non-Han one or a grade (2000兆帕级), without a
    /// leading clause word; nil when there is none or 用 ends a verb (利用, 采用).
    static func purposeStart(_ s: [UInt32], use u: Int, limit: Int, clauseWords: [[UInt32]]) -> Int? {
        guard u >= 2, u < s.count, s[u] == yong, !verbBeforeYong.contains(s[u - 1]) else { return nil }
        var b = u
        while b > limit, u - b < 4, ScriptClass.isHan(s[b - 1]), !NamePatterns.stopChars.contains(s[b - 1]), s[b - 1] != ji { b -= 1 }
        guard b == 0 || !ScriptClass.isHan(s[b - 1]) || NamePatterns.stopChars.contains(s[b - 1]) || s[b - 1] == ji else { return nil }
        // 其中缆索: 其 stops the run, and the clause word 其中 it starts leaves 缆索.
        for p in stride(from: u - 1, to: b, by: -1)
        where clauseWords.contains(where: { p - $0.count >= max(0, b - 1) && FoldedHelpers.hasSuffix(s, endingAt: p, $0) }) {
            b = p
            break
        }
        return u - b >= 2 ? b : nil
    }
    /// 稀土 (folded): a rare-earth group before one element names the group and its member (重稀土镝).
    static let xitu: [UInt32] = "稀土".unicodeScalars.map(\.value)
    /// Hyphenated words that join a material to the material after it ("dysprosium-bearing magnets",
    /// "tin-free steel", "cerium-rich magnets", "terbium-doped magnets").
    static let joiningHyphenWords: Set<String> = ["bearing", "doped", "rich", "free", "based", "containing", "coated", "plated", "lean", "alloyed"]

    /// Product heads after which 含 or 无 before a material name the product (含镝磁粉, 无重稀土磁石),
    /// and those after which 分离 does (分离稀土氧化物); folded. 该矿含稀土 stays 稀土.
    static let containingHeads: [[UInt32]] = ["磁石", "磁体", "磁粉", "磁铁", "磁钢", "磁材", "合金", "材料", "钢轨"].map { $0.unicodeScalars.map(\.value) }
    static let separatedHeads: [[UInt32]] = ["氧化物", "金属"].map { $0.unicodeScalars.map(\.value) }
    static let containing: [[UInt32]] = ["含", "无", "低"].map { $0.unicodeScalars.map(\.value) }
    static let separated: [UInt32] = "分离".unicodeScalars.map(\.value)
    /// Characters that make a verb with 含 or 无 before them (包含, 富含, 蕴含; 毫无, 并无, 有无): no product.
    /// 低 names a low-content product (低镝磁石, 低重稀土磁体) unless it ends a verb or a comparison (降低, 最低, 较低).
    static let wordBeforeContaining: [UInt32: ScalarSet] = [0x542B: ScalarSet("包富蕴隐饱暗内"), 0x65E0: ScalarSet("毫并有虚全绝"),
                                                             0x4F4E: ScalarSet("降减压贬最较偏高过更太很极超")]
    /// 材料 after a Han material is part of it (高端镓材料, 稀土永磁材料), unless a longer word starts there.
    static let cailiao: [UInt32] = "材料".unicodeScalars.map(\.value)
    /// 钢铁 (folded).
    static let gangtie: [UInt32] = "钢铁".unicodeScalars.map(\.value)

    /// Organizations whose name is written with a capitalised "The" inside a line keep it: a
    /// copyright or credit line ("Copyright 2026 The Associated Press", "(C) The Chubu Shimbun") or
    /// prose ("according to The Associated Press"). A "The" that opens a line or follows a sentence's
    /// or a label's punctuation is the sentence's article, no part of the name.
    func theOutlets(_ candidates: [Candidate], text: DocumentText, index: CodePointIndex) -> [Candidate] {
        let u = text.utf16
        var out: [Candidate] = []
        for c in candidates where c.type == .organization && c.start >= 5 {
            let a = index.utf16(c.start - 4)
            guard index.utf16(c.start) == a + 4, u[a] == 0x54, u[a + 1] == 0x68, u[a + 2] == 0x65, u[a + 3] == 0x20,
                  a >= 1, u[a - 1] == 0x20 else { continue }
            var j = a - 1
            while j >= 0, u[j] == 0x20 { j -= 1 }
            guard j >= 0 else { continue }
            let p = u[j]
            // A letter, a digit, a comma, a closing bracket or the copyright sign before "The".
            let inLine = (0x61...0x7A).contains(p) || (0x41...0x5A).contains(p) || (0x30...0x39).contains(p) || p == 0x2C || p == 0x29 || p == 0xA9
            guard inLine else { continue }
            out.append(Candidate(start: c.start - 4, end: c.end, type: .organization, source: c.source, entry: c.entry))
        }
        return out
    }

    /// Joins touching materials and the material modifiers before them into one material.
    func joinMaterials(_ entities: [Candidate], folded: FoldedText, tokens: [Token] = []) -> [Candidate] {
        let s = folded.scalars
        let englishModifiers = lexicons.patterns.english[.materialModifier] ?? []
        let chineseModifiers = lexicons.patterns.chinese[.materialModifier] ?? []
        let chineseModifierEnds = lexicons.patterns.chineseEnds[.materialModifier] ?? ScalarSet()
        // Folded index of a code point.
        func fi(_ cp: Int) -> Int { Int(folded.start[cp]) }
        func modifier(_ word: String) -> Bool { englishModifiers.contains(word) || Self.isGradeWord(word) }
        // The spaced word that ends one space or hyphen before folded index `p`, not before `limit`.
        func wordBefore(_ p: Int, limit: Int) -> (start: Int, word: String)? {
            guard p >= 2, s[p - 1] == 0x20 || s[p - 1] == 0x2D else { return nil }
            var b = p - 1
            while b > limit, ScriptClass.isSpacedWordChar(s[b - 1]) || (s[b - 1] == 0x2D && b - 1 > limit && ScriptClass.isSpacedWordChar(s[b - 2])) { b -= 1 }
            guard b < p - 1 else { return nil }
            return (b, FoldedText.string(s[b..<(p - 1)]))
        }
        // The spaced word that starts at folded index `p`.
        func wordAt(_ p: Int) -> String {
            var e = p
            while e < s.count, ScriptClass.isSpacedWordChar(s[e]) || (s[e] == 0x2D && e + 1 < s.count && ScriptClass.isSpacedWordChar(s[e + 1])) { e += 1 }
            return FoldedText.string(s[p..<e])
        }
        var out: [Candidate] = []
        for (n, var c) in entities.enumerated() {
            let next = n + 1 < entities.count ? entities[n + 1] : nil
            if c.type == .material, let previous = out.last, previous.type == .material {
                // Touching in Han text, or one space/hyphen apart in Latin text.
                let gap = fi(c.start) - fi(previous.end)
                // Two single Han elements side by side are a list (镓锗, 鎵鍺), not one material.
                let twoElements = gap == 0 && fi(previous.end) - fi(previous.start) == 1 && fi(c.end) - fi(c.start) == 1
                    && ScriptClass.isHan(s[fi(c.start)])
                // 钢铁 names a sector, never the grade of a material after it: 钢铁稀土 is a list.
                let sector = gap == 0 && s[fi(previous.start)..<fi(previous.end)].elementsEqual(Self.gangtie)
                // "dysprosium-bearing magnets": a joining hyphenated word between the two.
                var hyphenated = false
                if gap >= 4, gap <= 13, s[fi(previous.end)] == 0x2D, s[fi(c.start) - 1] == 0x20 {
                    let word = s[(fi(previous.end) + 1)..<(fi(c.start) - 1)]
                    hyphenated = word.allSatisfy { (0x61...0x7A).contains($0) } && Self.joiningHyphenWords.contains(FoldedText.string(word))
                }
                // A plural before the next material names a group and then its members ("heavy rare earths
                // dysprosium and terbium", "magnets neodymium"): a list, no compound.
                let pe = fi(previous.end)
                let plural = gap == 1 && s[pe] == 0x20 && pe >= 4 && s[pe - 1] == 0x73
                    && (0x61...0x7A).contains(s[pe - 2]) && s[pe - 2] != 0x73 && s[pe - 2] != 0x75
                    && (pe - 4..<pe).allSatisfy { (0x61...0x7A).contains(s[$0]) }
                // A rare-earth group then one element is the group and its member (重稀土镝, 中重稀土鋱), no compound.
                let member = gap == 0 && fi(c.end) - fi(c.start) == 1 && ScriptClass.isHan(s[fi(c.start)])
                    && FoldedHelpers.hasSuffix(s, endingAt: pe, Self.xitu)
                // A dash between Han materials lists the steps of a chain (锗精矿—四氯化锗—高纯锗; dashes fold to '-').
                let latinDash = gap == 1 && s[pe] == 0x2D && !ScriptClass.isHan(s[pe - 1]) && !ScriptClass.isHan(s[fi(c.start)])
                if !twoElements && !plural && !sector && !member && (gap == 0 || hyphenated || (gap == 1 && s[pe] == 0x20) || latinDash) {
                    c.start = previous.start
                    c.source = .lexicon
                    out.removeLast()
                }
            }
            if c.type == .material {
                // Modifiers immediately before: 高性能 + 钕铁硼; "sintered" + " " + NdFeB.
                var start = fi(c.start)
                var extended = true
                while extended {
                    extended = false
                    let limit = out.last.map { fi($0.end) } ?? 0
                    if start > 0, chineseModifierEnds.contains(s[start - 1]),
                       let m = chineseModifiers.first(where: { FoldedHelpers.hasSuffix(s, endingAt: start, $0) }), start - m.count >= limit,
                       folded.isCodePointBoundary(start - m.count) {
                        start -= m.count
                        extended = true
                        continue
                    }
                    if let (b, word) = wordBefore(start, limit: limit), modifier(word), PhraseMatcher.isStart(folded, b) {
                        start = b
                        extended = true
                        continue
                    }
                    // A purity code right before a Han material (6N高纯镓, 7N鎵).
                    if start >= 2, start - 2 >= limit, ScriptClass.isHan(s[start]), s[start - 1] == 0x6E, (0x32...0x39).contains(s[start - 2]),
                       start == 2 || !ScriptClass.isSpacedWordChar(s[start - 3]) {
                        start -= 2
                        extended = true
                        continue
                    }
                    // A grade number right before a Han material (2#锑锭, 1#電解銅, ０#鋅: '＃' folds to '#').
                    if start >= 2, start - 2 >= limit, ScriptClass.isHan(s[start]), s[start - 1] == 0x23, (0x30...0x39).contains(s[start - 2]),
                       start == 2 || !ScriptClass.isSpacedWordChar(s[start - 3]) {
                        start -= 2
                        extended = true
                    }
                }
                // Two modifiers joined by "and" or "or" before a material ("natural and synthetic graphite",
                // "hot-rolled or cold-rolled coil") are one span with it.
                if !ScriptClass.isHan(s[start]), modifier(wordAt(start)), let (a, conjunction) = wordBefore(start, limit: out.last.map { fi($0.end) } ?? 0),
                   conjunction == "and" || conjunction == "or", s[start - 1] == 0x20, a >= 1, s[a - 1] == 0x20,
                   let (b, word) = wordBefore(a, limit: out.last.map { fi($0.end) } ?? 0), modifier(word), PhraseMatcher.isStart(folded, b) {
                    start = b
                }
                // A modifier between two touching Han materials joins them (无重稀土 + 高矫顽力 + 磁体), as the
                // materials would join without it; not after 钢铁 (a sector) or one element (a list).
                if start < fi(c.start), let previous = out.last, previous.type == .material, fi(previous.end) == start,
                   ScriptClass.isHan(s[start]), fi(previous.end) - fi(previous.start) >= 2,
                   !s[fi(previous.start)..<fi(previous.end)].elementsEqual(Self.gangtie) {
                    start = fi(previous.start)
                    out.removeLast()
                }
                // 材料 right after a Han material, when nothing else starts there.
                let e = fi(c.end)
                if e > 0, ScriptClass.isHan(s[e - 1]), FoldedHelpers.hasPrefix(s, at: e, Self.cailiao),
                   next.map({ $0.start >= Int(folded.origin[e + 1]) + 1 }) ?? true, folded.isCodePointBoundary(e + 2) || e + 2 == s.count {
                    c.end = Int(folded.origin[e + 1]) + 1
                }
                // A product form right after a Han material (锑锭, 锗单晶, 钨丝).
                let fe = fi(c.end)
                if fe > 0, fe < s.count, ScriptClass.isHan(s[fe - 1]), !tokens.isEmpty,
                   let form = Self.productForms.first(where: { FoldedHelpers.hasPrefix(s, at: fe, $0) }),
                   folded.isCodePointBoundary(fe + form.count) || fe + form.count == s.count {
                    let end = Int(folded.origin[fe + form.count - 1]) + 1
                    let otherWord = form.count == 1 && fe + 1 < s.count && Self.formWordAfter[form[0]]?.contains(s[fe + 1]) == true
                    if next.map({ $0.start >= end }) ?? true, !Self.insideToken(end, tokens), !otherWord { c.end = end }
                }
                // A product form one space after a Latin material ("gallium ingot", "NdFeB alloys").
                if fe > 0, fe + 1 < s.count, s[fe] == 0x20, (0x61...0x7A).contains(s[fe - 1]) {
                    var e = fe + 1
                    while e < s.count, (0x61...0x7A).contains(s[e]) { e += 1 }
                    let end = Int(folded.origin[e - 1]) + 1
                    if e > fe + 1, e == s.count || !ScriptClass.isSpacedWordChar(s[e]) && s[e] != 0x2D,
                       Self.englishForms.contains(FoldedText.string(s[(fe + 1)..<e])), next.map({ $0.start >= end }) ?? true {
                        c.end = end
                    }
                }
                // 含 or 无 before a product (含镝磁粉, 无重稀土磁石), 分离 before oxides or metals.
                let end = fi(c.end)
                let limit = out.last.map { fi($0.end) } ?? 0
                if start > limit, ScriptClass.isHan(s[start]) {
                    func endsWith(_ heads: [[UInt32]]) -> Bool { heads.contains { end - $0.count > start && FoldedHelpers.hasSuffix(s, endingAt: end, $0) } }
                    if endsWith(Self.containingHeads), let w = Self.containing.first(where: { start - $0.count >= limit && FoldedHelpers.hasSuffix(s, endingAt: start, $0) }),
                       !(start - w.count > 0 && Self.wordBeforeContaining[w[0]]?.contains(s[start - w.count - 1]) == true) {
                        start -= w.count
                    } else if endsWith(Self.separatedHeads), start - 2 >= limit, FoldedHelpers.hasSuffix(s, endingAt: start, Self.separated) {
                        start -= 2
                    }
                }
                c.start = Int(folded.origin[start])
            }
            out.append(c)
        }
        return out
    }
}

/// Disjoint half-open intervals kept sorted, for overlap checks in O(log n).
/// Code points taken by chosen spans, one bit each.
struct Occupancy {
    private var bits: [UInt64]

    init(count: Int) { bits = [UInt64](repeating: 0, count: count / 64 + 1) }

    func overlaps(_ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e {
            if bits[i >> 6] & (1 << UInt64(i & 63)) != 0 { return true }
            i += 1
        }
        return false
    }

    mutating func insert(_ s: Int, _ e: Int) {
        for i in s..<max(s, e) { bits[i >> 6] |= 1 << UInt64(i & 63) }
    }
}

struct IntervalSet {
    private var starts: [Int] = []
    private var ends: [Int] = []

    /// Index of the first interval whose start is >= `x`.
    private func lowerBound(_ x: Int) -> Int {
        var lo = 0, hi = starts.count
        while lo < hi { let mid = (lo + hi) / 2; if starts[mid] < x { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    func overlaps(_ s: Int, _ e: Int) -> Bool {
        let i = lowerBound(s)
        if i < starts.count, starts[i] < e { return true }
        if i > 0, ends[i - 1] > s { return true }
        return false
    }

    /// Inserts a disjoint interval.
    mutating func insert(_ s: Int, _ e: Int) {
        let i = lowerBound(s)
        starts.insert(s, at: i)
        ends.insert(e, at: i)
    }

    /// Inserts an interval that may overlap others, merging them.
    mutating func insertOverlapping(_ s: Int, _ e: Int) {
        // Matches arrive in start order, so the new interval almost always joins or follows the
        // last one: no search, and no insert or remove in the middle of the arrays.
        if let last = starts.last, s >= last {
            let n = ends.count - 1
            if ends[n] >= s { ends[n] = Swift.max(ends[n], e) } else { starts.append(s); ends.append(e) }
            return
        }
        var lo = s, hi = e
        var i = lowerBound(s)
        if i > 0, ends[i - 1] >= s { i -= 1 }
        while i < starts.count, starts[i] <= hi {
            lo = Swift.min(lo, starts[i]); hi = Swift.max(hi, ends[i])
            starts.remove(at: i); ends.remove(at: i)
        }
        starts.insert(lo, at: i)
        ends.insert(hi, at: i)
    }
}
