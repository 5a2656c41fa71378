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
    /// A reverse proxy is in front: the client's address is the last one it added to
    /// `X-Forwarded-For` (sign-in throttling is per address), and cookies are Secure.
    public var behindProxy = false
    /// Seconds a connection has to send a request's whole head (and, between requests, the next
    /// one's) before it is closed: slow clients cannot hold connections open.
    public var headerTimeout: Double = 10

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
            case "--secure-cookies", "--tls": secureCookies = true
            case "--behind-proxy": secureCookies = true; behindProxy = true
            case "--header-timeout":
                let text = try value(argument)
                guard let seconds = Double(text), seconds > 0, seconds <= 3600 else { throw TrackerError("--header-timeout: '\(text)' is not a number of seconds (above 0, at most 3600)") }
                headerTimeout = seconds
            default: throw TrackerError("unknown argument '\(argument)' (usage: plantrack-server --db PATH --host ADDRESS --port N [--public] [--secure-cookies | --behind-proxy] [--header-timeout SECONDS])")
            }
        }
    }
}
