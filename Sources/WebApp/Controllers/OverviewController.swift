import Hummingbird
import Presentation
import Tracker

/// The overview: every action with its status, last update and progress, the milestones, activity per month.
struct OverviewController {
    let app: WebApp

    func addRoutes(to router: Router<WebContext>) {
        app.readPage(router, "/") { request, context in
            let asOf = try app.asOfParameter(request)
            let language = context.language
            let body = try await app.pool.readCached("overview \(asOf) \(language)") { tracker in
                Templates.render("overview", Views.overview(try tracker.dashboard(asOf: asOf), asOf: asOf, language: language))
            }
            return Reply.page(language("overview"), body, context: context, path: "/")
        }
    }
}
