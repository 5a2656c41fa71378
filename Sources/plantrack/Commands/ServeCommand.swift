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

    @Flag(name: [.customLong("tls"), .customLong("behind-proxy")],
          help: "Browsers reach the server over HTTPS (a TLS-terminating proxy): session cookies are marked Secure.")
    var secureCookies = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw CommandLineError(message: "--port: \(port) is not a port (0 to 65535; 0 picks a free one)") }
    }

    func run() throws {
        if try Self.hasNoAccounts(global) {
            Console.write("plantrack serve: \(global.databasePath) has no accounts yet, so nobody can sign in; create one with `plantrack user add NAME --role admin`\n", to: STDERR_FILENO)
        }
        var arguments = ["plantrack-server", "--db", global.databasePath, "--host", host, "--port", String(port)]
        if `public` { arguments.append("--public") }
        if secureCookies { arguments.append("--secure-cookies") }
        let server = Self.serverPath()
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        execv(server, &argv)
        throw CommandLineError(message: "cannot start \(server): \(String(cString: strerror(errno))); `make install` puts plantrack-server beside plantrack")
    }

    /// True when the database has no user: the server would start but no one could sign in.
    /// (Its connection is closed again before the server replaces this process.)
    static func hasNoAccounts(_ global: GlobalOptions) throws -> Bool {
        try global.open(.readOnly).users().rows.isEmpty
    }

    static func serverPath() -> String { siblingPath("plantrack-server") }

    /// The program `name` in the directory of the running executable (/proc/self/exe).
    static func siblingPath(_ name: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return name }
        let path = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return name }
        return String(path[...slash]) + name
    }
}
