import Accounts
import Storage
import Testing
import Tracker

/// Accounts on an in-memory database with the real schema.
struct AccountStoreTests {
    let tracker: TrackerDatabase
    var store: AccountStore { AccountStore(db: tracker.db) }

    init() throws {
        tracker = try TrackerDatabase(path: ":memory:", access: .create)
        try TrackerDatabase.migrator().migrate(tracker.db)
    }

    @Test func passwordsAreStoredAsBcryptHashes() throws {
        _ = try store.addUser(name: "eve", role: .editor, password: "correct horse")
        let hash = try #require(try tracker.db.scalarString("SELECT password_hash FROM users WHERE name = 'eve'"))
        #expect(hash.hasPrefix("$2b$10$"))
        #expect(hash.count == 60)
        let user = try store.signIn(name: "eve", password: "correct horse", address: "a", now: 1000)
        #expect(user.name == "eve" && user.role == .editor && !user.mustChangePassword)
    }

    @Test func oneTimePasswordMustBeChanged() throws {
        let password = try store.addUser(name: "ada", role: .admin, password: nil)
        #expect(password.count == 16)
        #expect(try store.signIn(name: "ada", password: password, address: "a", now: 1000).mustChangePassword)
    }

    @Test func badNamesRolesAndPasswordsAreRefused() throws {
        #expect(throws: TrackerError("name: 'a b' is not a user name (1 to 64 letters, digits, '.', '_', '-' or '@')")) {
            _ = try store.addUser(name: "a b", role: .viewer, password: "long enough")
        }
        #expect(throws: TrackerError("password: the password has 5 characters; at least 8 are needed")) {
            _ = try store.addUser(name: "bob", role: .viewer, password: "short")
        }
        #expect(throws: FieldProblem("unknown role 'root' (valid: viewer, editor, admin)")) { _ = try AccountStore.role("root") }
        _ = try store.addUser(name: "bob", role: .viewer, password: "long enough")
        #expect(throws: TrackerError("user 'bob' already exists")) { _ = try store.addUser(name: "bob", role: .admin, password: "long enough") }
        #expect(try tracker.db.scalarInt("SELECT count(*) FROM users") == 1)
    }

    @Test func fiveFailuresThrottleAnAddressWithoutCheckingThePassword() throws {
        _ = try store.addUser(name: "eve", role: .editor, password: "correct horse")
        for attempt in 0..<5 {
            #expect(throws: SignInFailure.invalid) { _ = try store.signIn(name: "eve", password: "guess \(attempt)", address: "10.0.0.1", now: 1000) }
        }
        #expect(throws: SignInFailure.throttled) { _ = try store.signIn(name: "eve", password: "correct horse", address: "10.0.0.1", now: 1001) }
        // The name is throttled from elsewhere too; the window passes after 15 minutes.
        #expect(throws: SignInFailure.throttled) { _ = try store.signIn(name: "eve", password: "correct horse", address: "10.0.0.2", now: 1001) }
        #expect(try tracker.db.scalarInt("SELECT count(*) FROM login_failures") == 5)
        _ = try store.signIn(name: "eve", password: "correct horse", address: "10.0.0.1", now: 1000 + AccountStore.throttleWindow)
    }

    @Test func sessionsExpireAndEndWithThePassword() throws {
        _ = try store.addUser(name: "eve", role: .editor, password: "correct horse")
        let user = try store.user(named: "eve")
        let (cookie, csrf) = try store.createSession(for: user, now: 1000)
        let session = try #require(try store.session(cookie: cookie, now: 1001))
        #expect(session.user == user && session.csrfToken == csrf)
        #expect(try store.session(cookie: cookie, now: 1000 + AccountStore.sessionLifetime) == nil)
        #expect(try store.session(cookie: String(repeating: "0", count: 64), now: 1001) == nil)
        #expect(try store.session(cookie: "' OR 1=1 --", now: 1001) == nil)
        // Only the digest is stored.
        #expect(try tracker.db.scalarInt("SELECT count(*) FROM sessions WHERE id_hash = ?", [cookie]) == 0)
        _ = try store.setPassword(name: "eve", password: "another horse")
        #expect(try store.session(cookie: cookie, now: 1001) == nil)
    }

    @Test func disablingEndsSessionsAndRevokesTokens() throws {
        _ = try store.addUser(name: "eve", role: .editor, password: "correct horse")
        let token = try store.createToken(forUser: "eve", label: "script")
        #expect(try store.user(forToken: token)?.name == "eve")
        #expect(try store.user(forToken: "pt_" + String(repeating: "a", count: 64)) == nil)
        let (cookie, _) = try store.createSession(for: try store.user(named: "eve"), now: 1000)
        try store.disable(name: "eve")
        #expect(try store.user(forToken: token) == nil)
        #expect(try store.session(cookie: cookie, now: 1001) == nil)
        #expect(throws: SignInFailure.invalid) { _ = try store.signIn(name: "eve", password: "correct horse", address: "a", now: 1000) }
    }

    @Test func randomTokensAreDistinctHex() {
        let tokens = Set((0..<100).map { _ in AccountStore.randomToken() })
        #expect(tokens.count == 100)
        #expect(tokens.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
    }
}
