import ArgumentParser
import Foundation
import Framescope

/// Scores document framing on a labelled set the way the held-out evaluation does: AUC of
/// `balance` between strategic-threat and celebratory documents, label accuracy on those two
/// classes, and how many neutral documents come out neutral.
struct FramingEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "framing",
        abstract: "Score framing on a development set (texts/ + labels.tsv).")

    @Option(help: "Development set folder with texts/ and labels.tsv (file, label, note).")
    var devset = "Tests/DevSet"

    @Option(help: "The lexicon folder (default: $FRAMESCOPE_LEXICONS if set, else the built-in lexicons).")
    var lexicons: String?

    @Flag(help: "Print one line per document.")
    var documents = false

    @Flag(help: "Do not weigh the headline and lead more.")
    var noLeadWeight = false

    @Flag(help: "Leave the label to the cue lexicons: no word models (learned.tsv).")
    var noLearned = false

    @Option(help: "Override |balance| threshold for a polar label (calibration).")
    var polar: Double?
    @Option(help: "Override the balance smoothing k (calibration).")
    var smoothing: Double?
    @Option(help: "Override the neutral density per 1,000 tokens (calibration).")
    var neutralDensity: Double?
    @Option(help: "Override the neutral cue mass (calibration).")
    var neutralMass: Double?
    @Option(help: "Override the neutral share of framed sentences (calibration).")
    var neutralShare: Double?
    @Option(help: "Override the framed-sentence share at which coverage is full (0: no coverage).")
    var coverageFull: Double?
    @Option(help: "Override the coverage power.")
    var coveragePower: Double?
    @Option(help: "Override the factor for reported speech against the author's lean.")
    var reported: Double?
    @Option(help: "Override the minimum number of framed sentences.")
    var neutralSentences: Int?
    @Option(help: "Override the conclusion weight.")
    var conclusion: Double?

    func run() throws {
        let folder = try Folder()
        let lex = try Lexicons.load(.resolve(option: lexicons), folder: folder)
        var options = FramingOptions()
        options.leadWeighting = !noLeadWeight
        if noLearned { options.learnedWeight = 0 }
        if let polar { options.polarThreshold = polar }
        if let smoothing { options.smoothing = smoothing }
        if let neutralDensity { options.neutralDensity = neutralDensity }
        if let neutralMass { options.neutralMass = neutralMass }
        if let neutralShare { options.neutralShare = neutralShare }
        if let coverageFull { options.coverageFull = coverageFull }
        if let coveragePower { options.coveragePower = coveragePower }
        if let reported { options.reportedFactor = reported }
        if let neutralSentences { options.neutralSentences = neutralSentences }
        if let conclusion { options.conclusionFactor = conclusion }
        let annotator = try Annotator(lexicons: lex, framing: options)
        var gold: [String: String] = [:]
        for line in try String(contentsOfFile: "\(devset)/labels.tsv", encoding: .utf8).split(separator: "\n").dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            if f.count >= 2 { gold[String(f[0])] = String(f[1]) }
        }
        var rows: [(file: String, gold: String, label: String, balance: Double, c: Double, t: Double, tokens: Int)] = []
        for file in gold.keys.sorted() {
            let path = "\(devset)/texts/\(file.hasSuffix(".txt") ? file : file + ".txt")"
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let doc = annotator.annotate(SourceDocument(id: file, path: path, text: try Decoder.decode(bytes).text))
            rows.append((file, gold[file]!, doc.framing.label.rawValue, doc.framing.balance, doc.framing.celebratory,
                         doc.framing.strategicThreat, doc.framing.tokens))
        }
        if documents {
            print("file\tgold\tpredicted\tbalance\tcelebratory\tstrategic_threat\ttokens")
            for r in rows {
                print("\(r.file)\t\(r.gold)\t\(r.label)\t\(String(format: "%.3f", r.balance))\t\(String(format: "%.2f", r.c))\t\(String(format: "%.2f", r.t))\t\(r.tokens)")
            }
        }
        let threat = rows.filter { $0.gold == "strategic-threat" }.map(\.balance)
        let celebratory = rows.filter { $0.gold == "celebratory" }.map(\.balance)
        let polar = rows.filter { $0.gold == "strategic-threat" || $0.gold == "celebratory" }
        let correct = polar.filter { $0.gold == $0.label }.count
        let neutral = rows.filter { $0.gold == "neutral" }
        let mixed = rows.filter { $0.gold == "mixed" }
        print("documents\t\(rows.count)")
        print("auc_threat_vs_celebratory\t\(String(format: "%.3f", Self.auc(positive: threat, negative: celebratory)))")
        print("label_accuracy_polar\t\(String(format: "%.3f", Double(correct) / Double(max(1, polar.count))))\t(\(correct)/\(polar.count))")
        print("neutral_as_neutral\t\(neutral.filter { $0.label == "neutral" }.count)/\(neutral.count)")
        let neutralBalance = neutral.isEmpty ? 0 : neutral.reduce(0) { $0 + abs($1.balance) } / Double(neutral.count)
        print("neutral_mean_abs_balance\t\(String(format: "%.3f", neutralBalance))")
        print("mixed_as_mixed\t\(mixed.filter { $0.label == "mixed" }.count)/\(mixed.count)")
        print("accuracy_all\t\(String(format: "%.3f", Double(rows.filter { $0.gold == $0.label }.count) / Double(max(1, rows.count))))")
    }

    /// Probability that a random positive scores above a random negative (ties count half).
    static func auc(positive: [Double], negative: [Double]) -> Double {
        guard !positive.isEmpty, !negative.isEmpty else { return .nan }
        var wins = 0.0
        for p in positive { for n in negative { wins += p > n ? 1 : (p == n ? 0.5 : 0) } }
        return wins / Double(positive.count * negative.count)
    }
}
