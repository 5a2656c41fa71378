import Hummingbird
import Presentation
import Tracker

extension WebApp {
    func addAuthRoutes(to router: Router<WebContext>) {
        router.get("/login") { _, context in
            Reply.page(context.language("sign_in"), Templates.render("login", ["t": context.language.labels]), context: context, path: "/login")
        }

        router.post("/login") { request, context in
            var request = request
            let form = FormBody(try await request.bodyText())
            let name = form["name"] ?? "", password = form["password"] ?? ""
            let address = context.clientAddress, now = AccountStore.now()
            let outcome: Result<(cookie: String, csrfToken: String), SignInFailure> = try await pool.write { tracker in
                do {
                    return .success(try tracker.signIn(name: name, password: password, address: address, now: now))
                } catch let failure as SignInFailure {
                    return .failure(failure)
                }
            }
            switch outcome {
            case .success(let session):
                var response = Reply.redirect("/")
                response.setCookie(cookie(WebApp.sessionCookie, session.cookie, maxAge: Int(AccountStore.sessionLifetime)))
                return response
            case .failure(let failure):
                let key = failure == .throttled ? "throttled" : "bad_sign_in"
                let body = Templates.render("login", ["t": context.language.labels, "error": context.language(key), "name": name])
                return Reply.page(context.language("sign_in"), body, context: context, path: "/login",
                                  status: failure == .throttled ? .tooManyRequests : .unauthorized)
            }
        }

        router.post("/logout") { request, context in
            var request = request
            let form = FormBody(try await request.bodyText())
            if let session = context.session, let token = form["csrf"], constantTimeEqual(token, session.csrfToken),
               let value = request.cookies[WebApp.sessionCookie]?.value {
                try await pool.write { try $0.endSession(cookie: value) }
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

        router.post("/password") { request, context in
            var request = request
            let form = FormBody(try await request.bodyText())
            guard let session = context.session else { return Reply.redirect("/login") }
            guard let token = form["csrf"], constantTimeEqual(token, session.csrfToken) else {
                return Reply.message(context.language("forbidden"), "CSRF token missing or wrong", status: .forbidden, context: context)
            }
            let password = form["password"] ?? ""
            do {
                _ = try AccountStore.checkPassword(password)
            } catch let error as FieldProblem {
                let body = Templates.render("password", ["t": context.language.labels, "csrf": session.csrfToken, "error": error.message])
                return Reply.page(context.language("change_password"), body, context: context, path: "/password", status: .unprocessableContent)
            }
            let now = AccountStore.now(), user = session.user
            // A new password ends every session, this one included; sign the user straight back in.
            let fresh = try await pool.write { try $0.changePassword(user: user.name, to: password, now: now) }
            var response = Reply.redirect("/")
            response.setCookie(cookie(WebApp.sessionCookie, fresh.cookie, maxAge: Int(AccountStore.sessionLifetime)))
            return response
        }

        // The language switch: a cookie that outlives the session, then back to the page.
        router.get("/lang") { request, _ in
            let chosen = request.uri.queryParameters["to"].flatMap { Language(rawValue: String($0)) } ?? .en
            let back = request.uri.queryParameters["back"].map(String.init) ?? "/"
            // Only a path on this site: never `//host` or `http:`.
            let target = back.hasPrefix("/") && !back.hasPrefix("//") && !back.contains("\\") ? back : "/"
            var response = Reply.redirect(target)
            response.setCookie(cookie("lang", chosen.rawValue, maxAge: 365 * 24 * 3600, httpOnly: true))
            return response
        }
    }
}
