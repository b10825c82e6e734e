import Testing
@testable import Framescope

/// Materials said plainly in unseen English market news (issue 20): hyphenated ferro-alloys, chromite
/// ore, rails, iron-ore product forms, antimony concentrate by its symbol, the Nd-first spelling of
/// PrNd oxide; and the ordinary phrases that stay out ("lump sum", transport "by rail").
@Suite("Plain material forms")
struct PlainMaterialFormsTests {
    typealias Case = LexiconCase

    static let cases: [Case] = [
        Case(sentence: "Ferro-chrome output rose 8% in the quarter.", surface: "Ferro-chrome", type: .material, id: "material:ferrochrome"),
        Case(sentence: "Mills paid more for high-carbon ferro-chrome.", surface: "high-carbon ferro-chrome", type: .material, id: "material:high-carbon-ferrochrome"),
        Case(sentence: "Smelters bought chromite ore from the mine.", surface: "chromite ore", type: .material, id: "material:chromite"),
        Case(sentence: "The mill rolled 40,000 tonnes of rails.", surface: "rails", type: .material, id: "material:rail-steel"),
        Case(sentence: "The pellet premium fell while lump ore held.", surface: "lump ore", type: .material, id: "material:iron-ore-lump"),
        Case(sentence: "Sb concentrate offers were thin.", surface: "Sb concentrate", type: .material, id: "material:antimony-concentrate"),
        Case(sentence: "Neodymium-praseodymium oxide traded higher.", surface: "Neodymium-praseodymium oxide", type: .material, id: "material:prnd-oxide"),
        Case(sentence: "锑精矿报价持稳。", surface: "锑精矿", type: .material, id: "material:antimony-concentrate"),
        Case(sentence: "高碳鉻鐵價格上漲。", surface: "高碳鉻鐵", type: .material, id: "material:high-carbon-ferrochrome"),
    ]

    @Test("each is tagged with its id", arguments: cases)
    func sample(_ c: Case) throws { try c.check() }

    @Test("ordinary phrases stay out", arguments: [
        "The buyer paid a lump sum and shipped it by rail.",
        "他搬起一块矿石。",
    ])
    func ordinary(_ s: String) throws {
        #expect(try spans(s, .material).isEmpty, "\(s)")
    }
}
