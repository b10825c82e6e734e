import Foundation
import PackagePlugin

/// Compiles the package's `Lexicons/` folder into the target it is applied to (Framescope), so
/// the binary runs from any directory and on nodes that have no copy of the repository. Every
/// lexicon file and every folder under Lexicons/ is an input of the build command: editing a
/// file changes its time stamp, adding one changes its folder's, and either regenerates the
/// Swift source before the next compile. The tool lists the folder itself when it runs, because
/// SwiftPM reuses the commands planned here until the package's structure changes.
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "Lexicons")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInLexicons+Data.swift")
        let (files, folders) = Self.lexiconFiles(under: root)
        return [
            .buildCommand(
                displayName: "Embedding the lexicon files into \(target.name)",
                executable: try context.tool(named: "embed-lexicons").url,
                arguments: [output.path(percentEncoded: false), root.path(percentEncoded: false)],
                inputFiles: [root] + folders.map { root.appending(path: $0) } + files.map { root.appending(path: $0) },
                outputFiles: [output]
            ),
        ]
    }

    /// Relative paths of every `*.tsv` under `root` at any depth, and of every folder (hidden
    /// files and folders skipped).
    static func lexiconFiles(under root: URL) -> (files: [String], folders: [String]) {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root.path(percentEncoded: false)) else { return ([], []) }
        var files: [String] = [], folders: [String] = []
        while let relative = walker.nextObject() as? String {
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root.appending(path: relative).path(percentEncoded: false), isDirectory: &isDir) else { continue }
            if isDir.boolValue { folders.append(relative) } else if relative.hasSuffix(".tsv") { files.append(relative) }
        }
        return (files.sorted(), folders.sorted())
    }
}
