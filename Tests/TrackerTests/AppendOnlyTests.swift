import Storage
import Testing

@testable import Tracker

/// REPLACE used to rewrite the append-only log (it deletes without firing DELETE triggers).
@Suite struct AppendOnlyTests {
    let db: Database

    init() throws {
        let tracker = try TrackerDatabase(path: ":memory:", access: .create)
        db = tracker.db
        try TrackerDatabase.migrator().migrate(db)
        try db.execute("INSERT INTO plans (slug, title) VALUES ('p', 'P')")
        try db.execute("INSERT INTO actions (plan_id, number, title, body) VALUES (1, 1, 'a', 'b')")
        try db.execute("INSERT INTO progress_updates (action_id, reported_on, status, note) VALUES (1, '2025-01-02', 'in-progress', 'first')")
        try db.execute("INSERT INTO progress_updates (action_id, reported_on, status, note, supersedes_id) VALUES (1, '2025-01-03', 'at-risk', 'fix', 1)")
        try db.execute("INSERT INTO training_sessions (started_on, title, location) VALUES ('2025-01-04', 'T', 'L')")
    }

    @Test(arguments: [
        "INSERT OR REPLACE INTO progress_updates (id, action_id, reported_on, status, note) VALUES (1, 1, '2025-01-01', 'completed', 'rewritten')",
        "REPLACE INTO progress_updates (action_id, reported_on, status, note, supersedes_id) VALUES (1, '2025-01-05', 'completed', 'second fix', 1)",
        "INSERT OR REPLACE INTO training_sessions (id, started_on, title, location) VALUES (1, '2025-01-04', 'T', 'elsewhere')",
        "INSERT INTO progress_updates (id, action_id, reported_on, status, note) VALUES (0, 1, '2025-01-01', 'completed', 'back-dated id')",
        "UPDATE progress_updates SET note = 'x' WHERE id = 1",
        "DELETE FROM integrity_chain",
    ])
    func rewritingTheLogIsRefused(sql: String) throws {
        let before = try db.fetchAll("SELECT id, note FROM progress_updates ORDER BY id") { "\($0.int(at: 0)):\($0.string(at: 1))" }
        #expect(throws: DatabaseError.self) { try db.execute(sql) }
        #expect(try db.fetchAll("SELECT id, note FROM progress_updates ORDER BY id") { "\($0.int(at: 0)):\($0.string(at: 1))" } == before)
        #expect(try db.scalarInt("SELECT count(*) FROM training_sessions WHERE location = 'L'") == 1)
        #expect(try db.scalarInt("SELECT count(*) FROM integrity_chain") == 3)
        // The notes index still matches its content table.
        try db.execute("INSERT INTO update_notes_fts (update_notes_fts, rank) VALUES ('integrity-check', 1)")
    }
}
