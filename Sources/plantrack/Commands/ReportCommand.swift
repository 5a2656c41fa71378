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

    @Argument(help: ArgumentHelp("The report to run.", valueName: "name"), completion: Completions.reports)
    var name: String?

    @Option(name: ReportCommand.declared(.days), help: ArgumentHelp("stale: days without an update before an action counts as stale (default 90).", valueName: "days"), transform: Parse.days)
    var days: Checked<Int>?

    mutating func validate() throws { try Self.validate(name: name, days: days) }

    static func validate(name: String?, days: Checked<Int>?) throws {
        guard let name else { return }
        let report = try checked { try Report.named(name) }
        if days != nil, report != .stale { throw CommandLineError(message: "--days applies only to the stale report") }
        _ = try days.get(.days)
    }

    var invocation: ReadInvocation {
        ReadInvocation(.report(name: name, days: days), global: global, plan: planOptions.plan, asOf: asOf, output: output)
    }

    func run() throws { try invocation.run() }

    static func run(_ invocation: ReadInvocation, name: String?, days: Checked<Int>?) throws {
        guard let name else {
            Console.print(Report.catalog, as: invocation.output)
            return
        }
        let parameters = ReportParameters(asOf: invocation.date, staleDays: try days.get(.days) ?? ReportParameters.defaultStaleDays)
        let sections = try invocation.open().run(try Report.named(name), plan: invocation.plan, parameters: parameters)
        if sections.count == 1 {
            Console.print(sections[0].table, as: invocation.output)
        } else {
            Console.printSections(sections.map { ($0.title, $0.table) }, as: invocation.output)
        }
    }
}

extension ReportCommand: OptionTable {
    static let options: [CommandOption] = [.days]
}

extension ReportCommand: FastCommand {
    static let shape = CommandShape(
        path: ["report"], tables: [GlobalOptions.self, PlanOptions.self, AsOfOptions.self, FormatOptions.self, Self.self],
        positionals: 0...1)

    static func invocation(_ arguments: RecognisedArguments) throws -> any FastInvocation {
        let name = arguments.positionals.first
        let days = arguments[.days].map(Parse.days)
        try validate(name: name, days: days)
        return try ReadInvocation(.report(name: name, days: days), arguments)
    }
}
