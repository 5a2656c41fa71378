import ArgumentParser
import Tracker

struct CommitmentCorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Record a correction that supersedes measured value ID at every date; nothing is overwritten.",
        discussion: "Fields not given are kept from the value being corrected. Prints the new id.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The id of the value to correct (from `commitment show`).") var id: String
    @Argument(help: ArgumentHelp("The corrected value (default: the original's).", valueName: "value")) var value: String?
    @Option(help: ArgumentHelp("The corrected date, YYYY-MM-DD.", valueName: "date")) var date: String?
    @Option(help: "The corrected note.") var note: String?
    @Option(help: ArgumentHelp("An http(s) URL of the evidence.", valueName: "url")) var evidence: String?
    @Option(help: ArgumentHelp("Who records the correction (default: $USER).", valueName: "name")) var author: String?

    func validate() throws { _ = try request() }

    func request() throws -> CorrectActualRequest {
        CorrectActualRequest(
            id: try parseID(id, of: "a value"), value: try value.map { try parseQuantity($0) },
            measuredOn: try parseOption(date, "--date", FieldParser.date), note: try note.map(parseNote),
            evidenceURL: try parseOption(evidence, "--evidence", FieldParser.evidenceURL), author: author)
    }

    func run() throws {
        let request = try request()
        let tracker = try global.open(.existing)
        Console.line(String(try tracker.correctActual(request)))
    }
}
