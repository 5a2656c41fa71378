import Storage
import Testing

@testable import Tracker

/// The account use cases on an in-memory database with the real schema.
struct AccountStoreTests {
    let tracker: TrackerDatabase
    var db: Database { tracker.db }

    init() throws {
        tracker = try TrackerDatabase(path: ":memory:", access: .create)
        try TrackerDatabase.migrator().migrate(tracker.db)
    }

    @Test func passwordsAreStoredAsBcryptHashes() throws {
        _ = try tracker.addUser(name: "eve", role: .editor, password: "correct horse")
        let hash = try #require(try db.scalarString("SELECT password_hash FROM users WHERE name = 'eve'"))
        #expect(hash.hasPrefix("$2b$10$"))
        #expect(hash.count == 60)
        let (cookie, _) = try tracker.signIn(name: "eve", password: "correct horse", address: "a", now: 1000)
        let user = try #require(try tracker.session(cookie: cookie, now: 1001)).user
        #expect(user.name == "eve" && user.role == .editor && !user.mustChangePassword)
    }

    @Test func oneTimePasswordMustBeChanged() throws {
        let password = try tracker.addUser(name: "ada", role: .admin, password: nil)
        #expect(password.count == 16)
        let (cookie, _) = try tracker.signIn(name: "ada", password: password, address: "a", now: 1000)
        #expect(try tracker.session(cookie: cookie, now: 1001)?.user.mustChangePassword == true)
        let (fresh, _) = try tracker.changePassword(user: "ada", to: "my own password", now: 1002)
        #expect(try tracker.session(cookie: cookie, now: 1003) == nil)
        #expect(try tracker.session(cookie: fresh, now: 1003)?.user.mustChangePassword == false)
    }

    @Test func badNamesRolesAndPasswordsAreRefused() throws {
        #expect(throws: TrackerError(.user, "'a b' is not a user name (1 to 64 letters, digits, '.', '_', '-' or '@')")) {
            _ = try tracker.addUser(name: "a b", role: .viewer, password: "long enough")
        }
        #expect(throws: TrackerError(.password, "the password has 5 characters; at least 8 are needed")) {
            _ = try tracker.addUser(name: "bob", role: .viewer, password: "short")
        }
        #expect(throws: FieldProblem("unknown role 'root' (valid: viewer, editor, admin)")) { _ = try AccountStore.role("root") }
        _ = try tracker.addUser(name: "bob", role: .viewer, password: "long enough")
        #expect(throws: TrackerError(.user, "user 'bob' already exists")) {
            _ = try tracker.addUser(name: "bob", role: .admin, password: "long enough")
        }
        #expect(try db.scalarInt("SELECT count(*) FROM users") == 1)
    }

    @Test func fiveFailuresThrottleWithoutCheckingThePassword() throws {
        _ = try tracker.addUser(name: "eve", role: .editor, password: "correct horse")
        for attempt in 0..<5 {
            #expect(throws: SignInFailure.invalid) { _ = try tracker.signIn(name: "eve", password: "guess \(attempt)", address: "10.0.0.1", now: 1000) }
        }
        #expect(throws: SignInFailure.throttled) { _ = try tracker.signIn(name: "eve", password: "correct horse", address: "10.0.0.1", now: 1001) }
        // The name is throttled from elsewhere too; the window passes after 15 minutes.
        #expect(throws: SignInFailure.throttled) { _ = try tracker.signIn(name: "eve", password: "correct horse", address: "10.0.0.2", now: 1001) }
        #expect(try db.scalarInt("SELECT count(*) FROM login_failures") == 5)
        #expect(try db.scalarInt("SELECT count(*) FROM sessions") == 0)
        _ = try tracker.signIn(name: "eve", password: "correct horse", address: "10.0.0.1", now: 1000 + AccountStore.throttleWindow)
    }

    @Test func sessionsExpireAndEndWithThePassword() throws {
        _ = try tracker.addUser(name: "eve", role: .editor, password: "correct horse")
        let (cookie, csrf) = try tracker.signIn(name: "eve", password: "correct horse", address: "a", now: 1000)
        let session = try #require(try tracker.session(cookie: cookie, now: 1001))
        #expect(session.user.name == "eve" && session.csrfToken == csrf)
        #expect(try tracker.session(cookie: cookie, now: 1000 + AccountStore.sessionLifetime) == nil)
        #expect(try tracker.session(cookie: String(repeating: "0", count: 64), now: 1001) == nil)
        #expect(try tracker.session(cookie: "' OR 1=1 --", now: 1001) == nil)
        // Only the digest is stored.
        #expect(try db.scalarInt("SELECT count(*) FROM sessions WHERE id_hash = ?", [cookie]) == 0)
        _ = try tracker.setPassword(name: "eve", password: "another horse")
        #expect(try tracker.session(cookie: cookie, now: 1001) == nil)
    }

    @Test func disablingEndsSessionsAndRevokesTokens() throws {
        _ = try tracker.addUser(name: "eve", role: .editor, password: "correct horse")
        let token = try tracker.createToken(forUser: "eve", label: "script")
        #expect(try tracker.user(forToken: token)?.name == "eve")
        #expect(try tracker.user(forToken: "pt_" + String(repeating: "a", count: 64)) == nil)
        let (cookie, _) = try tracker.signIn(name: "eve", password: "correct horse", address: "a", now: 1000)
        try tracker.disableUser(name: "eve")
        #expect(try tracker.user(forToken: token) == nil)
        #expect(try tracker.session(cookie: cookie, now: 1001) == nil)
        #expect(throws: SignInFailure.invalid) { _ = try tracker.signIn(name: "eve", password: "correct horse", address: "a", now: 1000) }
        #expect(throws: TrackerError(.user, "user 'eve' is disabled")) { _ = try tracker.createToken(forUser: "eve", label: nil) }
    }

    @Test func randomTokensAreDistinctHex() {
        let tokens = Set((0..<100).map { _ in AccountStore.randomToken() })
        #expect(tokens.count == 100)
        #expect(tokens.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
    }
}
