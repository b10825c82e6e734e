import Testing
@testable import Framescope

/// Entries outside the steel and rare-earth core (issue 20): wire and photo credits, companies
/// of other industries, basic materials, Traditional-script forms, and the collisions each group
/// was checked against.
@Suite("Lexicon beyond the core")
struct LexiconGapTests {
    typealias Case = LexiconCase

    static let cases: [Case] = [
        // Photo agencies and wire credits in captions.
        Case(sentence: "Workers at the port of Qingdao. Photo: Getty Images", surface: "Getty Images", type: .organization, id: "org:getty-images"),
        Case(sentence: "图为包头稀土高新区。（图/视觉中国）", surface: "视觉中国", type: .organization, id: "org:vcg"),
        Case(sentence: "圖為港口吊機。（東方IC供圖）", surface: "東方IC", type: .organization, id: "org:ic-photo"),
        Case(sentence: "中通社記者攝", surface: "中通社", type: .organization, id: "org:hkcna"),
        Case(sentence: "據中央社報導，中鋼下調盤價。", surface: "中央社", type: .organization, id: "org:cna-taiwan"),
        Case(sentence: "Protesters in Madrid. EPA-EFE/Juan Perez", surface: "EPA-EFE", type: .organization, id: "org:epa-efe"),
        Case(sentence: "据日本时事社报道，日本将扩大储备。", surface: "时事社", type: .organization, id: "org:jiji"),
        // Companies outside steel and rare earths.
        Case(sentence: "TSMC will build a second plant in Kumamoto.", surface: "TSMC", type: .company, id: "company:tsmc"),
        Case(sentence: "台積電宣布擴大在美投資。", surface: "台積電", type: .company, id: "company:tsmc"),
        Case(sentence: "鸿海精密今年营收创新高。", surface: "鸿海精密", type: .company, id: "company:foxconn"),
        Case(sentence: "Hon Hai shares rose 3%.", surface: "Hon Hai", type: .company, id: "company:foxconn"),
        Case(sentence: "Apple Inc signed a magnet supply deal with MP Materials.", surface: "Apple Inc", type: .company, id: "company:apple"),
        Case(sentence: "三星今年将提高芯片产量。", surface: "三星", type: .company, id: "company:samsung-electronics"),
        Case(sentence: "福斯汽車宣布在台推出電動車。", surface: "福斯汽車", type: .company, id: "company:volkswagen"),
        Case(sentence: "Hyundai plans a battery plant in Georgia.", surface: "Hyundai", type: .company, id: "company:hyundai-motor"),
        Case(sentence: "一汽与宝钢签署汽车板供货协议。", surface: "一汽", type: .company, id: "company:faw"),
        Case(sentence: "Molycorp filed for bankruptcy in 2015.", surface: "Molycorp", type: .company, id: "company:molycorp"),
        Case(sentence: "Great Western Minerals Group owned a mine in South Africa.", surface: "Great Western Minerals Group", type: .company,
             id: "company:great-western-minerals"),
        Case(sentence: "英伟达的芯片需要镓。", surface: "英伟达", type: .company, id: "company:nvidia"),
        // Basic materials said plainly, and Traditional-script forms.
        Case(sentence: "Hydrogen replaces coke in making iron.", surface: "iron", type: .material, id: "material:iron"),
        Case(sentence: "包钢今年生产板材180万吨。", surface: "板材", type: .material, id: "material:steel-plate"),
        Case(sentence: "銅精礦加工費持續下滑。", surface: "銅精礦", type: .material, id: "material:copper-concentrate"),
        Case(sentence: "Mountain Pass ships bastnaesite concentrate to China.", surface: "bastnaesite concentrate", type: .material,
             id: "material:bastnaesite-concentrate"),
        Case(sentence: "鑄鐵件出口增加。", surface: "鑄鐵", type: .material, id: "material:cast-iron"),
        Case(sentence: "台灣業者進口永久磁鐵。", surface: "永久磁鐵", type: .material, id: "material:permanent-magnets"),
        // Product forms said whole: a metal, an ingot, a sponge, a section.
        Case(sentence: "金屬鏑報價持穩。", surface: "金屬鏑", type: .material, id: "material:dysprosium-metal"),
        Case(sentence: "Dysprosium metal traded flat in Rotterdam.", surface: "Dysprosium metal", type: .material, id: "material:dysprosium-metal"),
        Case(sentence: "新工厂年产钕铁硼永磁体5000吨。", surface: "钕铁硼永磁体", type: .material, id: "material:ndfeb"),
        Case(sentence: "鋁錠庫存連續三周下降。", surface: "鋁錠", type: .material, id: "material:aluminium-ingot"),
        Case(sentence: "Aluminium ingots piled up at the port.", surface: "Aluminium ingots", type: .material, id: "material:aluminium-ingot"),
        Case(sentence: "海绵钛价格上涨。", surface: "海绵钛", type: .material, id: "material:titanium-sponge"),
        Case(sentence: "Hafnium and tellurium are by-products.", surface: "tellurium", type: .material, id: "material:tellurium"),
        Case(sentence: "型鋼出口量年增。", surface: "型鋼", type: .material, id: "material:section-steel"),
        // Product forms and grades with their qualifier: the qualifier is part of the material.
        Case(sentence: "Natural graphite exports now need a licence.", surface: "Natural graphite", type: .material,
             id: "material:natural-graphite"),
        Case(sentence: "人造石墨产能过剩。", surface: "人造石墨", type: .material, id: "material:synthetic-graphite"),
        Case(sentence: "Copper cathode imports rose in May.", surface: "Copper cathode", type: .material, id: "material:copper-cathode"),
        Case(sentence: "陰極銅進口量增加。", surface: "陰極銅", type: .material, id: "material:copper-cathode"),
        Case(sentence: "镁锭价格持稳。", surface: "镁锭", type: .material, id: "material:magnesium-ingot"),
        Case(sentence: "Platinum group metals are mined near Rustenburg.", surface: "Platinum group metals", type: .material, id: "material:pgm"),
        Case(sentence: "馬口鐵罐需求回升。", surface: "馬口鐵", type: .material, id: "material:tinplate"),
        Case(sentence: "Alloy steel contains chromium.", surface: "Alloy steel", type: .material, id: "material:alloy-steel"),
        Case(sentence: "碳素钢价格下跌。", surface: "碳素钢", type: .material, id: "material:carbon-steel"),
        Case(sentence: "Ferroniobium goes into pipeline steel.", surface: "Ferroniobium", type: .material, id: "material:ferroniobium"),
        Case(sentence: "磷酸鐵鋰電池出貨增加。", surface: "磷酸鐵鋰", type: .material, id: "material:lfp"),
        // Grades and service conditions join the material they specify.
        Case(sentence: "高寒耐候稀土钢轨通过验收。", surface: "高寒耐候稀土钢轨", type: .material, id: "material:rare-earth-rail"),
        Case(sentence: "Grain-boundary-diffused magnets use less terbium.", surface: "Grain-boundary-diffused magnets", type: .material,
             id: "material:magnets"),
        Case(sentence: "寬厚板產量增長。", surface: "寬厚板", type: .material, id: "material:wide-heavy-plate"),
        Case(sentence: "磁粉供应偏紧。", surface: "磁粉", type: .material, id: "material:magnet-powder"),
        // Industrial towns and districts outside the core.
        Case(sentence: "A magnet recycler opened in Tyseley.", surface: "Tyseley", type: .place, id: "place:tyseley"),
        Case(sentence: "他在紅磡長大。", surface: "紅磡", type: .place, id: "place:hung-hom"),
        Case(sentence: "新厂落户昆都仑区。", surface: "昆都仑区", type: .place, id: "place:kundulun"),
        Case(sentence: "產線設於楠梓。", surface: "楠梓", type: .place, id: "place:nanzi"),
        // China's prefecture-level cities, bare and with 市, in both scripts.
        Case(sentence: "新厂落户盐城。", surface: "盐城", type: .place, id: "place:yancheng"),
        Case(sentence: "淄博與濰坊兩地鋼企減產。", surface: "濰坊", type: .place, id: "place:weifang"),
        Case(sentence: "保定市出台新政。", surface: "保定市", type: .place, id: "place:baoding"),
        // Short names the steel and chip press uses.
        Case(sentence: "湘钢与南钢同日调价。", surface: "湘钢", type: .company, id: "company:xiangtan-steel"),
        Case(sentence: "聯電與日月光法說會", surface: "日月光", type: .company, id: "company:ase"),
    ]

