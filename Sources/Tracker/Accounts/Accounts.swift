import Glibc
import HummingbirdBcrypt
import Storage

/// What a signed-in user may do. Viewers read; editors also write; admins also manage users.
public enum Role: String, CaseIterable, Sendable {
    case viewer, editor, admin

    public var canWrite: Bool { self != .viewer }
    public var canManageUsers: Bool { self == .admin }
    public static var validList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

public struct User: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let role: Role
    public let mustChangePassword: Bool
}

/// A browser session: who, and the CSRF token its forms must carry.
public struct SignedInSession: Sendable, Equatable {
    public let user: User
    public let csrfToken: String
}

/// Why a sign-in was refused. `throttled` is said before the password is even checked.
public enum SignInFailure: Error, Sendable, Equatable {
    case invalid
    case throttled
}

/// Users, sessions, API tokens and sign-in throttling, all in the plantrack database (0007_accounts.sql).
/// Secrets are kept only as hashes: bcrypt for passwords, SHA-256 for random session ids and tokens.
/// The use cases below (on TrackerDatabase) own the transactions; these are their steps.
public struct AccountStore {
    public static let minimumPasswordLength = 8
    /// bcrypt's work factor: about 60 ms a hash on one core, the cost of every sign-in.
    public static let bcryptCost: UInt8 = 10
    /// Failures from one address, or against one name, within `throttleWindow` seconds before sign-in is refused.
    public static let maximumFailures = 5
    public static let throttleWindow: Int64 = 15 * 60
    public static let sessionLifetime: Int64 = 7 * 24 * 3600

    let db: Database

    init(db: Database) { self.db = db }

    // MARK: users

