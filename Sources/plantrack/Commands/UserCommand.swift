import ArgumentParser

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Accounts for `plantrack serve`: viewers read, editors write, admins manage users.",
        subcommands: [UserAddCommand.self, UserPasswdCommand.self, UserListCommand.self, UserDisableCommand.self])
}

/// `--password-stdin`: read the password from the first line of standard input instead of making
/// a one-time one (a password on the command line would show in `ps` and the shell history).
struct PasswordOptions: ParsableArguments {
    @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input (default: print a one-time password).")
    var fromStandardInput = false

    func read() -> String? {
        guard fromStandardInput else { return nil }
        return readLine(strippingNewline: true) ?? ""
    }
}
