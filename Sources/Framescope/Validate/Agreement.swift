/// Agreement statistics between label sequences, on categories numbered `0..<k` (validate uses
/// the order of `FramingLabel.allCases`). Pure functions; nan means undefined on this sample
/// (no documents, or no variation for κ and α), never 0, so an empty group cannot pass for
/// chance agreement.
public enum Agreement {

    /// k×k counts: rows the reference (coded) label, columns the compared (Framescope) label.
    public static func confusion(_ reference: [Int], _ compared: [Int], categories k: Int) -> [[Int]] {
        var m = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for (r, c) in zip(reference, compared) { m[r][c] += 1 }
        return m
    }

    /// Share of documents on which the two agree.
    public static func accuracy(_ reference: [Int], _ compared: [Int]) -> Double {
        guard !reference.isEmpty else { return .nan }
        return Double(zip(reference, compared).count { $0 == $1 }) / Double(reference.count)
    }

    /// Macro-averaged F1 over the categories present in either sequence (scikit-learn's
    /// `f1_score(average="macro")`): per category F1 = 2TP / (2TP + FP + FN), so a category one
    /// side never uses scores 0 rather than disappearing.
    public static func macroF1(_ reference: [Int], _ compared: [Int], categories k: Int) -> Double {
        guard !reference.isEmpty else { return .nan }
        let m = confusion(reference, compared, categories: k)
        var sum = 0.0, present = 0
        for c in 0..<k {
            let tp = m[c][c]
            let fn = m[c].reduce(0, +) - tp
            let fp = (0..<k).reduce(0) { $0 + m[$1][c] } - tp
            guard tp + fn + fp > 0 else { continue }
            present += 1
            sum += Double(2 * tp) / Double(2 * tp + fp + fn)
        }
        return sum / Double(present)
    }

    /// Cohen's κ = (p_o − p_e) / (1 − p_e), p_e from the two sides' own label shares; nan when
    /// p_e = 1 (both sides give every document the same one label).
    public static func cohenKappa(_ a: [Int], _ b: [Int], categories k: Int) -> Double {
        cohenKappa(zip(a, b).lazy.map { ($0, $1) }, categories: k)
    }

    /// κ of the pairs in `pairs` (the units both raters coded).
    public static func cohenKappa(_ pairs: some Sequence<(Int, Int)>, categories k: Int) -> Double {
        var rows = [Double](repeating: 0, count: k), cols = rows
        var agree = 0.0, n = 0.0
        for (x, y) in pairs {
            rows[x] += 1; cols[y] += 1; n += 1
            if x == y { agree += 1 }
        }
        guard n > 0 else { return .nan }
        let po = agree / n
        let pe = zip(rows, cols).reduce(0) { $0 + $1.0 * $1.1 } / (n * n)
        guard pe < 1 else { return .nan }
        return (po - pe) / (1 - pe)
    }

    /// Krippendorff's α for nominal data. Each unit (document) lists the values its coders gave;
    /// a coder who did not code it is simply absent (missing values), and a unit with fewer than
    /// two values cannot be paired and is left out. With the coincidence counts o_ck, n_c their
    /// margins and n their total: α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k. Per unit of
    /// m values with counts m_c, Σ_{c≠k} o_ck gains (m² − Σ m_c²) / (m − 1). nan when fewer than
    /// two pairable values or no variation at all.
    public static func krippendorffAlpha(units: [[Int]], categories k: Int) -> Double {
        krippendorffAlpha(reliability: units.map { $0.map(Optional.some) }, categories: k)
    }

    /// The same from reliability data laid out as one row per unit and one column per coder,
    /// nil where a coder did not code the unit (what the bootstrap resamples, without copying).
    public static func krippendorffAlpha(reliability units: [[Int?]], categories k: Int) -> Double {
        krippendorffAlpha(units: units.indices, categories: k) { unit, visit in for case let v? in units[unit] { visit(v) } }
    }

    /// The one computation of nominal α: `values(unit, visit)` hands each coded value of a unit to
    /// `visit`, so callers with other layouts (a flat table the bootstrap resamples by index) need
    /// no copy.
    public static func krippendorffAlpha<Units: Sequence<Int>>(units: Units, categories k: Int,
                                                              values: (Int, (Int) -> Void) -> Void) -> Double {
        var marginals = [Double](repeating: 0, count: k)
        var disagreement = 0.0
        var counts = [Int](repeating: 0, count: k)
        for unit in units {
            for c in counts.indices { counts[c] = 0 }
            var m = 0
            values(unit) { counts[$0] += 1; m += 1 }
            guard m >= 2 else { continue }
            let same = counts.reduce(0) { $0 + $1 * $1 }
            disagreement += Double(m * m - same) / Double(m - 1)
            for c in 0..<k { marginals[c] += Double(counts[c]) }
        }
        return alpha(marginals: marginals, disagreement: disagreement)
    }

    /// α of two complete sequences (every unit coded by both): each disagreeing unit adds
    /// (4 − 2)/(2 − 1) = 2 to the disagreement.
    public static func krippendorffAlpha(_ a: [Int], _ b: [Int], categories k: Int) -> Double {
        var marginals = [Double](repeating: 0, count: k)
        var disagreement = 0.0
        for (x, y) in zip(a, b) {
            marginals[x] += 1; marginals[y] += 1
            if x != y { disagreement += 2 }
        }
        return alpha(marginals: marginals, disagreement: disagreement)
    }

    static func alpha(marginals: [Double], disagreement: Double) -> Double {
        let n = marginals.reduce(0, +)
        let expected = n * n - marginals.reduce(0) { $0 + $1 * $1 }
        guard n >= 2, expected > 0 else { return .nan }
        return 1 - (n - 1) * disagreement / expected
    }

    /// Area under the ROC curve of a score separating positives from negatives: the probability
    /// that a random positive scores higher than a random negative, ties counting half (the
    /// Mann–Whitney U / (n₁n₂)). nan when either side is empty.
    public static func auc(positives: [Double], negatives: [Double]) -> Double {
        guard !positives.isEmpty, !negatives.isEmpty else { return .nan }
        let (ranks, _) = Statistics.averageRanks(positives + negatives)
        let n1 = Double(positives.count), n2 = Double(negatives.count)
        let r1 = ranks[0..<positives.count].reduce(0, +)
        return (r1 - n1 * (n1 + 1) / 2) / (n1 * n2)
    }

    /// The label most coders gave, or nil when two or more labels tie for most.
    public static func majority(_ values: [Int], categories k: Int) -> Int? {
        var counts = [Int](repeating: 0, count: k)
        for v in values { counts[v] += 1 }
        guard let top = counts.max(), top > 0 else { return nil }
        let winners = counts.indices.filter { counts[$0] == top }
        return winners.count == 1 ? winners[0] : nil
    }
}
