import Testing
@testable import Framescope

/// |a − b| ≤ tolerance, with a message that shows both values when it fails.
private func close(_ a: Double, _ b: Double, _ tolerance: Double,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(abs(a - b) <= tolerance, "\(a) vs \(b) (tolerance \(tolerance))", sourceLocation: sourceLocation)
}

@Suite("Statistics: summaries and Holm")
struct StatisticsSummaryTests {
    @Test("mean of values, nan for empty")
    func mean() {
        #expect(Statistics.mean([1, 2, 3, 4]) == 2.5)
        #expect(Statistics.mean([-3]) == -3)
        #expect(Statistics.mean([]).isNaN)
    }

    @Test("median of odd and even counts, unsorted input, nan for empty")
    func median() {
        #expect(Statistics.median([5, 1, 3]) == 3)
        #expect(Statistics.median([4, 1, 10, 2]) == 3)
        #expect(Statistics.median([7]) == 7)
        #expect(Statistics.median([]).isNaN)
    }

    @Test("Holm adjusts in input order, enforces monotonicity and caps at 1")
    func holm() {
        // Sorted: 0.005×4 = 0.02, 0.01×3 = 0.03, 0.03×2 = 0.06, 0.04×1 = 0.04 → raised to 0.06.
        let adjusted = Statistics.holm([0.01, 0.04, 0.03, 0.005])
        let expected = [0.03, 0.06, 0.06, 0.02]
        #expect(adjusted.count == expected.count)
        for (a, e) in zip(adjusted, expected) { close(a, e, 1e-12) }

        // 0.2×3 = 0.6, 0.4×2 = 0.8, 0.9×1 = 0.9. For [0.7, 0.5]: 0.5×2 = 1.0, then 0.7×1 is raised to 1.0.
        let more = Statistics.holm([0.9, 0.2, 0.4])
        for (a, e) in zip(more, [0.9, 0.6, 0.8]) { close(a, e, 1e-12) }
        #expect(Statistics.holm([0.7, 0.5]) == [1, 1])
        #expect(Statistics.holm([0.03]) == [0.03])
        #expect(Statistics.holm([]) == [])
    }
}

@Suite("Statistics: distributions")
struct StatisticsDistributionTests {
    @Test("normal CDF at known points")
    func normalCDF() {
        #expect(Statistics.normalCDF(0) == 0.5)
        close(Statistics.normalCDF(1.959963985), 0.975, 1e-7)
        // scipy 1.17.1: norm.cdf(-2.5) = 0.006209665325776132
        close(Statistics.normalCDF(-2.5), 0.006209665325776132, 1e-12)
        close(Statistics.normalCDF(-1) + Statistics.normalCDF(1), 1, 1e-15)
    }

    @Test("chi-square(1) survival at known points")
    func chiSquare() {
        close(Statistics.chiSquare1Survival(3.841458821), 0.05, 1e-7)
        // scipy 1.17.1: chi2.sf(10.0, 1) = 0.001565402258002549
        close(Statistics.chiSquare1Survival(10), 0.001565402258002549, 1e-12)
        #expect(Statistics.chiSquare1Survival(0) == 1)
        #expect(Statistics.chiSquare1Survival(-2) == 1)
    }
}

@Suite("Statistics: Mann–Whitney U")
struct StatisticsMannWhitneyTests {
    /// Reference values from scipy 1.17.1:
    ///   r = scipy.stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)
    ///   u = r.statistic, p = r.pvalue, z = ±scipy.stats.norm.isf(p / 2) (sign of u − n1·n2/2),
    ///   rank-biserial = 2u/(n1·n2) − 1.
    struct Reference: Sendable {
        let name: String
        let xs: [Double]
        let ys: [Double]
        let u: Double
        let p: Double
        let z: Double
        let rankBiserial: Double
    }

