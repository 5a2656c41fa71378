import ArgumentParser
import Tracker

struct CommitmentRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "commitment record",
        commandName: "record",
        abstract: "Append a measured value of a target: its cumulative level as of --date. Prints the new id.",
        discussion: "VALUE may carry the target's unit (35%, 300 EFLOPS); another unit is refused.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The commitment's slug.", completion: Completions.commitments) var slug: String
    @Argument(help: ArgumentHelp("The measured value, 0 or more.", valueName: "value"), transform: Parse.quantity) var value: Checked<Quantity>
    @Option(help: ArgumentHelp("The date it was measured, YYYY-MM-DD.", valueName: "date"), transform: Parse.date) var date: Checked<ISODate>
    @Option(help: "A note on the value.", transform: Parse.note) var note: Checked<String>?
    @Option(help: ArgumentHelp("An http(s) URL of the evidence.", valueName: "url"), transform: Parse.evidenceURL) var evidence: Checked<String>?
    @Option(help: ArgumentHelp("Who records it (default: $USER).", valueName: "name"), transform: Parse.author) var author: Checked<String>?

    func request() throws -> RecordActualRequest {
        RecordActualRequest(
            commitment: slug, value: try value.get(.value), measuredOn: try date.get(.reportedOn), note: try note.get(.note),
            evidenceURL: try evidence.get(.evidenceURL), author: try author.get(.author))
    }

    mutating func validate() throws { _ = try request() }

    func run() throws {
        Console.line(String(try global.open(.existing).recordActual(request())))
    }
}
