import ArgumentParser
import Foundation
import Framescope

/// Sentence by sentence: cues marked, the modifiers that fired, the sentence scores, then the
/// document result. How an analyst checks a surprising score.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how a document's framing was scored, sentence by sentence.",
        discussion: """
        Cues are marked [like this]{frame weight × factors = score}: C is celebratory, T is
        strategic-threat; a negated cue is scored in the opposite frame (→T or →C).
        Colour on a terminal (green celebratory, red strategic-threat), brackets otherwise.
        """)

    @Argument(help: "A document file, or - for standard input.")
    var file: String = "-"

    @Option(help: "The lexicon folder (default: $FRAMESCOPE_LEXICONS if set, else the built-in lexicons).")
    var lexicons: String?

    @Flag(help: "Also show sentences without cues and boilerplate.")
    var all = false

    @Flag(help: "No colour, even on a terminal.")
    var noColor = false

    @Flag(help: "Do not weigh the headline and lead more.")
    var noLeadWeight = false

    @Flag(help: "Leave the label to the cue lexicons: no word models (learned.tsv).")
    var noLearned = false

    func run() throws {
        let folder = try Folder()
        let lex = try loadLexicons(lexicons, folder: folder)
        let bytes = try readInput(file)
        let decoded: (text: String, report: DecodingReport)
        do { decoded = try Decoder.decode(bytes) } catch { throw CLIError("\(file): \(error)") }
        var options = FramingOptions()
        options.leadWeighting = !noLeadWeight
        if noLearned { options.learnedWeight = 0 }
        let annotator = try Annotator(lexicons: lex, framing: options)
        let doc = annotator.annotate(SourceDocument(id: file, path: file, text: decoded.text))
        let color = !noColor && isatty(1) != 0
        var out = StandardOutput()
        out.write(ExplainFormatter(doc: doc, color: color, all: all, options: options).render())
        out.flush()
    }
}

/// Renders the explanation; separate from the command so it can be tested on a literal.
struct ExplainFormatter {
    let doc: AnnotatedDocument
    let color: Bool
    let all: Bool
    /// The settings the document was scored with (the word models' thresholds are printed from them).
    var options = FramingOptions()

    func paint(_ s: String, _ frame: Frame?) -> String {
        guard color, let frame else { return s }
        return (frame == .celebratory ? "\u{1B}[32m" : "\u{1B}[31m") + s + "\u{1B}[0m"
    }

    static func short(_ f: Frame) -> String { f == .celebratory ? "C" : "T" }
    static func num(_ d: Double) -> String { String(format: "%.2f", d) }

    func render() -> String {
        var lines: [String] = []
        let text = doc.text
        var cuesBySentence: [Int: [CueEvidence]] = [:]
        for c in doc.cues { cuesBySentence[c.sentence, default: []].append(c) }
        for (i, s) in doc.sentences.enumerated() {
            let cues = cuesBySentence[i] ?? []
            if !all && (cues.isEmpty || s.boilerplate != nil) { continue }
            var header = "[\(i)] \(s.framing.role)"
            if let b = s.boilerplate { header += " (boilerplate: \(b))" }
            header += "  C \(Self.num(s.framing.celebratory))  T \(Self.num(s.framing.strategicThreat))"
            lines.append(header)
            // The sentence with each cue bracketed.
            var body = ""
            var at = s.span.utf16Start
            for c in cues {
                body += text.substring(utf16: at..<c.utf16Start)
                let factors = c.modifiers.map { "×\(Self.num($0.factor)) \($0.kind)" }.joined(separator: " ")
                let scored = c.scoredFrame != c.frame ? "→\(Self.short(c.scoredFrame)) " : ""
                let note = "{\(Self.short(c.frame)) \(Self.num(c.weight))\(factors.isEmpty ? "" : " " + factors) = \(scored)\(Self.num(c.score))}"
                body += paint("[" + text.substring(utf16: c.utf16Start..<c.utf16End) + "]" + note, c.scoredFrame)
                at = c.utf16End
            }
            body += text.substring(utf16: at..<s.span.utf16End)
            lines.append("    " + body.replacingOccurrences(of: "\n", with: "\n    "))
            for c in cues {
                if c.voice == .reported { lines.append("      voice: reported, on '\(c.cue)'") }
                for m in c.modifiers where m.kind != "position" {
                    lines.append("      \(m.kind) '\(m.text)' ×\(Self.num(m.factor)) on '\(c.cue)'")
                }
            }
        }
        let f = doc.framing
        lines.append("")
        lines.append("document: \(paint(f.label.rawValue, f.label == .celebratory ? .celebratory : f.label == .strategicThreat ? .strategicThreat : nil))"
            + " (confidence \(Self.num(f.confidence)))  balance \(Self.num(f.balance))")
        lines.append("  celebratory \(Self.num(f.celebratory)) (\(Self.num(f.celebratoryPer1k))/1k tokens)  strategic-threat \(Self.num(f.strategicThreat))"
            + " (\(Self.num(f.strategicThreatPer1k))/1k tokens)  \(f.cues) cues, \(f.tokens) content tokens")
        lines.append("  direction \(Self.num(f.direction)) × coverage \(Self.num(f.coverage)) × strength \(Self.num(f.strength))\(f.unframed < 1 ? " × unframed \(Self.num(f.unframed)) (threat cues, but the words read as unframed: neutral)" : "") = balance \(Self.num(f.balance));"
            + " \(f.celebratorySentences) celebratory and \(f.threatSentences) strategic-threat sentences of \(f.sentences);"
            + " reported speech C \(Self.num(f.reportedCelebratory)), T \(Self.num(f.reportedStrategicThreat))")
        if let l = f.learned {
            // The word model's part: its lean joins the cue mass on its side in direction and strength.
            lines.append("  learned lean \(Self.num(f.learnedLean)) (score \(Self.num(l.score)) × scale \(Self.num(l.scale)) × weight \(Self.num(l.weight)));"
                + " framed score \(Self.num(l.framed)) (from \(Self.num(options.learnedFramedThreshold)) a text thin in cues takes the side it leans to;"
                + " below \(Self.num(options.learnedUnframedThreshold)) a threat reading is neutral);"
                + " words: " + l.words.map { "\($0.feature)×\($0.count) \(Self.num($0.contribution))" }.joined(separator: ", "))
        }
        let top = doc.entityFraming.prefix(8)
        if !top.isEmpty {
            lines.append("entities:")
            for e in top {
                lines.append("  \(e.canonical) [\(e.type.rawValue)] \(e.mentions) mentions in \(e.sentences.count) sentences: balance \(Self.num(e.balance))"
                    + " (C \(Self.num(e.celebratory)), T \(Self.num(e.strategicThreat)))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
