import Testing
@testable import Framescope

/// Issue 20, materials v2: grade, purity and processing words kept with the material, product forms
/// joined to it, steels named by their use, and the places where two materials stay apart (a group and
/// its member, the steps of a chain, a firm's name). The shipped lexicons; every input was written
/// for these tests.
@Suite("Materials v2: grades, forms, uses and boundaries")
struct MaterialsV2Tests {
    @Test("grade and purity words and codes belong to the material", arguments: [
        ("The refiner sells battery-grade graphite, ultra-high-purity gallium and 7N gallium.",
         ["battery-grade graphite", "ultra-high-purity gallium", "7N gallium"]),
        ("该厂供应6N高纯镓和电池级碳酸锂。", ["6N高纯镓", "电池级碳酸锂"]),
        ("該廠供應6N高純鎵和電池級碳酸鋰。", ["6N高純鎵", "電池級碳酸鋰"]),
    ])
    func grades(_ s: String, _ expected: [String]) throws {
        let found = try spans(s, .material)
        for m in expected { #expect(found.contains(m), "\(found)") }
    }

    @Test("processing and plating words belong to the material", arguments: [
        ("Mills bought natural flake graphite, coated spherical graphite and mixed rare earth oxides.",
         ["natural flake graphite", "coated spherical graphite", "mixed rare earth oxides"]),
        ("新线生产区熔锗锭、热镀锌钢丝和光伏钨丝。", ["区熔锗锭", "热镀锌钢丝", "光伏钨丝"]),
        ("新線生產區熔鍺錠、熱鍍鋅鋼絲和光伏鎢絲。", ["區熔鍺錠", "熱鍍鋅鋼絲", "光伏鎢絲"]),
    ])
    func processing(_ s: String, _ expected: [String]) throws {
        let found = try spans(s, .material)
        for m in expected { #expect(found.contains(m), "\(found)") }
    }

    @Test("two modifiers joined by and/or before a material are one span; a material before 'and' is not")
    func coordinatedModifiers() throws {
        #expect(try spans("Demand for natural and synthetic graphite rose.", .material) == ["natural and synthetic graphite"])
        #expect(try spans("Demand for graphite and synthetic graphite rose.", .material) == ["graphite", "synthetic graphite"])
    }

    @Test("an English product form one space after a material joins it; other words do not")
    func englishForms() throws {
        let found = try spans("Traders quoted gallium ingot, antimony ingots, NdFeB alloys and cobalt metal.", .material)
        #expect(found == ["gallium ingot", "antimony ingots", "NdFeB alloys", "cobalt metal"], "\(found)")
        #expect(try spans("Gallium prices and antimony exports fell.", .material) == ["Gallium", "antimony"])
    }

    @Test("compounds, scrap, crystals and mill products after a Han material join it", arguments: [
        ("园区生产镧铈氧化物和稀土化合物，回收钕铁硼废料，铝材外运。", ["镧铈氧化物", "稀土化合物", "钕铁硼废料", "铝材"]),
        ("園區生產鑭鈰氧化物和稀土化合物，回收釹鐵硼廢料，紅外光學鍺晶體與鎢材外銷。", ["鑭鈰氧化物", "稀土化合物", "釹鐵硼廢料", "紅外光學鍺晶體", "鎢材"]),
    ])
    func hanForms(_ s: String, _ expected: [String]) throws {
        let found = try spans(s, .material)
        for m in expected { #expect(found.contains(m), "\(found)") }
    }

    @Test("矿 that starts another word (矿山, 矿区) is no ore", arguments: ["当地锑矿山已关闭。", "當地銻礦區已關閉。"])
    func mineWords(_ s: String) throws {
        let found = try spans(s, .material)
        #expect(found.count == 1 && found[0].count == 1, "\(found)")
    }

    @Test("a rare-earth group before one element names the group and its member", arguments: [
        ("日本进口的重稀土镝几乎全部来自中国。", ["重稀土", "镝"]),
        ("日本進口的中重稀土鏑幾乎全部來自中國。", ["中重稀土", "鏑"]),
    ])
    func groupAndMember(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .material) == expected)
    }

    @Test("a dash between Han materials lists the steps of a chain", arguments: [
        ("形成锗精矿—四氯化锗—高纯锗的链条。", ["锗精矿", "四氯化锗", "高纯锗"]),
        ("形成鍺精礦—四氯化鍺—高純鍺的鏈條。", ["鍺精礦", "四氯化鍺", "高純鍺"]),
    ])
    func chainSteps(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .material) == expected)
    }

    @Test("a use before bare 用钢 names a steel; steel consumption and verbs with 用 do not", arguments: [
        ("其中缆索用钢、帘线钢占比提升。", ["缆索用钢", "帘线钢"]),
        ("其中纜索用鋼、簾線鋼占比提升。", ["纜索用鋼", "簾線鋼"]),
        ("据介绍，桥梁缆索用钢被称为生命线。", ["桥梁缆索用钢"]),
        ("全国用钢需求下降，企业充分利用钢材。", ["钢材"]),
    ])
    func steelByUse(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .material) == expected)
    }

    @Test("低 before an element and a magnet names a low-content magnet, not after a verb or comparison")
    func lowContent() throws {
        #expect(try spans("公司量产低镝磁石。", .material) == ["低镝磁石"])
        #expect(try spans("公司量產低鏑磁石。", .material) == ["低鏑磁石"])
        #expect(try !spans("工艺降低镝磁体成本。", .material).contains("低镝磁体"))
    }

    @Test("a modifier between two touching Han materials joins them", arguments: [
        ("赣县量产无重稀土高矫顽力磁体。", "无重稀土高矫顽力磁体"),
        ("贛縣量產無重稀土高矯頑力磁體。", "無重稀土高矯頑力磁體"),
    ])
    func modifierBetween(_ s: String, _ expected: String) throws {
        #expect(try spans(s, .material) == [expected])
    }

    @Test("a title-case material after a capitalised name word is the firm's, not a mention")
    func firmNameEnding() throws {
        #expect(try spans("Tarvel Germanium in Ontario resumed germanium shipments.", .material) == ["germanium"])
        #expect(try spans("Exports of Gallium rose.", .material) == ["Gallium"])
    }

    @Test("plain materials of tungsten, graphite, optics, leaching and batteries are known", arguments: [
        ("硬质合金、硫系玻璃和铽的价格上涨。", ["硬质合金", "硫系玻璃", "铽"]),
        ("硬質合金、硫系玻璃和鋱的價格上漲。", ["硬質合金", "硫系玻璃", "鋱"]),
        ("Petroleum coke, needle coke, graphitic carbon and anode material were scarce.",
         ["Petroleum coke", "needle coke", "graphitic carbon", "anode material"]),
        ("The plant uses ammonium sulphate to make mixed carbonate and nickel sulphate.",
         ["ammonium sulphate", "mixed carbonate", "nickel sulphate"]),
    ])
    func plainMaterials(_ s: String, _ expected: [String]) throws {
        let found = try spans(s, .material)
        for m in expected { #expect(found.contains(m), "\(found)") }
    }
}