    static let references: [Reference] = [
        // No ties; n1 = 7, n2 = 6, so sigma = 7 and z = (33 − 21 − 0.5)/7 by hand as well.
        Reference(name: "no ties",
                  xs: [1.2, 3.4, 2.2, 5.1, 4.8, 0.7, 3.9], ys: [2.5, 0.3, 1.1, 1.9, 0.4, 2.8],
                  u: 33.0, p: 0.10041249398610284, z: 1.6428571428571426, rankBiserial: 0.5714285714285714),
        // Balance-like scores where 0.0 and ±0.5 repeat: the tie correction matters here.
        Reference(name: "many ties",
                  xs: [0.0, 0.0, 0.5, -0.5, 0.0, 1.0, 0.5, 0.0, 0.5, 1.0],
                  ys: [0.0, -0.5, -0.5, 0.0, -1.0, 0.0, 0.5, -0.5, 0.0],
                  u: 70.0, p: 0.0357784560702127, z: 2.099436317262695, rankBiserial: 0.5555555555555556),
        // Unequal sizes (3 vs 12), first sample smaller: negative z and effect size.
        Reference(name: "unequal sizes",
                  xs: [0.1, -0.2, 0.05],
                  ys: [0.3, 0.25, -0.1, 0.4, 0.6, 0.35, 0.2, 0.5, 0.45, 0.15, 0.55, 0.7],
                  u: 2.0, p: 0.025271161776870603, z: -2.2372322931098, rankBiserial: -0.8888888888888888),
        // Interleaved samples: weak evidence, p well above 0.5.
        Reference(name: "interleaved",
                  xs: [1.0, 2.0, 3.0, 4.0], ys: [1.5, 2.5, 3.5, 4.5],
                  u: 6.0, p: 0.6650055421020291, z: -0.4330127018922193, rankBiserial: -0.25),
    ]

    @Test("agrees with scipy", arguments: references)
    func agreesWithScipy(_ ref: Reference) throws {
        let r = try #require(Statistics.mannWhitney(ref.xs, ref.ys), "\(ref.name)")
        #expect(r.u == ref.u, "\(ref.name)")
        close(r.p, ref.p, 1e-6)
        close(r.z, ref.z, 1e-6)
        close(r.rankBiserial, ref.rankBiserial, 1e-12)
    }

    @Test("swapping the samples mirrors U, z and the effect size but keeps p")
    func swapped() throws {
        let ref = Self.references[1]
        let forward = try #require(Statistics.mannWhitney(ref.xs, ref.ys))
        let backward = try #require(Statistics.mannWhitney(ref.ys, ref.xs))
        #expect(backward.u == Double(ref.xs.count * ref.ys.count) - forward.u)
        #expect(backward.u == 20)
        close(backward.z, -forward.z, 1e-12)
        close(backward.p, forward.p, 1e-12)
        close(backward.rankBiserial, -forward.rankBiserial, 1e-12)
    }

    @Test("complete separation gives U = n1·n2 and r = 1")
    func separated() throws {
        let r = try #require(Statistics.mannWhitney([10, 11, 12], [1, 2]))
        #expect(r.u == 6)
        #expect(r.rankBiserial == 1)
        #expect(r.z > 0)
    }

    @Test("all values tied gives p = 1 and z = 0")
    func allTied() throws {
        let r = try #require(Statistics.mannWhitney([0, 0, 0], [0, 0]))
        #expect(r.u == 3)
        #expect(r.z == 0)
        #expect(r.p == 1)
        #expect(r.rankBiserial == 0)
    }

    @Test("U exactly at its mean gives p = 1")
    func atMean() throws {
        let r = try #require(Statistics.mannWhitney([1, 4], [2, 3]))
        #expect(r.u == 2)
        #expect(r.z == 0)
        #expect(r.p == 1)
    }

    @Test("empty samples give nil")
    func empty() {
        #expect(Statistics.mannWhitney([], [1, 2]) == nil)
        #expect(Statistics.mannWhitney([1, 2], []) == nil)
    }
}

