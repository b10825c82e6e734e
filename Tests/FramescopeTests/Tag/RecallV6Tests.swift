import Foundation
import Testing
@testable import Framescope

/// ent-v6: short forms of registered names without their place and industry words (Kexin,
/// 宝联金属, 华磁新材), a level designator or a government before a body (自治区国资委), verbs
/// and known materials before a weak suffix (聊聊钢铁, 不需重稀土), a bracketed place inside a
/// firm's name, and material spans (overlapping matches, 含/无/分离 before a product, 材料
/// after a material). The shipped lexicons; every input was written for these tests.
@Suite("Short forms, designators and material spans (ent-v6)")
struct RecallV6Tests {
    @Test("an English registered name's brand without its place is a short form after it", arguments: [
        ("Orders went to Ningbo Qirun Magnetics Co., Ltd. last year. Qirun now ships twice a month.", "Qirun"),
        ("Baotou Dexing Rare Earth Hi-Tech Co., Ltd. reported results. Dexing said prices fell.", "Dexing"),
        ("We buy from Sichuan Haoyu Materials Co., Ltd. and Haoyu Materials confirmed the order.", "Haoyu Materials"),
    ])
    func englishBrand(_ s: String, _ form: String) throws {
        let firms = try spans(s, .company)
        #expect(firms.contains(form), "\(firms)")
        // The place alone is a place, never the firm's short form.
        #expect(!firms.contains("Ningbo") && !firms.contains("Baotou") && !firms.contains("Sichuan"), "\(firms)")
    }

    @Test("a brand that no introduction named stays untagged; a lower-case use makes it a word")
    func englishBrandCollisions() throws {
        #expect(try !spans("Qirun now ships twice a month.", .company).contains("Qirun"))
        let s = "Orders went to Ningbo Golden Magnetics Co., Ltd. last year. Golden prices held, golden days."
        #expect(try !spans(s, .company).contains("Golden"))
    }

    @Test("a Chinese registered name's brand with or without its industry word, in both scripts", arguments: [
        ("在港上市的宝瑞金属集团控股有限公司公布业绩。宝瑞金属股价收市跌1.8%。", "宝瑞金属"),
        ("在港上市的寶瑞金屬集團控股有限公司公布業績。寶瑞金屬股價收市跌1.8%。", "寶瑞金屬"),
        ("赣州恒磁新材料科技股份有限公司投产。恒磁新材表示产能提升。", "恒磁新材"),
        ("贛州恆磁新材料科技股份有限公司投產。恆磁新材表示產能提升。", "恆磁新材"),
    ])
    func chineseBrand(_ s: String, _ form: String) throws {
        let firms = try spans(s, .company)
        #expect(firms.contains(form), "\(firms)")
    }

    @Test("a known firm written with its registered name gives its brand after the place", arguments: [
        ("宁波韵升股份有限公司公布业绩。韵升表示，产能将扩大。", "韵升"),
        ("寧波韻升股份有限公司公佈業績。韻升表示，產能將擴大。", "韻升"),
        ("Baotou Tianhe Magnetics Hi-Tech Co., Ltd. showed a magnet. Tianhe said demand rose.", "Tianhe"),
    ])
    func registeredKnownFirm(_ s: String, _ form: String) throws {
        #expect(try spans(s, .company).contains(form))
    }

    @Test("a known firm's registered name without a place gives no brand form")
    func registeredWithoutPlace() throws {
        let s = "Robert Bosch GmbH buys magnets. Robert Miller said so."
        #expect(try !spans(s, .company).contains("Robert"))
    }

    @Test("a brand + industry word that fills a masthead line before the registered name is the firm")
    func chineseBrandBeforeIntroduction() throws {
        let s = "恒磁新材\n原创　宣传部　恒磁新材\n赣州恒磁新材料科技股份有限公司二期产线满负荷运行。"
        #expect(try spans(s, .company).filter { $0 == "恒磁新材" }.count == 2)
        // In a sentence before the introduction it waits for it.
        #expect(try !spans("恒磁新材表示，产能将扩大。赣州恒磁新材料科技股份有限公司投产。", .company).contains("恒磁新材"))
        // A two-character brand needs the introduction first.
        #expect(try !spans("恒磁满产。赣州恒磁新材料科技股份有限公司投产。", .company).contains("恒磁"))
    }

    @Test("a firm's short form before 人 names its staff", arguments: [
        "赣州恒磁新材料科技股份有限公司投产。各位恒磁人继续加油！",
        "贛州恆磁新材料科技股份有限公司投產。各位恆磁人繼續加油！",
    ])
    func staff(_ s: String) throws {
        #expect(try spans(s, .company).count == 1)
    }

    @Test("a level designator or a government before a known body is one organization", arguments: [
        ("近日，自治区国资委召开会议。", "自治区国资委"),
        ("近日，自治區國資委召開會議。", "自治區國資委"),
        ("会议由省发改委主持。", "省发改委"),
        ("會議由省發改委主持。", "省發改委"),
    ])
    func designator(_ s: String, _ org: String) throws {
        #expect(try spans(s, .organization) == [org])
    }

    @Test("a designator after a scope word or inside another word stays out", arguments: [
        ("各省发改委陆续发文。", "发改委"),
        ("全省发改委系统", "发改委"),
        ("各省發改委陸續發文。", "發改委"),
    ])
    func designatorCollisions(_ s: String, _ org: String) throws {
        #expect(try spans(s, .organization) == [org])
    }

