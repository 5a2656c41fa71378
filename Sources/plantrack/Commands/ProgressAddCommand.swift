import ArgumentParser
import Tracker

struct ProgressAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "progress add",
        commandName: "add", abstract: "Record a progress update against action N; prints the new id.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions

    @Argument(help: "The action's number.")
    var action: String

    @Argument(help: "What happened.")
    var note: String

    @OptionGroup var fields: ProgressFieldOptions

    var request: ProgressAddRequest {
        ProgressAddRequest(
            databasePath: global.databasePath, plan: planOptions.plan, action: action, note: note, fields: fields.values)
    }

    func validate() throws {
        try request.validate()
    }

    func run() throws {
        try request.run()
    }
}

/// One `progress add` as typed. Built by `ProgressAddCommand` and by `FastPath`, so both run the
/// same checks and the same transaction.
struct ProgressAddRequest: Equatable {
    var databasePath: String
    var plan: String?
    var action: String
    var note: String
    var fields: ProgressFields

    /// Everything that can be checked without the database.
    func validate() throws {
        _ = try parseActionNumber(action)
        _ = try parseNote(note)
        _ = try fields.parsed()
    }

    /// Writes the update in one `BEGIN IMMEDIATE` transaction and prints its id.
    func run() throws {
        let parsed = try fields.parsed()
        let tracker = try TrackerDatabase(path: databasePath, access: .existing)
        let id = try tracker.db.inTransaction(.immediate) {
            let plan = try PlanScope.resolve(self.plan, in: tracker.db)
            return try ProgressLog(db: tracker.db, plan: plan).add(ProgressEntry(
                actionNumber: try parseActionNumber(action), note: note, status: parsed.status ?? .inProgress,
                reportedOn: parsed.date ?? .today(), percent: parsed.percent, evidenceURL: parsed.evidence,
                author: fields.author ?? ProgressFields.defaultAuthor, commitmentSlug: fields.commitment))
        }
        Console.line(String(id))
    }
}
