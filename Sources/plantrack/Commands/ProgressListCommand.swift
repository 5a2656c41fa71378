import ArgumentParser
import Tracker

struct ProgressListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Progress updates, newest first.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var output: FormatOptions

    @Option(help: "Only updates of this action.") var action: String?
    @Option(help: "Only updates with this status.") var status: String?
    @Option(help: ArgumentHelp("Only updates reported on or after this date.", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("Only updates reported on or before this date.", valueName: "date")) var until: String?

    func validate() throws { _ = try filter() }

    func filter() throws -> ProgressFilter {
        var filter = ProgressFilter()
        filter.actionNumber = try action.map(parseActionNumber)
        if let status {
            do { filter.status = try FieldParser.status(status) } catch { throw TrackerError("--status: \(error.message)") }
        }
        filter.since = try since.map { try parseDate($0, option: "--since") }
        filter.until = try until.map { try parseDate($0, option: "--until") }
        return filter
    }

    func run() throws {
        let tracker = try global.open(.readOnly)
        let plan = try PlanScope.resolve(planOptions.plan, in: tracker.db)
        Console.print(try ProgressLog(db: tracker.db, plan: plan).list(filter()), as: output.format)
    }
}
