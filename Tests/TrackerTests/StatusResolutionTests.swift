import Storage
import Testing

@testable import Tracker

@Suite struct StatusResolutionTests {
    @Test func actionWithoutUpdatesIsNotStarted() throws {
        let fixture = try TrackerFixture()
        #expect(try fixture.statuses(asOf: "2025-06-30") == [
            [.text("not-started"), .null, .integer(0)],
            [.text("not-started"), .null, .integer(0)],
            [.text("not-started"), .null, .integer(0)],
        ])
    }

    @Test func latestUpdateByDateWins() throws {
        let fixture = try TrackerFixture()
        try fixture.add(1, .completed, on: "2025-03-01")
        try fixture.add(1, .inProgress, on: "2025-01-15")  // recorded later, reported earlier
        #expect(try fixture.statuses(asOf: "2025-06-30")[0] == [.text("completed"), .text("2025-03-01"), .integer(2)])
        #expect(try fixture.statuses(asOf: "2025-02-01")[0] == [.text("in-progress"), .text("2025-01-15"), .integer(1)])
        #expect(try fixture.statuses(asOf: "2025-01-14")[0] == [.text("not-started"), .null, .integer(0)])
    }

    @Test func sameDayUpdatesResolveByID() throws {
        let fixture = try TrackerFixture()
        try fixture.add(1, .atRisk, on: "2025-04-01")
        try fixture.add(1, .blocked, on: "2025-04-01")
        #expect(try fixture.statuses(asOf: "2025-04-01")[0] == [.text("blocked"), .text("2025-04-01"), .integer(2)])
    }

    @Test func correctionSupersedesWithoutOverwriting() throws {
        let fixture = try TrackerFixture()
        let mistaken = try fixture.add(1, .completed, on: "2025-05-01", note: "done (wrongly)")
        let correction = try fixture.log.correct(id: mistaken, with: ProgressCorrection(status: .inProgress))
        #expect(try fixture.statuses(asOf: "2025-06-30")[0] == [.text("in-progress"), .text("2025-05-01"), .integer(1)])
        let rows = try fixture.db.fetchAll("SELECT id, status, note, supersedes_id FROM progress_updates ORDER BY id") { $0.row }
        #expect(rows == [
            [.integer(mistaken), .text("completed"), .text("done (wrongly)"), .null],
            [.integer(correction), .text("in-progress"), .text("done (wrongly)"), .integer(mistaken)],
        ])
    }

    @Test func correctionDatedLaterAppliesFromItsDate() throws {
        let fixture = try TrackerFixture()
        let original = try fixture.add(1, .completed, on: "2025-05-01")
        try fixture.log.correct(id: original, with: ProgressCorrection(status: .atRisk, reportedOn: ISODate("2025-07-01")))
        #expect(try fixture.statuses(asOf: "2025-06-01")[0] == [.text("completed"), .text("2025-05-01"), .integer(1)])
        #expect(try fixture.statuses(asOf: "2025-07-01")[0] == [.text("at-risk"), .text("2025-07-01"), .integer(1)])
    }

    @Test func correctingTwiceIsRefusedAndCorrectingTheCorrectionWorks() throws {
        let fixture = try TrackerFixture()
        let first = try fixture.add(3, .inProgress, on: "2025-02-01")
        let second = try fixture.log.correct(id: first, with: ProgressCorrection(status: .blocked))
        let error = try #require(throws: TrackerError.self) { try fixture.log.correct(id: first, with: ProgressCorrection(status: .completed)) }
        #expect(error.message == "progress update \(first) was already corrected by \(second); correct \(second) instead")
        try fixture.log.correct(id: second, with: ProgressCorrection(status: .completed))
        #expect(try fixture.statuses(asOf: "2025-12-31")[2] == [.text("completed"), .text("2025-02-01"), .integer(1)])
    }

    @Test func updatesAreAppendOnly() throws {
        let fixture = try TrackerFixture()
        try fixture.add(1, .inProgress, on: "2025-02-01")
        for sql in ["UPDATE progress_updates SET status = 'completed'", "DELETE FROM progress_updates"] {
            let error = try #require(throws: DatabaseError.self) { try fixture.db.execute(sql) }
            #expect(error.message == "progress_updates is append-only: record a correction instead")
        }
        try fixture.session(on: "2025-03-01")
        #expect(throws: DatabaseError.self) { try fixture.db.execute("DELETE FROM training_sessions") }
    }

    @Test func viewAgreesWithTheAsOfQueryForToday() throws {
        let fixture = try TrackerFixture()
        try fixture.add(1, .completed, on: "2025-03-01")
        let wrong = try fixture.add(2, .blocked, on: "2025-04-01")
        try fixture.log.correct(id: wrong, with: ProgressCorrection(status: .inProgress))
        try fixture.add(2, .atRisk, on: "2025-04-01")
        let fromQuery = try ResultTable(StatusQueries(db: fixture.db, plan: fixture.plan).actionStatus(asOf: .today())).rows.map { Array($0[0...6]) }
        let fromView = try fixture.db.fetchAll(
            "SELECT number, title, title_en, status, last_update, updates, percent FROM action_status WHERE plan = 'test-plan' ORDER BY number"
        ) { $0.row }
        #expect(fromQuery == fromView)
    }
}

