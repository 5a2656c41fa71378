import ArgumentParser
import Tracker

struct ProgressAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record a progress update against action N; prints the new id.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions

    @Argument(help: "The action's number.")
    var action: String

    @Argument(help: "What happened.")
    var note: String

    @OptionGroup var fields: ProgressFieldOptions

    func validate() throws {
        _ = try parseActionNumber(action)
        _ = try parseNote(note)
    }

    func run() throws {
        let parsed = try fields.parsed()
        let tracker = try global.open(.existing)
        let id = try tracker.db.inTransaction(.immediate) {
            let plan = try PlanScope.resolve(planOptions.plan, in: tracker.db)
            return try ProgressLog(db: tracker.db, plan: plan).add(ProgressEntry(
                actionNumber: try parseActionNumber(action), note: note, status: parsed.status ?? .inProgress,
                reportedOn: parsed.date ?? .today(), percent: parsed.percent, evidenceURL: parsed.evidence,
                author: fields.author ?? ProgressFieldOptions.defaultAuthor, commitmentSlug: fields.commitment))
        }
        Console.line(String(id))
    }
}
