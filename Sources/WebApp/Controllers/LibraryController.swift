import Hummingbird
import Presentation
import Tracker

/// What the documents say: indicators, search, and the passages a search finds.
struct LibraryController {
    let app: WebApp

    func addRoutes(to router: Router<WebContext>) {
        app.readPage(router, "/indicators") { _, context in
            let language = context.language
            let body = try await app.pool.read { tracker in
                let table = try tracker.indicators(search: nil).selecting(["name", "qualifier", "value", "unit", "as_of", "document", "line"])
                let rendered = TableView.render(table, id: "indicators", caption: language("indicators"), language: language) { column, row in
                    guard column == "line", let document = row["document"], let line = row["line"] else { return nil }
                    return "/passages/\(Views.percentEncoded(document))/\(line)#line-\(line)"
                }
                return Templates.render("simple", [
                    "t": language.labels, "heading": language("indicators"), "sections": [["title": false, "table": rendered]],
                ])
            }
            return Reply.page(language("indicators"), body, context: context, path: "/indicators")
        }

        app.readPage(router, "/search") { request, context in
            let language = context.language
            // The search form's GET writes a space as `+` (form encoding), which the URI's own query parameters keep.
            let query = FormBody(request.uri.query ?? "")["q"] ?? ""
            let body = try await app.pool.read { tracker in
                guard !query.allSatisfy(\.isWhitespace) else {
                    return Templates.render("search", ["t": language.labels, "query": query, "searched": false])
                }
                return Templates.render("search", Views.search(try tracker.search(query, includingSessions: true), query: query, language: language))
            }
            return Reply.page(language("search"), body, context: context, path: "/search")
        }

        // A passage a search found, among the lines around it in its document.
        app.readPage(router, "/passages/:document/:line") { _, context in
            let language = context.language
            guard let document = context.parameters.get("document"), let line = context.parameters.get("line").flatMap({ Int($0) }) else {
                return Reply.message(language("not_found"), language("no_such_passage"), status: .notFound, context: context)
            }
            let passages = try await app.pool.read { tracker in try tracker.passages(document: document, line: line) }
            guard passages.contains(where: { $0.line == line }) else {
                return Reply.message(language("not_found"), language("no_such_passage"), status: .notFound, context: context)
            }
            let body = Templates.render("passage", [
                "t": language.labels, "document": document, "lineLabel": language("line", n: line),
                "passages": passages.map { passage -> [String: Any] in
                    ["line": passage.line, "lineLabel": language("line", n: passage.line), "text": passage.text, "current": passage.line == line]
                },
            ])
            return Reply.page(language("passage"), body, context: context, path: "/passages/\(Views.percentEncoded(document))/\(line)")
        }
    }
}
