import Hummingbird
import Presentation
import Tracker

/// An action: its page with the timeline, and (for editors) logging and correcting progress.
struct ActionsController {
    let app: WebApp

    func addRoutes(to router: Router<WebContext>) {
        app.readPage(router, "/actions/:number") { request, context in
            guard let number = context.parameters.get("number").flatMap({ Int($0) }), number > 0 else {
                return Reply.message(context.language("not_found"), context.language("no_such_action"), status: .notFound, context: context)
            }
            let body = try await app.pool.read { tracker in
                try app.actionPage(tracker, number: number, context: context, form: FormState(fields: WebApp.progressFields))
            }
            return Reply.page("\(context.language("action")) \(number)", body, context: context, path: "/actions/\(number)")
        }

        router.post("/actions/:number/progress") { request, context in
            guard let number = context.parameters.get("number").flatMap({ Int($0) }), number > 0 else {
                return Reply.message(context.language("not_found"), context.language("no_such_action"), status: .notFound, context: context)
            }
            return try await app.formPost(request, context, fields: WebApp.progressFields, saved: "/actions/\(number)#timeline",
                                      title: "\(context.language("action")) \(number)", path: "/actions/\(number)") { tracker, state, author in
                _ = try Writes.addProgress(tracker, action: .number(number), state: &state, author: author)
            } page: { state in
                try await app.pool.read { tracker in try app.actionPage(tracker, number: number, context: context, form: state) }
            }
        }

        app.readPage(router, "/actions/:number/updates/:id/correct") { request, context in
            guard let session = app.editorSession(context) else { return Reply.forbidden(context) }
            guard let number = context.parameters.get("number").flatMap({ Int($0) }),
                  let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
                return Reply.message(context.language("not_found"), context.language("no_such_update"), status: .notFound, context: context)
            }
            let body = try await app.pool.read { tracker in
                try app.correctPage(tracker, number: number, id: id, csrf: session.csrfToken, context: context, state: nil)
            }
            return Reply.page(context.language("correct_update"), body, context: context, path: "/actions/\(number)")
        }

        router.post("/actions/:number/updates/:id/correct") { request, context in
            guard let number = context.parameters.get("number").flatMap({ Int($0) }),
                  let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
                return Reply.message(context.language("not_found"), context.language("no_such_update"), status: .notFound, context: context)
            }
            return try await app.formPost(request, context, fields: WebApp.progressFields, saved: "/actions/\(number)#timeline",
                                      title: context.language("correct_update"), path: "/actions/\(number)") { tracker, state, author in
                try Writes.correctProgress(tracker, id: id, state: &state, author: author)
            } page: { state in
                try await app.pool.read { tracker in
                    try app.correctPage(tracker, number: number, id: id, csrf: context.session?.csrfToken ?? "", context: context, state: state)
                }
            }
        }
    }
}
