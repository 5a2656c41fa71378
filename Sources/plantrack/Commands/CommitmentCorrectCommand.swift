import ArgumentParser
import Tracker

struct CommitmentCorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "commitment correct",
        commandName: "correct",
        abstract: "Record a correction that supersedes measured value ID at every date; nothing is overwritten.",
        discussion: "Fields not given are kept from the value being corrected. Prints the new id.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The id of the value to correct (from `commitment show`).", transform: Parse.valueID) var id: Checked<Int64>
    @Argument(help: ArgumentHelp("The corrected value (default: the original's).", valueName: "value"), transform: Parse.quantity)
    var value: Checked<Quantity>?
    @Option(help: ArgumentHelp("The corrected date, YYYY-MM-DD.", valueName: "date"), transform: Parse.date) var date: Checked<ISODate>?
    @Option(help: "The corrected note.", transform: Parse.note) var note: Checked<String>?
    @Option(help: ArgumentHelp("An http(s) URL of the evidence.", valueName: "url"), transform: Parse.evidenceURL) var evidence: Checked<String>?
    @Option(help: ArgumentHelp("Who records the correction (default: $USER).", valueName: "name"), transform: Parse.author) var author: Checked<String>?

    func request() throws -> CorrectActualRequest {
        CorrectActualRequest(
            id: try id.get(.update), value: try value.get(.value), measuredOn: try date.get(.reportedOn), note: try note.get(.note),
            evidenceURL: try evidence.get(.evidenceURL), author: try author.get(.author))
    }

    mutating func validate() throws { _ = try request() }

    func run() throws {
        Console.line(String(try global.open(.existing).correctActual(request())))
    }
}