    public static func checkName(_ name: String) throws(FieldProblem) -> String {
        guard !name.isEmpty, name.count <= 64,
            name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || "._-@".unicodeScalars.contains($0) })
        else { throw FieldProblem("'\(name)' is not a user name (1 to 64 letters, digits, '.', '_', '-' or '@')") }
        return name
    }

    public static func role(_ text: String) throws(FieldProblem) -> Role {
        guard let role = Role(rawValue: text) else { throw FieldProblem("unknown role '\(text)' (valid: \(Role.validList))") }
        return role
    }

    public static func checkPassword(_ password: String) throws(FieldProblem) -> String {
        guard password.count >= minimumPasswordLength else {
            throw FieldProblem("the password has \(password.count) characters; at least \(minimumPasswordLength) are needed")
        }
        // bcrypt reads at most 72 bytes; refuse longer rather than silently ignore the rest.
        guard password.utf8.count <= 72 else { throw FieldProblem("the password is longer than 72 bytes") }
        return password
    }

    /// A random password for a first sign-in: 16 characters from an alphabet without look-alikes.
    public static func oneTimePassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// Adds a user; with no password, makes a one-time one that must be changed at first sign-in.
    /// Returns the password to hand over. The caller owns the transaction.
    func addUser(name: String, role: Role, password: String?) throws -> String {
        _ = try checked(.user) { () throws(FieldProblem) in try Self.checkName(name) }
        if let password { _ = try checked(.password) { () throws(FieldProblem) in try Self.checkPassword(password) } }
        if try db.scalarInt("SELECT count(*) FROM users WHERE name = ?", [name]) ?? 0 > 0 {
            throw TrackerError(.user, "user '\(name)' already exists")
        }
        let chosen = password ?? Self.oneTimePassword()
        try db.execute(
            "INSERT INTO users (name, role, password_hash, must_change) VALUES (?, ?, ?, ?)",
            [name, role.rawValue, Bcrypt.hash(chosen, cost: Self.bcryptCost), password == nil ? 1 : 0])
        return chosen
    }

    /// Sets a new password (a one-time one when nil) and signs the user out everywhere.
    func setPassword(name: String, password: String?) throws -> String {
        let user = try self.user(named: name)
        if let password { _ = try checked(.password) { () throws(FieldProblem) in try Self.checkPassword(password) } }
        let chosen = password ?? Self.oneTimePassword()
        try db.execute(
            "UPDATE users SET password_hash = ?, must_change = ? WHERE id = ?",
            [Bcrypt.hash(chosen, cost: Self.bcryptCost), password == nil ? 1 : 0, user.id])
        try db.execute("DELETE FROM sessions WHERE user_id = ?", [user.id])
        return chosen
    }

    /// Disables a user: no sign-in, sessions ended, tokens revoked. Nothing they wrote changes.
    func disable(name: String) throws {
        let user = try self.user(named: name)
        try db.execute("UPDATE users SET disabled_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ? AND disabled_at IS NULL", [user.id])
        try db.execute("DELETE FROM sessions WHERE user_id = ?", [user.id])
        try db.execute("UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE user_id = ? AND revoked_at IS NULL", [user.id])
    }

    func list() throws -> ResultTable {
        try ResultTable.query(
            db,
            """
            SELECT u.name, u.role, CASE WHEN u.disabled_at IS NULL THEN 'active' ELSE 'disabled' END AS state,
                   u.must_change AS must_change_password, u.created_at,
                   (SELECT count(*) FROM api_tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL) AS tokens
            FROM users u ORDER BY u.name
            """)
    }

    /// An active user by name, or an error naming the problem.
    func user(named name: String) throws -> User {
        guard let user = try db.fetchOne(
            "SELECT id, name, role, must_change, disabled_at IS NOT NULL FROM users WHERE name = ?", [name], Self.readUser)
        else { throw TrackerError(notFound: .user, "no user '\(name)'") }
        guard let user = user.user else { throw TrackerError(.user, "user '\(name)' is disabled") }
        return user
    }

    static func readUser(_ row: Statement) -> (user: User?, hash: String?) {
        guard row.int(at: 4) == 0, let role = Role(rawValue: row.string(at: 2)) else { return (nil, nil) }
        return (User(id: row.int64(at: 0), name: row.string(at: 1), role: role, mustChangePassword: row.int(at: 3) != 0),
                row.columnCount > 5 && !row.isNull(at: 5) ? row.string(at: 5) : nil)
    }

    // MARK: sign-in

    /// Checks a name and password from `address`. Throttled addresses and names are refused
    /// without running bcrypt, so guessing costs the server nothing. The caller owns the transaction.
    func signIn(name: String, password: String, address: String, now: Int64) throws -> User {
        let since = now - Self.throttleWindow
        let byAddress = try db.scalarInt("SELECT count(*) FROM login_failures WHERE address = ? AND failed_at > ?", [address, since]) ?? 0
        let byName = try db.scalarInt("SELECT count(*) FROM login_failures WHERE name = ? AND failed_at > ?", [name, since]) ?? 0
        if byAddress >= Self.maximumFailures || byName >= Self.maximumFailures { throw SignInFailure.throttled }
        let found = try db.fetchOne(
            "SELECT id, name, role, must_change, disabled_at IS NOT NULL, password_hash FROM users WHERE name = ?",
            [name], Self.readUser)
        guard let found, let user = found.user, let hash = found.hash, Bcrypt.verify(password, hash: hash) else {
            try db.execute("INSERT INTO login_failures (address, name, failed_at) VALUES (?, ?, ?)", [address, String(name.prefix(64)), now])
            try db.execute("DELETE FROM login_failures WHERE failed_at <= ?", [since])
            throw SignInFailure.invalid
        }
        return user
    }

    /// Starts a session; returns the cookie value (the only copy of the secret) and its CSRF token.
    func createSession(for user: User, now: Int64) throws -> (cookie: String, csrfToken: String) {
        let cookie = Self.randomToken(), csrf = Self.randomToken()
        try db.execute(
            "INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
            [SHA256.hexDigest(cookie), user.id, csrf, now + Self.sessionLifetime])
        try db.execute("DELETE FROM sessions WHERE expires_at <= ?", [now])
        return (cookie, csrf)
    }

    /// The live session behind a cookie value, or nil for an unknown, expired or disabled one.
    func session(cookie: String, now: Int64) throws -> SignedInSession? {
        guard Self.looksLikeToken(cookie) else { return nil }
        return try db.fetchOne(
            """
            SELECT u.id, u.name, u.role, u.must_change, u.disabled_at IS NOT NULL, s.csrf_token
            FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ? AND s.expires_at > ?
            """, [SHA256.hexDigest(cookie), now]) { row in
                Self.readUser(row).user.map { SignedInSession(user: $0, csrfToken: row.string(at: 5)) }
            } ?? nil
    }

    func endSession(cookie: String) throws {
        try db.execute("DELETE FROM sessions WHERE id_hash = ?", [SHA256.hexDigest(cookie)])
    }

    // MARK: API tokens

    /// Creates a bearer token for `name`; returns it. Only its hash is kept.
    func createToken(forUser name: String, label: String?) throws -> String {
        let user = try self.user(named: name)
        let token = "pt_" + Self.randomToken()
        try db.execute("INSERT INTO api_tokens (token_hash, user_id, label) VALUES (?, ?, ?)", [SHA256.hexDigest(token), user.id, label])
        return token
    }

    /// The active user a bearer token belongs to, or nil.
    func user(forToken token: String) throws -> User? {
        guard token.hasPrefix("pt_"), Self.looksLikeToken(String(token.dropFirst(3))) else { return nil }
        return try db.fetchOne(
            """
            SELECT u.id, u.name, u.role, u.must_change, u.disabled_at IS NOT NULL
            FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL
            """, [SHA256.hexDigest(token)]) { Self.readUser($0).user } ?? nil
    }

    // MARK: randomness

    /// 32 random bytes from the system's CSPRNG (getrandom), as 64 hex digits.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    static func looksLikeToken(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    public static func now() -> Int64 { Int64(time(nil)) }
}

