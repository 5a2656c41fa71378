import NIOPosix
import Synchronization
import Presentation
import Tracker

/// The server's connections: one writer, and a few read-only readers. Each runs on threads of its
/// own, so SQLite's blocking calls never hold up the event loops or Swift's cooperative pool;
/// readers see WAL snapshots while the writer commits.
public final class DatabasePool: Sendable {
    /// A connection is used by one thread at a time: the pools hand each out exclusively.
    final class Connection: @unchecked Sendable {
        let tracker: TrackerDatabase
        init(_ tracker: TrackerDatabase) { self.tracker = tracker }
    }

    /// A connection to the accounts file (beside the data), used by one thread at a time.
    final class AccountsConnection: @unchecked Sendable {
        let accounts: AccountsDatabase
        init(_ accounts: AccountsDatabase) { self.accounts = accounts }
    }

    /// Pages made by `readCached` from the database as it was at `version`, each made once: a
    /// request that finds its page still being made waits for it rather than making it again.
    struct PageCache {
        var version = -1
        var pages: [String: Task<String, any Error>] = [:]
    }

    /// Sessions looked up by cookie at the second `now`, all at `version`.
    struct SessionCache {
        var version = -1
        var now: Int64 = 0
        var sessions: [String: SignedInSession?] = [:]
    }

    public let path: String
    private let readers: Mutex<[Connection]>
    /// Set to nil at shutdown, which closes the connection.
    private let writer: Mutex<Connection?>
    /// A connection that only reads `PRAGMA data_version`: its value changes whenever any other
    /// connection (this server's writer, the command line, a restore) commits.
    private let watcher: Mutex<Connection?>
    private let cache = Mutex(PageCache())
    private let sessionCache = Mutex(SessionCache())
    private let readThreads: NIOThreadPool
    private let writeThread: NIOThreadPool
    /// The accounts file's one connection and its thread: sign-ins and sessions never wait for
    /// the data's writer, nor it for them.
    private let accountsConnection: Mutex<AccountsConnection?>
    /// Reads only `PRAGMA data_version` of the accounts file, like `watcher` for the data.
    private let accountsWatcher: Mutex<AccountsConnection?>
    private let accountsThread: NIOThreadPool
    /// bcrypt (about 60 ms of CPU a check) runs here, on neither connection's thread.
    private let hashThreads: NIOThreadPool

    public init(path: String, readers readerCount: Int = 4) throws {
        self.path = path
        writer = Mutex(Connection(try TrackerDatabase(path: path, access: .existing)))
        watcher = Mutex(Connection(try TrackerDatabase(path: path, access: .readOnly)))
        readers = Mutex(try (0..<readerCount).map { _ in Connection(try TrackerDatabase(path: path, access: .readOnly)) })
        // As many read threads as connections, so a free connection is always there to take.
        readThreads = NIOThreadPool(numberOfThreads: readerCount)
        writeThread = NIOThreadPool(numberOfThreads: 1)
        let accounts = try AccountsDatabase.open(besides: path, create: true)!
        accountsConnection = Mutex(AccountsConnection(accounts))
        accountsWatcher = Mutex(AccountsConnection(try AccountsDatabase.open(besides: path, create: false)!))
        accountsThread = NIOThreadPool(numberOfThreads: 1)
        hashThreads = NIOThreadPool(numberOfThreads: 2)
        readThreads.start()
        writeThread.start()
        accountsThread.start()
        hashThreads.start()
    }

    /// Runs `body` on the accounts connection, on its own thread.
    public func accounts<T: Sendable>(_ body: @escaping @Sendable (AccountsDatabase) throws -> T) async throws -> T {
        try await accountsThread.runIfActive { [self] in
            try accountsConnection.withLock { connection in
                guard let connection else { throw TrackerError("the accounts file is closed") }
                return try body(connection.accounts)
            }
        }
    }

