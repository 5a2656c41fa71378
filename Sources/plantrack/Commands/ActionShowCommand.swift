import ArgumentParser
import Tracker

struct ActionShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "action show",
        commandName: "show", abstract: "One action: its text, vision, commitments, source quote and update timeline.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "The action's number, or its label as printed in the plan (二（一）3).", transform: Parse.actionReference)
    var number: Checked<ActionReference>

    mutating func validate() throws { _ = try number.get(.action) }

    func run() throws {
        let detail = try global.open(.readOnly).action(try number.get(.action), plan: planOptions.plan)
        // A plan read from its outline also shows the action's printed label and place in it.
        let outline: [(String, String?)] = (detail.label.map { [("label", $0)] } ?? []) + (detail.outlinePath.map { [("outline", $0)] } ?? [])
        let fields: [(String, String?)] = [
            ("number", String(detail.number)), ("title", detail.title), ("title_en", detail.titleEn)] + outline + [
            ("vision", detail.vision), ("text", detail.body),
            ("source", detail.document.map { doc in "\(doc)" + (detail.sourceLine.map { ":\($0)" } ?? "") }),
            ("quote", detail.sourceQuote),
        ]
        let summary = ResultTable(fields: fields)
        Console.printSections([("Action", summary), ("Commitments", detail.commitments), ("Timeline", detail.timeline),
                                ("Sessions", detail.sessions)], as: output.format)
    }
}
