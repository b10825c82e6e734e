import Foundation
import Testing
@testable import Framescope

/// Organization names the lexicon does not know, as unseen news writes them (issue 20): "X of the
/// Y" where only Y is a body, demonyms that belong to a name, watchdogs, schools, legislatures and
/// research outlets, Chinese papers, magazines, courts, congresses and units of universities, and
/// the verbs and word-forming characters that must not become a name. A small entity lexicon
/// written here and the shipped `patterns.tsv`, whose word classes are the rules.
@Suite("Unseen organizations")
struct UnseenOrganizationTests {
    static let entities = """
        id\ttype\tcanonical\tsurface\tlang
        org:mofcom\torganization\tMinistry of Commerce\t商务部\tzh
        org:nchu\torganization\tNational Chung Hsing University\t國立中興大學\tzh
        place:china\tplace\tChina\t中国\tzh
        place:jiangxi\tplace\tJiangxi\t江西省\tzh
        place:ganzhou\tplace\tGanzhou\t赣州市\tzh
        place:shanghai\tplace\tShanghai\t上海\tzh
        place:taipei\tplace\tTaipei\t臺北\tzh
        place:binhai\tplace\tBinhai New Area\t滨海新区\tzh
        place:nanfang\tplace\tNanyang\t南洋\tzh
        place:chengdu\tplace\tChengdu\t成都\tzh
        place:japan\tplace\tJapan\t日本\tzh
        place:israel\tplace\tIsrael\t以色列\tzh

        """

    static let lexicons = TemporaryLexicons.withShippedPatterns(entities: entities)

    /// Organizations and companies as (text, type), in text order.
    func names(_ s: String, lexicons: Lexicons = lexicons) throws -> [String] {
        let (text, result) = try tag(s, lexicons: lexicons)
        return result.entities.filter { $0.type == .organization || $0.type == .company }.map { text.text(of: $0) }
    }

