import Foundation

/// The statistics behind `framescope compare`: summaries, reproducible bootstrap intervals, a
/// rank test for comparing outlets, multiple-comparison adjustment and keyness. Everything here is
/// a pure function of its inputs (the bootstrap takes an explicit seed) so reports are reproducible
/// byte for byte. Inputs are assumed to be finite numbers; NaNs give unspecified results.
public enum Statistics {

    // MARK: - Summaries

    /// Mean of values (nan for empty), so an outlet with no articles shows as missing, not as 0.
    public static func mean(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return .nan }
        return xs.reduce(0, +) / Double(xs.count)
    }

    /// Median (average of the two middle values for even counts; nan for empty). Framing scores are
    /// skewed by a few heavily loaded articles, so the median is the robust centre to report.
    public static func median(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return .nan }
        let s = xs.sorted()
        let mid = s.count / 2
        return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    }

    // MARK: - Bootstrap

    /// Percentile bootstrap 95% (or `level`) confidence interval of a statistic. Reproducible: the
    /// resampling uses SplitMix64 seeded with `seed` and an index draw written here (not the standard
    /// library's), so the same inputs give the same interval on every platform and toolchain.
    /// Quantiles of the bootstrap distribution use linear interpolation between order statistics.
    /// Returns (nan, nan) for an empty sample or a non-positive number of resamples. A resample on
    /// which the statistic is undefined (nan: Cohen's κ when every document in it has one label)
    /// is left out of the quantiles; (nan, nan) when every resample is.
    public static func bootstrapInterval(_ xs: [Double], statistic: ([Double]) -> Double,
                                         resamples: Int = 2000, level: Double = 0.95,
                                         seed: UInt64 = 42) -> (low: Double, high: Double) {
        bootstrapIntervals(xs, count: 1, statistics: { [statistic($0)] }, resamples: resamples, level: level, seed: seed)[0]
    }

    /// The intervals of `count` statistics computed together on each resample (the same
    /// resamples `bootstrapInterval` draws for the same seed): one pass for a table of figures
    /// instead of one per figure. `statistics` returns `count` values.
    public static func bootstrapIntervals(_ xs: [Double], count: Int, statistics: ([Double]) -> [Double],
                                          resamples: Int = 2000, level: Double = 0.95,
                                          seed: UInt64 = 42) -> [(low: Double, high: Double)] {
        let none = [(low: Double, high: Double)](repeating: (.nan, .nan), count: count)
        guard !xs.isEmpty, resamples > 0 else { return none }
        precondition(level > 0 && level < 1, "confidence level must lie in (0, 1)")
        var rng = SplitMix64(seed: seed)
        var sample = xs
        var stats = [[Double]](repeating: [], count: count)
        for k in stats.indices { stats[k].reserveCapacity(resamples) }
        for _ in 0..<resamples {
            for i in sample.indices {
                sample[i] = xs[rng.nextIndex(below: xs.count)]
            }
            for (k, value) in statistics(sample).enumerated() where !value.isNaN { stats[k].append(value) }
        }
        let alpha = (1 - level) / 2
        return stats.map { values in
            guard !values.isEmpty else { return (.nan, .nan) }
            let sorted = values.sorted()
            return (quantile(sorted: sorted, alpha), quantile(sorted: sorted, 1 - alpha))
        }
    }

    /// Quantile of sorted values with linear interpolation (the R type-7 / NumPy default rule).
    static func quantile(sorted s: [Double], _ q: Double) -> Double {
        let h = Double(s.count - 1) * q
        let lo = Int(h.rounded(.down))
        let hi = Swift.min(lo + 1, s.count - 1)
        let frac = h - Double(lo)
        return frac == 0 ? s[lo] : s[lo] + (s[hi] - s[lo]) * frac
    }

    /// SplitMix64 (Steele, Lea & Flood): tiny, fast, and good enough for resampling indices; its
    /// output is fixed by the algorithm, which is what makes the bootstrap reproducible.
    struct SplitMix64: RandomNumberGenerator, Sendable {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// Unbiased integer in 0..<n by multiply-and-reject (Lemire), spelled out here rather than
        /// using `Int.random(in:using:)`, whose algorithm the standard library may change.
        mutating func nextIndex(below n: Int) -> Int {
            precondition(n > 0)
            let bound = UInt64(n)
            var m = next().multipliedFullWidth(by: bound)
            if m.low < bound {
                let threshold = (0 &- bound) % bound
                while m.low < threshold {
                    m = next().multipliedFullWidth(by: bound)
                }
            }
            return Int(m.high)
        }
    }

    // MARK: - Mann–Whitney U

    /// Result of a two-sided Mann–Whitney U test. `u` is the statistic for the first sample, `z` the
    /// continuity-corrected normal score for it (positive when the first sample tends to be larger),
    /// `p` the two-sided p-value and `rankBiserial` = 2U/(n1 n2) − 1, an effect size in [−1, 1] that
    /// stays meaningful when p is small only because the samples are large.
    public struct MannWhitney: Sendable, Equatable {
        public let u: Double
        public let z: Double
        public let p: Double
        public let rankBiserial: Double

        public init(u: Double, z: Double, p: Double, rankBiserial: Double) {
            self.u = u
            self.z = z
            self.p = p
            self.rankBiserial = rankBiserial
        }
    }

    /// Two-sided Mann–Whitney U test of xs vs ys with tie correction and the continuity-corrected
    /// normal approximation, matching `scipy.stats.mannwhitneyu(x, y, alternative="two-sided",
    /// method="asymptotic", use_continuity=True)`. A rank test because framing scores are bounded,
    /// skewed and full of ties (many articles score exactly 0). Nil if either sample is empty.
    public static func mannWhitney(_ xs: [Double], _ ys: [Double]) -> MannWhitney? {
        guard !xs.isEmpty, !ys.isEmpty else { return nil }
        let n1 = Double(xs.count), n2 = Double(ys.count)
        let n = n1 + n2
        let (ranks, tieTerm) = averageRanks(xs + ys)
        let r1 = ranks[0..<xs.count].reduce(0, +)
        let u1 = r1 - n1 * (n1 + 1) / 2
        let mu = n1 * n2 / 2
        let variance = n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)))
        let rankBiserial = 2 * u1 / (n1 * n2) - 1
        guard variance > 0 else {
            // Every value is tied: there is no evidence either way.
            return MannWhitney(u: u1, z: 0, p: 1, rankBiserial: rankBiserial)
        }
        let sigma = variance.squareRoot()
        // scipy evaluates max(U1, U2) − mu − 0.5; |U1 − mu| is the same distance, and it is a
        // multiple of 0.5, so the corrected distance is never negative except when U1 == mu.
        let distance = Swift.max(abs(u1 - mu) - 0.5, 0)
        let sign: Double = u1 > mu ? 1 : (u1 < mu ? -1 : 0)
        let z = sign * distance / sigma
        let p = Swift.min(1, 2 * normalSurvival(distance / sigma))
        return MannWhitney(u: u1, z: z, p: p, rankBiserial: rankBiserial)
    }

    /// Ranks 1...n with ties given their average rank, and Σ(t³ − t) over tie groups for the
    /// variance correction.
    static func averageRanks(_ values: [Double]) -> (ranks: [Double], tieTerm: Double) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var tieTerm = 0.0
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && values[order[end]] == values[order[start]] {
                end += 1
            }
            // Positions start..<end hold equal values: ranks start+1 ... end, averaged.
            let average = Double(start + 1 + end) / 2
            for k in start..<end {
                ranks[order[k]] = average
            }
            let t = Double(end - start)
            tieTerm += t * t * t - t
            start = end
        }
        return (ranks, tieTerm)
    }

    // MARK: - Multiple comparisons

    /// Holm–Bonferroni adjusted p-values, same order as the input, monotone, capped at 1. `compare`
    /// tests many frames at once; Holm controls the family-wise error rate without Bonferroni's
    /// loss of power.
    public static func holm(_ ps: [Double]) -> [Double] {
        let m = ps.count
        let order = ps.indices.sorted { ps[$0] < ps[$1] }
        var adjusted = [Double](repeating: 0, count: m)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            let candidate = Swift.min(1, Double(m - rank) * ps[index])
            running = Swift.max(running, candidate)
            adjusted[index] = running
        }
        return adjusted
    }

    // MARK: - Keyness

    /// Keyness of one word: raw log-likelihood G², G² after Williams' correction, the chi-square(1)
    /// p-value of the corrected value, and `direction` +1 when the word is relatively more frequent
    /// in the target corpus than in the reference, −1 otherwise.
    public struct Keyness: Sendable, Equatable {
        public let g2: Double
        public let corrected: Double
        public let p: Double
        public let direction: Int

        public init(g2: Double, corrected: Double, p: Double, direction: Int) {
            self.g2 = g2
            self.corrected = corrected
            self.p = p
            self.direction = direction
        }
    }

    /// Log-likelihood keyness (Dunning's G²) of a word seen `a` times in a target corpus of `c`
    /// tokens and `b` times in a reference corpus of `d` tokens. G² = 2 Σ O ln(O/E) over the 2×2
    /// table [[a, c−a], [b, d−b]] with expected counts from the margins (empty cells add 0).
    /// Williams' correction divides G² by
    /// q = 1 + (N/(a+b) + N/(N−(a+b)) − 1)(N/c + N/d − 1)/(6N), N = c + d,
    /// which keeps the chi-square approximation honest for the rare words keyness lists are full of;
    /// the p-value is taken from the corrected statistic. A degenerate table (an empty corpus, or a
    /// word that is absent or makes up every token) carries no evidence: G² = 0, p = 1.
    public static func logLikelihood(a: Int, b: Int, c: Int, d: Int) -> Keyness {
        precondition(a >= 0 && b >= 0 && a <= c && b <= d, "counts must satisfy 0 ≤ a ≤ c and 0 ≤ b ≤ d")
        let (fa, fb, fc, fd) = (Double(a), Double(b), Double(c), Double(d))
        // Compare a/c with b/d without dividing: a·d > b·c.
        let direction = fa * fd > fb * fc ? 1 : -1
        let total = fc + fd
        let word = fa + fb
        guard c > 0, d > 0, word > 0, word < total else {
            return Keyness(g2: 0, corrected: 0, p: 1, direction: direction)
        }
        let rest = total - word
        let observed = [fa, fc - fa, fb, fd - fb]
        let expected = [fc * word / total, fc * rest / total, fd * word / total, fd * rest / total]
        var sum = 0.0
        for (o, e) in zip(observed, expected) where o > 0 {
            sum += o * log(o / e)
        }
        // Rounding can leave a tiny negative value when observed ≈ expected.
        let g2 = Swift.max(0, 2 * sum)
        let q = 1 + (total / word + total / rest - 1) * (total / fc + total / fd - 1) / (6 * total)
        let corrected = g2 / q
        return Keyness(g2: g2, corrected: corrected, p: chiSquare1Survival(corrected), direction: direction)
    }

    // MARK: - Distributions

    /// Standard normal CDF Φ(z), via the C library's erfc (accurate to double precision, far
    /// beyond the 1e-7 the p-values need) and stable in both tails.
    public static func normalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// Upper tail 1 − Φ(z), computed directly so small p-values do not cancel to 0.
    static func normalSurvival(_ z: Double) -> Double {
        0.5 * erfc(z / 2.0.squareRoot())
    }

    /// Survival function of chi-square with 1 degree of freedom, P(X ≥ x) = erfc(√(x/2)): the
    /// p-value of a G² or other 1-df statistic. 1 for x ≤ 0.
    public static func chiSquare1Survival(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        return erfc((x / 2).squareRoot())
    }
}
