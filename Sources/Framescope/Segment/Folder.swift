import FramescopeICU

/// The folded form of a text: the matching-key scalars plus maps to and from the original code
/// points, so a match found on keys is reported on the original text.
public struct FoldedText: Sendable {
    /// Folded code points (NFKC, case-folded, Traditional→Simplified, dashes/quotes unified,
    /// whitespace runs collapsed to one space).
    public var scalars: [UInt32] = []
    /// For each folded scalar, the index of the original code point that produced it.
    public var origin: [Int32] = []
    /// For each original code point index 0...n, the first folded index at or after it.
    public var start: [Int32] = []
    /// Code-point ranges of the pinyin glosses (`稀(xī)土`) that got no key, parentheses included;
    /// empty for almost every document.
    public var glosses: [Range<Int>] = []

    /// Whether the code points `[from, to)` lie inside one pinyin gloss.
    public func isInGloss(from: Int, to: Int) -> Bool {
        guard !glosses.isEmpty else { return false }
        var lo = 0, hi = glosses.count
        while lo < hi { let mid = (lo + hi) / 2; if glosses[mid].upperBound <= from { lo = mid + 1 } else { hi = mid } }
        return lo < glosses.count && glosses[lo].lowerBound <= from && to <= glosses[lo].upperBound
    }

    /// The folded key of the original code points `[from, to)`.
    public func key(from: Int, to: Int) -> String {
        Self.string(scalars[Int(start[from])..<Int(start[to])])
    }

    /// A `String` of folded scalars. One allocation at most (none for short keys): the UTF-8 is
    /// written in place, where building a `String.UnicodeScalarView` cost thousands of
    /// instructions per word.
    @inline(__always)
    public static func string<C: Collection<UInt32>>(_ folded: C) -> String {
        String(unsafeUninitializedCapacity: folded.count * 4) { buffer in
            var n = 0
            for c in folded {
                guard let u = Unicode.Scalar(c) else { continue }
                UTF8.encode(u) { buffer[n] = $0; n += 1 }
            }
            return n
        }
    }

    /// Whether folded index `f` falls on the boundary between two original code points.
    @inline(__always)
    public func isCodePointBoundary(_ f: Int) -> Bool {
        f == 0 || f == scalars.count || origin[f] != origin[f - 1]
    }
}

/// Builds matching keys. Folding is done code point by code point with a cache (a document has
/// few distinct characters), so a document costs one table lookup per character; base characters
/// followed by combining marks are folded together so that `e◌́` and `é` get the same key.
/// Not thread-safe: one per worker.
public final class Folder {
    /// BMP cache: 0 = not computed, `empty` = folds to nothing, bit 31 = index into `multi`,
    /// otherwise the folded scalar + 1.
    private var bmp = [UInt32](repeating: 0, count: 0x10000)
    private var astral: [UInt32: [UInt32]] = [:]
    private var multi: [[UInt32]] = []
    private static let empty: UInt32 = 0xFFFF_FFFF
    private static let multiFlag: UInt32 = 0x8000_0000

    public init() throws(ICUError) {}

    /// A folder for another worker, sharing nothing mutable.
    public func clone() throws(ICUError) -> Folder {
        try Folder()
    }

