import ArgumentParser
import Glibc
import Tracker

/// Starts `plantrack-server`, installed beside this executable, with the same arguments. The
/// server is a program of its own so the command line never links (nor loads) the web stack.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        examples: "serve", commandName: "serve", abstract: "Serve the tracker to a browser (and a JSON API) with accounts.",
        discussion: "Sign-in needs an account: create one first with `plantrack user add NAME --role admin` (it prints a one-time password).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Flag(help: "Anonymous visitors may read (never write).")
    var `public` = false

    @Flag(name: .customLong("tls"), help: "Browsers reach the server over HTTPS: session cookies are marked Secure.")
    var secureCookies = false

    @Flag(name: .customLong("behind-proxy"),
          help: "A TLS-terminating reverse proxy is in front: cookies are Secure, and the client's address is the last one the proxy adds to X-Forwarded-For.")
    var behindProxy = false

    @Option(help: ArgumentHelp("Seconds a connection has to send a request's head before it is closed.", valueName: "seconds"))
    var headerTimeout: Double = 10

    func validate() throws {
        guard (0...65535).contains(port) else { throw CommandLineError(message: "--port: \(port) is not a port (0 to 65535; 0 picks a free one)") }
        guard headerTimeout > 0, headerTimeout <= 3600 else { throw CommandLineError(message: "--header-timeout: expected seconds above 0, at most 3600") }
    }

    func run() throws {
        if try Self.hasNoAccounts(global) {
            Console.write("plantrack serve: \(global.databasePath) has no accounts yet, so nobody can sign in; create one with `plantrack user add NAME --role admin`\n", to: STDERR_FILENO)
        }
        var arguments = ["plantrack-server", "--db", global.databasePath, "--host", host, "--port", String(port)]
        if `public` { arguments.append("--public") }
        if secureCookies { arguments.append("--secure-cookies") }
        if behindProxy { arguments.append("--behind-proxy") }
        arguments += ["--header-timeout", String(headerTimeout)]
        try Companion.exec("plantrack-server", Array(arguments.dropFirst()))
    }

    /// True when the data file has no accounts beside it, or none in them: the server would start
    /// but no one could sign in. (Its connections are closed again before the server replaces this process.)
    static func hasNoAccounts(_ global: GlobalOptions) throws -> Bool {
        guard let accounts = try global.open(.readOnly).existingAccounts() else { return true }
        return try accounts.users(today: .today()).rows.isEmpty
    }
}
