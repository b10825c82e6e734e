import Testing
@testable import Framescope

/// Issue 20, entities v2: firms named by their trade and registered-name endings of more countries,
/// two-word firm endings and "Joint Stock Company", Japanese 株式会社 and brokers named 证券, agency
/// credits, a country's government (日本政府), the Pentagon's Traditional spelling, papers written
/// with their city, and province and state abbreviations after a town. The shipped lexicons; every
/// input was written for these tests.
@Suite("Firm endings, governments and outlets (entities v9)")
struct EntitiesV9NamesTests {
    @Test("a trade word ends a short firm's name, and is an ordinary noun after a material")
    func tradeSuffixes() throws {
        let found = try spans("Buyers turned to Marlow Smelting and Pellham Commodities, while Kiyose Securities cut its target.", .company)
        #expect(found.contains("Marlow Smelting"), "\(found)")
        #expect(found.contains("Pellham Commodities"), "\(found)")
        #expect(found.contains("Kiyose Securities"), "\(found)")
        let none = try spans("Rare earth smelting margins narrowed as Commodities and Securities desks reported.", .company)
        #expect(none.isEmpty, "\(none)")
    }

    @Test("money, partnership and trade words end a short firm's name, and stay nouns in lower case")
    func investmentSuffixes() throws {
        let found = try spans("Shares of Tallow Creek Partners rose, while Osterby Capital said it would sell. Daewon Precision Motor and Quillan Microwave Systems signed the deal.", .company)
        #expect(found.contains("Tallow Creek Partners"), "\(found)")
        #expect(found.contains("Osterby Capital"), "\(found)")
        #expect(found.contains("Daewon Precision Motor"), "\(found)")
        #expect(found.contains("Quillan Microwave Systems"), "\(found)")
        #expect(try spans("Osterby Capital said it would sell.", .person).isEmpty, "a firm before 'said' is no person")
        // A name found by its ending that begins a firm named earlier is that firm's short form.
        let (text, result) = try tag("Osterby Capital Partners bought more. Osterby Capital said it would hold.")
        let firms = result.entities.filter { $0.type == .company }
        #expect(firms.map { text.text(of: $0) } == ["Osterby Capital Partners", "Osterby Capital"])
        #expect(firms.last?.source == .shortForm && firms.last?.canonical == "Osterby Capital Partners")
        let none = try spans("Venture capital and control systems drew investors; engineering partners said so.", .company)
        #expect(none.isEmpty, "\(none)")
    }

    @Test("Central European, Latin American and Japanese registered names keep their legal tail")
    func legalTails() throws {
        let found = try spans("Contracts went to Tiszavolt Energy Kft. and Morava Kovy s.r.o. as well as Rio Claro Mineração Ltda. and Hamana Denki K.K. this year.", .company)
        #expect(found.contains("Tiszavolt Energy Kft."), "\(found)")
        #expect(found.contains("Morava Kovy s.r.o."), "\(found)")
        #expect(found.contains("Rio Claro Mineração Ltda."), "\(found)")
        #expect(found.contains("Hamana Denki K.K."), "\(found)")
    }

    @Test("\"Joint Stock Company\" and \"Capital Markets\" end a firm's name; a plural alone does not")
    func multiWordEndings() throws {
        let found = try spans("Supply comes from Hong Phat Precision Motors Joint Stock Company, according to Brackenridge Capital Markets.", .company)
        #expect(found.contains("Hong Phat Precision Motors Joint Stock Company"), "\(found)")
        #expect(found.contains("Brackenridge Capital Markets"), "\(found)")
        #expect(try !spans("Funds rotated into Emerging Markets last week.", .company).contains("Emerging Markets"))
    }

    @Test("a photo credit names the agency")
    func agencyCredit() throws {
        let found = try spans("Ore is loaded at the berth. (AP Photo/Jane Doe)", .organization)
        #expect(found.contains("AP"), "\(found)")
        #expect(!found.contains("AP Photo"), "\(found)")
    }

    @Test("a Japanese registered name ends with 株式会社 in both scripts")
    func kabushikiKaisha() throws {
        #expect(try spans("据悉，东海精密化学株式会社表示将扩产。", .company).contains("东海精密化学株式会社"))
        #expect(try spans("據悉，東海精密化學株式會社表示將擴產。", .company).contains("東海精密化學株式會社"))
    }

