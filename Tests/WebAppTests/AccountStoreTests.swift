import Storage
import Testing

@testable import Tracker

/// The account use cases on an in-memory accounts database with the real schema.
struct AccountStoreTests {
    let accounts: AccountsDatabase
    var db: Database { accounts.db }

    init() throws {
        accounts = try #require(try AccountsDatabase.open(besides: ":memory:", create: true))
    }

    @Test func passwordsAreStoredAsBcryptHashes() throws {
        _ = try accounts.addUser(name: "eve", role: .editor, password: "correct horse battery")
        let hash = try #require(try db.scalarString("SELECT password_hash FROM users WHERE name = 'eve'"))
        #expect(hash.hasPrefix("$2b$10$"))
        #expect(hash.count == 60)
        let (cookie, _) = try accounts.signIn(name: "eve", password: "correct horse battery", address: "a", now: 1000)
        let user = try #require(try accounts.session(cookie: cookie, now: 1001)).user
        #expect(user.name == "eve" && user.role == .editor && !user.mustChangePassword)
    }

    @Test func oneTimePasswordMustBeChanged() throws {
        let password = try accounts.addUser(name: "ada", role: .admin, password: nil)
        #expect(password.count == 16)
        let (cookie, _) = try accounts.signIn(name: "ada", password: password, address: "a", now: 1000)
        let session = try #require(try accounts.session(cookie: cookie, now: 1001))
        #expect(session.user.mustChangePassword)
        let hash = try #require(try accounts.passwordHash(userID: session.user.id))
        #expect(AccountStore.rehash(current: "not the password", hash: hash, new: "my own long password") == nil)
        let newHash = try #require(AccountStore.rehash(current: password, hash: hash, new: "my own long password"))
        let (fresh, _) = try accounts.replacePassword(user: session.user, hash: newHash, now: 1002)
        #expect(try accounts.session(cookie: cookie, now: 1003) == nil)
        #expect(try accounts.session(cookie: fresh, now: 1003)?.user.mustChangePassword == false)
    }

