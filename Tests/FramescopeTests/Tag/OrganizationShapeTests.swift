import Foundation
import Testing
@testable import Framescope

/// Organizations on unseen text (issue 20): bracketed short forms, head words that refer back,
/// possessives, names joined by "and", units inside known bodies and customs districts, with a
/// small entity lexicon written here and the shipped `patterns.tsv`, whose word classes are the rules.
@Suite("Organization shapes")
struct OrganizationShapeTests {
    static let entities = """
        id\ttype\tcanonical\tsurface\tlang
        org:miit\torganization\tMinistry of Industry and Information Technology\tMinistry of Industry and Information Technology\ten
        org:miit\torganization\tMinistry of Industry and Information Technology\t工信部\tzh
        org:ec\torganization\tEuropean Commission\tEuropean Commission\ten
        org:mofcom\torganization\tMinistry of Commerce\t商务部\tzh
        org:ey\torganization\tExecutive Yuan\t行政院\tzh
        org:lme\torganization\tLondon Metal Exchange\t伦敦金属交易所\tzh
        company:lynas\tcompany\tLynas\tLynas\ten
        place:china\tplace\tChina\t中国\tzh
        place:us\tplace\tUnited States\t美国\tzh
        place:qingdao\tplace\tQingdao\t青岛\tzh
        place:japan\tplace\tJapan\tJapan\ten
        place:beijing\tplace\tBeijing\t北京\tzh
        place:jiangxi\tplace\tJiangxi\t江西\tzh

        """

    static let lexicons = TemporaryLexicons.withShippedPatterns(entities: entities)

    func organizations(_ s: String) throws -> [Entity] {
        let (_, result) = try tag(s, lexicons: Self.lexicons)
        return result.entities.filter { $0.type == .organization || $0.type == .company }
    }

    func names(_ s: String) throws -> [String] {
        let (text, result) = try tag(s, lexicons: Self.lexicons)
        return result.entities.filter { $0.type == .organization || $0.type == .company }.map { text.text(of: $0) }
    }

    @Test("an acronym in brackets after a name is that name, there and later; an acronym that does not abbreviate it is not")
    func bracketedAcronyms() throws {
        let found = try organizations("On a rainy day in the city the Korea Mine Rehabilitation and Mineral Resources Corporation (KOMIR) signed a deal with them. Later KOMIR said it would buy more.")
        let komir = found.filter { $0.source == .shortForm }
        #expect(komir.count == 2, "\(found)")
        // A known name keeps its lexicon id, and its short forms share it.
        let miit = try organizations("The Ministry of Industry and Information Technology (MIIT) met. MIIT said so.")
        #expect(miit.count == 3 && miit.allSatisfy { $0.id == "org:miit" }, "\(miit)")
        // Letters that are not the name's, and a ticker-like lower-case word, are no short forms.
        #expect(try names("The Ministry of Industry and Information Technology (WTO) met.") == ["Ministry of Industry and Information Technology"])
        #expect(try names("The Ministry of Industry and Information Technology (miit) met.") == ["Ministry of Industry and Information Technology"])
        // After a Chinese name, any acronym in capitals.
        #expect(try names("伦敦金属交易所（LME）库存下降，LME铜价上涨。") == ["伦敦金属交易所", "LME", "LME"])
    }

    @Test("a Chinese short form in brackets takes the name's characters in order; 以下简称 introduces one; a generic word is none")
    func bracketedChineseShortForms() throws {
        #expect(try names("工业技术研究院（工研院）表示，工研院将投入研发。") == ["工业技术研究院", "工研院", "工研院"])
        #expect(try names("工業技術研究院（工研院）表示，工研院將投入研發。") == ["工業技術研究院", "工研院", "工研院"])
        let intro = try names("江西金力永磁科技股份有限公司（以下简称“金力永磁”）公告称，金力永磁将扩产。")
        #expect(intro.filter { $0 == "金力永磁" }.count == 2, "\(intro)")
        // 以下简称"公司" is no short form of the firm.
        let generic = try names("宁波韵升股份有限公司（以下简称“公司”）拟设立子公司，公司表示。")
        #expect(!generic.contains("公司"), "\(generic)")
        // Characters that are not the name's are no short form.
        #expect(try names("工业技术研究院（台积电）表示。") == ["工业技术研究院"])
    }

