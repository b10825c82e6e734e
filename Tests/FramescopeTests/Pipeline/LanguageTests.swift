import PropertyBased
import Testing
@testable import Framescope

@Suite("Language")
struct LanguageTests {
    @Test("a document's language by script share", arguments: [
        ("包钢集团成立七十周年。", "zh"),
        ("包鋼集團", "zh"),  // traditional
        ("𠀋𪚥𠮷", "zh"),  // astral Han
        ("Baotou Steel celebrates 70 years.", "en"),
        ("ＢＡＯＧＡＮＧ ｓｔｅｅｌ", "en"),  // full-width Latin
        ("Baogang 包钢 rare earths 稀土", "mixed"),
        ("Сталь и редкие земли", "mixed"),  // Cyrillic letters are neither
        ("2024 — 70%, 1,750 → ！？", "und"),
        ("", "und"),
    ])
    func detect(text: String, expected: String) {
        #expect(Language.detect(DocumentText(text)) == expected)
    }

    /// The rule written plainly over Unicode scalars, to check the fast paths against.
    static func reference(_ s: String) -> String {
        var han = 0, latin = 0, other = 0
        for u in s.unicodeScalars {
            let c = u.value
            if ScriptClass.isHan(c) { han += 1 }
            else if (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0xFF21...0xFF5A).contains(c) { latin += 1 }
            else if c > 0x7F, u.properties.isAlphabetic { other += 1 }
        }
        let h = Double(han) * 3, l = Double(latin), total = h + l + Double(other)
        guard total > 0 else { return "und" }
        return h / total >= 0.7 ? "zh" : l / total >= 0.7 ? "en" : "mixed"
    }

    @Test("the fast paths decide as the plain rule does")
    func agreesWithReference() async {
        let pieces = ["a", "Z", "@", "[", "`", "{", "中", "鋼", "一", "龥", "㐀", "𠀋", "ｂ", "Ｚ", "＠", "é", "Ж", "。", "😀", " ", "7"]
        await propertyCheck(count: 400, input: Gen<String?>.element(of: pieces).array(of: 0...25)) { parts in
            let s = parts.compactMap { $0 }.joined()
            #expect(Language.detect(DocumentText(s)) == Self.reference(s))
        }
    }

    /// The entity tagger skips its Chinese scans when this says no Han is present.
    @Test("whether a text holds any Han character", arguments: [
        ("Baotou Steel, 70 years.", false),
        ("ＢＡＯＧＡＮＧ、「」〆〄", false),  // full-width Latin and CJK punctuation below U+3007
        ("Seoul 서울 and Tokyo とうきょう", false),  // Hangul and kana
        ("Year 二〇二四", true),  // 〇, U+3007, is Han
        ("The 𠮷 family", true),  // astral Han
        ("The 包鋼 works", true),
        ("", false),
    ])
    func containsHan(text: String, expected: Bool) {
        #expect(ScriptClass.containsHan(text.unicodeScalars.map(\.value)) == expected)
    }
}
