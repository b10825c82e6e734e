import Testing
@testable import Framescope

/// Bodies named by the place they govern, bodies whose head word the shipped patterns lacked, and
/// bodies named later by their head word or portfolio (issue 20, organization recall in English).
/// Each document opens with a headline line, as news does, and the names are in prose after it.
@Suite("Place-led bodies and bodies' short forms")
struct PlaceLedBodiesTests {
    static let entities = """
        id\ttype\tcanonical\tsurface\tlang
        place:gauteng\tplace\tGauteng\tGauteng\ten
        place:hanoi\tplace\tHanoi\tHanoi\ten
        place:hai-phong\tplace\tHai Phong\tHải Phòng\ten
        place:perth\tplace\tPerth\tPerth\ten
        place:zambia\tplace\tZambia\tZambia\ten
        place:us\tplace\tUnited States\tUS\ten
        place:andhra-pradesh\tplace\tAndhra Pradesh\tAndhra Pradesh\ten
        company:tesla\tcompany\tTesla\tTesla\ten
        org:ec\torganization\tEuropean Commission\tEuropean Commission\ten
        org:ep\torganization\tEuropean Parliament\tEuropean Parliament\ten
        org:doc\torganization\tUS Department of Commerce\tDepartment of Commerce\ten

        """

    static let lexicons = TemporaryLexicons.withShippedPatterns(entities: entities)
    static let headline = "Officials weigh new rules on rare earths\n"

    /// Every entity as (text, type), in text order; the headline holds none.
    func found(_ s: String) throws -> [String] {
        let (text, result) = try tag(Self.headline + s, lexicons: Self.lexicons)
        return result.entities.map { "\(text.text(of: $0))/\($0.type.rawValue)" }
    }

    @Test("a place's People's Committee, Court, Government, Congress or Procuratorate is one body with the place")
    func peoplesBodies() throws {
        #expect(try found("The Hải Phòng People's Committee approved the port plan on Monday.")
            == ["Hải Phòng People's Committee/organization"])
        #expect(try found("A Hanoi People's Court ruled that the contract was void.")
            == ["Hanoi People's Court/organization"])
        #expect(try found("The Tuzla People's Congress and the Hubei People's Procuratorate replied within a week.")
            == ["Tuzla People's Congress/organization", "Hubei People's Procuratorate/organization"])
        // A possessive of another word still ends the name before it.
        #expect(try found("The people's verdict was that Hanoi's Court of Appeal had erred.").contains("Hanoi/place"))
    }

    @Test("a place with a lower-case level word and government, council or assembly is one body; the place alone stays a place")
    func levelGovernments() throws {
        #expect(try found("The Gauteng provincial government said the smelter would get a permit.")
            == ["Gauteng provincial government/organization"])
        #expect(try found("The Kitakyushu city government and the Perth city council agreed to share data.")
            == ["Kitakyushu city government/organization", "Perth city council/organization"])
        #expect(try found("Mining in Gauteng has slowed, and the city is quiet.") == ["Gauteng/place"])
        // Any such body, a party's council, a known firm or plural governments are no one body.
        #expect(try found("He said a Gauteng provincial government would never allow it.") == ["Gauteng/place"])
        #expect(try found("The Labour city council voted against the smelter.") == [])
        #expect(try found("The Tesla city council rumour was false.") == ["Tesla/company"])
        #expect(try found("Several Gauteng provincial governments have objected.") == ["Gauteng/place"])
    }

    @Test("a place, a capitalised portfolio and a lower-case 'department' are one body")
    func portfolioDepartments() throws {
        #expect(try found("Officials of the Andhra Pradesh Industries department visited the site in Vizag.")
            == ["Andhra Pradesh Industries department/organization"])
        #expect(try found("The Tuzla Energy department rejected the plan.") == ["Tuzla Energy department/organization"])
        // No portfolio, or a known firm before it: no such body.
        #expect(try found("The Andhra Pradesh Tourism Festival department store opened.").contains { $0.hasPrefix("Andhra Pradesh") && $0.hasSuffix("department/organization") } == false)
        #expect(try found("The Tesla Energy department was closed.").allSatisfy { !$0.hasSuffix("/organization") })
    }

    @Test("'on' joins a body to its subject; with no head before it the words before are no part of the name")
    func onJoins() throws {
        #expect(try found("Juha Lehtikoski, a Finnish MEP on Parliament's industry committee, said it was late.")
            .contains("MEP on Parliament/organization") == false)
        #expect(try found("The Senate Committee on Energy and Natural Resources met on Tuesday.")
            == ["Senate Committee on Energy and Natural Resources/organization"])
    }

    @Test("Network, Lab, Observatory, Caucus and Working Group end bodies' names; 'Network Rail' is no body")
    func newHeads() throws {
        #expect(try found("The Zambia Mining Accountability Network wrote to the Hollister Metallurgy Lab last week.")
            == ["Zambia Mining Accountability Network/organization", "Hollister Metallurgy Lab/organization"])
        #expect(try found("Members of the Critical Minerals Caucus visited the Arctic Observatory in June.")
            == ["Critical Minerals Caucus/organization", "Arctic Observatory/organization"])
        #expect(try found("The Critical Minerals Working Group will meet again in spring.")
            == ["Critical Minerals Working Group/organization"])
        #expect(try found("Network Rail will buy more steel rails next year.").allSatisfy { !$0.hasSuffix("/organization") })
        #expect(try found("The European Permanent Magnet Users' Association asked for a delay.")
            == ["European Permanent Magnet Users' Association/organization"])
    }

    @Test("a demonym with 'Government' is a nation's government in its own style")
    func nationalGovernment() throws {
        #expect(try found("The Australian Government will lend the refinery $212 million.")
            == ["Australian Government/organization"])
        #expect(try found("The Australian government will lend the refinery $212 million.").isEmpty)
    }

    @Test("a body named in full is named later by its head word or portfolio, capitalised and after the full name")
    func headWordShortForms() throws {
        #expect(try found("Staff at the European Commission's trade directorate met. A senior Commission official said little.")
            == ["European Commission/organization", "Commission/organization"])
        #expect(try found("The European Parliament voted. Parliament's industry committee will report in May.")
            == ["European Parliament/organization", "Parliament/organization"])
        #expect(try found("The Trade Remedies Tribunal heard the appeal. The Tribunal found for the importer.")
            == ["Trade Remedies Tribunal/organization", "Tribunal/organization"])
        #expect(try found("The rule was issued by the Department of Commerce. The notice was signed for Commerce by its deputy.")
            == ["Department of Commerce/organization", "Commerce/organization"])
        #expect(try found("The Australian Government will lend the money. The Government said it expects repayment.")
            == ["Australian Government/organization", "Government/organization"])
        // Before the full name, in lower case, or where the word is written in lower case elsewhere: no body.
        #expect(try found("The Commission met. Later the European Commission said it would wait.")
            == ["European Commission/organization"])
        #expect(try found("The European Commission said the commission of inquiry would wait. The Commission declined.")
            == ["European Commission/organization"])
        #expect(try found("The Department of Commerce agreed. E-commerce and Commerce Secretary Lutnick disagreed.")
            == ["Department of Commerce/organization"])
    }
}
