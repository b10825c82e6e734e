import ArgumentParser
import Foundation
import Framescope

/// Writes `Sources/Framescope/Segment/BMPTables.swift`: the BMP tables of `Tokenizer` and
/// `ScriptClass` as run-length text, so that no process computes them from Unicode properties at
/// start-up. Run it again when the Swift toolchain's Unicode version changes; `BMPTablesTests`
/// fails until then.
struct UnicodeTables: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unicode-tables",
        abstract: "Regenerate the BMP word and punctuation tables (a source file of the Framescope target).")

    @Option(help: "The Swift file to write.")
    var output = "Sources/Framescope/Segment/BMPTables.swift"

    func run() throws {
        let source = BMPTableCoding.generatedSource()
        try source.write(toFile: output, atomically: true, encoding: .utf8)
        print("\(source.utf8.count) bytes → \(output)")
    }
}
