import ArgumentParser

struct CommitmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "commitment",
        commandName: "commitment", abstract: "Targets of every plan (plan-level and action-level) and their measured values.",
        subcommands: [
            CommitmentListCommand.self, CommitmentShowCommand.self, CommitmentRecordCommand.self, CommitmentCorrectCommand.self,
            CommitmentAddCommand.self,
        ])
}
