/// `validate --calibrate`: fits the label thresholds of `FramingCalibration.parameters` to the
/// coded sample by k-fold cross-validation. Each document is labelled under the thresholds
/// fitted on the other folds, so the figures reported are out-of-sample; the calibration
/// written is then fitted on all coded documents. Labels always come from
/// `FramingScorer.documentFraming`, the one label rule, applied to the totals in the annotations.
public enum Calibrator {

    /// A document's fold in 0..<folds: FNV-1a of its id, so folds do not depend on the order of
    /// the CODES file and a re-run splits the same way.
    public static func fold(of id: String, folds: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 { h ^= UInt64(b); h = h &* 0x100_0000_01b3 }
        return Int(h % UInt64(folds))
    }

    /// A document as the fit sees it: what the label rule reads, and the coded label.
    public struct Example: Sendable {
        public var totals: FramingTotals
        public var gold: FramingLabel
        public init(totals: FramingTotals, gold: FramingLabel) {
            self.totals = totals
            self.gold = gold
        }
    }

    /// The grid candidate with the highest macro-F1 over the coded labels of `examples`. Ties go
    /// to the candidate with the most shipped defaults, then to the earlier one in grid order, so
    /// a flat objective leaves the defaults alone.
    public static func fit(_ examples: [Example], base: FramingOptions = .init()) -> FramingCalibration {
        let parameters = FramingCalibration.parameters
        let defaults = parameters.map { $0.value(in: FramingOptions()) }
        let gold = examples.map { Validation.index($0.gold) }
        var best: (f1: Double, defaults: Int, candidate: [Double])?
        for candidate in FramingCalibration.candidates {
            var options = base
            FramingCalibration(candidate: candidate).apply(to: &options)
            let labels = examples.map { Validation.index(FramingScorer.documentFraming($0.totals, options: options).label) }
            let f1 = Agreement.macroF1(gold, labels, categories: Validation.k)
            let atDefault = zip(candidate, defaults).count { $0 == $1 }
            if let b = best {
                if f1 > b.f1 + 1e-12 || (abs(f1 - b.f1) <= 1e-12 && atDefault > b.defaults) { best = (f1, atDefault, candidate) }
            } else {
                best = (f1, atDefault, candidate)
            }
        }
        return FramingCalibration(candidate: best?.candidate ?? defaults)
    }

    /// Labels every item with a gold label and totals under thresholds fitted on the other folds
    /// (`cv`, `cvBalance`), and returns the calibration fitted on all of them.
    static func crossValidate(_ items: inout [Validation.Item], options: ValidationOptions) throws(ValidateError) -> FramingCalibration {
        guard options.folds >= 2 else { throw .options("--folds must be at least 2") }
        let usable = items.indices.filter { items[$0].gold != nil && items[$0].document != nil }
        guard usable.count >= options.folds else {
            throw .options("--calibrate needs at least as many coded documents as folds (\(usable.count) usable, \(options.folds) folds)")
        }
        func example(_ i: Int) -> Example { Example(totals: items[i].document!.totals, gold: Validation.labels[items[i].gold!]) }
        let foldOf = Dictionary(uniqueKeysWithValues: usable.map { ($0, fold(of: items[$0].id, folds: options.folds)) })
        var foldValues: [[String: Double]] = []
        for f in 0..<options.folds {
            let held = usable.filter { foldOf[$0] == f }
            guard !held.isEmpty else { continue }
            let training = usable.filter { foldOf[$0] != f }.map(example)
            let fitted = fit(training, base: options.framing)
            foldValues.append(fitted.values)
            var fold = options.framing
            fitted.apply(to: &fold)
            for i in held {
                let framing = FramingScorer.documentFraming(items[i].document!.totals, options: fold)
                items[i].cv = Validation.index(framing.label)
                items[i].cvBalance = framing.balance
            }
        }
        var final = fit(usable.map(example), base: options.framing)
        final.documents = usable.count
        final.folds = options.folds
        final.foldValues = foldValues
        return final
    }
}
