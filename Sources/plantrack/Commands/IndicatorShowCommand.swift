import ArgumentParser
import Tracker

struct IndicatorShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "indicator show",
        commandName: "show", abstract: "An indicator's series with each value's source (document quote or evidence URL), and the targets that use it.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "The indicator's slug.") var slug: String

    func run() throws {
        let tracker = try global.open(.existing)
        let series = try tracker.indicatorSeries(slug)
        Console.printSections([("Values", series.values), ("Targets", series.targets)], as: output.format)
    }
}
