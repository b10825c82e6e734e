import Foundation

/// Buffered writes to stdout; results go here, never to stderr.
struct StandardOutput {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        // write(2) directly: the C stdio globals are not concurrency-safe in Swift 6.
        buffer.withUnsafeBufferPointer { b in
            var offset = 0
            while offset < b.count {
                let n = Foundation.write(1, b.baseAddress! + offset, b.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

enum Diagnostics {
    static func note(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }
}

/// TSV cells cannot hold tabs or newlines: escape them the way pandas/R read back with `\t` `\n`.
func tsvEscape(_ s: String) -> String {
    guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" }) else { return s }
    var out = ""
    for ch in s.unicodeScalars {
        switch ch {
        case "\t": out += "\\t"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\\": out += "\\\\"
        default: out.unicodeScalars.append(ch)
        }
    }
    return out
}

func readInput(_ path: String) throws -> [UInt8] {
    if path == "-" {
        return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CLIError("cannot read '\(path)': no such file or not readable")
    }
    return [UInt8](data)
}
