import Testing
@testable import Framescope

/// Organizations and companies added for unseen English news (issue 20): outlets named with their
/// edition or wire code, German industry federations by their English names, Asian exchanges, and
/// state firms of power, rail, mining and steel that the news names beside Chinese buyers.
@Suite("Outlets, federations and state firms")
struct OutletAndStateFirmTests {
    typealias Case = LexiconCase

    static let cases: [Case] = [
        Case(sentence: "Politico Europe first reported the draft.", surface: "Politico Europe", type: .organization, id: "org:politico"),
        Case(sentence: "Handelsblatt English Edition spoke to three suppliers.", surface: "Handelsblatt English Edition", type: .organization, id: "org:de-handelsblatt"),
        Case(sentence: "MUMBAI: Ferro-alloy makers raised prices. (TNN)", surface: "TNN", type: .organization, id: "org:times-news-network"),
        Case(sentence: "The first train left on Monday. — VNS", surface: "VNS", type: .organization, id: "org:viet-nam-news"),
        Case(sentence: "The German Engineering Federation warned members.", surface: "German Engineering Federation", type: .organization, id: "org:vdma"),
        Case(sentence: "Shares of the supplier rose on the Kosdaq.", surface: "Kosdaq", type: .organization, id: "org:kosdaq"),
        Case(sentence: "The listing on Bursa Malaysia is planned for May.", surface: "Bursa Malaysia", type: .organization, id: "org:bursa-malaysia"),
        Case(sentence: "Eskom cut power to the smelters again.", surface: "Eskom", type: .company, id: "company:eskom"),
        Case(sentence: "Qarmet plans a new rail mill.", surface: "Qarmet", type: .company, id: "company:qarmet"),
        Case(sentence: "Kazakhstan Temir Zholy ordered new rails.", surface: "Kazakhstan Temir Zholy", type: .company, id: "company:kazakhstan-temir-zholy"),
        Case(sentence: "Sinosteel Equipment built the furnace.", surface: "Sinosteel Equipment", type: .company, id: "company:sinosteel-equipment-engineering"),
        Case(sentence: "KEPCO raised industrial tariffs.", surface: "KEPCO", type: .company, id: "company:kepco"),
        Case(sentence: "哈萨克斯坦国家铁路公司采购钢轨。", surface: "哈萨克斯坦国家铁路公司", type: .company, id: "company:kazakhstan-temir-zholy"),
        Case(sentence: "南非国家电力公司限电。", surface: "南非国家电力公司", type: .company, id: "company:eskom"),
    ]

    @Test("each is tagged with its id", arguments: cases)
    func sample(_ c: Case) throws { try c.check() }

    @Test("phrases of running text that fold onto an outlet's name are none", arguments: [
        "She hired an independent auditor and the Australian regulator agreed.",
        "Engineering news from the region was thin.",
    ])
    func runningText(_ s: String) throws {
        #expect(try spans(s, .organization).isEmpty, "\(s)")
    }
}
