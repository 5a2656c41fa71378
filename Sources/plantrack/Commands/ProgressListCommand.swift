import ArgumentParser
import Tracker

struct ProgressListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "progress list", commandName: "list", abstract: "Progress updates, newest first.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var output: FormatOptions

    @Option(help: "Only updates of this action.", transform: Parse.actionNumber) var action: Checked<Int>?
    @Option(help: "Only updates with this status.", completion: Completions.statuses, transform: Parse.status) var status: Checked<Status>?
    @Option(help: ArgumentHelp("Only updates reported on or after this date.", valueName: "date"), transform: Parse.date)
    var since: Checked<ISODate>?
    @Option(help: ArgumentHelp("Only updates reported on or before this date.", valueName: "date"), transform: Parse.date)
    var until: Checked<ISODate>?

    func filter() throws -> ProgressFilter {
        ProgressFilter(
            actionNumber: try action.get(.action), status: try status.get(.status), since: try since.get(.since),
            until: try until.get(.until))
    }

    mutating func validate() throws { _ = try filter() }

    func run() throws {
        let updates = try global.open(.readOnly).progressUpdates(plan: planOptions.plan, filter())
        Console.print(ResultTable(updates), as: output.format)
    }
}
