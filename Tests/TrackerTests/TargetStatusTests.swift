import Storage
import Testing

@testable import Tracker

/// The target-status rules of `commitment_progress` at every boundary, on fixed dates. The plan
/// of TrackerFixture was proposed on 2024-09-25; targets here are due 2025-12-31.
@Suite struct TargetStatusTests {
    let fixture: TrackerFixture
    var tracker: TrackerDatabase { fixture.tracker }

    init() throws { fixture = try TrackerFixture() }

    func add(_ slug: String, action: Int? = nil, target: Quantity? = nil, qualifier: TargetQualifier? = nil, due: String? = "2025-12-31") throws {
        _ = try tracker.addCommitment(AddCommitmentRequest(action: action, slug: slug, body: slug, qualifier: qualifier, target: target, dueOn: due))
    }

    func record(_ slug: String, _ value: Double, on date: String) throws -> Int64 {
        try tracker.recordActual(RecordActualRequest(commitment: slug, value: Quantity(value: value), measuredOn: ISODate(date)!, author: "t"))
    }

    func row(_ slug: String, asOf date: String) throws -> CommitmentProgressRow {
        try #require(try tracker.commitmentProgress(asOf: ISODate(date)!).first { $0.slug == slug })
    }

    func status(_ slug: String, asOf date: String) throws -> TargetStatus { try row(slug, asOf: date).status }

    @Test func noDataUntilSomethingIsMeasured() throws {
        try add("labs", target: Quantity(value: 20, unit: "labs"))
        #expect(try status("labs", asOf: "2025-06-30") == .noData)
        let row = try row("labs", asOf: "2025-06-30")
        #expect(row.action == nil && row.actual == nil && row.percent == nil && row.pacePerMonth == nil && row.projectedOn == nil)
        _ = try record("labs", 2, on: "2025-07-01")
        #expect(try status("labs", asOf: "2025-06-30") == .noData)
        #expect(try status("labs", asOf: "2025-07-01") != .noData)
    }

    @Test func metExactlyOnTheDueDateAndMissedTheDayAfterIfShort() throws {
        try add("reached", target: Quantity(value: 20))
        try add("short", target: Quantity(value: 20))
        _ = try record("reached", 5, on: "2025-03-01")
        _ = try record("reached", 20, on: "2025-12-31")
        _ = try record("short", 19, on: "2025-12-31")
        #expect(try status("reached", asOf: "2025-12-30") != .met)
        #expect(try status("reached", asOf: "2025-12-31") == .met)
        #expect(try status("reached", asOf: "2026-06-30") == .met)
        #expect(try row("reached", asOf: "2025-12-31").projectedOn == "2025-12-31")
        #expect(try row("reached", asOf: "2025-12-31").percent == 100)
        #expect(try status("short", asOf: "2025-12-31") == .atRisk)
        #expect(try status("short", asOf: "2026-01-01") == .missed)
    }

    @Test func reachedAfterTheDueDateIsStillMissed() throws {
        try add("late", target: Quantity(value: 10))
        _ = try record("late", 4, on: "2025-06-30")
        _ = try record("late", 10, on: "2026-01-01")
        #expect(try status("late", asOf: "2026-01-01") == .missed)
    }

    /// One point: pace from 0 on the plan's date. 50 of 100 measured 2025-05-13 (230 days after
    /// 2024-09-25): as of that day the remaining 50 take 230 more days, to 2025-12-29: on-track.
    /// Two days later the same 50 projects 232 days on, to 2026-01-02: at-risk.
    @Test func onTrackUntilTheProjectionPassesTheDueDate() throws {
        try add("half", target: Quantity(value: 100))
        _ = try record("half", 50, on: "2025-05-13")
        let onTrack = try row("half", asOf: "2025-05-13")
        #expect(onTrack.status == .onTrack)
        #expect(onTrack.projectedOn == "2025-12-29")
        #expect(onTrack.pacePerMonth == 6.62)
        #expect(onTrack.percent == 50)
        #expect(try row("half", asOf: "2025-05-14").projectedOn == "2025-12-31")
        #expect(try status("half", asOf: "2025-05-14") == .onTrack)
        #expect(try row("half", asOf: "2025-05-15").projectedOn == "2026-01-02")
        #expect(try status("half", asOf: "2025-05-15") == .atRisk)
    }

