import ArgumentParser
import Tracker

struct CommitmentListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "commitment list",
        commandName: "list",
        abstract: "Every target with its latest actual, percent, pace, projected date and status, as of a date.",
        discussion: """
            Without --plan, the targets of every plan. Statuses: met, on-track, at-risk, missed, no-data; \
            for date-only deliverables done, open, missed. The same figures as the commitment_progress view.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(name: CommandOption.plan.name, help: ArgumentHelp("Only this plan's targets.", valueName: "slug")) var plan: String?
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let tracker = try global.open(.readOnly)
        Console.print(ResultTable(try tracker.commitmentProgress(plan: plan, asOf: asOf.date)), as: output.format)
    }
}

extension CommitmentListCommand: FastCommand, FastInvocation {
    static let shape = CommandShape(path: ["commitment", "list"], options: CommandShape.listingOptions + [.plan, .asOf], positionals: 0...0)

    static func invocation(_ arguments: RecognisedArguments) throws -> any FastInvocation {
        var command = Self()
        command.global = try GlobalOptions(arguments)
        command.plan = arguments[.plan]
        command.asOf = try AsOfOptions(arguments)
        command.output = try FormatOptions(arguments)
        return command
    }
}
