import ArgumentParser
import Tracker

struct InitiativeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "initiative",
        commandName: "initiative", abstract: "Named initiatives, programmes and policies.",
        subcommands: [InitiativeListCommand.self])
}

struct InitiativeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "initiative list",
        commandName: "list", abstract: "Named initiatives, programmes and policies with their dates.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        Console.print(try global.open(.readOnly).initiatives(), as: output.format)
    }
}
