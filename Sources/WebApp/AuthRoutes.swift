import Hummingbird
import Presentation
import Tracker

extension WebApp {
    func addAuthRoutes(to router: Router<WebContext>) {
        router.get("/login") { request, context in
            loginPage(context, request: request)
        }

        // Three steps, so bcrypt never holds a connection: the throttle and the user's hash are
        // read on the accounts thread, the password is checked on a hashing thread, and the
        // session (or the failure) is written on the accounts thread again.
        router.post("/login") { request, context in
            var request = request
            let form = FormBody(try await request.bodyText())
            let name = form["name"] ?? "", password = form["password"] ?? ""
            guard let expected = request.cookies[WebApp.loginCookie]?.value, let given = form["login_token"],
                  AccountStore.looksLikeToken(expected), constantTimeEqual(given, expected)
            else {
                return loginPage(context, request: request, error: context.language("cross_site"), name: name, status: .forbidden)
            }
            let address = context.clientAddress, now = AccountStore.now()
            let key = String(name.prefix(64)) + "\u{0}" + address
            guard signInsInFlight.begin(key) else {
                return loginPage(context, request: request, error: context.language("throttled"), name: name, status: .tooManyRequests)
            }
            defer { signInsInFlight.end(key) }
            let outcome: Result<(cookie: String, csrfToken: String), SignInFailure>
            do {
                let attempt = try await pool.accounts { try $0.prepareSignIn(name: name, address: address, now: now) }
                let user = try await pool.hashing { attempt.check(password) }
                outcome = try await pool.accounts { try $0.finishSignIn(attempt, user: user, now: now) }
            } catch let failure as SignInFailure {
                outcome = .failure(failure)
            }
            switch outcome {
            case .success(let session):
                var response = Reply.redirect("/")
                response.setCookie(cookie(WebApp.sessionCookie, session.cookie, maxAge: Int(AccountStore.sessionLifetime)))
                response.setCookie(cookie(WebApp.loginCookie, "", maxAge: 0, sameSite: .strict))
                return response
            case .failure(.throttled(let seconds)):
                var response = loginPage(context, request: request, error: context.language("throttled"), name: name, status: .tooManyRequests)
                response.headers[.retryAfter] = String(seconds)
                return response
            case .failure(.invalid):
                return loginPage(context, request: request, error: context.language("bad_sign_in"), name: name, status: .unauthorized)
            }
        }

        router.post("/logout") { request, context in
            var request = request
            let form = FormBody(try await request.bodyText())
            if let session = context.session, let token = form["csrf"], constantTimeEqual(token, session.csrfToken),
               let value = request.cookies[WebApp.sessionCookie]?.value {
                try await pool.accounts { try $0.endSession(cookie: value) }
            }
            var response = Reply.redirect("/login")
            response.setCookie(cookie(WebApp.sessionCookie, "", maxAge: 0))
            return response
        }

        router.get("/password") { _, context in
            guard let session = context.session else { return Reply.redirect("/login") }
            return Reply.page(context.language("change_password"),
                              Templates.render("password", ["t": context.language.labels, "csrf": session.csrfToken]),
                              context: context, path: "/password")
        }

        // The current password is asked for (NIST SP 800-63B), checked and the new one hashed off
        // the accounts thread; a new password ends every session, this one included, and signs
        // the user straight back in.
        router.post("/password") { request, context in
            var request = request
            let form = FormBody(try await request.bodyText())
            guard let session = context.session else { return Reply.redirect("/login") }
            guard let token = form["csrf"], constantTimeEqual(token, session.csrfToken) else {
                return Reply.message(context.language("forbidden"), context.language("bad_form_token"), status: .forbidden, context: context)
            }
            let user = session.user
            let current = form["current"] ?? "", password = form["password"] ?? ""
            func refuse(_ message: String) -> Response {
                let body = Templates.render("password", ["t": context.language.labels, "csrf": session.csrfToken, "error": message])
                return Reply.page(context.language("change_password"), body, context: context, path: "/password", status: .unprocessableContent)
            }
            do {
                _ = try AccountStore.checkPassword(password, name: user.name)
            } catch let error as FieldProblem {
                return refuse(context.language.refusal(error.message))
            }
            if password == current { return refuse(context.language("same_password")) }
            guard let hash = try await pool.accounts({ try $0.passwordHash(userID: user.id) }),
                  let newHash = try await pool.hashing({ AccountStore.rehash(current: current, hash: hash, new: password) })
            else { return refuse(context.language("wrong_current")) }
            let now = AccountStore.now()
            let fresh = try await pool.accounts { try $0.replacePassword(user: user, hash: newHash, now: now) }
            var response = Reply.redirect("/")
            response.setCookie(cookie(WebApp.sessionCookie, fresh.cookie, maxAge: Int(AccountStore.sessionLifetime)))
            return response
        }

        // The language switch: a cookie that outlives the session, then back to the page.
        router.get("/lang") { request, _ in
            let chosen = request.uri.queryParameters["to"].flatMap { Language(rawValue: String($0)) } ?? .en
            let back = request.uri.queryParameters["back"].map(String.init) ?? "/"
            var response = Reply.redirect(Self.sameSitePath(back))
            response.setCookie(cookie("lang", chosen.rawValue, maxAge: 365 * 24 * 3600, httpOnly: true))
            return response
        }
    }

    /// The sign-in page with the browser's pre-session token (a fresh one when it has none) in
    /// its form and in a cookie.
    func loginPage(_ context: WebContext, request: Request, error: String? = nil, name: String? = nil,
                   status: HTTPResponse.Status = .ok) -> Response {
        let kept = request.cookies[WebApp.loginCookie]?.value
        let token = kept.flatMap { AccountStore.looksLikeToken($0) ? $0 : nil } ?? AccountStore.randomToken()
        var values: [String: Any] = ["t": context.language.labels, "loginToken": token]
        if let error { values["error"] = error }
        if let name { values["name"] = name }
        var response = Reply.page(context.language("sign_in"), Templates.render("login", values), context: context, path: "/login", status: status)
        response.setCookie(cookie(WebApp.loginCookie, token, maxAge: 3600, sameSite: .strict))
        return response
    }

    /// `back` when it is a path on this site, else `/`. Browsers drop tabs and newlines inside a
    /// URL and read `\` as `/`, so `/<TAB>/evil.example` would be `//evil.example`: only printable
    /// ASCII without `\`, starting with one `/`, is kept as it is; letters beyond ASCII (a Chinese
    /// search, `/search?q=算力`) are percent-encoded, so they can neither be dropped nor reread.
    static func sameSitePath(_ back: String) -> String {
        let bytes = Array(back.utf8)
        guard bytes.first == UInt8(ascii: "/"), bytes.count < 2 || bytes[1] != UInt8(ascii: "/"),
              bytes.allSatisfy({ ((0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\")) || $0 >= 0x80 })
        else { return "/" }
        let hex = Array("0123456789ABCDEF".utf8)
        var path: [UInt8] = []
        for byte in bytes {
            if byte < 0x80 { path.append(byte) } else { path += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]] }
        }
        return String(decoding: path, as: UTF8.self)
    }
}
