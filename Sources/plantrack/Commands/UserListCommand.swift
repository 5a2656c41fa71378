import ArgumentParser
import Tracker

struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Users, their role and state.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        Console.print(try global.open(.readOnly).users(), as: output.format)
    }
}
