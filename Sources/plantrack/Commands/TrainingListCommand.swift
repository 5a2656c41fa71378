import ArgumentParser
import Tracker

struct TrainingListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Sessions, with the milestone they count toward.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let tracker = try global.open(.readOnly)
        let plan = try PlanScope.resolve(planOptions.plan, in: tracker.db)
        Console.print(try TrainingLog(db: tracker.db, plan: plan).list(), as: output.format)
    }
}
