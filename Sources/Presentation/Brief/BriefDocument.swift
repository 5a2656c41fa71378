import Storage
import Tracker
/// The briefing as blocks (headings, paragraphs, lists, tables, the milestone chart), then as
/// Markdown or as one self-contained HTML page; both are ready to paste into a memo.
public enum BriefFormat: String, CaseIterable, Sendable {
    case markdown, html
}

enum BriefBlock {
    case title(String)
    case heading(String)
    case paragraph(String)
    /// A group's title in bold, then a short figure: "**Vision 1. …** — 1 of 2 completed".
    case group(title: String, detail: String)
    case bullets([String])
    /// Bullets that may end in a link (an update's evidence, http or https only).
    case linkedBullets([(text: String, link: String?)])
    case table(header: [String], numeric: Set<Int>, rows: [[String]])
    /// Drawn only in HTML; Markdown has its paragraph beside it.
    case chart(String)
}

extension Brief {
    public func render(as format: BriefFormat, language: Language? = nil) -> String {
        let l = language ?? data.planLanguage
        let blocks = self.blocks(l)
        switch format {
        case .markdown: return Self.markdown(blocks)
        case .html: return Self.html(blocks, title: "\(data.planTitle) — \(l("brief.briefing")) \(data.asOf)", language: l)
        }
    }

