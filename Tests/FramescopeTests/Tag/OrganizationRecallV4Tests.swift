import Foundation
import Testing
@testable import Framescope

/// Organization and company recall on unseen news (ent-v4): known bodies inside longer Chinese
/// words, registered names with a comma before their legal tail, a firm's own organ before "of",
/// section titles made of industry words, units of a known organization longer than the pattern
/// window, and the "Holding" and "Subcommittee" name words. A small entity lexicon written here
/// and the shipped `patterns.tsv`.
@Suite("Organization recall v4")
struct OrganizationRecallV4Tests {
    static let entities = """
        id\ttype\tcanonical\tsurface\tlang
        org:mfa\torganization\tMinistry of Foreign Affairs\t外交部\tzh
        org:mnd\torganization\tMinistry of National Defense\t国防部\tzh
        org:udn\torganization\tUnited Daily News\t联合报\tzh
        org:cas\torganization\tChinese Academy of Sciences\t中国科学院\tzh
        org:ustc\torganization\tUniversity of Science and Technology of China\t中国科学技术大学\tzh
        org:ciac\torganization\tChangchun Institute of Applied Chemistry\t中国科学院长春应用化学研究所\tzh
        company:tesla\tcompany\tTesla\tTesla\ten
        org:doe\torganization\tDepartment of Energy\tDepartment of Energy\ten
        material:battery-materials\tmaterial\tbattery materials\tbattery materials\ten
        material:rare-earths\tmaterial\trare earths\trare earth\ten
        company:ningbo-yunsheng\tcompany\tNingbo Yunsheng\t宁波韵升股份有限公司\tzh
        place:hefei\tplace\tHefei\t合肥\tzh
        place:australia\tplace\tAustralia\t澳大利亚\tzh
        company:lynas\tcompany\tLynas Rare Earths\t莱纳斯稀土\tzh
        company:lynas\tcompany\tLynas Rare Earths\tLynas\ten
        place:changchun\tplace\tChangchun\t长春\tzh

        """

    static let lexicons = TemporaryLexicons.withShippedPatterns(entities: entities)

    /// Organizations and companies as their text, in text order.
    func names(_ s: String) throws -> [String] {
        let (text, result) = try tag(s, lexicons: Self.lexicons)
        return result.entities.filter { $0.type == .organization || $0.type == .company }.map { text.text(of: $0) }
    }

    func ids(_ s: String) throws -> [String: String] {
        let (text, result) = try tag(s, lexicons: Self.lexicons)
        return Dictionary(result.entities.compactMap { e in e.id.map { (text.text(of: e), $0) } }, uniquingKeysWith: { a, _ in a })
    }

    @Test("a known body whose last character starts a word with the next one is no mention of it")
    func knownBodyInsideLongerWord() throws {
        #expect(try names("外交部长在记者会上回答提问，随后国防部署了新的雷达站。") == [])
        #expect(try names("研究机构发布了一份联合报告，认为价格将回落。") == [])
        // The bodies themselves are still found, before a particle or a verb.
        #expect(try names("外交部发言人表示，国防部和联合报都收到了邀请。") == ["外交部", "国防部", "联合报"])
        // 公司 ends a name before 长 (公司长期: "the company has long …"), known or not.
        #expect(try names("宁波韵升股份有限公司长期向车企供货。") == ["宁波韵升股份有限公司"])
        #expect(try names("包头华星磁材有限公司长期向车企供货。") == ["包头华星磁材有限公司"])
    }

