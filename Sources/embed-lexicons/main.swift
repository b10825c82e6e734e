import Foundation

// Used by the EmbedLexicons build plugin: embed-lexicons OUTPUT ROOT
// Writes OUTPUT, a Swift source with each *.tsv file under ROOT (any depth, hidden files and
// folders skipped; listed here, at build time) as one string literal: the text itself where the
// file is plain UTF-8 text, base64 otherwise (a long string literal costs swiftc almost nothing;
// a byte-array literal of the same size takes minutes to type-check), and the SHA-256 that
// `Lexicons.load` computes for the built-in copy. The file is rewritten only when its content changes, so an unchanged
// lexicon folder does not recompile the library.

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: embed-lexicons OUTPUT ROOT\n".utf8))
    exit(2)
}
let output = arguments[arguments.startIndex]
let root = arguments[arguments.startIndex + 1]
var files: [String] = []
if let walker = FileManager.default.enumerator(atPath: root) {
    while let relative = walker.nextObject() as? String {
        guard relative.hasSuffix(".tsv"), !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDir), !isDir.boolValue { files.append(relative) }
    }
}
files.sort()

/// A Swift string literal for a path (only backslash and quote need escaping in file names here).
func literal(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

/// Whether a file can be written as an ordinary string literal: valid UTF-8 with no control
/// character (C0 or C1) but tab and line feed, no BOM and no line or paragraph separator (the
/// compiler keeps such a literal's bytes exactly). Other files are written as base64; the
/// library's tests compare every built-in file with the repository's, byte for byte.
func isPlainText(_ bytes: [UInt8]) -> Bool {
    guard let text = String(validating: bytes, as: UTF8.self) else { return false }
    return text.unicodeScalars.allSatisfy { s in
        switch s.value {
        case 0x09, 0x0A: true
        case 0..<0x20, 0x7F...0x9F, 0xFEFF, 0x2028, 0x2029: false
        default: true
        }
    }
}

/// `text` as a Swift string literal: backslash, quote, tab and line feed escaped.
func textLiteral(_ bytes: [UInt8]) -> String {
    var out = "\""
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for s in String(decoding: bytes, as: UTF8.self).unicodeScalars {
        switch s {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\t": out += "\\t"
        case "\n": out += "\\n"
        default: out.unicodeScalars.append(s)
        }
    }
    return out + "\""
}

/// SHA-256 (FIPS 180-4), for the hash of the built-in lexicons computed here once rather than
/// by every process at start-up. The library checks it against swift-crypto in its tests.
struct SHA256Digest {
    private var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    private var pending: [UInt8] = []
    private var length: UInt64 = 0
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    mutating func update(_ bytes: [UInt8]) {
        length &+= UInt64(bytes.count)
        pending += bytes
        var start = 0
        while pending.count - start >= 64 {
            block(pending[start..<start + 64])
            start += 64
        }
        pending.removeFirst(start)
    }

    private mutating func block(_ chunk: ArraySlice<UInt8>) {
        func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
        var w = [UInt32](repeating: 0, count: 64)
        let base = chunk.startIndex
        for t in 0..<16 {
            w[t] = UInt32(chunk[base + 4 * t]) << 24 | UInt32(chunk[base + 4 * t + 1]) << 16
                | UInt32(chunk[base + 4 * t + 2]) << 8 | UInt32(chunk[base + 4 * t + 3])
        }
        for t in 16..<64 {
            let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
            let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
        for t in 0..<64 {
            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let ch = (e & f) ^ (~e & g)
            let t1 = hh &+ s1 &+ ch &+ Self.k[t] &+ w[t]
            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let maj = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ maj
            hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
        }
        h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
    }

    /// The digest as 64 lower-case hex digits.
    mutating func finalize() -> String {
        let bits = length &* 8
        var tail: [UInt8] = [0x80]
        while (pending.count + tail.count) % 64 != 56 { tail.append(0) }
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(i)))) }
        let saved = length
        update(tail)
        length = saved
        return h.map { word in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }
}

// The files `Lexicons.load` reads from the built-in copy, in the order it reads them: the
// `*.tsv` directly in entities/, units.tsv, patterns.tsv, the `*.tsv` directly in framing/,
// modifiers.tsv, learned.tsv. The library uses the hash below only when the files it read are
// exactly these (`BuiltInLexicons.hashedPaths`), and hashes them itself otherwise.
func direct(_ folder: String, in files: [String]) -> [String] {
    files.filter { path in
        guard path.hasPrefix(folder + "/") else { return false }
        let name = path.dropFirst(folder.count + 1)
        return !name.contains("/") && !name.hasPrefix(".")
    }.map { String($0.dropFirst(folder.count + 1)) }.sorted().map { folder + "/" + $0 }
}
let hashed = direct("entities", in: files) + ["units.tsv", "patterns.tsv"].filter(files.contains)
    + direct("framing", in: files) + ["modifiers.tsv", "learned.tsv"].filter(files.contains)

var contents: [String: [UInt8]] = [:]
for file in files {
    guard let data = FileManager.default.contents(atPath: root + "/" + file) else {
        FileHandle.standardError.write(Data("embed-lexicons: cannot read \(root)/\(file)\n".utf8))
        exit(1)
    }
    contents[file] = [UInt8](data)
}
var digest = SHA256Digest()
for file in hashed {
    digest.update(Array(file.utf8))
    digest.update(contents[file] ?? [])
}

var source = """
// Generated by the EmbedLexicons build plugin from the package's Lexicons/ folder; do not edit.
// \(files.count) files.

extension BuiltInLexicons {
    /// The files that are plain UTF-8 text, as string literals: their bytes are the literal's
    /// UTF-8, with nothing to decode or check at start-up.
    static let text: [(path: String, text: String)] = [

"""
for file in files where isPlainText(contents[file] ?? []) {
    source += "        (\(literal(file)), \(textLiteral(contents[file] ?? []))),\n"
}
source += """
    ]
    /// The other files, as base64.
    static let encoded: [(path: String, base64: String)] = [

"""
for file in files where !isPlainText(contents[file] ?? []) {
    source += "        (\(literal(file)), \"\(Data(contents[file] ?? []).base64EncodedString())\"),\n"
}
source += """
    ]
    /// The files the lexicon hash covers when the built-in copy is loaded, in reading order.
    static let hashedPaths: [String] = [\(hashed.map(literal).joined(separator: ", "))]
    /// SHA-256 over the relative path and bytes of each of `hashedPaths`, in that order.
    static let hashOfHashedPaths = "\(digest.finalize())"
}

"""
let bytes = Data(source.utf8)
if FileManager.default.contents(atPath: output) != bytes {
    do {
        try bytes.write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("embed-lexicons: cannot write \(output): \(error)\n".utf8))
        exit(1)
    }
}
