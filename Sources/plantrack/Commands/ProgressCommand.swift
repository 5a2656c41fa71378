import ArgumentParser

struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "progress",
        commandName: "progress", abstract: "Progress updates against the plan's actions (append-only).",
        subcommands: [ProgressAddCommand.self, ProgressListCommand.self, ProgressCorrectCommand.self, ProgressImportCommand.self])
}