    /// ICU's Traditional→Simplified mapping, code point by code point (generated from ICU into
    /// `TraditionalToSimplified.swift`): read once per process, shared by every folder.
    static let simplified: [UInt32: [UInt32]] = {
        var map: [UInt32: [UInt32]] = [:]
        for entry in TraditionalToSimplified.entries.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let scalars = entry.unicodeScalars.map(\.value)
            map[scalars[0]] = Array(scalars.dropFirst())
        }
        return map
    }()

    /// The matching key of a whole string (lexicon surfaces, cues, user words).
    public func fold(_ string: String) -> String {
        FoldedText.string(foldedScalars(string))
    }

    /// The matching key of a whole string as scalars: what the tries hold. Start-up folds every
    /// lexicon surface, and going through a `String` there cost a tenth of it.
    public func foldedScalars(_ string: String) -> [UInt32] {
        fold(DocumentText(string)).scalars
    }

    /// Folds a document into keys with offset maps. The keys and their origins are written
    /// through raw pointers into buffers grown by doubling (three `Array.append`s per character
    /// cost ~120 instructions), then handed over as arrays.
    public func fold(_ text: DocumentText) -> FoldedText {
        let n = text.utf16.count
        var emitter = Emitter(capacity: n + 16)
        defer { emitter.deallocate() }
        var cp: Int32 = 0
        var glosses: [Range<Int>] = []
        let start = [Int32](unsafeUninitializedCapacity: n + 1) { starts, initialized in
            text.utf16.withUnsafeBufferPointer { utf16 in
                bmp.withUnsafeMutableBufferPointer { bmp in
                    var i = 0
                    while i < n {
                        let unit = utf16[i]
                        starts[Int(cp)] = Int32(emitter.count)
                        // Base character followed by combining marks: fold the cluster as one unit.
                        if i + 1 < n, utf16[i + 1] >= 0x300, let (clusterEnd, marks) = Self.markCluster(utf16, at: i) {
                            for f in slowFold(Array(utf16[i..<clusterEnd])) { emitter.emit(f, cp) }
                            emitter.lastWasSpace = false
                            for _ in 0..<marks { cp += 1; starts[Int(cp)] = Int32(emitter.count) }
                            cp += 1
                            i = clusterEnd
                            continue
                        }
                        // A pinyin gloss after a Han character folds to nothing (see `PinyinGloss`).
                        if PinyinGloss.isOpen(unit), let g = PinyinGloss.gloss(utf16, at: i) {
                            glosses.append(Int(cp)..<Int(cp) + g.codePoints)
                            for _ in 0..<g.codePoints { starts[Int(cp)] = Int32(emitter.count); cp += 1 }
                            i = g.end
                            continue
                        }
                        if unit < 0x80 {
                            let c = UInt32(unit)
                            let space = c == 0x20 || (c >= 0x09 && c <= 0x0D)
                            emitter.put(space ? 0x20 : (c >= 0x41 && c <= 0x5A) ? c + 0x20 : c, cp)
                            cp += 1
                            i += 1
                            continue
                        }
                        let (c, width) = decodeScalar(utf16, at: i)
                        var v: UInt32 = 0
                        if c < 0x10000 {
                            v = bmp[Int(c)]
                            if v == 0 {
                                v = encode(slowFold(c))
                                bmp[Int(c)] = v
                            }
                        }
                        if v != 0 && v & Self.multiFlag == 0 {  // one scalar, the common case
                            emitter.put(v - 1, cp)
                        } else if v != Self.empty {
                            for f in v == 0 ? astralFold(c) : multi[Int(v & ~Self.multiFlag)] { emitter.put(f, cp) }
                        }
                        cp += 1
                        i += width
                    }
                    starts[Int(cp)] = Int32(emitter.count)
                }
            }
            initialized = Int(cp) + 1
        }
        var out = FoldedText()
        out.start = start
        out.glosses = glosses
        // Drop a trailing collapsed space so keys never end in whitespace.
        if emitter.count > 0 && emitter.scalars[emitter.count - 1] == 0x20 {
            emitter.count -= 1
            let removedOrigin = emitter.origin[emitter.count]
            let end = Int32(emitter.count)
            for k in Int(removedOrigin)..<out.start.count where out.start[k] > end { out.start[k] = end }
        }
        out.scalars = Array(UnsafeBufferPointer(start: emitter.scalars, count: emitter.count))
        out.origin = Array(UnsafeBufferPointer(start: emitter.origin, count: emitter.count))
        return out
    }

    /// Folded scalars and their origins, written without per-element checks other than room.
    private struct Emitter {
        var scalars: UnsafeMutablePointer<UInt32>
        var origin: UnsafeMutablePointer<Int32>
        var count = 0
        var capacity: Int
        /// Starts true, so leading whitespace is trimmed.
        var lastWasSpace = true

        init(capacity: Int) {
            self.capacity = capacity
            scalars = .allocate(capacity: capacity)
            origin = .allocate(capacity: capacity)
        }

        @inline(__always)
        mutating func emit(_ c: UInt32, _ from: Int32) {
            if count == capacity { grow() }
            scalars[count] = c
            origin[count] = from
            count += 1
        }

        /// Emits a folded scalar, collapsing runs of spaces into one.
        @inline(__always)
        mutating func put(_ c: UInt32, _ from: Int32) {
            if c == 0x20 {
                if lastWasSpace { return }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            emit(c, from)
        }

        private mutating func grow() {
            let bigger = capacity * 2
            let s = UnsafeMutablePointer<UInt32>.allocate(capacity: bigger), o = UnsafeMutablePointer<Int32>.allocate(capacity: bigger)
            s.moveInitialize(from: scalars, count: count)
            o.moveInitialize(from: origin, count: count)
            scalars.deallocate(); origin.deallocate()
            scalars = s; origin = o; capacity = bigger
        }

        func deallocate() { scalars.deallocate(); origin.deallocate() }
    }

    /// The end of a base character's cluster of combining marks at `i` and how many marks it
    /// has, or nil when no combining mark follows.
    @inline(__always)
    private static func markCluster(_ utf16: UnsafeBufferPointer<UInt16>, at i: Int) -> (end: Int, marks: Int)? {
        var clusterEnd = i + decodeScalar(utf16, at: i).width
        var marks = 0
        while clusterEnd < utf16.count, utf16[clusterEnd] >= 0x300 {
            let (m, mw) = decodeScalar(utf16, at: clusterEnd)
            guard isCombining(m) else { break }
            clusterEnd += mw
            marks += 1
        }
        return marks > 0 ? (clusterEnd, marks) : nil
    }

    private func astralFold(_ c: UInt32) -> [UInt32] {
        if let cached = astral[c] { return cached }
        let folded = slowFold(c)
        astral[c] = folded
        return folded
    }

    private func encode(_ folded: [UInt32]) -> UInt32 {
        if folded.isEmpty { return Self.empty }
        if folded.count == 1 { return folded[0] + 1 }
        multi.append(folded)
        return Self.multiFlag | UInt32(multi.count - 1)
    }

    private func slowFold(_ c: UInt32) -> [UInt32] {
        guard let scalar = Unicode.Scalar(c) else { return [0xFFFD] }
        if scalar.properties.isWhitespace { return [0x20] }
        return slowFold(Array(String(scalar).utf16))
    }

    /// NFKC_Casefold, then Traditional→Simplified where Han is present, then dash/quote unification.
    private func slowFold(_ utf16: [UInt16]) -> [UInt32] {
        let units = (try? Normalizer.normalize(utf16, .nfkcCasefold)) ?? utf16
        return Self.simplify(units.withUnsafeBufferPointer(DocumentText.string).unicodeScalars.map(\.value)).map(Self.unify)
    }

    /// Traditional→Simplified, character by character, where Han is present (a corner bracket
    /// alone stays a corner bracket, as it did through ICU).
    static func simplify(_ scalars: [UInt32]) -> [UInt32] {
        guard scalars.contains(where: ScriptClass.isHan) else { return scalars }
        let map = simplified
        return scalars.flatMap { map[$0] ?? [$0] }
    }

    @inline(__always)
    static func isCombining(_ c: UInt32) -> Bool {
        // Ranges with no combining mark (checked exhaustively in the tests), so most characters
        // after a CJK character do not need the property lookup.
        if (0x3400...0x9FFF).contains(c) || (0xFF01...0xFF5E).contains(c) || (0x3000...0x3029).contains(c) || (0x2000...0x206F).contains(c) {
            return false
        }
        guard let s = Unicode.Scalar(c) else { return false }
        return s.properties.canonicalCombiningClass != .notReordered
    }

    /// One ASCII form for the many dashes and quotes of news text.
    @inline(__always)
    static func unify(_ c: UInt32) -> UInt32 {
        switch c {
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D, 0x2E3A, 0x2E3B: return 0x2D  // -
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0xFF07: return 0x27  // '
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0xFF02: return 0x22  // "
        case 0x2215, 0x2044: return 0x2F  // division and fraction slash (Big5 A241 decodes to U+2215) → /
        default: return c
        }
    }
}
