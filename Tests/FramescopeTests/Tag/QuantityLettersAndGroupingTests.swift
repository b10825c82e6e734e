import Testing
@testable import Framescope

/// Quantities of unseen English news (issue 20): a bare letter c after a number (Celsius in capitals,
/// cents in lower case on the digits), currencies written onto the digits ("RM1.2 billion"), Indian
/// digit grouping (lakh and crore), the metric tonne unit written out or on a dry basis, and apparent
/// power (MVA). "12pc" stays out: folded, "pc" is also "250 PC units".
@Suite("Quantities: bare letters, attached currencies, Indian grouping, written-out units")
struct QuantityLettersAndGroupingTests {
    typealias Case = QuantityTests.Case

    static let cases: [Case] = [
        Case(sentence: "The coating cures at 150 C in an hour.", surface: "150 C", value: 150, unit: "°C", base: 150),
        Case(sentence: "Magnets rated for 200C are scarce.", surface: "200C", value: 200, unit: "°C", base: 200),
        Case(sentence: "The shares slid 37c on Friday.", surface: "37c", value: 37, unit: "cent", base: 37),
        Case(sentence: "The fund sold RM3.5 billion of bonds.", surface: "RM3.5 billion", value: 3.5e9, unit: "MYR", base: 3.5e9, multiplier: 1e9),
        Case(sentence: "He paid Rs750 for it.", surface: "Rs750", value: 750, unit: "INR", base: 750),
        Case(sentence: "Silicon sold at ₹2,45,500 a tonne.", surface: "₹2,45,500 a tonne", value: 245_500, unit: "INR/t", base: 245_500),
        Case(sentence: "The budget was ₹12,34,56,789 in all.", surface: "₹12,34,56,789", value: 123_456_789, unit: "INR", base: 123_456_789),
        Case(sentence: "Concentrate fetched $210 per metric tonne unit.", surface: "$210 per metric tonne unit", value: 210, unit: "USD/mtu", base: 21_000),
        Case(sentence: "The discount widened to 9.5 cents/dmtu.", surface: "9.5 cents/dmtu", value: 9.5, unit: "cent/mtu", base: 950),
        Case(sentence: "A 60 MVA furnace was relined.", surface: "60 MVA", value: 60, unit: "MVA", base: 6e7),
        Case(sentence: "新建一台25000千伏安矿热炉。", surface: "25000千伏安", value: 25_000, unit: "kVA", base: 2.5e7),
    ]

    @Test("each form has the right span, value and unit", arguments: cases)
    func forms(_ c: Case) throws {
        try QuantityTests().numberForms(c)
    }

    @Test("a bare c that is no unit: lower case apart from the digits, after a counting word, before a hyphen or apostrophe; letters that are no currency", arguments: [
        "See items 3 c and 4 d.",
        "Steel of Grade 5 C was used.",
        "The 2 C-suite hires left.",
        "He got 3 C's last term.",
        "The COVID19 wave and CO2 output.",
        "Lists such as 1,23,45 are no amounts.",
    ])
    func notUnits(_ s: String) throws {
        let q = try spans(s, .quantity)
        #expect(q.isEmpty, "\(s): \(q)")
    }

    /// The look-back for a currency before a number tries only where the character before the
    /// number ends some currency's surface; every shipped currency must still be found.
    @Test("every shipped currency written before a number is read as a currency there")
    func everyCurrencyBeforeANumber() throws {
        let folder = try Folder()
        let units = BundledLexicons.shared.units
        let finder = QuantityFinder(units: units)
        var checked = 0
        // The look-back reaches six characters ("US$", "人民币", "HK$"; "Swiss francs 5" is read
        // from the unit after the number or not at all).
        for e in units.entries where e.dimension.hasPrefix("currency") && folder.fold(e.surface).unicodeScalars.count <= 6 {
            for written in ["\(e.surface) 5", "\(e.surface)5"] {
                let folded = folder.fold(DocumentText(written))
                guard let five = folded.scalars.lastIndex(of: 0x35) else { continue }
                // Glued to a letter the number is inside a word; only the spaced form is asked there.
                if written.hasSuffix("\(e.surface)5"), let last = e.surface.unicodeScalars.last, last.properties.isAlphabetic { continue }
                let hit = finder.prefixUnit(endingAt: five, in: folded)
                #expect(hit?.entry.dimension.hasPrefix("currency") == true, "\(written)")
                checked += 1
            }
        }
        #expect(checked > 40)
    }

    @Test("the number parser reads Indian grouping and leaves western grouping as it was", arguments: [
        ("1,09,000", 109_000.0), ("12,34,56,789", 123_456_789.0), ("1,090,000", 1_090_000.0), ("45,500", 45_500.0),
    ])
    func indianGrouping(_ input: String, _ expected: Double) {
        #expect(NumberParser.value(of: input) == expected)
    }
}