@Suite struct MilestoneStatusTests {
    // Proposed 2024-09-25, target 4, due 2025-12-31.

    @Test func metExactlyOnTheDueDate() throws {
        let fixture = try TrackerFixture()
        for date in ["2025-03-01", "2025-06-01", "2025-09-01", "2025-12-31"] { try fixture.session(on: date) }
        #expect(try fixture.milestone(asOf: "2025-12-31") == [.integer(4), .integer(0), .real(0.26), .text("2025-12-31"), .text("met")])
        #expect(try fixture.milestone(asOf: "2026-06-30")[4] == .text("met"))
    }

    @Test func onTrack() throws {
        let fixture = try TrackerFixture()
        for date in ["2024-11-01", "2025-01-10", "2025-03-01"] { try fixture.session(on: date) }
        // 3 sessions in 188 days → 0.49/month; one more takes 63 days → 2025-06-03.
        #expect(try fixture.milestone(asOf: "2025-04-01") == [.integer(3), .integer(1), .real(0.49), .text("2025-06-03"), .text("on-track")])
    }

    @Test func atRisk() throws {
        let fixture = try TrackerFixture()
        try fixture.session(on: "2025-03-01")
        // 1 session in 278 days; three more take 834 days → 2027-10-12, after the due date.
        #expect(try fixture.milestone(asOf: "2025-06-30") == [.integer(1), .integer(3), .real(0.11), .text("2027-10-12"), .text("at-risk")])
    }

    @Test func missed() throws {
        let fixture = try TrackerFixture()
        for date in ["2025-03-01", "2025-06-01"] { try fixture.session(on: date) }
        try fixture.session(on: "2026-01-10")
        try fixture.session(on: "2026-02-10")
        // Reached on 2026-02-10, after the due date: missed, however many are done later.
        #expect(try fixture.milestone(asOf: "2026-03-01")[0] == .integer(4))
        #expect(try fixture.milestone(asOf: "2026-03-01")[4] == .text("missed"))
        #expect(try fixture.milestone(asOf: "2026-01-01")[4] == .text("missed"))
    }

    @Test func nothingDoneYetIsAtRiskWithNoProjection() throws {
        let fixture = try TrackerFixture()
        #expect(try fixture.milestone(asOf: "2025-01-01") == [.integer(0), .integer(4), .real(0), .null, .text("at-risk")])
    }

    @Test func baselineSessionDoesNotCount() throws {
        let fixture = try TrackerFixture()
        try fixture.session(on: "2024-07-01", baseline: true)
        try fixture.session(on: "2025-03-01")
        #expect(try fixture.milestone(asOf: "2025-06-30")[0] == .integer(1))
    }

    /// A session adds no progress update: the action's figures are derived from the sessions.
    @Test func sessionsDecideTheMilestonesActionWithoutStoredUpdates() throws {
        let fixture = try TrackerFixture(target: 2)
        try fixture.session(on: "2025-03-01")
        try fixture.session(on: "2025-04-01")
        #expect(try fixture.db.scalarInt("SELECT count(*) FROM progress_updates") == 0)
        #expect(try fixture.statuses(asOf: "2025-03-15")[1] == [.text("in-progress"), .text("2025-03-01"), .integer(1)])
        #expect(try fixture.statuses(asOf: "2025-04-01")[1] == [.text("completed"), .text("2025-04-01"), .integer(2)])
    }
}
