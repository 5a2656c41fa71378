import ArgumentParser
import Tracker

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "API tokens for the JSON API of `plantrack serve`.",
        subcommands: [TokenCreateCommand.self])
}

struct TokenCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a bearer token acting as a user; prints it once (only its hash is kept).")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The user the token acts as.", valueName: "name"))
    var user: String

    @Option(help: ArgumentHelp("What the token is for.", valueName: "text"))
    var label: String?

    func run() throws {
        let token = try global.open(.existing).createToken(forUser: user, label: label)
        Console.line(token)
    }
}
