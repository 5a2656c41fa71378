import Storage

@testable import Tracker

/// A database (in memory unless a path is given) with the real schema and a small plan: 3
/// actions, action 2 carrying a commitment with a 4-session milestone due 2025-12-31, proposed
/// 2024-09-25.
struct TrackerFixture {
    let tracker: TrackerDatabase
    let plan: PlanScope
    var db: Database { tracker.db }

    init(target: Int = 4, path: String = ":memory:") throws {
        tracker = try TrackerDatabase(path: path, access: .create)
        try TrackerDatabase.migrator().migrate(tracker.db)
        let db = tracker.db
        try db.execute("INSERT INTO documents (slug, title, sha256, body) VALUES ('doc', 'Doc', 'x', 'body')")
        try db.execute("INSERT INTO plans (slug, title, proposed_on) VALUES ('test-plan', 'Test plan', '2024-09-25')")
        for number in 1...3 {
            try db.execute("INSERT INTO actions (plan_id, number, title, body) VALUES (1, ?, ?, 'text')", [number, "Action \(number)"])
        }
        try db.execute("INSERT INTO commitments (plan_id, action_id, slug, body, target_value, due_on) VALUES (1, 2, 'sessions', 'sessions', ?, '2025-12-31')", [target])
        try db.execute("INSERT INTO milestones (commitment_id, slug, title, target_count, due_on) VALUES (1, 'sessions-2025', 'Sessions', ?, '2025-12-31')", [target])
        plan = try PlanScope.resolve(nil, in: db)
    }

    var log: ProgressLog { ProgressLog(db: db, plan: plan) }

    @discardableResult
    func add(_ action: Int, _ status: Status, on date: String, note: String = "note") throws -> Int64 {
        try log.add(ProgressEntry(actionNumber: action, note: note, status: status, reportedOn: ISODate(date)!))
    }

    func session(on date: String, baseline: Bool = false) throws {
        _ = try TrainingLog(db: db, plan: plan).add(
            TrainingSession(title: "Session \(date)", startedOn: ISODate(date)!, location: "Beijing", isBaseline: baseline), author: "t")
    }

    /// (status, last_update, updates) of each action as of `date`.
    func statuses(asOf date: String) throws -> [[DatabaseValue]] {
        try ResultTable(StatusQueries(db: db, plan: plan).actionStatus(asOf: ISODate(date)!)).rows.map { [$0[3], $0[4], $0[5]] }
    }

    /// (done, remaining, pace_per_month, projected_on, status) of the milestone as of `date`.
    func milestone(asOf date: String) throws -> [DatabaseValue] {
        let row = try ResultTable(StatusQueries(db: db, plan: plan).milestones(asOf: ISODate(date)!)).rows[0]
        return Array(row[4...8])
    }
}
