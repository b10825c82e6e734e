/// The documents of a run and where each one's summary line is, in about 50 bytes per document
/// (ids packed in one byte arena, an open-addressing table of entry numbers) so that a run over
/// millions of articles keeps its memory flat. A `[String: …]` took about 120.
struct SummaryIndex {
    enum Location: Equatable {
        case pending  // seen; not written (yet, or ever: a write failed)
        case previous  // unchanged: the line loaded from the earlier run
        case part(offset: UInt64, length: Int)  // in this run's part file
        case inline  // kept in memory (only when the part file could not be opened)
    }

    private struct Entry {
        var idStart: Int
        var idLength: Int32
        var length: Int32  // ≥ 0: a part-file line; otherwise a Location code below
        var offset: UInt64
    }

    private static let pendingCode: Int32 = -1, previousCode: Int32 = -2, inlineCode: Int32 = -3
    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    private var slots: [Int32] = []  // entry number + 1; 0 = empty
    private var inlineLines: [Int: [UInt8]] = [:]
    /// With `--format jsonl`, where each document's full line of this run is (by entry number,
    /// grown only when one is set, so the per-file mode pays nothing for it).
    private var fullLines: [FullLine?] = []

    /// A full document line in a worker's part file: `length` bytes, without the newline.
    struct FullLine: Equatable {
        var worker: Int
        var offset: UInt64
        var length: Int
    }

    var count: Int { entries.count }
    /// Ids whose summary line exists (written this run or kept from the previous one).
    var writtenCount: Int { entries.reduce(0) { $0 + (location(of: $1) == .pending ? 0 : 1) } }

    private static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    private func id(of e: Entry) -> ArraySlice<UInt8> { arena[e.idStart..<(e.idStart + Int(e.idLength))] }

    /// The slot holding `id`, or the empty slot where it would go.
    private func slot(for id: [UInt8]) -> Int {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: Self.hash(id)) & mask
        while slots[i] != 0 {
            if id.elementsEqual(self.id(of: entries[Int(slots[i]) - 1])) { return i }
            i = (i + 1) & mask
        }
        return i
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: max(64, slots.count * 2))
        let mask = slots.count - 1
        for (n, e) in entries.enumerated() {
            var i = Int(truncatingIfNeeded: Self.hash(id(of: e))) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(n + 1)
        }
    }

    /// Records `id` as pending; false when it was already there (a duplicate id).
    mutating func insertPending(_ id: String) -> Bool {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let bytes = Array(id.utf8)
        let i = slot(for: bytes)
        guard slots[i] == 0 else { return false }
        entries.append(Entry(idStart: arena.count, idLength: Int32(bytes.count), length: Self.pendingCode, offset: 0))
        arena += bytes
        slots[i] = Int32(entries.count)
        return true
    }

    /// Sets where the summary line of `id` (inserted before) is.
    mutating func set(_ id: String, _ location: Location, inlineLine: [UInt8]? = nil) {
        guard !slots.isEmpty else { return }
        let i = slot(for: Array(id.utf8))
        guard slots[i] != 0 else { return }
        let n = Int(slots[i]) - 1
        switch location {
        case .pending: entries[n].length = Self.pendingCode
        case .previous: entries[n].length = Self.previousCode
        case .inline: entries[n].length = Self.inlineCode; inlineLines[n] = inlineLine ?? []
        case .part(let offset, let length): entries[n].length = Int32(clamping: length); entries[n].offset = offset
        }
    }

    /// Records where this run wrote the full line of `id` (inserted before).
    mutating func setFull(_ id: String, _ line: FullLine) {
        guard !slots.isEmpty else { return }
        let i = slot(for: Array(id.utf8))
        guard slots[i] != 0 else { return }
        let n = Int(slots[i]) - 1
        if fullLines.count <= n { fullLines += [FullLine?](repeating: nil, count: entries.count - fullLines.count) }
        fullLines[n] = line
    }

    func location(_ id: String) -> Location? {
        guard !slots.isEmpty else { return nil }
        let i = slot(for: Array(id.utf8))
        guard slots[i] != 0 else { return nil }
        return location(of: entries[Int(slots[i]) - 1])
    }

    private func location(of e: Entry) -> Location {
        switch e.length {
        case Self.pendingCode: return .pending
        case Self.previousCode: return .previous
        case Self.inlineCode: return .inline
        default: return .part(offset: e.offset, length: Int(e.length))
        }
    }

    /// Every id with its location (and the line when kept inline, and its full line of this run
    /// if any), in id order (UTF-8 bytes, which is code-point order).
    func sorted(_ body: (String, Location, [UInt8]?, FullLine?) throws(AtomicWriter.WriteError) -> Void) throws(AtomicWriter.WriteError) {
        let order = entries.indices.sorted { a, b in id(of: entries[a]).lexicographicallyPrecedes(id(of: entries[b])) }
        for n in order {
            let e = entries[n]
            try body(String(decoding: id(of: e), as: UTF8.self), location(of: e), inlineLines[n], n < fullLines.count ? fullLines[n] : nil)
        }
    }
}
