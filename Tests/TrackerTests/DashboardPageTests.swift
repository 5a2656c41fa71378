import Foundation
import Storage
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import Tracker
@testable import Presentation

/// The dashboard page read back as XML: every section is there with the figures of the fixture,
/// user text is escaped, and nothing is fetched from elsewhere.
@Suite struct DashboardPageTests {
    /// Elements by name with their attributes and text, in document order.
    final class Outline: NSObject, XMLParserDelegate {
        struct Element {
            let name: String
            let attributes: [String: String]
            var text = ""
        }

        var elements: [Element] = []
        private var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for index in open { elements[index].text += string }
        }

        func elements(_ name: String, _ attribute: String? = nil, _ value: String? = nil) -> [Element] {
            elements.filter { $0.name == name && (attribute == nil || $0.attributes[attribute!] == value) }
        }
    }

    /// The fixture's page; in English unless asked (the plan is Chinese, so that is the default).
    static func page(language: Language? = .en, _ prepare: (Database) throws -> Void = { _ in }) throws -> (html: String, outline: Outline) {
        let fixture = try ReportFixture()
        try prepare(fixture.db)
        let html = DashboardPage.render(try DashboardData(db: fixture.db, plan: fixture.plan, asOf: ReportFixture.asOf), language: language)
        let outline = Outline()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = outline
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
        return (html, outline)
    }

    @Test func everySectionIsThere() throws {
        let (_, outline) = try Self.page()
        let sections = outline.elements("section").compactMap { $0.attributes["id"] }
        #expect(sections == ["summary", "visions", "actions", "targets", "milestone", "activity", "indicators"])
        #expect(outline.elements("time").first?.attributes["datetime"] == "2025-09-30")
        #expect(outline.elements("title").first?.text == "人工智能能力建设普惠计划 — as of 2025-09-30")
    }

    @Test func actionsShowTheirStatusAsOfTheDate() throws {
        let (_, outline) = try Self.page()
        let actions = try #require(outline.elements("section", "id", "actions").first)
        #expect(actions.text.contains("The ten actions"))
        let table = outline.elements("tbody").first?.text ?? ""
        for (title, _) in ReportFixture.actions { #expect(table.contains(title)) }
        let badges = outline.elements("span").filter { $0.attributes["class"]?.hasPrefix("badge") == true }.compactMap { $0.attributes["data-status"] }
        // Summary tile (milestone) first, then the ten actions, the four targets and the milestone section.
        #expect(badges.count == 16)
        #expect(badges[1...10] == ["completed", "in-progress", "at-risk", "at-risk", "not-started", "in-progress", "not-started", "not-started", "in-progress", "in-progress"])
        let summary = try #require(outline.elements("section", "id", "summary").first)
        #expect(summary.text.contains("1 of 10"))  // action 2 is completed only on 2025-10-15
    }

    @Test func milestoneShowsSessionsAgainstTheDueDate() throws {
        let (_, outline) = try Self.page()
        let milestone = try #require(outline.elements("section", "id", "milestone").first)
        #expect(milestone.text.contains("4 of 10 sessions held (40 %)"))
        #expect(milestone.text.contains("due 2025-12-31"))
        #expect(milestone.text.contains("as of 2025-09-30"))
        // Counted sessions held by the date, not the baseline; drawn once for screens, once for phones.
        #expect(outline.elements("circle").count == 8)
        #expect(outline.elements("svg").filter { $0.attributes["class"] == "chart timeline" }.map { $0.attributes["viewBox"] } == ["0 0 1000 250", "0 0 420 230"])
        #expect(outline.elements("table", "class", "sessions cards").first?.text.contains("Tashkent") == true)
    }

    /// A bar per target with actual against target, the due date and the status of `commitment list`.
    @Test func targetsShowABarPerTarget() throws {
        let (_, outline) = try Self.page()
        let rows = outline.elements("tr").filter { $0.attributes["id"]?.hasPrefix("target-") == true }
        #expect(rows.map { $0.attributes["id"] } == ["target-infrastructure-map", "target-talent-exchange", "target-open-source-2025", "target-training-programmes-2025"])
        let training = try #require(rows.last?.text)
        #expect(training.contains("Action 6") && training.contains("10 期") && training.contains("4 期 (2025-09-02)")
                && training.contains("2025-12-31") && training.contains("at risk"))
        #expect(rows.first?.text.contains("done 2025-01-20") == true)
        let bars = outline.elements("svg", "class", "chart target-bar")
        #expect(bars.map { $0.attributes["aria-label"] } == ["100 % of target", "no figure yet", "no figure yet", "40 % of target"])
        let filled = outline.elements("rect").filter { $0.attributes["class"] == "fill-at-risk" && $0.attributes["rx"] == "3" }
        #expect(filled.map { $0.attributes["width"] } == ["80"])
    }

    @Test func activityHasABarPerMonthWithUpdates() throws {
        let (html, outline) = try Self.page()
        let bars = outline.elements("rect", "class", "bar")
        #expect(bars.count == 20)  // months from 2024-11 to 2025-09 with updates in force (not 2024-12), at both widths
        #expect(bars.map(\.text).contains("2025-03: 3"))  // two updates and the session of 2025-03-18
        #expect(html.contains(">2024-09<"))  // the axis starts at the plan's proposal
    }

    @Test func indicatorsComeWithTheirSources() throws {
        let (_, outline) = try Self.page()
        let indicators = try #require(outline.elements("section", "id", "indicators").first)
        #expect(indicators.text.contains("> 230 EFLOPS"))
        #expect(indicators.text.contains("caict-article:1"))
        #expect(outline.elements("q").map(\.text).contains("中国算力总规模超230 EFLOPS"))
    }

    @Test func userTextIsEscaped() throws {
        let (html, outline) = try Self.page { db in
            try db.execute(
                "INSERT INTO progress_updates (action_id, reported_on, status, note) VALUES (8, '2025-09-29', 'blocked', ?)",
                ["<script>alert(\"x\")</script> & 'more'"])
            try db.execute("UPDATE actions SET title = '<b>bold</b>' WHERE number = 7")
        }
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt;"))
        #expect(!html.lowercased().contains("<script"))
        #expect(outline.elements("b").isEmpty)
    }

    @Test func nothingIsFetched() throws {
        let (html, _) = try Self.page()
        for needle in ["<script", "src=", "href=", "url(", "@import", "<link", "http://", "https://"] {
            #expect(!html.lowercased().contains(needle), "found \(needle)")
        }
        #expect(html.contains("@media print"))
    }

    @Test func chineseLabelsByDefaultForAChinesePlan() throws {
        let (html, outline) = try Self.page(language: nil)
        #expect(html.contains("<html lang=\"zh-Hans\">"))
        #expect(outline.elements("title").first?.text == "人工智能能力建设普惠计划 — 截至 2025-09-30")
        let headings = outline.elements("h2").map(\.text)
        #expect(headings == ["概览", "各愿景进展", "十项行动", "目标进展", "里程碑", "每月进展记录", "附录：背景指标"])
        #expect(outline.elements("section", "id", "milestone").first?.text.contains("已举办 4/10 期（40 %）") == true)
        #expect(outline.elements("th").prefix(6).map(\.text) == ["序号", "行动", "状态", "最近进展", "进展数", "完成度"])
        // No English label is left: every word of the English page's headings is gone.
        for english in ["At a glance", "The ten actions", "Updates per month", "sessions held", "Figures as of", "due 2025"] {
            #expect(!html.contains(english), "English left: \(english)")
        }
        let (englishPage, _) = try Self.page(language: .en)
        #expect(englishPage.contains("<html lang=\"en\">"))
    }

    @Test func perVisionProgress() throws {
        let (_, outline) = try Self.page { db in
            try db.execute("INSERT INTO visions (id, plan_id, number, title, title_en) VALUES (2, 1, 2, '开放合作', 'Open cooperation')")
            try db.execute("UPDATE actions SET vision_id = 2 WHERE number > 3")
        }
        let visions = try #require(outline.elements("section", "id", "visions").first)
        #expect(visions.text.contains("1. Inclusive development"))
        #expect(visions.text.contains("actions 1, 2, 3: 1 of 3 completed"))
        #expect(visions.text.contains("2. Open cooperation开放合作actions 4, 5, 6, 7, 8, 9, 10: 0 of 7 completed"))
    }

    @Test func tablesBecomeCardsOnPhones() throws {
        let (html, outline) = try Self.page()
        #expect(html.contains("@media (max-width: 600px)"))
        #expect(outline.elements("table").allSatisfy { $0.attributes["class"]?.contains("cards") == true })
        let labels = outline.elements("td").compactMap { $0.attributes["data-label"] }
        #expect(labels.prefix(6) == ["#", "Action", "Status", "Last update", "Updates", "Percent"])
    }

    @Test func indicatorsAreDistinctAndEachQuoteIsShownOnce() throws {
        let (_, outline) = try Self.page { db in
            // The same figure imported again under another slug, from the same sentence.
            try db.execute("INSERT INTO indicators (id, slug, name, unit) VALUES (90, 'compute-again', '算力总规模', 'EFLOPS')")
            try db.execute(
                "INSERT INTO indicator_values (indicator_id, value, qualifier, as_of, source_id) SELECT 90, value, qualifier, as_of, source_id FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id WHERE i.name = '算力总规模'")
        }
        let quotes = outline.elements("q").map(\.text)
        #expect(quotes.count == Set(quotes).count, "a quote printed twice: \(quotes)")
        let values = outline.elements("td").filter { $0.attributes["data-label"] == "Value" }.map(\.text)
        #expect(values.filter { $0 == "> 230 EFLOPS" }.count == 1)
        #expect(try #require(outline.elements("section", "id", "indicators").first).text.contains("Appendix: background indicators"))
    }

    @Test func evidenceLinksOnlyForHTTP() throws {
        let (html, outline) = try Self.page { db in
            try db.execute("INSERT INTO progress_updates (action_id, reported_on, status, note, evidence_url) VALUES (8, '2025-09-28', 'blocked', 'a', 'https://example.org/a?b=1&c=2')")
            try db.execute("INSERT INTO progress_updates (action_id, reported_on, status, note, evidence_url) VALUES (9, '2025-09-28', 'blocked', 'b', 'javascript:alert(1)')")
        }
        #expect(outline.elements("a").map { $0.attributes["href"] } == ["https://example.org/a?b=1&c=2"])
        #expect(html.contains("href=\"https://example.org/a?b=1&amp;c=2\""))
        #expect(!html.contains("javascript:"))
        #expect(WebLink.linkable("HTTP://x.org") == "HTTP://x.org")
        for bad in ["ftp://x.org", "file:///etc/passwd", "/relative", "https://", "https://x.org/\"onmouseover"] {
            #expect(WebLink.linkable(bad) == nil, "\(bad)")
        }
    }
}