    @Test("a broker is named with 证券, but the newspaper, the market and the trade are not firms")
    func brokers() throws {
        #expect(try spans("瑞丰证券分析师认为价格见底。", .company).contains("瑞丰证券"))
        #expect(try spans("瑞豐證券分析師認為價格見底。", .company).contains("瑞豐證券"))
        let none = try spans("中国证券市场波动，证券公司和证券交易所都很谨慎，日本证券业也是。", .company)
        #expect(!none.contains { $0.hasSuffix("证券") }, "\(none)")
    }

    @Test("a country with 政府 is its government, and the Pentagon has its Hong Kong spelling")
    func governments() throws {
        #expect(try spans("日本政府宣布补贴计划。", .organization).contains("日本政府"))
        let found = try spans("美國政府與五角大廈都表態。", .organization)
        #expect(found.contains("美國政府") && found.contains("五角大廈"), "\(found)")
        #expect(try !spans("地方政府和市政府都支持。", .organization).contains("地方政府"))
    }

    @Test("a paper written with its city, and a province abbreviated after a town")
    func papersAndAbbreviations() throws {
        #expect(try spans("香港文匯報記者報道。", .organization).contains("香港文匯報"))
        #expect(try spans("The mine near Val-Doré, Que., reopened in May.", .place).contains("Que."))
    }

    @Test("an abbreviation with stops inside keeps its last stop at a line's end")
    func dottedTailAtLineEnd() throws {
        #expect(try spans("The buyer was Marmara Metal Ticaret A.S.\nTerms were not disclosed.", .company).contains("Marmara Metal Ticaret A.S."))
    }

    @Test("\"for the use of\" before a broker is no part of its name")
    func forTheUseOf() throws {
        let found = try spans("本纪要仅供瑞丰证券客户参考。", .company)
        #expect(found.contains("瑞丰证券"), "\(found)")
        #expect(!found.contains("供瑞丰证券"), "\(found)")
    }

    @Test("an outlet's capitalised \"The\" inside a line is its name's; at a sentence's start it is the sentence's")
    func theInOutletNames() throws {
        let found = try spans("Prices rose.\nThe Associated Press reported it first.\nCopyright 2026 The Associated Press. All rights reserved.", .organization)
        #expect(found.contains("The Associated Press"), "\(found)")
        #expect(found.contains("Associated Press"), "\(found)")
    }

    @Test("a laboratory named by two fields joined by a conjunction after its university is one name")
    func laboratoryAfterUniversity() throws {
        let found = try spans("该公司联合东北大学轧制技术及连轧自动化国家重点实验室攻关。", .organization)
        #expect(found.contains("东北大学轧制技术及连轧自动化国家重点实验室"), "\(found)")
        let hant = try spans("該公司聯合東北大學軋製技術及連軋自動化國家重點實驗室攻關。", .organization)
        #expect(hant.contains("東北大學軋製技術及連軋自動化國家重點實驗室"), "\(hant)")
    }

    @Test("a guild's name runs from its region over a conjunction to 同业公会, and a known institute's 发展所 is its unit")
    func guildsAndUnits() throws {
        let guild = try spans("台灣區電動機暨零組件工業同業公會理事長表示。", .organization)
        #expect(guild.contains("台灣區電動機暨零組件工業同業公會"), "\(guild)")
        let unit = try spans("工研院產業科技國際策略發展所分析指出。", .organization)
        #expect(unit.contains("工研院產業科技國際策略發展所"), "\(unit)")
    }

    @Test("an economic and technological development zone is one place, and a shire is a local government")
    func zonesAndShires() throws {
        let places = try spans("The plant sits in the Jinqiao Economic and Technological Development Zone near the port.", .place)
        #expect(places.contains("Jinqiao Economic and Technological Development Zone"), "\(places)")
        #expect(!places.contains("Technological Development Zone"), "\(places)")
        let bodies = try spans("Rates were set by the Shire of Wallan this week.", .organization)
        #expect(bodies.contains("Shire of Wallan"), "\(bodies)")
    }
}
