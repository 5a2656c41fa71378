import ArgumentParser
import Tracker

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "API tokens for the JSON API of `plantrack serve`.",
        subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self])
}

struct TokenCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a bearer token acting as a user; prints it once (only its hash is kept).",
        discussion: "The token works until its expiry date (by default \(AccountStore.defaultTokenDays) days from today); `token revoke` ends it sooner.")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The user the token acts as.", valueName: "name"))
    var user: String

    @Option(help: ArgumentHelp("What the token is for.", valueName: "text"))
    var label: String?

    @Option(help: ArgumentHelp("The first day the token no longer works (YYYY-MM-DD), or `never`.", valueName: "date"))
    var expires: String?

    func run() throws {
        let today = ISODate.today()
        var expiresOn: ISODate? = today.adding(days: AccountStore.defaultTokenDays)
        if let expires {
            if expires == "never" {
                expiresOn = nil
            } else {
                guard let date = ISODate(expires) else { throw TrackerError("--expires: '\(expires)' is not a date (YYYY-MM-DD) or `never`") }
                guard today < date else { throw TrackerError("--expires: \(expires) is not after today (\(today))") }
                expiresOn = date
            }
        }
        let token = try global.open(.existing).accounts().createToken(forUser: user, label: label, expiresOn: expiresOn)
        Console.line(token)
    }
}

struct TokenListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "API tokens: id, user, label, created, expiry and state (active, expired, revoked).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Option(help: ArgumentHelp("Only this user's tokens.", valueName: "name"))
    var user: String?

    func run() throws {
        let accounts = try global.open(.readOnly).existingAccounts()
        let table = try accounts?.tokens(user: user, today: .today())
            ?? ResultTable(columns: ["id", "user", "label", "created_at", "expires_on", "state"], rows: [])
        Console.print(table, as: output.format)
    }
}

struct TokenRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke an API token at once (its id from `token list`).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The token's id.")
    var id: Int64

    func run() throws {
        try global.open(.existing).accounts().revokeToken(id: id)
    }
}
