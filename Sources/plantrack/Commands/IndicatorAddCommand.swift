import ArgumentParser
import Tracker

struct IndicatorAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Create an indicator kept by hand; prints its slug.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Its name.") var name: String
    @Option(help: "The unit of its values (EFLOPS, %, labs).") var unit: String
    @Option(help: ArgumentHelp("Its slug (default: from the name).", valueName: "slug")) var slug: String?
    @Option(help: ArgumentHelp("An English name.", valueName: "name")) var nameEn: String?

    func run() throws {
        let tracker = try global.open(.existing)
        Console.line(try tracker.addIndicator(AddIndicatorRequest(name: name, unit: unit, slug: slug, nameEn: nameEn)))
    }
}
