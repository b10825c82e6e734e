import Foundation

/// `annotate --format jsonl`: the full reference documents as lines of a few large files
/// (`documents-full/part-00000.jsonl`, …) instead of one file each, because cluster file systems
/// (Lustre, GPFS, HDFS, S3) handle millions of small files worst. Workers append their lines to
/// one scratch file each (no lock, no temporary file per document); the run's end copies them
/// into the parts in `documents.jsonl` order (by id), so the bytes do not depend on `--jobs`, and
/// points each summary line at its full line (`doc`, `doc_offset`).
enum FullLines {
    static let folder = "documents-full"

    /// The relative path of part `n`.
    static func partName(_ n: Int) -> String { folder + "/part-" + String(format: "%05d", n) + ".jsonl" }

    /// A summary line with its `doc` field set to `doc` and a `doc_offset` after it (replacing
    /// any there). Summary lines always start `{"id":…,"path":…,"doc":"…"`, and inside a JSON
    /// string every quote is escaped, so the first `,"doc":"` is the field.
    static func relocate(summary line: [UInt8], doc: String, offset: Int) -> [UInt8] {
        let key = Array(",\"doc\":\"".utf8)
        guard let start = firstIndex(of: key, in: line[...]) else { return line }
        var i = start + key.count
        while i < line.count, line[i] != UInt8(ascii: "\"") { i += line[i] == UInt8(ascii: "\\") ? 2 : 1 }
        var end = min(i + 1, line.count)
        let offsetKey = Array(",\"doc_offset\":".utf8)
        if line[end...].starts(with: offsetKey) {
            end += offsetKey.count
            while end < line.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[end]) { end += 1 }
        }
        var json = JSONWriter(indent: 0)
        json.string(doc)
        return Array(line[..<start]) + Array(",\"doc\":".utf8) + json.bytes + Array(",\"doc_offset\":\(offset)".utf8) + Array(line[end...])
    }

    static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        while i <= haystack.endIndex - needle.count {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Where a summary line says its full line is: a JSON-lines file (relative to the annotation
    /// folder) and the byte offset of the line in it; nil for a line that points at a per-document file.
    static func location(inSummary line: [UInt8]) -> (doc: String, offset: UInt64)? {
        // Only the two fields are decoded (the rest of the line is checked, not built).
        struct Summary: Decodable { var doc: String; var doc_offset: UInt64? }
        guard let summary = try? JSONDecoder().decode(Summary.self, from: Data(line)), let offset = summary.doc_offset else { return nil }
        return (summary.doc, offset)
    }

    /// Reads from `offset` of `fd` to the end of that line (its newline excluded), handing the
    /// bytes over in pieces; false when the file ends first (a truncated part).
    static func copyLine(fd: Int32, offset: UInt64, limit: Int? = nil,
                         to sink: (UnsafeRawBufferPointer) throws(AtomicWriter.WriteError) -> Void) throws(AtomicWriter.WriteError) -> Bool {
        // Sized to the line when its length is known (most are a few KB): a zero-filled 1 MiB
        // buffer per document was 6% of a JSON-lines run's instructions, all of it memset.
        let size = min(limit.map { $0 + 1 } ?? (1 << 16), 1 << 20)
        var buffer = [UInt8](unsafeUninitializedCapacity: size) { _, count in count = size }
        var position = off_t(offset)
        var remaining = limit ?? Int.max
        while remaining > 0 {
            let want = min(buffer.count, remaining)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, want, position) }
            if n <= 0 { return false }
            let failed: AtomicWriter.WriteError? = buffer.withUnsafeBytes { raw in
                let chunk = UnsafeRawBufferPointer(rebasing: raw[0..<n])
                let end = limit == nil ? (chunk.firstIndex(of: 0x0A) ?? n) : n
                do throws(AtomicWriter.WriteError) { try sink(UnsafeRawBufferPointer(rebasing: chunk[0..<end])) } catch { return error }
                if end < n { remaining = 0 }
                return nil
            }
            if let failed { throw failed }
            if remaining == 0 { return true }
            position += off_t(n)
            remaining -= n
        }
        return true
    }

    /// The part files of the previous run, opened at the start: the run's end replaces them
    /// (rename), and the open descriptors keep reading the old lines that unchanged documents copy.
    final class PreviousParts: @unchecked Sendable {
        private var fds: [String: Int32] = [:]

        init(output: String) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: output + "/" + FullLines.folder)) ?? []
            for name in names where name.hasPrefix("part-") && name.hasSuffix(".jsonl") {
                let fd = open(output + "/" + FullLines.folder + "/" + name, O_RDONLY)
                if fd >= 0 { fds[FullLines.folder + "/" + name] = fd }
            }
        }

        func fd(_ doc: String) -> Int32? { fds[doc] }

        /// The first 4 KiB of the line at `offset` of `doc` (the cache-key fields are there).
        func head(_ doc: String, offset: UInt64) -> [UInt8]? {
            guard let fd = fds[doc] else { return nil }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
            return n > 0 ? Array(buffer[0..<n]) : nil
        }

        func close() {
            for fd in fds.values { _ = Foundation.close(fd) }
            fds = [:]
        }
    }

    /// One worker's scratch file of full lines (written by that worker only, read at the end).
    final class WorkerFile: @unchecked Sendable {
        let worker: Int
        let path: String
        let fd: Int32
        private(set) var offset: UInt64 = 0

        init(worker: Int, path: String) {
            self.worker = worker
            self.path = path
            fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o644)
        }

        /// Writes one document's line (the writer's pieces, ending with its newline) and says where it is.
        func append(_ body: ((UnsafeRawBufferPointer) throws(AtomicWriter.WriteError) -> Void) throws(AtomicWriter.WriteError) -> Void)
            throws(AtomicWriter.WriteError) -> SummaryIndex.FullLine {
            guard fd >= 0 else { throw .io(path: path, reason: "cannot be opened") }
            let start = offset
            do {
                try body { (raw: UnsafeRawBufferPointer) throws(AtomicWriter.WriteError) in
                    var done = 0
                    while done < raw.count {
                        let n = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(offset))
                        if n <= 0 { throw .io(path: path, reason: String(cString: strerror(errno))) }
                        done += n
                        offset += UInt64(n)
                    }
                }
            } catch {
                offset = start  // the next line overwrites the partial one
                throw error
            }
            return SummaryIndex.FullLine(worker: worker, offset: start, length: Int(offset - start) - 1)
        }

        func close() { if fd >= 0 { _ = Foundation.close(fd) } }
    }

    /// The parts being written at the run's end, in `documents.jsonl` order.
    struct PartWriter {
        let writer: AtomicWriter
        let output: String
        let bound: Int
        var current: AtomicWriter.PendingFile?
        var count = 0

        init(writer: AtomicWriter, output: String, bound: Int) {
            self.writer = writer
            self.output = output
            self.bound = max(1, bound)
        }

        /// Appends one full line (written by `copy`, without newline) and returns the summary
        /// line pointed at it. A part is closed once it reaches the bound.
        mutating func add(summary: [UInt8], copy: (inout AtomicWriter.PendingFile) throws(AtomicWriter.WriteError) -> Void)
            throws(AtomicWriter.WriteError) -> [UInt8] {
            if current == nil { current = try writer.begin(output + "/" + FullLines.partName(count)) }
            let offset = current!.size
            let relocated = FullLines.relocate(summary: summary, doc: FullLines.partName(count), offset: offset)
            try copy(&current!)
            try current!.append([0x0A][...])
            if current!.size >= bound { try close() }
            return relocated
        }

        private mutating func close() throws(AtomicWriter.WriteError) {
            guard let file = current else { return }
            current = nil
            count += 1
            try file.commit()
        }

        /// Closes the last part (before `documents.jsonl`, which points into it, is moved into place).
        mutating func finish() throws(AtomicWriter.WriteError) { try close() }

        /// Removes the parts of an earlier run beyond the last one written (after `documents.jsonl`
        /// no longer points at them).
        func removeStale() {
            let folder = output + "/" + FullLines.folder
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            where name.hasPrefix("part-") && name.hasSuffix(".jsonl") {
                if let n = Int(name.dropFirst(5).dropLast(6)), n >= count { unlink(folder + "/" + name) }
            }
        }

        func discard() { current?.discard() }
    }
}
