import ArgumentParser
import Tracker

struct IndicatorCorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "indicator correct",
        commandName: "correct",
        abstract: "Record a correction that supersedes a value recorded by hand, at every date; prints the new id.",
        discussion: "Fields not given are kept. Values read from a document are corrected in the document (or its curation) instead.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The id of the value to correct (from `indicator show`).", transform: Parse.valueID) var id: Checked<Int64>
    @Argument(help: ArgumentHelp("The corrected value (default: the original's).", valueName: "value"), transform: Parse.quantity)
    var value: Checked<Quantity>?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The corrected date, YYYY-MM-DD.", valueName: "date"), transform: Parse.date)
    var asOf: Checked<ISODate>?
    @Option(help: ArgumentHelp(">, >=, =, <= or <.", valueName: "q"), transform: Parse.qualifier) var qualifier: Checked<TargetQualifier>?
    @Option(help: ArgumentHelp("An http(s) URL of the source.", valueName: "url"), transform: Parse.evidenceURL) var evidence: Checked<String>?
    @Option(help: "The corrected note.", transform: Parse.note) var note: Checked<String>?
    @Option(help: ArgumentHelp("Who records the correction (default: $USER).", valueName: "name"), transform: Parse.author) var author: Checked<String>?

    func request() throws -> CorrectIndicatorValueRequest {
        CorrectIndicatorValueRequest(
            id: try id.get(.update), value: try value.get(.value), asOf: try asOf.get(.asOf), qualifier: try qualifier.get(.qualifier),
            evidenceURL: try evidence.get(.evidenceURL), note: try note.get(.note), author: try author.get(.author))
    }

    mutating func validate() throws { _ = try request() }

    func run() throws {
        Console.line(String(try global.open(.existing).correctIndicatorValue(request())))
    }
}
