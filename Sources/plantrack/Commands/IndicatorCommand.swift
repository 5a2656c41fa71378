import ArgumentParser
import Tracker

struct IndicatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "indicator",
        commandName: "indicator", abstract: "Quantitative indicators: read from the documents, or kept by hand.",
        subcommands: [IndicatorListCommand.self, IndicatorAddCommand.self, IndicatorRecordCommand.self, IndicatorCorrectCommand.self, IndicatorShowCommand.self])
}

struct IndicatorListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "indicator list",
        commandName: "list", abstract: "Indicators with value, qualifier, unit, as-of date and source quote.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Option(help: "Only indicators whose slug, name or quote contains this text.") var search: String?

    func run() throws {
        Console.print(try global.open(.readOnly).indicators(search: search), as: output.format)
    }
}
