import ArgumentParser
import Tracker

struct IndicatorRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Add a value to an indicator's series, beside the imported ones. Prints the new id.",
        discussion: "VALUE may carry the indicator's unit (35%, 300 EFLOPS); another unit is refused, nothing is converted.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The indicator's slug.") var slug: String
    @Argument(help: ArgumentHelp("The value, 0 or more.", valueName: "value")) var value: String
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date the value describes, YYYY-MM-DD.", valueName: "date")) var asOf: String
    @Option(help: ArgumentHelp(">, >=, =, <= or < (default =).", valueName: "q")) var qualifier: String?
    @Option(help: ArgumentHelp("An http(s) URL of the source.", valueName: "url")) var evidence: String?
    @Option(help: "A note on the value.") var note: String?
    @Option(help: ArgumentHelp("Who records it (default: $USER).", valueName: "name")) var author: String?

    func validate() throws { _ = try request() }

    func request() throws -> RecordIndicatorValueRequest {
        RecordIndicatorValueRequest(
            indicator: slug, value: try parseQuantity(value), asOf: try parseDate(asOf, option: "--as-of"),
            qualifier: try qualifier.map(parseQualifier), evidenceURL: try parseOption(evidence, "--evidence", FieldParser.evidenceURL),
            note: try note.map(parseNote), author: author)
    }

    func run() throws {
        let request = try request()
        let tracker = try global.open(.existing)
        Console.line(String(try tracker.recordIndicatorValue(request)))
    }
}
