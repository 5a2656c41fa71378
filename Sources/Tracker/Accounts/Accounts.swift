import Glibc
import HummingbirdBcrypt
import Storage

/// What a signed-in user may do. Viewers read; editors also write; admins also manage users.
public enum Role: String, CaseIterable, Sendable, ColumnDecodable {
    case viewer, editor, admin

    /// Strict, like every stored value; the accounts file is not `verify`'s, so the error says which file.
    public static func decode(_ statement: Statement, at index: Int32, column: String) throws -> Role {
        let text = try String.decode(statement, at: index, column: column)
        guard let role = Role(rawValue: text) else {
            throw TrackerError("the accounts file holds '\(text)' where a role belongs (\(validList))")
        }
        return role
    }

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
    /// Too many recent failures for this name from this address (or from this address): wait this many seconds.
    case throttled(seconds: Int64)
}

/// A sign-in between its two database steps: what the password is to be checked against. The
/// check itself (bcrypt, ~60 ms of CPU) runs wherever the caller likes — the server runs it off
/// its write thread. An unknown or disabled name gets a decoy hash, so it costs the same work.
public struct SignInAttempt: Sendable {
    public let name: String
    public let address: String
    let user: User?
    let hash: String

    /// The user, when `password` is theirs.
    public func check(_ password: String) -> User? {
        let matches = password.utf8.count <= 72 && Bcrypt.verify(password, hash: hash)
        return matches ? user : nil
    }
}

/// Users, sessions, API tokens and sign-in throttling. They live in a file of their own beside
/// the data (`plantrack.db` → `plantrack.accounts.db`, see `AccountsDatabase`), so publishing or
/// copying the data never hands out credentials. Secrets are kept only as hashes: bcrypt for
/// passwords, SHA-256 for random session ids and tokens.
public struct AccountStore {
    /// NIST SP 800-63B §5.1.1.2: at least 8, and 12 here since every account can write or read
    /// unpublished progress; no composition rules; common passwords refused.
    public static let minimumPasswordLength = 12
    /// bcrypt's work factor: about 60 ms a hash on one core, the cost of every sign-in.
    public static let bcryptCost: UInt8 = 10
    /// Failures of one name from one address that cost nothing; each further one doubles the wait
    /// before the next attempt (1 s, 2 s, 4 s … at most `maximumDelay`).
    public static let freeFailures = 3
    /// Failures from one address across every name before that address waits too (password spraying).
    public static let freeAddressFailures = 30
    public static let maximumDelay: Int64 = 15 * 60
    /// Failures older than this are forgotten.
    public static let throttleWindow: Int64 = 15 * 60
    public static let sessionLifetime: Int64 = 7 * 24 * 3600
    /// Live sessions a user may have; a new sign-in ends the oldest beyond it.
    public static let maximumSessionsPerUser = 8
    /// API tokens expire after this many days unless `token create --expires` says otherwise.
    public static let defaultTokenDays = 90

    let db: Database

    init(db: Database) { self.db = db }

    // MARK: rules

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

    /// NIST SP 800-63B: long enough, not a common password (Seeds/common-passwords.txt, also
    /// with digits or symbols added at the end), not one character or a run like 123456789012,
    /// not the user's name.
    public static func checkPassword(_ password: String, name: String? = nil) throws(FieldProblem) -> String {
        guard password.count >= minimumPasswordLength else {
            throw FieldProblem("the password has \(password.count) characters; at least \(minimumPasswordLength) are needed")
        }
        // bcrypt reads at most 72 bytes; refuse longer rather than silently ignore the rest.
        guard password.utf8.count <= 72 else { throw FieldProblem("the password is longer than 72 bytes") }
        let lowered = password.lowercased()
        if let name, lowered.contains(name.lowercased()) {
            throw FieldProblem("the password contains the user name; choose one nobody could guess")
        }
        let stem = String(lowered.reversed().drop { !$0.isLetter }.reversed())
        if CommonPasswords.contains(lowered) || (stem.count >= 4 && CommonPasswords.contains(stem)) || isTrivial(lowered) {
            throw FieldProblem("the password is too common (it is on the list of the most used passwords); choose a longer phrase of your own")
        }
        return password
    }

