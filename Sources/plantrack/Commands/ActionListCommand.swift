import ArgumentParser
import Tracker

struct ActionListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Each action: number, title, current status, last update, update count.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let tracker = try global.open(.readOnly)
        let plan = try PlanScope.resolve(planOptions.plan, in: tracker.db)
        Console.print(try StatusQueries(db: tracker.db, plan: plan).actionStatus(asOf: asOf.date), as: output.format)
    }
}
