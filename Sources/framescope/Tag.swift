import ArgumentParser
import Foundation
import Framescope

struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the entities of one document (TSV or JSON).",
        discussion: "TSV columns: start, end, type, text, id, canonical, source, value, unit, base_value.")

    @Argument(help: "A document file, or - for standard input.")
    var file: String = "-"

    @Option(help: "The lexicon folder (default: $FRAMESCOPE_LEXICONS if set, else the built-in lexicons).")
    var lexicons: String?

    @Option(help: "Output format: tsv or json.")
    var format: Tokenize.OutputFormat = .tsv

    @Flag(help: "Also print nested mentions (inside a longer entity).")
    var nested = false

    func run() throws {
        let tokenizer = try Tokenizer()
        let lex = try loadLexicons(lexicons, folder: tokenizer.folder)
        let bytes = try readInput(file)
        let decoded: (text: String, report: DecodingReport)
        do { decoded = try Decoder.decode(bytes) } catch { throw CLIError("\(file): \(error)") }
        let text = DocumentText(decoded.text)
        let folded = tokenizer.folder.fold(text)
        let tokens = tokenizer.tokens(text, folded: folded)
        let result = EntityTagger(lexicons: lex).tag(text, folded: folded, tokens: tokens, sentences: tokenizer.sentenceSpans(text), index: CodePointIndex(text))
        var out = StandardOutput()
        let lists = nested ? [("entity", result.entities), ("nested", result.nested)] : [("entity", result.entities)]
        switch format {
        case .tsv:
            for (_, list) in lists {
                for e in list {
                    let q = e.quantity
                    let cells: [String] = [
                        "\(e.start)", "\(e.end)", e.type.rawValue, tsvEscape(text.substring(utf16: e.utf16Start..<e.utf16End)),
                        e.id ?? "", e.canonical ?? "", e.source.rawValue,
                        q.map { JSONWriter.format($0.value) } ?? "", q?.unit ?? "", q?.baseValue.map { JSONWriter.format($0) } ?? "",
                    ]
                    out.write(cells.joined(separator: "\t") + "\n")
                }
            }
        case .json:
            var json = JSONWriter(indent: 2)
            json.beginObject()
            for (name, list) in lists {
                json.key(name == "entity" ? "entities" : "nested_entities")
                json.beginArray()
                for e in list { EntityJSON.write(e, text: text, into: &json) }
                json.endArray()
            }
            json.endObject()
            out.write(bytes: json.bytes)
            out.write("\n")
        }
        out.flush()
    }
}