    /// Two or more points: pace from the earliest, so a level that did not start at zero is judged by its change.
    @Test func paceOfALevelRunsFromItsFirstPoint() throws {
        try add("compute", target: Quantity(value: 300, unit: "EFLOPS"))
        _ = try record("compute", 230, on: "2025-01-01")
        _ = try record("compute", 260, on: "2025-07-01")
        let row = try row("compute", asOf: "2025-07-01")
        #expect(row.actual == 260 && row.actualOn == "2025-07-01")
        // 30 in 181 days: 40 more take 242 days from 2025-07-01.
        #expect(row.pacePerMonth == 5.04)
        #expect(row.projectedOn == "2026-02-28")
        #expect(row.status == .atRisk)
    }

    @Test func qualifiersDecideWhatMeetsTheTarget() throws {
        try add("above", target: Quantity(value: 300), qualifier: .above)
        try add("at-most", target: Quantity(value: 10), qualifier: .atMost)
        try add("below", target: Quantity(value: 10), qualifier: .below)
        _ = try record("above", 300, on: "2025-06-01")
        _ = try record("at-most", 10, on: "2025-06-01")
        _ = try record("below", 10, on: "2025-06-01")
        #expect(try status("above", asOf: "2025-06-01") != .met)
        #expect(try status("at-most", asOf: "2025-06-01") == .met)
        #expect(try status("below", asOf: "2025-06-01") != .met)
        _ = try record("above", 301, on: "2025-06-02")
        _ = try record("below", 9, on: "2025-06-02")
        #expect(try status("above", asOf: "2025-06-02") == .met)
        #expect(try status("below", asOf: "2025-06-02") == .met)
    }

    @Test func sharesArePercentages() throws {
        try add("share", target: Quantity(value: 35, unit: "%"))
        #expect(try row("share", asOf: "2025-01-01").unit == "%")
        _ = try record("share", 28, on: "2025-01-01")
        #expect(try row("share", asOf: "2025-01-01").percent == 80)
        _ = try record("share", 35, on: "2025-06-01")
        #expect(try status("share", asOf: "2025-06-01") == .met)
        #expect(throws: TrackerError(.value, "101% is over 100%")) { try record("share", 101, on: "2025-06-02") }
        // A rate target above 100 % (growth) takes actuals above it.
        try add("growth", target: Quantity(value: 150, unit: "%"))
        _ = try record("growth", 160, on: "2025-06-01")
        #expect(try status("growth", asOf: "2025-06-01") == .met)
    }

    @Test func deliverablesAreDoneOpenOrMissedFromTheActionsUpdates() throws {
        try add("platform", action: 1, due: "2025-09-30")
        try add("portal", action: 3, due: "2025-09-30")
        #expect(try status("platform", asOf: "2025-09-30") == .open)
        #expect(try status("platform", asOf: "2025-10-01") == .missed)
        try fixture.add(1, .inProgress, on: "2025-05-01")
        try fixture.add(1, .completed, on: "2025-09-30")
        try fixture.add(3, .completed, on: "2025-10-01")
        #expect(try status("platform", asOf: "2025-09-29") == .open)
        #expect(try status("platform", asOf: "2025-09-30") == .done)
        #expect(try row("platform", asOf: "2025-09-30").actualOn == "2025-09-30")
        #expect(try status("platform", asOf: "2026-01-01") == .done)
        #expect(try status("portal", asOf: "2025-10-01") == .missed)
    }

    @Test func aVagueDueDateIsTheEndOfItsYear() throws {
        try add("vague", target: Quantity(value: 10), due: "2025")
        _ = try record("vague", 1, on: "2025-06-01")
        #expect(try status("vague", asOf: "2025-12-31") == .atRisk)
        #expect(try status("vague", asOf: "2026-01-01") == .missed)
    }

