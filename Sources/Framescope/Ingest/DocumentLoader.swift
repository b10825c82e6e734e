import Crypto
import Foundation

/// Why a document could not be ingested: the file, the 1-based JSONL line when there is one,
/// and what went wrong.
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let reason: String

    public init(file: String, line: Int?, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)" }
}

/// Turns corpus entries into source documents: reads and decodes files, extracts HTML text,
/// splits JSONL into documents, and reads metadata.
public struct DocumentLoader: Sendable {
    public let metadata: MetadataReader
    /// Documents larger than this are refused (a runaway file should not take a worker's memory).
    public var maximumBytes = 256 << 20
    /// The corpus folder (`annotate --stdin-jsonl --corpus-root`) that an envelope naming only its
    /// `corpus_file` is read from. Nil: such an envelope is an error, so a stream reads no file
    /// unless its runner named the folder, and never one outside it.
    public var streamRoot: String?

    public init(corpusRoot: String) throws(IngestError) {
        metadata = try MetadataReader(corpusRoot: corpusRoot)
    }

    /// The id of a file document: its path without extension.
    public static func id(forFile relativePath: String) -> String {
        (relativePath as NSString).deletingPathExtension
    }

    public static func sha256(_ bytes: some DataProtocol) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in SHA256.hash(data: bytes) { out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0xF)]) }
        return String(decoding: out, as: UTF8.self)
    }

    enum ReadFailure: Error, Equatable {
        case system(String)
        /// The bytes found before reading stopped (the whole size when `fstat` told it).
        case tooLarge(Int)
    }

    /// A whole file in one array. `fstat` gives the size, so a document takes one `read` and a
    /// second that finds the end (FileHandle read 4 KiB at a time into `Data`, which was then
    /// copied), and a file over `limit` is refused before it is read. A file whose size is not
    /// known beforehand (a pipe, `/proc`) is read as it comes.
    static func readFile(_ path: String, limit: Int) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        let size = fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
        if size > limit { return .failure(.tooLarge(size)) }
        var buffer = [UInt8](repeating: 0, count: max(size + 1, 4096))
        var count = 0
        while true {
            if count == buffer.count { buffer += repeatElement(0, count: buffer.count) }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.system(String(cString: strerror(errno))))
            }
            if n == 0 { break }
            count += n
            if count > limit { return .failure(.tooLarge(count)) }
        }
        buffer.removeSubrange(count...)
        return .success(buffer)
    }

    /// Loads one document file.
    public func load(file entry: CorpusEntry) -> Result<SourceDocument, IngestError> {
        let rel = entry.relativePath
        let bytes: [UInt8]
        switch Self.readFile(entry.absolutePath, limit: maximumBytes) {
        case .success(let read): bytes = read
        case .failure(.system(let reason)): return .failure(IngestError(file: rel, line: nil, reason: "cannot be read (\(reason))"))
        case .failure(.tooLarge(let size)):
            return .failure(tooLarge(rel, size))
        }
        return load(bytes: bytes, relativePath: rel, kind: entry.kind, sidecar: .files(absolutePath: entry.absolutePath, known: entry.sidecars))
    }

    /// Where a document's sidecar metadata comes from: files next to it on disk, or the sidecar's
    /// content sent along with the document's bytes (a job runner that has no corpus folder).
    enum SidecarSource {
        case files(absolutePath: String, known: [String]?)
        case content(Data?)
    }

    /// A corpus file's bytes sent by a job runner (Spark, Hadoop streaming) instead of read from a
    /// folder, so that a cluster run decodes and reads metadata exactly as a local run of the same
    /// file would: same id, same encoding detection, same HTML extraction, same folder-layout and
    /// text rules. `sidecar` is the content of the file's `NAME.meta.json`, when it has one.
    public func load(bytes: [UInt8], relativePath: String, sidecar: Data? = nil) -> Result<SourceDocument, IngestError> {
        guard let kind = Self.documentKind(relativePath) else { return .failure(Self.notADocument(relativePath)) }
        guard bytes.count <= maximumBytes else { return .failure(tooLarge(relativePath, bytes.count)) }
        return load(bytes: bytes, relativePath: relativePath, kind: kind, sidecar: .content(sidecar))
    }

    /// A document file's kind by its extension; nil for a JSONL file or anything else.
    static func documentKind(_ relativePath: String) -> CorpusEntry.Kind? {
        let ext = ((relativePath as NSString).lastPathComponent as NSString).pathExtension.lowercased()
        guard let kind = CorpusWalker.extensions[ext], kind != .jsonl else { return nil }
        return kind
    }

    func tooLarge(_ relativePath: String, _ size: Int) -> IngestError {
        IngestError(file: relativePath, line: nil, reason: "is \(size >> 20) MiB, over the \(maximumBytes >> 20) MiB limit")
    }

    static func notADocument(_ relativePath: String) -> IngestError {
        IngestError(file: relativePath, line: nil, reason: "is not a document file (.txt, .text, .md, .html, .htm); send JSONL lines as documents")
    }

    private func load(bytes: [UInt8], relativePath rel: String, kind: CorpusEntry.Kind, sidecar: SidecarSource) -> Result<SourceDocument, IngestError> {
        let decoded: (text: String, report: DecodingReport)
        do {
            decoded = try Decoder.decode(bytes)
        } catch {
            return .failure(IngestError(file: rel, line: nil, reason: error.description))
        }
        var text = decoded.text
        var meta = DocumentMetadata()
        meta.encoding = decoded.report.encoding
        meta.decoding = decoded.report
        meta.sources.append(("encoding", decoded.report.replacedSequences > 0 ? "decoder:\(decoded.report.replacedSequences)-replaced" : "decoder"))
        if kind == .html {
            let extracted = HTMLText.extract(text)
            text = extracted.text
            if let t = extracted.title { meta.title = t; meta.sources.append(("title", "html")) }
        }
        guard !text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) else {
            return .failure(IngestError(file: rel, line: nil, reason: bytes.isEmpty ? "is empty" : "has no text"))
        }
        switch sidecar {
        case .files(let absolutePath, let known):
            metadata.read(relativePath: rel, absolutePath: absolutePath, sidecars: known, text: text, into: &meta)
        case .content(let data):
            metadata.read(relativePath: rel, absolutePath: nil, sidecarContent: data, text: text, into: &meta)
        }
        return .success(SourceDocument(id: Self.id(forFile: rel), path: rel, text: text, metadata: meta,
                                       sha256: Self.sha256(bytes), decoding: decoded.report))
    }

    /// One JSONL line as a document: `text` is required; `id` and every other string or number
    /// field become the id and metadata.
    public func load(jsonLine bytes: ArraySlice<UInt8>, line: Int, file relativePath: String) -> Result<SourceDocument, IngestError> {
        let object: [String: Any]
        do {
            guard let o = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                return .failure(IngestError(file: relativePath, line: line, reason: "is not a JSON object"))
            }
            object = o
        } catch {
            return .failure(IngestError(file: relativePath, line: line, reason: "is not valid JSON"))
        }
        guard let text = object["text"] as? String else {
            return .failure(IngestError(file: relativePath, line: line, reason: "has no string field 'text'"))
        }
        guard !text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) else {
            return .failure(IngestError(file: relativePath, line: line, reason: "has an empty 'text'"))
        }
        let base = (relativePath as NSString).deletingPathExtension
        let rawID = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue
        let id = rawID.map { "\(base)/\(Self.sanitise($0))" } ?? "\(base)/line-\(line)"
        var meta = DocumentMetadata()
        for key in object.keys.sorted() where key != "text" && key != "id" {
            let value = (object[key] as? String) ?? (object[key] as? NSNumber)?.stringValue
            guard let value else { continue }
            switch key {
            case "source": meta.source = value
            case "title": meta.title = value
            case "date": meta.date = DateFinder.normalise(value) ?? value
            case "url": meta.url = value
            case "language": meta.language = value
            default: meta.extra.append((key, value))
            }
            meta.sources.append((key, "jsonl"))
        }
        meta.encoding = "UTF-8"
        metadata.read(relativePath: relativePath, absolutePath: nil, text: text, into: &meta)
        return .success(SourceDocument(id: id, path: "\(relativePath):\(line)", text: text, metadata: meta,
                                       sha256: Self.sha256(Array(text.utf8)), decoding: nil))
    }

    /// One line of `annotate --stdin-jsonl` input. Either a document (`{"text": …, "id": …, …}`, as
    /// a line of a corpus .jsonl file), or an envelope that carries a corpus file as a local run
    /// would read it, so a cluster run gives the same ids, decoding and metadata:
    /// - `{"corpus_file": "outlet/2024/a.html", "bytes_base64": "…", "sidecar": {…}}`: the file's
    ///   raw bytes (any encoding) and, optionally, its `NAME.meta.json` object;
    /// - `{"corpus_file": "outlet/2024/a.html"}` with `streamRoot` set: the same file read from
    ///   that folder (a shared or local file system), so a job runner sends a path instead of the
    ///   bytes; without a `sidecar` field the sidecar is looked for beside the file, as in a local
    ///   run;
    /// - `{"corpus_file": "feeds/a.jsonl", "line": 12, "record": "<the line, as a string>"}`: one
    ///   line of a corpus JSONL file.
    public func load(streamLine bytes: ArraySlice<UInt8>, line: Int) -> Result<SourceDocument, IngestError> {
        // Only a line that names a corpus file is an envelope; anything else is a document line.
        guard FullLines.firstIndex(of: Self.corpusFileMarker, in: bytes) != nil else {
            return load(jsonLine: bytes, line: line, file: "stdin")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let path = object["corpus_file"] as? String else {
            return load(jsonLine: bytes, line: line, file: "stdin")
        }
        guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            return .failure(IngestError(file: "stdin", line: line, reason: "corpus_file must be a relative path inside the corpus, not '\(path)'"))
        }
        if let record = object["record"] {
            guard let text = record as? String else {
                return .failure(IngestError(file: "stdin", line: line, reason: "record must be the JSONL line as a string"))
            }
            let number = (object["line"] as? NSNumber)?.intValue ?? line
            return load(jsonLine: Array(text.utf8)[...], line: number, file: path)
        }
        var sidecar: Data?
        if let side = object["sidecar"] as? [String: Any] {
            sidecar = try? JSONSerialization.data(withJSONObject: side)
        } else if let side = object["sidecar"] as? String {
            sidecar = Data(side.utf8)
        }
        if object["bytes_base64"] == nil, let root = streamRoot {
            // corpus_file is relative and has no "..": the file is inside the root (or behind a
            // link in it, as a local run would follow).
            guard let kind = Self.documentKind(path) else { return .failure(Self.notADocument(path)) }
            let file = root + "/" + path
            switch Self.readFile(file, limit: maximumBytes) {
            case .success(let bytes):
                // A sidecar sent along wins; without one (or with null) it is looked for beside the file.
                let sent = object["sidecar"].map { !($0 is NSNull) } ?? false
                return load(bytes: bytes, relativePath: path, kind: kind,
                            sidecar: sent ? .content(sidecar) : .files(absolutePath: file, known: nil))
            case .failure(.system(let reason)):
                return .failure(IngestError(file: path, line: nil, reason: "cannot be read from \(file) (\(reason))"))
            case .failure(.tooLarge(let size)):
                return .failure(tooLarge(path, size))
            }
        }
        guard let encoded = object["bytes_base64"] as? String, let raw = Data(base64Encoded: encoded) else {
            return .failure(IngestError(file: "stdin", line: line, reason: "an envelope needs bytes_base64 (the file's bytes) or record (a JSONL line), or --corpus-root for corpus_file to be read from"))
        }
        return load(bytes: [UInt8](raw), relativePath: path, sidecar: sidecar)
    }

    private static let corpusFileMarker = Array("\"corpus_file\"".utf8)

    /// Makes a JSONL id safe as a file name: no separators, no dot-only names, no control characters.
    static func sanitise(_ id: String) -> String {
        var s = String(id.unicodeScalars.map { c -> Character in
            (c == "/" || c == "\\" || c == ":" || c.properties.generalCategory == .control) ? "_" : Character(c)
        })
        if s.isEmpty || s == "." || s == ".." { s = "_" + s }
        return String(s.prefix(200))
    }
}

/// Reads a file line by line in bounded memory, giving each line's bytes and 1-based number.
public struct LineReader {
    public static func forEachLine(path: String, _ body: (ArraySlice<UInt8>, Int) throws -> Void) throws {
        try forEachLine(path: path) { line, number, _ in try body(line, number) }
    }

    /// The same, with each line's byte offset in the file (to find that line again later).
    public static func forEachLine(path: String, _ body: (ArraySlice<UInt8>, Int, UInt64) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError(file: path, line: nil, reason: "cannot be read")
        }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var number = 0
        var base: UInt64 = 0  // file offset of pending's first byte
        while true {
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            var start = pending.startIndex
            while let nl = pending[start...].firstIndex(of: 0x0A) {
                number += 1
                var line = pending[start..<nl]
                if line.last == 0x0D { line = line.dropLast() }
                try body(line, number, base + UInt64(start))
                start = nl + 1
            }
            pending.removeSubrange(pending.startIndex..<start)
            base += UInt64(start)
        }
        if !pending.isEmpty { number += 1; try body(pending[...], number, base) }
    }
}
