import ArgumentParser

struct TrainingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "training",
        commandName: "training", abstract: "Training and workshop sessions held (append-only).",
        subcommands: [TrainingAddCommand.self, TrainingListCommand.self, TrainingCorrectCommand.self, TrainingWithdrawCommand.self])
}
