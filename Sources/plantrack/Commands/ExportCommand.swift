import ArgumentParser
import Presentation
import Tracker

/// Every built-in report in one Excel workbook, a sheet each.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "export",
        commandName: "export",
        abstract: "Write every report to an Excel workbook: a sheet per report, typed cells, frozen headers.",
        discussion: "Sheets: \(Report.names) (the milestone report has two: milestones and sessions).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var asOf: AsOfOptions

    @Option(help: ArgumentHelp("The workbook to write (replaced if it exists; written whole or not at all).", valueName: "file.xlsx"))
    var xlsx: String

    @Option(name: CommandOption.days.name, help: ArgumentHelp("The stale sheet: days without an update before an action counts as stale (default 90).", valueName: "days"), transform: Parse.days)
    var days: Checked<Int>?

    mutating func validate() throws {
        _ = try days.get(.days)
        if xlsx.isEmpty { throw CommandLineError(message: "--xlsx: the file name is empty") }
    }

    func run() throws {
        let tracker = try global.open(.readOnly)
        let parameters = ReportParameters(asOf: asOf.date, staleDays: try days.get(.days) ?? ReportParameters.defaultStaleDays)
        var tables: [(title: String, table: ResultTable)] = []
        for report in Report.allCases {
            let sections = try tracker.run(report, plan: planOptions.plan, parameters: parameters)
            for section in sections {
                let title = sections.count == 1 ? report.rawValue : "\(report.rawValue) \(section.title.lowercased())"
                tables.append((title, section.table))
            }
        }
        try WorkbookOutput.write(Workbook(tables), to: xlsx, database: tracker.path)
        Console.line(xlsx)
    }
}
