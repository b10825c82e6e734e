import Foundation
import Synchronization

/// Writes files so that a reader (or an interrupted run) never sees a partial one: the bytes go
/// to a temporary file in a scratch folder on the same file system, then `rename(2)` moves it
/// into place in one step.
public struct AtomicWriter: Sendable {
    /// Scratch folder for temporary files; emptied at the start of each run.
    public let scratch: String

    public init(scratch: String) { self.scratch = scratch }

    public enum WriteError: Error, CustomStringConvertible {
        case io(path: String, reason: String)
        public var description: String {
            switch self { case .io(let path, let reason): return "\(path): \(reason)" }
        }
    }

    public func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        try write(to: path) { (append: (ArraySlice<UInt8>) throws(WriteError) -> Void) throws(WriteError) in try append(bytes[...]) }
    }

    /// Writes a file in pieces (a large file need not be in memory at once): `body` calls
    /// `append` with each piece; the file appears at `path` only when `body` returns.
    public func write(to path: String,
                      _ body: (_ append: (ArraySlice<UInt8>) throws(WriteError) -> Void) throws(WriteError) -> Void) throws(WriteError) {
        try writeFile(path) { (file: OpenFile) throws(WriteError) in
            // Small pieces are gathered into 64 KiB writes; large ones go straight through.
            var buffer: [UInt8] = []
            try body { (piece: ArraySlice<UInt8>) throws(WriteError) in
                if buffer.count + piece.count > (1 << 16) { try file.put(buffer[...]); buffer.removeAll(keepingCapacity: true) }
                if piece.count >= (1 << 16) { try file.put(piece) } else { buffer += piece }
            }
            try file.put(buffer[...])
        }
    }

    /// Writes a file from pieces that are each written as they come (no gathering, no copy):
    /// for a caller whose pieces are already large, such as the JSON writer's 64 KiB flushes.
    /// A piece need only be valid during the call.
    public func write(to path: String,
                      pieces body: (_ put: (UnsafeRawBufferPointer) throws(WriteError) -> Void) throws(WriteError) -> Void) throws(WriteError) {
        try writeFile(path) { (file: OpenFile) throws(WriteError) in try body(file.put) }
    }

    /// The temporary file being written, and the path it is for (named in errors).
    fileprivate struct OpenFile {
        let fd: Int32
        let path: String

        func put(_ raw: UnsafeRawBufferPointer) throws(WriteError) {
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { throw .io(path: path, reason: String(cString: strerror(errno))) }
                offset += n
            }
        }

        func put(_ piece: ArraySlice<UInt8>) throws(WriteError) {
            let failed: WriteError? = piece.withUnsafeBytes { raw in
                do throws(WriteError) { try put(raw); return nil } catch { return error }
            }
            if let failed { throw failed }
        }
    }

    /// Temporary names are this process's random tag and a counter: unique among concurrent runs
    /// sharing a scratch folder, without the three system calls (`/dev/urandom`) of a UUID per file.
    private static let processTag = UUID().uuidString
    private static let sequence = Atomic<Int>(0)

    /// A file being written that appears at `path` only on `commit()`: for a caller writing
    /// several files at once (the JSON-lines parts beside `documents.jsonl`).
    public struct PendingFile {
        fileprivate let file: OpenFile
        fileprivate let temp: String
        /// Bytes written so far.
        public private(set) var size = 0

        public mutating func append(_ raw: UnsafeRawBufferPointer) throws(WriteError) {
            try file.put(raw)
            size += raw.count
        }

        public mutating func append(_ piece: ArraySlice<UInt8>) throws(WriteError) {
            try file.put(piece)
            size += piece.count
        }

        /// Closes the file and moves it into place.
        public func commit() throws(WriteError) {
            close(file.fd)
            try AtomicWriter.moveIntoPlace(temp, file.path)
        }

        /// Closes and removes the temporary file (after an error).
        public func discard() {
            close(file.fd)
            unlink(temp)
        }
    }

    /// Starts a file for `path` in the scratch folder; nothing appears at `path` until `commit()`.
    public func begin(_ path: String) throws(WriteError) -> PendingFile {
        let temp = "\(scratch)/\(Self.processTag)-\(Self.sequence.wrappingAdd(1, ordering: .relaxed).newValue).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .io(path: temp, reason: String(cString: strerror(errno))) }
        return PendingFile(file: OpenFile(fd: fd, path: path), temp: temp)
    }

    /// Runs `body` on a temporary file, then moves it to `path`; on an error, removes it.
    private func writeFile(_ path: String, _ body: (OpenFile) throws(WriteError) -> Void) throws(WriteError) {
        let pending = try begin(path)
        do {
            try body(pending.file)
        } catch {
            pending.discard()
            throw error
        }
        try pending.commit()
    }

    /// Renames `temp` to `path`. The folder is created only when the rename finds it missing:
    /// one system call per file in the common case instead of a stat per path component.
    fileprivate static func moveIntoPlace(_ temp: String, _ path: String) throws(WriteError) {
        if rename(temp, path) == 0 { return }
        if errno == ENOENT {
            let directory = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                unlink(temp)
                throw .io(path: directory, reason: "cannot create folder (\(error.localizedDescription))")
            }
        }
        guard rename(temp, path) == 0 else {
            let r = String(cString: strerror(errno))
            unlink(temp)
            throw .io(path: path, reason: r)
        }
    }
}
