import Foundation
import Testing
@testable import Framescope

/// The skip scan for boilerplate markers (`Boilerplate.earliestMarker`) against the plain scan
/// it replaces: every marker tried at every start of the line, in list order.
@Suite struct BoilerplateScanTests {
    /// The earliest-listed marker found in `u[lo..<hi]` by trying each marker at each start.
    static func plainScan(_ u: [UInt16], _ lo: Int, _ hi: Int) -> Int {
        for (m, (_, marker)) in Boilerplate.markerUnits.enumerated() where hi - lo >= marker.count {
            for s in lo...(hi - marker.count)
            where marker.indices.allSatisfy({ Boilerplate.lowerASCII(u[s + $0]) == marker[$0] }) {
                return m
            }
        }
        return .max
    }

    static func check(_ u: [UInt16], sourceLocation: SourceLocation = #_sourceLocation) {
        let got = u.withUnsafeBufferPointer { Boilerplate.earliestMarker($0, 0, u.count) }
        let expected = plainScan(u, 0, u.count)
        #expect(got == expected, "\(String(decoding: u, as: UTF16.self))", sourceLocation: sourceLocation)
    }

    @Test("the tables cover every marker: ASCII ones at least a pair long, the others by their anchor")
    func tables() {
        #expect(Boilerplate.window >= 2)
        for m in Boilerplate.asciiMarkers { #expect(Boilerplate.markerUnits[m].1.count >= Boilerplate.window) }
        // Every unit's anchor run holds exactly the non-ASCII markers anchored on it, in list order.
        var byAnchor: [UInt16: [Int]] = [:]
        for m in Boilerplate.markerUnits.indices where !Boilerplate.asciiMarkers.contains(m) {
            byAnchor[Boilerplate.anchor(m).unit, default: []].append(m)
        }
        #expect(byAnchor.values.map(\.count).reduce(0, +) + Boilerplate.asciiMarkers.count == Boilerplate.markerUnits.count)
        for unit in 0..<0x10000 {
            let packed = Boilerplate.anchorRange[unit]
            let from = Int(packed >> 16), run = Boilerplate.anchoredMarkers[from..<(from + Int(packed & 0xFFFF))].map(Int.init)
            #expect(run == byAnchor[UInt16(unit)] ?? [])
        }
        // Every pair key's shift is no more than any ASCII marker allows.
        for m in Boilerplate.asciiMarkers {
            let units = Boilerplate.markerUnits[m].1
            for q in 1..<Boilerplate.window {
                for a in Boilerplate.caseVariants(units[q - 1]) {
                    for b in Boilerplate.caseVariants(units[q]) {
                        #expect(Int(Boilerplate.shift[Boilerplate.pairKey(a, b)]) <= Boilerplate.window - 1 - q)
                    }
                }
            }
        }
    }

    @Test("every marker at every offset, in both cases, cut short and in contexts")
    func markersEverywhere() {
        let contexts: [[UInt16]] = ["", "x", "Baogang 包钢 said", "稀土𠀋", "photo", "shar", "icp", "©", "copyrigh", "责"].map { Array($0.utf16) }
        for (_, marker) in Boilerplate.markerUnits {
            let upper = marker.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
            for variant in [marker, upper, Array(marker.dropLast()), Array(marker.dropFirst())] {
                for before in contexts {
                    for after in contexts { Self.check(before + variant + after) }
                }
            }
        }
    }

    @Test("random lines over the markers' units agree with the plain scan")
    func randomLines() {
        var alphabet = Set(Boilerplate.markerUnits.flatMap(\.1))
        alphabet.formUnion(Boilerplate.markerUnits.flatMap(\.1).filter { $0 >= 0x61 && $0 <= 0x7A }.map { $0 - 0x20 })
        alphabet.formUnion([0x20, 0x09, 0x31, 0x4E2D, 0xD840, 0xDC0B, 0x2019])
        let units = alphabet.sorted()
        var rng = Statistics.SplitMix64(seed: 22)
        for _ in 0..<60_000 {
            let n = Int(rng.next() % 40)
            var line = (0..<n).map { _ in units[Int(rng.next() % UInt64(units.count))] }
            // Splice a marker in often, so that near misses are common.
            if rng.next() % 2 == 0, n > 0 {
                let marker = Boilerplate.markerUnits[Int(rng.next() % UInt64(Boilerplate.markerUnits.count))].1
                line.insert(contentsOf: marker.prefix(Int(rng.next() % UInt64(marker.count + 1))), at: Int(rng.next() % UInt64(n)))
            }
            Self.check(line)
        }
    }

    @Test("every line of the corpus and both development sets agrees with the plain scan")
    func realLines() throws {
        var lines = 0
        for folder in ["Corpus", "Tests/DevSet/texts", "Tests/DevSet2/texts"] {
            let root = Repository.path(folder)
            guard let files = FileManager.default.enumerator(atPath: root) else { continue }
            for case let file as String in files {
                guard let data = FileManager.default.contents(atPath: root + "/" + file), let text = String(data: data, encoding: .utf8) else { continue }
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    Self.check(Array(line.utf16))
                    lines += 1
                }
            }
        }
        #expect(lines > 10_000)
    }
}

