import Accounts
import ArgumentParser
import Tracker

struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a user; prints a one-time password unless --password-stdin.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The sign-in name.")
    var name: String

    @Option(help: ArgumentHelp("viewer, editor or admin.", valueName: "role"))
    var role: String

    @OptionGroup var password: PasswordOptions

    func validate() throws {
        _ = try parseOption(name, "name", AccountStore.checkName)
        _ = try parseOption(role, "--role", AccountStore.role)
    }

    func run() throws {
        let role = try parseOption(role, "--role", AccountStore.role)!
        let given = password.read()
        let tracker = try global.open(.existing)
        let chosen = try tracker.db.inTransaction(.immediate) {
            try AccountStore(db: tracker.db).addUser(name: name, role: role, password: given)
        }
        if given == nil { Console.line("one-time password for \(name): \(chosen)") }
    }
}
