import Testing
@testable import Framescope

/// ent-en11 (English): registered names with "Co. Ltd." and "Co Ltd" (no comma), a place-named firm's
/// short form with its place, the firm behind an outlet (a known outlet with a legal tail), capitalised
/// lexicon names that never match lower-case text, and the round-11 lexicon rows (brokers, research
/// firms, battery and recycling firms, outlets' sections, legislatures and their committees). The
/// shipped lexicons; every input was written for these tests.
@Suite("English firms, outlets and legislatures (ent-en11)")
struct EntitiesV11EnglishTests {
    @Test("\"Co. Ltd.\" without a comma ends an unknown registered name, whole")
    func coLtdWithoutComma() throws {
        let s = "Hunan Feiyu Magnet Co. Ltd. signed the deal. Later, Ridgeway Alloys Co Ltd said output rose."
        let found = try spans(s, .company)
        #expect(found.contains("Hunan Feiyu Magnet Co. Ltd."), "\(found)")
        #expect(found.contains("Ridgeway Alloys Co Ltd"), "\(found)")
        #expect(!found.contains("Hunan Feiyu Magnet Co"), "\(found)")
    }

    @Test("a known firm's registered name with \"Co. Ltd.\" is that firm")
    func knownFirmCoLtd() throws {
        let (text, result) = try tag("Contemporary Amperex Technology Co. Ltd. and BYD cut prices. Contemporary Amperex Technology Co Ltd agreed.")
        let firms = result.entities.filter { $0.type == .company }
        #expect(firms.contains { text.text(of: $0) == "Contemporary Amperex Technology Co. Ltd." && $0.canonical == "CATL" })
        #expect(firms.contains { text.text(of: $0) == "Contemporary Amperex Technology Co Ltd" && $0.canonical == "CATL" })
    }

    @Test("a place-named firm is called by its place and brand later, not by the brand after the place")
    func placeNamedFirmShortForm() throws {
        let s = "Kimberley Crest Resources Limited told the exchange it would sell the project. Kimberley Crest shares fell 6%."
        let found = try spans(s, .company)
        #expect(found.contains("Kimberley Crest"), "\(found)")
        #expect(!found.contains("Crest"), "\(found)")
    }

    @Test("a known outlet with a legal tail is the firm that publishes it; a public corporation stays a body")
    func publisher() throws {
        let s = "This column does not reflect the opinion of Bloomberg L.P. and its owners. Copyright Handelsblatt GmbH. The Australian Broadcasting Corporation reported it."
        let firms = try spans(s, .company), bodies = try spans(s, .organization)
        #expect(firms.contains("Bloomberg L.P."), "\(firms)")
        #expect(firms.contains("Handelsblatt GmbH"), "\(firms)")
        #expect(bodies.contains("Australian Broadcasting Corporation"), "\(bodies)")
        #expect(!firms.contains("Copyright Handelsblatt GmbH"), "\(firms)")
    }