    func types(_ s: String, lexicons: Lexicons = lexicons) throws -> [String: EntityType] {
        let (text, result) = try tag(s, lexicons: lexicons)
        return Dictionary(result.entities.map { (text.text(of: $0), $0.type) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("in 'X of the Y' the organization is Y when only Y has a head; a head before 'of' keeps the whole name")
    func ownerBeforeOf() throws {
        #expect(try names("Several Members of the Harbourside Civic Party voted against the mining bill on Tuesday afternoon.")
            == ["Harbourside Civic Party"])
        #expect(try names("A senior Commodity Desk of the Lakeland Metals Review said prices would ease in the weeks ahead.")
            == ["Lakeland Metals Review"])
        #expect(try names("In a letter to members, the Chamber of Mines of Eastland warned that power cuts were hurting output.")
            == ["Chamber of Mines of Eastland"])
        #expect(try names("Officials at the Ministry of Industrial Development and Mineral Wealth said licences would be issued soon.")
            == ["Ministry of Industrial Development and Mineral Wealth"])
    }

    @Test("a demonym before two or more name words belongs to the name; before a body's generic name it does not")
    func demonyms() throws {
        #expect(try names("Lobbying by the Philippine Nickel Industry Association has grown since the ban was floated by lawmakers.")
            == ["Philippine Nickel Industry Association"])
        #expect(try names("According to the Indonesian Nickel Miners Association, smelters have cut their purchases of ore.")
            == ["Indonesian Nickel Miners Association"])
        #expect(try names("A spokesman for the Chinese Ministry of Commerce said that the curbs were lawful and would stay.")
            == ["Ministry of Commerce"])
        #expect(try names("The Japanese Foreign Ministry said it had lodged a protest with the embassy over the detention.")
            == ["Foreign Ministry"])
        #expect(try names("Funding from the European Institute of Innovation and Technology goes to a network of recyclers.")
            == ["European Institute of Innovation and Technology"])
        #expect(try names("Delegates from the Arab League met in Cairo to discuss the supply of fertiliser to the region.")
            == ["Arab League"])
        // Demonyms of any country, not only the ones the development texts use.
        #expect(try names("Officials at the Kenyan Ministry of Health and Welfare said the clinic would reopen next month.")
            == ["Ministry of Health and Welfare"])
    }

    @Test("watchdogs, schools, legislatures and research outlets are organizations, not persons; 'Provincial' is no short form")
    func newEnglishHeads() throws {
        let t = try types("Writing to clients, analysts at Harbourline Research said the rally had further to run this quarter.")
        #expect(t["Harbourline Research"] == .organization, "\(t)")
        #expect(try types("The group Mining Transparency Watch said that local villages had not been consulted on it.")["Mining Transparency Watch"]
            == .organization)
        #expect(try names("A team at the Northbridge School of Mines found that the method was cheaper than the old one.")
            == ["Northbridge School of Mines"])
        #expect(try names("The bill was passed by the National Assembly after a long debate that ran into the night.")
            == ["National Assembly"])
        #expect(try names("Data compiled by Meridian Metals Intelligence show that stocks at the ports fell for a sixth week.")
            == ["Meridian Metals Intelligence"])
        // Research, Intelligence and Watch name a body only at the end of the phrase.
        #expect(try names("Terms Of Use | Privacy Policy | Contact Us | About The Research Desk.").isEmpty)
        #expect(try names("Miners are testing Artificial Intelligence to sort ore at the pit, the company said in a filing.").isEmpty)
        let council = try names("The plan was approved by the Provincial Council of Sulawesi in March. Provincial officials said more jobs would follow.")
        #expect(council == ["Provincial Council of Sulawesi"], "\(council)")
    }

    @Test("Chinese development-zone committees, papers, magazines, commentary titles, courts and congresses, both scripts")
    func chineseHeads() throws {
        for (sentence, name) in [
            ("滨海新区管委会表示，将为企业提供支持。", "滨海新区管委会"),
            ("濱海新區管委會表示，將為企業提供支持。", "濱海新區管委會"),
            ("据《东岭钢铁周刊》报道，钢厂正在减产。", "东岭钢铁周刊"),
            ("據《東嶺鋼鐵周刊》報導，鋼廠正在減產。", "東嶺鋼鐵周刊"),
            ("据《赣州商报》报道，当地将建设产业园。", "赣州商报"),
            // Common words only, but the whole title between title marks.
            ("据《南方钢铁周刊》报道，钢厂正在减产。", "南方钢铁周刊"),
            ("據《中部商報》報導，當地將建設產業園。", "中部商報"),
            ("据南洋商业观察报道，稀土价格继续上涨。", "南洋商业观察"),
            ("上海海事法院一审判决原告胜诉。", "上海海事法院"),
            ("臺北地方檢察署偵結此案。", "臺北地方檢察署"),
            ("江西省人大常委会审议了条例草案。", "江西省人大常委会"),
            ("赣州市政协主席表示。", "赣州市政协"),
            ("赣州市委宣传部有关负责人介绍了情况。", "赣州市委宣传部"),
        ] {
            let found = try names(sentence)
            #expect(found == [name], "\(sentence): \(found)")
        }
    }

    @Test("after a place, a portfolio ending in 部 is a foreign ministry; followed by 长 it is a minister's title")
    func foreignMinistries() throws {
        #expect(try names("印度矿业部表示，将拍卖更多矿区。") == ["印度矿业部"])
        #expect(try names("越南工贸部发布通知。") == ["越南工贸部"])
        #expect(try names("加拿大能源部宣布补贴计划。") == ["加拿大能源部"])
        #expect(try names("澳大利亚工业部长表示将加快审批。").isEmpty)
        #expect(try names("公司全部同意该方案。").isEmpty)
        // Satellite channels.
        #expect(try names("湖南卫视播出了专题节目。") == ["湖南卫视"])
    }

    @Test("a long sentence that ends with a full stop is prose, not a headline: names in it are found")
    func proseWithManyNames() throws {
        let found = try names("The Ministry of Finance, the Ministry of Commerce and the Eastland Customs Administration said the rules would apply.")
        #expect(found == ["Ministry of Finance", "Ministry of Commerce", "Eastland Customs Administration"], "\(found)")
        // A title-case headline without a full stop gives no evidence.
        #expect(try names("Eastland Tightens Rare Earth Export Controls After Ministry Talks").isEmpty)
        // A portfolio after "and" continues the ministry's name.
        #expect(try names("A spokesman for the Ministry of Labour and Employment said the talks had broken down again.")
            == ["Ministry of Labour and Employment"])
    }

    @Test("a particle inside a known place ends no clause: the name starts at the place")
    func particlesInsidePlaces() throws {
        #expect(try names("据成都商报报道，市场平稳。") == ["成都商报"])
        #expect(try names("日本金属协会会长表示反对。") == ["日本金属协会"])
        #expect(try names("以色列化工集团发布公告。") == ["以色列化工集团"])
        // A particle before the place still ends the clause.
        #expect(try names("他们都在日本金属协会任职。") == ["日本金属协会"])
    }

    @Test("scope words start a body's name; a common noun alone is no short form")
    func scopeAndCommonWords() throws {
        #expect(try names("国际稀土协会发布年度报告。") == ["国际稀土协会"])
        #expect(try names("世界磁材联盟秘书处表示。") == ["世界磁材联盟"])
        // A scope word alone before a head is "nationwide", not a name.
        #expect(try names("今年全国海关查获走私案件二百起。").isEmpty)
        // Other leading common words still drop (龙头企业 + name).
        #expect(try names("下游企业东岭磁材协会表示。") == ["东岭磁材协会"])
        let found = try names("据中国经济时报报道，经济增速放缓，经济结构优化。")
        #expect(found == ["中国经济时报"], "\(found)")
    }

    @Test("an agency 署 under a known ministry is a unit of it; 签署 and 部署 are verbs")
    func agencies() throws {
        #expect(try names("商务部产业安全署发布公告。") == ["商务部产业安全署"])
        #expect(try names("商務部產業安全署發布公告。") == ["商務部產業安全署"])
        #expect(try names("商务部统一部署相关工作。") == ["商务部"])
        #expect(try names("商务部正式签署协议。") == ["商务部"])
    }

    @Test("a unit inside a known university is one name with it, however long the unit")
    func universityUnits() throws {
        #expect(try names("國立中興大學材料科學與工程學系教授指出，磁石需求增加。") == ["國立中興大學材料科學與工程學系"])
    }

    @Test("verbs, 报 starting a word, common words and a firm's legal name stay out of organization names")
    func precision() throws {
        for sentence in [
            "警方查获一批走私稀土，涉案金额巨大。",
            "公司上周报告称，产量有所下降。",
            "跨境电商报道的数据显示出口增长。",
            "钢厂昨日报价上调五十元。",
            "学生毕业于工程学院。",
            "他参加了发展研究会的讨论。",
            // A head's last character that makes a word with the next one (部门, 人大多, 报出) ends no name.
            "日本能源部门的投资增加。",
            "日本人大多支持该政策。",
            "钢贸商报出高价。",
            "双方将其诉至法院。",
            // Party committees without a place, and a posting verb, name no body.
            "他曾在省委宣传部工作多年，后调任市委组织部。",
            // 人大代表和政协委员 is a phrase: deputies and CPPCC members, no body joined by 和.
            "人大代表和政协委员共提交建议四十余件。",
            // A title that ends in no head is a law or a report, not an organization.
            "《稀土管理条例》自十月起施行。",
            "国务院发布《政府工作报告》。",
        ] {
            let found = try names(sentence)
            #expect(found.isEmpty, "\(sentence): \(found)")
        }
        // A jointly built laboratory is no part of the body that built it.
        let lab = try names("集团与赣州大学共建实验室，开发新材料。")
        #expect(!lab.contains { $0.hasSuffix("实验室") }, "\(lab)")
        // A firm's window stays short: the subsidiary is no name running back over its parent's legal name.
        let sub = try names("该公司系江西华新稀土科技集团有限公司控股子公司，主营稀土金属。")
        #expect(!sub.contains { $0.hasSuffix("子公司") }, "\(sub)")
    }

    @Test("shipped lexicon rows: the top court and procuracy with their short forms, seats of government, research units, Taiwanese bodies")
    func lexiconRows() throws {
        let (text, result) = try tag("最高人民检察院与最高人民法院联合发布解释。最高检表示，最高法将跟进。")
        let found = result.entities.map { text.text(of: $0) }
        #expect(found == ["最高人民检察院", "最高人民法院", "最高检", "最高法"], "\(found)")
        #expect(result.entities.allSatisfy { $0.type == .organization })
        for (sentence, surface, id) in [
            ("Asked about the report, a spokesman for Downing Street said a review would follow.", "Downing Street", "org:uk-pm-office"),
            ("A report from the Economist Intelligence Unit said costs would rise for the region's makers.", "Economist Intelligence Unit", "org:eiu"),
            ("行政院主計總處今天公布經濟成長率。", "行政院主計總處", "org:tw-dgbas"),
            ("台經院指出，景氣燈號轉為綠燈。", "台經院", "org:tw-tiier"),
            ("據東森新聞報導，台電將調整電價。", "東森新聞", "org:tw-ebc"),
            ("The Supreme People's Court issued guidance on mining disputes.", "Supreme People's Court", "org:spc"),
        ] {
            let (text, result) = try tag(sentence)
            let e = result.entities.first { text.text(of: $0) == surface }
            #expect(e?.type == .organization && e?.id == id, "\(sentence): \(result.entities.map { "\(text.text(of: $0)):\($0.type)" })")
        }
    }
}
