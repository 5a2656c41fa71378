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

    func addPageRoutes(to router: Router<WebContext>) {
        readPage(router, "/") { request, context in
            let asOf = try asOfParameter(request)
            let language = context.language
            let body = try await pool.readCached("overview \(asOf) \(language)") { tracker in
                Templates.render("overview", Views.overview(try tracker.dashboard(asOf: asOf), asOf: asOf, language: language))
            }
            return Reply.page(language("overview"), body, context: context, path: "/")
        }

        readPage(router, "/actions/:number") { request, context in
            guard let number = context.parameters.get("number").flatMap({ Int($0) }), number > 0 else {
                return Reply.message(context.language("not_found"), context.language("no_such_action"), status: .notFound, context: context)
            }
            let body = try await pool.read { tracker in
                try actionPage(tracker, number: number, context: context, form: FormState(fields: Self.progressFields))
            }
            return Reply.page("\(context.language("action")) \(number)", body, context: context, path: "/actions/\(number)")
        }

        readPage(router, "/targets") { request, context in
            let body = try await targetsPage(asOf: try asOfParameter(request), context: context)
            return Reply.page(context.language("targets"), body, context: context, path: "/targets")
        }

        readPage(router, "/training") { _, context in
            let body = try await pool.read { tracker in try trainingPage(tracker, context: context) }
            return Reply.page(context.language("training"), body, context: context, path: "/training")
        }

        readPage(router, "/indicators") { _, context in
            let language = context.language
            let body = try await pool.read { tracker in
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

        readPage(router, "/search") { request, context in
            let language = context.language
            let query = request.uri.queryParameters["q"].map(String.init) ?? ""
            let body = try await pool.read { tracker in
                guard !query.allSatisfy(\.isWhitespace) else {
                    return Templates.render("search", ["t": language.labels, "query": query, "searched": false])
                }
                return Templates.render("search", Views.search(try tracker.search(query), query: query, language: language))
            }
            return Reply.page(language("search"), body, context: context, path: "/search")
        }

        // A passage a search found, among the lines around it in its document.
        readPage(router, "/passages/:document/:line") { _, context in
            let language = context.language
            guard let document = context.parameters.get("document"), let line = context.parameters.get("line").flatMap({ Int($0) }) else {
                return Reply.message(language("not_found"), language("no_such_passage"), status: .notFound, context: context)
            }
            let passages = try await pool.read { tracker in try tracker.passages(document: document, line: line) }
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

        readPage(router, "/reports") { _, context in
            let language = context.language
            let body = Templates.render("simple", [
                "t": language.labels, "heading": language("reports"), "hasLinks": true,
                "links": Report.allCases.map { report -> [String: Any] in
                    ["href": "/reports/\(report.rawValue)", "label": language("reportname." + report.rawValue),
                     "summary": language("report." + report.rawValue)]
                },
            ])
            return Reply.page(language("reports"), body, context: context, path: "/reports")
        }

        readPage(router, "/reports/:name") { request, context in
            let report = try Report.named(context.parameters.get("name") ?? "")
            let asOf = try asOfParameter(request)
            let language = context.language
            let sections = try await pool.read { tracker in
                try tracker.run(report, parameters: ReportParameters(asOf: asOf))
            }
            if request.uri.queryParameters["format"] == "csv" {
                // One file per report: sections one after another, each with its header row.
                let text = sections.map { $0.table.render(as: .csv) }.joined(separator: "\r\n")
                return Reply.csv(text, filename: "\(report.rawValue)-\(asOf).csv")
            }
            let path = "/reports/\(report.rawValue)"
            let heading = language("reportname." + report.rawValue)
            let body = Templates.render("simple", [
                "t": language.labels, "heading": heading, "intro": language("report." + report.rawValue),
                "asOfForm": true, "path": path, "asOf": asOf.description,
                "sections": sections.map { section -> [String: Any] in
                    let title = language("section." + section.title)
                    return ["title": title, "table": TableView.render(section.table.withDefaultColumns, caption: title, language: language)]
                },
            ])
            return Reply.page(heading, body, context: context, path: path)
        }
    }

    /// `?as_of=YYYY-MM-DD`, default today; a bad date is the user's to fix.
    func asOfParameter(_ request: Request) throws -> ISODate {
        guard let text = request.uri.queryParameters["as_of"], !text.isEmpty else { return .today() }
        do { return try FieldParser.date(String(text)) } catch { throw HTTPError(.badRequest, message: "as_of: \(error.message)") }
    }
}
