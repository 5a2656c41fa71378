import Hummingbird
import Presentation
import Tracker

extension WebApp {
    /// A read page: signed in (or `--public`), else to the sign-in page; a first password must be changed first.
    func readPage(_ router: Router<WebContext>, _ path: RouterPath,
                  _ handler: @escaping @Sendable (Request, WebContext) async throws -> Response) {
        router.get(path) { request, context in
            if context.user?.mustChangePassword == true { return Reply.redirect("/password") }
            guard mayRead(context) else { return Reply.redirect("/login") }
            do {
                return try await handler(request, context)
            } catch let error as TrackerError {
                return Reply.message(context.language("not_found"), error.message, status: .notFound, context: context)
            }
        }
    }

    /// `?as_of=YYYY-MM-DD`, default today; a bad date is the user's to fix.
    func asOfParameter(_ request: Request) throws -> ISODate {
        guard let text = request.uri.queryParameters["as_of"], !text.isEmpty else { return .today() }
        do { return try FieldParser.date(String(text)) } catch { throw HTTPError(.badRequest, message: "as_of: \(error.message)") }
    }
}
