import Tracker
/// The published site's HTML pages for one language: an index of plans, then a page per plan,
/// group (vision or section), item (action) and target. Every text from the database is escaped
/// (HTML.escape); only http(s) evidence becomes a link. The pages carry no publishing date, only
/// the index does, so a page changes only when what it shows changes.
struct SitePages {
    let data: SiteData
    let language: Language
    /// Where this language's pages sit under the site's root: "" or "en/".
    let base: String
    /// The other language's tree, when both are published.
    let counterpart: (language: Language, base: String)?

    /// Every page: its path under the site's root and its text.
    func pages() -> [(path: String, text: String)] {
        var pages = [(base + "index.html", index())]
        for plan in data.plans {
            let planPath = "plans/\(Self.fileName(plan.slug))/"
            pages.append((base + planPath + "index.html", planPage(plan, path: planPath + "index.html")))
            for group in plan.groups {
                let path = planPath + "groups/\(group.number).html"
                pages.append((base + path, groupPage(plan, group, path: path)))
            }
            for item in plan.items {
                let path = planPath + "items/\(item.number).html"
                pages.append((base + path, itemPage(plan, item, path: path)))
            }
            for target in plan.targets {
                let path = planPath + "targets/\(Self.fileName(target.progress.slug)).html"
                pages.append((base + path, targetPage(plan, target, path: path)))
            }
        }
        return pages
    }

    /// The longest timeline a page shows; the open data has every update.
    static let timelineLimit = 200

    // MARK: Pages

    func index() -> String {
        let path = "index.html"
        var body = "<h1>\(HTML.escape(l("site.policy_plan_tracker")))</h1>\n"
        body += "<p>\(HTML.escape(l("site.published_on", ["date": data.asOf.description])))</p>\n"
        body += "<h2>\(l("site.plans"))</h2>\n<ul class=\"cards\">\n"
        for plan in data.plans {
            let counts = Dictionary(grouping: plan.items.compactMap { $0.status?.status }, by: { $0 }).mapValues(\.count)
            let summary = Status.allCases.compactMap { status in counts[status].map { "\(language.status(status)) \($0)" } }.joined(separator: " · ")
            body += "<li><a href=\"\(link(from: path, to: "plans/\(Self.fileName(plan.slug))/index.html"))\">\(text(plan.title, plan.titleEn))</a>"
            body += "<br/><span class=\"meta\">\(HTML.escape(l("site.plan_counts", ["actions": String(plan.items.count), "targets": String(plan.targets.count)])))"
            body += summary.isEmpty ? "" : " — " + HTML.escape(summary)
            body += "</span></li>\n"
        }
        body += "</ul>\n"
        body += "<h2>\(l("site.feeds_and_open_data"))</h2>\n<ul>\n"
        body += "<li><a href=\"\(siteLink(from: path, "feed.atom"))\">\(l("site.feed_all"))</a></li>\n"
        body += "<li><a href=\"\(siteLink(from: path, "targets.ics"))\">\(l("site.calendar"))</a></li>\n"
        body += "<li><a href=\"\(siteLink(from: path, "data/index.json"))\">\(l("site.open_data_files"))</a>"
        body += " (<a href=\"\(siteLink(from: path, "data/plantrack.db"))\">plantrack.db</a>)</li>\n"
        if let checkpoint = data.checkpoint { body += checkpointItem(checkpoint, path: path) }
        body += "</ul>\n"
        return page(title: l("site.policy_plan_tracker"), path: path, crumbs: [], feed: "feed.atom", body: body)
    }

