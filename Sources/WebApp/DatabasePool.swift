import NIOPosix
import Synchronization
import Tracker

/// The server's connections: one writer, and a few read-only readers. Each runs on threads of its
/// own, so SQLite's blocking calls never hold up the event loops or Swift's cooperative pool;
/// readers see WAL snapshots while the writer commits.
public final class DatabasePool: Sendable {
    /// A connection is used by one thread at a time: the pools hand each out exclusively.
    final class Connection: @unchecked Sendable {
        let tracker: TrackerDatabase
        /// Pages computed on this connection, valid while its `data_version` stays the same.
        var pages: [String: String] = [:]
        var pagesVersion = -1
        init(_ tracker: TrackerDatabase) { self.tracker = tracker }
    }

    public let path: String
    private let readers: Mutex<[Connection]>
    private let writer: Connection
    private let readThreads: NIOThreadPool
    private let writeThread: NIOThreadPool

    public init(path: String, readers readerCount: Int = 4) throws {
        self.path = path
        writer = Connection(try TrackerDatabase(path: path, access: .existing))
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
    /// database (by this server or any other process): the overview's queries read every update.
    public func readCached(_ key: String, _ body: @escaping @Sendable (TrackerDatabase) throws -> String) async throws -> String {
        try await readThreads.runIfActive { [self] in
            guard let connection = readers.withLock({ $0.popLast() }) else { throw TrackerError("no free read connection") }
            defer { readers.withLock { $0.append(connection) } }
            let version = try connection.tracker.dataVersion()
            if version != connection.pagesVersion {
                connection.pages.removeAll()
                connection.pagesVersion = version
            }
            if let page = connection.pages[key] { return page }
            let page = try body(connection.tracker)
            if connection.pages.count >= 64 { connection.pages.removeAll() }
            connection.pages[key] = page
            return page
        }
    }

    /// Runs `body` on the one write connection; writes are serialised here, before SQLite's lock.
    public func write<T: Sendable>(_ body: @escaping @Sendable (TrackerDatabase) throws -> T) async throws -> T {
        try await writeThread.runIfActive { [writer] in try body(writer.tracker) }
    }

    /// Finishes queued work and stops the threads; connections close when the pool goes away.
    public func shutdown() async throws {
        try await readThreads.shutdownGracefully()
        try await writeThread.shutdownGracefully()
    }
}
