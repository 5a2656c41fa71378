import Accounts
import ArgumentParser

struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Users, their role and state.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let tracker = try global.open(.existing)
        Console.print(try AccountStore(db: tracker.db).list(), as: output.format)
    }
}
