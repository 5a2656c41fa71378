import ArgumentParser

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "action",
        commandName: "action", abstract: "The plan's actions and their status.",
        subcommands: [ActionListCommand.self, ActionShowCommand.self])
}
