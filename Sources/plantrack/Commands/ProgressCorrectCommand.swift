import ArgumentParser
import Tracker

struct ProgressCorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "progress correct",
        commandName: "correct",
        abstract: "Record a correction that supersedes update ID; nothing is overwritten.",
        discussion: "Fields not given are kept from the update being corrected. Prints the new id.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions

    @Argument(help: "The id of the update to correct.", transform: Parse.updateID)
    var id: Checked<Int64>

    @Argument(help: "The corrected note (default: the original's).", transform: Parse.note)
    var note: Checked<String>?

    @OptionGroup var fields: ProgressFieldOptions

    func request() throws -> CorrectProgressRequest {
        let values = try fields.fields.values()
        return CorrectProgressRequest(
            plan: planOptions.plan, update: try id.get(.update),
            changes: ProgressCorrection(
                note: try note.get(.note), status: values.status, reportedOn: values.date, percent: values.percent,
                evidenceURL: values.evidence, author: values.author, commitmentSlug: fields.commitment))
    }

    mutating func validate() throws { _ = try request() }

    func run() throws {
        Console.line(String(try global.open(.existing).correctProgress(request())))
    }
}
