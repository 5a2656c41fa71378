import ArgumentParser
import Tracker

struct IndicatorAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "indicator add",
        commandName: "add", abstract: "Create an indicator kept by hand; prints its slug.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Its name.", transform: Parse.name) var name: Checked<String>
    @Option(help: "The unit of its values (EFLOPS, %, labs).", transform: Parse.unit) var unit: Checked<String>
    @Option(help: ArgumentHelp("Its slug (default: from the name).", valueName: "slug")) var slug: String?
    @Option(help: ArgumentHelp("An English name.", valueName: "name"), transform: Parse.name) var nameEn: Checked<String>?

    func request() throws -> AddIndicatorRequest {
        AddIndicatorRequest(name: try name.get(.name), unit: try unit.get(.unit), slug: slug, nameEn: try nameEn.get(.name))
    }

    mutating func validate() throws { _ = try request() }

    func run() throws {
        Console.line(try global.open(.existing).addIndicator(request()))
    }
}