/// Runs a field check, turning its problem into the error that names the field.
private func checked<T>(_ field: TrackerError.Field, _ check: () throws(FieldProblem) -> T) throws -> T {
    do { return try check() } catch { throw error.at(field) }
}

// MARK: the use cases, each one write transaction

extension TrackerDatabase {
    /// Adds a user; with no password, a one-time one that must be changed at first sign-in. Returns the password.
    public func addUser(name: String, role: Role, password: String?) throws -> String {
        try db.inTransaction(.immediate) { try AccountStore(db: db).addUser(name: name, role: role, password: password) }
    }

    /// Sets a user's password (a one-time one when nil) and ends their sessions. Returns the password.
    public func setPassword(name: String, password: String?) throws -> String {
        try db.inTransaction(.immediate) { try AccountStore(db: db).setPassword(name: name, password: password) }
    }

    /// Disables a user: no sign-in, sessions ended, API tokens revoked.
    public func disableUser(name: String) throws {
        try db.inTransaction(.immediate) { try AccountStore(db: db).disable(name: name) }
    }

    /// Every user with role, state and token count.
    public func users() throws -> ResultTable { try AccountStore(db: db).list() }

    /// The active user called `name`.
    public func user(named name: String) throws -> User { try AccountStore(db: db).user(named: name) }

    /// Creates a bearer token acting as `user`; returns it (only its hash is kept).
    public func createToken(forUser user: String, label: String?) throws -> String {
        try db.inTransaction(.immediate) { try AccountStore(db: db).createToken(forUser: user, label: label) }
    }

    /// Checks a name and password from `address` and starts a session: the cookie value and its CSRF token.
    /// Throws `SignInFailure`; a failure is recorded for throttling.
    public func signIn(name: String, password: String, address: String, now: Int64) throws -> (cookie: String, csrfToken: String) {
        let outcome: Result<(cookie: String, csrfToken: String), SignInFailure> = try db.inTransaction(.immediate) {
            let store = AccountStore(db: db)
            do {
                let user = try store.signIn(name: name, password: password, address: address, now: now)
                return .success(try store.createSession(for: user, now: now))
            } catch let failure as SignInFailure {
                return .failure(failure)  // committed: the failure row must stay
            }
        }
        return try outcome.get()
    }

    /// A signed-in user's new password; ends every session and starts a fresh one (cookie, CSRF token).
    public func changePassword(user name: String, to password: String, now: Int64) throws -> (cookie: String, csrfToken: String) {
        try db.inTransaction(.immediate) {
            let store = AccountStore(db: db)
            _ = try store.setPassword(name: name, password: password)
            return try store.createSession(for: try store.user(named: name), now: now)
        }
    }

    /// The live session behind a cookie value, or nil.
    public func session(cookie: String, now: Int64) throws -> SignedInSession? {
        try AccountStore(db: db).session(cookie: cookie, now: now)
    }

    public func endSession(cookie: String) throws {
        try db.inTransaction(.immediate) { try AccountStore(db: db).endSession(cookie: cookie) }
    }

    /// The active user a bearer token belongs to, or nil.
    public func user(forToken token: String) throws -> User? { try AccountStore(db: db).user(forToken: token) }
}
