import Foundation

/// Where lexicon files are read from: a folder on disk, or the copy of the repository's
/// `Lexicons/` compiled into the library, so that a binary works from any directory and on any
/// node. Both are read through the same three questions, so loading, parsing and the hash do not
/// depend on which one it is.
public enum LexiconSource: Sendable, Hashable {
    case directory(String)
    case builtIn

    /// The `*.tsv` files directly inside `sub` ("" for the top level), as relative paths, sorted.
    func files(in sub: String) -> [String] {
        let names: [String]
        switch self {
        case .directory(let root):
            let path = sub.isEmpty ? root : "\(root)/\(sub)"
            names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        case .builtIn:
            let prefix = sub.isEmpty ? "" : sub + "/"
            names = BuiltInLexicons.bytes.keys.compactMap { path in
                guard path.hasPrefix(prefix) else { return nil }
                let name = path.dropFirst(prefix.count)
                return name.contains("/") ? nil : String(name)
            }
        }
        return names.filter { $0.hasSuffix(".tsv") && !$0.hasPrefix(".") }.sorted().map { sub.isEmpty ? $0 : "\(sub)/\($0)" }
    }

    func contains(_ relative: String) -> Bool {
        switch self {
        case .directory(let root): FileManager.default.fileExists(atPath: "\(root)/\(relative)")
        case .builtIn: BuiltInLexicons.bytes[relative] != nil
        }
    }

    /// Whether the bytes of `relative` are known to be valid UTF-8 without looking (the built-in
    /// copy's text files).
    func isKnownUTF8(_ relative: String) -> Bool {
        switch self {
        case .directory: false
        case .builtIn: BuiltInLexicons.validUTF8.contains(relative)
        }
    }

    func contents(_ relative: String) -> [UInt8]? {
        switch self {
        case .directory(let root): FileManager.default.contents(atPath: "\(root)/\(relative)").map { [UInt8]($0) }
        case .builtIn: BuiltInLexicons.bytes[relative]
        }
    }
}

/// Which lexicons a command uses and why, recorded in `run.json`: `--lexicons DIR` first, then
/// `$FRAMESCOPE_LEXICONS`, then the built-in copy.
public struct LexiconLocation: Sendable, Hashable {
    public enum Origin: String, Sendable, Hashable {
        case option
        case environment
        case builtIn = "built-in"
    }

    public static let environmentVariable = "FRAMESCOPE_LEXICONS"
    public static let builtIn = LexiconLocation(origin: .builtIn, source: .builtIn)

    public let origin: Origin
    public let source: LexiconSource

    public init(origin: Origin, source: LexiconSource) {
        self.origin = origin
        self.source = source
    }

    /// The folder, as given; nil for the built-in copy.
    public var path: String? {
        if case .directory(let path) = source { return path }
        return nil
    }

    /// The lookup order. An empty variable counts as unset, as shells make it easy to leave one.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> LexiconLocation {
        if let option { return LexiconLocation(origin: .option, source: .directory(option)) }
        if let value = environment[environmentVariable], !value.isEmpty {
            return LexiconLocation(origin: .environment, source: .directory(value))
        }
        return .builtIn
    }

    /// How to name this location in a message.
    public var description: String {
        switch origin {
        case .option: path ?? ""
        case .environment: "$\(Self.environmentVariable)=\(path ?? "")"
        case .builtIn: "the built-in lexicons"
        }
    }
}

/// The bundled `Lexicons/` folder as compiled into the library by the EmbedLexicons build plugin
/// (`BuiltInLexicons.text`, one string literal per file of plain UTF-8 text, and
/// `BuiltInLexicons.encoded`, one base64 literal per other file: swiftc reads a long string
/// literal quickly, where a byte-array literal of the same size takes minutes to type-check).
public enum BuiltInLexicons {
    /// Every file's bytes by relative path, taken once on first use. The text literals' bytes
    /// are copied as they are (decoding base64 for every file was 2% of start-up).
    static let bytes: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        files.reserveCapacity(text.count + encoded.count)
        for (path, text) in text { files[path] = Array(text.utf8) }
        for (path, base64) in encoded {
            // The plugin wrote these literals; one that does not decode is a broken build.
            guard let data = Data(base64Encoded: base64) else { preconditionFailure("built-in lexicon \(path) is not valid base64") }
            files[path] = [UInt8](data)
        }
        return files
    }()

    /// The files that came from text literals: their bytes are valid UTF-8 (every Swift string
    /// is), so parsing them need not check again.
    static let validUTF8: Set<String> = Set(text.map(\.path))

    /// Every built-in file, relative path and exact bytes, sorted by path: what
    /// `framescope lexicon export` writes out.
    public static var files: [(path: String, bytes: [UInt8])] {
        bytes.sorted { $0.key < $1.key }.map { (path: $0.key, bytes: $0.value) }
    }
}
