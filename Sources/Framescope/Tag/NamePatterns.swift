/// Names the lexicon does not know, found by their shape, with the words in `patterns.tsv`:
/// - companies: capitalised names ending in a company suffix (`Hyundai Steel`, `X Group`,
///   `Co., Ltd.`), Chinese names ending in one (`…集团`, `…有限公司`);
/// - organizations: capitalised names containing an organization head (`Defense Logistics
///   Agency`, `University of …`), Chinese names ending in one (`…大学`, `…日报`, `…厅`);
/// - persons: capitalised names next to a title or a speech verb (`analyst Tom Ridley`,
///   `Henrik Vogel said`), Chinese names after a title or before a speech verb (`董事长刘海涛`).
/// They carry no canonical id; `lexicon suggest` turns frequent ones into lexicon lines.
struct NamePatterns {
    struct Found: Equatable {
        var start: Int  // code points
        var end: Int
        var type: EntityType
        /// The name without its suffix (Chinese names: 金力永磁科技 of 金力永磁科技股份有限公司), for short forms.
        var head: Range<Int>? = nil
        /// A registered name (a legal tail: "Co., Ltd.", 有限公司): a place before a known name
        /// does not make it another firm (中国 + 北方稀土 + …股份有限公司).
        var legal = false
        /// A unit inside the known organization it starts with (工信部原材料工业司): it keeps its own
        /// span over that organization rather than yielding to it.
        var unit = false
        /// A body named by the place it governs ("the Gauteng provincial government"): where that
        /// place's name ends (code points); the name stands when the place is known or the words are
        /// no known name at all.
        var placeEnd: Int? = nil
    }

    let patterns: PatternLexicon
    let words: EnglishNameWords
    let text: DocumentText
    let tokens: [Token]
    let folded: FoldedText
    /// Per token: its word id, computed once for the tokens the English patterns read (those
    /// within a few tokens of a capitalised word); others are looked up on demand.
    let ids: [Int32]
    let hasID: [Bool]
    let capitalised: [Bool]
    /// Per token: whether its key is one of `connectors` (asked for every word of every sentence).
    let connector: [Bool]

    init(patterns: PatternLexicon, words: EnglishNameWords, text: DocumentText, tokens: [Token], folded: FoldedText) {
        self.patterns = patterns
        self.words = words
        self.text = text
        self.folded = folded
        // A possessive ends a name and is no part of one: without its 's the word keeps its class
        // ("Department's" is a head) and stops touching the next word, so "Commerce Department's
        // Bureau of …" is two names and "Japan's Agency for …" starts at "Agency".
        // A plural possessive before a capitalised word is a word of the name ("Hải Phòng People's
        // Committee", "All-China Women's Federation").
        // The trimmed tokens are found first and the array copied (one memcpy) only if there are any.
        var trimmed: [Int] = []
        for i in tokens.indices where tokens[i].kind == .word && tokens[i].end - tokens[i].start > 2 {
            let a = Int(folded.start[tokens[i].end - 2]), b = Int(folded.start[tokens[i].end])
            if b - a == 2, folded.scalars[a] == 0x27, folded.scalars[a + 1] == 0x73 {
                if i + 1 < tokens.count, tokens[i + 1].kind == .word, tokens[i + 1].start - tokens[i].end == 1,
                   Self.pluralPossessives.contains(FoldedText.string(folded.scalars[Int(folded.start[tokens[i].start])..<a])) {
                    let c = text.utf16[tokens[i + 1].utf16Start]
                    if c >= 0x41 && c <= 0x5A || (c > 0x7F && Unicode.Scalar(UInt32(c)).map { $0.properties.isUppercase } == true) { continue }
                }
                trimmed.append(i)
            }
        }
        var tokens = tokens
        if !trimmed.isEmpty {
            // A memcpy: copying the array element by element cost about ten instructions a token.
            tokens = tokens.withUnsafeBufferPointer { source in
                [Token](unsafeUninitializedCapacity: source.count) { t, count in
                    if let to = t.baseAddress, let from = source.baseAddress { to.initialize(from: from, count: source.count) }
                    for i in trimmed {
                        t[i].end -= 2
                        t[i].utf16End -= 2
                    }
                    count = source.count
                }
            }
        }
        self.tokens = tokens
        var caps = [Bool](repeating: false, count: tokens.count)
        var conn = [Bool](repeating: false, count: tokens.count)
        var anyCapital = false
        let connectorKeys = Self.connectorKeys
        text.utf16.withUnsafeBufferPointer { u in
            folded.scalars.withUnsafeBufferPointer { s in
                folded.start.withUnsafeBufferPointer { fstart in
                    for (i, t) in tokens.enumerated() {
                        // Only Latin-script tokens take part in the English patterns.
                        switch t.kind {
                        case .word:
                            let first = u[t.utf16Start]
                            if first >= 0x41 && first <= 0x5A || (first > 0x7F && Unicode.Scalar(UInt32(first)).map { $0.properties.isUppercase } == true) {
                                caps[i] = true
                                anyCapital = true
                            }
                            fallthrough
                        case .punctuation, .symbol, .number:
                            let a = Int(fstart[t.start]), b = Int(fstart[t.end])
                            if b - a <= 3 { conn[i] = connectorKeys.contains(Self.packed(s[a..<b])) }
                        default: break
                        }
                    }
                }
            }
        }
        // Words are read from two tokens before a capitalised word to six after it.
        var ids = [Int32](repeating: EnglishNameWords.unknown, count: tokens.count)
        var has = [Bool](repeating: false, count: tokens.count)
        if anyCapital {
            var until = -1
            folded.scalars.withUnsafeBufferPointer { s in
                folded.start.withUnsafeBufferPointer { fstart in
                    tokens.withUnsafeBufferPointer { t in
                        for i in t.indices {
                            if i + 2 < t.count, caps[i + 2] { until = max(until, i + 8) }
                            if caps[i] { until = max(until, i + 6) }
                            guard i <= until else { continue }
                            ids[i] = words.id(of: t[i], s, fstart)
                            has[i] = true
                        }
                    }
                }
            }
        }
        self.ids = ids
        hasID = has
        capitalised = caps
        connector = conn
    }