    @Test("a head word alone later stands for the one organization named with it; not inside another name, not when written in lower case")
    func referringHeads() throws {
        let found = try organizations("The European Commission proposed rules. The Commission said Lynas would benefit.")
        #expect(found.map(\.id) == ["org:ec", "org:ec", "company:lynas"], "\(found)")
        #expect(try names("The European Commission proposed rules. The Securities Commission objected.")
            .filter { $0 == "Commission" }.isEmpty)
        #expect(try names("The European Commission proposed rules. The commission said so. The Commission agreed.")
            .filter { $0 == "Commission" }.isEmpty)
    }

    @Test("a name found once is the same name again where no pattern finds it; two mentions of one name share its short forms")
    func repeatedNames() throws {
        let found = try names("Northbridge Institute for Economic Studies | Policy Brief\nThe brief is short.\n© Northbridge Institute for Economic Studies. Citation: Policy Brief No. 7.")
        #expect(found.filter { $0 == "Northbridge Institute for Economic Studies" }.count == 2, "\(found)")
        #expect(!found.contains("Northbridge"), "\(found)")
        let twice = try organizations("The European Commission met. The European Commission agreed. The Commission said so.")
        #expect(twice.count == 3 && twice.allSatisfy { $0.id == "org:ec" }, "\(twice)")
        let zh = try names("江西金力永磁科技股份有限公司扩产。江西金力永磁科技股份有限公司公告称，金力永磁将投资。")
        #expect(zh.contains("金力永磁"), "\(zh)")
    }

    @Test("a possessive ends a name and is not part of it")
    func possessives() throws {
        #expect(try names("In a note sent to the firms on that day, the Foreign Trade Department's Bureau of Export Control said that it was not so.") == ["Foreign Trade Department", "Bureau of Export Control"])
        #expect(try names("In a note sent to the firms on that day, Japan's Agency for Natural Resources and Energy said that it was not so.") == ["Agency for Natural Resources and Energy"])
        #expect(try names("In a note sent to the firms on that day, Japan’s Agency for Natural Resources and Energy said that it was not so.") == ["Agency for Natural Resources and Energy"])
    }

    @Test("two names joined by 'and' are two names; an organization head before a weak suffix makes an organization")
    func joinedAndWeakSuffixes() throws {
        #expect(try names("Teams that came from Pennsylvania State University and Idaho National Laboratory joined the work on the site in the spring.")
            == ["Pennsylvania State University", "Idaho National Laboratory"])
        #expect(try names("The plant answers to the Department of Atomic Energy in Mumbai.") == ["Department of Atomic Energy"])
        #expect(try names("The Ministry of Mines and Energy approved it.") == ["Ministry of Mines and Energy"])
        #expect(try names("The Geological Survey of India and the Atomic Minerals Directorate mapped it in the course of a very long and costly campaign.")
            == ["Geological Survey of India", "Atomic Minerals Directorate"])
        // A weak suffix with no head stays as before: no name in a long run.
        #expect(try names("Rare Earth and Green Energy news.") == [])
    }

    @Test("a label's colon opens a masthead segment")
    func labelColon() throws {
        #expect(try names("Media Contact: Northern Minerals Office Of Public Affairs") == ["Northern Minerals Office Of Public Affairs"])
    }

    @Test("a unit inside a known organization is one name with it; not after a place, not 公司, not one character")
    func units() throws {
        #expect(try names("工信部原材料工业司负责人表示。") == ["工信部原材料工业司"])
        #expect(try names("行政院經貿談判辦公室表示。") == ["行政院經貿談判辦公室"])
        #expect(try names("美国商务部工业与安全局公布新规。") == ["美国商务部工业与安全局"])
        // 工信部布局: 布 is one character; 北京办公室 has no known organization before it.
        #expect(try names("工信部布局新材料。") == ["工信部"])
        #expect(try names("该公司北京办公室表示。") == [])
        #expect(try names("商务部下属公司表示。") == ["商务部"])
    }

    @Test("customs districts and association branches are organizations; 各直属海关 and 某贸易有限公司 are none")
    func customsAndBranches() throws {
        #expect(try names("青岛海关查获一批稀土。") == ["青岛海关"])
        #expect(try names("青島海關查獲一批稀土。") == ["青島海關"])
        #expect(try names("凭祥海关在口岸查获。") == ["凭祥海关"])
        #expect(try names("各直属海关：") == [])
        #expect(try names("当事企业为某贸易有限公司。") == [])
        #expect(try names("对外投资设立合资公司的公告") == [])
    }
}
