import Storage
import Testing

@testable import Tracker

/// What each report means, row by row, beyond the goldens: boundaries, corrections, vague dates,
/// and agreement with the views an SQL client reads.
@Suite struct ReportQueryTests {
    func run(_ report: Report, asOf: String = "2025-09-30", days: Int = 90, on fixture: ReportFixture) throws -> [ReportSection] {
        try report.run(in: fixture.db, plan: fixture.plan, parameters: ReportParameters(asOf: ISODate(asOf)!, staleDays: days))
    }

    func column(_ table: ResultTable, _ name: String) -> [DatabaseValue] {
        let index = table.columns.firstIndex(of: name)!
        return table.rows.map { $0[index] }
    }

    @Test func catalogListsEveryReportWithADescription() {
        let catalog = Report.catalog
        #expect(catalog.columns == ["name", "description"])
        #expect(catalog.rows.map { $0[0] } == ["action-status", "milestone", "commitments", "activity", "stale", "overdue", "indicators", "sources"].map(DatabaseValue.text))
        for row in catalog.rows {
            guard case .text(let description) = row[1] else { Issue.record("no description"); continue }
            #expect(!description.isEmpty && !description.contains("\n"))
        }
    }

    @Test func unknownReportNamesTheValidOnes() {
        #expect(throws: TrackerError(.report, "unknown report 'status' (reports: action-status, milestone, commitments, activity, stale, overdue, indicators, sources)")) {
            try Report.named("status")
        }
    }

    @Test func actionStatusIsStatusQueries() throws {
        let fixture = try ReportFixture()
        let report = try run(.actionStatus, on: fixture)[0].table
        let direct = ResultTable(try StatusQueries(db: fixture.db, plan: fixture.plan).actionStatus(asOf: ReportFixture.asOf))
        #expect(report.columns == direct.columns && report.rows == direct.rows)
        #expect(column(report, "status")[2] == .text("at-risk"))  // the correction, not the blocked original
        #expect(column(report, "status")[1] == .text("in-progress"))  // completed only after the as-of date
    }

    @Test func milestoneListsTheSessionsHeldByTheDate() throws {
        let fixture = try ReportFixture()
        let sections = try run(.milestone, on: fixture)
        #expect(sections.map(\.title) == ["Milestones", "Sessions"])
        let milestone = sections[0].table
        #expect(column(milestone, "done") == [.integer(4)])
        #expect(column(milestone, "status") == [.text("at-risk")])
        let sessions = sections[1].table
        #expect(column(sessions, "counts_as") == [.integer(1), .integer(2), .integer(3), .integer(4), .null])
        #expect(column(sessions, "milestone").last == .text("baseline"))
        #expect(!column(sessions, "started_on").contains(.text("2025-10-21")))
    }

    @Test func activityCountsUpdatesInForcePerMonth() throws {
        let fixture = try ReportFixture()
        let table = try run(.activity, on: fixture)[0].table
        let rows = table.rows.map { "\($0[0].displayText) a\($0[1].displayText) ×\($0[3].displayText)" }
        // March 2025: action 3 once (the correction replaces the blocked update), action 6 twice
        // (its update and the session held on 2025-03-18: both are events of the action).
        #expect(rows.contains("2025-03 a3 ×1"))
        #expect(rows.contains("2025-03 a6 ×2"))
        #expect(!rows.contains { $0.hasPrefix("2025-10") })
        #expect(rows.first == "2024-11 a1 ×1")
    }

    @Test func staleCountsFromTheAsOfDateAndAnUpdateExactlyNDaysOldIsRecent() throws {
        let fixture = try ReportFixture()
        let stale = try run(.stale, on: fixture)[0].table
        #expect(column(stale, "number") == [5, 7, 8, 1, 2, 3, 4, 10].map { DatabaseValue.integer($0) })
        #expect(column(stale, "days_since_update")[3] == .integer(253))  // 2025-01-20 → 2025-09-30
        // Action 10's last update, 2025-06-30, is exactly 92 days before the date.
        #expect(try column(run(.stale, days: 92, on: fixture)[0].table, "number").contains(.integer(10)) == false)
        #expect(try column(run(.stale, days: 91, on: fixture)[0].table, "number").contains(.integer(10)))
        // As of an earlier date, later updates do not exist yet.
        #expect(try column(run(.stale, asOf: "2025-02-01", days: 30, on: fixture)[0].table, "number").contains(.integer(6)))
    }

    @Test func overdueUsesTheEndOfAVagueDueDateAndSkipsCompletedActions() throws {
        let fixture = try ReportFixture()
        let overdue = try run(.overdue, on: fixture)[0].table
        #expect(column(overdue, "commitment") == [.text("talent-exchange")])  // due 2025-06 → 2025-06-30
        #expect(column(overdue, "days_overdue") == [.integer(92)])
        #expect(column(overdue, "status") == [.text("missed")])  // a deliverable not completed by its due date
        #expect(try run(.overdue, asOf: "2025-06-30", on: fixture)[0].table.rows.isEmpty)
        let later = try run(.overdue, asOf: "2026-01-01", on: fixture)[0].table
        #expect(column(later, "commitment") == ["talent-exchange", "open-source-2025", "training-programmes-2025"].map(DatabaseValue.text))
    }

    @Test func indicatorsAreTheIndicatorLatestView() throws {
        let fixture = try ReportFixture()
        let report = try run(.indicators, on: fixture)[0].table
        let view = try ResultTable.query(fixture.db, "SELECT * FROM indicator_latest ORDER BY slug")
        #expect(report.columns == view.columns && report.rows == view.rows)
        #expect(column(report, "value") == [.real(32.85), .real(70), .real(230)])
    }

    @Test func sourcesCoverEveryImportedRowWithAQuote() throws {
        let fixture = try ReportFixture()
        let sources = try run(.sources, on: fixture)[0].table
        #expect(sources.columns == ["kind", "id", "key", "document", "line", "quote"])
        #expect(Set(column(sources, "kind")) == Set(["plan", "action", "commitment", "initiative", "indicator"].map(DatabaseValue.text)))
        let referencing = try fixture.db.scalarInt(
            """
            SELECT (SELECT count(*) FROM plans WHERE source_id IS NOT NULL) + (SELECT count(*) FROM visions WHERE source_id IS NOT NULL)
                 + (SELECT count(*) FROM actions WHERE source_id IS NOT NULL) + (SELECT count(*) FROM commitments WHERE source_id IS NOT NULL)
                 + (SELECT count(*) FROM initiatives WHERE source_id IS NOT NULL) + (SELECT count(*) FROM indicator_values WHERE source_id IS NOT NULL)
            """)
        #expect(sources.rows.count == referencing)
    }

    @Test func milestoneReportAgreesWithTheViewForToday() throws {
        let fixture = try ReportFixture()
        // The view's today is SQLite's, whatever PLANTRACK_TODAY pins for the CLI.
        let today = try #require(try fixture.db.scalarString("SELECT date('now', 'localtime')"))
        let report = try run(.milestone, asOf: today, on: fixture)[0].table
        let view = try ResultTable.query(
            fixture.db,
            "SELECT slug, title, target, due_on, done, remaining, pace_per_month, projected_on, status FROM milestone_progress ORDER BY due_on, slug")
        #expect(report.columns == view.columns && report.rows == view.rows)
    }

    @Test func latestNotesFollowTheStatusRule() throws {
        let fixture = try ReportFixture()
        let notes = try ReportQueries(db: fixture.db, plan: fixture.plan).latestNotes(asOf: ReportFixture.asOf)
        #expect(notes[3] == "Exchange visas delayed, \"partial\" approval")
        #expect(notes[2] == "Joint lab agreement signed | 联合实验室签约, phase one")
        #expect(notes[5] == nil)
    }
}
