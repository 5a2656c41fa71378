import ArgumentParser
import Tracker

struct ActionShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "action show",
        commandName: "show", abstract: "One action: its text, vision, commitments, source quote and update timeline.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "The action's number.", transform: Parse.actionNumber)
    var number: Checked<Int>

    mutating func validate() throws { _ = try number.get(.action) }

    func run() throws {
        let detail = try global.open(.readOnly).action(try number.get(.action), plan: planOptions.plan)
        let fields: [(String, String?)] = [
            ("number", String(detail.number)), ("title", detail.title), ("title_en", detail.titleEn),
            ("vision", detail.vision), ("text", detail.body),
            ("source", detail.document.map { doc in "\(doc)" + (detail.sourceLine.map { ":\($0)" } ?? "") }),
            ("quote", detail.sourceQuote),
        ]
        let summary = ResultTable(fields: fields)
        Console.printSections([("Action", summary), ("Commitments", detail.commitments), ("Timeline", detail.timeline),
                                ("Sessions", detail.sessions)], as: output.format)
    }
}
