import Hummingbird
import Presentation
import Tracker

/// Targets: milestones and every target against its figure, and (for editors) recording and correcting measured values.
struct TargetsController {
    let app: WebApp

    func addRoutes(to router: Router<WebContext>) {
        app.readPage(router, "/targets") { request, context in
            let body = try await app.targetsPage(asOf: try app.asOfParameter(request), context: context)
            return Reply.page(context.language("targets"), body, context: context, path: "/targets")
        }

        router.post("/targets/actuals") { request, context in
            try await app.formPost(request, context, fields: WebApp.actualFields, saved: "/targets#actuals", title: context.language("targets"),
                               path: "/targets", write: Writes.recordActual) { state in
                try await app.targetsPage(asOf: .today(), context: context, form: state)
            }
        }

        app.readPage(router, "/targets/:slug/actuals/:id/correct") { request, context in
            guard let session = app.editorSession(context) else { return Reply.forbidden(context) }
            guard let slug = context.parameters.get("slug"), let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
                return Reply.message(context.language("not_found"), context.language("no_such_value"), status: .notFound, context: context)
            }
            let body = try await app.pool.read { tracker in
                try app.correctActualPage(tracker, slug: slug, id: id, csrf: session.csrfToken, context: context, state: nil)
            }
            return Reply.page(context.language("correct_actual"), body, context: context, path: "/targets")
        }

        router.post("/targets/:slug/actuals/:id/correct") { request, context in
            guard let slug = context.parameters.get("slug"), let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
                return Reply.message(context.language("not_found"), context.language("no_such_value"), status: .notFound, context: context)
            }
            do {
                return try await app.formPost(request, context, fields: WebApp.correctActualFields, saved: "/targets#actuals",
                                          title: context.language("correct_actual"), path: "/targets") { tracker, state, author in
                    try Writes.correctActual(tracker, id: id, state: &state, author: author)
                } page: { state in
                    try await app.pool.read { tracker in
                        try app.correctActualPage(tracker, slug: slug, id: id, csrf: context.session?.csrfToken ?? "", context: context, state: state)
                    }
                }
            } catch let error as TrackerError {
                // A refusal of a value that is not the slug's: there is no form to show it beside.
                return Reply.message(context.language("not_found"), error.message, status: .notFound, context: context)
            }
        }
    
    }
}
