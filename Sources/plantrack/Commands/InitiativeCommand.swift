import ArgumentParser
import Tracker

struct InitiativeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "initiative", abstract: "Named initiatives, programmes and policies.",
        subcommands: [InitiativeListCommand.self])
}

struct InitiativeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Named initiatives, programmes and policies with their dates.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let tracker = try global.open(.readOnly)
        Console.print(try CatalogQueries(db: tracker.db).initiatives(), as: output.format)
    }
}