    /// One character repeated, one short piece repeated, or a run of consecutive characters.
    static func isTrivial(_ password: String) -> Bool {
        let scalars = Array(password.unicodeScalars.map(\.value))
        for period in 1...4 where scalars.count % period == 0 {
            if scalars.indices.allSatisfy({ scalars[$0] == scalars[$0 % period] }) { return true }
        }
        let steps = zip(scalars, scalars.dropFirst()).map { Int64($1) - Int64($0) }
        return steps.allSatisfy { $0 == 1 || $0 == -9 } || steps.allSatisfy { $0 == -1 || $0 == 9 }
    }

    /// A random password for a first sign-in: 16 characters from an alphabet without look-alikes.
    public static func oneTimePassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// Checks `current` against `hash` and, when it matches, hashes `new`: the CPU-heavy part of a
    /// password change (two bcrypt runs), for the caller to run off its database thread.
    public static func rehash(current: String, hash: String, new: String) -> String? {
        guard current.utf8.count <= 72, Bcrypt.verify(current, hash: hash) else { return nil }
        return Bcrypt.hash(new, cost: bcryptCost)
    }

    /// The hash an unknown name's password is checked against: same cost, matches nothing.
    static let decoyHash = Bcrypt.hash(randomToken(), cost: bcryptCost)

    // MARK: users

    /// Adds a user; with no password, makes a one-time one that must be changed at first sign-in.
    /// Returns the password to hand over. The caller owns the transaction.
    func addUser(name: String, role: Role, password: String?) throws -> String {
        _ = try checked(.user) { () throws(FieldProblem) in try Self.checkName(name) }
        if let password { _ = try checked(.password) { () throws(FieldProblem) in try Self.checkPassword(password, name: name) } }
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
        if let password { _ = try checked(.password) { () throws(FieldProblem) in try Self.checkPassword(password, name: name) } }
        let chosen = password ?? Self.oneTimePassword()
        try storePassword(userID: user.id, hash: Bcrypt.hash(chosen, cost: Self.bcryptCost), mustChange: password == nil)
        return chosen
    }

    /// Stores a bcrypt hash made by the caller and ends the user's sessions.
    func storePassword(userID: Int64, hash: String, mustChange: Bool) throws {
        try db.execute("UPDATE users SET password_hash = ?, must_change = ? WHERE id = ?", [hash, mustChange ? 1 : 0, userID])
        try db.execute("DELETE FROM sessions WHERE user_id = ?", [userID])
    }

    /// Disables a user: no sign-in, sessions ended, tokens revoked. Nothing they wrote changes.
    func disable(name: String) throws {
        let user = try self.user(named: name)
        try db.execute("UPDATE users SET disabled_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ? AND disabled_at IS NULL", [user.id])
        try db.execute("DELETE FROM sessions WHERE user_id = ?", [user.id])
        try db.execute("UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE user_id = ? AND revoked_at IS NULL", [user.id])
    }

    func list(today: ISODate) throws -> ResultTable {
        try ResultTable.query(
            db,
            """
            SELECT u.name, u.role, CASE WHEN u.disabled_at IS NULL THEN 'active' ELSE 'disabled' END AS state,
                   u.must_change AS must_change_password, u.created_at,
                   (SELECT count(*) FROM api_tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL
                      AND (t.expires_on IS NULL OR t.expires_on > ?)) AS tokens
            FROM users u ORDER BY u.name
            """, [today.description])
    }

    /// An active user by name, or an error naming the problem.
    func user(named name: String) throws -> User {
        guard let user = try db.fetchOne(
            "SELECT \(Self.userColumns) FROM users u WHERE u.name = ?", [name], Self.activeUser)
        else { throw TrackerError(notFound: .user, "no user '\(name)'") }
        guard let user else { throw TrackerError(.user, "user '\(name)' is disabled") }
        return user
    }