    @Test("a representative entry of each group is found in context, in both scripts", arguments: cases)
    func found(_ c: Case) throws {
        try c.check()
    }

    @Test("the collisions the notes name stay out", arguments: [
        ("China raised apple exports to Vietnam.", "apple"), ("The fiat currency weakened.", "fiat"), ("Apple growers lost sales.", "Apple"),
        ("三星堆遗址出土青铜器。", "三星"), ("据福斯新聞報導，關稅將上調。", "福斯"), ("高通胀压力下，钢价走低。", "高通"),
        ("现代化产业体系加快建设。", "现代"), ("大众消费回暖。", "大众"), ("乘坐地铁和高铁出行。", "铁"),
        ("孙中山纪念馆重新开放。", "中山"), ("数据在平台中共享。", "台中"),
        ("确保定价合理。", "保定"), ("其中卫生支出增加。", "中卫"), ("朝阳产业蓬勃发展。", "朝阳"), ("大理石出口增长。", "大理"),
        ("上海口岸进口铁矿石。", "海口"), ("建设新乡村。", "新乡"), ("U.S. steel imports fell.", "U.S. steel"),
    ])
    func collisions(_ sentence: String, _ word: String) throws {
        let (text, result) = try tag(sentence)
        let hits = result.entities.filter { text.text(of: $0) == word }
        #expect(hits.isEmpty, "\(sentence): \(hits.map { "\(text.text(of: $0)):\($0.type)" })")
    }

    @Test("the longer names that hold a short form are entities of their own")
    func longerNames() throws {
        let (text, result) = try tag("三星堆遗址；据福斯新聞報導；蘋果日報停刊。")
        let found = Dictionary(result.entities.map { (text.text(of: $0), $0.type) }, uniquingKeysWith: { a, _ in a })
        #expect(found["三星堆"] == .place)
        #expect(found["福斯新聞"] == .organization)
        #expect(found["蘋果日報"] == .organization)
    }
}
