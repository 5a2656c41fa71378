import ArgumentParser
import Tracker

struct TrainingListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "training list", commandName: "list", abstract: "Sessions, with the milestone they count toward.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        Console.print(try global.open(.readOnly).trainingSessions(plan: planOptions.plan), as: output.format)
    }
}