    /// Runs CPU-heavy `body` (bcrypt) on the hashing threads.
    public func hashing<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await hashThreads.runIfActive(body)
    }

    /// Runs `body` on a read-only connection.
    public func read<T: Sendable>(_ body: @escaping @Sendable (TrackerDatabase) throws -> T) async throws -> T {
        try await readThreads.runIfActive { [self] in
            guard let connection = readers.withLock({ $0.popLast() }) else { throw TrackerError("no free read connection") }
            defer { readers.withLock { $0.append(connection) } }
            return try body(connection.tracker)
        }
    }

    /// Like `read`, but keeps the text `body` makes under `key` until anything is committed to the
    /// database, by this server or any other process (the overview's queries read every update).
    /// A page served from here was made from a snapshot no older than the last commit.
    public func readCached(_ key: String, _ body: @escaping @Sendable (TrackerDatabase) throws -> String) async throws -> String {
        // Read before the page's own snapshot, so a commit in between only makes the page newer
        // than `version`, and the next request (seeing a higher version) makes it again.
        let version = try dataVersion()
        let page = cache.withLock { cache -> Task<String, any Error> in
            // data_version only grows on one connection: an older page never replaces newer ones.
            if version > cache.version { cache = PageCache(version: version) }
            if version == cache.version, let page = cache.pages[key] { return page }
            let page = Task { try await self.read(body) }
            if version == cache.version {
                if cache.pages.count >= 64 { cache.pages.removeAll() }
                cache.pages[key] = page
            }
            return page
        }
        do {
            return try await page.value
        } catch {
            // A failure is not kept: the next request tries again.
            cache.withLock { cache in
                if cache.version == version, let kept = cache.pages[key], kept == page { cache.pages[key] = nil }
            }
            throw error
        }
    }

    /// The browser session behind `cookie` at `now` (whole seconds). The answer depends only on the
    /// database and `now`, so it is looked up once per cookie per second while nothing is committed.
    public func session(cookie: String, now: Int64) async throws -> SignedInSession? {
        let version = try accountsVersion()
        if let hit = sessionCache.withLock({ $0.version == version && $0.now == now ? $0.sessions[cookie] : nil }) { return hit }
        let found = try await accounts { try $0.session(cookie: cookie, now: now) }
        sessionCache.withLock { cache in
            if (version, now) > (cache.version, cache.now) { cache = SessionCache(version: version, now: now) }
            guard (version, now) == (cache.version, cache.now) else { return }
            if cache.sessions.count >= 1024 { cache.sessions.removeAll() }  // forged cookies cannot pile up
            cache.sessions[cookie] = found
        }
        return found
    }

    /// `PRAGMA data_version` of the watching connection, read on the calling thread: the pragma
    /// reads the WAL index and never waits for a writer.
    private func dataVersion() throws -> Int {
        try watcher.withLock { watcher in
            guard let watcher else { throw TrackerError("the database is closed") }
            return try watcher.tracker.dataVersion()
        }
    }

    /// `PRAGMA data_version` of the accounts file, seen from a connection that never writes, so
    /// the server's own sign-ins and sign-outs change it too.
    private func accountsVersion() throws -> Int {
        try accountsWatcher.withLock { watcher in
            guard let watcher else { throw TrackerError("the accounts file is closed") }
            return try watcher.accounts.dataVersion()
        }
    }

    /// Runs `body` on the one write connection; writes are serialised here, before SQLite's lock.
    public func write<T: Sendable>(_ body: @escaping @Sendable (TrackerDatabase) throws -> T) async throws -> T {
        try await writeThread.runIfActive { [self] in
            try self.writer.withLock { writer in
                guard let writer else { throw TrackerError("the database is closed") }
                return try body(writer.tracker)
            }
        }
    }

    /// Finishes queued work, stops the threads and closes the connections: the readers first and
    /// the writer last, because the last connection to close checkpoints the WAL into the database
    /// file and removes it, which only a connection that may write can do.
    public func shutdown() async throws {
        try await readThreads.shutdownGracefully()
        try await writeThread.shutdownGracefully()
        try await hashThreads.shutdownGracefully()
        try await accountsThread.shutdownGracefully()
        accountsWatcher.withLock { $0 = nil }
        accountsConnection.withLock { $0 = nil }
        readers.withLock { $0.removeAll() }
        watcher.withLock { $0 = nil }
        writer.withLock { $0 = nil }
    }
}
