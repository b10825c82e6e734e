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
}