@Suite("Statistics: log-likelihood keyness")
struct StatisticsKeynessTests {
    @Test("G² for a = 10, b = 20, c = 1000, d = 5000 by hand")
    func byHand() {
        // N = 6000, a + b = 30. Expected: 1000·30/6000 = 5, 1000·5970/6000 = 995,
        // 5000·30/6000 = 25, 5000·5970/6000 = 4975. Observed: 10, 990, 20, 4980.
        // G² = 2 (10 ln 2 + 990 ln(990/995) + 20 ln 0.8 + 4980 ln(4980/4975)) ≈ 4.96739.
        // q = 1 + (200 + 6000/5970 − 1)(6 + 1.2 − 1)/36000 ≈ 1.0344453, corrected ≈ 4.80199.
        let k = Statistics.logLikelihood(a: 10, b: 20, c: 1000, d: 5000)
        close(k.g2, 4.96739, 1e-5)
        close(k.corrected, 4.80199, 1e-5)
        #expect(k.direction == 1)
        #expect(k.p < 0.05 && k.p > 0.01)
    }

    /// (a, b, c, d, G², corrected, p) from a direct Python computation (math.log over the four cells,
    /// Williams' q as specified, p = scipy.stats.chi2.sf(corrected, 1), scipy 1.17.1).
    static let references: [(Int, Int, Int, Int, Double, Double, Double)] = [
        (10, 20, 1000, 5000, 4.967392822329984, 4.801986895656215, 0.028426935158621595),
        (3, 40, 2000, 8000, 5.766602517474821, 5.6515969554591745, 0.0174394833053333),
        (150, 90, 30000, 45000, 49.44803026560204, 49.33952787440652, 2.1528062097070374e-12),
        (0, 12, 500, 4000, 2.8308004274192164, 2.512387886745474, 0.11295466028444734),
    ]

    @Test("agrees with a direct computation")
    func agreesWithPython() {
        for (a, b, c, d, g2, corrected, p) in Self.references {
            let k = Statistics.logLikelihood(a: a, b: b, c: c, d: d)
            close(k.g2, g2, 1e-9 * g2)
            close(k.corrected, corrected, 1e-9 * corrected)
            close(k.p, p, max(1e-9 * p, 1e-15))
        }
    }

    @Test("direction: +1 when overused in the target, −1 when underused or equal")
    func direction() {
        #expect(Statistics.logLikelihood(a: 10, b: 20, c: 1000, d: 5000).direction == 1)
        #expect(Statistics.logLikelihood(a: 3, b: 40, c: 2000, d: 8000).direction == -1)
        #expect(Statistics.logLikelihood(a: 0, b: 12, c: 500, d: 4000).direction == -1)
        // Same relative frequency (1%): no overuse, and no evidence either.
        let equal = Statistics.logLikelihood(a: 10, b: 50, c: 1000, d: 5000)
        #expect(equal.direction == -1)
        close(equal.g2, 0, 1e-9)
        close(equal.p, 1, 1e-6)
    }

    @Test("G² is symmetric in which corpus is the target; direction flips")
    func symmetric() {
        let forward = Statistics.logLikelihood(a: 150, b: 90, c: 30000, d: 45000)
        let backward = Statistics.logLikelihood(a: 90, b: 150, c: 45000, d: 30000)
        close(forward.g2, backward.g2, 1e-9)
        close(forward.corrected, backward.corrected, 1e-9)
        #expect(forward.direction == 1)
        #expect(backward.direction == -1)
    }

    @Test("degenerate tables give G² = 0 and p = 1")
    func degenerate() {
        for (a, b, c, d) in [(0, 0, 100, 200), (0, 5, 0, 200), (100, 200, 100, 200)] {
            let k = Statistics.logLikelihood(a: a, b: b, c: c, d: d)
            #expect(k.g2 == 0, "\(a) \(b) \(c) \(d)")
            #expect(k.corrected == 0)
            #expect(k.p == 1)
        }
    }
}

