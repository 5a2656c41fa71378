import Accounts
import ArgumentParser

struct UserDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable a user: no sign-in, sessions ended, API tokens revoked.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The sign-in name.")
    var name: String

    func run() throws {
        let tracker = try global.open(.existing)
        try tracker.db.inTransaction(.immediate) { try AccountStore(db: tracker.db).disable(name: name) }
    }
}