    @Test("a government followed by its commission is one organization", arguments: [
        "来源：内蒙古自治区人民政府国有资产监督管理委员会　阅读量：1862",
        "來源：內蒙古自治區人民政府國有資產監督管理委員會　閱讀量：1862",
    ])
    func governmentBody(_ s: String) throws {
        let orgs = try spans(s, .organization)
        #expect(orgs.count == 1 && orgs[0].hasSuffix("委员会") || orgs[0].hasSuffix("委員會"), "\(orgs)")
    }

    @Test("a report title after an ordinal is no organization")
    func reportTitle() throws {
        #expect(try spans("Securing supply of permanent magnets: Fifth Report of Session 2025–26", .organization) == [])
        #expect(try spans("The Mining Report said prices rose.", .organization) == ["Mining Report"])
    }

    @Test("a verb or a known material before a weak suffix makes no firm", arguments: [
        "今天我们聊聊钢铁。", "今天我們聊聊鋼鐵。", "该厂开发出不需重稀土、可在高温下使用的磁体。",
        "該廠開發出不需重稀土、可在高溫下使用的磁體。", "谈谈稀土。",
    ])
    func notFirms(_ s: String) throws {
        #expect(try spans(s, .company) == [], "\(s)")
    }

    @Test("a known firm with a weak suffix is still found")
    func weakSuffixFirm() throws {
        #expect(try spans("北方稀土发布公告。", .company) == ["北方稀土"])
    }

    @Test("a bracketed place inside a Chinese firm's name stays inside it", arguments: [
        ("供应商宏达电机（马来西亚）有限公司占采购额的四成。", "宏达电机（马来西亚）有限公司"),
        ("供應商宏達電機（馬來西亞）有限公司佔採購額的四成。", "宏達電機（馬來西亞）有限公司"),
        ("客户为东新精工（中国）有限公司。", "东新精工（中国）有限公司"),
    ])
    func bracketedPlace(_ s: String, _ firm: String) throws {
        #expect(try spans(s, .company) == [firm])
    }

    @Test("overlapping known materials join into the longest span", arguments: [
        ("Output of light rare earth oxides rose.", "light rare earth oxides"),
        ("公司交付高寒耐候钢轨。", "高寒耐候钢轨"),
    ])
    func overlapping(_ s: String, _ material: String) throws {
        #expect(try spans(s, .material).contains(material))
    }

    @Test("含, 无 and 分离 before a product join it; before a bare material they do not", arguments: [
        ("公司原先采购的含镝磁粉一度断货。", "含镝磁粉"),
        ("公司原先採購的含鏑磁粉一度斷貨。", "含鏑磁粉"),
        ("园区的无重稀土钕铁硼磁石产线满载。", "无重稀土钕铁硼磁石"),
        ("園區的無重稀土釹鐵硼磁石產線滿載。", "無重稀土釹鐵硼磁石"),
        ("全年生产分离稀土氧化物18万吨。", "分离稀土氧化物"),
        ("该矿含稀土。", "稀土"),
        ("該礦含稀土。", "稀土"),
        ("这种钢包含稀土磁体。", "稀土磁体"),
        ("从矿石中分离稀土。", "稀土"),
    ])
    func containing(_ s: String, _ material: String) throws {
        #expect(try spans(s, .material) == [material])
    }

    @Test("材料 after a material is part of it; bare 材料 is none", arguments: [
        ("打破了国外在高端镓材料领域的垄断。", ["高端镓材料"]),
        ("打破了國外在高端鎵材料領域的壟斷。", ["高端鎵材料"]),
        ("新材料产业发展迅速。", []),
    ])
    func cailiao(_ s: String, _ materials: [String]) throws {
        #expect(try spans(s, .material) == materials)
    }

    @Test("milligrams and litres, and a mass per volume or mass written before the amount", arguments: [
        ("利率由3.5升至4.0。", []),
        ("废水浓度降至每升15毫克以下。", ["每升15毫克"]),
        ("廢水濃度降至每公升15毫克以下。", ["每公升15毫克"]),
        ("每吨钢消耗稀土0.3公斤，每吨15公斤。", ["0.3公斤", "每吨15公斤"]),
        ("容量为2公升的容器。", ["2公升"]),
        ("价格升5%，油价每公升上调0.2元。", ["5%", "0.2元"]),
        ("Dosing stays below 15 mg per litre.", ["15 mg per litre"]),
    ])
    func massPerVolume(_ s: String, _ quantities: [String]) throws {
        #expect(try spans(s, .quantity) == quantities)
    }

    @Test("a development zone named after a place is one place; a particle or a bare zone is none", arguments: [
        ("项目落户赣州经济技术开发区。", ["赣州经济技术开发区"]),
        ("項目落戶贛州經濟技術開發區。", ["贛州經濟技術開發區"]),
        ("新闻：龙南经开区再添新项目。", ["龙南经开区"]),
        ("工廠位於高雄臨海工業區。", ["高雄臨海工業區"]),
        ("工廠位於台中工業區。", ["台中工業區"]),
        ("江西的工业园区很多。", ["江西"]),
        ("企业不必离开园区。", []),
    ])
    func zones(_ s: String, _ places: [String]) throws {
        #expect(try spans(s, .place) == places)
    }

    @Test("compound-semiconductor firms are known in both scripts", arguments: [
        ("已邀集穩懋半導體、晶元光電等業者盤點庫存。", ["穩懋半導體", "晶元光電"]),
        ("已邀集稳懋半导体、晶元光电等业者盘点库存。", ["稳懋半导体", "晶元光电"]),
        ("Suppliers include 5N Plus and WIN Semiconductors.", ["5N Plus", "WIN Semiconductors"]),
        ("液晶電視的出貨量增加。", []),
    ])
    func compoundSemiconductor(_ s: String, _ firms: [String]) throws {
        #expect(try spans(s, .company) == firms)
    }
}
