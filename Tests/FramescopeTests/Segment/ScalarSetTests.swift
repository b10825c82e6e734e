import PropertyBased
import Testing
@testable import Framescope

@Suite("ScalarSet")
struct ScalarSetTests {
    @Test("firstMember finds what a plain search finds, in the BMP and beyond it")
    func firstMemberAgreesWithSearch() async {
        let members: [UInt32] = [0x41, 0x5218, 0x8463, 0x2000B, 0x1F600]  // A 刘 董 𠀋 😀
        let others: [UInt32] = [0x61, 0x20, 0x4E2D, 0x20BB7, 0xFFFF, 0x10000]
        let set = ScalarSet(members)
        #expect(set.firstMember(in: [], from: 0) == 0)
        #expect(set.firstMember(in: [0x61, 0x62], from: 0) == 2)
        #expect(set.firstMember(in: [0x2000B], from: 0) == 0)
        #expect(set.firstMember(in: [0x41, 0x61, 0x41], from: 1) == 2)
        await propertyCheck(count: 300, input: Gen<UInt32?>.element(of: members + others).map { $0 ?? 0x20 }.array(of: 0...30),
                            Gen<Int>.int(in: 0...31)) { s, from in
            let expected = s.indices.first { $0 >= from && members.contains(s[$0]) } ?? s.count
            #expect(set.firstMember(in: s, from: from) == expected)
        }
    }

    @Test("a union holds the members of both sets and nothing else")
    func union() {
        let a = ScalarSet([0x41, 0x2000B]), b = ScalarSet([0x5218, 0x1F600])
        let u = a.union(b)
        for c: UInt32 in [0x41, 0x2000B, 0x5218, 0x1F600] { #expect(u.contains(c)) }
        for c: UInt32 in [0x42, 0x4E2D, 0x20BB7, 0] { #expect(!u.contains(c)) }
        #expect(!a.contains(0x5218))  // the operands are unchanged
    }
}
