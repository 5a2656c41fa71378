import Glibc
import Hummingbird
import Logging
import NIOCore
import Presentation
import Tracker

/// The web front end: the router with its middleware and every route.
public struct WebApp: Sendable {
    public let pool: DatabasePool
    public let options: ServerOptions
    static let sessionCookie = "plantrack_session"

    public init(pool: DatabasePool, options: ServerOptions) {
        self.pool = pool
        self.options = options
    }

    public func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
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
            return Reply.message(context.language("forbidden"), "CSRF token missing or wrong", status: .forbidden, context: context)
        }
        guard session.user.role.canWrite else {
            return Reply.message(context.language("forbidden"), context.language("viewer_note"), status: .forbidden, context: context)
        }
        return nil
    }

    func cookie(_ name: String, _ value: String, maxAge: Int?, httpOnly: Bool = true) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: options.secureCookies, httpOnly: httpOnly, sameSite: .lax)
    }
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
        if let cookie = request.cookies[WebApp.sessionCookie]?.value {
            let now = AccountStore.now()
            context.session = try await app.pool.session(cookie: cookie, now: now)
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            response = Reply.html("Request body too large (at most 1 MiB)\n", status: .contentTooLarge)
        }
        // No script runs on these pages, inline styles only, forms post only here, no framing.
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        return response
    }
}

extension HTTPFields.Element.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
