import ArgumentParser
import Tracker

struct CommitmentRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Append a measured value of a target: its cumulative level as of --date. Prints the new id.",
        discussion: "VALUE may carry the target's unit (35%, 300 EFLOPS); another unit is refused.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The commitment's slug.") var slug: String
    @Argument(help: ArgumentHelp("The measured value, 0 or more.", valueName: "value")) var value: String
    @Option(help: ArgumentHelp("The date it was measured, YYYY-MM-DD.", valueName: "date")) var date: String
    @Option(help: "A note on the value.") var note: String?
    @Option(help: ArgumentHelp("An http(s) URL of the evidence.", valueName: "url")) var evidence: String?
    @Option(help: ArgumentHelp("Who records it (default: $USER).", valueName: "name")) var author: String?

    func validate() throws { _ = try request() }

    func request() throws -> RecordActualRequest {
        RecordActualRequest(
            commitment: slug, value: try parseQuantity(value),
            measuredOn: try parseDate(date, option: "--date"),
            note: try note.map(parseNote), evidenceURL: try parseOption(evidence, "--evidence", FieldParser.evidenceURL),
            author: author)
    }

    func run() throws {
        let request = try request()
        let tracker = try global.open(.existing)
        Console.line(String(try tracker.recordActual(request)))
    }
}

/// Parses a VALUE argument: a number 0 or more, optionally with a unit.
func parseQuantity(_ text: String, name: String = "value") throws -> Quantity {
    do { return try FieldParser.quantity(text) } catch { throw TrackerError("\(name): \(error.message)") }
}

/// Parses an id argument.
func parseID(_ text: String, of what: String) throws -> Int64 {
    guard let id = Int64(text), id > 0 else { throw TrackerError("id: '\(text)' is not \(what) id") }
    return id
}
