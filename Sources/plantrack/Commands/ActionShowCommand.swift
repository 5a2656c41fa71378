import ArgumentParser
import Storage
import Tracker

struct ActionShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One action: its text, vision, commitments, source quote and update timeline.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "The action's number.")
    var number: String

    func validate() throws {
        do { _ = try FieldParser.actionNumber(number) } catch { throw TrackerError("action: \(error.message)") }
    }

    func run() throws {
        let tracker = try global.open(.readOnly)
        let plan = try PlanScope.resolve(planOptions.plan, in: tracker.db)
        let detail = try CatalogQueries(db: tracker.db).action(Int(number)!, of: plan)
        let fields: [(String, String?)] = [
            ("number", String(detail.number)), ("title", detail.title), ("title_en", detail.titleEn),
            ("vision", detail.vision), ("text", detail.body),
            ("source", detail.document.map { doc in "\(doc)" + (detail.sourceLine.map { ":\($0)" } ?? "") }),
            ("quote", detail.sourceQuote),
        ]
        let summary = ResultTable(
            columns: ["field", "value"],
            rows: fields.map { [.text($0.0), $0.1.map(DatabaseValue.text) ?? .null] })
        Console.printSections([("Action", summary), ("Commitments", detail.commitments), ("Timeline", detail.timeline)], as: output.format)
    }
}
