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

    /// The folded key of the original code points `[from, to)`.
    public func key(from: Int, to: Int) -> String {
        let range = Int(start[from])..<Int(start[to])
        // One allocation at most (none for short keys): the UTF-8 is written in place.
        return String(unsafeUninitializedCapacity: range.count * 4) { buffer in
            var n = 0
            for i in range {
                guard let u = Unicode.Scalar(scalars[i]) else { continue }
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
    private let toSimplified: Transliterator
    /// BMP cache: 0 = not computed, `empty` = folds to nothing, bit 31 = index into `multi`,
    /// otherwise the folded scalar + 1.
    private var bmp = [UInt32](repeating: 0, count: 0x10000)
    private var astral: [UInt32: [UInt32]] = [:]
    private var multi: [[UInt32]] = []
    private static let empty: UInt32 = 0xFFFF_FFFF
    private static let multiFlag: UInt32 = 0x8000_0000

    public init() throws(ICUError) {
        toSimplified = try Transliterator(Transliterator.traditionalToSimplified)
    }

    private init(toSimplified: Transliterator) {
        self.toSimplified = toSimplified
    }

    /// A folder for another worker, sharing nothing mutable.
    public func clone() throws(ICUError) -> Folder {
        Folder(toSimplified: try toSimplified.clone())
    }

    /// The matching key of a whole string (lexicon surfaces, cues, user words).
    public func fold(_ string: String) -> String {
        let text = DocumentText(string)
        let folded = fold(text)
        var s = String.UnicodeScalarView()
        for c in folded.scalars { if let u = Unicode.Scalar(c) { s.append(u) } }
        return String(s)
    }

    /// Folds a document into keys with offset maps.
    public func fold(_ text: DocumentText) -> FoldedText {
        var out = FoldedText()
        out.scalars.reserveCapacity(text.utf16.count)
        out.origin.reserveCapacity(text.utf16.count)
        out.start.reserveCapacity(text.utf16.count + 1)
        text.utf16.withUnsafeBufferPointer { utf16 in
            var i = 0
            var cp: Int32 = 0
            var lastWasSpace = true  // also trims leading whitespace
            while i < utf16.count {
                let (c, width) = decodeScalar(utf16, at: i)
                out.start.append(Int32(out.scalars.count))
                // Base character followed by combining marks: fold the cluster as one unit.
                var clusterEnd = i + width
                var marks = 0
                while clusterEnd < utf16.count, utf16[clusterEnd] >= 0x300 {
                    let (m, mw) = decodeScalar(utf16, at: clusterEnd)
                    guard Self.isCombining(m) else { break }
                    clusterEnd += mw
                    marks += 1
                }
                if marks > 0 {
                    let unit = Array(utf16[i..<clusterEnd])
                    let folded = slowFold(unit)
                    for f in folded { out.scalars.append(f); out.origin.append(cp) }
                    lastWasSpace = false
                    for _ in 0..<marks { cp += 1; out.start.append(Int32(out.scalars.count)) }
                    cp += 1
                    i = clusterEnd
                    continue
                }
                if c < 0x80 {
                    if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                        if !lastWasSpace { out.scalars.append(0x20); out.origin.append(cp) }
                        lastWasSpace = true
                    } else {
                        let lower = (c >= 0x41 && c <= 0x5A) ? c + 0x20 : c
                        out.scalars.append(lower); out.origin.append(cp)
                        lastWasSpace = false
                    }
                } else {
                    lookup(c) { f in
                        if f == 0x20 {
                            if !lastWasSpace { out.scalars.append(0x20); out.origin.append(cp) }
                            lastWasSpace = true
                        } else {
                            out.scalars.append(f); out.origin.append(cp)
                            lastWasSpace = false
                        }
                    }
                }
                cp += 1
                i += width
            }
            out.start.append(Int32(out.scalars.count))
        }
        // Drop a trailing collapsed space so keys never end in whitespace.
        if out.scalars.last == 0x20 {
            let removedOrigin = out.origin.removeLast()
            out.scalars.removeLast()
            let end = Int32(out.scalars.count)
            for k in Int(removedOrigin)..<out.start.count where out.start[k] > end { out.start[k] = end }
        }
        return out
    }

    @inline(__always)
    private func lookup(_ c: UInt32, _ emit: (UInt32) -> Void) {
        if c < 0x10000 {
            var v = bmp[Int(c)]
            if v == 0 {
                v = encode(slowFold(c))
                bmp[Int(c)] = v
            }
            if v == Self.empty { return }
            if v & Self.multiFlag != 0 {
                for f in multi[Int(v & ~Self.multiFlag)] { emit(f) }
            } else {
                emit(v - 1)
            }
        } else {
            if let cached = astral[c] {
                for f in cached { emit(f) }
            } else {
                let folded = slowFold(c)
                astral[c] = folded
                for f in folded { emit(f) }
            }
        }
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
        var units = (try? Normalizer.normalize(utf16, .nfkcCasefold)) ?? utf16
        if String(decoding: units, as: UTF16.self).unicodeScalars.contains(where: { ScriptClass.isHan($0.value) }) {
            units = (try? toSimplified.transliterate(units)) ?? units
        }
        return String(decoding: units, as: UTF16.self).unicodeScalars.map { Self.unify($0.value) }
    }

    @inline(__always)
    static func isCombining(_ c: UInt32) -> Bool {
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
