import ArgumentParser
import Tracker

struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Users, their role and state.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        // No accounts file yet: no users.
        let accounts = try global.open(.readOnly).existingAccounts()
        let table = try accounts?.users(today: .today())
            ?? ResultTable(columns: ["name", "role", "state", "must_change_password", "created_at", "tokens"], rows: [])
        Console.print(table, as: output.format)
    }
}
