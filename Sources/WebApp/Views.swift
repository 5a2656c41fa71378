import Presentation
import Storage
import Tracker

/// The pages' view models: what each template is given, with every column, status and unit in the
/// page's language. Text from the database reaches the templates as text (`{{x}}` escapes it).
enum Views {
    // MARK: Overview

    /// Each action with its status, last update and progress toward its targets.
    static func overview(_ data: DashboardData, asOf: ISODate, language: Language) -> [String: Any] {
        [
            "t": language.labels, "planTitle": data.planTitle, "planTitleEn": data.planTitleEn as Any, "asOf": asOf.description,
            "actions": data.actions.map { action -> [String: Any] in
                let percent = targetPercent(of: action, in: data)
                // An English page leads with the English title where there is one, the plan's own title beneath.
                let leadsInEnglish = language == .en && action.titleEn != nil
                var card: [String: Any] = [
                    "number": action.number, "title": leadsInEnglish ? action.titleEn ?? action.title : action.title,
                    "titleEn": leadsInEnglish ? action.title : action.titleEn ?? false,
                    "secondLang": leadsInEnglish ? Language.of(action.title).htmlTag : "en",
                    "status": action.status.rawValue, "statusLabel": language.status(action.status),
                    "lastUpdate": action.lastUpdate?.description ?? false, "updates": action.updates, "lastNote": action.lastNote ?? false,
                    "hasPercent": percent != nil,
                ]
                if let percent {
                    card["percentValue"] = Int(percent.rounded())
                    card["percentText"] = "\(Int(percent.rounded())) %"
                }
                return card
            },
            "milestones": data.milestones.map { milestone(milestone: $0, data, language) },
            "activity": Charts.responsive { Charts.monthlyBars(data.updatesPerMonth, width: $0, language) },
        ]
    }

    /// How far an action has got toward its targets: the mean of its targets' percentages (each
    /// capped at 100), else the percent of its latest update; nil when there is neither.
    static func targetPercent(of action: DashboardData.Action, in data: DashboardData) -> Double? {
        let percents = data.targets.filter { $0.action == action.number }.compactMap(\.percent).map { min(max($0, 0), 100) }
        if !percents.isEmpty { return percents.reduce(0, +) / Double(percents.count) }
        return action.percent.map { min(max($0, 0), 100) }
    }

    /// A milestone for the overview and targets templates: figures, progress bar and chart.
    static func milestone(milestone: DashboardData.Milestone, _ data: DashboardData, _ language: Language) -> [String: Any] {
        ["title": milestone.title, "status": milestone.status.rawValue, "statusLabel": language.status(milestone.status),
         "done": milestone.done, "target": milestone.target, "dueOn": milestone.dueOn.description,
         "projectedOn": milestone.projectedOn?.description ?? false,
         "pace": milestone.pacePerMonth.map { String($0) } ?? "—",
         "bar": Charts.progressBar(milestone, language),
         // Drawn again at a phone's width, so its labels stay legible there (the stylesheet shows one).
         "chart": Charts.responsive { Charts.timeline(milestone, proposedOn: data.proposedOn, asOf: data.asOf, width: $0, language) }]
    }

    // MARK: Action

    /// An update of the timeline, every key the template reads set (so none falls through to the page).
    static func timelineEntry(_ row: TableRecord, action: Int, canWrite: Bool, language: Language) throws -> [String: Any] {
        let supersededBy = try row.optional("superseded").flatMap { $0.split(separator: "#").last.map(String.init) }
        let corrects = try row.optional("correction").flatMap { $0.split(separator: "#").last.map(String.init) }
        let status = try row.text("status")
        let evidence = try row.optional("evidence_url")
        return [
            "id": try row.text("id"), "reported_on": try row.text("reported_on"), "status": status,
            "statusLabel": language.status(named: status) ?? status, "percent": try row.optional("percent") ?? false,
            "note": try row.text("note"), "author": try row.optional("author") ?? false,
            "evidenceLink": WebLink.linkable(evidence) ?? false, "evidence_url": evidence ?? false,
            "correctsID": corrects ?? false, "supersededBy": supersededBy ?? false, "superseded": supersededBy != nil,
            "canCorrect": canWrite && supersededBy == nil, "actionNumber": action,
        ]
    }

    /// "document, line N", in the page's language.
    static func sourceNote(document: String?, line: Int?, language: Language) -> String? {
        guard let document else { return nil }
        return document + (line.map { ", " + language("line", n: $0) } ?? "")
    }

    // MARK: Search