    func blocks(_ l: Language) -> [BriefBlock] {
        var blocks: [BriefBlock] = [
            .title(l("brief.title", ["plan": l == .en ? (data.planTitleEn ?? data.planTitle) : data.planTitle])),
            .paragraph(l("brief.as_of", ["as_of": "\(data.asOf)", "since": "\(since)"])),
        ]

        // Where it stands.
        blocks.append(.heading(l("brief.where_it_stands")))
        let counts = Dictionary(grouping: data.actions, by: \.status).mapValues(\.count)
        let order: [Status] = [.completed, .inProgress, .atRisk, .blocked, .notStarted]
        let parts = order.filter { counts[$0, default: 0] > 0 }.map { "\(l.status($0)) \(counts[$0]!)" }
        var summary = l("brief.summary", ["count": "\(data.actions.count)", "parts": parts.joined(separator: l("brief.list_separator"))])
        for milestone in data.milestones {
            // The Chinese brief gives the plan's own words, cut to a line; the English the title as written.
            let title = l == .zh ? Self.oneLine(l.title(milestone.title, zh: milestone.commitmentBody), 80) : milestone.title
            summary += " " + l("brief.milestone", [
                "title": title, "done": "\(milestone.done)", "target": "\(milestone.target)",
                "status": l.status(milestone.status), "due": "\(milestone.dueOn)",
                "projected": milestone.projectedOn.map { l("brief.milestone_projected", ["date": "\($0)"]) } ?? "",
            ])
        }
        blocks.append(.paragraph(summary))

        // Status by vision: each vision, then its actions.
        blocks.append(.heading(l("brief.by_vision")))
        var grouped: [(title: String, actions: [DashboardData.Action])] = data.visions.map { vision in
            let title = l == .en ? (vision.titleEn ?? vision.title) : vision.title
            return ("\(l("vision")) \(vision.number). \(title)", data.actions(ofVision: vision.number))
        }
        let ungrouped = data.actions.filter { action in !data.visions.contains { $0.number == action.vision } }
        if !ungrouped.isEmpty { grouped.append((l("brief.other_actions"), ungrouped)) }
        for group in grouped where !group.actions.isEmpty {
            let completed = group.actions.filter { $0.status == .completed }.count
            blocks.append(.group(title: group.title, detail: l("brief.group_completed", ["done": "\(completed)", "total": "\(group.actions.count)"])))
            blocks.append(.bullets(group.actions.map { action in
                let title = l == .en ? (action.titleEn ?? action.title) : action.title
                let last = action.lastUpdate.map { l("brief.last_update", ["date": "\($0)"]) } ?? ""
                let percent = action.percent.map { l("brief.percent", ["percent": CellText.real($0)]) } ?? ""
                return l("brief.action_line", ["number": "\(action.number)", "title": title, "status": l.status(action.status),
                                               "percent": percent, "last": last])
            }))
        }

        // Every target.
        blocks.append(.heading(l("brief.targets")))
        if targets.isEmpty {
            blocks.append(.paragraph(l("brief.no_targets")))
        } else {
            blocks.append(.table(
                header: [l("head.target"), l("head.for"), l("head.promised"), l("head.due"),
                         l("head.progress_reported"), l("head.status")],
                numeric: [],
                rows: targets.map { target in
                    let owner = target.action.map { l("brief.owner_action", ["number": "\($0)"]) } ?? l("brief.owner_plan")
                    let promised = [target.qualifier, target.target.map(CellText.real), target.unit.map { l.unit($0, count: target.target) }]
                        .compactMap { $0 }.joined(separator: " ")
                    var progress = target.actual.map { actual in
                        CellText.real(actual) + (target.unit.map { " " + l.unit($0, count: actual) } ?? "") + (target.actualOn.map { " (\($0))" } ?? "")
                    }
                        ?? target.actualOn.map { l("brief.done_on", ["date": "\($0)"]) } ?? ""
                    if let percent = target.percent { progress += (progress.isEmpty ? "" : " · ") + CellText.real(percent) + " %" }
                    if let projected = target.projectedOn, target.status == .atRisk || target.status == .onTrack {
                        progress += l("brief.projected", ["date": "\(projected)"])
                    }
                    return [Self.oneLine(l.title(target.title, zh: target.body), 80), owner, promised.isEmpty ? l("brief.deliverable") : promised,
                            target.dueOn ?? "—", progress.isEmpty ? "—" : progress, l.status(target.status)]
                }))
        }
        for milestone in data.milestones {
            blocks.append(.chart(Charts.timeline(milestone, proposedOn: data.proposedOn, asOf: data.asOf, width: Charts.width, l)))
        }

        // What changed.
        blocks.append(.heading(l("brief.what_changed", ["since": "\(since)"])))
        var changeLines: [(date: ISODate, text: String, link: String?)] = changes.map { change in
            let correction = change.corrects.map { l("brief.corrects", ["id": "\($0)"]) } ?? ""
            return (change.reportedOn, l("brief.change_line", ["date": "\(change.reportedOn)", "action": "\(change.action)",
                                                              "status": l.status(change.status), "correction": correction,
                                                              "note": Self.oneLine(change.note, 200)]),
                    change.evidenceURL)
        }
        changeLines += sessionsSince.map { session in
            let people = session.participants.map { l("brief.participants", ["n": "\($0)"]) } ?? ""
            let countries = session.countries.map { l("brief.countries", ["n": "\($0)"]) } ?? ""
            return (session.startedOn, l("brief.session_line", ["date": "\(session.startedOn)", "title": session.title,
                                                                "location": session.location, "people": people, "countries": countries]),
                    session.evidenceURL)
        }
        blocks.append(changeLines.isEmpty ? .paragraph(l("brief.nothing_recorded")) : .linkedBullets(Self.byDate(changeLines)))

        // Overdue and stale.
        blocks.append(.heading(l("brief.overdue")))
        blocks.append(overdue.isEmpty ? .paragraph(l("brief.none_overdue")) : .bullets(overdue.map { item in
            let owner = item.action.map { l("brief.overdue_owner_action", ["number": "\($0)"]) } ?? l("brief.overdue_owner_plan")
            let body = targets.first { $0.slug == item.commitment }?.body
            return l("brief.overdue_line", ["owner": owner, "title": Self.oneLine(l.title(item.title, zh: body), 80), "due": "\(item.dueOn)",
                                            "days": "\(item.daysOverdue)", "status": l.status(item.status)])
        }))
        blocks.append(.heading(l("brief.stale", ["days": "\(staleDays)"])))
        blocks.append(stale.isEmpty ? .paragraph(l("brief.all_recent")) : .bullets(stale.map { item in
            let title = l == .en ? (data.actions.first { $0.number == item.number }?.titleEn ?? item.title) : item.title
            let since = item.lastUpdate.map { l("brief.stale_since", ["date": "\($0)", "days": "\(item.daysSinceUpdate ?? 0)"]) }
                ?? l("brief.never_updated")
            return l("brief.stale_line", ["number": "\(item.number)", "title": title, "since": since])
        }))
        return blocks
    }