    /// The latest signed checkpoint: its link, when it was made and the key in it. The key proves
    /// nothing by itself (whoever forged a statement would put their own key in it), so the page
    /// says to compare it with the one the office publishes elsewhere.
    func checkpointItem(_ statement: String, path: String) -> String {
        let lines = statement.split(separator: "\n")
        let field = { (name: String) in lines.first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) } ?? "?" }
        let created = field("created"), key = field("key")
        let command = "plantrack verify --db plantrack.db --checkpoint checkpoint.txt --public-key \(key)"
        var item = "<li><a href=\"\(siteLink(from: path, OpenData.checkpointPath))\">"
        item += HTML.escape(l("site.latest_checkpoint", ["date": created])) + "</a>"
        item += HTML.escape(l("site.checkpoint_proof"))
        item += "<code>\(HTML.escape(key))</code>"
        item += HTML.escape(l("site.checkpoint_compare"))
        item += "<code>\(HTML.escape(command))</code></li>\n"
        return item
    }

    func planPage(_ plan: SiteData.Plan, path: String) -> String {
        var body = "<h1>\(text(plan.title, plan.titleEn))</h1>\n"
        var facts: [(String, String)] = []
        if let proposed = plan.proposedOn { facts.append((l("site.issued"), HTML.escape(proposed))) }
        if let title = plan.documentTitle {
            facts.append((l("site.document"), Self.isWebLink(plan.documentURL) ? "<a href=\"\(HTML.escape(plan.documentURL!))\">\(HTML.escape(title))</a>" : HTML.escape(title)))
        }
        facts.append((l("site.feed"), "<a href=\"\(siteLink(from: path, "plans/\(Self.fileName(plan.slug))/feed.atom"))\">Atom</a>"))
        body += definitionList(facts)
        let grouped = Dictionary(grouping: plan.items, by: { $0.group ?? 0 })
        for group in plan.groups {
            body += "<h2><a href=\"\(link(from: path, to: "plans/\(Self.fileName(plan.slug))/groups/\(group.number).html"))\">\(text(group.title, group.titleEn))</a></h2>\n"
            body += itemList(grouped[group.number] ?? [], plan: plan, from: path)
        }
        let ungrouped = plan.items.filter { item in item.group == nil || !plan.groups.contains { $0.number == item.group } }
        if !ungrouped.isEmpty {
            body += "<h2>\(plan.groups.isEmpty ? l("site.actions") : l("site.other_actions"))</h2>\n"
            body += itemList(ungrouped, plan: plan, from: path)
        }
        if !plan.targets.isEmpty {
            body += "<h2>\(l("site.targets"))</h2>\n" + targetTable(plan.targets, plan: plan, from: path)
        }
        return page(title: plainText(plan.title, plan.titleEn), path: path, crumbs: [], feed: "plans/\(Self.fileName(plan.slug))/feed.atom", body: body)
    }

    func groupPage(_ plan: SiteData.Plan, _ group: SiteData.Group, path: String) -> String {
        var body = "<h1>\(text(group.title, group.titleEn))</h1>\n"
        body += quote(group.quote, group.quoteEn)
        body += "<h2>\(l("site.actions"))</h2>\n" + itemList(plan.items.filter { $0.group == group.number }, plan: plan, from: path)
        return page(title: plainText(group.title, group.titleEn), path: path, crumbs: [planCrumb(plan)], body: body)
    }

    func itemPage(_ plan: SiteData.Plan, _ item: SiteData.Item, path: String) -> String {
        let heading = l("site.action_heading", ["number": String(item.number)])
        var body = "<h1>\(HTML.escape(heading))\(text(item.title, item.titleEn))</h1>\n"
        var facts: [(String, String)] = []
        if let status = item.status {
            facts.append((l("site.status"), badge(status.status.rawValue, language.status(status.status))))
            facts.append((l("site.last_update"), HTML.escape(status.lastUpdate?.description ?? l("site.none_word"))))
            if let percent = status.percent { facts.append((l("site.complete"), HTML.escape(CellText.real(percent)) + "%")) }
            facts.append((l("site.updates_in_force"), String(status.updates)))
        }
        if let number = item.group, let group = plan.groups.first(where: { $0.number == number }) {
            facts.append((l("site.part_of"), "<a href=\"\(link(from: path, to: "plans/\(Self.fileName(plan.slug))/groups/\(number).html"))\">\(text(group.title, group.titleEn))</a>"))
        }
        body += definitionList(facts)
        body += "<h2>\(l("site.text"))</h2>\n" + paragraph(item.body, item.bodyEn)
        body += quote(item.quote, item.quoteEn)
        let targets = plan.targets.filter { $0.progress.action == item.number }
        if !targets.isEmpty { body += "<h2>\(l("site.targets"))</h2>\n" + targetTable(targets, plan: plan, from: path) }
        body += "<h2 id=\"timeline\">\(l("site.timeline"))</h2>\n"
        if item.updates.isEmpty {
            body += "<p>\(l("site.no_progress_reported_yet"))</p>\n"
        } else {
            body += "<ol class=\"timeline\">\n"
            for update in item.updates.prefix(Self.timelineLimit) {
                body += "<li><time datetime=\"\(update.reportedOn)\">\(update.reportedOn)</time> "
                body += badge(update.status.rawValue, language.status(update.status))
                if let percent = update.percent { body += " <span class=\"meta\">\(HTML.escape(CellText.real(percent)))%</span>" }
                body += "<p>\(HTML.escape(update.note))</p>"
                if Self.isWebLink(update.evidenceURL) {
                    body += "<p><a href=\"\(HTML.escape(update.evidenceURL!))\">\(l("site.evidence"))<span class=\"visually-hidden\"> \(update.reportedOn)</span></a></p>"
                }
                body += "</li>\n"
            }
            body += "</ol>\n"
            if item.updates.count > Self.timelineLimit {
                body += "<p>\(HTML.escape(l("site.earlier_updates", ["count": String(item.updates.count - Self.timelineLimit)])))</p>\n"
            }
        }
        return page(title: heading + plainText(item.title, item.titleEn), path: path, crumbs: [planCrumb(plan)], body: body)
    }

    func targetPage(_ plan: SiteData.Plan, _ target: SiteData.Target, path: String) -> String {
        let row = target.progress
        var body = "<h1>\(text(row.title, target.titleEn))</h1>\n"
        var facts: [(String, String)] = [(l("site.status"), badge(row.status.rawValue, language.status(row.status)))]
        if let value = row.target {
            facts.append((l("site.target_value"), HTML.escape([row.qualifier, CellText.real(value), row.unit].compactMap { $0 }.joined(separator: " "))))
        }
        if let due = row.dueOn { facts.append((l("site.due_on"), "<time datetime=\"\(HTML.escape(due))\">\(HTML.escape(due))</time>")) }
        if let actual = row.actual {
            facts.append((l("site.latest_actual"), HTML.escape(CellText.real(actual) + (row.unit.map { " " + $0 } ?? "") + (row.actualOn.map { " (\($0))" } ?? ""))))
        }
        if let percent = row.percent { facts.append((l("site.complete"), HTML.escape(Self.percent(percent)))) }
        if let projected = row.projectedOn { facts.append((l("site.projected"), HTML.escape(projected))) }
        if let number = row.action, let item = plan.items.first(where: { $0.number == number }) {
            facts.append((l("site.part_of_action"), "<a href=\"\(link(from: path, to: "plans/\(Self.fileName(plan.slug))/items/\(number).html"))\">\(text(item.title, item.titleEn))</a>"))
        }
        body += definitionList(facts)
        body += paragraph(target.body, target.bodyEn)
        body += quote(target.quote, target.quoteEn)
        body += "<h2>\(l("site.recorded_values"))</h2>\n"
        if target.actuals.isEmpty {
            body += "<p>\(l("site.none_recorded_yet"))</p>\n"
        } else {
            body += "<div class=\"scroll\" role=\"region\" aria-label=\"\(l("site.recorded_values"))\" tabindex=\"0\"><table>\n<thead><tr>"
            body += [l("site.date"), l("site.value"), l("site.note"), l("site.evidence")].map { "<th scope=\"col\">\($0)</th>" }.joined()
            body += "</tr></thead>\n<tbody>\n"
            for actual in target.actuals {
                let evidence = Self.isWebLink(actual.evidenceURL) ? "<a href=\"\(HTML.escape(actual.evidenceURL!))\">\(l("site.link"))<span class=\"visually-hidden\"> \(HTML.escape(actual.measuredOn))</span></a>" : ""
                body += "<tr><td>\(HTML.escape(actual.measuredOn))</td><td class=\"number\">\(HTML.escape(CellText.real(actual.value)))</td>"
                body += "<td>\(HTML.escape(actual.note ?? ""))</td><td>\(evidence)</td></tr>\n"
            }
            body += "</tbody>\n</table></div>\n"
        }
        return page(title: plainText(row.title, target.titleEn), path: path, crumbs: [planCrumb(plan)], body: body)
    }

    // MARK: Pieces

    func itemList(_ items: [SiteData.Item], plan: SiteData.Plan, from path: String) -> String {
        guard !items.isEmpty else { return "<p>\(l("site.none_sentence"))</p>\n" }
        var html = "<ul class=\"items\">\n"
        for item in items {
            html += "<li><a href=\"\(link(from: path, to: "plans/\(Self.fileName(plan.slug))/items/\(item.number).html"))\">\(item.number). \(text(item.title, item.titleEn))</a> "
            if let status = item.status { html += badge(status.status.rawValue, language.status(status.status)) }
            if let last = item.status?.lastUpdate { html += " <span class=\"meta\">\(last)</span>" }
            html += "</li>\n"
        }
        return html + "</ul>\n"
    }

    func targetTable(_ targets: [SiteData.Target], plan: SiteData.Plan, from path: String) -> String {
        var html = "<div class=\"scroll\" role=\"region\" aria-label=\"\(l("site.targets"))\" tabindex=\"0\"><table>\n<thead><tr>"
        html += [l("site.target_column"), l("site.complete"), l("site.due_column"), l("site.status")].map { "<th scope=\"col\">\($0)</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for target in targets {
            let row = target.progress
            html += "<tr><th scope=\"row\"><a href=\"\(link(from: path, to: "plans/\(Self.fileName(plan.slug))/targets/\(Self.fileName(row.slug)).html"))\">\(text(row.title, target.titleEn))</a></th>"
            html += "<td class=\"number\">\(row.percent.map { HTML.escape(Self.percent($0)) } ?? "")</td>"
            html += "<td>\(HTML.escape(row.dueOn ?? ""))</td><td>\(badge(row.status.rawValue, language.status(row.status)))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    func quote(_ quote: SiteData.Quote?, _ quoteEn: SiteData.Quote?) -> String {
        let shown = language == .en ? (quoteEn ?? quote) : quote
        guard let shown else { return "" }
        let quoteLanguage = Language.of(shown.text)
        var html = "<figure class=\"source\"><blockquote lang=\"\(quoteLanguage.htmlTag)\"><p>\(HTML.escape(shown.text))</p></blockquote>"
        html += "<figcaption>\(l("site.source")): <cite>\(HTML.escape(shown.documentTitle))</cite>, \(HTML.escape(l("site.source_line", ["line": String(shown.line)])))</figcaption></figure>\n"
        return html
    }

    func definitionList(_ facts: [(String, String)]) -> String {
        "<dl class=\"facts\">\n" + facts.map { "<div><dt>\(HTML.escape($0.0))</dt><dd>\($0.1)</dd></div>\n" }.joined() + "</dl>\n"
    }

    func paragraph(_ original: String, _ english: String?) -> String {
        let shown = language == .en ? (english ?? original) : original
        let tag = Language.of(shown) != language ? " lang=\"\(Language.of(shown).htmlTag)\"" : ""
        return shown.split(separator: "\n", omittingEmptySubsequences: true).map { "<p\(tag)>\(HTML.escape(String($0)))</p>\n" }.joined()
    }

    func badge(_ key: String, _ label: String) -> String {
        "<span class=\"status s-\(HTML.escape(key))\">\(HTML.escape(label))</span>"
    }

    /// The text in this page's language: English when asked and translated, else the original,
    /// marked with its own language so screen readers pronounce it right.
    func text(_ original: String, _ english: String?) -> String {
        if language == .en, let english, !english.isEmpty { return HTML.escape(english) }
        let own = Language.of(original)
        return own == language ? HTML.escape(original) : "<span lang=\"\(own.htmlTag)\">\(HTML.escape(original))</span>"
    }

    func plainText(_ original: String, _ english: String?) -> String {
        language == .en ? (english.flatMap { $0.isEmpty ? nil : $0 } ?? original) : original
    }

    func planCrumb(_ plan: SiteData.Plan) -> (String, String) {
        (plainText(plan.title, plan.titleEn), "plans/\(Self.fileName(plan.slug))/index.html")
    }

    /// The label catalogue's words for `key` (site.*), in this tree's language.
    func l(_ key: String) -> String { language(key) }
    func l(_ key: String, _ values: [String: String]) -> String { language(key, values) }

    /// The page around `body`: skip link, breadcrumb, language switch, main, footer.
    func page(title: String, path: String, crumbs: [(String, String)], feed: String? = nil, body: String) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"\(language.htmlTag)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        html += "<title>\(HTML.escape(title))</title>\n"
        html += "<link rel=\"stylesheet\" href=\"\(siteLink(from: path, "style.css"))\"/>\n"
        if let feed { html += "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Atom\" href=\"\(siteLink(from: path, feed))\"/>\n" }
        if let counterpart {
            html += "<link rel=\"alternate\" hreflang=\"\(counterpart.language.htmlTag)\" href=\"\(siteLink(from: path, counterpart.base + path))\"/>\n"
        }
        html += "</head>\n<body>\n<a class=\"skip\" href=\"#main\">\(l("site.skip_to_content"))</a>\n<header>\n"
        html += "<nav aria-label=\"\(l("site.breadcrumb"))\"><ol class=\"crumbs\">"
        html += "<li><a href=\"\(link(from: path, to: "index.html"))\">\(l("site.all_plans"))</a></li>"
        for (label, target) in crumbs { html += "<li><a href=\"\(link(from: path, to: target))\">\(HTML.escape(label))</a></li>" }
        html += "</ol></nav>\n"
        if let counterpart {
            let name = counterpart.language == .en ? "English" : "中文"
            html += "<a class=\"lang\" lang=\"\(counterpart.language.htmlTag)\" hreflang=\"\(counterpart.language.htmlTag)\" href=\"\(siteLink(from: path, counterpart.base + path))\">\(name)</a>\n"
        }
        html += "</header>\n<main id=\"main\">\n\(body)</main>\n"
        html += "<footer><p>\(l("site.footer"))<a href=\"\(siteLink(from: path, "data/index.json"))\">\(l("site.open_data"))</a></p></footer>\n"
        html += "</body>\n</html>\n"
        return html
    }

    // MARK: Paths

    /// A relative link between two pages of this language's tree.
    func link(from path: String, to target: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1) + Self.urlPath(target)
    }

    /// A relative link from a page of this tree to a file under the site's root.
    func siteLink(from path: String, _ target: String) -> String {
        String(repeating: "../", count: (base + path).split(separator: "/").count - 1) + Self.urlPath(target)
    }

    /// A slug as a file name: no directory separators, no hidden files.
    static func fileName(_ slug: String) -> String {
        var name = slug.replacingSlashes
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name.isEmpty ? "_" : name
    }

    /// Percent-encodes everything but unreserved characters and `/` in a relative path.
    static func urlPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(digits[Int(byte >> 4)])
                out.unicodeScalars.append(digits[Int(byte & 0x0F)])
            }
        }
        return out
    }

    static func isWebLink(_ url: String?) -> Bool { WebLink.linkable(url) != nil }

    static func percent(_ value: Double) -> String { CellText.real((value * 10).rounded() / 10) + "%" }
}

extension String {
    var replacingSlashes: String { String(map { $0 == "/" || $0 == "\\" ? "-" : $0 }) }
}