@Suite("Statistics: bootstrap")
struct StatisticsBootstrapTests {
    static let sample: [Double] = [0.12, -0.4, 0.33, 0.05, 0.9, -0.15, 0.27, 0.61, -0.08, 0.44,
                                   0.0, 0.18, -0.22, 0.7, 0.35, 0.09, -0.31, 0.52, 0.14, 0.26]

    @Test("SplitMix64 matches the reference sequence")
    func splitMix() {
        var seed0 = Statistics.SplitMix64(seed: 0)
        #expect(seed0.next() == 0xE220_A839_7B1D_CDAF)
        #expect(seed0.next() == 0x6E78_9E6A_A1B9_65F4)
        var seed42 = Statistics.SplitMix64(seed: 42)
        #expect(seed42.next() == 13_679_457_532_755_275_413)
        #expect(seed42.next() == 2_949_826_092_126_892_291)
    }

    @Test("bounded index draws stay in range and reach every index")
    func indices() {
        var rng = Statistics.SplitMix64(seed: 7)
        var seen = Set<Int>()
        for _ in 0..<1000 {
            let i = rng.nextIndex(below: 5)
            #expect((0..<5).contains(i))
            seen.insert(i)
        }
        #expect(seen == [0, 1, 2, 3, 4])
    }

    @Test("the same seed gives the same interval; another seed a different one")
    func reproducible() {
        let first = Statistics.bootstrapInterval(Self.sample, statistic: Statistics.mean, seed: 42)
        let second = Statistics.bootstrapInterval(Self.sample, statistic: Statistics.mean, seed: 42)
        #expect(first.low == second.low)
        #expect(first.high == second.high)
        let other = Statistics.bootstrapInterval(Self.sample, statistic: Statistics.mean, seed: 43)
        #expect(other.low != first.low || other.high != first.high)
    }

    @Test("the interval contains the sample mean and has about the normal-theory width")
    func containsMean() {
        let m = Statistics.mean(Self.sample)
        let ci = Statistics.bootstrapInterval(Self.sample, statistic: Statistics.mean)
        #expect(ci.low < m && m < ci.high)
        // Normal theory: width ≈ 2 · 1.96 · sd/√n (population sd, as the bootstrap uses).
        let n = Double(Self.sample.count)
        let sd = (Self.sample.map { ($0 - m) * ($0 - m) }.reduce(0, +) / n).squareRoot()
        let expectedWidth = 2 * 1.959964 * sd / n.squareRoot()
        let width = ci.high - ci.low
        #expect(abs(width - expectedWidth) < 0.15 * expectedWidth, "\(width) vs \(expectedWidth)")
        // A lower level gives a strictly narrower interval inside the 95% one.
        let ci80 = Statistics.bootstrapInterval(Self.sample, statistic: Statistics.mean, level: 0.8)
        #expect(ci.low < ci80.low && ci80.high < ci.high)
    }

    @Test("a constant sample gives a zero-width interval")
    func constant() {
        let ci = Statistics.bootstrapInterval([0.25, 0.25, 0.25, 0.25], statistic: Statistics.median)
        #expect(ci.low == 0.25)
        #expect(ci.high == 0.25)
    }

    @Test("an empty sample gives nan bounds")
    func empty() {
        let ci = Statistics.bootstrapInterval([], statistic: Statistics.mean)
        #expect(ci.low.isNaN && ci.high.isNaN)
    }

    @Test("percentile quantiles interpolate linearly")
    func quantile() {
        let s: [Double] = [1, 2, 3, 4, 5]
        #expect(Statistics.quantile(sorted: s, 0) == 1)
        #expect(Statistics.quantile(sorted: s, 1) == 5)
        #expect(Statistics.quantile(sorted: s, 0.5) == 3)
        close(Statistics.quantile(sorted: s, 0.1), 1.4, 1e-12)
    }
}
