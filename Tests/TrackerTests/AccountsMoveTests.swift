import Glibc
import Storage
import Testing

@testable import Tracker

/// A database made before accounts had a file of their own (migrations up to 0011: users, tokens
/// and sessions in the data file) is upgraded by `migrate`: its accounts move beside it
/// (old.db → old.accounts.db), the data file keeps no credential, and the moved user signs in
/// with the same password and token as before.
@Suite struct AccountsMoveTests {
    @Test func migrateMovesAnOldDatabasesAccountsIntoTheirOwnFile() throws {
        let directory = "/tmp/plantrack-accounts-move-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        mkdir(directory, 0o700)
        let path = "\(directory)/old.db"
        defer {
            for name in ["old.db", "old.db-wal", "old.db-shm", "old.accounts.db", "old.accounts.db-wal", "old.accounts.db-shm"] {
                unlink("\(directory)/\(name)")
            }
            rmdir(directory)
        }
        let token = AccountStore.randomToken()
        do {
            let old = try TrackerDatabase(path: path, access: .create)
            let migrator = try TrackerDatabase.migrator()
            try DatabaseMigrator(migrations: migrator.migrations.filter { $0.version < 13 }).migrate(old.db)
            // A real bcrypt hash of a known password, from a scratch accounts store.
            let scratch = try #require(try AccountsDatabase.open(besides: ":memory:", create: true))
            _ = try scratch.addUser(name: "eve", role: .editor, password: "correct horse battery")
            let hash = try #require(try scratch.db.scalarString("SELECT password_hash FROM users WHERE name = 'eve'"))
            try old.db.execute("INSERT INTO users (id, name, role, password_hash) VALUES (7, 'eve', 'editor', ?)", [hash])
            try old.db.execute("INSERT INTO users (id, name, role, password_hash, disabled_at) VALUES (8, 'old', 'viewer', ?, '2025-01-01T00:00:00Z')", [hash])
            try old.db.execute("INSERT INTO api_tokens (token_hash, user_id, label) VALUES (?, 7, 'loader')", [SHA256.hexDigest("pt_" + token)])
        }

        // As `plantrack migrate` opens it.
        let tracker = try TrackerDatabase(path: path, access: .create)
        #expect(try tracker.migrate().first == "0013_accounts_apart.sql")
        #expect(try tracker.migrationStatus().allSatisfy { $0.appliedAt != nil })
        #expect(try tracker.db.scalarInt(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('users', 'sessions', 'api_tokens', 'login_failures')") == 0)
        #expect(try Verifier.verify(tracker).passed)

        let accounts = try #require(try AccountsDatabase.open(besides: path, create: false))
        #expect(try accounts.user(named: "eve") == User(id: 7, name: "eve", role: .editor, mustChangePassword: false))
        #expect(throws: TrackerError(.user, "user 'old' is disabled")) { _ = try accounts.user(named: "old") }
        // The file was there already (read-only, the open finds it); signing in writes a session.
        let writable = try #require(try AccountsDatabase.open(besides: path, create: true))
        _ = try writable.signIn(name: "eve", password: "correct horse battery", address: "a", now: AccountStore.now())
        #expect(try accounts.user(forToken: "pt_" + token, today: ISODate("2026-01-01")!)?.name == "eve")
        // Run again: nothing left to move, nothing applied, the accounts unchanged.
        #expect(try tracker.migrate() == [])
        #expect(try accounts.db.scalarInt("SELECT count(*) FROM users") == 2)
    }
}
