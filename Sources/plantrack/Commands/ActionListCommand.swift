import ArgumentParser
import Tracker

struct ActionListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "action list",
        commandName: "list", abstract: "Each action: number, title, current status, last update, update count.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let actions = try global.open(.readOnly).actionStatus(plan: planOptions.plan, asOf: asOf.date)
        Console.print(ResultTable(actions), as: output.format)
    }
}
