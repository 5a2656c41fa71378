import ArgumentParser
import Tracker

struct IndicatorRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "indicator record",
        commandName: "record",
        abstract: "Add a value to an indicator's series, beside the imported ones. Prints the new id.",
        discussion: "VALUE may carry the indicator's unit (35%, 300 EFLOPS); another unit is refused, nothing is converted.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The indicator's slug.") var slug: String
    @Argument(help: ArgumentHelp("The value, 0 or more.", valueName: "value"), transform: Parse.quantity) var value: Checked<Quantity>
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date the value describes, YYYY-MM-DD.", valueName: "date"), transform: Parse.date)
    var asOf: Checked<ISODate>
    @Option(help: ArgumentHelp(">, >=, =, <= or < (default =).", valueName: "q"), transform: Parse.qualifier) var qualifier: Checked<TargetQualifier>?
    @Option(help: ArgumentHelp("An http(s) URL of the source.", valueName: "url"), transform: Parse.evidenceURL) var evidence: Checked<String>?
    @Option(help: "A note on the value.", transform: Parse.note) var note: Checked<String>?
    @Option(help: ArgumentHelp("Who records it (default: $USER).", valueName: "name"), transform: Parse.author) var author: Checked<String>?

    func request() throws -> RecordIndicatorValueRequest {
        RecordIndicatorValueRequest(
            indicator: slug, value: try value.get(.value), asOf: try asOf.get(.asOf), qualifier: try qualifier.get(.qualifier),
            evidenceURL: try evidence.get(.evidenceURL), note: try note.get(.note), author: try author.get(.author))
    }

    mutating func validate() throws { _ = try request() }

    func run() throws {
        Console.line(String(try global.open(.existing).recordIndicatorValue(request())))
    }
}
