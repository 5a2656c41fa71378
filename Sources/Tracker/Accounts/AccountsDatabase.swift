import Glibc
import Storage

/// The accounts of `plantrack serve` (users, sessions, API tokens, failed sign-ins) in a file of
/// their own beside the data: `plantrack.db` → `plantrack.accounts.db`. The data file can then be
/// published, copied or opened in Datasette without a single credential in it. The file is made
/// on first use, readable by its owner only (0600); SQLite gives its -wal and -shm the same mode.
public final class AccountsDatabase {
    let db: Database
    public let path: String

    /// The accounts file that goes with the data file at `dataPath`.
    public static func path(besides dataPath: String) -> String {
        if dataPath == ":memory:" { return ":memory:" }
        return (dataPath.hasSuffix(".db") ? String(dataPath.dropLast(3)) : dataPath) + ".accounts.db"
    }

    /// Opens the accounts file beside `dataPath`. `create`: made (with its tables) when missing,
    /// and opened for writing; otherwise read-only, and nil when there is no such file (no accounts yet).
    public static func open(besides dataPath: String, create: Bool) throws -> AccountsDatabase? {
        let path = path(besides: dataPath)
        if path != ":memory:", access(path, F_OK) != 0 {
            guard create else { return nil }
            let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 { close(descriptor) }
        }
        return try AccountsDatabase(path: path, writable: create)
    }

    init(path: String, writable: Bool) throws {
        self.path = path
        do {
            db = try Database(path: path, mode: path == ":memory:" ? .readWriteCreate : writable ? .readWrite : .readOnly)
            if writable { try createTables() }
        } catch let error as DatabaseError {
            throw TrackerError(.file, "cannot open the accounts file \(path): \(error.message)")
        }
    }

    /// SQLite's `PRAGMA data_version`: changes when another connection commits to the accounts.
    public func dataVersion() throws -> Int { try db.scalarInt("PRAGMA data_version") ?? 0 }

    static let schemaVersion = 1

    private func createTables() throws {
        guard try db.scalarInt("PRAGMA user_version") ?? 0 < Self.schemaVersion else { return }
        try db.inTransaction(.immediate) {
            guard try db.scalarInt("PRAGMA user_version") ?? 0 < Self.schemaVersion else { return }
            try db.execute(Self.schema)
            try db.execute("PRAGMA user_version = \(Self.schemaVersion)")
        }
    }

    /// Secrets are never stored: passwords as bcrypt hashes, session ids and tokens as SHA-256
    /// digests (hex) of the random value handed to the client.
    static let schema = """
        CREATE TABLE IF NOT EXISTS users (
            id            INTEGER PRIMARY KEY,
            name          TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
            role          TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
            password_hash TEXT NOT NULL,
            must_change   INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
            disabled_at   TEXT,
            created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE TABLE IF NOT EXISTS sessions (
            id_hash    TEXT PRIMARY KEY,
            user_id    INTEGER NOT NULL REFERENCES users(id),
            csrf_token TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_id, expires_at);
        CREATE TABLE IF NOT EXISTS api_tokens (
            id          INTEGER PRIMARY KEY,
            token_hash  TEXT NOT NULL UNIQUE,
            user_id     INTEGER NOT NULL REFERENCES users(id),
            label       TEXT,
            created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            -- The first day the token no longer works (YYYY-MM-DD); NULL: never expires.
            expires_on  TEXT,
            revoked_at  TEXT
        );
        CREATE TABLE IF NOT EXISTS login_failures (
            id        INTEGER PRIMARY KEY,
            address   TEXT NOT NULL,
            name      TEXT NOT NULL,
            failed_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS login_failures_by_pair ON login_failures (name, address, failed_at);
        CREATE INDEX IF NOT EXISTS login_failures_by_address ON login_failures (address, failed_at);
        """

    var store: AccountStore { AccountStore(db: db) }

    // MARK: the use cases, each one transaction

    /// Adds a user; with no password, a one-time one that must be changed at first sign-in. Returns the password.
    public func addUser(name: String, role: Role, password: String?) throws -> String {
        try db.inTransaction(.immediate) { try store.addUser(name: name, role: role, password: password) }
    }

    /// Sets a user's password (a one-time one when nil) and ends their sessions. Returns the password.
    public func setPassword(name: String, password: String?) throws -> String {
        try db.inTransaction(.immediate) { try store.setPassword(name: name, password: password) }
    }

    /// Disables a user: no sign-in, sessions ended, API tokens revoked.
    public func disableUser(name: String) throws {
        try db.inTransaction(.immediate) { try store.disable(name: name) }
    }

    /// Every user with role, state and live token count.
    public func users(today: ISODate) throws -> ResultTable { try store.list(today: today) }

    /// The active user called `name`.
    public func user(named name: String) throws -> User { try store.user(named: name) }

