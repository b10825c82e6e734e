import Testing
@testable import Framescope

@Suite("Summary index")
struct SummaryIndexTests {
    @Test("ids are unique, locations are kept, order is by code point")
    func basics() throws {
        var index = SummaryIndex()
        let ids = ["b/2", "a/10", "a/9", "包钢/1", "a-b/1", "𠀋/x", "A/1"]
        for id in ids { let inserted = index.insertPending(id); #expect(inserted) }
        let again = index.insertPending("a/9")
        #expect(!again)
        #expect(index.count == ids.count)
        index.set("b/2", .part(offset: 40, length: 7))
        index.set("a/10", .previous)
        index.set("包钢/1", .inline, inlineLine: Array("{}".utf8))
        index.set("𠀋/x", .part(offset: 0, length: 0))
        index.set("A/1", .part(offset: 1 << 40, length: 123))
        #expect(index.location("b/2") == .part(offset: 40, length: 7))
        #expect(index.location("a/9") == .pending)
        #expect(index.location("missing") == nil)
        var seen: [(String, SummaryIndex.Location, [UInt8]?)] = []
        try index.sorted { id, location, line, _ in seen.append((id, location, line)) }
        #expect(seen.map(\.0) == ["A/1", "a-b/1", "a/10", "a/9", "b/2", "包钢/1", "𠀋/x"])
        #expect(seen.map(\.1) == [.part(offset: 1 << 40, length: 123), .pending, .previous, .pending, .part(offset: 40, length: 7), .inline,
                                  .part(offset: 0, length: 0)])
        #expect(seen[5].2 == Array("{}".utf8))
    }

    @Test("many ids: every one found again after the table grew")
    func many() {
        var index = SummaryIndex()
        var refused = 0
        for n in 0..<20_000 where !index.insertPending("source-\(n % 7)/doc-\(n)") { refused += 1 }
        #expect(refused == 0)
        for n in stride(from: 0, to: 20_000, by: 3) { index.set("source-\(n % 7)/doc-\(n)", .part(offset: UInt64(n), length: n % 100)) }
        var wrong = 0
        for n in 0..<20_000 {
            let expected: SummaryIndex.Location = n % 3 == 0 ? .part(offset: UInt64(n), length: n % 100) : .pending
            if index.location("source-\(n % 7)/doc-\(n)") != expected { wrong += 1 }
            if index.insertPending("source-\(n % 7)/doc-\(n)") { wrong += 1 }
        }
        #expect(wrong == 0)
    }
}
