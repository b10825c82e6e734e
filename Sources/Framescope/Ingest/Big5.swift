import FramescopeICU

/// Big5 decoded the way browsers decode it: the WHATWG Encoding Standard's Big5 decoder (which
/// is also what a page labelled Big5-HKSCS gets), so a Hong Kong page keeps its HKSCS characters
/// (峯, 嘅, 𧉧) and a Taiwan page reads as it does on screen.
///
/// ICU's "Big5" (windows-950-2000) maps the HKSCS rows to private-use code points, which no font
/// shows and no lexicon matches. The WHATWG index is HKSCS-2008 on top of Big5 with the ETEN
/// extensions, so it is built at first use from ICU's own tables instead of being copied in:
/// ibm-1375 (Big5-HKSCS 2008), then ibm-950 for the pairs ibm-1375 leaves unmapped, with every
/// private-use answer dropped, then the `overrides` below. Checked over all 19,782 two-byte
/// sequences against Firefox's decoder: they all agree (docs/decoding.md says how).
public enum Big5 {
    /// The converters composed into the index, first answer wins.
    static let converters = ["ibm-1375", "ibm-950"]

    /// Pairs where the WHATWG index gives a code point and neither converter does (they give a
    /// private-use code point, or nothing): byte pair → code point. Values are Firefox's
    /// (encoding_rs) decoding of each pair.
    static let overrides: [(bytes: UInt16, scalar: UInt32)] = [
        // CJK strokes (Unicode 4.1), private-use in ICU's tables.
        (0x8840, 0x31C0), (0x8841, 0x31C1), (0x8842, 0x31C2), (0x8843, 0x31C3), (0x8844, 0x31C4), (0x8846, 0x31C5), (0x8849, 0x31C6), (0x884A, 0x31C7),
        (0x884D, 0x31C8), (0x884F, 0x31C9), (0x8850, 0x31CA), (0x8851, 0x31CB), (0x8852, 0x31CC), (0x8854, 0x31CD), (0x8855, 0x31CE), (0xC879, 0x31CF),
        // Ideographs added in Unicode 4.1 (U+9F96–U+9FB3), private-use in ICU's tables.
        (0x87A4, 0x9F97), (0x87AC, 0x9F96), (0x8C43, 0x9FA6), (0x8C6D, 0x9FA7), (0x8C74, 0x9FA8), (0x8CB7, 0x9FA9), (0x8CB9, 0x9FAA), (0x8CBB, 0x9FAB),
        (0x8CC0, 0x9FAC), (0x8CD7, 0x9FAD), (0x8CD8, 0x9FAE), (0x8CDA, 0x9FAF), (0x8CED, 0x9FB2), (0x8D48, 0x9FB3), (0xC8A1, 0x9FB0), (0xC8A3, 0x9FB1),
        // Two technical symbols (Unicode 4.1).
        (0x88A9, 0x23DA), (0x88AA, 0x23DB),
        // HKSCS compatibility points: a second code for a character that Big5 already has (and
        // the ditto marks C6DE, C6DF). Decoding only; ICU leaves them unmapped or private-use.
        (0x8E69, 0x7BB8), (0x8E6F, 0x7C06), (0x8E7E, 0x7CCE), (0x8EAB, 0x7DD2), (0x8EB4, 0x7E1D), (0x8ECD, 0x8005), (0x8ED0, 0x8028), (0x8F57, 0x83C1),
        (0x8F69, 0x84A8), (0x8F6E, 0x840F), (0x8FCB, 0x89A6), (0x8FCC, 0x89A9), (0x8FFE, 0x8D77), (0x906D, 0x90FD), (0x907A, 0x92B9), (0x90DC, 0x975C),
        (0x90F1, 0x97FF), (0x91BF, 0x9F16), (0x9244, 0x8503), (0x92AF, 0x5159), (0x92B0, 0x515B), (0x92B1, 0x515D), (0x92B2, 0x515E), (0x92C8, 0x936E),
        (0x92D1, 0x7479), (0x9447, 0x6D67), (0x94CA, 0x799B), (0x95D9, 0x9097), (0x9644, 0x975D), (0x96ED, 0x701E), (0x96FC, 0x5B28), (0x9B76, 0x7201),
        (0x9B78, 0x77D7), (0x9B7B, 0x7E87), (0x9BC6, 0x99D6), (0x9BDE, 0x91D4), (0x9BEC, 0x60DE), (0x9BF6, 0x6FB6), (0x9C42, 0x8F36), (0x9C53, 0x4FBB),
        (0x9C62, 0x71DF), (0x9C68, 0x9104), (0x9C6B, 0x9DF0), (0x9C77, 0x83CF), (0x9CBC, 0x5C10), (0x9CBD, 0x79E3), (0x9CD0, 0x5A67), (0x9D57, 0x8F0B),
        (0x9D5A, 0x7B51), (0x9DC4, 0x62D0), (0x9EA9, 0x6062), (0x9EEF, 0x75F9), (0x9EFD, 0x6C4A), (0x9F60, 0x9B2E), (0x9F66, 0x9F17), (0x9FCB, 0x50ED),
        (0x9FD8, 0x5F0C), (0xA063, 0x880F), (0xA077, 0x62CE), (0xA0D5, 0x7468), (0xA0DF, 0x7162), (0xA0E4, 0x7250), (0xC6DE, 0x3003), (0xC6DF, 0x4EDD),
        (0xFA5F, 0x5029), (0xFA66, 0x507D), (0xFABD, 0x5305), (0xFAC5, 0x5344), (0xFAD5, 0x537F), (0xFB48, 0x5605), (0xFBB8, 0x5A77), (0xFBF3, 0x5E75),
        (0xFBF9, 0x5ED0), (0xFC4F, 0x5F58), (0xFC6C, 0x60A4), (0xFCB9, 0x6490), (0xFCE2, 0x6674), (0xFCF1, 0x675E), (0xFDB7, 0x6C9C), (0xFDB8, 0x6E1D),
        (0xFDBB, 0x6E2F), (0xFDF1, 0x716E), (0xFE52, 0x732A), (0xFE6F, 0x745C), (0xFEAA, 0x74E9), (0xFEDD, 0x7809),
    ]

