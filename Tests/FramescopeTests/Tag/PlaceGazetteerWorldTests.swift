import Testing
@testable import Framescope

/// The world block of the places gazetteer added for unseen English news (issue 20): first-level
/// regions and industrial, mining and port towns of the countries the news covers, their diacritic
/// spellings beside the plain ones (folding keeps diacritics, so both are rows), AP dateline
/// abbreviations of US states, and the look-alikes that stay out.
@Suite("Places gazetteer: world regions and towns")
struct PlaceGazetteerWorldTests {
    typealias Case = LexiconCase

    static let cases: [Case] = [
        Case(sentence: "Trucks carry the coils from Hải Phòng to Hà Nội.", surface: "Hải Phòng", type: .place, id: "place:hai-phong"),
        Case(sentence: "Trucks carry the coils from Hải Phòng to Hà Nội.", surface: "Hà Nội", type: .place, id: "place:hanoi"),
        Case(sentence: "HẢI PHÒNG — The port handled more steel.", surface: "HẢI PHÒNG", type: .place, id: "place:hai-phong"),
        Case(sentence: "Việt Nam bought more billet this year.", surface: "Việt Nam", type: .place, id: "place:vietnam"),
        Case(sentence: "海防市的港口扩建。", surface: "海防市", type: .place, id: "place:hai-phong"),
        Case(sentence: "Suppliers in the Swabian Alb make motor parts.", surface: "Swabian Alb", type: .place, id: "place:swabian-alb"),
        Case(sentence: "The smelter sits near Zebediela in Limpopo.", surface: "Zebediela", type: .place, id: "place:zebediela"),
        Case(sentence: "A new plant opened in Gimhae last spring.", surface: "Gimhae", type: .place, id: "place:gimhae"),
        Case(sentence: "The chrome belt runs through Jajpur.", surface: "Jajpur", type: .place, id: "place:jajpur"),
        Case(sentence: "Graphite trucks leave the Laurentians daily.", surface: "Laurentians", type: .place, id: "place:laurentians"),
        Case(sentence: "Exports from S. Korea rose.", surface: "S. Korea", type: .place, id: "place:south-korea"),
        Case(sentence: "BALTIMORE, Md. — The port reopened.", surface: "Md.", type: .place, id: "place:maryland"),
        Case(sentence: "The line reaches the Caspian at Aktau.", surface: "Caspian", type: .place, id: "place:caspian-sea"),
        Case(sentence: "Alumina from Gramercy feeds the US Midwest smelters.", surface: "US Midwest", type: .place, id: "place:us-midwest"),
        Case(sentence: "卡拉干达的钢厂增产。", surface: "卡拉干达", type: .place, id: "place:karaganda"),
        Case(sentence: "慕尼黑和斯图加特的车企。", surface: "斯图加特", type: .place, id: "place:stuttgart"),
    ]

    @Test("a sample of the block is tagged with its id", arguments: cases)
    func sample(_ c: Case) throws { try c.check() }

    @Test("look-alikes left out: Chinese words, dateline abbreviations that fold onto words", arguments: [
        "这条老街很热闹。",  // 老街 (old street), only 老街省 is Lao Cai
        "废水原料的价格。",  // 水原 (Suwon) would sit across 水原料
        "九州大地上。",  // 九州 (all of China), not Kyushu
        "Prices reached a critical mass. Buyers waited.",
        "Imports of iron ore. Shipments rose.",
    ])
    func lookAlike(_ s: String) throws {
        #expect(try spans(s, .place).isEmpty, "\(s)")
    }
}
