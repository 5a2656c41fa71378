import Glibc
import Storage
import Testing

@testable import Tracker

/// Facts stored, figures derived: whatever the order of entry, corrections and withdrawals, the
/// action, the milestone, the brief and the dashboard give one number for each figure. The plan of
/// TrackerFixture was proposed 2024-09-25; action 2 carries the milestone sessions-2025.
@Suite struct FactsOnlyTests {
    let fixture: TrackerFixture
    var tracker: TrackerDatabase { fixture.tracker }

    init() throws { fixture = try TrackerFixture(target: 10) }

    func action2(asOf date: String) throws -> ActionStatusRow {
        try #require(try tracker.actionStatus(asOf: ISODate(date)!).first { $0.number == 2 })
    }

    func milestone(asOf date: String) throws -> MilestoneRow {
        try #require(try tracker.milestones(asOf: ISODate(date)!).first)
    }

    func sessionID(_ started: String) throws -> Int64 {
        Int64(try #require(try fixture.db.scalarInt("SELECT max(id) FROM training_sessions WHERE started_on = ?", [started])))
    }

    @Test func sessionsEnteredOutOfOrderGiveTheMilestonesPercent() throws {
        for date in ["2025-06-01", "2025-05-01", "2025-04-01"] { try fixture.session(on: date) }
        let action = try action2(asOf: "2025-07-01")
        #expect(try milestone(asOf: "2025-07-01").done == 3)
        #expect(action.percent == 30)
        #expect(action.status == .inProgress)
        #expect(action.lastUpdate == ISODate("2025-06-01"))
        #expect(action.updates == 3)
        // Nothing derived is stored: a session is a session, not a progress update.
        #expect(try fixture.db.scalarInt("SELECT count(*) FROM progress_updates") == 0)
        // As of an earlier date, the figures of that date.
        #expect(try action2(asOf: "2025-05-15").percent == 20)
        #expect(try action2(asOf: "2025-03-31").status == .notStarted)
    }

    @Test func aWithdrawalLowersTheActionWithTheMilestoneFromItsDate() throws {
        for date in ["2025-06-01", "2025-05-01", "2025-04-01"] { try fixture.session(on: date) }
        _ = try tracker.withdrawTraining(WithdrawTrainingRequest(
            id: try sessionID("2025-05-01"), reason: "not a training", withdrawnOn: ISODate("2025-06-15")!, author: "carol"))
        #expect(try action2(asOf: "2025-06-14").percent == 30)
        let after = try action2(asOf: "2025-07-01")
        #expect(after.percent == 20 && after.updates == 2)
        #expect(try milestone(asOf: "2025-07-01").done == 2)
        let dashboard = try tracker.dashboard(asOf: ISODate("2025-07-01")!)
        #expect(dashboard.actions.first { $0.number == 2 }?.percent == 20)
        #expect(dashboard.milestones.first?.done == 2)
        #expect(dashboard.milestones.first?.sessions.filter { $0.countsAs != nil }.count == 2)
        // training list gives no place in the count to the withdrawn session.
        let list = try tracker.trainingSessions()
        let countsAs = list.rows.map { $0[list.columns.firstIndex(of: "counts_as")!] }
        #expect(countsAs == [.integer(1), .null, .integer(2)])
    }

    @Test func aMultiDaySessionCountsFromItsFirstDayInTheActionAndTheMilestone() throws {
        _ = try TrainingLog(db: fixture.db, plan: fixture.plan).add(
            TrainingSession(title: "Ten days", startedOn: ISODate("2025-03-10")!, endedOn: ISODate("2025-03-20")!, location: "Beijing"),
            author: "t")
        for date in ["2025-03-10", "2025-03-15", "2025-03-20"] {
            #expect(try milestone(asOf: date).done == 1)
            let action = try action2(asOf: date)
            #expect(action.percent == 10 && action.status == .inProgress && action.lastUpdate == ISODate("2025-03-10"))
        }
        #expect(try action2(asOf: "2025-03-09").status == .notStarted)
        #expect(try milestone(asOf: "2025-03-09").done == 0)
    }

    @Test func reachingTheTargetCompletesTheAction() throws {
        let small = try TrackerFixture(target: 2)
        for date in ["2025-02-01", "2025-01-01"] { try small.session(on: date) }
        let row = try #require(try small.tracker.actionStatus(asOf: ISODate("2025-03-01")!).first { $0.number == 2 })
        #expect(row.status == .completed && row.percent == 100)
        #expect(row.lastNote == "Training session held: Session 2025-02-01, Beijing (2 of 2 toward sessions-2025)")
    }

    @Test func anUpdateAfterTheSessionsDecidesTheStatus() throws {
        try fixture.session(on: "2025-03-01")
        try fixture.add(2, .atRisk, on: "2025-03-05", note: "venue cancelled")
        let row = try action2(asOf: "2025-04-01")
        #expect(row.status == .atRisk && row.percent == nil && row.lastNote == "venue cancelled" && row.updates == 2)
        // On the same date an update wins over a session.
        try fixture.session(on: "2025-03-05")
        #expect(try action2(asOf: "2025-04-01").status == .atRisk)
    }

    @Test func aCorrectionRecordsWhoMadeIt() throws {
        let id = try tracker.addProgress(AddProgressRequest(action: 1, note: "first", reportedOn: ISODate("2025-03-01")!, author: "alice"))
        let correction = try tracker.correctProgress(CorrectProgressRequest(update: id, changes: ProgressCorrection(note: "fixed", author: "bob")))
        let rows = try tracker.progressUpdates(ProgressFilter(actionNumber: 1))
        #expect(rows.first { $0.id == correction }?.author == "bob")
        #expect(rows.first { $0.id == id }?.author == "alice")
        // A session's correction too: the new row names the corrector, the original keeps its author.
        _ = try TrainingLog(db: fixture.db, plan: fixture.plan).add(
            TrainingSession(title: "S", startedOn: ISODate("2025-03-01")!, location: "Beijing"), author: "alice")
        let corrected = try tracker.correctTraining(CorrectTrainingRequest(id: try sessionID("2025-03-01"), location: "Shanghai", author: "bob"))
        let authors = try fixture.db.fetchAll("SELECT id, author FROM training_sessions ORDER BY id") { (try $0["id"] as Int64, try $0["author"] as String?) }
        #expect(authors.map(\.1) == ["alice", "bob"] && authors.last?.0 == corrected)
    }

    @Test func aCorrectedSessionWithAnEmojiTitleLeavesNothingOfTheOldInForce() throws {
        let title = "Workshop 👩🏽‍💻🇰🇪"
        _ = try TrainingLog(db: fixture.db, plan: fixture.plan).add(
            TrainingSession(title: title, startedOn: ISODate("2025-03-01")!, location: "Nairobi"), author: "t")
        _ = try tracker.correctTraining(CorrectTrainingRequest(id: try sessionID("2025-03-01"), location: "Mombasa", author: "t"))
        let row = try action2(asOf: "2025-04-01")
        #expect(row.updates == 1 && row.percent == 10)
        #expect(row.lastNote == "Training session held: \(title), Mombasa (1 of 10 toward sessions-2025)")
    }

    @Test func anExactRepeatIsRefusedUnlessAllowed() throws {
        let request = AddProgressRequest(action: 1, note: "same", status: .inProgress, reportedOn: ISODate("2025-03-01")!, author: "alice")
        _ = try tracker.addProgress(request)
        #expect(throws: TrackerError.self) { try tracker.addProgress(request) }
        var other = request
        other.author = "bob"
        _ = try tracker.addProgress(other)
        var allowed = request
        allowed.allowDuplicate = true
        _ = try tracker.addProgress(allowed)
        #expect(try fixture.db.scalarInt("SELECT count(*) FROM progress_updates") == 3)
    }

    @Test func aChineseNameIsEnoughForAnIndicator() throws {
        #expect(try tracker.addIndicator(AddIndicatorRequest(name: "联合实验室数量", unit: "个")) == "indicator-1")
        #expect(try tracker.addIndicator(AddIndicatorRequest(name: "联合实验室", unit: "个", nameEn: "Joint labs")) == "joint-labs")
        #expect(try tracker.addIndicator(AddIndicatorRequest(name: "合作中心", unit: "个")) == "indicator-2")
    }

    @Test func theChineseBriefIsChinese() throws {
        try fixture.db.execute("UPDATE plans SET title = '测试计划'")
        try fixture.db.execute("UPDATE commitments SET body = '举办十期研修班'")
        try fixture.db.execute("UPDATE milestones SET unit = 'sessions'")
        try fixture.session(on: "2025-03-01")
        let brief = try tracker.brief(plan: nil, asOf: ISODate("2025-04-01")!, since: nil).render(as: .markdown, language: .zh)
        #expect(!brief.contains("sessions") && !brief.contains("Sessions"))
        #expect(brief.contains("举办十期研修班：已完成 1/10"))
        #expect(brief.contains("1 期 (2025-03-01)"))
        let english = try tracker.brief(plan: nil, asOf: ISODate("2025-04-01")!, since: nil).render(as: .markdown, language: .en)
        #expect(english.contains("1 session (2025-03-01)") && !english.contains("1 sessions"))
    }

    /// A database written by the earlier versions, with their derived updates, upgraded: the views
    /// leave those rows out, and `verify` passes.
    @Test func anUpgradedDatabaseCountsNoDerivedUpdateAndVerifies() throws {
        let path = "/tmp/plantrack-facts-\(UInt64.random(in: 0...UInt64.max)).db"
        defer { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
        let old = try TrackerDatabase(path: path, access: .create)
        let all = try TrackerDatabase.migrator()
        _ = try DatabaseMigrator(migrations: all.migrations.filter { $0.version <= 10 }).migrate(old.db)
        try old.db.execute("INSERT INTO documents (slug, title, sha256, body) VALUES ('doc', 'Doc', 'x', 'body')")
        try old.db.execute("INSERT INTO plans (slug, title, proposed_on) VALUES ('test-plan', 'Test plan', '2024-09-25')")
        for number in 1...3 {
            try old.db.execute("INSERT INTO actions (plan_id, number, title, body) VALUES (1, ?, ?, 'text')", [number, "Action \(number)"])
        }
        try old.db.execute("INSERT INTO commitments (plan_id, action_id, slug, body, target_value, due_on) VALUES (1, 2, 'sessions', 'sessions', 10, '2025-12-31')")
        try old.db.execute("INSERT INTO milestones (commitment_id, slug, title, target_count, due_on) VALUES (1, 'sessions-2025', 'Sessions', 10, '2025-12-31')")
        // What `training add` wrote then, out of order: each session's "N of 10" as of its own date.
        for (date, done) in [("2025-06-01", 1), ("2025-05-01", 1), ("2025-04-01", 1)] {
            try old.db.execute("INSERT INTO training_sessions (milestone_id, started_on, title, location) VALUES (1, ?, ?, 'Beijing')", [date, "S \(date)"])
            try old.db.execute(
                "INSERT INTO progress_updates (action_id, commitment_id, reported_on, status, percent, note, author) VALUES (2, 1, ?, 'in-progress', ?, ?, 'alice')",
                [date, Double(done * 10), "Training session held: S \(date), Beijing (\(done) of 10 toward sessions-2025)"])
        }
        try old.db.execute("INSERT INTO progress_updates (action_id, reported_on, status, note, author) VALUES (2, '2025-03-01', 'in-progress', 'kick-off', 'alice')")
        _ = try all.migrate(old.db)

        let upgraded = try TrackerDatabase(path: path, access: .existing)
        #expect(try upgraded.db.scalarInt("SELECT count(*) FROM derived_session_updates") == 3)
        let row = try #require(try upgraded.actionStatus(asOf: ISODate("2025-07-01")!).first { $0.number == 2 })
        #expect(row.percent == 30 && row.updates == 4 && row.lastUpdate == ISODate("2025-06-01"))
        #expect(try upgraded.progressUpdates(ProgressFilter(actionNumber: 2)).map(\.note) == ["kick-off"])
        #expect(try upgraded.db.scalarInt("SELECT count(*) FROM timeline WHERE action = 2") == 1)
        let report = try Verifier.verify(upgraded)
        #expect(report.passed, "\(report.checks.filter { !$0.passed }.map { "\($0.name): \($0.problems)" })")
        #expect(report.chainedRows == 7)
        // A session recorded after the upgrade joins the chain with its author.
        _ = try upgraded.addTraining(AddTrainingRequest(session: TrainingSession(title: "S new", startedOn: ISODate("2025-07-01")!, location: "Beijing"), author: "bob"))
        #expect(try Verifier.verify(upgraded).passed)
    }

    /// The as-of form of a view that reads other views binds the date in all of them.
    @Test func theAsOfFormOfAViewReadsTheOtherViewsAsOfTheSameDate() throws {
        for date in ["2025-06-01", "2025-05-01"] { try fixture.session(on: date) }
        let sql = try AsOfQuery.sql(ofView: "action_status", in: fixture.db)
        #expect(sql.contains("sessions_in_force AS (") && sql.contains("commitment_progress AS ("))
        let percent = try fixture.db.fetchOne("SELECT percent FROM (\(sql)) WHERE number = 2", ["as_of": "2025-05-15"]) { try $0["percent"] as Double? }
        #expect(percent == 10)
        // Today's form is the view itself.
        let today = ISODate.today().description
        let viaView = try fixture.db.fetchAll("SELECT number, status, updates, percent FROM action_status ORDER BY number") { $0.row }
        let viaForm = try fixture.db.fetchAll("SELECT number, status, updates, percent FROM (\(sql)) ORDER BY number", ["as_of": today]) { $0.row }
        #expect(viaView == viaForm)
    }
}
