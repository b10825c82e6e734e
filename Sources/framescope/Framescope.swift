import ArgumentParser
import Foundation
import Framescope

/// The command-line front end. The library never prints; this target decides what goes to
/// stdout (results) and stderr (diagnostics, progress).
@main
struct FramescopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "framescope",
        abstract: "Annotate Chinese and English news: tokens, entities and framing.",
        version: FramescopeVersion.string,
        subcommands: [Annotate.self, Compare.self, Validate.self, Tokenize.self, Tag.self, Explain.self, LexiconCommand.self]
    )

    /// Bad arguments exit with 2 (not ArgumentParser's 64), as the documented contract says.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(code == .validationFailure || code.rawValue == 64 ? 2 : (error is CLIError ? 2 : 1))
        }
    }
}

/// A user-facing error: what went wrong and what to do.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
