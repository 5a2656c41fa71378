import ArgumentParser
import Tracker

struct TrainingAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record a held training or workshop session; prints its id.",
        discussion: "It counts toward --milestone (default: the plan's only milestone, training-2025) and adds a progress update to that milestone's action.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions

    @Option(help: "The session's title.") var title: String
    @Option(help: ArgumentHelp("First day, YYYY-MM-DD.", valueName: "date")) var start: String
    @Option(help: ArgumentHelp("Last day, YYYY-MM-DD (default: the first).", valueName: "date")) var end: String?
    @Option(help: "Where it was held.") var location: String
    @Option(help: "Who hosted it.") var host: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("How many took part.", valueName: "n")) var participants: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("How many countries they came from.", valueName: "n")) var countries: String?
    @Option(help: ArgumentHelp("An http(s) URL of the evidence.", valueName: "url")) var evidence: String?
    @Option(help: ArgumentHelp("The milestone it counts toward, by slug.", valueName: "slug")) var milestone: String?
    @Flag(help: "Held, but counts toward no milestone (e.g. the 2024 baseline workshop).") var baseline = false
    @Flag(help: "Record it even if a session in force has the same milestone, start and title.") var allowDuplicate = false
    @Option(help: ArgumentHelp("Author of the progress update it adds (default: $USER).", valueName: "name")) var author: String?

    func validate() throws { _ = try session() }

    func session() throws -> TrainingSession {
        guard !title.allSatisfy(\.isWhitespace) else { throw TrackerError("--title: the title is empty") }
        guard !location.allSatisfy(\.isWhitespace) else { throw TrackerError("--location: the location is empty") }
        if baseline, milestone != nil { throw TrackerError("--baseline: a baseline session counts toward no milestone; drop --milestone") }
        return TrainingSession(
            title: title,
            startedOn: try parseDate(start, option: "--start"),
            endedOn: try end.map { try parseDate($0, option: "--end") },
            location: location, host: host,
            participants: try parseOption(participants, "--participants", FieldParser.participants),
            countries: try parseOption(countries, "--countries", FieldParser.countries),
            evidenceURL: try parseOption(evidence, "--evidence", FieldParser.evidenceURL),
            milestoneSlug: milestone, isBaseline: baseline)
    }

    func run() throws {
        let session = try session()
        let tracker = try global.open(.existing)
        let id = try tracker.db.inTransaction(.immediate) {
            let plan = try PlanScope.resolve(planOptions.plan, in: tracker.db)
            return try TrainingLog(db: tracker.db, plan: plan).add(session, author: author ?? ProgressFields.defaultAuthor, allowDuplicate: allowDuplicate)
        }
        Console.line(String(id))
    }
}
