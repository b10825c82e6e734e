import ArgumentParser
import Foundation
import Framescope

/// SIGHAN 2005 closed-track scoring: precision, recall and F1 over word spans, recall on
/// out-of-vocabulary words, and characters per second of the segmentation itself.
struct Segmentation: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score Chinese word segmentation on the SIGHAN 2005 PKU and MSR test sets.")

    @Option(help: "Folder with {pku,msr}_test.utf8, _test_gold.utf8 and _training_words.utf8.")
    var data = "../shared/bench/icwb2"

    @Option(help: "Tracks to score (comma-separated).")
    var tracks = "pku,msr"

    @Option(help: "Repeat the timed segmentation this many times and keep the fastest.")
    var repeats = 3

    func run() throws {
        print("track\tmode\tprecision\trecall\tf1\toov_recall\tchars_per_s")
        for track in tracks.split(separator: ",").map(String.init) {
            let test = try lines("\(data)/\(track)_test.utf8")
            let gold = try lines("\(data)/\(track)_test_gold.utf8")
            guard test.count == gold.count else { throw ValidationError("\(track): test and gold differ in line count") }
            let wordsText = try String(contentsOfFile: "\(data)/\(track)_training_words.utf8", encoding: .utf8)
            let base = try Tokenizer()
            let userWords = UserWordList.load(contentsOf: wordsText, folder: base.folder)
            var vocabulary = Set<String>()
            for w in wordsText.split(whereSeparator: \.isNewline) { vocabulary.insert(String(w).trimmingCharacters(in: .whitespaces)) }
            let goldSpans = gold.map(Self.spans(ofGold:))
            let modes: [(String, SegmentationOptions)] = [
                ("icu", .init()),
                ("icu+words", .init(userWords: userWords)),
                ("icu+words+numbers", .init(userWords: userWords, mergeNumbers: true)),
            ]
            for (name, options) in modes {
                let tokenizer = try Tokenizer(options: options)
                let texts = test.map { DocumentText($0) }
                var predicted: [[Token]] = []
                var best = Double.infinity
                for _ in 0..<max(1, repeats) {
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    predicted = texts.map { tokenizer.tokens($0) }
                    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
                }
                var correct = 0, predictedCount = 0, goldCount = 0, oov = 0, oovCorrect = 0
                var chars = 0
                for (i, tokens) in predicted.enumerated() {
                    // Gold offsets count non-space characters; map ours the same way.
                    let nonSpace = Self.nonSpaceIndex(test[i])
                    chars += test[i].unicodeScalars.count
                    let ours = Set(tokens.map { Span(start: nonSpace[$0.start], end: nonSpace[$0.end]) })
                    let g = goldSpans[i]
                    predictedCount += ours.count
                    goldCount += g.count
                    for (span, word) in g {
                        let hit = ours.contains(span)
                        if hit { correct += 1 }
                        if !vocabulary.contains(word) { oov += 1; if hit { oovCorrect += 1 } }
                    }
                }
                let p = Double(correct) / Double(predictedCount)
                let r = Double(correct) / Double(goldCount)
                let f = 2 * p * r / (p + r)
                let oovR = oov > 0 ? Double(oovCorrect) / Double(oov) : .nan
                print("\(track)\t\(name)\t\(fmt(p))\t\(fmt(r))\t\(fmt(f))\t\(fmt(oovR))\t\(Int(Double(chars) / best))")
            }
        }
    }

    struct Span: Hashable { let start: Int; let end: Int }

    func fmt(_ d: Double) -> String { String(format: "%.4f", d) }

    func lines(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r")) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// Maps each code-point offset of `line` (0...n) to the count of non-space characters before it.
    static func nonSpaceIndex(_ line: String) -> [Int] {
        var map: [Int] = [0]
        var count = 0
        for s in line.unicodeScalars {
            if !s.properties.isWhitespace { count += 1 }
            map.append(count)
        }
        return map
    }

    static func spans(ofGold line: String) -> [(Span, String)] {
        var out: [(Span, String)] = []
        var pos = 0
        for word in line.split(whereSeparator: { $0.isWhitespace }) {
            let n = word.unicodeScalars.count
            out.append((Span(start: pos, end: pos + n), String(word)))
            pos += n
        }
        return out
    }
}