    @Test func aCorrectionReplacesTheValueAtEveryDate() throws {
        try add("typo", target: Quantity(value: 20))
        let id = try record("typo", 200, on: "2025-06-01")
        #expect(try status("typo", asOf: "2025-06-01") == .met)
        _ = try tracker.correctActual(CorrectActualRequest(id: id, value: Quantity(value: 2)))
        #expect(try row("typo", asOf: "2025-06-01").actual == 2)
        #expect(try status("typo", asOf: "2025-06-01") != .met)
        #expect(throws: TrackerError.self) { try tracker.correctActual(CorrectActualRequest(id: id, value: Quantity(value: 3))) }
        // Append-only, whatever the client.
        #expect(throws: (any Error).self) { try fixture.db.execute("UPDATE commitment_actuals SET value = 1") }
        #expect(throws: (any Error).self) { try fixture.db.execute("DELETE FROM commitment_actuals") }
    }

    /// Milestones are targets counted in sessions: the same rules, the same figures.
    @Test func theMilestoneIsOneCaseOfTheTargets() throws {
        for date in ["2025-01-10", "2025-02-10", "2025-03-10", "2025-04-10"] { try fixture.session(on: date) }
        let target = try row("sessions", asOf: "2025-04-10")
        #expect(target.actual == 4 && target.status == .met && target.projectedOn == "2025-04-10")
        #expect(try fixture.milestone(asOf: "2025-04-10") == [.integer(4), .integer(0), .real(target.pacePerMonth!), .text("2025-04-10"), .text("met")])
    }

    /// A withdrawal is dated: counts before it are unchanged, counts from its date on drop the session.
    @Test func withdrawingASessionChangesTheCountOnlyFromItsDate() throws {
        for date in ["2025-01-10", "2025-02-10", "2025-03-10"] { try fixture.session(on: date) }
        let second = try #require(try fixture.db.scalarInt("SELECT id FROM training_sessions WHERE started_on = '2025-02-10'"))
        _ = try tracker.withdrawTraining(WithdrawTrainingRequest(id: Int64(second), reason: "not a training", withdrawnOn: ISODate("2025-06-01")!, author: "t"))
        #expect(try row("sessions", asOf: "2025-05-31").actual == 3)
        #expect(try row("sessions", asOf: "2025-06-01").actual == 2)
        #expect(try row("sessions", asOf: "2025-02-10").actual == 2)
        #expect(try fixture.milestone(asOf: "2025-05-31")[0] == .integer(3))
        #expect(try fixture.milestone(asOf: "2025-06-01")[0] == .integer(2))
        // The action follows, from the same date: its sessions in force are its updates.
        #expect(try fixture.statuses(asOf: "2025-05-31")[1][2] == .integer(3))
        #expect(try fixture.statuses(asOf: "2025-06-01")[1][2] == .integer(2))
        // Nothing derived was written: the withdrawal is the one new fact.
        #expect(try fixture.db.scalarInt("SELECT count(*) FROM progress_updates") == 0)
        #expect(throws: TrackerError.self) { try tracker.withdrawTraining(WithdrawTrainingRequest(id: Int64(second), reason: "again")) }
    }

    /// A session entered before an earlier one: the action's figures are those of the as-of date,
    /// counted from the sessions in force then, never a count frozen when a session was entered.
    @Test func aSessionsCountIsTheAsOfDatesNotTheEntrys() throws {
        try fixture.session(on: "2025-03-10")
        try fixture.session(on: "2025-01-10")
        let action = try #require(try tracker.actionStatus(asOf: ISODate("2025-04-01")!).first { $0.number == 2 })
        #expect(action.percent == 50 && action.updates == 2)
        #expect(action.lastNote == "Training session held: Session 2025-03-10, Beijing (2 of 4 toward sessions-2025)")
        let earlier = try #require(try tracker.actionStatus(asOf: ISODate("2025-02-01")!).first { $0.number == 2 })
        #expect(earlier.percent == 25 && earlier.lastNote == "Training session held: Session 2025-01-10, Beijing (1 of 4 toward sessions-2025)")
    }
}
