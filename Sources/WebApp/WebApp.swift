import Glibc
import Hummingbird
import Synchronization
import Logging
import NIOCore
import Presentation
import Tracker

/// The web front end: the router with its middleware and every route.
public struct WebApp: Sendable {
    public let pool: DatabasePool
    public let options: ServerOptions
    static let sessionCookie = "plantrack_session"
    /// The sign-in form's pre-session token (login CSRF): the form carries it back, and only a
    /// page of this site could have read it.
    static let loginCookie = "plantrack_login"
    /// Sign-ins being checked, by name and address: one at a time each, so parallel guesses
    /// cannot all slip past the throttle before the first failure is recorded.
    let signInsInFlight = InFlight()

    public init(pool: DatabasePool, options: ServerOptions) {
        self.pool = pool
        self.options = options
    }

    public func router() -> Router<WebContext> {
        // HEAD answers as GET without the body, for every page.
        let router = Router(context: WebContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: SessionMiddleware(app: self))
        // One controller per area (Controllers/); sign-in and the JSON API keep their own files.
        addAuthRoutes(to: router)
        OverviewController(app: self).addRoutes(to: router)
        ActionsController(app: self).addRoutes(to: router)
        TargetsController(app: self).addRoutes(to: router)
        TrainingController(app: self).addRoutes(to: router)
        LibraryController(app: self).addRoutes(to: router)
        ReportsController(app: self).addRoutes(to: router)
        addAPIRoutes(to: router)
        return router
    }

    /// Serves until SIGINT or SIGTERM: in-flight requests finish, then the connections close.
    public static func run(_ options: ServerOptions) async throws {
        let pool = try DatabasePool(path: options.databasePath)
        let app = WebApp(pool: pool, options: options)
        var logger = Logger(label: "plantrack-server")
        logger.logLevel = .notice
        let application = Application(
            router: app.router(),
            server: .http1(configuration: .init(additionalChannelHandlers: [HeaderTimeoutHandler(seconds: options.headerTimeout)])),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "plantrack"),
            onServerRunning: { channel in
                // Flushed at once: `plantrack serve --port 0` callers read the chosen port from this line.
                let line = "plantrack serving \(options.databasePath) on http://\(options.host):\(channel.localAddress?.port ?? options.port)/\n"
                _ = line.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
            },
            logger: logger)
        try await application.runService()
        try await pool.shutdown()
    }

    // MARK: access rules

    /// Pages and GET endpoints: a session, or `--public`.
    func mayRead(_ context: WebContext) -> Bool {
        options.isPublic || (context.user != nil && context.user?.mustChangePassword == false)
    }

    /// Refuses a form POST without a session, with the wrong CSRF token, or from a viewer.
    func checkWrite(_ form: FormBody, _ context: WebContext) -> Response? {
        guard let session = context.session else { return Reply.redirect("/login") }
        guard let token = form["csrf"], constantTimeEqual(token, session.csrfToken) else {
            return Reply.message(context.language("forbidden"), context.language("bad_form_token"), status: .forbidden, context: context)
        }
        guard session.user.role.canWrite else {
            return Reply.message(context.language("forbidden"), context.language("viewer_note"), status: .forbidden, context: context)
        }
        return nil
    }

    func cookie(_ name: String, _ value: String, maxAge: Int?, httpOnly: Bool = true, sameSite: Cookie.SameSite = .lax) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: options.secureCookies, httpOnly: httpOnly, sameSite: sameSite)
    }

    /// The client's address: the peer's, or behind a proxy the last one it added to X-Forwarded-For
    /// (earlier entries are whatever the client claimed).
    func clientAddress(_ request: Request, _ context: WebContext) -> String {
        guard options.behindProxy, let forwarded = request.headers[.xForwardedFor] else { return context.peerAddress }
        let last = forwarded.split(separator: ",").last.map { String($0.filter { $0 != " " && $0 != "\t" }) } ?? ""
        return last.isEmpty ? context.peerAddress : String(last.prefix(64))
    }

    /// A POST from another site is refused: its Origin (or, without one, its Referer) must be this
    /// server. A POST with neither is refused too, except on the JSON API, whose writes need a
    /// bearer token that no other site's page can send.
    func crossSiteRefusal(_ request: Request, _ context: WebContext) -> Response? {
        let host = (options.behindProxy ? request.headers[.xForwardedHost] : nil) ?? request.head.authority
        let source = request.headers[.origin] ?? request.headers[.referer]
        if let source {
            if let host, Self.authority(of: source) == host.lowercased() { return nil }
        } else if request.uri.path.hasPrefix("/api/") {
            return nil
        }
        return Reply.message(context.language("forbidden"), context.language("cross_site"), status: .forbidden, context: context)
    }

    /// `host[:port]` of an absolute URL, lower-cased; nil for anything else (`null` included).
    static func authority(of url: String) -> String? {
        guard let scheme = url.range(of: "://"), ["http", "https"].contains(url[..<scheme.lowerBound].lowercased()) else { return nil }
        let rest = url[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return authority.isEmpty || authority.contains("@") ? nil : authority.lowercased()
    }

    /// What a user with a one-time password may still do: change it, sign out, switch language.
    static func allowedBeforePasswordChange(_ request: Request) -> Bool {
        switch request.uri.path {
        case "/password", "/logout", "/login", "/lang": true
        default: false
        }
    }
}

/// Names being signed in right now (see `WebApp.signInsInFlight`).
final class InFlight: Sendable {
    private let keys = Mutex<Set<String>>([])

    /// False when `key` is already in flight.
    func begin(_ key: String) -> Bool { keys.withLock { $0.insert(key).inserted } }
    func end(_ key: String) { _ = keys.withLock { $0.remove(key) } }
}

func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
}

/// Finds the session behind the cookie and the language; adds the security headers to every response.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let app: WebApp

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        context.language = Language.choose(cookie: request.cookies["lang"]?.value, acceptLanguage: request.headers[.acceptLanguage])
        context.clientAddress = app.clientAddress(request, context)
        if let cookie = request.cookies[WebApp.sessionCookie]?.value {
            let now = AccountStore.now()
            context.session = try await app.pool.session(cookie: cookie, now: now)
        }
        var response: Response
        do {
            response = try await respond(request, context, next)
        } catch let error as any HTTPResponseError {
            // Thrown answers (no such path, a body too large, a bad request) get the headers below too.
            let text = error.status == .contentTooLarge ? "Request body too large (at most 1 MiB)"
                : error.status == .notFound ? context.language("not_found") : "\(error.status.code) \(error.status.reasonPhrase)"
            response = Reply.html(text + "\n", status: error.status)
        }

        // No script runs on these pages, inline styles only, forms post only here, no framing.
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        return response
    }
}

extension SessionMiddleware {
    /// The checks before any route: no POST from another site, and nothing but the password
    /// change for a user still holding a one-time password.
    func respond(_ request: Request, _ context: WebContext, _ next: (Request, WebContext) async throws -> Response) async throws -> Response {
        if request.method != .get, request.method != .head, let refusal = app.crossSiteRefusal(request, context) { return refusal }
        if context.user?.mustChangePassword == true, !WebApp.allowedBeforePasswordChange(request) {
            guard request.method == .get else {
                return Reply.message(context.language("forbidden"), context.language("must_change_first"), status: .forbidden, context: context)
            }
            return Reply.redirect("/password")
        }
        return try await next(request, context)
    }
}

extension HTTPFields.Element.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
    static let xForwardedHost = Self("X-Forwarded-Host")!
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
