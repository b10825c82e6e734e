import Foundation
import Testing
@testable import Framescope

/// Labels as category numbers in `FramingLabel.allCases` order.
private let C = 0, T = 1, M = 2, N = 3

@Suite("Agreement statistics")
struct AgreementTests {
    // Ten documents, two raters (a: the coder, b: Framescope).
    static let a = [C, C, C, C, T, T, T, M, N, N]
    static let b = [C, C, C, T, T, T, M, M, N, C]

    @Test("Cohen's κ by hand and as scikit-learn computes it")
    func kappa() {
        // Agreement on documents 0,1,2,4,5,7,8: p_o = 7/10 = 0.7.
        // Margins a: C4 T3 M1 N2; b: C4 T3 M2 N1 → p_e = (4·4 + 3·3 + 1·2 + 2·1) / 100 = 29/100.
        // κ = (0.7 − 0.29) / (1 − 0.29) = 0.41 / 0.71 = 41/71.
        #expect(abs(Agreement.cohenKappa(Self.a, Self.b, categories: 4) - 41.0 / 71.0) < 1e-12)
        // scikit-learn 1.9.1: cohen_kappa_score([0,0,0,0,1,1,1,2,3,3], [0,0,0,1,1,1,2,2,3,0]) = 0.5774647887323943
        #expect(abs(Agreement.cohenKappa(Self.a, Self.b, categories: 4) - 0.5774647887323943) < 1e-12)
        #expect(Agreement.cohenKappa(Self.a, Self.a, categories: 4) == 1)
        // Every document the same one label on both sides: p_e = 1, κ undefined (not 0, not 1).
        #expect(Agreement.cohenKappa([C, C, C], [C, C, C], categories: 4).isNaN)
        #expect(Agreement.cohenKappa([], [], categories: 4).isNaN)
    }

    @Test("accuracy and macro-F1 by hand and as scikit-learn computes them")
    func f1() {
        #expect(Agreement.accuracy(Self.a, Self.b) == 0.7)
        // Per label 2TP / (2TP + FP + FN): C 6/8 (FP doc 9, FN doc 3), T 4/6 (FP 3, FN 6),
        // M 2/3 (FP 6), N 2/3 (FN 9); mean (0.75 + 3 × 2/3) / 4 = 0.6875.
        #expect(abs(Agreement.macroF1(Self.a, Self.b, categories: 4) - 0.6875) < 1e-12)
        // scikit-learn 1.9.1: f1_score([0,0,0,0,1,1,1,2,3,3], [0,0,0,1,1,1,2,2,3,0], average="macro") = 0.6874999999999999
        #expect(abs(Agreement.macroF1(Self.a, Self.b, categories: 4) - 0.6874999999999999) < 1e-12)
        // A label only Framescope uses counts with F1 0; a label nobody uses does not count.
        // C: 2/4, T: 4/5, M: 0 → (0.5 + 0.8 + 0) / 3. scikit-learn 1.9.1:
        // f1_score([0,0,1,1,1], [0,2,1,1,0], average="macro") = 0.43333333333333335
        #expect(abs(Agreement.macroF1([C, C, T, T, T], [C, M, T, T, C], categories: 4) - 1.3 / 3) < 1e-12)
        #expect(abs(Agreement.macroF1([C, C, T, T, T], [C, M, T, T, C], categories: 4) - 0.43333333333333335) < 1e-12)
        #expect(Agreement.macroF1([], [], categories: 4).isNaN)
    }

    @Test("the confusion matrix counts coded rows against compared columns")
    func confusion() {
        let m = Agreement.confusion(Self.a, Self.b, categories: 4)
        #expect(m == [[3, 1, 0, 0], [0, 2, 1, 0], [0, 0, 1, 0], [1, 0, 0, 1]])
    }

