import Foundation

/// One unit of work found in a corpus: a document file, or a JSONL file (whose lines are
/// documents).
public struct CorpusEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case text, markdown, html, jsonl }
    /// Path relative to the corpus root, with `/` separators.
    public let relativePath: String
    public let absolutePath: String
    public let kind: Kind
    /// The metadata sidecars next to the document (`NAME.meta.json`, then `NAME.txt.meta.json`),
    /// as the folder listing showed them; nil when the document was not found by listing its
    /// folder, and the reader looks for them itself.
    public var sidecars: [String]? = nil
}

/// Walks a corpus folder in a deterministic (sorted) order, at any depth. Skips hidden files and
/// folders, the output folder, manifests and sidecars, and never follows a symlink into a folder
/// it has already visited (so loops end).
public struct CorpusWalker: Sendable {
    public let root: String
    /// Absolute paths never to enter (the output folder when it sits inside the corpus).
    public let excluded: Set<String>

    public init(root: String, excluded: [String] = []) {
        self.root = CorpusWalker.canonical(root)
        self.excluded = Set(excluded.map(CorpusWalker.canonical))
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static let extensions: [String: CorpusEntry.Kind] = [
        "txt": .text, "text": .text, "md": .markdown, "html": .html, "htm": .html, "jsonl": .jsonl,
    ]

    public static func isSidecarOrManifest(_ name: String) -> Bool {
        name.hasSuffix(".meta.json") || name == "manifest.csv" || name == "manifest.tsv" || name == "README.md" || name == "SOURCES.md"
    }

    /// Calls `body` for each entry, in sorted path order, and `problem` for a document-like path
    /// that cannot be read at all (a broken link), so it is reported rather than silently dropped.
    public func walk(problem: (IngestError) -> Void = { _ in }, _ body: (CorpusEntry) throws -> Void) rethrows {
        var visited = Set<String>()
        try walk(directory: root, relative: "", visited: &visited, problem: problem, body)
    }

    private func walk(directory: String, relative: String, visited: inout Set<String>, problem: (IngestError) -> Void,
                      _ body: (CorpusEntry) throws -> Void) rethrows {
        let real = Self.canonical(directory)
        guard !excluded.contains(real), visited.insert(real).inserted else { return }
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return }
        // Sidecars are looked up in the listing: probing for two per document cost two failed
        // opens each, and most folders have none.
        let sidecarNames = Set(names.filter { $0.hasSuffix(".meta.json") })
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                if Self.extensions[(name as NSString).pathExtension.lowercased()] != nil {
                    problem(IngestError(file: rel, line: nil, reason: "cannot be read: a link to a missing file"))
                }
                continue
            }
            if isDir.boolValue {
                try walk(directory: path, relative: rel, visited: &visited, problem: problem, body)
                continue
            }
            guard !Self.isSidecarOrManifest(name) else { continue }
            let ext = (name as NSString).pathExtension.lowercased()
            guard let kind = Self.extensions[ext] else { continue }
            var sidecars: [String] = []
            if !sidecarNames.isEmpty {
                for candidate in MetadataReader.sidecarNames(for: name) where sidecarNames.contains(candidate) {
                    sidecars.append(directory + "/" + candidate)
                }
            }
            try body(CorpusEntry(relativePath: rel, absolutePath: path, kind: kind, sidecars: sidecars))
        }
    }
}
