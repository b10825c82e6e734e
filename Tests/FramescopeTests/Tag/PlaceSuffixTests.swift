import Testing
@testable import Framescope

/// A development zone or an attached designator after a known place is one place with it
/// (`place-suffix` in patterns.tsv), with the shipped lexicons.
@Suite("Place suffixes")
struct PlaceSuffixTests {
    @Test("zones and designators continue a known place, in both scripts and in English", arguments: [
        ("项目落户赣州高新技术产业开发区。", ["赣州高新技术产业开发区"]),
        ("新厂设在龍南經濟技術開發區。", ["龍南經濟技術開發區"]),
        ("项目落户包头稀土高新区。", ["包头稀土高新区"]),  // one industry word before the zone
        ("項目落戶高雄楠梓科技產業園區。", ["高雄楠梓科技產業園區"]),  // touching places chain
        ("The plant is in the Ganzhou High-tech Zone.", ["Ganzhou High-tech Zone"]),
        ("The mine is in Longnan County, Jiangxi Province.", ["Longnan County", "Jiangxi Province"]),
        ("Baotou city officials said so.", ["Baotou city"]),  // a designator may be lower-case
    ])
    func continued(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .place) == expected, "\(s)")
    }

    @Test("no suffix, a description in lower case, or a longer capitalised name: the place stays alone", arguments: [
        ("中国市场需求旺盛。", ["中国"]),  // single characters (市) are no suffix
        ("A smelter sits in the Weda Bay industrial park.", ["Weda Bay"]),
        ("A U.S. District Court ruled.", ["U.S."]),
        ("江西的工业园区很多。", ["江西"]),  // a particle: no zone name
    ])
    func alone(_ s: String, _ expected: [String]) throws {
        #expect(try spans(s, .place) == expected, "\(s)")
    }
}