    /// The four pointers that decode to a letter and a combining mark (Ê̄ Ê̌ ê̄ ê̌): 0x8862, 0x8864,
    /// 0x88A3, 0x88A5. Marked in the index with these sentinel values above U+10FFFF.
    static let pairs: [(pointer: Int, first: UInt32, second: UInt32)] = [
        (1133, 0x00CA, 0x0304), (1135, 0x00CA, 0x030C), (1164, 0x00EA, 0x0304), (1166, 0x00EA, 0x030C),
    ]
    static let pairSentinel: UInt32 = 0x11_0000

    /// The WHATWG pointer of a lead and trail byte, nil when the trail is not a Big5 trail.
    @inline(__always)
    static func pointer(lead: UInt8, trail: UInt8) -> Int? {
        switch trail {
        case 0x40...0x7E: return Int(lead &- 0x81) * 157 + Int(trail - 0x40)
        case 0xA1...0xFE: return Int(lead &- 0x81) * 157 + Int(trail - 0x62)
        default: return nil
        }
    }

    /// Pointer → code point (0: none; `pairSentinel + i`: the i-th of `pairs`). Built once.
    public static let index: Result<[UInt32], ICUError> = Result { () throws(ICUError) in try makeIndex() }

    static func makeIndex() throws(ICUError) -> [UInt32] {
        var index = [UInt32](repeating: 0, count: Charset.big5PairCount)
        for name in converters {
            let table = try Charset.big5PairTable(charset: name)
            for p in index.indices where index[p] == 0 {
                let c = table[p]
                let privateUse = (0xE000...0xF8FF).contains(c) || c >= 0xF_0000
                if !privateUse { index[p] = c }
            }
        }
        for (bytes, scalar) in overrides {
            index[pointer(lead: UInt8(bytes >> 8), trail: UInt8(bytes & 0xFF))!] = scalar
        }
        for (i, pair) in pairs.enumerated() { index[pair.pointer] = pairSentinel + UInt32(i) }
        // Leads 0x81–0x86 are not in the WHATWG index (pointers below 942): ICU's user-defined
        // area there is private-use and already dropped; clear anything else to be sure.
        for p in 0..<942 { index[p] = 0 }
        return index
    }

    /// What decoding found besides the text.
    public struct Damage: Sendable, Equatable {
        /// Decoder errors, each one U+FFFD in the text.
        public var sequences = 0
        /// Bytes those errors covered (a lead with an ASCII trail covers only the lead).
        public var bytes = 0
    }

    /// Decodes `bytes` as the WHATWG Big5 decoder does (replacement mode): ASCII as itself; a
    /// lead 0x81–0xFE with a trail that has a code point as that code point; a lead whose trail is
    /// ASCII and has no code point as U+FFFD, the ASCII byte then read on its own; a lead with any
    /// other trail as one U+FFFD for both; 0x80, 0xFF and a lead at the very end as U+FFFD.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(ICUError) -> (text: String, damage: Damage) {
        let index: [UInt32]
        switch Self.index {
        case .success(let built): index = built
        case .failure(let error): throw error
        }
        var damage = Damage()
        let n = bytes.count
        // Each input byte gives at most 3 bytes of UTF-8: a pair (2 bytes) gives at most 4.
        let text = index.withUnsafeBufferPointer { index in
            String(unsafeUninitializedCapacity: n * 3) { out in
                var o = 0
                @inline(__always) func put(_ c: UInt32) {
                    switch c {
                    case 0..<0x80:
                        out[o] = UInt8(c); o += 1
                    case 0x80..<0x800:
                        out[o] = UInt8(0xC0 | c >> 6); out[o + 1] = UInt8(0x80 | c & 0x3F); o += 2
                    case 0x800..<0x1_0000:
                        out[o] = UInt8(0xE0 | c >> 12); out[o + 1] = UInt8(0x80 | c >> 6 & 0x3F)
                        out[o + 2] = UInt8(0x80 | c & 0x3F); o += 3
                    default:
                        out[o] = UInt8(0xF0 | c >> 18); out[o + 1] = UInt8(0x80 | c >> 12 & 0x3F)
                        out[o + 2] = UInt8(0x80 | c >> 6 & 0x3F); out[o + 3] = UInt8(0x80 | c & 0x3F); o += 4
                    }
                }
                var i = 0
                while i < n {
                    let lead = bytes[i]
                    if lead < 0x80 { out[o] = lead; o += 1; i += 1; continue }
                    if lead == 0x80 || lead == 0xFF || i + 1 == n {
                        put(0xFFFD); damage.sequences += 1; damage.bytes += 1; i += 1
                        continue
                    }
                    let trail = bytes[i + 1]
                    let c = pointer(lead: lead, trail: trail).map { index[$0] } ?? 0
                    if c != 0 && c < pairSentinel {
                        put(c); i += 2
                    } else if c >= pairSentinel {
                        let pair = pairs[Int(c - pairSentinel)]
                        put(pair.first); put(pair.second); i += 2
                    } else {
                        put(0xFFFD); damage.sequences += 1
                        // An ASCII trail is not consumed: it is read again as itself.
                        let used = trail < 0x80 ? 1 : 2
                        damage.bytes += used; i += used
                    }
                }
                return o
            }
        }
        return (text, damage)
    }
}
