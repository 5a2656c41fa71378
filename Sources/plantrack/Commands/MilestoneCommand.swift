import ArgumentParser
import Tracker

struct MilestoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "milestone",
        commandName: "milestone", abstract: "Targets counted in training sessions, such as the 2025 training programme.",
        subcommands: [MilestoneListCommand.self, MilestoneAddCommand.self])
}

struct MilestoneListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "milestone list",
        commandName: "list",
        abstract: "Each milestone: target, due date, done so far, pace, projected completion, status.",
        discussion: "The rules of `commitment list`: met (target reached by the due date), on-track (the pace so far projects completion by it), at-risk (projects later), missed (due date passed short of target).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var output: FormatOptions

    var invocation: ReadInvocation { ReadInvocation(.milestoneList, global: global, plan: planOptions.plan, asOf: asOf, output: output) }

    func run() throws { try invocation.run() }

    static func run(_ invocation: ReadInvocation) throws {
        let milestones = try invocation.open().milestones(plan: invocation.plan, asOf: invocation.date)
        Console.print(ResultTable(milestones), as: invocation.output)
    }
}

extension MilestoneListCommand: DatedListing {
    static let shape = CommandShape.datedListing(["milestone", "list"])
    static let listing = ReadInvocation.Command.milestoneList
}
