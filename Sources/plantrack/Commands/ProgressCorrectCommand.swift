import ArgumentParser
import Tracker

struct ProgressCorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "progress correct",
        commandName: "correct",
        abstract: "Record a correction that supersedes update ID; nothing is overwritten.",
        discussion: "Fields not given are kept from the update being corrected. Prints the new id.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions

    @Argument(help: "The id of the update to correct.")
    var id: String

    @Argument(help: "The corrected note (default: the original's).")
    var note: String?

    @OptionGroup var fields: ProgressFieldOptions

    func validate() throws {
        guard let id = Int64(id), id > 0 else { throw TrackerError("id: '\(id)' is not an update id") }
        if let note { _ = try parseNote(note) }
    }

    func run() throws {
        let parsed = try fields.parsed()
        let tracker = try global.open(.existing)
        let newID = try tracker.db.inTransaction(.immediate) {
            let plan = try PlanScope.resolve(planOptions.plan, in: tracker.db)
            return try ProgressLog(db: tracker.db, plan: plan).correct(id: Int64(id)!, with: ProgressCorrection(
                note: note, status: parsed.status, reportedOn: parsed.date, percent: parsed.percent,
                evidenceURL: parsed.evidence, author: fields.author, commitmentSlug: fields.commitment))
        }
        Console.line(String(newID))
    }
}
