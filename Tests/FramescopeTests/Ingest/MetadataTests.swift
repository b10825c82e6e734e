import Foundation
import Testing
@testable import Framescope

@Suite("Metadata and boilerplate")
struct MetadataTests {
    @Test("dates in the forms the press uses, with the rule that found them", arguments: [
        ("2024年10月15日 08:30", "2024-10-15", "chinese"),
        ("发布时间：2024年3月5日", "2024-03-05", "dated-line:chinese"),
        ("Updated: 2024-10-15 09:12", "2024-10-15", "dated-line:iso"),
        ("2023/7/4 report", "2023-07-04", "iso"),
        ("filed 2021.12.31", "2021-12-31", "iso"),
        ("Oct 15, 2024", "2024-10-15", "english"),
        ("Oct. 15, 2024 — Baotou", "2024-10-15", "english"),
        ("September 9 2019", "2019-09-09", "english"),
        ("Published: 15 October 2024", "2024-10-15", "dated-line:english"),
        ("On 3 Sept. 2020 the plant opened", "2020-09-03", "english"),
        ("１５ October 2024 in full-width digits is skipped: 2022年1月2日", "2022-01-02", "chinese"),
    ])
    func dates(line: String, iso: String, rule: String) {
        let found = DateFinder.find(in: [Substring(line)])
        #expect(found?.0 == iso)
        #expect(found?.1 == rule)
    }

    @Test("no date where there is none, or an impossible one", arguments: [
        "Baogang produced 1750 tons", "2024年13月40日", "Smarch 15, 2024", "in 1850-01-01", "", "年月日", "2024-1", "Oct 15, 1850",
    ])
    func noDates(line: String) {
        #expect(DateFinder.find(in: [Substring(line)]) == nil)
    }

    @Test("a dated line wins over an earlier undated date")
    func announcedFirst() {
        let lines: [Substring] = ["Report of 2020-01-02", "Updated: 2024-10-15"]
        #expect(DateFinder.find(in: lines)?.0 == "2024-10-15")
    }

