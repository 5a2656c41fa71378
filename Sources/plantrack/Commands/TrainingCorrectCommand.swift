import ArgumentParser
import Tracker

struct TrainingCorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Record a corrected copy of session ID that replaces it at every date; prints the new id.",
        discussion: "Fields not given are kept. The session's progress update on its milestone's action is corrected too.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The id of the session to correct (from `training list`).") var id: String
    @Option(help: "The session's title.") var title: String?
    @Option(help: ArgumentHelp("First day, YYYY-MM-DD.", valueName: "date")) var start: String?
    @Option(help: ArgumentHelp("Last day, YYYY-MM-DD.", valueName: "date")) var end: String?
    @Option(help: "Where it was held.") var location: String?
    @Option(help: "Who hosted it.") var host: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("How many took part.", valueName: "n")) var participants: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("How many countries they came from.", valueName: "n")) var countries: String?
    @Option(help: ArgumentHelp("An http(s) URL of the evidence.", valueName: "url")) var evidence: String?
    @Option(help: ArgumentHelp("Author of the progress correction it adds (default: $USER).", valueName: "name")) var author: String?
    @Flag(help: "Allow the same milestone, start and title as another session in force.") var allowDuplicate = false

    func validate() throws { _ = try request() }

    func request() throws -> CorrectTrainingRequest {
        if let title, title.allSatisfy(\.isWhitespace) { throw TrackerError("--title: the title is empty") }
        if let location, location.allSatisfy(\.isWhitespace) { throw TrackerError("--location: the location is empty") }
        let request = CorrectTrainingRequest(
            id: try parseID(id, of: "a session"), title: title,
            startedOn: try parseOption(start, "--start", FieldParser.date), endedOn: try parseOption(end, "--end", FieldParser.date),
            location: location, host: host,
            participants: try parseOption(participants, "--participants", FieldParser.participants),
            countries: try parseOption(countries, "--countries", FieldParser.countries),
            evidenceURL: try parseOption(evidence, "--evidence", FieldParser.evidenceURL), author: author,
            allowDuplicate: allowDuplicate)
        if request.changesNothing { throw TrackerError("nothing to correct: give at least one field to change (see --help)") }
        return request
    }

    func run() throws {
        let request = try request()
        let tracker = try global.open(.existing)
        Console.line(String(try tracker.correctTraining(request)))
    }
}
