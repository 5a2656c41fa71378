import Presentation
import Tracker

/// `plantrack-server --db PATH --host H --port P [--public] [--secure-cookies]`, as `plantrack serve` passes them.
public struct ServerOptions: Sendable, Equatable {
    public var databasePath = "plantrack.db"
    public var host = "127.0.0.1"
    public var port = 8080
    /// Anonymous visitors may read every page and GET endpoint; writing still needs an account.
    public var isPublic = false
    /// Mark the session cookie Secure: browsers reach the server over HTTPS (TLS or a proxy).
    public var secureCookies = false

    public init() {}

    public init(arguments: [String]) throws {
        var remaining = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let next = remaining.popFirst() else { throw TrackerError("\(flag) needs a value") }
            return next
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--db": databasePath = try value(argument)
            case "--host": host = try value(argument)
            case "--port":
                let text = try value(argument)
                guard let port = Int(text), (0...65535).contains(port) else { throw TrackerError("--port: '\(text)' is not a port (0 to 65535; 0 picks a free one)") }
                self.port = port
            case "--public": isPublic = true
            case "--secure-cookies", "--tls", "--behind-proxy": secureCookies = true
            default: throw TrackerError("unknown argument '\(argument)' (usage: plantrack-server --db PATH --host ADDRESS --port N [--public] [--secure-cookies])")
            }
        }
    }
}
