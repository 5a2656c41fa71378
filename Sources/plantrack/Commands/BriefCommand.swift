import ArgumentParser
import Presentation
import Tracker

extension BriefFormat: ExpressibleByArgument {}

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "brief",
        commandName: "brief",
        abstract: "A one-page briefing: status by vision, every target, what changed, overdue and stale items.",
        discussion: """
            Markdown (default) pastes into a memo or a chat; --format html is one self-contained page \
            with the milestone chart. --since defaults to 30 days before --as-of; stale means no update \
            for over 90 days, as in `plantrack report stale`.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var language: LanguageOptions

    @Option(help: ArgumentHelp("What changed: updates reported on or after this date (default: 30 days before --as-of).", valueName: "date"), transform: Parse.date)
    var since: Checked<ISODate>?

    @Option(help: "markdown or html.")
    var format: BriefFormat = .markdown

    func validate() throws {
        if let start = try since.get(.since), start > asOf.date {
            throw CommandLineError(message: "--since: \(start) is after --as-of \(asOf.date)")
        }
    }

    func run() throws {
        let tracker = try global.open(.readOnly)
        let brief = try tracker.brief(plan: planOptions.plan, asOf: asOf.date, since: try since.get(.since))
        Console.write(brief.render(as: format, language: language.lang))
    }
}
