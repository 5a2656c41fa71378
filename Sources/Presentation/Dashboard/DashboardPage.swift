import Storage
import Tracker
/// The dashboard as one self-contained HTML page: inline CSS and SVG, no scripts, nothing fetched.
/// The markup is also well-formed XML, so tests (and any XML tool) can read it back.
///
/// Every label is in `language` (default: the plan's); the plan's own text stays as written. Under
/// 600 px, tables become one card a row and each chart is drawn again at phone width, so its labels
/// stay readable instead of shrinking with a 1000-unit drawing.
public enum DashboardPage {
    public static func render(_ data: DashboardData, language: Language? = nil) -> String {
        let l = language ?? data.planLanguage
        var body = header(data, l)
        body += summarySection(data, l)
        body += visionsSection(data, l)
        body += actionsSection(data, l)
        body += targetsSection(data, l)
        body += milestoneSection(data, l)
        body += activitySection(data, l)
        body += appendixSection(data, l)
        body += HTML.element(
            "footer", [:],
            HTML.escape(l("dash.footer", ["as_of": "\(data.asOf)"])))
        return HTML.page(language: l, title: "\(data.planTitle) — \(l("dash.as_of")) \(data.asOf)", stylesheet: stylesheet, body: body)
    }

    // MARK: Sections

    static func header(_ data: DashboardData, _ l: Language) -> String {
        var content = HTML.text("p", ["class": "kicker"], l("dash.kicker"))
        content += HTML.text("h1", [:], data.planTitle)
        if let english = data.planTitleEn, english != data.planTitle { content += HTML.text("p", ["class": "subtitle"], english) }
        var asOf = HTML.escape(l("dash.figures_as_of")) + HTML.text("time", ["datetime": data.asOf.description], data.asOf.description)
        if let proposed = data.proposedOn { asOf += HTML.escape(l("dash.proposed", ["date": "\(proposed)"])) }
        content += HTML.element("p", ["class": "as-of", "id": "as-of"], asOf)
        return HTML.element("header", [:], content) + "\n"
    }

    static func summarySection(_ data: DashboardData, _ l: Language) -> String {
        let counts = statusCounts(data.actions)
        let completed = counts.first { $0.status == .completed }?.count ?? 0
        var actionsTile = HTML.text("p", ["class": "label"], l("dash.actions_completed"))
        actionsTile += HTML.text("p", ["class": "figure"], l.count(completed, of: data.actions.count))
        actionsTile += statusBar(counts, total: data.actions.count, l)
        actionsTile += legend(counts, l)
        var tiles = [HTML.element("div", ["class": "tile"], actionsTile)]

        for milestone in data.milestones {
            var tile = HTML.text("p", ["class": "label"], milestone.title)
            tile += HTML.text("p", ["class": "figure"], l.count(milestone.done, of: milestone.target))
            tile += HTML.element("p", [:], badge(milestone.status, l) + HTML.escape(l("dash.tile_due", ["date": "\(milestone.dueOn)"])))
            if let projected = milestone.projectedOn, milestone.done < milestone.target {
                let pace = CellText.real(milestone.pacePerMonth ?? 0)
                tile += HTML.text("p", ["class": "muted"], l("dash.tile_projected", ["pace": pace, "date": "\(projected)"]))
            }
            tiles.append(HTML.element("div", ["class": "tile"], tile))
        }

        let total = data.updatesPerMonth.reduce(0) { $0 + $1.updates }
        let last = data.actions.compactMap(\.lastUpdate).max()
        var updatesTile = HTML.text("p", ["class": "label"], l("dash.updates_in_force"))
        updatesTile += HTML.text("p", ["class": "figure"], String(total))
        updatesTile += HTML.text("p", ["class": "muted"], last.map { l("dash.latest", ["date": "\($0)"]) } ?? l("dash.none_recorded"))
        tiles.append(HTML.element("div", ["class": "tile"], updatesTile))

        return section("summary", l("dash.at_a_glance"), HTML.element("div", ["class": "tiles"], tiles.joined()))
    }