    @Test("header and footer lines skip blanks and trim, across every newline form")
    func headerFooter() {
        let text = "\n  www.chinaservicesinfo.com \r\n\r\nBaogang at 70\u{2028}Updated: 2024-10-15\u{85}\n" +
            (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n\n  last one  \n"
        let header = MetadataReader.headerLines(text)
        #expect(header.count == 12)
        #expect(header.prefix(4) == ["www.chinaservicesinfo.com", "Baogang at 70", "Updated: 2024-10-15", "line 1"])
        let footer = MetadataReader.footerLines(text)
        #expect(footer == ["line 16", "line 17", "line 18", "line 19", "line 20", "last one"])
        #expect(MetadataReader.headerLines("") == [])
        #expect(MetadataReader.footerLines("one") == ["one"])
    }

    @Test("header and footer lines are what splitting at newlines and trimming each line gives, whatever their ends")
    func linesMatchPlainTrim() {
        // Ends the byte check lets through untrimmed (ASCII, ideographs, CJK and full-width
        // punctuation) next to ends it must leave to trimmed(): spaces of every kind, a BOM,
        // combining marks on a space, astral and two-byte characters, an ideographic space.
        let ends = ["a", "Z", "。", "包", "！", "」", " ", "\u{3000}", "\u{FEFF}", "\u{A0}", " \u{301}", "\u{301}", "é", "𠀋",
                    "\t", "\u{2003}", "\u{200B}", "~", "\u{3001}", "\u{9FFF}", "\u{4E00}", "\u{FF5E}", "\u{FF5F}", "\u{303F}",
                    "\u{302A}", " \u{302A}", "\u{3029}", "\u{3030}", "\u{2000}\u{302F}"]
        var lines: [String] = []
        for a in ends { for b in ends { lines.append(a + "x y" + b); lines.append(a + b) } }
        for start in stride(from: 0, to: lines.count, by: 10) {
            let text = lines[start..<min(start + 10, lines.count)].joined(separator: "\n")
            let plain = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { $0.trimmed() }.filter { !$0.isEmpty }
            #expect(MetadataReader.headerLines(text) == Array(plain.prefix(12)), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(MetadataReader.footerLines(text) == Array(plain.suffix(6)))
        }
    }

    @Test("sidecars: NAME.meta.json first, then NAME.txt.meta.json, found from the folder listing as by looking")
    func sidecars() throws {
        let root = try temporaryFolder("sidecars")
        try write("Body of a.", to: root + "/site/a.txt")
        try write(#"{"title": "From the sidecar", "date": "15 October 2024", "outlet": "Xinhua"}"#, to: root + "/site/a.meta.json")
        try write(#"{"title": "Not this one"}"#, to: root + "/site/a.txt.meta.json")
        try write("Body of b.", to: root + "/site/b.txt")
        try write(#"{"url": "https://example.com/b"}"#, to: root + "/site/b.txt.meta.json")
        try write("Headline of c\nBody of c.", to: root + "/site/c.txt")
        try write("not json", to: root + "/site/d.meta.json")
        try write(#"{"title": "Second choice"}"#, to: root + "/site/d.txt.meta.json")
        try write("Body of d.", to: root + "/site/d.txt")
        let loader = try DocumentLoader(corpusRoot: root)
        let reader = try MetadataReader(corpusRoot: root)
        var seen: [String: DocumentMetadata] = [:]
        try CorpusWalker(root: root).walk { entry in
            #expect(entry.sidecars != nil)
            let doc = try loader.load(file: entry).get()
            seen[entry.relativePath] = doc.metadata
            // The reader looking for the files itself finds the same.
            var probed = DocumentMetadata()
            reader.read(relativePath: entry.relativePath, absolutePath: entry.absolutePath, text: doc.text, into: &probed)
            #expect(probed.title == doc.metadata.title && probed.url == doc.metadata.url && probed.date == doc.metadata.date)
        }
        #expect(seen.count == 4)
        #expect(seen["site/a.txt"]?.title == "From the sidecar")
        #expect(seen["site/a.txt"]?.date == "2024-10-15")
        #expect(seen["site/a.txt"]?.extra.first { $0.0 == "outlet" }?.1 == "Xinhua")
        #expect(seen["site/a.txt"]?.sources.contains { $0 == ("title", "sidecar") } == true)
        #expect(seen["site/b.txt"]?.url == "https://example.com/b")
        #expect(seen["site/c.txt"]?.title == "Headline of c")
        #expect(seen["site/d.txt"]?.title == "Second choice")  // the first sidecar does not parse
    }

    @Test("site, title and url from the header")
    func headerFields() throws {
        let reader = try MetadataReader(corpusRoot: "/nonexistent-framescope-root")
        var m = DocumentMetadata()
        let text = "www.chinaservicesinfo.com\nHome | News\nBaogang at 70: a legacy of steel\nUpdated: 2024-10-15\n" +
            "See https://example.com/a?b=1 for more.\nBody text."
        reader.read(relativePath: "a.txt", absolutePath: nil, text: text, into: &m)
        #expect(m.source == "chinaservicesinfo")
        #expect(m.title == "Baogang at 70: a legacy of steel")
        #expect(m.date == "2024-10-15")
        #expect(m.url == "https://example.com/a?b=1")
    }

    @Test("boilerplate rules by line", arguments: [
        ("Copyright 2024 China Daily", "copyright"), ("COPYRIGHT NOTICE", "copyright"), ("京ICP备05004340号", "registration"),
        ("Share this article", "share"), ("分享到：", "share"), ("Print", "print"), ("Share", "share"),
        ("Source: Baogang Group", "source"), ("来源：新华网", "source"), ("By Zhang Wei", "byline"),
        ("1.jpg", "image"), ("https://example.com", "link"), ("Home | News | Business", "navigation"),
        ("首页 | 新闻", "navigation"), ("责任编辑：王小明", "editor"), ("[Photo/Xinhua]", "caption"),
        ("Tags: rare earths, Baogang", "tags"), ("  Updated: 2024-10-15  ", "dateline"),
        ("风险提示：本报告仅供参考，不构成投资建议。", "disclaimer"), ("This note is not investment advice.", "disclaimer"),
        ("免責聲明｜聯絡我們", "disclaimer"), ("风险提示：股市有风险，投资需谨慎。", "disclaimer"),
        ("市場有風險，投資需謹慎", "disclaimer"), ("Investing involves risk; read the prospectus.", "disclaimer"),
    ])
    func boilerplate(line: String, reason: String) {
        #expect(Boilerplate.reason(forLine: line) == reason)
    }

    /// Every marker inside a content line, in capitals and not, after Chinese, Latin and astral
    /// text: the rule is that of the earliest-listed marker the lowered line contains.
    @Test("every boilerplate marker is found anywhere in a line")
    func everyMarker() {
        let contexts = [("", ""), ("Baogang 包钢 said ", " in 2024."), ("稀土𠀋", "钢铁"), ("x", "y")]
        var checked = 0
        for (_, marker) in Boilerplate.markers {
            for (before, after) in contexts {
                for variant in [marker, marker.uppercased()] {
                    let line = before + variant + after
                    let lowered = String(line.unicodeScalars.map { $0.value >= 0x41 && $0.value <= 0x5A ? Character(Unicode.Scalar($0.value | 0x20)!) : Character($0) })
                    let expected = Boilerplate.markers.first { lowered.contains($0.1) }?.0
                    #expect(expected != nil && Boilerplate.reason(forLine: line) == expected, "\(line)")
                    checked += 1
                }
            }
        }
        #expect(checked == Boilerplate.markers.count * 8)
    }

    @Test("content lines are not boilerplate", arguments: [
        "Baogang produced 1.75 million tons of rare earth concentrate.",
        "By the end of 2024, Baogang will have doubled its output of neodymium magnets, the company said in a statement.",
        "Print media across China celebrated the anniversary with special editions and long features.",
        "包钢集团成立70周年。", "", "   ", "China and the world",
    ])
    func content(line: String) {
        #expect(Boilerplate.reason(forLine: line) == nil)
    }

    @Test("a sentence is boilerplate only when every line it touches is")
    func sentencesAcrossLines() throws {
        let tokenizer = try Tokenizer()
        let text = DocumentText("Share\nBaogang grew. Copyright 2024 Baogang.\n来源：新华网\n")
        let spans = tokenizer.sentenceSpans(text)
        let reasons = Boilerplate.classify(text, sentences: spans)
        let pairs = zip(spans, reasons).map { (text.substring(utf16: $0.utf16Start..<$0.utf16End).trimmed(), $1) }
        #expect(pairs.map(\.0) == ["Share", "Baogang grew.", "Copyright 2024 Baogang.", "来源：新华网"])
        #expect(pairs.map(\.1) == ["share", "copyright", "copyright", "source"])
    }

    @Test("metadata values lose surrounding whitespace and newlines, and only those", arguments: [
        ("Baogang at 70", "Baogang at 70"), ("  Baogang at 70 \n", "Baogang at 70"), ("\u{3000}包钢七十年\u{3000}", "包钢七十年"),
        ("\t\r\n", ""), ("", ""), ("\u{85}x\u{2029}", "x"), ("\u{200B}x", "x"), ("a  b", "a  b"),
    ])
    func trimmedValues(_ raw: String, _ expected: String) {
        #expect(MetadataReader.trimmedValue(raw) == expected)
        #expect(MetadataReader.trimmedValue(raw) == raw.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
