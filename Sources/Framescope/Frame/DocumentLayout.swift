/// Where each sentence sits in the document: its role (headline, lead, body, conclusion,
/// boilerplate) and its paragraph. Headline, lead and conclusion say where a long text that
/// turns lands; paragraphs are the widest scope a stance marker reaches.
struct DocumentLayout {
    enum Role: String { case headline, lead, body, conclusion, boilerplate }

    var roles: [Role]
    /// Paragraph number per sentence: a new paragraph starts after a line break.
    var paragraphs: [Int]

    init(sentences: [TextSpan], boilerplate: [String?], text: DocumentText, options: FramingOptions, isHeadline: (TextSpan) -> Bool) {
        roles = Array(repeating: .body, count: sentences.count)
        paragraphs = Array(repeating: 0, count: sentences.count)
        let u = text.utf16
        var paragraph = 0
        var content: [Int] = []
        for (i, s) in sentences.enumerated() {
            if i > 0 {
                // A line break between the previous sentence's last visible character and this one.
                var j = s.utf16Start - 1
                let floor = sentences[i - 1].utf16Start
                var broke = false
                while j >= floor {
                    let c = u[j]
                    if c == 0x0A { broke = true; break }
                    if c != 0x20 && c != 0x09 && c != 0x0D && c != 0x3000 { break }
                    j -= 1
                }
                if broke { paragraph += 1 }
            }
            paragraphs[i] = paragraph
            if boilerplate[i] != nil { roles[i] = .boilerplate } else { content.append(i) }
        }
        guard options.leadWeighting else { return }
        for (n, i) in content.enumerated() {
            if n == 0 && isHeadline(sentences[i]) { roles[i] = .headline } else if n <= options.leadSentences { roles[i] = .lead }
        }
        for i in content.suffix(options.conclusionSentences) where roles[i] == .body { roles[i] = .conclusion }
    }
}

/// A stance marker that reaches its whole paragraph, found before the paragraph is scored.
struct ParagraphStance {
    var sentence: Int
    var entry: ModifierEntry
    var cpStart: Int
    var cpEnd: Int
    var text: String
}