    /// Each hit with a link to where it was found (an update on its action's timeline, a passage in
    /// its document, a session's row on the training page) and its snippet as segments, the matches shown as <mark>.
    static func search(_ hits: [SearchHit], query: String, language: Language) -> [String: Any] {
        var page: [String: Any] = ["t": language.labels, "query": query, "searched": true, "hasHits": !hits.isEmpty]
        page["countLabel"] = hits.isEmpty ? language("no_results") : hits.count == 1 ? language("result_count_one") : language("result_count", n: hits.count)
        page["hits"] = hits.map { hit -> [String: Any] in
            let segments = hit.snippet.segments.map { ["text": $0.text, "isMatch": $0.isMatch] as [String: Any] }
            switch hit.kind {
            case .update:
                let action = hit.action ?? 0, id = hit.updateID ?? 0
                return ["kindLabel": language("update"), "href": "/actions/\(action)#update-\(id)",
                        "place": "\(language("action")) \(action) · #\(id)", "date": hit.reportedOn ?? false, "segments": segments]
            case .passage:
                let document = hit.document ?? "", line = hit.line ?? 0
                return ["kindLabel": language("passage"), "href": "/passages/\(percentEncoded(document))/\(line)#line-\(line)",
                        "place": "\(document), \(language("line", n: line))", "date": false, "segments": segments]
            case .session:
                let id = hit.sessionID ?? 0
                return ["kindLabel": language("session"), "href": "/training#session-\(id)",
                        "place": "\(language("training")) · #\(id)", "date": hit.reportedOn ?? false, "segments": segments]
            }
        }
        return page
    }

    /// A path segment: slugs are plain, but nothing else is trusted into a URL.
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                result.append(Character(Unicode.Scalar(byte)))
            default:
                let digits = Array("0123456789ABCDEF")
                result += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
            }
        }
        return result
    }
}

/// A result table as an HTML table that turns into one card a row on a phone: each column headed
/// in the page's language, statuses as badges in words, units in the page's language, evidence
/// URLs (http(s) only) as links. Cells are escaped by the template.
enum TableView {
    /// Columns empty in every row are left out (a phone would show them as empty lines on every card;
    /// the CSV download and the API keep every column).
    static func render(_ table: ResultTable, id: String? = nil, rowIDPrefix: String = "row-", caption: String, language: Language,
                       link: ((_ column: String, _ row: [String: String]) -> String?)? = nil) -> String {
        let filled = table.columns.indices.filter { index in table.normalizedRows.contains { $0[index] != .null && !$0[index].displayText.isEmpty } }
        let table = filled.count == table.columns.count || filled.isEmpty
            ? table : ResultTable(columns: filled.map { table.columns[$0] }, rows: table.normalizedRows.map { row in filled.map { row[$0] } })
        let numeric = table.numericColumns
        let labels = table.columns.map { language.column($0) }
        var rows: [[String: Any]] = []
        for values in table.normalizedRows {
            var row: [String: String] = [:]
            for (column, value) in zip(table.columns, values) where value != .null { row[column] = value.displayText }
            var cells: [[String: Any]] = []
            for (index, column) in table.columns.enumerated() {
                let text = row[column] ?? ""
                // A class only where there is one: the template tests the key, and an empty string counts as set.
                let cls: Any
                if numeric[index] { cls = "num" } else if isDate(column) { cls = "date" } else { cls = false }
                var cell: [String: Any] = [
                    "label": labels[index], "text": text, "badge": false, "link": false, "external": false, "cls": cls,
                    "isolate": Bidi.needsIsolation(text),
                ]
                if column == "status" || column.hasSuffix("_status"), let words = language.status(named: text) {
                    cell["badge"] = text
                    cell["text"] = words
                } else if column == "percent", !text.isEmpty {
                    cell["text"] = text + " %"
                } else if column == "unit" || column == "target_unit" {
                    cell["text"] = language.unit(text)
                } else if column == "milestone", text == "baseline" {
                    cell["text"] = language("baseline_value")
                } else if column == "kind", let words = Labels.table["kind." + text] {
                    cell["text"] = language == .zh ? words.zh : words.en
                } else if column == "evidence_url", let url = WebLink.linkable(text) {
                    cell["link"] = url
                    cell["external"] = true
                } else if let href = link?(column, row), !text.isEmpty {
                    cell["link"] = href
                }
                cells.append(cell)
            }
            let retired = row["superseded_by"] != nil || row["withdrawn_on"] != nil
            rows.append(["cells": cells, "rowClass": retired ? "superseded" : false, "rowID": row["id"].map { rowIDPrefix + $0 } ?? false])
        }
        var context: [String: Any] = [
            "caption": caption,
            "columns": zip(labels, numeric).map { ["label": $0, "numeric": $1] as [String: Any] },
            "rows": rows,
        ]
        context["id"] = id ?? false
        return Templates.render("table", context)
    }

    static func isDate(_ column: String) -> Bool {
        column.hasSuffix("_on") || column == "date" || column == "as_of" || column == "last_update" || column == "month" || column == "since"
    }
}