    /// Plurals whose possessive is a word of bodies' names (People's Court, Women's Federation); folded.
    static let pluralPossessives: Set<String> = ["people", "women", "children"]
    static let connectors: Set<String> = ["&", "of", "for", "and", "de", "du", "on", "the"]
    /// The connectors' keys as `packed` words: this is asked for every short token of every
    /// document, and comparing arrays of scalars cost more than the rest of the token's work.
    static let connectorKeys: [UInt64] = connectors.map { packed($0.unicodeScalars.map(\.value)) }
    /// A key of at most three scalars in one word; each scalar plus one, so no key packs like a
    /// longer one.
    @inline(__always)
    static func packed<C: Collection<UInt32>>(_ key: C) -> UInt64 {
        precondition(key.count <= 3, "three scalars at most")
        return key.reduce(0) { $0 << 21 | UInt64($1 + 1) }
    }
    static let andContinuations: Set<String> = [
        "technology", "industry", "information", "development", "reform", "commerce", "trade", "economics",
        "engineering", "sustainment", "science", "sciences", "security", "resources", "mines", "minerals", "energy",
        "environment", "planning", "finance", "research", "innovation", "sustainability", "materials", "metals",
        "natural", "mineral", "carbon", "climate", "industrial", "exploration", "mining", "metallurgy", "investment",
        "communications", "nuclear", "chemical", "chemicals", "cooperation", "export", "import", "infrastructure",
        "transport", "logistics", "purchasing", "utilization", "recycling", "rehabilitation", "studies", "policy",
        "statistics", "standards", "inspection", "quarantine", "customs", "excise", "taxation", "economic", "economy",
        "business", "manufacturing", "geoscience", "geosciences", "geology", "markets", "clearing", "space",
        // Portfolios of ministries and fields of institutes ("Ministry of Health and Welfare", "Ministry
        // of Agriculture and Rural Affairs", "Institute for Strategic and International Studies").
        "health", "welfare", "labour", "labor", "employment", "social", "culture", "tourism", "agriculture", "fisheries",
        "forestry", "rural", "affairs", "justice", "safety", "regulation", "land", "housing", "urban", "construction",
        "training", "education", "transportation", "maritime", "aviation", "banking", "insurance", "securities",
        "futures", "international", "strategic", "defence", "defense", "public", "consumer", "competition",
        // China's national development zones in English ("Lingang Economic and Technological Development Zone").
        "technological", "technical",
        // Water, fuel and public-service portfolios ("Department of Water and Sanitation", "Ministry of Mines
        // and Hydrocarbons", "Ministry of Petroleum and Natural Gas", "Department of Planning, Monitoring and
        // Evaluation", "Department of Cooperative Governance and Traditional Affairs").
        "water", "sanitation", "petroleum", "gas", "electricity", "hydrocarbons", "steel", "coal", "lands", "ecology",
        "enterprises", "monitoring", "evaluation", "governance", "traditional", "digital", "scientific", "higher",
        "heritage", "sport", "sports", "youth", "communities", "veterans", "highways", "shipping", "telecommunications",
        "electronics", "food", "drug", "drugs",
    ]
    /// Capitalised words that start sentences or headlines but never start a name: `demonyms`
    /// among them.
    static let leadingStops: Set<String> = Set([
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "meanwhile", "however",
        "and", "but", "both", "while", "when", "as", "in", "on", "at", "for", "by", "with", "from", "said", "says",
        "state-owned", "western", "new", "rival", "listed",
        "parent", "if", "after", "before", "since", "under", "over", "last", "next", "analysts", "officials", "shares",
        "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]).union(demonyms)
    /// Demonyms are no part of a name in the annotation conventions ("Indonesian Government"),
    /// unless `keptDemonym` says so.
    static let demonyms: Set<String> = [
        "chinese", "american", "japanese", "australian", "european", "indonesian", "malaysian", "korean", "indian",
        "british", "french", "german", "canadian", "russian", "vietnamese", "thai", "burmese", "african", "brazilian",
        "taiwanese", "italian", "spanish", "dutch", "swedish", "norwegian", "finnish", "mongolian", "philippine",
        "filipino", "kazakh", "turkish", "saudi",
        "asian", "arab", "kenyan", "nigerian", "ghanaian", "egyptian", "israeli", "iranian", "iraqi", "pakistani",
        "bangladeshi", "nepalese", "singaporean", "cambodian", "laotian", "mexican", "chilean", "peruvian",
        "argentine", "argentinian", "colombian", "venezuelan", "bolivian", "ecuadorian", "polish", "czech",
        "hungarian", "austrian", "swiss", "belgian", "danish", "irish", "greek", "portuguese", "romanian",
        "ukrainian", "uzbek", "kyrgyz", "tajik", "afghan", "emirati", "qatari", "kuwaiti", "omani", "congolese",
        "zambian", "zimbabwean", "tanzanian", "ugandan", "ethiopian", "moroccan", "algerian", "tunisian", "libyan",
        "namibian", "malagasy", "mozambican", "senegalese", "malian", "guinean", "slovak", "serbian", "croatian",
        "bulgarian", "estonian", "latvian", "lithuanian", "icelandic", "scottish", "welsh", "québécois", "texan",
    ]
    /// Heads that are ordinary nouns inside a capitalised phrase and name a body only at its end
    /// ("Harbourline Research", "Mining Transparency Watch"; not "About The Research Desk").
    static let lastOnlyHeads: Set<String> = ["research", "intelligence", "watch", "report", "network", "lab", "labs"]
    /// Continents' adjectives: the bodies they start are transnational and the adjective is their name.
    static let continental: Set<String> = ["european", "african", "asian", "arab"]
    /// Suffixes that are also ordinary nouns: the name before them must be short and unknown.
    static let weakSuffixes: Set<String> = [
        "steel", "mining", "metals", "minerals", "resources", "materials", "magnetics", "motors", "industries",
        "technologies", "energy", "company", "group", "holding",
        // Trades that name firms ("Hexi Smelting", "Saffron Commodities", "Daiwa Securities") and are
        // ordinary nouns in "rare earth smelting" or "commodities and securities".
        "smelting", "commodities", "securities", "refining", "shipbuilding",
        // Invested money, partnerships and trades ("Halvorsen Capital", "Coolabah Partners", "Calloway
        // Microwave Systems"), ordinary nouns in "venture capital" or "control systems".
        "capital", "partners", "ventures", "investments", "systems", "solutions", "electronics", "chemicals",
        "logistics", "engineering", "motor", "automotive",
    ]
    /// Two-word endings of firms' names whose last word alone is an ordinary plural ("Harbourfront
    /// Capital Markets", "Lakeview Asset Management"; not "Emerging Markets"); folded.
    static let pairSuffixes: Set<String> = ["capital markets", "asset management", "investment management", "fund management"]
    /// Words that make such a pair a bank's desk, not a firm ("head of Debt Capital Markets at …").
    static let deskWords: Set<String> = ["debt", "equity", "global", "international", "fixed", "leveraged", "head", "director"]
    /// Words before "Company" or "Corporation" that make a registered name of any length ("Sao Mai
    /// Precision Motors Joint Stock Company", Vietnam's and Russia's legal form); folded pairs.
    static let registeredForms: Set<String> = ["joint stock", "joint-stock", "public limited"]

    /// The word id of token `i` (`EnglishNameWords.unknown` for words the patterns never ask about).
    @inline(__always) func word(_ i: Int) -> Int32 { hasID[i] ? ids[i] : words.id(of: tokens[i], in: folded) }
    /// Whether token `i` is a word of `kind`.
    @inline(__always) func isWord(_ i: Int, _ kind: EnglishNameWords.Kind) -> Bool { words.kinds(word(i)).contains(kind) }
    /// Whether tokens `i - 1` and `i`, joined by a space, are a word of `kind` ("vice president").
    @inline(__always) func isPair(_ i: Int, _ kind: EnglishNameWords.Kind) -> Bool {
        words.kinds(words.id(of: tokens[i - 1], tokens[i], in: folded)).contains(kind)
    }
    @inline(__always) func isCapitalised(_ i: Int) -> Bool { capitalised[i] }
    func adjacent(_ i: Int) -> Bool { i > 0 && tokens[i].start - tokens[i - 1].end <= 1 }
    /// Whether token `i` touches the one before it, with no space between.
    func touching(_ i: Int) -> Bool { i > 0 && tokens[i].start == tokens[i - 1].end }

    // MARK: English

    /// Runs of capitalised words (with connectors between them) inside one sentence.
    func capitalisedRuns(in range: Range<Int>) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        capitalisedRuns(in: range, into: &runs)
        return runs
    }

    /// The runs into a buffer the caller reuses from sentence to sentence: a fresh array per
    /// sentence cost an allocation, its growth and its release each time.
    func capitalisedRuns(in range: Range<Int>, into runs: inout [Range<Int>]) {
        runs.removeAll(keepingCapacity: true)
        var i = range.lowerBound
        while i < range.upperBound {
            guard isCapitalised(i) else { i += 1; continue }
            var j = i + 1
            while j < range.upperBound, adjacent(j) {
                if isCapitalised(j) { j += 1; continue }
                // "Anti-Dumping Commission": a hyphen that joins two capitalised words with no space.
                if word(j) == words.hyphen, j + 1 < range.upperBound, touching(j), touching(j + 1), isCapitalised(j + 1) {
                    j += 1
                    continue
                }
                // "Users' Association", "Workers' Party": a plural's apostrophe before an organization head.
                if word(j) == words.apostrophe, touching(j), j + 1 < range.upperBound, adjacent(j + 1), isCapitalised(j + 1),
                   isWord(j + 1, .orgHead), key(j - 1).last == 0x73 {
                    j += 1
                    continue
                }
                if connector[j], j + 1 < range.upperBound, adjacent(j + 1),
                   isCapitalised(j + 1) || (word(j) == words.of && word(j + 1) == words.the && j + 2 < range.upperBound && isCapitalised(j + 2)) {
                    j += 1
                    continue
                }
                if word(j) == words.comma, let end = portfolioList(after: i, comma: j, limit: range.upperBound) {
                    j = end
                    continue
                }
                break
            }
            runs.append(i..<j)
            i = j
        }
    }

    /// The end (exclusive) of a list of portfolios that continues a body's name past a comma:
    /// "Department of Mines, Industry Regulation and Safety", "Ministry of Science, Technology and
    /// Innovation". The run before the comma must hold an organization head before "of" or "for";
    /// each item must start with a portfolio word (`andContinuations`) and the last follow "and".
    func portfolioList(after runStart: Int, comma: Int, limit: Int) -> Int? {
        guard (runStart + 1..<comma).contains(where: { k in
            isWord(k - 1, .orgHead) && (word(k) == words.of || (connector[k] && FoldedText.string(key(k)) == "for"))
        }) else { return nil }
        func portfolio(_ k: Int) -> Bool { k < limit && adjacent(k) && isCapitalised(k) && words.kinds(word(k)).contains(.andContinuation) }
        var k = comma
        while k < limit, adjacent(k) {
            if word(k) == words.comma {
                // ", and Safety" (a serial comma) or ", Industry Regulation".
                if k + 1 < limit, word(k + 1) == words.and, adjacent(k + 1) { k += 1; continue }
                guard portfolio(k + 1) else { return nil }
                k += 2
                while k < limit, adjacent(k), isCapitalised(k) { k += 1 }
                continue
            }
            if word(k) == words.and {
                guard portfolio(k + 1) else { return nil }
                k += 2
                while k < limit, adjacent(k), isCapitalised(k) { k += 1 }
                return k
            }
            return nil
        }
        return nil
    }

    /// A sentence in title case (a headline) gives names no evidence.
    func isHeadline(_ range: Range<Int>) -> Bool {
        var words = 0, capitals = 0
        for i in range where tokens[i].kind == .word && !connector[i] {
            words += 1
            if capitalised[i] { capitals += 1 }
        }
        guard words >= 4, Double(capitals) >= 0.75 * Double(words) else { return false }
        // A sentence of six words or more that ends with a full stop is prose listing names ("The
        // Ministry of Finance, the Ministry of Commerce and the General Administration of Customs
        // said …."), not a headline.
        return !(words >= 6 && range.count > 1 && word(range.upperBound - 1) == self.words.dot)
    }

    /// Whether a run of tokens fills a whole segment of a masthead, byline or dateline: bounded on
    /// each side by the line's edge, `|`, `｜`, `·`, or a bracket ("Policy Brief | Atlantic
    /// Industrial Policy Forum", "TOKYO, Oct 7 (Asia Resources Wire) -").
    func fillsSegment(_ run: Range<Int>) -> Bool {
        let u = text.utf16
        guard startsSegment(run.lowerBound) else { return false }
        var j = tokens[run.upperBound - 1].utf16End
        while j < u.count, u[j] == 0x20 || u[j] == 0x09 || u[j] == 0x0D { j += 1 }
        return j == u.count || Self.segmentDelimiter(u[j])
    }

    /// Delimiters of masthead, byline and dateline segments: a line break, `|`, `｜`, `·`, a bracket.
    static func segmentDelimiter(_ c: UInt16) -> Bool { c == 0x0A || c == 0x7C || c == 0xFF5C || c == 0xB7 || c == 0x28 || c == 0x29 || c == 0xFF08 || c == 0xFF09 }

    /// Whether token `t` opens a segment: the text's or a line's start, a delimiter or a label's colon
    /// before it ("Source: …", "Media contact: …").
    func startsSegment(_ t: Int) -> Bool {
        let u = text.utf16
        var i = tokens[t].utf16Start - 1
        while i >= 0, u[i] == 0x20 || u[i] == 0x09 { i -= 1 }
        return i < 0 || Self.segmentDelimiter(u[i]) || u[i] == 0x3A || u[i] == 0xFF1A
    }

    func english(sentences: [Range<Int>], knownMaterial: (Int, Int) -> Bool) -> [Found] {
        var out: [Found] = []
        var runs: [Range<Int>] = []
        runs.reserveCapacity(16)
        for sentence in sentences {
            // A title-case line (a headline) gives names no evidence, except an organization that
            // fills a masthead, dateline or label segment of its own ("Media Contact: … Office of
            // Public Affairs").
            let headline = isHeadline(sentence)
            capitalisedRuns(in: sentence, into: &runs)
            for run in runs {
                if headline {
                    // The head ends the run or a connector follows it ("… Institute for Economic Studies",
                    // "… Office of Public Affairs"); "The Steel Forum Matters For …" is a headline.
                    guard run.count >= 2, fillsSegment(run), isWord(run.upperBound - 1, .orgHead)
                            || run.dropLast().contains(where: { isWord($0, .orgHead) && connector[$0 + 1] }) else { continue }
                    // A masthead's article is no part of the paper's name ("The Tees Valley Courier | Opinion"),
                    // as in prose, where leading stops are dropped below.
                    // A continent's adjective stays ("European Permanent Magnet Users' Association | Brussels").
                    var first = run.lowerBound
                    while first + 2 < run.upperBound, isWord(first, .leadingStop),
                          !(isWord(first, .demonym) && Self.continental.contains(FoldedText.string(key(first)))) { first += 1 }
                    out.append(Found(start: tokens[first].start, end: tokens[run.upperBound - 1].end, type: .organization))
                    continue
                }
                var first = run.lowerBound
                while first < run.upperBound, isWord(first, .leadingStop) || connector[first] { first += 1 }
                guard first < run.upperBound else { continue }
                var end = run.upperBound - 1
                // Nor does a name end with a word that never starts one ("… Limited on Friday").
                while end > first, connector[end] || isWord(end, .leadingStop) { end -= 1 }
                // Cut "X and Y" unless Y continues a name ("Science and Technology"); Y is then a
                // name of its own ("… University and Idaho National Laboratory").
                func read(_ piece: ClosedRange<Int>) {
                    var first = piece.lowerBound
                    while first < piece.upperBound, isWord(first, .leadingStop) || connector[first] { first += 1 }
                    first = afterOwner(first, piece.upperBound)
                    // "on" joins a body to its subject ("Committee on Foreign Relations"); with no head
                    // before it the words before are no part of the name ("an MEP on Parliament's …").
                    if let on = (first..<piece.upperBound).first(where: { connector[$0] && word($0) == words.on }),
                       !(first..<on).contains(where: { isWord($0, .orgHead) }) {
                        first = on + 1
                        while first < piece.upperBound, isWord(first, .leadingStop) || connector[first] { first += 1 }
                    }
                    // A continent's adjective starts the name ("Arab League", "African Union").
                    if first > run.lowerBound, first <= piece.upperBound, adjacent(first), isWord(first - 1, .demonym),
                       Self.continental.contains(FoldedText.string(key(first - 1))) { first -= 1 }
                    // "the Australian Government": a nation's government in its own style, the demonym its name.
                    if first == piece.upperBound, first > run.lowerBound, adjacent(first), isWord(first - 1, .demonym),
                       FoldedText.string(key(first)) == "government" {
                        out.append(Found(start: tokens[first - 1].start, end: tokens[first].end, type: .organization))
                        return
                    }
                    guard var found = englishName(first, piece.upperBound, sentence: sentence, knownMaterial: knownMaterial)
                            ?? englishPlace(first, piece.upperBound) else { return }
                    if found.type == .organization, let d = keptDemonym(before: first, piece.upperBound, runStart: run.lowerBound) {
                        found.start = tokens[d].start
                    }
                    out.append(found)
                }
                // The pieces are read as they are cut, with no array of them.
                var start = first
                for k in first..<end where word(k) == words.and || word(k) == words.ampersand {
                    if !words.kinds(word(k + 1)).contains(.andContinuation) && !isWord(k + 1, .orgHead) {
                        if k - 1 >= start { read(start...(k - 1)) }
                        start = k + 1
                    }
                }
                if end >= start { read(start...end) }
                if let found = levelBody(after: run, sentence: sentence) { out.append(found) }
            }
        }
        return out
    }

    /// Lower-case body words after a place and a portfolio ("Andhra Pradesh Industries department"); folded.
    static let portfolioBodies: Set<String> = ["department", "ministry", "directorate"]

    /// The department that a place and its portfolio name with a lower-case body word after them: "the
    /// Andhra Pradesh Industries department", "the Kerala Revenue department". The portfolio is one
    /// capitalised word of `andContinuations` (or its plural); the place is the proper words before it.
    func portfolioBody(after run: Range<Int>, sentence: Range<Int>) -> Found? {
        let body = run.upperBound, portfolio = run.upperBound - 1
        guard body < sentence.upperBound, portfolio > run.lowerBound, adjacent(body), !capitalised[body], tokens[body].kind == .word,
              isWord(body, .portfolioBody) else { return nil }
        let p = FoldedText.string(key(portfolio))
        guard Self.andContinuations.contains(p) || p.hasSuffix("ies") && Self.andContinuations.contains(String(p.dropLast(3)) + "y")
                || p.hasSuffix("s") && Self.andContinuations.contains(String(p.dropLast())) else { return nil }
        let notProper: EnglishNameWords.Kind = [.genericWord, .leadingStop, .demonym, .orgHead, .companySuffix, .legalSuffix, .personTitle]
        func proper(_ k: Int) -> Bool {
            tokens[k].kind == .word && capitalised[k] && !connector[k] && words.kinds(word(k)).isDisjoint(with: notProper)
                && !words.kinds(word(k)).contains(.andContinuation)
        }
        var first = portfolio - 1
        guard adjacent(portfolio), proper(first) else { return nil }
        while first > run.lowerBound, portfolio - first < 3, adjacent(first), proper(first - 1) { first -= 1 }
        return Found(start: tokens[first].start, end: tokens[body].end, type: .organization, placeEnd: tokens[portfolio - 1].end)
    }

    /// Lower-case level words between a place and its body ("Kitakyushu city government"); folded.
    static let levelWords: Set<String> = ["city", "municipal", "provincial", "prefectural", "state", "regional", "county", "district", "metropolitan", "town"]
    /// Body words after a level word ("Gauteng provincial government", "Perth city council"); singular only:
    /// "state governments" are no one body.
    static let levelBodies: Set<String> = ["government", "council", "assembly", "legislature", "committee"]
    /// Parties that run a city or a state ("the Labour city council") rather than name it; folded.
    static let partyWords: Set<String> = ["labour", "labor", "conservative", "tory", "republican", "democratic", "liberal", "green", "socialist", "communist", "national", "nationalist"]

    /// The body that a capitalised run names with a lower-case level word and body word after it: "the
    /// Kitakyushu city government", "the Gauteng provincial government", "the Perth city council". The
    /// proper words (one to three, no demonym, title or generic word) are the place; "a Texas state
    /// council" is any such council.
    func levelBody(after run: Range<Int>, sentence: Range<Int>) -> Found? {
        if let found = portfolioBody(after: run, sentence: sentence) { return found }
        let level = run.upperBound, body = run.upperBound + 1
        guard body < sentence.upperBound, adjacent(level), adjacent(body), !capitalised[level], !capitalised[body],
              tokens[level].kind == .word, tokens[body].kind == .word, isWord(level, .levelWord), isWord(body, .levelBody) else { return nil }
        let notProper: EnglishNameWords.Kind = [.genericWord, .leadingStop, .demonym, .orgHead, .companySuffix, .legalSuffix, .personTitle]
        func proper(_ k: Int) -> Bool {
            tokens[k].kind == .word && capitalised[k] && !connector[k] && words.kinds(word(k)).isDisjoint(with: notProper)
                && !Self.partyWords.contains(FoldedText.string(key(k)))
        }
        var first = run.upperBound - 1
        guard proper(first) else { return nil }
        while first > run.lowerBound, run.upperBound - first < 3, adjacent(first), proper(first - 1) { first -= 1 }
        if first > sentence.lowerBound, ["a", "an", "any", "each", "every"].contains(FoldedText.string(key(first - 1))) { return nil }
        return Found(start: tokens[first].start, end: tokens[body].end, type: .organization, placeEnd: tokens[run.upperBound - 1].end)
    }

    /// Where an organization starts in "X of the Y" when only Y has an organization head: "Members
    /// of the Bharatiya Janata Party", "Commodity Desk of the Asia Markets Daily", "Director of the
    /// Institute for …" name Y; "Ministry of …", "Chamber of Mines of …" and "Bank of Japan" (no
    /// head after "of") are left as they are.
    func afterOwner(_ first: Int, _ last: Int) -> Int {
        guard first < last, let of = (first...last).first(where: { word($0) == words.of }), of > first, of < last,
              !(first..<of).contains(where: { isWord($0, .orgHead) || isWord($0, .companySuffix) }),
              ((of + 1)...last).contains(where: { isWord($0, .orgHead) }) else { return first }
        var start = of + 1
        while start < last, isWord(start, .leadingStop) || connector[start] { start += 1 }
        return start
    }

    /// The demonym right before an organization's first word that belongs to its name. A demonym
    /// before a body's generic name is no part of it in the annotation conventions ("Chinese
    /// Ministry of Commerce", "Japanese Foreign Ministry", "Indonesian Government"), but one before
    /// two or more name words is ("Philippine Nickel Industry Association", "Indonesian Nickel
    /// Miners Association"). A continent's adjective, which names transnational bodies ("European
    /// Institute of Innovation and Technology"), is taken before the name is read (see `english`).
    func keptDemonym(before first: Int, _ last: Int, runStart: Int) -> Int? {
        let d = first - 1
        guard d >= runStart, first <= last, adjacent(first), isWord(d, .demonym) else { return nil }
        var named = 0
        for k in first...last {
            if isWord(k, .orgHead) { break }
            if capitalised[k], !connector[k] { named += 1 }
        }
        return named >= 2 ? d : nil
    }

    /// The company or organization that tokens `first...last` of a capitalised run name, if any.
    func englishName(_ first: Int, _ last: Int, sentence: Range<Int>, knownMaterial: (Int, Int) -> Bool) -> Found? {
        guard last >= first else { return nil }
        let lastKinds = words.kinds(word(last))
        // "Department of Atomic Energy", "Ministry of Mines and Energy": an organization
        // head before a weak suffix makes an organization.
        // A body whose portfolios continue past a comma keeps its whole name over a known body it
        // starts with ("Department of Energy, Environment and Climate Action" is not the DOE).
        let listed = (first...last).contains { word($0) == words.comma }
        if lastKinds.contains(.weakSuffix), last > first, (first..<last).contains(where: { isWord($0, .orgHead) }) {
            return Found(start: tokens[first].start, end: tokens[last].end, type: .organization, unit: listed)
        }
        // Indigenous corporations are community bodies, not firms ("Wirrilu Aboriginal Corporation").
        if lastKinds.contains(.companySuffix), last > first, Self.communityWords.contains(FoldedText.string(key(last - 1))) {
            return Found(start: tokens[first].start, end: tokens[last].end, type: .organization)
        }
        // "Joint Stock Company": a legal form, so the whole capitalised name before it is the firm's.
        if lastKinds.contains(.companySuffix), last - first >= 3, Self.registeredForms.contains(FoldedText.string(key(last - 2)) + " " + FoldedText.string(key(last - 1))) {
            return Found(start: tokens[first].start, end: tokens[last].end, type: .company, legal: true)
        }
        // "Harbourfront Capital Markets": a two-word firm ending after a proper word or two.
        if last - first >= 2, last - first <= 3, Self.pairSuffixes.contains(FoldedText.string(key(last - 1)) + " " + FoldedText.string(key(last))),
           !isWord(first, .genericWord), !knownMaterial(tokens[first].start, tokens[first].end),
           !Self.deskWords.contains(FoldedText.string(key(first))) {
            return Found(start: tokens[first].start, end: tokens[last].end, type: .company)
        }
        // "G7 Critical Minerals Working Group", "Minerals Security Contact Group": a body, not a firm group.
        if lastKinds.contains(.companySuffix), last > first, Self.bodyGroups.contains(FoldedText.string(key(last - 1)) + " " + FoldedText.string(key(last))) {
            return Found(start: tokens[first].start, end: tokens[last].end, type: .organization)
        }
        if lastKinds.contains(.companySuffix) && last > first {
            // A firm's organ or officer before "of" is no part of its name ("Board of … Limited",
            // "Chairman of … Group").
            var first = first
            if first + 2 < last, word(first + 1) == words.of, isWord(first, .orgHead) || isWord(first, .personTitle) {
                first += 2
                while first < last, isWord(first, .leadingStop) || connector[first] { first += 1 }
            }
            if lastKinds.contains(.weakSuffix) {
                // "Hyundai Steel" yes; "Rare Earth and Steel" or "Wind Power Steel" no. A material
                // after a proper first word is the firm's line of business ("Kestrel Battery Materials").
                if last - first > 2 || knownMaterial(tokens[first].start, tokens[first].end) { return nil }
                // Industry words alone name no firm: a section title ("Metals & Mining", "Steel and Mining").
                if (first..<last).allSatisfy({ connector[$0] || isWord($0, .companySuffix) }) { return nil }
            }
            var end = last
            // "Co., Ltd." and the full stop of an abbreviation belong to the name.
            var k = last + 1
            while k < sentence.upperBound, adjacent(k) {
                let kw = word(k)
                if kw == words.dot, k + 1 < sentence.upperBound, [words.co, words.corp, words.inc, words.ltd].contains(word(k - 1)) { end = k; k += 1; continue }
                if kw == words.comma, k + 1 < sentence.upperBound, [words.ltd, words.limited, words.inc].contains(word(k + 1)) { k += 1; continue }
                if [words.ltd, words.limited, words.inc, words.co].contains(kw) { end = k; k += 1; continue }
                break
            }
            return Found(start: tokens[first].start, end: tokens[end].end, type: .company)
        } else if last > first, (first...last).contains(where: { isWord($0, .orgHead) && ($0 == last || !Self.lastOnlyHeads.contains(FoldedText.string(key($0)))) }) {
            return Found(start: tokens[first].start, end: tokens[last].end, type: .organization, unit: listed)
        }
        return nil
    }

    /// Two-word endings that make a body of a "Group" (folded pairs).
    static let bodyGroups: Set<String> = ["working group", "contact group", "study group", "expert group", "advisory group",
                                          "steering group", "action group", "lobby group", "campaign group", "pressure group"]

    /// Words before "Corporation" that make a community body of it (Australian native-title and land
    /// corporations); folded.
    static let communityWords: Set<String> = ["aboriginal", "indigenous"]

    /// Words that start the name of a mountain or a port before its proper name ("Mount Ardlow", "Port of
    /// Carnarvon"), as deposits and ports are named; folded. `EnglishNameWords` interns them as
    /// `mount`, `mt` and `port`, which `englishPlace` compares by id.
    static let placeOpeners: Set<String> = ["mount", "mt", "port"]

    /// The place that tokens `first...last` of a capitalised run name when no firm or body does: a
    /// proper name before a place suffix of `patterns.tsv` ("Dayu County", "Xiqu Industrial Park",
    /// "Erongo Region"), or a mountain or port ("Mount Ardlow", "Port of Carnarvon"). The proper part
    /// needs a word that is no generic, stop, demonym or name word ("Special Economic Zone" alone, "Western
    /// Region" name nothing); a capital after the suffix continues a longer name and was read with the run.
    func englishPlace(_ first: Int, _ last: Int) -> Found? {
        guard last > first, let suffixes = patterns.english[.placeSuffix] else { return nil }
        let notProper: EnglishNameWords.Kind = [.genericWord, .leadingStop, .demonym, .orgHead, .companySuffix, .legalSuffix, .personTitle]
        func proper(_ k: Int) -> Bool {
            tokens[k].kind == .word && isCapitalised(k) && !connector[k] && words.kinds(word(k)).isDisjoint(with: notProper)
        }
        let opener = word(first)
        if opener == words.mount || opener == words.mt || opener == words.port {
            // "Mount Ardlow", "Mt Weld", "Port of Carnarvon": one or two proper words after the opener.
            var k = first + 1
            if opener == words.port { guard k < last, word(k) == words.of else { return nil }; k += 1 }
            guard k <= last, last - k <= 1, (k...last).allSatisfy(proper) else { return nil }
            return Found(start: tokens[first].start, end: tokens[last].end, type: .place)
        }
        // The longest suffix ending the run, of up to four tokens.
        for k in max(first + 1, last - 3)...last {
            // Most runs end with no suffix: one table lookup before building a string.
            let a = Int(folded.start[tokens[k].start]), b = Int(folded.start[tokens[last].end])
            guard words.isKey(folded.scalars, a, b, .placeSuffix) else { continue }
            let suffix = FoldedText.string(folded.scalars[a..<b])
            guard suffixes.contains(suffix) else { continue }
            guard (first..<k).contains(where: proper) else { return nil }
            return Found(start: tokens[first].start, end: tokens[last].end, type: .place)
        }
        return nil
    }

    /// Legal words that follow a comma in registered names ("Tesla, Inc.", "Foo Holdings, LLC").
    static let legalWordsAfterComma: Set<String> = ["inc", "ltd", "llc", "limited", "plc", "corp", "pty", "l.p", "lp", "llp"]

    static let ltd: [UInt32] = Array("ltd".unicodeScalars.map(\.value))
    static let pt: [UInt32] = Array("pt".unicodeScalars.map(\.value))
    static let co: [UInt32] = Array("co".unicodeScalars.map(\.value))
    static let corp: [UInt32] = Array("corp".unicodeScalars.map(\.value))
    static let limited: [UInt32] = Array("limited".unicodeScalars.map(\.value))
    /// Abbreviated legal words whose full stop belongs to the name ("Co.", "Ltd.", "S.A.").
    static let abbreviatedLegalWords: Set<String> = ["co", "ltd", "inc", "corp", "s.a", "n.v", "b.v", "s.p.a", "pty", "bhd", "tbk", "plc", "llc", "pvt",
        // Hungarian, Czech and Slovak, Balkan, Brazilian, French, Spanish, Italian, Turkish and Japanese forms.
        "kft", "zrt", "nyrt", "a.s", "s.r.o", "d.o.o", "ltda", "s.a.s", "s.l", "s.r.l", "a.ş", "k.k"]

    /// Whether token `i` is a legal-suffix word as a name ends with it: capitalised ("Ltd",
    /// "GmbH") or the lower-case "plc".
    @inline(__always) func isLegalSuffix(_ i: Int) -> Bool {
        // Most tokens are neither capitalised nor three letters long: no word lookup for them.
        if capitalised[i] { return isWord(i, .legalSuffix) }
        let n = tokens[i].end - tokens[i].start
        if n == 3, word(i) == words.plc { return true }
        // Central European forms are written in lower case with their full stops ("Tatra Magnet a.s.",
        // "Brno Kovy s.r.o."): a listed legal word with a stop inside.
        return (n == 3 || n == 5) && isWord(i, .legalSuffix) && key(i).contains(0x2E)
    }

    /// Registered names, whole: capitalised words (with "of", "&", hyphens and a bracketed part
    /// between them) before a legal tail of one or more legal words with their commas and full
    /// stops — "China Northern Rare Earth (Group) Hi-Tech Co., Ltd.", "Kessler Motor Corporation
    /// Limited", "Umicore S.A.". The capitalised-run pattern stops at the bracket or hyphen and
    /// would keep only a piece.
    func englishLegalNames(sentences: [Range<Int>]) -> [Found] {
        var out: [Found] = []
        for sentence in sentences {
            // A sentence that lists several registered names looks like a title-case headline; in
            // a real headline (no full stop at the end) the head is kept short, as any capitalised
            // word may precede it.
            var maximumHead = 0  // computed at the first legal word: most sentences have none
            let lower = sentence.lowerBound, upper = sentence.upperBound
            var i = lower
            while i < upper {
                // Indonesian registered names start with PT ("PT Krakatau Posco", "PT Timah Tbk"): PT and the
                // capitalised words after it, up to five, with a trailing "Tbk".
                if capitalised[i], tokens[i].end - tokens[i].start == 2, i + 1 < upper, touching(i + 1) == false, adjacent(i + 1),
                   isCapitalised(i + 1), !isWord(i + 1, .leadingStop), key(i).elementsEqual(Self.pt), text.utf16[tokens[i].utf16Start + 1] == 0x54 {
                    var last = i + 1
                    while last + 1 < upper, last - i < 5, adjacent(last + 1), isCapitalised(last + 1), !isWord(last + 1, .leadingStop) { last += 1 }
                    if last + 1 < upper, word(last + 1) == words.dot, isLegalSuffix(last) { last += 1 }
                    out.append(Found(start: tokens[i].start, end: tokens[last].end, type: .company, legal: true))
                    i = last + 1
                    continue
                }
                guard i > lower, isLegalSuffix(i), adjacent(i) else { i += 1; continue }
                if maximumHead == 0 { maximumHead = isHeadline(sentence) && word(upper - 1) != words.dot ? 3 : 10 }
                // A masthead segment that a registered name fills from its start may hold a longer head
                // ("Kestrel Ridge Rare Earths Limited | Annual Report 2026"): walk as in prose, and keep
                // the short head unless the name opens the segment.
                let shortHead = maximumHead == 3
                var headStarts: [Int] = []
                // The head, walking back from the first legal word.
                var first = i
                var j = i - 1
                var heads = 0
                while j >= lower, heads < (shortHead ? 10 : maximumHead) {
                    if isCapitalised(j), !isWord(j, .leadingStop) {
                        first = j
                        heads += 1
                        headStarts.append(j)
                        guard adjacent(j) else { break }
                        j -= 1
                        continue
                    }
                    // "Hi-Tech", "Rio Tinto & Co", "Bank of …": joiners between capitalised words. A body
                    // before "of" is the firm's own organ, no part of its name ("Board of … Limited").
                    // A hyphen joins only where it touches both words ("Hi-Tech"; "WINDHOEK – Kunene" is a dateline).
                    if word(j) == words.hyphen ? touching(j) && touching(j + 1) : word(j) == words.ampersand || word(j) == words.of,
                       j > lower, adjacent(j), isCapitalised(j - 1), !isWord(j - 1, .leadingStop), j + 1 == first,
                       !(word(j) == words.of && isWord(j - 1, .orgHead)) {
                        j -= 1
                        continue
                    }
                    // "Tesla, Inc.", "Vulcan Elements, LLC": a comma between the name and its legal tail.
                    if word(j) == words.comma, j + 1 == i, first == i, j > lower, adjacent(j), isCapitalised(j - 1), !isWord(j - 1, .leadingStop),
                       Self.legalWordsAfterComma.contains(FoldedText.string(key(i))) {
                        j -= 1
                        continue
                    }
                    // "(Group)", "(China)": up to three capitalised words in brackets.
                    if word(j) == words.closeParen, j + 1 == first, let open = (max(lower, j - 4)..<j).last(where: { word($0) == words.openParen }),
                       open < j - 1, open > lower, (open + 1..<j).allSatisfy({ isCapitalised($0) }), adjacent(open),
                       isCapitalised(open - 1) || word(open - 1) == words.closeParen {
                        j = open - 1
                        continue
                    }
                    break
                }
                if shortHead, heads > 3, !startsSegment(first) { first = headStarts[2] }
                // "… Aboriginal Corporation" is a community body (see `englishName`), no registered firm.
                if Self.communityWords.contains(FoldedText.string(key(i - 1))) { i += 1; continue }
                // The tail: legal words, the commas between them and their full stops.
                var end = i
                var k = i + 1
                var legalWords = isWord(i - 1, .companySuffix) ? 2 : 1
                while k < upper, adjacent(k) {
                    // A full stop that also ends the sentence is the sentence's ("… Rare-Earth Co. The company"),
                    // except after "Ltd", which closes a registered name's tail ("Co., Ltd.") and is
                    // written and copied with its stop (and ICU ends a sentence after it before any
                    // capital: "… Co., Ltd. Q3 Earnings Call").
                    // A stop that ICU took for the sentence's end but that lower-case text or a bracket follows
                    // is the name's ("Tarrant Metals Corp. (TSXV: TCM) and …").
                    // An abbreviation with stops inside ("A.S.", "S.A.", "K.K.") is written with its last stop too.
                    if word(k) == words.dot, Self.abbreviatedLegalWords.contains(FoldedText.string(key(k - 1))),
                       k + 1 < upper || key(k - 1).elementsEqual(Self.ltd) || key(k - 1).contains(0x2E) || !closesSentence(k) { end = k; k += 1; continue }
                    if word(k) == words.comma, k + 1 < upper, adjacent(k + 1), isLegalSuffix(k + 1) { k += 1; continue }
                    if isLegalSuffix(k) { end = k; k += 1; legalWords += 1; continue }
                    // "Co. Ltd." without a comma: ICU ends the sentence at "Co." before the capital; the
                    // "Ltd" that touches it over one space is the name's, with its own stop.
                    if k + 1 == upper, k + 1 < tokens.count, word(k) == words.dot, key(k - 1).elementsEqual(Self.co) || key(k - 1).elementsEqual(Self.corp),
                       adjacent(k + 1), capitalised[k + 1], key(k + 1).elementsEqual(Self.ltd) || key(k + 1).elementsEqual(Self.limited) {
                        end = k + 1
                        if k + 2 < tokens.count, word(k + 2) == words.dot, touching(k + 2) { end = k + 2 }
                        legalWords += 1
                    }
                    break
                }
                // A demonym right before a name with a full legal tail belongs to the registered name
                // ("Thai … Public Company Limited", "Indian … Co., Ltd."); before a bare "Ltd" it is an adjective.
                if first < i, legalWords >= 2, first - 1 >= lower, adjacent(first), isCapitalised(first - 1), isWord(first - 1, .demonym) {
                    first -= 1
                }
                if first < i {
                    out.append(Found(start: tokens[first].start, end: tokens[end].end, type: .company, legal: true))
                }
                i = max(end, i) + 1
            }
        }
        return out
    }

    /// Whether the full stop at token `k` can end a sentence: the text ends, or a line break, a capital,
    /// a digit or a quotation mark follows it (after spaces).
    func closesSentence(_ k: Int) -> Bool {
        let u = text.utf16
        var j = tokens[k].utf16End
        while j < u.count, u[j] == 0x20 || u[j] == 0x09 { j += 1 }
        guard j < u.count else { return true }
        let c = u[j]
        return c == 0x0A || c == 0x0D || (0x41...0x5A).contains(c) || (0x30...0x39).contains(c) || c == 0x22 || c == 0x201C || c == 0x2018 || c > 0x7F
    }

    /// The folded key of token `i`.
    func key(_ i: Int) -> ArraySlice<UInt32> {
        folded.scalars[Int(folded.start[tokens[i].start])..<Int(folded.start[tokens[i].end])]
    }

    /// Persons: a run of 2–3 capitalised words (1 after Mr./Ms./Dr.) beside a title or speech verb.
    func englishPersons(sentences: [Range<Int>]) -> [Found] {
        var out: [Found] = []
        var runs: [Range<Int>] = []
        runs.reserveCapacity(16)
        for sentence in sentences where !isHeadline(sentence) {
            capitalisedRuns(in: sentence, into: &runs)
            for run in runs {
                guard !(run.lowerBound..<run.upperBound).contains(where: { connector[$0] }) else { continue }
                var first = run.lowerBound
                var hasTitle = false
                // A title inside the run ("President Joko", "Dr. Laura Brennan").
                while first < run.upperBound, isWord(first, .personTitle) {
                    first += 1
                    hasTitle = true
                    if first < run.upperBound, word(first) == words.dot { first += 1 }
                }
                if first < run.upperBound, word(first) == words.dot { first += 1 }
                while first < run.upperBound, isWord(first, .leadingStop) { first += 1 }
                let count = run.upperBound - first
                guard count >= 1, count <= 3 else { continue }
                let before = run.lowerBound - 1
                let after = run.upperBound
                if !hasTitle, before >= sentence.lowerBound {
                    // "analyst Tom Ridley", "Mr. Cai" (the full stop is its own token).
                    var b = before
                    if word(b) == words.dot, b > sentence.lowerBound { b -= 1 }
                    if isWord(b, .personTitle) { hasTitle = true }
                    if b > sentence.lowerBound, isPair(b, .personTitle) { hasTitle = true }
                }
                var speech = false
                if after < sentence.upperBound, isWord(after, .speechVerb) { speech = true }
                if before >= sentence.lowerBound, isWord(before, .speechVerb) { speech = true }
                if before > sentence.lowerBound, isPair(before, .speechVerb) { speech = true }
                // "Priya Raman, an analyst at …": an appositive title within four tokens.
                if !hasTitle, after + 1 < sentence.upperBound, word(after) == words.comma {
                    for k in (after + 1)..<min(after + 5, sentence.upperBound) where isWord(k, .personTitle) {
                        hasTitle = true
                        break
                    }
                }
                let minimum = hasTitle ? 1 : 2
                guard (hasTitle || speech), count >= minimum else { continue }
                out.append(Found(start: tokens[first].start, end: tokens[run.upperBound - 1].end, type: .person))
            }
        }
        return out
    }

    // MARK: Chinese

    /// Company suffixes that are also ordinary words.
    static let weakChineseSuffixes: [[UInt32]] = ["钢铁", "稀土", "控股", "高科", "股份"].map { $0.unicodeScalars.map(\.value) }
    /// Suffixes after which a head that is only a place and common words is no name (美国公司,
    /// 包头钢铁, 中国稀土: "American companies", "Baotou's steel"); a strong legal suffix keeps it
    /// (中国稀土集团).
    static let placeOnlyWeakSuffixes: [[UInt32]] = weakChineseSuffixes + ["公司", "证券"].map { Array($0.unicodeScalars.map(\.value)) }
    /// Grammatical particles, prepositions and conjunctions: no name contains one. The clause words
    /// of `patterns.tsv` (verbs, time words, pronouns) extend them.
    static let stopChars = ScalarSet("的和与及在是由对向将为了等从把被同跟给让使于以并或也都而其该本这那此各每据说年".unicodeScalars.map(\.value))
    /// One-character units and the characters before them that make an ordinary word with them
    /// instead: 公司 is a company, not a unit 司; 签署 and 部署 are verbs, not an agency 署; 布局,
    /// 格局, 大局, 结局, 当局 and 开局 are no bureau 局 (folded).
    static let unitWordStarts: [UInt32: ScalarSet] = [
        0x53F8: ScalarSet("公上"), 0x7F72: ScalarSet("签部"), 0x5C40: ScalarSet("布格大结当开"),
    ]
    /// Generic words that start the name of a body of that scope (国际, 世界, 全国, …; folded).
    static let scopeWords: Set<[UInt32]> = Set(["国际", "世界", "全球", "全国", "中央", "国家", "亚洲", "欧洲", "非洲", "美洲", "亚太"]
        .map { $0.unicodeScalars.map(\.value) })
    /// 《 and 》, around the title of a paper, a magazine, a law or a report.
    static let titleOpen: UInt32 = 0x300A
    static let titleClose: UInt32 = 0x300B
    /// The last character of a head and the characters after it that make another word with it,
    /// so the head ends no name there: 报告, 报道, 报价, 报出 (上周报告, 电商报道, 钢贸商报出); 部长,
    /// 局长, 厅长, 署长 (a minister's title: 澳大利亚工业部长); 部门, 部分, 部署, 部件, 部队 (美国能源部门
    /// is the energy sector); 大量, 大多, 大幅 after 省人大, 市人大 (该市人大多, "most of the city's people").
    static let wordAfterHead: [UInt32: ScalarSet] = [
        0x62A5: ScalarSet("告道导价表名送关警复批收案备考税出称"),  // 报
        0x90E8: ScalarSet("长门分署件位落队属"),  // 部
        0x5C40: ScalarSet("长"), 0x5385: ScalarSet("长"), 0x7F72: ScalarSet("长"), 0x5904: ScalarSet("长"), 0x53F8: ScalarSet("长"),  // 局厅署处司
        0x5927: ScalarSet("量多都幅概约举批部"),  // 大 (人大)
        // 证券 before these is a common noun: 证券报, 证券时报, 证券市场, 证券交易所, 证券公司, 证券业, 证券化,
        // 证券商, 证券类, 证券行业, 证券法, 证券监管, 证券投资, 证券账户, 证券代码, 证券日报, 证券部 (a broker's analyst, 瑞穗证券分析师, keeps the name).
        0x5238: ScalarSet("报时市交公业化商类行法监投账户代日部从界基期"),  // 券
        // Short firm and outlet names ending in 装 or 经 (电装, 每经) inside longer words: 机电装备,
        // 发电装机, 供电装置; 每经过, 每经历.
        0x88C5: ScalarSet("备机置配修饰载卸箱"),  // 装
        0x7ECF: ScalarSet("过历营济常验费纪典手"),  // 经
    ]
    /// Last characters of the kinds of firm (制造商, 钢企, 工厂) after which a firm's own name starts.
    static let tradeNounEnds = ScalarSet("商企厂".unicodeScalars.map(\.value))
    /// 有, of 有限公司 and its longer forms: a suffix with it is a legal one.
    static let you: UInt32 = 0x6709
    static let conjunctions = ScalarSet("和与及暨".unicodeScalars.map(\.value))
    /// Clause adverbs and conjunctions (则, 但, 且, 亦, 却, 仍, 又; both scripts) that link a clause to
    /// the one before: a name never contains one, so the name after them starts there (燁聯則 +
    /// 倫敦金屬交易所). Kept out of `stopChars`, which persons' and places' scans share: given names use
    /// some of them (亦). A known name that holds one (亦庄, 且末, 税则) is protected by `insideKnown`.
    static let clauseLinks = ScalarSet("则但且亦却仍又則卻".unicodeScalars.map(\.value))
    /// 因 ("because") links a clause only after another link (則因, 但因, 又因): firms' names use it
    /// (因湃电池, 广汽因湃).
    static let yin: UInt32 = 0x56E0
    /// 联合 ("jointly", a clause word) inside a firm's registered name after its brand
    /// (首钢京唐钢铁联合有限责任公司, 沙洲联合特钢股份有限公司): it ends no clause there.
    static let lianHe: (UInt32, UInt32) = (0x8054, 0x5408)
    /// First characters of what follows 联合 inside a registered name (有限, 股份, 特钢, 钢铁, 集团, 控股,
    /// 重工): after 联合开发, 联合研制 it is the verb.
    static let afterLianHe = ScalarSet("有股特钢铁集控重".unicodeScalars.map(\.value))
    /// Common Chinese surnames (simplified; traditional text is folded first).
    static let surnames = ScalarSet("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝".unicodeScalars.map(\.value))

    /// A lexicon name that can head a Chinese firm's name: a place (包头, 江西) or a known firm or
    /// body (包钢); folded indices.
    struct Head { var end: Int; var isPlace: Bool }

    /// Whether a clause ends at folded index `b` (exclusive) of `s`: a particle, a clause word
    /// (开采, 去年, 我国) or a numeral with a measure word (三家, 十余家) ends there, so a name
    /// starts at `b` at the earliest.
    /// `joining`: a conjunction (和, 与, 及) joins two parts of one name rather than ending a clause,
    /// as in organizations' names (工业和信息化厅, 发展和改革委员会).
    func clauseEnds(_ s: [UInt32], at b: Int, classes: ChineseClasses, joining: Bool = false) -> Bool {
        let c = s[b - 1]
        if Self.stopChars.contains(c), !(joining && Self.conjunctions.contains(c)) { return true }
        if Self.clauseLinks.contains(c) { return true }
        if c == Self.yin, b >= 2, Self.clauseLinks.contains(s[b - 2]) { return true }
        if classes.clauseLast.contains(c), let words = classes.clauseByLast[c],
           words.contains(where: { FoldedHelpers.hasSuffix(s, endingAt: b, $0) }) { return true }
        return counted(s, at: b, classes: classes)
    }

    /// Whether a numeral with a measure word ends at folded index `b` (三家, 一家, 十余家).
    /// A count may be written in digits too (3家, ３家: folded to ASCII).
    func counted(_ s: [UInt32], at b: Int, classes: ChineseClasses) -> Bool {
        let c = s[b - 1]
        if classes.measureLast.contains(c), let measures = classes.measureByLast[c] {
            for m in measures where FoldedHelpers.hasSuffix(s, endingAt: b, m) && b - m.count > 0 {
                if s[b - m.count - 1] >= 0x30 && s[b - m.count - 1] <= 0x39 { return true }
                if let numerals = classes.numeralByLast[s[b - m.count - 1]],
                   numerals.contains(where: { FoldedHelpers.hasSuffix(s, endingAt: b - m.count, $0) }) { return true }
            }
        }
        return false
    }

    /// The word classes of `patterns.tsv` the Chinese name scan reads, looked up once per document.
    /// The sets are tested before the dictionaries: most characters end or start no such word.
    struct ChineseClasses {
        let clauseByLast, measureByLast, numeralByLast, genericByFirst, genericByLast, modifiersByLast: [UInt32: [[UInt32]]]
        let clauseLast, measureLast, genericStarts, genericLast, modifierLast: ScalarSet
        /// `sectors`: the sector words (汽车, 证券, 中资) count as common words, as they do before a
        /// firm's suffix; an organization's name may start with one (冶金工业规划研究院).
        init(_ p: PatternLexicon, sectors: Bool = false) {
            clauseByLast = p.chineseByLast[.clauseWord] ?? [:]
            measureByLast = p.chineseByLast[.measureWord] ?? [:]
            numeralByLast = p.chineseByLast[.numeral] ?? [:]
            modifiersByLast = p.chineseByLast[.materialModifier] ?? [:]
            clauseLast = p.chineseEnds[.clauseWord] ?? ScalarSet()
            measureLast = p.chineseEnds[.measureWord] ?? ScalarSet()
            modifierLast = p.chineseEnds[.materialModifier] ?? ScalarSet()
            genericByFirst = (sectors ? p.firmCommonByFirst : p.chineseByFirst[.genericWord]) ?? [:]
            genericByLast = (sectors ? p.firmCommonByLast : p.chineseByLast[.genericWord]) ?? [:]
            genericStarts = (sectors ? p.firmCommonStarts : p.chineseStarts[.genericWord]) ?? ScalarSet()
            genericLast = (sectors ? p.firmCommonEnds : p.chineseEnds[.genericWord]) ?? ScalarSet()
        }
    }

    /// The longest generic word (上市, 下游, 新型) at folded index `i`, if any.
    func genericWord(_ s: [UInt32], at i: Int, before limit: Int, classes: ChineseClasses) -> Int? {
        guard classes.genericStarts.contains(s[i]), let words = classes.genericByFirst[s[i]] else { return nil }
        // Longest first.
        return words.first { i + $0.count <= limit && FoldedHelpers.hasPrefix(s, at: i, $0) }?.count
    }

    /// Chinese companies and organizations by suffix. A name needs a real head: it starts after
    /// the last particle, clause word or numeral + measure word before the suffix, or at the first
    /// place or known name after that point (Chinese firms are usually named place first:
    /// 包头华美稀土高科有限公司); common words alone (三家上市公司, 新型稀土, 下游企业) are no name.
    /// A bracketed part (中国北方稀土（集团）高科技股份有限公司) stays inside the name.
    /// `materialStarts`: code points, end → the earliest start of a known material ending there. A
    /// weak suffix that ends a longer known material (重稀土, 中重稀土) is that material, no firm's suffix.
    func chinese(heads: [Int: Head], materialStarts: [Int: Int] = [:]) -> [Found] {
        let s = folded.scalars
        var out: [Found] = []
        let endings = patterns.chineseNameEndings
        let anyStart = patterns.chineseNameEndingStarts
        let weakChinese = Self.weakChineseSuffixes
        let bodyClasses = ChineseClasses(patterns), firmClasses = ChineseClasses(patterns, sectors: true)
        var f = 0
        while f < s.count {
            f = anyStart.firstMember(in: s, from: f)
            guard f < s.count else { break }
            guard ScriptClass.isHan(s[f]) else { f += 1; continue }
            guard let (suffix, role) = endings[s[f]]?.first(where: { FoldedHelpers.hasPrefix(s, at: f, $0.key) }) else { f += 1; continue }
            // A suffix that starts a longer known name (海关 of 海关总署) ends no name here.
            if let h = heads[f], !h.isPlace, h.end > f + suffix.count { f += 1; continue }
            let type: EntityType = role == .companySuffix ? .company : .organization
            let classes = type == .company ? firmClasses : bodyClasses
            // Weak company suffixes (钢铁, 稀土, 控股, 高科, 股份) must end the Han run or be followed by a
            // stronger suffix, otherwise they are ordinary words (钢铁产量).
            let end = f + suffix.count
            let weak = weakChinese.contains(suffix)
            if weak, end < s.count, ScriptClass.isHan(s[end]) { f += 1; continue }
            if weak, f > 0, let m = materialStarts[Int(folded.origin[end - 1]) + 1], m < Int(folded.origin[f]) { f += 1; continue }
            // A head whose last character starts another word with the next one ends no name
            // (上周报告, 澳大利亚工业部长, 美国能源部门, 美国人大多).
            // 公司 ends a name before 长 all the same (公司长期: the company has long …).
            if end < s.count, let last = suffix.last, let after = Self.wordAfterHead[last], after.contains(s[end]),
               !(suffix.count >= 2 && suffix[suffix.count - 2] == 0x516C) { f += 1; continue }
            // The widest window of name characters, a bracketed part of up to five Han characters included.
            var widest = f
            var taken = 0
            // Sixteen for an organization: a unit inside a known university or government
            // (國立中興大學材料科學與工程學系); a firm's window stays shorter (…集团有限公司控股子公司).
            let window = type == .organization ? 16 : 12
            while widest > 0, taken < window {
                let c = s[widest - 1]
                if c == 0x29, let open = (max(0, widest - 7)..<(widest - 1)).last(where: { s[$0] == 0x28 }), open < widest - 2,
                   (open + 1..<(widest - 1)).allSatisfy({ ScriptClass.isHan(s[$0]) }) {
                    widest = open
                    continue
                }
                guard ScriptClass.isHan(c) || (c >= 0x61 && c <= 0x7A) else { break }
                widest -= 1
                taken += 1
            }
            // Back to where the clause before the name ends.
            var b = f
            // A particle inside a known name ends no clause (成都, 日本, 以色列, 于都).
            func insideKnown(_ b: Int) -> Bool {
                (max(0, b - 6)..<b).contains { heads[$0].map { $0.end >= b } ?? false }
            }
            // A firm's name starts after a kind of firm ending in 商, 企 or 厂 (电机制造商 + 莱茵驱动技术公司,
            // 钢企 + …), even when the window cut into the words before it.
            func afterTradeNoun(_ b: Int) -> Bool {
                guard type == .company, Self.tradeNounEnds.contains(s[b - 1]), let words = classes.genericByLast[s[b - 1]] else { return false }
                return words.contains { FoldedHelpers.hasSuffix(s, endingAt: b, $0) }
            }
            // In a body's name a clause word may begin a common noun that runs on inside the name
            // (供应 of 北方供应链研究所): it ends no clause there.
            func insideNoun(_ b: Int) -> Bool {
                guard type == .organization else { return false }
                return (max(widest, b - 3)..<b).contains { k in genericWord(s, at: k, before: f, classes: classes).map { k + $0 > b && k + $0 <= f } ?? false }
            }
            // 联合 after a place or a known name earlier in the window, before a legal or trade word, is part of a
            // firm's name (首钢京唐钢铁联合有限…, 江苏沙洲联合特钢…), not the verb "jointly" (与宝武联合开发).
            func insideFirmName(_ b: Int) -> Bool {
                guard type == .company, b - 2 > widest, b < s.count, s[b - 1] == Self.lianHe.1, s[b - 2] == Self.lianHe.0,
                      Self.afterLianHe.contains(s[b]) else { return false }
                return (widest..<(b - 2)).contains { k in heads[k].map { $0.end <= b - 2 } ?? false }
            }
            while b > widest, (!clauseEnds(s, at: b, classes: classes) && !(b < f && afterTradeNoun(b))) || insideKnown(b) || insideNoun(b) || insideFirmName(b) { b -= 1 }
            // A clause word that ends inside a common noun (供应 of 供应商) ends the clause after the noun.
            if b < f, let k = (max(widest, b - 3)..<b).first(where: { k in genericWord(s, at: k, before: f, classes: classes).map { k + $0 > b } ?? false }) {
                b = k + genericWord(s, at: k, before: f, classes: classes)!
            }
            // A bracket cannot start a name: one before it is an enumeration mark or an aside
            // (（二）黄埔海关), and the name starts after it.
            if b < f, s[b] == 0x28 { b = (b..<f).first(where: { s[$0] == 0x29 }).map { $0 + 1 } ?? f }
            var anchored = false
            // A place in a bracket inside the name (宏达电机（马来西亚）有限公司) is no head: the name starts before it.
            func inBracket(_ i: Int) -> Bool {
                guard let open = (b..<i).last(where: { s[$0] == 0x28 }) else { return false }
                return !(open..<i).contains { s[$0] == 0x29 }
            }
            if let head = (b..<f).first(where: { heads[$0] != nil && !inBracket($0) }) {
                b = head
                anchored = true
                // A known firm or body later in the window right after a common word (龙头, 企业) starts the
                // name: the words before describe it (中国钨业龙头 + 中钨高新材料股份有限公司).
                if let later = ((b + 2)..<max(b + 2, f)).first(where: { k in
                    guard let h = heads[k], !h.isPlace, h.end <= f, !inBracket(k), classes.genericLast.contains(s[k - 1]) else { return false }
                    return classes.genericByLast[s[k - 1]]?.contains(where: { k - $0.count >= b && FoldedHelpers.hasSuffix(s, endingAt: k, $0) }) == true
                }) { b = later }
            } else {
                // A conjunction may sit inside a name that starts at a place before it (包头泰和磁材,
                // 江西省工业和信息化厅), not right after that place (美国和日本公司).
                var joined = b
                while joined > widest, !clauseEnds(s, at: joined, classes: classes, joining: true) || insideKnown(joined) { joined -= 1 }
                if joined < b, let head = (joined..<b).first(where: { heads[$0] != nil }), let h = heads[head],
                   h.end < s.count, !Self.conjunctions.contains(s[h.end]) {
                    b = head
                    anchored = true
                } else {
                    // Leading common words are no part of the name (龙头企业金力永磁 → 金力永磁), except the
                    // scope words that start a body's name (国际铝业协会, 世界黄金协会, 全国工商联).
                    while b < f, let n = genericWord(s, at: b, before: f, classes: classes), b + n < f,
                          !(role == .orgHead && Self.scopeWords.contains(Array(s[b..<(b + n)]))) { b += n }
                }
            }
            // A laboratory or institute named by two fields joined by a conjunction, right after the
            // body it belongs to (东北大学 + 轧制技术及连轧自动化 + 国家重点实验室): the conjunction ends no clause
            // there, and the name starts at the body.
            if role == .orgHead, !anchored, b > widest, b < f, Self.conjunctions.contains(s[b - 1]) {
                let conjunction = b - 1
                // The body may start before the window, which the two fields fill (东北大学 of 东北大学 + 14 characters).
                if conjunction >= 1, let body = (max(0, widest - 8)..<max(max(0, widest - 8), conjunction - 1)).first(where: { k in
                    guard let h = heads[k], !h.isPlace, h.end >= widest, h.end < conjunction else { return false }
                    return (h.end..<conjunction).allSatisfy { ScriptClass.isHan(s[$0]) && !Self.stopChars.contains(s[$0]) }
                        && !(h.end + 1...conjunction).contains { clauseEnds(s, at: $0, classes: classes) }
                }) {
                    b = body
                    anchored = true
                }
            }
            // A unit (…司, …局, …办公室) needs a known organization before it, two characters or more
            // away, and 公司 is no unit.
            if role == .orgUnit {
                let known = (b..<f).contains { heads[$0].map { !$0.isPlace && $0.end <= f - 2 } ?? false }
                guard known, !(suffix.count == 1 && f > 0 && Self.unitWordStarts[suffix[0]]?.contains(s[f - 1]) == true) else { f += 1; continue }
            }
            // Made only of places and common words: no name (三家上市公司, 美国公司, 包头钢铁), unless a
            // place and an industry word take a full company suffix (中國鋼鐵公司, 中国稀土集团).
            var i = b, places = 0, commons = 0, scopes = 0, covered = true
            while i < f {
                if let h = heads[i], h.isPlace, h.end <= f { i = h.end; places += 1; continue }
                if let n = genericWord(s, at: i, before: f, classes: classes) {
                    // A scope word before common words heads a body's name as a place does (国际稀土协会),
                    // not alone (全国海关, 国家实验室: customs nationwide, a national laboratory).
                    if role == .orgHead, Self.scopeWords.contains(Array(s[i..<(i + n)])) { scopes += 1 } else { commons += 1 }
                    i += n
                    continue
                }
                covered = false
                break
            }
            if commons > 0 { places += scopes }
            // After a count (一家上海贸易公司, 两家江西稀土企业) a place and common words describe a kind of
            // firm or body; without one they may name it (中國鋼鐵公司).
            let afterCount = b > 0 && counted(s, at: b, classes: classes)
            var generic = covered && (places == 0 || weak || afterCount || (commons == 0 && Self.placeOnlyWeakSuffixes.contains(suffix)))
            // A count before a plain firm's or body's word with no known head counts a kind (多家钨业公司,
            // 3家电池企业); a registered name (有限公司) after a count is still one firm (一家X有限公司).
            if afterCount, !anchored, !(suffix.count >= 4 && suffix.contains(Self.you)) { generic = true }
            // A paper, magazine or body that fills a pair of title marks is named by all of it, common
            // words included (《南方钢铁周刊》, 《中部商报》).
            if role == .orgHead, widest > 0, s[widest - 1] == Self.titleOpen, end < s.count, s[end] == Self.titleClose, f - widest >= 2 {
                b = widest
                generic = false
            }
            // A weak suffix right after a common word or a material modifier is a material phrase
            // (推出新型稀土, 高性能稀土), whatever verb came before.
            if weak, !generic, f > b {
                let endsCommon = { (w: [UInt32]) in f - w.count >= b && FoldedHelpers.hasSuffix(s, endingAt: f, w) }
                let c = s[f - 1]
                generic = (classes.genericLast.contains(c) && classes.genericByLast[c]?.contains(where: endsCommon) == true)
                    || (classes.modifierLast.contains(c) && classes.modifiersByLast[c]?.contains(where: endsCommon) == true)
            }
            if f - b >= 2, !generic || (anchored && heads[b]?.isPlace == false), folded.isCodePointBoundary(b) {
                // A body right after a known organization in one Han run is a unit of it, however long
                // the two are together (中国科学院长春应用化学研究所 + 稀土资源利用国家重点实验室,
                // 中国科学技术大学 + 合肥微尺度物质科学国家研究中心): the name starts at the organization.
                // A window that cut into a place or a known name starts the name at that name's start.
                var start = b
                while type == .organization, let k = Self.knownName(at: start, in: heads), folded.isCodePointBoundary(k) { start = k }
                // A body named after the known name it starts with is a unit of it, kept whole over it
                // (内蒙古科技大学 + 图书馆, 中共包头市委 + 党校, 包头钢铁 + 研究所: the longest span).
                let subUnit = type == .organization && anchored && heads[b].map { !$0.isPlace && $0.end <= f } == true
                out.append(Found(start: Int(folded.origin[start]), end: Int(folded.origin[end - 1]) + 1, type: type,
                                 head: Int(folded.origin[b])..<(Int(folded.origin[f - 1]) + 1),
                                 legal: suffix.count >= 4 && suffix.contains(Self.you), unit: role == .orgUnit || start < b || subUnit))
                f = end
            } else {
                f += 1
            }
        }
        return out
    }

    /// The start of a known organization or firm that ends at folded index `b`, or of a known name
    /// of any type that contains `b` (the pattern's window cut into it), if any.
    static func knownName(at b: Int, in heads: [Int: Head]) -> Int? {
        // Known names are at most a few dozen characters; most positions start none.
        for k in max(0, b - 24)..<b {
            if let h = heads[k], h.end > b || (h.end == b && !h.isPlace) { return k }
        }
        return nil
    }

    /// Chinese persons: a surname plus one or two characters after a title (董事长刘海涛, 记者 孙悦)
    /// or before a speech verb at a clause start (，刘海涛表示).
    func chinesePersons() -> [Found] {
        let s = folded.scalars
        var out: [Found] = []
        let titles = patterns.chinese[.personTitle] ?? []
        let verbs = patterns.chinese[.speechVerb] ?? []
        // Most characters start no title: test the first character before the list.
        let titleStarts = patterns.chineseStarts[.personTitle] ?? ScalarSet()
        let verbStarts = patterns.chineseStarts[.speechVerb] ?? ScalarSet()
        let surnames = Self.surnames, stopChars = Self.stopChars  // statics read once, not per character
        func nameLength(at p: Int) -> Int? {
            guard p < s.count, surnames.contains(s[p]) else { return nil }
            var n = 1
            while n < 3, p + n < s.count, ScriptClass.isHan(s[p + n]), !stopChars.contains(s[p + n]),
                  !(verbStarts.contains(s[p + n]) && verbs.contains(where: { FoldedHelpers.hasPrefix(s, at: p + n, $0) })),
                  !(titleStarts.contains(s[p + n]) && titles.contains(where: { FoldedHelpers.hasPrefix(s, at: p + n, $0) })) {
                n += 1
            }
            return n >= 2 ? n : nil
        }
        // Only a title or a surname starts a match.
        let anyStart = titleStarts.union(surnames)
        var f = 0
        while f < s.count {
            f = anyStart.firstMember(in: s, from: f)
            guard f < s.count else { break }
            if titleStarts.contains(s[f]), let title = titles.first(where: { FoldedHelpers.hasPrefix(s, at: f, $0) }) {
                var p = f + title.count
                if p < s.count, s[p] == 0x20 { p += 1 }
                if let n = nameLength(at: p), folded.isCodePointBoundary(p) {
                    out.append(Found(start: Int(folded.origin[p]), end: Int(folded.origin[p + n - 1]) + 1, type: .person))
                    f = p + n
                    continue
                }
                f += title.count
                continue
            }
            // Clause start + name + speech verb.
            let atClauseStart = f == 0 || !ScriptClass.isHan(s[f - 1])
            if atClauseStart, let n = nameLength(at: f), f + n < s.count, verbStarts.contains(s[f + n]),
               verbs.contains(where: { FoldedHelpers.hasPrefix(s, at: f + n, $0) }) {
                out.append(Found(start: Int(folded.origin[f]), end: Int(folded.origin[f + n - 1]) + 1, type: .person))
                f += n
                continue
            }
            f += 1
        }
        return out
    }
}

enum FoldedHelpers {
    @inline(__always)
    static func hasPrefix(_ s: [UInt32], at i: Int, _ p: [UInt32]) -> Bool { QuantityFinder.hasPrefix(s, at: i, p) }
    @inline(__always)
    static func hasSuffix(_ s: [UInt32], endingAt i: Int, _ p: [UInt32]) -> Bool { QuantityFinder.hasSuffix(s, endingAt: i, p) }
}
