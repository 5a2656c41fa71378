import ArgumentParser
import Tracker

struct ActionListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "action list",
        commandName: "list", abstract: "Each action: number, title, current status, last update, update count.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var output: FormatOptions

    var invocation: ReadInvocation { ReadInvocation(.actionList, global: global, plan: planOptions.plan, asOf: asOf, output: output) }

    func run() throws { try invocation.run() }

    static func run(_ invocation: ReadInvocation) throws {
        let actions = try invocation.open().actionStatus(plan: invocation.plan, asOf: invocation.date)
        Console.print(ResultTable(actions), as: invocation.output)
    }
}

extension ActionListCommand: DatedListing {
    static let shape = CommandShape.datedListing(["action", "list"])
    static let listing = ReadInvocation.Command.actionList
}
