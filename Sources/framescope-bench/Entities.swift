import ArgumentParser
import Foundation
import Framescope

/// Scores entity tagging on a gold set the way the held-out evaluation does: distinct
/// (surface, type) pairs per document, precision/recall/F1 per type and overall; and, where the
/// set has a `values.tsv` (file, surface, value), whether the quantities found with a gold span
/// carry the gold amount.
struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score entity tagging on a development set (texts/ + gold.tsv).")

    @Option(help: "Development set folder with texts/ and gold.tsv (file, surface, type).")
    var devset = "Tests/DevSet"

    @Option(help: "The lexicon folder (default: $FRAMESCOPE_LEXICONS if set, else the built-in lexicons).")
    var lexicons: String?

    @Flag(help: "List false positives and false negatives.")
    var errors = false

    struct Pair: Hashable { let surface: String; let type: String }

    func run() throws {
        let tokenizer = try Tokenizer()
        let lex = try Lexicons.load(.resolve(option: lexicons), folder: tokenizer.folder)
        let tagger = EntityTagger(lexicons: lex)
        var gold: [String: Set<Pair>] = [:]
        let goldText = try String(contentsOfFile: "\(devset)/gold.tsv", encoding: .utf8)
        for line in goldText.split(separator: "\n").dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 3 else { continue }
            gold[f[0], default: []].insert(Pair(surface: f[1], type: f[2]))
        }
        // Gold amounts per (file, surface), where the set has them.
        var amounts: [String: [String: Double]] = [:]
        if let valuesText = try? String(contentsOfFile: "\(devset)/values.tsv", encoding: .utf8) {
            for line in valuesText.split(separator: "\n").dropFirst() {
                let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard f.count >= 3, let v = Double(f[2]) else { continue }
                amounts[f[0], default: [:]][f[1]] = v
            }
        }
        var amountsFound = 0, amountsRight = 0
        var tp: [String: Int] = [:], fp: [String: Int] = [:], fn: [String: Int] = [:]
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(devset)/texts").filter { $0.hasSuffix(".txt") }.sorted()
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(devset)/texts/\(file)")))
            let text = DocumentText(try Decoder.decode(bytes).text)
            let folded = tokenizer.folder.fold(text)
            let tokens = tokenizer.tokens(text, folded: folded)
            let found = tagger.tag(text, folded: folded, tokens: tokens, sentences: tokenizer.sentenceSpans(text), index: CodePointIndex(text)).entities
            let predicted = Set(found.map { Pair(surface: text.substring(utf16: $0.utf16Start..<$0.utf16End), type: $0.type.rawValue) })
            let key = gold[file] != nil ? file : String(file.dropLast(4))
            let g = gold[key] ?? []
            for p in predicted {
                if g.contains(p) { tp[p.type, default: 0] += 1 } else {
                    fp[p.type, default: 0] += 1
                    if errors { print("FP\t\(file)\t\(p.type)\t\(p.surface)") }
                }
            }
            if let gv = amounts[key] {
                var values: [String: [Double]] = [:]
                for e in found where e.type == .quantity {
                    if let q = e.quantity { values[text.substring(utf16: e.utf16Start..<e.utf16End), default: []].append(q.value) }
                }
                for (surface, v) in gv {
                    guard let got = values[surface] else { continue }
                    amountsFound += 1
                    if got.contains(where: { abs($0 - v) <= 1e-6 * max(1, abs(v)) }) { amountsRight += 1 } else if errors {
                        print("AMOUNT\t\(file)\t\(surface)\tgold \(v)\tfound \(got)")
                    }
                }
            }
            for p in g where !predicted.contains(p) {
                fn[p.type, default: 0] += 1
                if errors { print("FN\t\(file)\t\(p.type)\t\(p.surface)") }
            }
        }
        print("type\ttp\tfp\tfn\tprecision\trecall\tf1")
        let types = Set(tp.keys).union(fp.keys).union(fn.keys).sorted()
        func row(_ name: String, _ t: Int, _ p: Int, _ n: Int) {
            let precision = t + p > 0 ? Double(t) / Double(t + p) : 0
            let recall = t + n > 0 ? Double(t) / Double(t + n) : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            print("\(name)\t\(t)\t\(p)\t\(n)\t\(String(format: "%.3f", precision))\t\(String(format: "%.3f", recall))\t\(String(format: "%.3f", f1))")
        }
        for t in types { row(t, tp[t] ?? 0, fp[t] ?? 0, fn[t] ?? 0) }
        row("overall", tp.values.reduce(0, +), fp.values.reduce(0, +), fn.values.reduce(0, +))
        // The held-out evaluation does not score persons: the micro figures over the other types.
        func scored(_ d: [String: Int]) -> Int { d.filter { $0.key != "person" }.values.reduce(0, +) }
        row("scored", scored(tp), scored(fp), scored(fn))
        if !amounts.isEmpty {
            let share = amountsFound > 0 ? Double(amountsRight) / Double(amountsFound) : 0
            print("quantity amounts right\t\(amountsRight) of \(amountsFound) found with the gold span (\(amounts.values.reduce(0) { $0 + $1.count }) with a gold amount)\t\(String(format: "%.3f", share))")
        }
    }
}
