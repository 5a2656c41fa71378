import Hummingbird
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
                let data = try tracker.dashboard(asOf: asOf)
                return Templates.render("overview", [
                    "t": language.labels, "planTitle": data.planTitle, "planTitleEn": data.planTitleEn as Any,
                    "asOf": asOf.description,
                    "actions": data.actions.map { action -> [String: Any] in
                        ["number": action.number, "title": action.title, "titleEn": action.titleEn as Any, "status": action.status.rawValue,
                         "lastUpdate": action.lastUpdate ?? "", "updates": action.updates, "lastNote": action.lastNote ?? ""]
                    },
                    "milestones": data.milestones.map { milestoneContext($0, data, language) },
                    "activity": Charts.monthlyBars(data.updatesPerMonth, width: 1000, language.forCharts),
                ])
            }
            return Reply.page(language("overview"), body, context: context, path: "/")
        }

        readPage(router, "/actions/:number") { request, context in
            guard let number = context.parameters.get("number").flatMap({ Int($0) }), number > 0 else {
                return Reply.message(context.language("not_found"), "no such action", status: .notFound, context: context)
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
                Templates.render("simple", [
                    "t": language.labels, "heading": language("indicators"),
                    "sections": [["title": language("indicators"),
                                  "table": TableView.render(try tracker.indicators(search: nil), id: "indicators")]],
                ])
            }
            return Reply.page(language("indicators"), body, context: context, path: "/indicators")
        }

        readPage(router, "/search") { request, context in
            let language = context.language
            let query = request.uri.queryParameters["q"].map(String.init) ?? ""
            let body = try await pool.read { tracker in
                var page: [String: Any] = ["t": language.labels, "heading": language("search"), "searchForm": true, "query": query]
                if !query.allSatisfy(\.isWhitespace) {
                    let hits = try tracker.search(query)
                    if hits.isEmpty { page["empty"] = true }
                    else { page["sections"] = [["title": "\(hits.count)", "table": TableView.render(TextSearch.table(hits, for: .table), id: "hits")]] }
                }
                return Templates.render("simple", page)
            }
            return Reply.page(language("search"), body, context: context, path: "/search")
        }

        readPage(router, "/reports") { _, context in
            let language = context.language
            let body = Templates.render("simple", [
                "t": language.labels, "heading": language("reports"),
                "links": Report.allCases.map { ["href": "/reports/\($0.rawValue)", "label": $0.rawValue, "summary": $0.summary] },
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
            let body = Templates.render("simple", [
                "t": language.labels, "heading": report.rawValue, "asOfForm": true, "path": path, "asOf": asOf.description,
                "sections": sections.map { ["title": $0.title, "table": TableView.render($0.table)] },
            ])
            return Reply.page(report.rawValue, body, context: context, path: path)
        }
    }

    /// A milestone for the overview and targets templates: figures, progress bar and chart.
    func milestoneContext(_ milestone: DashboardData.Milestone, _ data: DashboardData, _ language: Language) -> [String: Any] {
        ["title": milestone.title, "status": milestone.status.rawValue, "done": milestone.done, "target": milestone.target,
         "dueOn": milestone.dueOn.description, "projectedOn": milestone.projectedOn as Any,
         "pace": milestone.pacePerMonth.map { String($0) } ?? "—",
         "bar": Charts.progressBar(milestone, language.forCharts),
         "chart": Charts.timeline(milestone, proposedOn: data.proposedOn, asOf: data.asOf, width: 1000, language.forCharts)]
    }

    /// `?as_of=YYYY-MM-DD`, default today; a bad date is the user's to fix.
    func asOfParameter(_ request: Request) throws -> ISODate {
        guard let text = request.uri.queryParameters["as_of"], !text.isEmpty else { return .today() }
        do { return try FieldParser.date(String(text)) } catch { throw HTTPError(.badRequest, message: "as_of: \(error.message)") }
    }
}
