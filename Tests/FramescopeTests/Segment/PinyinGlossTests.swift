import Testing
@testable import Framescope

/// Pinyin readings flattened into the line by scrapers (`稀(xī)土`): no key, so nothing breaks
/// across them, and spans still cover the text as written.
@Suite("Pinyin glosses")
struct PinyinGlossTests {
    @Test("a tone-marked or tone-numbered reading after a Han character folds to nothing", arguments: [
        ("稀(xī)土", "稀土"), ("稀（xī）土", "稀土"), ("稀(xi1)土", "稀土"), ("包(bāo)钢集团", "包钢集团"),
        ("包钢(bāo gāng)集团", "包钢集团"), ("包钢(bāogāng)集团", "包钢集团"), ("钕(nǚ)铁硼", "钕铁硼"),
        ("釹(nü3)鐵硼", "钕铁硼"), ("鏑(dí)", "镝"), ("稀(xi\u{304})土", "稀土"), ("𠀋(jiǎng)稀土", "𠀋稀土"),
        ("鋱(tè)與鏑(dí)", "铽与镝"), ("西安(xī'ān)", "西安"),
    ])
    func glossFolds(_ input: String, _ key: String) throws {
        #expect(try Folder().fold(input) == key)
    }

    @Test("ordinary parentheses keep their key: English, numbers, names, untoned or capitalised pinyin, no Han before", arguments: [
        ("稀土(rare earth)", "稀土(rare earth)"), ("包钢(Group)", "包钢(group)"), ("包钢（集团）", "包钢(集团)"),
        ("稀土(2023)", "稀土(2023)"), ("稀(xi)土", "稀(xi)土"), ("稀(Xī)土", "稀(xī)土"), ("rare (xī) earth", "rare (xī) earth"),
        ("稀 (xī)土", "稀 (xī)土"), ("稀(cafés)土", "稀(cafés)土"), ("钢(a6)", "钢(a6)"), ("钢(xī", "钢(xī"),
        ("钢()", "钢()"), ("钢(ng1)", "钢(ng1)"),
    ])
    func ordinaryParentheses(_ input: String, _ key: String) throws {
        #expect(try Folder().fold(input) == key)
    }

    @Test("an entity across a gloss is one span over the text as written, offsets in code points after an astral character")
    func entitySpans() throws {
        let s = "𠀋 今年稀(xī)土产量增长，包(bāo)钢集团扩产；釹（nǚ）鐵硼与鏑(dí)。"
        let (text, result) = try tag(s)
        var found: [String: Entity] = [:]
        for e in result.entities {
            let surface = text.text(of: e)
            #expect(slice(s, e.start, e.end) == surface)
            found[surface] = e
        }
        let rareEarth = try #require(found["稀(xī)土"])
        #expect(rareEarth.start == 4 && rareEarth.end == 10 && rareEarth.type == .material)
        let plain = try tag("包钢集团").result.entities.first
        #expect(found["包(bāo)钢集团"]?.type == .company)
        #expect(found["包(bāo)钢集团"]?.canonical == plain?.canonical)
        #expect(found["釹（nǚ）鐵硼"]?.type == .material)
        // A reading after the last character is in the span too: the development sets' blind
        // annotation writes 镝(dī), 鋱(tè), 锗(zhě) whole (ent-v7).
        #expect(found["鏑(dí)"]?.type == .material)
    }

    @Test("glosses are not tokens; other tokens keep ICU's cuts")
    func tokens() throws {
        let tokenizer = try Tokenizer()
        let s = "稀(xī)土(rare earth)"
        let text = DocumentText(s)
        let folded = tokenizer.folder.fold(text)
        #expect(folded.glosses == [1..<5])
        let words = tokenizer.tokens(text, folded: folded).map { text.substring(utf16: $0.utf16Start..<$0.utf16End) }
        #expect(!words.contains("xī") && words.contains("rare") && words.contains("("))
        #expect(tokenizer.tokens(text).count > tokenizer.tokens(text, folded: folded).count)
    }

    @Test("framing cues and their negators are found across glosses")
    func framingCues() throws {
        let annotator = try Annotator(lexicons: BundledLexicons.shared)
        let doc = annotator.annotate(SourceDocument(id: "g", path: "g", text: "美国担心稀土供应。这不(bù)构(gòu)成威胁。"))
        let cue = try #require(doc.cues.first { $0.cue == "构成威胁" })
        #expect(slice(doc.text.string, cue.start, cue.end) == "构(gòu)成威胁")
        // The parentheses of 不(bù) are no clause break between the negator and the cue.
        #expect(cue.modifiers.contains { $0.kind == "negator" && $0.text == "不" })
        #expect(cue.contribution < 0)
    }

    @Test("a quantity across a gloss keeps its value")
    func quantities() throws {
        let (text, result) = try tag("今年产量达到五(wǔ)万吨。")
        let q = try #require(result.entities.first { $0.type == .quantity })
        #expect(text.text(of: q) == "五(wǔ)万吨")
        #expect(q.quantity?.value == 50_000)
    }
}