    @Test("Krippendorff's α, two coders: by hand and as the krippendorff package computes it")
    func alphaTwoCoders() {
        // 10 units × 2 values: n = 20. Three units disagree, each adds (m² − Σm_c²)/(m − 1) =
        // (4 − 2)/1 = 2 → 6. Margins C 8, T 6, M 3, N 3: n² − Σn_c² = 400 − 118 = 282.
        // α = 1 − (n − 1)·6/282 = 1 − 114/282 = 168/282.
        let units = zip(Self.a, Self.b).map { [$0, $1] }
        #expect(abs(Agreement.krippendorffAlpha(units: units, categories: 4) - 168.0 / 282.0) < 1e-12)
        // krippendorff 0.9.0: krippendorff.alpha(reliability_data=[[0,0,0,0,1,1,1,2,3,3],
        // [0,0,0,1,1,1,2,2,3,0]], level_of_measurement="nominal") = 0.5957446808510638
        #expect(abs(Agreement.krippendorffAlpha(units: units, categories: 4) - 0.5957446808510638) < 1e-12)
    }

    @Test("Krippendorff's α with four coders and missing values (Krippendorff's own example)")
    func alphaMissing() {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal example:
        // 4 coders × 12 units, values 1…5, "." missing (here values 0…4).
        let rows: [[Int?]] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
            [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
        ]
        let units = (0..<12).map { u in rows.compactMap { $0[u].map { $0 - 1 } } }
        // By hand: unit 12 has one value and is left out; n = 40 pairable values. Disagreeing
        // units: 2 (2,2,3,2: (16 − 10)/3 = 2), 6 (1,2,3,4: (16 − 4)/3 = 4), 8 (1,1,2,1: 2);
        // Σ = 8. Margins 1:9 2:13 3:10 4:5 5:3 → Σn_c² = 81 + 169 + 100 + 25 + 9 = 384;
        // α = 1 − 39·8/(1600 − 384) = 1 − 312/1216 = 0.74342…
        #expect(abs(Agreement.krippendorffAlpha(units: units, categories: 5) - (1 - 312.0 / 1216.0)) < 1e-12)
        // krippendorff 0.9.0: krippendorff.alpha(reliability_data=[[1,2,3,3,2,1,4,1,2,nan,nan,nan],
        // [1,2,3,3,2,2,4,1,2,5,nan,3], [nan,3,3,3,2,3,4,2,2,5,1,nan], [1,2,3,3,2,4,4,1,2,5,1,nan]],
        // level_of_measurement="nominal") = 0.743421052631579 (Krippendorff reports 0.743)
        #expect(abs(Agreement.krippendorffAlpha(units: units, categories: 5) - 0.743421052631579) < 1e-12)
        // No variation at all: undefined.
        #expect(Agreement.krippendorffAlpha(units: [[0, 0], [0, 0, 0]], categories: 4).isNaN)
    }

    @Test("AUC by hand (ties count half) and as scikit-learn computes it")
    func auc() {
        let positives = [0.9, 0.5, 0.2, -0.1], negatives = [0.5, -0.3, -0.6, 0.2, -0.9]
        // 20 pairs: 0.9 beats all 5; 0.5 beats 4 and ties 1 (4.5); 0.2 beats 3 and ties 1 (3.5);
        // −0.1 beats 3 → 16 / 20 = 0.8.
        #expect(Agreement.auc(positives: positives, negatives: negatives) == 0.8)
        // scikit-learn 1.9.1: roc_auc_score([1,1,1,1,0,0,0,0,0], [0.9,0.5,0.2,-0.1,0.5,-0.3,-0.6,0.2,-0.9]) = 0.8
        #expect(Agreement.auc(positives: [1, 2], negatives: [0]) == 1)
        #expect(Agreement.auc(positives: [0], negatives: [0]) == 0.5)
        #expect(Agreement.auc(positives: [], negatives: [1]).isNaN)
    }

    @Test("majority: the most frequent label, nil on a tie")
    func majority() {
        #expect(Agreement.majority([C, C, T], categories: 4) == C)
        #expect(Agreement.majority([C, T], categories: 4) == nil)
        #expect(Agreement.majority([N], categories: 4) == N)
        #expect(Agreement.majority([], categories: 4) == nil)
    }
}
