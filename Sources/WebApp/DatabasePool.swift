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

    public init(path: String, readers readerCount: Int = 4) throws {
        self.path = path
        writer = Mutex(Connection(try TrackerDatabase(path: path, access: .existing)))
        watcher = Mutex(Connection(try TrackerDatabase(path: path, access: .readOnly)))
        readers = Mutex(try (0..<readerCount).map { _ in Connection(try TrackerDatabase(path: path, access: .readOnly)) })
        // As many read threads as connections, so a free connection is always there to take.
        readThreads = NIOThreadPool(numberOfThreads: readerCount)
        writeThread = NIOThreadPool(numberOfThreads: 1)
        readThreads.start()
        writeThread.start()
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
        let version = try dataVersion()
        if let hit = sessionCache.withLock({ $0.version == version && $0.now == now ? $0.sessions[cookie] : nil }) { return hit }
        let found = try await read { try $0.session(cookie: cookie, now: now) }
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
        readers.withLock { $0.removeAll() }
        watcher.withLock { $0 = nil }
        writer.withLock { $0 = nil }
    }
}
