import Hummingbird
import Presentation
import Tracker

/// The reports, each as tables for the chosen date or as a CSV download.
struct ReportsController {
    let app: WebApp

    func addRoutes(to router: Router<WebContext>) {
        app.readPage(router, "/reports") { _, context in
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

        app.readPage(router, "/reports/:name") { request, context in
            let report = try Report.named(context.parameters.get("name") ?? "")
            let asOf = try app.asOfParameter(request)
            let language = context.language
            let sections = try await app.pool.read { tracker in
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
                    return ["title": title, "table": TableView.render(section.table, caption: title, language: language)]
                },
            ])
            return Reply.page(heading, body, context: context, path: path)
        }
    
    }
}