    /// Each vision with how many of its actions are completed and a bar of their statuses.
    static func visionsSection(_ data: DashboardData, _ l: Language) -> String {
        guard !data.visions.isEmpty else { return "" }
        let rows = data.visions.map { vision -> String in
            let actions = data.actions(ofVision: vision.number)
            let counts = statusCounts(actions)
            let completed = actions.filter { $0.status == .completed }.count
            var title = HTML.escape("\(vision.number). \(vision.title)")
            if l == .en, let english = vision.titleEn { title = HTML.escape("\(vision.number). \(english)") + HTML.text("span", ["class": "en"], vision.title) }
            let numbers = actions.map { String($0.number) }.joined(separator: l("dash.list_separator"))
            return HTML.element("div", ["class": "vision"], [
                HTML.element("p", ["class": "vision-title"], title),
                HTML.text("p", ["class": "muted"], actions.isEmpty
                    ? l("dash.vision_no_actions")
                    : l("dash.vision_actions", ["numbers": numbers, "done": "\(completed)", "total": "\(actions.count)"])),
                statusBar(counts, total: actions.count, l),
            ].joined())
        }
        return section("visions", l("dash.by_vision"), HTML.element("div", ["class": "visions"], rows.joined()))
    }

    static func actionsSection(_ data: DashboardData, _ l: Language) -> String {
        let headers = [l("head.number"), l("head.action"), l("head.status"), l("head.last_update"),
                       l("head.updates"), l("head.percent")]
        let rows = data.actions.map { action in
            var title = HTML.escape(action.title)
            if let english = action.titleEn { title += HTML.text("span", ["class": "en"], english) }
            var last = HTML.escape(action.lastUpdate?.description ?? "—")
            if let note = action.lastNote { last += HTML.text("span", ["class": "note"], shortened(note)) }
            if let url = action.evidenceURL { last += evidenceLink(url, l) }
            return HTML.element("tr", [:], [
                cell(headers[0], ["class": "num"], HTML.escape(String(action.number))),
                cell(headers[1], [:], title),
                cell(headers[2], [:], badge(action.status, l)),
                cell(headers[3], [:], last),
                cell(headers[4], ["class": "num"], HTML.escape(String(action.updates))),
                cell(headers[5], ["class": "num"], HTML.escape(action.percent.map { CellText.real($0) + " %" } ?? "")),
            ].joined())
        }
        let table = HTML.element(
            "table", ["class": "cards"],
            HTML.element("thead", [:], headerRow(headers, numeric: [0, 4, 5])) + HTML.element("tbody", [:], rows.joined()))
        let title = data.actions.count == 10 ? l("dash.ten_actions") : l("dash.the_actions")
        return section("actions", title, data.actions.isEmpty ? HTML.text("p", ["class": "muted"], l("dash.no_actions")) : table)
    }

    /// One row per target: what is promised, a bar of actual against target, due date and status
    /// (the figures of `commitment list` and the `commitment_progress` view).
    static func targetsSection(_ data: DashboardData, _ l: Language) -> String {
        let title = l("dash.targets")
        guard !data.targets.isEmpty else {
            return section("targets", title, HTML.text("p", ["class": "muted"], l("dash.no_targets")))
        }
        let headers = [l("head.for"), l("head.target"), l("head.promised"), l("head.actual"),
                       l("head.progress"), l("head.due"), l("head.status")]
        let rows = data.targets.map { target in
            let owner = target.action.map { l("dash.owner_action", ["number": "\($0)"]) } ?? l("dash.owner_plan")
            let promised = [target.qualifier, target.target.map(CellText.real), target.unit].compactMap { $0 }.joined(separator: " ")
            let actual = target.actual.map { CellText.real($0) + (target.unit.map { " " + $0 } ?? "") }
                ?? target.actualOn.map { l("dash.done_on", ["date": "\($0)"]) } ?? "—"
            let measured = actual + (target.actual != nil ? target.actualOn.map { " (\($0))" } ?? "" : "")
            return HTML.element("tr", ["id": "target-\(target.slug)"], [
                cell(headers[0], ["class": "for"], HTML.escape(owner)),
                cell(headers[1], [:], HTML.escape(shortened(target.title, to: 90)) + HTML.text("span", ["class": "en"], target.slug)),
                cell(headers[2], ["class": "num"], HTML.escape(promised.isEmpty ? l("dash.deliverable") : promised)),
                cell(headers[3], ["class": "num"], HTML.escape(measured)),
                cell(headers[4], ["class": "bar"], Charts.targetBar(target, l)),
                cell(headers[5], ["class": "date"], HTML.escape(target.dueOn ?? "")),
                cell(headers[6], [:], badge(target.status, l)),
            ].joined())
        }
        let table = HTML.element(
            "table", ["class": "targets cards"],
            HTML.element("thead", [:], headerRow(headers, numeric: [2, 3])) + HTML.element("tbody", [:], rows.joined()))
        return section("targets", title, table)
    }

