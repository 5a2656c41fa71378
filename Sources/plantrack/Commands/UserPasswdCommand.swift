import ArgumentParser
import Tracker

struct UserPasswdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd", abstract: "Set a user's password (one-time unless --password-stdin); ends their sessions.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The sign-in name.")
    var name: String

    @OptionGroup var password: PasswordOptions

    func run() throws {
        let given = password.read()
        let chosen = try global.open(.existing).accounts().setPassword(name: name, password: given)
        if given == nil { Console.line("one-time password for \(name): \(chosen)") }
    }
}