    @Test("legislatures named without their country, and only when written with a capital")
    func legislatures() throws {
        let s = "The bill passed the Senate and went to Congress. Parliament's industry committee met. In Tokyo the Diet approved it."
        let found = try spans(s, .organization)
        for name in ["Senate", "Congress", "Parliament", "Diet"] { #expect(found.contains(name), "\(name): \(found)") }
        let lower = "Members of parliament met the senate of the university at the congress of delegates."
        #expect(try spans(lower, .organization).isEmpty)
    }

    @Test("a committee of the Senate is one name")
    func committees() throws {
        let s = "The Senate Economics Legislation Committee heard evidence. The Senate Appropriations Committee did not."
        let found = try spans(s, .organization)
        #expect(found.contains("Senate Economics Legislation Committee"), "\(found)")
        #expect(found.contains("Senate Appropriations Committee"), "\(found)")
        #expect(!found.contains("Senate"), "\(found)")
    }

    @Test("a known firm's lower-case name in an address is no mention")
    func lowerCaseAddress() throws {
        let s = "To contact the editor: jdoe@bloomberg.net. Bloomberg Opinion columnists write daily."
        let found = try spans(s, .organization)
        #expect(found.contains("Bloomberg Opinion"), "\(found)")
        #expect(!found.contains("bloomberg"), "\(found)")
    }

    @Test("brokers and research firms are companies, outlets' sections are organizations")
    func brokersAndSections() throws {
        let s = "Analysts at Wolfe Research, Berenberg, RBC Capital Markets and Bernstein cut targets, Reuters Breakingviews and FT Alphaville wrote."
        let firms = try spans(s, .company), bodies = try spans(s, .organization)
        for name in ["Wolfe Research", "Berenberg", "RBC Capital Markets", "Bernstein"] { #expect(firms.contains(name), "\(name): \(firms)") }
        for name in ["Reuters Breakingviews", "FT Alphaville"] { #expect(bodies.contains(name), "\(name): \(bodies)") }
    }

    @Test("battery and recycling firms")
    func batteryFirms() throws {
        let s = "Ascend Elements, Redwood Materials, Li-Cycle, L&F and Panasonic Energy supply cathode material or recycle cells."
        let found = try spans(s, .company)
        for name in ["Ascend Elements", "Redwood Materials", "Li-Cycle", "L&F", "Panasonic Energy"] { #expect(found.contains(name), "\(name): \(found)") }
    }
}

@Suite("English associations led by their country (ent-en11)")
struct PlaceLedAssociationTests {
    @Test("a country's association named like a known one of another country is its own body")
    func placeLed() throws {
        let s = "The Bangladesh Steel Manufacturers Association welcomed the plan, saying local capacity now exceeds demand. The chairman of the Malaysian Rare Earth Industry Association said the plant was welcome."
        let found = try spans(s, .organization)
        #expect(found.contains("Bangladesh Steel Manufacturers Association"), "\(found)")
        #expect(found.contains("Malaysian Rare Earth Industry Association"), "\(found)")
        #expect(!found.contains("Steel Manufacturers Association"), "\(found)")
    }

    @Test("a state's or country's legislature is one name over the bare chamber")
    func placeLedLegislature() throws {
        let s = "The bill was introduced in the Queensland Parliament after a long debate. The Kenya National Assembly approved the law after members argued about royalties."
        let found = try spans(s, .organization)
        #expect(found.contains("Queensland Parliament"), "\(found)")
        #expect(found.contains("Kenya National Assembly"), "\(found)")
        #expect(!found.contains("Parliament"), "\(found)")
    }

    @Test("a country before a known ministry or department stays out of its name")
    func notMinistries() throws {
        let s = "The U.S. Department of Energy said the Chinese Ministry of Commerce had not replied to the request at all."
        let found = try spans(s, .organization)
        #expect(found.contains("Ministry of Commerce"), "\(found)")
        #expect(!found.contains("Chinese Ministry of Commerce"), "\(found)")
    }

    @Test("ministries with compound portfolios and state agencies are whole")
    func compoundPortfolios() throws {
        let s = "The project received support from the Ministry of Industry and Advanced Technology, and the company lodged a referral with the Western Australian Environmental Protection Authority before the rains."
        let found = try spans(s, .organization)
        #expect(found.contains("Ministry of Industry and Advanced Technology"), "\(found)")
        #expect(found.contains("Western Australian Environmental Protection Authority"), "\(found)")
    }

    @Test("which lexicon surfaces match only capitalised text: the first word's capital, or every word's", arguments: [
        ("Senate", EntityType.organization, UInt8(1)), ("U.S. Steel", .company, 2), ("Ministry of Commerce", .organization, 1),
        ("Bloomberg  LP", .company, 2), ("baogang", .company, 0), ("Baogang", .place, 0), ("Baogang", .material, 0),
        ("包钢", .company, 0), ("", .company, 0), ("Élan Metals", .company, 0), ("ITRE", .organization, 1),
    ])
    func capitals(_ surface: String, _ type: EntityType, _ expected: UInt8) {
        #expect(EntityLexicon.capitals(surface, type) == expected)
    }
}
