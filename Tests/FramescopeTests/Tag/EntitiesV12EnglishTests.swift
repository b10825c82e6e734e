import Testing
@testable import Framescope

/// ent-en12 (English): the rand and the Philippine peso written as one capital on the digits, only
/// where the amount is clearly money; bodies whose portfolios name water, fuel and public services
/// ("Department of Water and Sanitation"); South African departments, agencies and outlets with
/// their web addresses; places the gazetteer lacked. The shipped lexicons; every input was written
/// for these tests.
@Suite("English rand amounts, portfolios and South African bodies (ent-en12)")
struct EntitiesV12EnglishTests {
    @Test("the rand before digits with a scale word, scale letters, cents or grouped thousands")
    func randAmounts() throws {
        let s = "The smelter will cost R4-billion, up from R3.2bn last year. Shares closed at R27.40 each. The tender was worth R750 million and fines of R25,000 apply."
        let found = try spans(s, .quantity)
        for q in ["R4-billion", "R3.2bn", "R27.40", "R750 million", "R25,000"] { #expect(found.contains(q), "\(q): \(found)") }
    }

    @Test("the rand amount carries its currency")
    func randUnit() throws {
        let (text, result) = try tag("Capital spending rose to R1.5-billion.")
        let q = result.entities.first { $0.type == .quantity && text.text(of: $0) == "R1.5-billion" }
        #expect(q != nil, "\(result.entities.map { text.text(of: $0) })")
    }

    @Test("a capital R or P on digits that is no money stays out")
    func notRand() throws {
        let s = "The R2 rover and the P40 tablet drove along Route R5 and the R61 past the R&D centre. The HR8 form and the AR-R7 rifle were listed."
        let found = try spans(s, .quantity)
        #expect(found.isEmpty, "\(found)")
    }

    @Test("the Philippine peso before digits only with a scale word")
    func philippinePeso() throws {
        let found = try spans("The agency approved P2.4 billion for the nickel plant and P150 million for roads; the P5 model was cheaper.", .quantity)
        #expect(found.contains("P2.4 billion"), "\(found)")
        #expect(found.contains("P150 million"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("P5") || $0 == "5" }, "\(found)")
    }

    @Test("a body's name does not stop at \"and\" before a water, fuel or service portfolio")
    func portfolios() throws {
        let s = "The Department of Water and Sanitation issued the licence. The Ministry of Mines and Hydrocarbons and the Ministry of Petroleum and Natural Gas agreed, as did the Ministry of Food and Drug Safety."
        let found = try spans(s, .organization)
        for name in ["Department of Water and Sanitation", "Ministry of Mines and Hydrocarbons", "Ministry of Petroleum and Natural Gas", "Ministry of Food and Drug Safety"] {
            #expect(found.contains(name), "\(name): \(found)")
        }
        #expect(!found.contains("Department of Water"), "\(found)")
    }

    @Test("two bodies joined by \"and the\" stay two names")
    func twoBodies() throws {
        let found = try spans("Funding came from the Department of Energy and the Pentagon last year.", .organization)
        #expect(found.contains("Department of Energy"), "\(found)")
        #expect(found.contains("Pentagon"), "\(found)")
        #expect(!found.contains { $0.contains("and") }, "\(found)")
    }

    @Test("South African departments, agencies and outlets, with an outlet's web address in a dateline")
    func southAfrica() throws {
        let s = "JOHANNESBURG (miningweekly.com) – The Department of Trade, Industry and Competition, Mintek and the National Energy Regulator of South Africa backed the plan, Daily Maverick reported. Engineering News said the same."
        let found = try spans(s, .organization)
        for name in ["miningweekly.com", "Department of Trade, Industry and Competition", "Mintek", "National Energy Regulator of South Africa", "Daily Maverick", "Engineering News"] {
            #expect(found.contains(name), "\(name): \(found)")
        }
        #expect(try spans("Engineering news travels fast in a small town.", .organization).isEmpty)
    }

    @Test("places the gazetteer lacked", arguments: ["Dhaka", "Izhevsk", "Luang Prabang", "Tsukuba", "达卡"])
    func places(_ name: String) throws {
        let found = try spans("Officials in \(name) confirmed the shipment.", .place)
        #expect(found.contains(name), "\(found)")
    }
}
