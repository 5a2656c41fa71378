import ArgumentParser
import Tracker

struct UserDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable a user: no sign-in, sessions ended, API tokens revoked.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The sign-in name.")
    var name: String

    func run() throws {
        try global.open(.existing).accounts().disableUser(name: name)
    }
}