    static func milestoneSection(_ data: DashboardData, _ l: Language) -> String {
        guard !data.milestones.isEmpty else {
            return section("milestone", l("dash.milestones"), HTML.text("p", ["class": "muted"], l("dash.no_milestone")))
        }
        let headers = [l("head.number"), l("head.held"), l("head.session"), l("head.where"),
                       l("head.participants"), l("head.countries")]
        let blocks = data.milestones.map { milestone in
            var block = HTML.text("h3", [:], milestone.title)
            // The view's percent (commitment_progress), at most 100: not a second rule here.
            let percent = CellText.real(min(milestone.percent ?? 0, 100))
            let figure = l("dash.sessions_held", ["done": "\(milestone.done)", "target": "\(milestone.target)", "percent": percent])
            let due = l("dash.due", ["date": "\(milestone.dueOn)"])
                + (milestone.projectedOn.map { l("dash.projected", ["date": "\($0)"]) } ?? "")
            block += HTML.element("p", ["class": "milestone-figure"], HTML.escape(figure) + badge(milestone.status, l) + HTML.escape(due))
            block += Charts.progressBar(milestone, l)
            block += Charts.responsive { Charts.timeline(milestone, proposedOn: data.proposedOn, asOf: data.asOf, width: $0, l) }
            block += HTML.text("p", ["class": "muted"], l("dash.timeline_legend"))
            if milestone.sessions.isEmpty {
                block += HTML.text("p", ["class": "muted"], l("dash.no_session"))
            } else {
                let rows = milestone.sessions.map { session in
                    var title = HTML.escape(session.title)
                    if let url = session.evidenceURL { title += evidenceLink(url, l) }
                    return HTML.element("tr", [:], [
                        cell(headers[0], ["class": "num"], HTML.escape(session.countsAs.map(String.init) ?? "")),
                        cell(headers[1], ["class": "date"], HTML.escape(session.startedOn.description + (session.endedOn.map { " – \($0)" } ?? ""))),
                        cell(headers[2], [:], title),
                        cell(headers[3], [:], HTML.escape([session.location, session.host].compactMap { $0 }.joined(separator: " · "))),
                        cell(headers[4], ["class": "num"], HTML.escape(session.participants.map(String.init) ?? "")),
                        cell(headers[5], ["class": "num"], HTML.escape(session.countries.map(String.init) ?? "")),
                    ].joined())
                }
                block += HTML.element(
                    "table", ["class": "sessions cards"],
                    HTML.element("thead", [:], headerRow(headers, numeric: [0, 4, 5])) + HTML.element("tbody", [:], rows.joined()))
            }
            return HTML.element("div", ["class": "milestone", "id": "milestone-\(milestone.slug)"], block)
        }
        return section("milestone", data.milestones.count == 1 ? l("dash.milestone") : l("dash.milestones"), blocks.joined())
    }

    static func activitySection(_ data: DashboardData, _ l: Language) -> String {
        section("activity", l("updates_per_month"), Charts.responsive { Charts.monthlyBars(data.updatesPerMonth, width: $0, l) })
    }