    /// A role the schema does not allow is damage: reading it is an error naming it, where it
    /// used to read quietly as a disabled user.
    @Test func aDamagedRoleIsAnErrorNotADisabledUser() throws {
        _ = try accounts.addUser(name: "eve", role: .editor, password: "correct horse battery")
        try db.execute("PRAGMA ignore_check_constraints = ON")
        try db.execute("UPDATE users SET role = 'owner' WHERE name = 'eve'")
        #expect(throws: TrackerError("the accounts file holds 'owner' where a role belongs (viewer, editor, admin)")) {
            _ = try accounts.user(named: "eve")
        }
    }

    /// NIST SP 800-63B: twelve characters at least, no common password (also with digits added), no trivial run.
    @Test func badNamesRolesAndPasswordsAreRefused() throws {
        #expect(throws: TrackerError(.user, "'a b' is not a user name (1 to 64 letters, digits, '.', '_', '-' or '@')")) {
            _ = try accounts.addUser(name: "a b", role: .viewer, password: "long enough phrase")
        }
        #expect(throws: TrackerError(.password, "the password has 8 characters; at least 12 are needed")) {
            _ = try accounts.addUser(name: "bob", role: .viewer, password: "12345678")
        }
        let common = "the password is too common (it is on the list of the most used passwords); choose a longer phrase of your own"
        for password in ["qwerty123456", "password1234", "123456789012", "aaaaaaaaaaaa", "abcabcabcabc", "Password2024!"] {
            #expect(throws: TrackerError(.password, common), "\(password)") { _ = try accounts.addUser(name: "bob", role: .viewer, password: password) }
        }
        #expect(throws: TrackerError(.password, "the password contains the user name; choose one nobody could guess")) {
            _ = try accounts.addUser(name: "bobby", role: .viewer, password: "bobby's long phrase")
        }
        #expect(throws: FieldProblem("unknown role 'root' (valid: viewer, editor, admin)")) { _ = try AccountStore.role("root") }
        _ = try accounts.addUser(name: "bob", role: .viewer, password: "long enough phrase")
        #expect(throws: TrackerError(.user, "user 'bob' already exists")) {
            _ = try accounts.addUser(name: "bob", role: .admin, password: "long enough phrase")
        }
        #expect(try db.scalarInt("SELECT count(*) FROM users") == 1)
    }

    /// Throttled per name and address with a growing wait; the right password from elsewhere still works.
    @Test func failuresThrottleThisAddressOnlyWithAGrowingDelay() throws {
        _ = try accounts.addUser(name: "eve", role: .editor, password: "correct horse battery")
        for attempt in 0..<AccountStore.freeFailures {
            #expect(throws: SignInFailure.invalid) { _ = try accounts.signIn(name: "eve", password: "guess \(attempt)", address: "10.0.0.1", now: 1000) }
        }
        #expect(throws: SignInFailure.throttled(seconds: 1)) { _ = try accounts.signIn(name: "eve", password: "correct horse battery", address: "10.0.0.1", now: 1000) }
        #expect(throws: SignInFailure.invalid) { _ = try accounts.signIn(name: "eve", password: "guess 4", address: "10.0.0.1", now: 1001) }
        #expect(throws: SignInFailure.throttled(seconds: 2)) { _ = try accounts.signIn(name: "eve", password: "guess 5", address: "10.0.0.1", now: 1001) }
        // Another address is not affected.
        _ = try accounts.signIn(name: "eve", password: "correct horse battery", address: "10.0.0.2", now: 1001)
        #expect(try db.scalarInt("SELECT count(*) FROM login_failures") == 4)
        // After the wait, the right password works here too, and clears this pair's failures.
        _ = try accounts.signIn(name: "eve", password: "correct horse battery", address: "10.0.0.1", now: 1003)
        #expect(try db.scalarInt("SELECT count(*) FROM login_failures") == 0)
    }

    @Test func sessionsExpireAreCappedAndEndWithThePassword() throws {
        _ = try accounts.addUser(name: "eve", role: .editor, password: "correct horse battery")
        let (cookie, csrf) = try accounts.signIn(name: "eve", password: "correct horse battery", address: "a", now: 1000)
        let session = try #require(try accounts.session(cookie: cookie, now: 1001))
        #expect(session.user.name == "eve" && session.csrfToken == csrf)
        #expect(try accounts.session(cookie: cookie, now: 1000 + AccountStore.sessionLifetime) == nil)
        #expect(try accounts.session(cookie: String(repeating: "0", count: 64), now: 1001) == nil)
        #expect(try accounts.session(cookie: "' OR 1=1 --", now: 1001) == nil)
        // Only the digest is stored.
        #expect(try db.scalarInt("SELECT count(*) FROM sessions WHERE id_hash = ?", [cookie]) == 0)
        var cookies: [String] = []
        for second in 0..<(AccountStore.maximumSessionsPerUser + 4) {
            cookies.append(try accounts.signIn(name: "eve", password: "correct horse battery", address: "a", now: 1002 + Int64(second)).cookie)
        }
        #expect(try db.scalarInt("SELECT count(*) FROM sessions") == AccountStore.maximumSessionsPerUser)
        #expect(try accounts.session(cookie: cookie, now: 1100) == nil)
        #expect(try accounts.session(cookie: cookies.last!, now: 1100) != nil)
        _ = try accounts.setPassword(name: "eve", password: "another horse battery")
        #expect(try accounts.session(cookie: cookies.last!, now: 1100) == nil)
    }

    @Test func tokensExpireAndAreRevoked() throws {
        _ = try accounts.addUser(name: "eve", role: .editor, password: "correct horse battery")
        let today = try #require(ISODate("2025-06-30"))
        let token = try accounts.createToken(forUser: "eve", label: "script", expiresOn: ISODate("2025-07-01"))
        #expect(try accounts.user(forToken: token, today: today)?.name == "eve")
        #expect(try accounts.user(forToken: token, today: today.adding(days: 1)) == nil)
        let second = try accounts.createToken(forUser: "eve", label: nil, expiresOn: nil)
        #expect(try accounts.tokens(user: nil, today: today.adding(days: 1)).rows.map { $0[5].displayText } == ["expired", "active"])
        try accounts.revokeToken(id: 2)
        #expect(try accounts.user(forToken: second, today: today) == nil)
        #expect(throws: TrackerError("no API token 9 (see `plantrack token list`)")) { try accounts.revokeToken(id: 9) }
    }

    @Test func disablingEndsSessionsAndRevokesTokens() throws {
        _ = try accounts.addUser(name: "eve", role: .editor, password: "correct horse battery")
        let today = try #require(ISODate("2025-06-30"))
        let token = try accounts.createToken(forUser: "eve", label: "script", expiresOn: nil)
        #expect(try accounts.user(forToken: token, today: today)?.name == "eve")
        #expect(try accounts.user(forToken: "pt_" + String(repeating: "a", count: 64), today: today) == nil)
        let (cookie, _) = try accounts.signIn(name: "eve", password: "correct horse battery", address: "a", now: 1000)
        try accounts.disableUser(name: "eve")
        #expect(try accounts.user(forToken: token, today: today) == nil)
        #expect(try accounts.session(cookie: cookie, now: 1001) == nil)
        #expect(throws: SignInFailure.invalid) { _ = try accounts.signIn(name: "eve", password: "correct horse battery", address: "a", now: 1000) }
        #expect(throws: TrackerError(.user, "user 'eve' is disabled")) { _ = try accounts.createToken(forUser: "eve", label: nil, expiresOn: nil) }
    }

    @Test func randomTokensAreDistinctHex() {
        let tokens = Set((0..<100).map { _ in AccountStore.randomToken() })
        #expect(tokens.count == 100)
        #expect(tokens.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
    }
}
