import ArgumentParser
import Tracker

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "report",
        commandName: "report", abstract: "Built-in reports; without NAME, lists them with a one-line description.",
        discussion: "Reports: \(Report.names). --as-of applies to all but indicators and sources, which describe the documents.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: ArgumentHelp("The report to run.", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("stale: days without an update before an action counts as stale (default 90).", valueName: "days"))
    var days: String?

    func validate() throws {
        guard let name else { return }
        let report = try Report.named(name)
        if days != nil, report != .stale { throw TrackerError("--days applies only to the stale report") }
        _ = try staleDays()
    }

    func staleDays() throws -> Int {
        guard let days else { return ReportParameters.defaultStaleDays }
        guard let value = Int(days), value >= 0 else { throw TrackerError("--days: '\(days)' is not a whole number of days (0 or more)") }
        return value
    }

    func run() throws {
        guard let name else {
            Console.print(Report.catalog, as: output.format)
            return
        }
        let report = try Report.named(name)
        let tracker = try global.open(.readOnly)
        let plan = try PlanScope.resolve(planOptions.plan, in: tracker.db)
        let sections = try report.run(
            in: tracker.db, plan: plan, parameters: ReportParameters(asOf: asOf.date, staleDays: try staleDays()))
        if sections.count == 1 {
            Console.print(sections[0].table, as: output.format)
        } else {
            Console.printSections(sections.map { ($0.title, $0.table) }, as: output.format)
        }
    }
}