    /// Background figures from the documents, each once, grouped under the sentence they were read
    /// from so a quote is printed once however many figures it holds.
    static func appendixSection(_ data: DashboardData, _ l: Language) -> String {
        let title = l("dash.appendix")
        guard !data.indicators.isEmpty else {
            return section("indicators", title, HTML.text("p", ["class": "muted"], l("dash.no_indicators")))
        }
        var groups: [(key: String, source: String, quote: String?, indicators: [DashboardData.Indicator])] = []
        for indicator in data.indicators {
            let source = [indicator.document, indicator.line.map(String.init)].compactMap { $0 }.joined(separator: ":")
            let key = source + "\u{1F}" + (indicator.quote ?? "")
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].indicators.append(indicator)
            } else {
                groups.append((key, source, indicator.quote, [indicator]))
            }
        }
        let headers = [l("head.indicator"), l("head.value"), l("head.as_of")]
        let rows = groups.map { group -> String in
            let figures = group.indicators.map { indicator -> String in
                var name = HTML.escape(indicator.name)
                if let english = indicator.nameEn { name += HTML.text("span", ["class": "en"], english) }
                let qualifier = indicator.qualifier == "=" ? "" : indicator.qualifier + " "
                let value = qualifier + CellText.real(indicator.value) + (indicator.unit.map { " " + $0 } ?? "")
                return HTML.element("tr", [:], [
                    cell(headers[0], [:], name),
                    cell(headers[1], ["class": "num"], HTML.escape(value)),
                    cell(headers[2], ["class": "date"], HTML.escape(indicator.asOf ?? "")),
                ].joined())
            }
            var source = HTML.escape(group.source)
            if let quote = group.quote { source = HTML.text("q", [:], quote) + HTML.text("span", ["class": "where"], group.source) }
            return HTML.element("tbody", [:], figures.joined()
                + HTML.element("tr", ["class": "source-row"], HTML.element("td", ["class": "source", "colspan": "3"], source)))
        }
        let table = HTML.element(
            "table", ["class": "indicators cards"],
            HTML.element("thead", [:], headerRow(headers, numeric: [1])) + rows.joined())
        return section("indicators", title, HTML.element("details", ["open": "open"], HTML.text("summary", [:], l("dash.indicator_count", n: data.indicators.count)) + table))
    }

    // MARK: Pieces

    static func section(_ id: String, _ title: String, _ content: String) -> String {
        HTML.element("section", ["id": id], HTML.text("h2", [:], title) + content) + "\n"
    }

    /// A table cell that carries its column's title, shown beside the value when rows become cards.
    static func cell(_ label: String, _ attributes: KeyValuePairs<String, String>, _ content: String) -> String {
        var pairs = attributes.map { ($0.key, $0.value) }
        pairs.append(("data-label", label))
        return "<td" + pairs.map { " \($0.0)=\"\(HTML.escape($0.1))\"" }.joined() + ">" + content + "</td>"
    }

    static func headerRow(_ titles: [String], numeric: Set<Int>) -> String {
        HTML.element("tr", [:], titles.enumerated().map { index, title in
            numeric.contains(index) ? HTML.text("th", ["class": "num"], title) : HTML.text("th", [:], title)
        }.joined())
    }

    /// An evidence link; only http(s) URLs reach here (WebLink.linkable).
    static func evidenceLink(_ url: String, _ l: Language) -> String {
        HTML.text("a", ["class": "evidence", "href": url, "rel": "noopener noreferrer nofollow"], l("dash.evidence"))
    }

    /// The statuses in a fixed order (best first), each with how many actions have it.
    static func statusCounts(_ actions: [DashboardData.Action]) -> [(status: Status, count: Int)] {
        [Status.completed, .inProgress, .atRisk, .blocked, .notStarted].map { status in
            (status, actions.filter { $0.status == status }.count)
        }
    }

    static func legend(_ counts: [(status: Status, count: Int)], _ l: Language) -> String {
        HTML.element("ul", ["class": "legend"], counts.map { entry in
            HTML.element("li", [:], swatch(entry.status.rawValue) + HTML.escape(" \(l.status(entry.status)) \(entry.count)"))
        }.joined())
    }

    /// A note cut to a length that keeps the table readable (and printable).
    static func shortened(_ note: String, to length: Int = 160) -> String {
        let oneLine = String(note.map { $0.isNewline ? " " : $0 })
        return oneLine.count <= length ? oneLine : String(oneLine.prefix(length - 1)) + "…"
    }

    static func badge(_ status: Status, _ l: Language) -> String {
        HTML.text("span", ["class": "badge status-\(status.rawValue)", "data-status": status.rawValue], l.status(status))
    }

    static func badge(_ status: MilestoneStatus, _ l: Language) -> String {
        HTML.text("span", ["class": "badge status-\(status.rawValue)", "data-status": status.rawValue], l.status(status))
    }

    static func badge(_ status: TargetStatus, _ l: Language) -> String {
        HTML.text("span", ["class": "badge status-\(status.rawValue)", "data-status": status.rawValue], l.status(status))
    }

    static func swatch(_ status: String) -> String {
        HTML.element("span", ["class": "swatch status-\(status)"], "")
    }

    /// One bar split by status, as wide as the number of actions in each.
    static func statusBar(_ counts: [(status: Status, count: Int)], total: Int, _ l: Language) -> String {
        guard total > 0 else { return "" }
        var x = 0.0
        let parts = counts.filter { $0.count > 0 }.map { entry -> String in
            let width = Double(entry.count) / Double(total) * 400
            defer { x += width }
            return HTML.element(
                "rect", ["x": HTML.number(x), "y": "0", "width": HTML.number(width), "height": "14", "class": "fill-\(entry.status.rawValue)"],
                HTML.text("title", [:], "\(l.status(entry.status)): \(entry.count)"))
        }
        return HTML.element(
            "svg", ["class": "status-bar", "viewBox": "0 0 400 14", "preserveAspectRatio": "none", "role": "img",
                    "aria-label": counts.map { "\(l.status($0.status)) \($0.count)" }.joined(separator: ", ")],
            parts.joined())
    }

    public static let stylesheet = "\n" + PageTemplates.stylesheet("dashboard")
}