    /// Creates a bearer token acting as `user`, working until `expiresOn` (nil: never); returns it.
    public func createToken(forUser user: String, label: String?, expiresOn: ISODate?) throws -> String {
        try db.inTransaction(.immediate) { try store.createToken(forUser: user, label: label, expiresOn: expiresOn) }
    }

    public func tokens(user: String?, today: ISODate) throws -> ResultTable { try store.tokens(user: user, today: today) }

    public func revokeToken(id: Int64) throws {
        try db.inTransaction(.immediate) { try store.revokeToken(id: id) }
    }

    /// The first step of a sign-in (see `AccountStore.prepareSignIn`); throws `SignInFailure.throttled`.
    public func prepareSignIn(name: String, address: String, now: Int64) throws -> SignInAttempt {
        try store.prepareSignIn(name: name, address: address, now: now)
    }

    /// The last step: a session (cookie value and CSRF token) for `user`, or the failure recorded.
    public func finishSignIn(_ attempt: SignInAttempt, user: User?, now: Int64) throws -> Result<(cookie: String, csrfToken: String), SignInFailure> {
        try db.inTransaction(.immediate) { try store.finishSignIn(attempt, user: user, now: now) }
    }

    /// All three steps on this thread: checks a name and password from `address` and starts a
    /// session. Throws `SignInFailure`; a failure is recorded for throttling.
    public func signIn(name: String, password: String, address: String, now: Int64) throws -> (cookie: String, csrfToken: String) {
        let attempt = try prepareSignIn(name: name, address: address, now: now)
        return try finishSignIn(attempt, user: attempt.check(password), now: now).get()
    }

    /// The user's password hash, to check the current password against before a change.
    public func passwordHash(userID: Int64) throws -> String? { try store.passwordHash(userID: userID) }

    /// Stores a new password's hash (made by the caller), ends every session of the user and
    /// starts a fresh one (cookie, CSRF token).
    public func replacePassword(user: User, hash: String, now: Int64) throws -> (cookie: String, csrfToken: String) {
        try db.inTransaction(.immediate) {
            try store.storePassword(userID: user.id, hash: hash, mustChange: false)
            return try store.createSession(for: try store.user(named: user.name), now: now)
        }
    }

    /// The live session behind a cookie value, or nil.
    public func session(cookie: String, now: Int64) throws -> SignedInSession? { try store.session(cookie: cookie, now: now) }

    public func endSession(cookie: String) throws {
        try db.inTransaction(.immediate) { try store.endSession(cookie: cookie) }
    }

    /// The active user a live bearer token belongs to, or nil.
    public func user(forToken token: String, today: ISODate) throws -> User? { try store.user(forToken: token, today: today) }
}

extension TrackerDatabase {
    /// The accounts beside this database, made on first use.
    public func accounts() throws -> AccountsDatabase {
        try AccountsDatabase.open(besides: path, create: true)!
    }

    /// The accounts beside this database to read, or nil when there are none yet.
    public func existingAccounts() throws -> AccountsDatabase? {
        try AccountsDatabase.open(besides: path, create: false)
    }

    /// Applies the pending migrations; first moves accounts kept in the data file by older
    /// versions (0007) into the accounts file, since 0013 drops those tables from the data.
    func migrateSchema() throws -> [Migration] {
        try moveAccountsOut()
        return try Self.migrator().migrate(db)
    }

    private func keepsOldAccountTables() throws -> Bool {
        try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'users'") == 1
    }

    /// Copies users, API tokens and sessions from the data file's 0007 tables into the accounts
    /// file (rows already there are kept: a run cut short is simply run again).
    func moveAccountsOut() throws {
        guard path != ":memory:", try keepsOldAccountTables() else { return }
        _ = try accounts()
        try db.execute("ATTACH DATABASE ? AS moved_accounts", [AccountsDatabase.path(besides: path)])
        defer { try? db.execute("DETACH DATABASE moved_accounts") }
        try db.inTransaction(.immediate) {
            // Another process may have moved them and applied 0013 since the look above (parallel `init`s).
            guard try keepsOldAccountTables() else { return }
            try db.execute("""
                INSERT OR IGNORE INTO moved_accounts.users (id, name, role, password_hash, must_change, disabled_at, created_at)
                SELECT id, name, role, password_hash, must_change, disabled_at, created_at FROM main.users
                """)
            try db.execute("""
                INSERT OR IGNORE INTO moved_accounts.api_tokens (id, token_hash, user_id, label, created_at, revoked_at)
                SELECT id, token_hash, user_id, label, created_at, revoked_at FROM main.api_tokens
                """)
            try db.execute("""
                INSERT OR IGNORE INTO moved_accounts.sessions (id_hash, user_id, csrf_token, expires_at, created_at)
                SELECT id_hash, user_id, csrf_token, expires_at, created_at FROM main.sessions
                """)
        }
    }
}