    /// The columns `activeUser` reads, from `users` as `u`.
    static let userColumns = "u.id, u.name, u.role, u.must_change, u.disabled_at IS NOT NULL AS disabled"

    /// The user of a row with `userColumns`, or nil when disabled. A role the database should
    /// not hold is an error, not a quiet refusal.
    static func activeUser(_ row: Statement) throws -> User? {
        guard try !(row["disabled"] as Bool) else { return nil }
        return User(id: try row["id"], name: try row["name"], role: try row["role"], mustChangePassword: try row["must_change"])
    }

    // MARK: sign-in

    /// The first step of a sign-in: refuses a throttled name and address (without bcrypt, so
    /// guessing costs the server nothing), and finds what to check the password against.
    ///
    /// Throttling is per name *and* address, with a growing wait, so a guesser elsewhere never
    /// locks the right password out; an address that fails across many names waits as well.
    func prepareSignIn(name: String, address: String, now: Int64) throws -> SignInAttempt {
        let since = now - Self.throttleWindow
        let name = String(name.prefix(64))
        let pair = try db.fetchOne(
            "SELECT count(*) AS failures, max(failed_at) AS last FROM login_failures WHERE name = ? AND address = ? AND failed_at > ?",
            [name, address, since]) { (try $0["failures"] as Int, try $0["last"] as Int64?) }
        let byAddress = try db.fetchOne(
            "SELECT count(*) AS failures, max(failed_at) AS last FROM login_failures WHERE address = ? AND failed_at > ?",
            [address, since]) { (try $0["failures"] as Int, try $0["last"] as Int64?) }
        for (failures, last, free) in [(pair?.0 ?? 0, pair?.1, Self.freeFailures), (byAddress?.0 ?? 0, byAddress?.1, Self.freeAddressFailures)] {
            guard failures >= free, let last else { continue }
            let delay = min(Self.maximumDelay, Int64(1) << Int64(min(failures - free, 20)))
            if now < last + delay { throw SignInFailure.throttled(seconds: last + delay - now) }
        }
        let found = try db.fetchOne(
            "SELECT \(Self.userColumns), u.password_hash FROM users u WHERE u.name = ?",
            [name]) { row in (user: try Self.activeUser(row), hash: try row["password_hash"] as String) }
        if let found, let user = found.user {
            return SignInAttempt(name: name, address: address, user: user, hash: found.hash)
        }
        return SignInAttempt(name: name, address: address, user: nil, hash: Self.decoyHash)
    }

    /// The last step: a session for the user, or the failure recorded for throttling.
    func finishSignIn(_ attempt: SignInAttempt, user: User?, now: Int64) throws -> Result<(cookie: String, csrfToken: String), SignInFailure> {
        guard let user else {
            try db.execute("INSERT INTO login_failures (address, name, failed_at) VALUES (?, ?, ?)", [attempt.address, attempt.name, now])
            try db.execute("DELETE FROM login_failures WHERE failed_at <= ?", [now - Self.throttleWindow])
            return .failure(.invalid)
        }
        // The right password clears this pair's failures: the next typo starts from nothing.
        try db.execute("DELETE FROM login_failures WHERE name = ? AND address = ?", [attempt.name, attempt.address])
        return .success(try createSession(for: user, now: now))
    }

    /// Starts a session; returns the cookie value (the only copy of the secret) and its CSRF
    /// token. Expired sessions go, and the user's oldest beyond `maximumSessionsPerUser`.
    func createSession(for user: User, now: Int64) throws -> (cookie: String, csrfToken: String) {
        let cookie = Self.randomToken(), csrf = Self.randomToken()
        try db.execute("DELETE FROM sessions WHERE expires_at <= ?", [now])
        try db.execute(
            "INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
            [SHA256.hexDigest(cookie), user.id, csrf, now + Self.sessionLifetime])
        try db.execute(
            """
            DELETE FROM sessions WHERE user_id = ?1 AND id_hash NOT IN
              (SELECT id_hash FROM sessions WHERE user_id = ?1 ORDER BY expires_at DESC, rowid DESC LIMIT ?2)
            """, [user.id, Self.maximumSessionsPerUser])
        return (cookie, csrf)
    }