    /// Updates and sessions in one list by date; on the same day, in the order they were read.
    static func byDate(_ lines: [(date: ISODate, text: String, link: String?)]) -> [(text: String, link: String?)] {
        lines.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map { ($0.element.text, $0.element.link) }
    }

    /// Text on one line, cut to `length` characters with "…".
    static func oneLine(_ text: String, _ length: Int) -> String {
        let line = String(text.map { $0.isNewline ? " " : $0 })
        return line.count <= length ? line : String(line.prefix(length - 1)) + "…"
    }

    // MARK: Markdown

    static func markdown(_ blocks: [BriefBlock]) -> String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .title(let text): parts.append("# " + markdownText(text))
            case .heading(let text): parts.append("## " + markdownText(text))
            case .paragraph(let text): parts.append(markdownText(text))
            case .group(let title, let detail): parts.append("**" + markdownText(title) + "** — " + markdownText(detail))
            case .bullets(let items): parts.append(items.map { "- " + markdownText($0) }.joined(separator: "\n"))
            case .linkedBullets(let items):
                // <URL> is an autolink; WebLink has ruled out spaces and angle brackets in it.
                parts.append(items.map { "- " + markdownText($0.text) + ($0.link.map { " <\($0)>" } ?? "") }.joined(separator: "\n"))
            case .table(let header, let numeric, let rows):
                var lines = ["| " + header.map(MarkdownWriter.cell).joined(separator: " | ") + " |"]
                lines.append("| " + header.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: " | ") + " |")
                lines += rows.map { "| " + $0.map(MarkdownWriter.cell).joined(separator: " | ") + " |" }
                parts.append(lines.joined(separator: "\n"))
            case .chart: continue
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// User text in Markdown: characters that would start markup are escaped (`#` and `|` only
    /// matter at a line's start and in tables, which escape them themselves).
    static func markdownText(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    // MARK: HTML

    static func html(_ blocks: [BriefBlock], title: String, language: Language) -> String {
        var body = ""
        for block in blocks {
            switch block {
            case .title(let text): body += HTML.text("h1", [:], text) + "\n"
            case .heading(let text): body += HTML.text("h2", [:], text) + "\n"
            case .paragraph(let text): body += HTML.text("p", [:], text) + "\n"
            case .group(let title, let detail): body += HTML.element("p", [:], HTML.text("strong", [:], title) + HTML.escape(" — " + detail)) + "\n"
            case .bullets(let items): body += HTML.element("ul", [:], items.map { HTML.text("li", [:], $0) }.joined()) + "\n"
            case .linkedBullets(let items):
                body += HTML.element("ul", [:], items.map { item in
                    HTML.element("li", [:], HTML.escape(item.text) + (item.link.map { " " + HTML.text("a", ["href": $0, "rel": "noopener noreferrer nofollow"], $0) } ?? ""))
                }.joined()) + "\n"
            case .table(let header, let numeric, let rows):
                let head = HTML.element("tr", [:], header.enumerated().map { numeric.contains($0) ? HTML.text("th", ["class": "num"], $1) : HTML.text("th", [:], $1) }.joined())
                let bodyRows = rows.map { row in
                    HTML.element("tr", [:], row.enumerated().map { numeric.contains($0) ? HTML.text("td", ["class": "num"], $1) : HTML.text("td", [:], $1) }.joined())
                }
                body += HTML.element("table", [:], HTML.element("thead", [:], head) + HTML.element("tbody", [:], bodyRows.joined())) + "\n"
            case .chart(let svg): body += HTML.element("figure", [:], svg) + "\n"
            }
        }
        return HTML.page(language: language, title: title, stylesheet: stylesheet, body: body.hasSuffix("\n") ? String(body.dropLast()) : body)
    }

    static let stylesheet = "\n" + PageTemplates.stylesheet("brief")
}
