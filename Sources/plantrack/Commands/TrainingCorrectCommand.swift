import ArgumentParser
import Tracker

struct TrainingCorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "training correct",
        commandName: "correct",
        abstract: "Record a corrected copy of session ID that replaces it at every date; prints the new id.",
        discussion: "Fields not given are kept. The session's progress update on its milestone's action is corrected too.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The id of the session to correct (from `training list`).", transform: Parse.sessionID) var id: Checked<Int64>
    @Option(help: "The session's title.", transform: Parse.title) var title: Checked<String>?
    @Option(help: ArgumentHelp("First day, YYYY-MM-DD.", valueName: "date"), transform: Parse.date) var start: Checked<ISODate>?
    @Option(help: ArgumentHelp("Last day, YYYY-MM-DD.", valueName: "date"), transform: Parse.date) var end: Checked<ISODate>?
    @Option(help: "Where it was held.", transform: Parse.location) var location: Checked<String>?
    @Option(help: "Who hosted it.", transform: Parse.host) var host: Checked<String>?
    @Option(parsing: .unconditional, help: ArgumentHelp("How many took part.", valueName: "n"), transform: Parse.participants) var participants: Checked<Int>?
    @Option(parsing: .unconditional, help: ArgumentHelp("How many countries they came from.", valueName: "n"), transform: Parse.countries) var countries: Checked<Int>?
    @Option(help: ArgumentHelp("An http(s) URL of the evidence.", valueName: "url"), transform: Parse.evidenceURL) var evidence: Checked<String>?
    @Option(help: ArgumentHelp("Author of the progress correction it adds (default: $USER).", valueName: "name"), transform: Parse.author) var author: Checked<String>?
    @Flag(help: "Allow the same milestone, start and title as another session in force.") var allowDuplicate = false

    func request() throws -> CorrectTrainingRequest {
        let request = CorrectTrainingRequest(
            id: try id.get(.session), title: try title.get(.title), startedOn: try start.get(.startedOn), endedOn: try end.get(.endedOn),
            location: try location.get(.location), host: try host.get(.host), participants: try participants.get(.participants),
            countries: try countries.get(.countries), evidenceURL: try evidence.get(.evidenceURL), author: try author.get(.author),
            allowDuplicate: allowDuplicate)
        if request.changesNothing { throw CommandLineError(message: "nothing to correct: give at least one field to change (see --help)") }
        return request
    }

    mutating func validate() throws { _ = try request() }

    func run() throws {
        Console.line(String(try global.open(.existing).correctTraining(request())))
    }
}