    @Test("a comma between a name and its legal tail keeps the tail; a known name keeps its id over it")
    func commaBeforeLegalTail() throws {
        #expect(try names("Shares of Tesla, Inc. fell after Vulcan Elements, LLC announced a new magnet plant.")
            == ["Tesla, Inc.", "Vulcan Elements, LLC"])
        #expect(try ids("Shares of Tesla, Inc. fell on Tuesday.")["Tesla, Inc."] == "company:tesla")
        // A comma before an ordinary capitalised word is no legal tail.
        #expect(try names("In Perth, Lakeview Resources Ltd said output rose.") == ["Lakeview Resources Ltd"])
    }

    @Test("a body before 'of' is the firm's own organ, no part of its registered name")
    func organBeforeOf() throws {
        #expect(try names("The release was authorised by the Board of Kimberley Critical Metals Limited on Friday.")
            == ["Kimberley Critical Metals Limited"])
        // "Bank of …" is a name that "of" joins.
        #expect(try names("The loan came from Bank of Eastland Limited in March.") == ["Bank of Eastland Limited"])
    }

    @Test("industry words alone are no firm: a section title; a name before the same word is")
    func industryWordsAlone() throws {
        #expect(try names("World briefing | Metals & Mining\nOutput rose at the mine.") == [])
        #expect(try names("Investors bought shares of Harlow Mining on Monday.") == ["Harlow Mining"])
    }

    @Test("a unit right after a known organization is one name with it, however long")
    func unitAfterKnownOrganization() throws {
        // The window of a long unit cuts into the known institute before it (中国科学院长春应用化学研究所);
        // the unit after the university starts at a place (合肥) right after the known university.
        #expect(try names("中国科学院长春应用化学研究所稀土资源国家重点实验室与中国科学技术大学合肥微尺度物质科学国家研究中心合作开发了新工艺。")
            == ["中国科学院长春应用化学研究所稀土资源国家重点实验室", "中国科学技术大学合肥微尺度物质科学国家研究中心"])
        // A title or a verb after the known body makes no unit.
        #expect(try names("中国科学院院士李明远表示，三家上市公司已参与试验。") == ["中国科学院"])
        #expect(try names("我国拥有稀土资源，中国科学院参与了研究。") == ["中国科学院"])
    }

    @Test("a body's portfolios continue its name past a comma; other words after a comma do not")
    func portfoliosAfterComma() throws {
        #expect(try names("Officials at the Department of Mines, Industry Regulation and Safety approved the lease.")
            == ["Department of Mines, Industry Regulation and Safety"])
        #expect(try names("At the Ministry of Land, Infrastructure, Transport, and Tourism, officials said little.")
            == ["Ministry of Land, Infrastructure, Transport, and Tourism"])
        // The whole name wins over a known body it starts with, and carries no id of that body.
        #expect(try ids("The Department of Energy, Environment and Climate Action issued a permit.")
            == [:])
        #expect(try names("The Department of Energy, Environment and Climate Action issued a permit.")
            == ["Department of Energy, Environment and Climate Action"])
        // A person or a firm after the comma is a name of its own.
        #expect(try names("The Department of Energy, Commerce Secretary Ray Hall and Tesla, Inc. met on Monday.")
            == ["Department of Energy", "Tesla, Inc."])
    }

    @Test("a material after a proper first word is a firm's line of business; a material first is no firm")
    func materialInsideFirmName() throws {
        #expect(try names("Investors bought Kestrel Battery Materials on Monday.") == ["Kestrel Battery Materials"])
        #expect(try names("Analysts expect Rare Earth Materials to lead the index this year.") == [])
    }

    @Test("a country before a known firm and a bare 公司 after it: the firm keeps its suffix and id, the country is a place")
    func countryKnownFirmSuffix() throws {
        #expect(try names("日本将向澳大利亚莱纳斯稀土公司追加出资。") == ["莱纳斯稀土公司"])
        #expect(try ids("日本将向澳大利亚莱纳斯稀土公司追加出资。")["莱纳斯稀土公司"] == "company:lynas")
        #expect(try ids("日本将向澳大利亚莱纳斯稀土公司追加出资。")["澳大利亚"] == "place:australia")
        // A Latin name before 公司 is annotated alone.
        #expect(try names("澳大利亚Lynas公司公布季度均价。") == ["Lynas"])
        // Not without the known firm: an unknown name after the country keeps the pattern's reading.
        #expect(try names("澳大利亚北岭稀土公司宣布扩产。") == ["澳大利亚北岭稀土公司"])
    }

    @Test("a known name that starts with 中 after a character ending a word with it is no mention; 中鋼 is China Steel")
    func zhongAfterWordEnd() throws {
        let (text, result) = try tag("其中钢材出口增长，集中钢企产能。中鋼今日宣布調降盤價。2025年中国稀土产量增长。")
        let found = result.entities.map { "\(text.text(of: $0))/\($0.id ?? "")" }
        #expect(found.contains("中鋼/company:china-steel-corp"))
        #expect(found.filter { $0.hasPrefix("中钢") }.isEmpty)
        // A place after a date keeps its mention: the rule is for firms and bodies only.
        #expect(found.contains("中国/place:china"))
    }

    @Test("Nordic legal tails end a registered name")
    func nordicLegalTails() throws {
        #expect(try names("Orders rose at Lindholm Mining AB and at Vaara Metals Oy in the quarter.")
            == ["Lindholm Mining AB", "Vaara Metals Oy"])
    }

    @Test("Taiwanese steelmakers in Traditional script and their Simplified forms", arguments: [
        ("華新麗華與燁輝企業宣布調漲盤價。", "華新麗華", "company:walsin-lihwa"),
        ("华新丽华与烨辉企业宣布调涨盘价。", "烨辉企业", "company:yieh-phui"),
        ("豐興鋼鐵今日開出鋼筋盤價。", "豐興鋼鐵", "company:feng-hsin"),
    ])
    func taiwaneseSteelmakers(sentence: String, surface: String, id: String) throws {
        let (text, result) = try tag(sentence)
        #expect(result.entities.contains { text.text(of: $0) == surface && $0.id == id })
    }

    @Test("'Holding' ends a firm's name and 'Subcommittee' heads a body")
    func holdingAndSubcommittee() throws {
        #expect(try names("The carmaker is majority-owned by Zhejiang Lakeshore Holding, the report said.") == ["Zhejiang Lakeshore Holding"])
        #expect(try names("Witnesses told the Subcommittee on Energy that stockpiles were low.") == ["Subcommittee on Energy"])
    }

    @Test("bodies and firms outside the core reach their ids in both languages and both scripts", arguments: [
        ("經濟部產業技術司今日與車測中心簽約。", "經濟部產業技術司", "org:tw-moea-doit"),
        ("经济部产业技术司今日与车测中心签约。", "车测中心", "org:tw-artc"),
        ("國科會將提供新創補助。", "國科會", "org:tw-nstc"),
        ("香港交易及結算所有限公司發言人表示。", "香港交易及結算所有限公司", "org:hkex"),
        ("Natural Resources Canada named the applicants on Monday.", "Natural Resources Canada", "org:nrcan"),
        ("The Korea Automobile & Mobility Association wrote to the ministry.", "Korea Automobile & Mobility Association", "org:kr-kama"),
        ("比亚迪依托弗迪动力自供电机。", "弗迪动力", "company:fudi-power"),
        ("Denso and Hitachi Astemo hold larger inventories.", "Hitachi Astemo", "company:hitachi-astemo"),
        ("彰化的工廠開始量產。", "彰化", "place:changhua"),
    ])
    func bundledEntries(sentence: String, surface: String, id: String) throws {
        let (text, result) = try tag(sentence)
        #expect(result.entities.contains { text.text(of: $0) == surface && $0.id == id })
    }
}
