import ArgumentParser
import Foundation
import Framescope

struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print tokens (or sentences) of a document, with code-point offsets.",
        discussion: """
        TSV columns: start, end, kind, text, norm (tokens) or start, end, text (sentences).
        Offsets are half-open code-point offsets into the decoded text; tabs and newlines in
        text are written as \\t and \\n.
        """
    )

    @Argument(help: "A document file, or - for standard input.")
    var file: String = "-"

    @Flag(help: "Print sentences instead of tokens.")
    var sentences = false

    @Option(help: "Output format: tsv or json.")
    var format: OutputFormat = .tsv

    @Option(help: "A word list (one word a line): each word becomes one token inside Chinese text.")
    var words: String?

    @Flag(help: "Merge Chinese numbers with their date/percent character (二○○一年, 1月, 30%).")
    var mergeNumbers = false

    @Flag(help: "Keep every Chinese lexicon term (entity surfaces and cues) as one token.")
    var keepLexiconTerms = false

    @Option(help: "The lexicon folder, for --keep-lexicon-terms (default: $FRAMESCOPE_LEXICONS if set, else the built-in lexicons).")
    var lexicons: String?

    @Option(help: "Decode with this encoding instead of detecting it (e.g. gb18030, big5).")
    var encoding: String?

    @Flag(help: "Say the detected encoding on stderr.")
    var verbose = false

    enum OutputFormat: String, ExpressibleByArgument { case tsv, json }

    func run() throws {
        let bytes = try readInput(file)
        let decoded: (text: String, report: DecodingReport)
        do {
            decoded = try Decoder.decode(bytes, encoding: encoding)
        } catch {
            throw CLIError("\(file): \(error)")
        }
        if verbose {
            let r = decoded.report
            Diagnostics.note("\(file): encoding \(r.encoding)\(r.hadBOM ? " (BOM)" : "")"
                + (r.confidence.map { ", detected with confidence \($0)" } ?? "")
                + (r.replacedSequences > 0 ? ", \(r.replacedSequences) invalid sequences replaced" : ""))
        }
        var options = SegmentationOptions(mergeNumbers: mergeNumbers)
        let tokenizer = try Tokenizer()
        if let words {
            let data = try readInput(words)
            guard let list = String(validating: data, as: UTF8.self) else {
                throw CLIError("\(words): the word list must be UTF-8")
            }
            options.userWords = UserWordList.load(contentsOf: list, folder: tokenizer.folder)
        }
        if keepLexiconTerms {
            var list = UserWordList(lexicons: try loadLexicons(lexicons, folder: tokenizer.folder), folder: tokenizer.folder)
            for word in options.userWords?.words ?? [] { list.add(word, folder: tokenizer.folder) }
            options.userWords = list
        }
        let segmenter = options.userWords == nil && !mergeNumbers ? tokenizer : try Tokenizer(options: options)
        let text = DocumentText(decoded.text)
        var out = StandardOutput()
        if sentences {
            let spans = segmenter.sentenceSpans(text)
            switch format {
            case .tsv:
                for s in spans { out.write("\(s.start)\t\(s.end)\t\(tsvEscape(text.substring(utf16: s.utf16Start..<s.utf16End)))\n") }
            case .json:
                var json = JSONWriter(indent: 0)
                json.beginArray()
                for s in spans {
                    json.beginObject()
                    json.field("start", s.start); json.field("end", s.end)
                    json.field("text", text.substring(utf16: s.utf16Start..<s.utf16End))
                    json.endObject()
                }
                json.endArray()
                out.write(bytes: json.bytes); out.write("\n")
            }
        } else {
            let folded = segmenter.folder.fold(text)
            let tokens = segmenter.tokens(text, folded: folded)
            switch format {
            case .tsv:
                for t in tokens {
                    out.write("\(t.start)\t\(t.end)\t\(t.kind.rawValue)\t\(text.substring(utf16: t.utf16Start..<t.utf16End))\t\(folded.key(from: t.start, to: t.end))\n")
                }
            case .json:
                var json = JSONWriter(indent: 0)
                json.beginArray()
                for t in tokens {
                    json.beginObject()
                    json.field("start", t.start); json.field("end", t.end); json.field("kind", t.kind.rawValue)
                    json.field("text", text.substring(utf16: t.utf16Start..<t.utf16End))
                    json.field("norm", folded.key(from: t.start, to: t.end))
                    json.endObject()
                }
                json.endArray()
                out.write(bytes: json.bytes); out.write("\n")
            }
        }
        out.flush()
    }
}
