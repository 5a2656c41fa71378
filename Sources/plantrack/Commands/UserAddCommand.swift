import ArgumentParser
import Tracker

struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a user; prints a one-time password unless --password-stdin.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The sign-in name.", transform: { Parse.check($0, AccountStore.checkName) })
    var name: Checked<String>

    @Option(help: ArgumentHelp("viewer, editor or admin.", valueName: "role"), transform: { Parse.check($0, AccountStore.role) })
    var role: Checked<Role>

    @OptionGroup var password: PasswordOptions

    func validate() throws {
        _ = try name.get(.user)
        _ = try role.get(.role)
    }

    func run() throws {
        let (name, role) = (try name.get(.user), try role.get(.role))
        let given = password.read()
        let chosen = try global.open(.existing).accounts().addUser(name: name, role: role, password: given)
        if given == nil { Console.line("one-time password for \(name): \(chosen)") }
    }
}