    /// The live session behind a cookie value, or nil for an unknown, expired or disabled one.
    func session(cookie: String, now: Int64) throws -> SignedInSession? {
        guard Self.looksLikeToken(cookie) else { return nil }
        return try db.fetchOne(
            """
            SELECT \(Self.userColumns), s.csrf_token
            FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ? AND s.expires_at > ?
            """, [SHA256.hexDigest(cookie), now]) { row in
                try Self.activeUser(row).map { SignedInSession(user: $0, csrfToken: try row["csrf_token"]) }
            } ?? nil
    }

    func endSession(cookie: String) throws {
        try db.execute("DELETE FROM sessions WHERE id_hash = ?", [SHA256.hexDigest(cookie)])
    }

    /// A user's password hash, for checking the current password before a change.
    func passwordHash(userID: Int64) throws -> String? {
        try db.scalarString("SELECT password_hash FROM users WHERE id = ? AND disabled_at IS NULL", [userID])
    }

    // MARK: API tokens

    /// Creates a bearer token for `name`, valid until the day before `expiresOn` (nil: never); returns it. Only its hash is kept.
    func createToken(forUser name: String, label: String?, expiresOn: ISODate?) throws -> String {
        let user = try self.user(named: name)
        let token = "pt_" + Self.randomToken()
        try db.execute(
            "INSERT INTO api_tokens (token_hash, user_id, label, expires_on) VALUES (?, ?, ?, ?)",
            [SHA256.hexDigest(token), user.id, label, expiresOn?.description])
        return token
    }

    /// Every token: id, user, label, created, expires, state (active, expired, revoked).
    func tokens(user: String?, today: ISODate) throws -> ResultTable {
        try ResultTable.query(
            db,
            """
            SELECT t.id, u.name AS user, t.label, t.created_at, coalesce(t.expires_on, 'never') AS expires_on,
                   CASE WHEN t.revoked_at IS NOT NULL THEN 'revoked'
                        WHEN t.expires_on IS NOT NULL AND t.expires_on <= ?1 THEN 'expired' ELSE 'active' END AS state
            FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE ?2 IS NULL OR u.name = ?2 ORDER BY t.id
            """, [today.description, user])
    }

    func revokeToken(id: Int64) throws {
        guard try db.scalarInt("SELECT count(*) FROM api_tokens WHERE id = ?", [id]) == 1 else {
            throw TrackerError("no API token \(id) (see `plantrack token list`)")
        }
        try db.execute("UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ? AND revoked_at IS NULL", [id])
    }

    /// The active user a live bearer token belongs to, or nil.
    func user(forToken token: String, today: ISODate) throws -> User? {
        guard token.hasPrefix("pt_"), Self.looksLikeToken(String(token.dropFirst(3))) else { return nil }
        return try db.fetchOne(
            """
            SELECT \(Self.userColumns)
            FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_on IS NULL OR t.expires_on > ?)
            """, [SHA256.hexDigest(token), today.description]) { try Self.activeUser($0) } ?? nil
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

    public static func looksLikeToken(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    public static func now() -> Int64 { Int64(time(nil)) }
}

/// Seeds/common-passwords.txt as a set, read on first use.
enum CommonPasswords {
    static let all: Set<Substring> = {
        let text = EmbeddedResources.seeds.first { $0.name == "common-passwords.txt" }?.contents ?? ""
        return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") })
    }()

    static func contains(_ password: String) -> Bool { all.contains(Substring(password)) }
}

/// Runs a field check, turning its problem into the error that names the field.
private func checked<T>(_ field: TrackerError.Field, _ check: () throws(FieldProblem) -> T) throws -> T {
    do { return try check() } catch { throw error.at(field) }
}
