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
    @Option(name: CommitmentListCommand.declared(.plan), help: ArgumentHelp("Only this plan's targets.", valueName: "slug")) var plan: String?
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var output: FormatOptions

    var invocation: ReadInvocation { ReadInvocation(.commitmentList, global: global, plan: plan, asOf: asOf, output: output) }

    func run() throws { try invocation.run() }

    static func run(_ invocation: ReadInvocation) throws {
        let tracker = try invocation.open()
        Console.print(ResultTable(try tracker.commitmentProgress(plan: invocation.plan, asOf: invocation.date)), as: invocation.output)
    }
}

extension CommitmentListCommand: OptionTable {
    static let options: [CommandOption] = [.plan]
}

extension CommitmentListCommand: DatedListing {
    // Its own --plan (other help) in place of PlanOptions.
    static let shape = CommandShape(
        path: ["commitment", "list"], tables: [GlobalOptions.self, Self.self, AsOfOptions.self, FormatOptions.self],
        positionals: 0...0)
    static let listing = ReadInvocation.Command.commitmentList
}
