import Testing
@testable import Framescope

/// ent-v8 (English): mastheads and registered names in masthead segments, unknown firms around a
/// known firm's name, brands shared by two spellings of one firm, places named by shape (a proper
/// name before a place suffix, a mountain, a port), community corporations, newspapers named by
/// their head word, plural materials before their members, and the round-8 lexicon rows. The
/// shipped lexicons; every input was written for these tests.
@Suite("English names, places and materials (ent-v8)")
struct EntitiesV8EnglishTests {
    @Test("a masthead's article is no part of the paper's name, and the paper is named later by its head")
    func mastheadAndHead() throws {
        let s = "Readers write\nThe Wexford Valley Courier | Opinion | Letters\n\nSir, the plant will need a port. The Courier prints letters of 200 words."
        let found = try spans(s, .organization)
        #expect(found.contains("Wexford Valley Courier"), "\(found)")
        #expect(!found.contains("The Wexford Valley Courier"), "\(found)")
        #expect(found.contains("Courier"), "\(found)")
    }

    @Test("a head word also written in lower case is no short form")
    func lowerCaseHead() throws {
        let s = "Readers write\nThe Marsh Point Times | Business\n\nAt times the Times misses the story. Prices fell."
        #expect(try !spans(s, .organization).contains("Times"))
    }

    @Test("a registered name that opens a masthead segment keeps its whole head")
    func registeredNameInMasthead() throws {
        let s = "Chairman's Review\nBlue Harrow Fernleigh Minerals Limited | Annual Report | Page 3\n\nWe thank our staff."
        let found = try spans(s, .company)
        #expect(found.contains("Blue Harrow Fernleigh Minerals Limited"), "\(found)")
        #expect(!found.contains("Harrow Fernleigh Minerals Limited"), "\(found)")
    }

    @Test("an unknown firm around a known firm's name is another firm, and its brand follows it")
    func unknownAroundKnown() throws {
        let s = "I hold Pellworth Critical Metals Corp. and nothing else. Pellworth's drill results are due in May."
        let found = try spans(s, .company)
        #expect(found.contains("Pellworth Critical Metals Corp."), "\(found)")
        #expect(!found.contains("Critical Metals Corp"), "\(found)")
        #expect(found.contains("Pellworth"), "\(found)")
    }

    @Test("a legal word's stop before a bracket or lower-case text belongs to the name")
    func stopBeforeBracket() throws {
        let s = "I own some Brackley Lithium Corp. (TSXV: BLC) and I keep adding."
        #expect(try spans(s, .company).contains("Brackley Lithium Corp."))
    }

    @Test("a brand before another capitalised word is a word of a longer name there")
    func brandInsideLongerName() throws {
        let s = "Ashby Fell Courier | News\n\nThe plant opened. The Ashby Fell Rowing Club hosted the event."
        let (text, result) = try tag(s)
        #expect(!result.entities.contains { text.text(of: $0) == "Ashby Fell" })
    }

    @Test("two spellings of one firm share its brand")
    func sharedBrand() throws {
        let s = "Wu Hao runs Qinlan Magnetics. Its plant, Hubei Qinlan Magnetic Materials Co., Ltd., doubled output. Buyers say Qinlan ships on time."
        let (text, result) = try tag(s)
        let qinlan = result.entities.filter { text.text(of: $0) == "Qinlan" }
        #expect(qinlan.count == 1)
        #expect(qinlan.first?.type == .company)
    }

    @Test("a known firm that a registered name was read as gives way to its short form")
    func registeredShortForm() throws {
        let s = "Jiangxi Ganfeng Tungsten Industry Co., Ltd. opened a line. Later Ganfeng Tungsten said costs fell."
        let found = try spans(s, .company)
        #expect(found.contains("Ganfeng Tungsten"), "\(found)")
        #expect(!found.contains("Ganfeng"), "\(found)")
    }

    @Test("a proper name before a place suffix is a place", arguments: [
        ("Workers at the Huaxi County smelter went home early.", "Huaxi County"),
        ("The plant stands in the Lanqiao Industrial Park near the river.", "Lanqiao Industrial Park"),
        ("Drilling resumed at the Mount Orrin project in March.", "Mount Orrin"),
        ("The cargo was loaded at the Port of Velmont on Friday.", "Port of Velmont"),
    ])
    func placesByShape(_ s: String, _ expected: String) throws {
        let found = try spans(s, .place)
        #expect(found.contains(expected), "\(found)")
    }

    @Test("generic words before a place suffix name no place")
    func genericZone() throws {
        let found = try spans("The new Special Economic Zone rules apply from June.", .place)
        #expect(found.isEmpty, "\(found)")
    }

    @Test("an Aboriginal or Indigenous corporation is an organization, not a firm")
    func communityCorporation() throws {
        let s = "The miner signed an agreement with the Marru Aboriginal Corporation last year."
        #expect(try spans(s, .organization).contains("Marru Aboriginal Corporation"))
        #expect(try spans(s, .company).isEmpty)
    }

    @Test("\"your\" and \"my\" start no name")
    func possessiveDeterminers() throws {
        let s = "Your Board met twice. My Committee agreed."
        #expect(try spans(s, .organization).isEmpty)
    }

    @Test("Indian registered names end in Pvt. Ltd.")
    func indianRegisteredName() throws {
        let s = "Orders went to Malhar Rotor Works Pvt. Ltd., a Nagpur maker. Malhar said demand rose."
        let found = try spans(s, .company)
        #expect(found.contains("Malhar Rotor Works Pvt. Ltd."), "\(found)")
        #expect(found.contains("Malhar"), "\(found)")
    }

    @Test("a plural material before another names a group and its members, no compound")
    func pluralBeforeMaterial() throws {
        let found = try spans("Buyers stockpiled the heavy rare earths terbium and holmium.", .material)
        #expect(found.contains("heavy rare earths"), "\(found)")
        #expect(found.contains("terbium"), "\(found)")
        #expect(!found.contains("heavy rare earths terbium"), "\(found)")
        // A singular modifier still joins.
        #expect(try spans("Prices of NdFeB magnets rose.", .material).contains("NdFeB magnets"))
    }

    @Test("round-8 lexicon rows: towns, ports, symbol-written oxides and magnet grades")
    func roundEightRows() throws {
        let places = try spans("Steel from Redcar and Middlesbrough was shipped from Chittagong to Heilbronn.", .place)
        for p in ["Redcar", "Middlesbrough", "Chittagong", "Heilbronn"] { #expect(places.contains(p), "\(places)") }
        let materials = try spans("Tb oxide rose while the N48H grade and Dy metal were flat.", .material)
        for m in ["Tb oxide", "N48H", "Dy metal"] { #expect(materials.contains(m), "\(materials)") }
        let tungsten = try spans("The mill sells APT and 70% WO3 concentrate from a Dayu county mine.", .material)
        for m in ["APT", "WO3"] { #expect(tungsten.contains(m), "\(tungsten)") }
        #expect(try spans("The mill sells APT and 70% WO3 concentrate from a Dayu county mine.", .place).contains("Dayu county"))
    }
}
