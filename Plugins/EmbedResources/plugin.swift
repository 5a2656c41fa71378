import Foundation
import PackagePlugin

/// Compiles files into the target as string literals, so the installed binary needs no files
/// beside it: `Migrations/*.sql` and `Seeds/**` into Tracker, `Templates/**` (the web pages'
/// Mustache templates and stylesheet) into Presentation. Runs whenever one of those files changes.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL
        var arguments: [String] = []
        var inputs: [URL] = []
        let groups: [(group: String, folder: String, extensions: [String])] = target.name == "Presentation"
            ? [("templates", "Templates", ["mustache", "css"])]
            : [
                ("migrations", "Migrations", ["sql"]), ("seeds", "Seeds", ["txt", "md", "json"]),
                // The JSON API's OpenAPI document, served by the web app.
                ("api", "docs", ["json"]),
            ]
        for (group, folder, extensions) in groups {
            let base = root.appending(path: folder)
            for file in files(under: base) where extensions.contains(file.pathExtension) {
                let relative = String(file.path.dropFirst(base.path.count + 1))
                arguments.append("\(group)=\(relative)=\(file.path)")
                inputs.append(file)
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(groups.map(\.folder).joined(separator: " and ")) into \(target.name)",
                executable: try context.tool(named: "EmbedGenerator").url,
                arguments: [output.path, groups.map(\.group).joined(separator: ",")] + arguments,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func files(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey]
        ) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .map { $0.standardizedFileURL }
            .sorted { $0.path < $1.path }
    }
}
