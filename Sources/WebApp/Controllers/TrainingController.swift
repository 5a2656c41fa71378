import Hummingbird
import Presentation
import Tracker

/// Training sessions: the list, and (for editors) adding, correcting and withdrawing one.
struct TrainingController {
    let app: WebApp

    func addRoutes(to router: Router<WebContext>) {
        app.readPage(router, "/training") { _, context in
            let body = try await app.pool.read { tracker in try app.trainingPage(tracker, context: context) }
            return Reply.page(context.language("training"), body, context: context, path: "/training")
        }

        for form in TrainingForm.allCases {
            router.post(form.path) { request, context in
                try await app.formPost(request, context, fields: form.inputs.map(\.name) + (form == .add ? ["baseline"] : []), saved: "/training",
                                   title: context.language("training"), path: "/training", write: form.write) { state in
                    try await app.pool.read { tracker in try app.trainingPage(tracker, context: context, refused: (form, state)) }
                }
            }
        }
    }
}
