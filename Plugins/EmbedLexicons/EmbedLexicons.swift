import Foundation
import PackagePlugin

/// Compiles the package's `Lexicons/` folder into the target it is applied to (Framescope), so
/// the binary runs from any directory and on nodes that have no copy of the repository. Every
/// lexicon file is an input of the build command: editing, adding or removing one regenerates
/// the Swift source before the next compile.
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "Lexicons")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInLexicons+Data.swift")
        let files = Self.lexiconFiles(under: root)
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) lexicon files into \(target.name)",
                executable: try context.tool(named: "embed-lexicons").url,
                arguments: [output.path(percentEncoded: false), root.path(percentEncoded: false)] + files,
                inputFiles: files.map { root.appending(path: $0) },
                outputFiles: [output]
            ),
        ]
    }

    /// Relative paths of every `*.tsv` under `root` at any depth (hidden files and folders
    /// skipped), sorted so the generated source does not depend on directory order.
    static func lexiconFiles(under root: URL) -> [String] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root.path(percentEncoded: false)) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let parts = relative.split(separator: "/")
            guard !parts.contains(where: { $0.hasPrefix(".") }), relative.hasSuffix(".tsv") else { continue }
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: root.appending(path: relative).path(percentEncoded: false), isDirectory: &isDir), !isDir.boolValue {
                found.append(relative)
            }
        }
        return found.sorted()
    }
}
