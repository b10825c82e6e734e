import Testing
@testable import Framescope

/// The places gazetteer (Lexicons/entities/places-gazetteer.tsv, issue 20): a sample of each block in
/// English, Simplified and Traditional, and the look-alikes that were left out of it (ordinary words,
/// phrases a bare name would sit across, given names) in sentences where no place may be found.
@Suite("Places gazetteer")
struct PlaceGazetteerTests {
    typealias Case = LexiconCase

    static let cases: [Case] = [
        // Chinese county-level cities, counties, districts and banners: designated form, bare name, pinyin.
        Case(sentence: "冷水江市的锑矿减产。", surface: "冷水江市", type: .place, id: "place:lengshuijiang"),
        Case(sentence: "The Lengshuijiang smelter cut output.", surface: "Lengshuijiang", type: .place, id: "place:lengshuijiang"),
        Case(sentence: "孝義的氧化鋁廠復產。", surface: "孝義", type: .place, id: "place:xiaoyi"),
        Case(sentence: "Alumina refiners in Xiaoyi raised prices.", surface: "Xiaoyi", type: .place, id: "place:xiaoyi"),
        Case(sentence: "贵州清镇新建电解铝项目。", surface: "清镇", type: .place, id: "place:qingzhen"),
        // A county-level city that was a county until recently keeps its 县 form.
        Case(sentence: "百色平果县的铝土矿。", surface: "平果县", type: .place, id: "place:pingguo"),
        Case(sentence: "黑龙江呼玛的金矿。", surface: "呼玛", type: .place, id: "place:huma"),
        Case(sentence: "本溪市平山区的钢厂。", surface: "平山区", type: .place, id: "place:pingshan-district-liaoning"),
        Case(sentence: "达拉特旗光伏基地开工。", surface: "达拉特旗", type: .place, id: "place:dalad-banner"),
        Case(sentence: "江华瑶族自治县的稀土矿。", surface: "江华瑶族自治县", type: .place, id: "place:jianghua-county"),
        // World places: India, Vietnam, Japan's prefectures, Korea, Central Asia, the Middle East, Africa, Australia.
        Case(sentence: "Magnet makers in Pune, Hosur and Chakan import from China.", surface: "Hosur", type: .place, id: "place:hosur"),
        Case(sentence: "浦那的汽车零部件厂。", surface: "浦那", type: .place, id: "place:pune"),
        Case(sentence: "Factories in Bac Ninh and Hai Phong assemble phones.", surface: "Hai Phong", type: .place, id: "place:hai-phong"),
        Case(sentence: "北宁省的电子工厂。", surface: "北宁省", type: .place, id: "place:bac-ninh"),
        Case(sentence: "茨城縣的磁材廠。", surface: "茨城縣", type: .place, id: "place:ibaraki"),
        Case(sentence: "蔚山的造船厂。", surface: "蔚山", type: .place, id: "place:ulsan"),
        Case(sentence: "巴甫洛達爾的鋁廠。", surface: "巴甫洛達爾", type: .place, id: "place:pavlodar"),
        Case(sentence: "阿曼的港口扩建。", surface: "阿曼", type: .place, id: "place:oman"),
        Case(sentence: "The Sohar smelter restarted.", surface: "Sohar", type: .place, id: "place:sohar"),
        Case(sentence: "Uranium leaves Walvis Bay.", surface: "Walvis Bay", type: .place, id: "place:walvis-bay"),
        Case(sentence: "卡尔古利的稀土厂。", surface: "卡尔古利", type: .place, id: "place:kalgoorlie"),
        Case(sentence: "Kryvyi Rih iron ore exports fell.", surface: "Kryvyi Rih", type: .place, id: "place:kryvyi-rih"),
        // Taiwan transliterations that folding does not give.
        Case(sentence: "坦尚尼亞的石墨礦。", surface: "坦尚尼亞", type: .place, id: "place:tanzania"),
        Case(sentence: "寮國的鉀鹽礦。", surface: "寮國", type: .place, id: "place:laos"),
    ]

    @Test("a sample of each block is tagged with its id", arguments: cases)
    func sample(_ c: Case) throws { try c.check() }

    @Test("a gazetteer place keeps the designator after it", arguments: [
        ("The plant is in Ibaraki Prefecture.", ["Ibaraki Prefecture"]),
        ("Ore comes from the Erongo Region.", ["Erongo Region"]),
        ("長汀縣稀土產業園。", ["長汀縣稀土產業園"]),
    ])
    func designated(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .place) == expected, "\(s)")
    }

    @Test("look-alikes left out: ordinary words, phrases a bare name sits across, given names", arguments: [
        "今年新建项目超过三十个。",  // 新建 (Xinjian District)
        "大城市的用钢需求回升。",  // 大城 (Dacheng County)
        "企业要提高安全水平。",  // 高安 (Gao'an)
        "沿海城市和新兴城市的需求。",  // 海城市, 兴城市
        "两国友谊坚如磐石。",  // 磐石 (Panshi)
        "这里加强了管理。",  // 里加 (Riga)
        "包罗万象的展会。",  // 万象 (Vientiane)
        "马赛克墙面。",  // 马赛 (Marseille)
        "中韩城市合作论坛。",  // 韩城 (Hancheng)
        "张永康出席会议。",  // 永康 (Yongkang) as a given name
        "他说长寿和互助都是好事。",  // 长寿, 互助
        "绿水青山就是金山银山。",  // 青山, 金山
        "He said the saga continues.",  // Saga: only "Saga Prefecture"
        "Regina Santos said mobile phones are nice.",
    ])
    func lookAlike(_ s: String) throws {
        #expect(try spans(s, .place).isEmpty, "\(s)")
    }

    @Test("a month before a province stays a date: 月湖 is not read across 5月湖北")
    func monthBeforeProvince() throws {
        #expect(try spans("5月湖北的产量增长。", .place) == ["湖北"])
    }
}
