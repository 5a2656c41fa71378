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
        case .html: return Self.html(blocks, title: "\(data.planTitle) — \(l.pick("进展简报", "briefing")) \(data.asOf)", language: l)
        }
    }

    func blocks(_ l: Language) -> [BriefBlock] {
        var blocks: [BriefBlock] = [
            .title(l.pick("\(data.planTitle)：进展简报", "\(data.planTitleEn ?? data.planTitle): briefing")),
            .paragraph(l.pick("截至 \(data.asOf)；“新变化”统计 \(since) 以来的记录。", "As of \(data.asOf); “What changed” covers \(since) onwards.")),
        ]

        // Where it stands.
        blocks.append(.heading(l.pick("总体情况", "Where it stands")))
        let counts = Dictionary(grouping: data.actions, by: \.status).mapValues(\.count)
        let order: [Status] = [.completed, .inProgress, .atRisk, .blocked, .notStarted]
        let parts = order.filter { counts[$0, default: 0] > 0 }.map { "\(l.status($0)) \(counts[$0]!)" }
        var summary = l.pick("共 \(data.actions.count) 项行动：\(parts.joined(separator: "，"))。",
                             "\(data.actions.count) actions: \(parts.joined(separator: ", ")).")
        for milestone in data.milestones {
            summary += " " + l.pick(
                "\(Self.oneLine(l.title(milestone.title, zh: milestone.commitmentBody), 80))：已完成 \(milestone.done)/\(milestone.target)（\(l.status(milestone.status))），截止 \(milestone.dueOn)"
                    + (milestone.projectedOn.map { "，按目前进度预计 \($0) 完成" } ?? "") + "。",
                "\(milestone.title): \(milestone.done) of \(milestone.target) (\(l.status(milestone.status))), due \(milestone.dueOn)"
                    + (milestone.projectedOn.map { ", projected \($0) at the current pace" } ?? "") + ".")
        }
        blocks.append(.paragraph(summary))

        // Status by vision: each vision, then its actions.
        blocks.append(.heading(l.pick("各愿景与行动", "By vision")))
        var grouped: [(title: String, actions: [DashboardData.Action])] = data.visions.map { vision in
            let title = l == .en ? (vision.titleEn ?? vision.title) : vision.title
            return ("\(l.pick("愿景", "Vision")) \(vision.number). \(title)", data.actions(ofVision: vision.number))
        }
        let ungrouped = data.actions.filter { action in !data.visions.contains { $0.number == action.vision } }
        if !ungrouped.isEmpty { grouped.append((l.pick("其他行动", "Other actions"), ungrouped)) }
        for group in grouped where !group.actions.isEmpty {
            let completed = group.actions.filter { $0.status == .completed }.count
            blocks.append(.group(title: group.title, detail: l.pick("已完成 \(completed)/\(group.actions.count)", "\(completed) of \(group.actions.count) completed")))
            blocks.append(.bullets(group.actions.map { action in
                let title = l == .en ? (action.titleEn ?? action.title) : action.title
                let last = action.lastUpdate.map { l.pick("，最近更新 \($0)", ", last update \($0)") } ?? ""
                let percent = action.percent.map { l.pick("，\(CellText.real($0)) %", ", \(CellText.real($0)) %") } ?? ""
                return l.pick("行动 \(action.number) \(title)：\(l.status(action.status))\(percent)\(last)",
                              "Action \(action.number) \(title): \(l.status(action.status))\(percent)\(last)")
            }))
        }

        // Every target.
        blocks.append(.heading(l.pick("目标进展", "Targets")))
        if targets.isEmpty {
            blocks.append(.paragraph(l.pick("该计划没有可跟踪的目标。", "The plan has no trackable targets.")))
        } else {
            blocks.append(.table(
                header: [l("head.target"), l("head.for"), l("head.promised"), l("head.due"),
                         l("head.progress_reported"), l("head.status")],
                numeric: [],
                rows: targets.map { target in
                    let owner = target.action.map { l.pick("行动 \($0)", "action \($0)") } ?? l.pick("计划", "plan")
                    let promised = [target.qualifier, target.target.map(CellText.real), target.unit.map { l.unit($0, count: target.target) }]
                        .compactMap { $0 }.joined(separator: " ")
                    var progress = target.actual.map { actual in
                        CellText.real(actual) + (target.unit.map { " " + l.unit($0, count: actual) } ?? "") + (target.actualOn.map { " (\($0))" } ?? "")
                    }
                        ?? target.actualOn.map { l.pick("\($0) 完成", "done \($0)") } ?? ""
                    if let percent = target.percent { progress += (progress.isEmpty ? "" : " · ") + CellText.real(percent) + " %" }
                    if let projected = target.projectedOn, target.status == .atRisk || target.status == .onTrack {
                        progress += l.pick(" · 预计 \(projected)", " · projected \(projected)")
                    }
                    return [Self.oneLine(l.title(target.title, zh: target.body), 80), owner, promised.isEmpty ? l.pick("交付事项", "deliverable") : promised,
                            target.dueOn ?? "—", progress.isEmpty ? "—" : progress, l.status(target.status)]
                }))
        }
        for milestone in data.milestones {
            blocks.append(.chart(Charts.timeline(milestone, proposedOn: data.proposedOn, asOf: data.asOf, width: Charts.width, l)))
        }

        // What changed.
        blocks.append(.heading(l.pick("新变化（\(since) 以来）", "What changed since \(since)")))
        var changeLines: [(date: ISODate, text: String, link: String?)] = changes.map { change in
            let correction = change.corrects.map { l.pick("（更正 #\($0)）", " (corrects #\($0))") } ?? ""
            return (change.reportedOn, l.pick("\(change.reportedOn) 行动 \(change.action)：\(l.status(change.status))\(correction) — \(Self.oneLine(change.note, 200))",
                           "\(change.reportedOn) action \(change.action): \(l.status(change.status))\(correction) — \(Self.oneLine(change.note, 200))"),
                    change.evidenceURL)
        }
        changeLines += sessionsSince.map { session in
            let people = session.participants.map { l.pick("，\($0) 人", ", \($0) participants") } ?? ""
            let countries = session.countries.map { l.pick("，来自 \($0) 个国家", " from \($0) countries") } ?? ""
            return (session.startedOn, l.pick("\(session.startedOn) 培训：\(session.title)，\(session.location)\(people)\(countries)",
                           "\(session.startedOn) session: \(session.title), \(session.location)\(people)\(countries)"),
                    session.evidenceURL)
        }
        blocks.append(changeLines.isEmpty ? .paragraph(l.pick("期间没有新的记录。", "Nothing was recorded in the period.")) : .linkedBullets(Self.byDate(changeLines)))

        // Overdue and stale.
        blocks.append(.heading(l.pick("逾期事项", "Overdue")))
        blocks.append(overdue.isEmpty ? .paragraph(l.pick("没有逾期的目标。", "No target is overdue.")) : .bullets(overdue.map { item in
            let owner = item.action.map { l.pick("行动 \($0)", "Action \($0)") } ?? l.pick("计划", "Plan")
            let body = targets.first { $0.slug == item.commitment }?.body
            return l.pick("\(owner)：\(Self.oneLine(l.title(item.title, zh: body), 80))（截止 \(item.dueOn)，已逾期 \(item.daysOverdue) 天，\(l.status(item.status))）",
                          "\(owner): \(Self.oneLine(item.title, 80)) (due \(item.dueOn), \(item.daysOverdue) days overdue, \(l.status(item.status)))")
        }))
        blocks.append(.heading(l.pick("长期未更新（超过 \(staleDays) 天）", "No update for over \(staleDays) days")))
        blocks.append(stale.isEmpty ? .paragraph(l.pick("所有行动都有近期更新。", "Every action has a recent update.")) : .bullets(stale.map { item in
            let title = l == .en ? (data.actions.first { $0.number == item.number }?.titleEn ?? item.title) : item.title
            let since = item.lastUpdate.map { l.pick("最近更新 \($0)，已 \(item.daysSinceUpdate ?? 0) 天", "last update \($0), \(item.daysSinceUpdate ?? 0) days ago") }
                ?? l.pick("从未更新", "never updated")
            return l.pick("行动 \(item.number) \(title)：\(since)", "Action \(item.number) \(title): \(since)")
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
                // <URL> is an autolink; linkable() has ruled out spaces and angle brackets in it.
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
