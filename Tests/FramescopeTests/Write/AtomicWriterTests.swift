import Foundation
import Testing
@testable import Framescope

@Suite("atomic writes")
struct AtomicWriterTests {
    func scratchFolder() throws -> String {
        let root = TestScratch.path("atomic")
        try FileManager.default.createDirectory(atPath: root + "/tmp", withIntermediateDirectories: true)
        return root
    }

    @Test("a file in folders that do not exist yet is written, and no temporary file is left")
    func createsFolders() throws {
        let root = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = AtomicWriter(scratch: root + "/tmp")
        try writer.write(Array("one".utf8), to: root + "/a/b/c.json")
        try writer.write(Array("two".utf8), to: root + "/a/b/c.json")  // replaces in place
        #expect(FileManager.default.contents(atPath: root + "/a/b/c.json") == Data("two".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/tmp") == [])
    }

    @Test("a folder that cannot be made is a clear error naming it, and leaves nothing behind")
    func failsClearly() throws {
        let root = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = FileManager.default.createFile(atPath: root + "/blocker", contents: Data("file".utf8))
        let writer = AtomicWriter(scratch: root + "/tmp")
        #expect { try writer.write(Array("x".utf8), to: root + "/blocker/inside/c.json") } throws: { error in
            "\(error)".contains("blocker")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/tmp") == [])
        #expect(FileManager.default.contents(atPath: root + "/blocker") == Data("file".utf8))
    }

    @Test("pieces of every size arrive in order through both piece APIs; an error part way leaves neither file nor temporary")
    func pieces() throws {
        let root = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = AtomicWriter(scratch: root + "/tmp")
        // Empty, small, just under, at and over the 64 KiB gathering size.
        let sizes = [0, 5, 65_535, 1, 65_536, 0, 70_000, 3]
        let chunks = sizes.enumerated().map { i, n in [UInt8](repeating: UInt8(65 + i), count: n) }
        let whole = chunks.flatMap { $0 }
        try writer.write(to: root + "/slices.bin") { (append: (ArraySlice<UInt8>) throws(AtomicWriter.WriteError) -> Void) throws(AtomicWriter.WriteError) in
            for c in chunks { try append(c[...]) }
        }
        try writer.write(to: root + "/raw.bin", pieces: { (put: (UnsafeRawBufferPointer) throws(AtomicWriter.WriteError) -> Void) throws(AtomicWriter.WriteError) in
            for c in chunks {
                let failed: AtomicWriter.WriteError? = c.withUnsafeBytes { raw in
                    do throws(AtomicWriter.WriteError) { try put(raw); return nil } catch { return error }
                }
                if let failed { throw failed }
            }
        })
        #expect(FileManager.default.contents(atPath: root + "/slices.bin") == Data(whole))
        #expect(FileManager.default.contents(atPath: root + "/raw.bin") == Data(whole))
        #expect {
            try writer.write(to: root + "/broken.bin", pieces: { (put: (UnsafeRawBufferPointer) throws(AtomicWriter.WriteError) -> Void) throws(AtomicWriter.WriteError) in
                whole.withUnsafeBytes { raw in _ = try? put(raw) }
                throw .io(path: root + "/broken.bin", reason: "stopped by the test")
            })
        } throws: { error in "\(error)".contains("stopped by the test") }
        #expect(!FileManager.default.fileExists(atPath: root + "/broken.bin"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/tmp") == [])
    }
}
