import ArgumentParser
import Presentation
import Tracker

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "dashboard",
        commandName: "dashboard",
        abstract: "Write a self-contained HTML page with charts: actions, milestone, monthly updates, indicators.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var asOf: AsOfOptions

    @Option(help: ArgumentHelp("The HTML file to write (replaced if it exists).", valueName: "file.html"))
    var out: String

    @OptionGroup var language: LanguageOptions

    func run() throws {
        let tracker = try global.open(.readOnly)
        let page = DashboardPage.render(try tracker.dashboard(plan: planOptions.plan, asOf: asOf.date), language: language.lang)
        try AtomicFile.write(page, to: out, database: tracker.path)
        Console.line(out)
    }
}
