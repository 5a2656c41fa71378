import CSQLite

/// One connection to an SQLite database. plantrack opens exactly one per process.
///
/// Not thread-safe by design: a command runs on one thread, and SQLite is opened in
/// multi-thread mode (`SQLITE_OPEN_NOMUTEX`), which skips the per-call mutex.
public final class Database {
    public enum Mode: Sendable {
        /// Read and write, creating the file when it does not exist.
        case readWriteCreate
        /// Read and write an existing file.
        case readWrite
        case readOnly
    }

    public enum TransactionKind: String, Sendable {
        case deferred = "DEFERRED"
        case immediate = "IMMEDIATE"
        case exclusive = "EXCLUSIVE"
    }

    public let path: String
    public let mode: Mode
    /// Opened as `file:…?immutable=1` (a read in a folder this user cannot write); a second
    /// connection to the same file (`verify`'s) must be opened the same way.
    public let immutable: Bool
    let handle: OpaquePointer
    private var statementCache: [String: Statement] = [:]
    private var savepointDepth = 0

    /// The busy timeout of connections that only read: a write transaction that outlasts it is
    /// an anomaly worth reporting.
    public static let readBusyTimeoutMilliseconds: Int32 = 5_000
    /// Writers wait longer: a bulk import holds the write lock for one short set-based insert,
    /// so thirty seconds rides out any other plantrack writer.
    public static let writeBusyTimeoutMilliseconds: Int32 = 30_000

    /// Opens (creating if needed, in read-write mode) the database at `path`, or `:memory:`.
    /// Read-write connections use WAL (unless `writeAheadLog` is false: the caller checks the file
    /// first, then calls `enableWriteAheadLog()`), foreign keys, `synchronous=NORMAL` and a busy
    /// timeout. Every connection has the SQL function `chain_sha256` (see `shim.h`).
    public init(
        path: String, mode: Mode = .readWriteCreate, busyTimeoutMilliseconds: Int32? = nil, writeAheadLog: Bool = true,
        immutable: Bool = false
    ) throws {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        // An immutable read (a WAL database in a folder this user cannot write, where SQLite cannot
        // make the shared-memory file) is asked for by URI.
        let target = immutable && mode == .readOnly ? Self.immutableURI(path) : path
        if target != path { flags |= SQLITE_OPEN_URI }
        switch mode {
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(target, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = DatabaseError(connection: handle, code: code, sql: nil)
            sqlite3_close_v2(handle)
            throw error
        }
        self.handle = handle
        self.path = path
        self.mode = mode
        self.immutable = target != path
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            ?? (mode == .readOnly ? Self.readBusyTimeoutMilliseconds : Self.writeBusyTimeoutMilliseconds)
        sqlite3_extended_result_codes(handle, 1)
        // The busy wait is in force before the first statement: every later step may meet a lock.
        sqlite3_busy_timeout(handle, self.busyTimeoutMilliseconds)
        csqlite_register_chain_function(handle)
        csqlite_disable_fts3_tokenizer(handle)
        try execute("PRAGMA foreign_keys = ON")
        if mode != .readOnly, writeAheadLog { try enableWriteAheadLog() }
    }

    public let busyTimeoutMilliseconds: Int32

    /// Switches a read-write connection to WAL (a no-op when the file already is) and
    /// `synchronous=NORMAL`. The switch needs an exclusive lock, for which SQLite does not always
    /// call the busy handler (a new file being created by another process, a recovery in
    /// progress), so it is retried here until the busy timeout runs out.
    public func enableWriteAheadLog() throws {
        guard mode != .readOnly, path != ":memory:" else { return }
        try retryingWhileBusy {
            if try scalarString("PRAGMA journal_mode") != "wal" {
                guard try scalarString("PRAGMA journal_mode = WAL") == "wal" else {
                    throw DatabaseError(resultCode: SQLITE_BUSY, message: "database is locked", sql: "PRAGMA journal_mode = WAL")
                }
            }
        }
        try execute("PRAGMA synchronous = NORMAL")
    }

    /// Runs `body` again while it fails with SQLITE_BUSY or SQLITE_LOCKED, up to the busy timeout.
    public func retryingWhileBusy<T>(_ body: () throws -> T) throws -> T {
        let deadline = MonotonicClock.now + Double(busyTimeoutMilliseconds) / 1000
        var pause: Int32 = 1
        while true {
            do {
                return try body()
            } catch let error as DatabaseError
                where (error.resultCode == SQLITE_BUSY || error.resultCode == SQLITE_LOCKED) && MonotonicClock.now < deadline
            {
                sqlite3_sleep(pause)
                pause = min(pause * 2, 50)
            }
        }
    }

    /// `file:PATH?immutable=1`, with the characters a URI path cannot hold escaped.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"):
                escaped += "%" + String(byte, radix: 16, uppercase: true)
            default: escaped.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return "file:" + escaped + "?immutable=1"
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
        deadline?.deallocate()
    }

    private var deadline: UnsafeMutablePointer<Double>?

    /// Stops any statement still running `seconds` from now with SQLITE_INTERRUPT (SQLite's
    /// progress handler checks the clock every few thousand instructions); nil removes the limit.
    public func setTimeLimit(seconds: Double?) {
        guard let seconds else {
            sqlite3_progress_handler(handle, 0, nil, nil)
            return
        }
        if deadline == nil { deadline = .allocate(capacity: 1) }
        deadline!.pointee = MonotonicClock.now + seconds
        sqlite3_progress_handler(handle, 10_000, { context in
            guard let context else { return 0 }
            return MonotonicClock.now > context.assumingMemoryBound(to: Double.self).pointee ? 1 : 0
        }, deadline)
    }

    /// The SQLite library version, e.g. `3.40.1`.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    // MARK: Statements

    /// Compiles one statement owned by the caller.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Returns the connection's compiled statement for `sql`, compiling it on first use.
    /// A statement still stepping (a loop over its rows is running) is never reset under its
    /// caller: the same SQL inside that loop gets a statement of its own.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] {
            if statement.isStepping { return try Statement(database: self, sql: sql) }
            statement.reset()
            return statement
        }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Number of statements in the cache (for tests and diagnostics).
    public var cachedStatementCount: Int { statementCache.count }

    /// Runs `sql`. Without arguments it may hold several statements separated by `;`.
    public func execute(_ sql: String, _ arguments: StatementArguments = .none) throws {
        if case .positional(let values) = arguments, values.isEmpty {
            var error: UnsafeMutablePointer<CChar>?
            let code = sqlite3_exec(handle, sql, nil, nil, &error)
            sqlite3_free(error)
            guard code == SQLITE_OK else { throw DatabaseError(connection: handle, code: code, sql: sql) }
            return
        }
        try cachedStatement(sql).run(arguments)
    }

    /// Calls `body` for each row of a cached statement.
    public func forEachRow(
        _ sql: String, _ arguments: StatementArguments = .none, _ body: (Statement) throws -> Void
    ) throws {
        try cachedStatement(sql).forEachRow(arguments, body)
    }

    /// Maps each row of a cached statement.
    public func fetchAll<T>(
        _ sql: String, _ arguments: StatementArguments = .none, _ transform: (Statement) throws -> T
    ) throws -> [T] {
        var results: [T] = []
        try forEachRow(sql, arguments) { results.append(try transform($0)) }
        return results
    }

    /// The first row mapped, or nil when there is none.
    public func fetchOne<T>(
        _ sql: String, _ arguments: StatementArguments = .none, _ transform: (Statement) throws -> T
    ) throws -> T? {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        return try statement.step() ? transform(statement) : nil
    }

    public func scalarInt(_ sql: String, _ arguments: StatementArguments = .none) throws -> Int? {
        try fetchOne(sql, arguments) { $0.optionalInt(at: 0) } ?? nil
    }

    public func scalarString(_ sql: String, _ arguments: StatementArguments = .none) throws -> String? {
        try fetchOne(sql, arguments) { $0.optionalString(at: 0) } ?? nil
    }

    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }
    public var totalChanges: Int { Int(sqlite3_total_changes64(handle)) }
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    // MARK: Transactions

    /// Runs `body` in a transaction, committing when it returns and rolling back when it throws.
    /// Inside another transaction it becomes a savepoint, so nested blocks roll back on their own.
    public func inTransaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        if isInTransaction { return try inSavepoint(body) }
        do {
            try execute("BEGIN \(kind.rawValue) TRANSACTION")
        } catch let error as DatabaseError where error.resultCode == SQLITE_BUSY && kind != .deferred {
            throw StorageError.writeLockBusy(
                path: path, seconds: Int(busyTimeoutMilliseconds / 1000), holders: LockHolders.describe(path))
        }
        do {
            let result = try body()
            try execute("COMMIT TRANSACTION")
            return result
        } catch {
            if isInTransaction { try? execute("ROLLBACK TRANSACTION") }
            throw error
        }
    }

    /// Runs `body` inside a savepoint: its changes are undone when it throws.
    public func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "plantrack_\(savepointDepth)"
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            try execute("RELEASE SAVEPOINT \(name)")
            return result
        } catch {
            try? execute("ROLLBACK TO SAVEPOINT \(name)")
            try? execute("RELEASE SAVEPOINT \(name)")
            throw error
        }
    }

    // MARK: Read-only guard

    /// Caps the memory SQLite may hold in this process, all connections together
    /// (`sqlite3_hard_heap_limit64`): past it a statement fails with SQLITE_NOMEM instead of
    /// growing without bound.
    public static func limitHeap(bytes: Int64) {
        sqlite3_hard_heap_limit64(bytes)
    }

    /// Installs an authorizer that denies every action but reading: no writes, no ATTACH,
    /// no pragmas other than pure queries, no functions like `load_extension`.
    public func denyAllButReading() {
        sqlite3_set_authorizer(handle, readOnlyAuthorizer, nil)
    }
}

private let readOnlyAuthorizer: @convention(c) (
    UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
    UnsafePointer<CChar>?, UnsafePointer<CChar>?
) -> Int32 = { _, action, first, second, _, _ in
    switch action {
    case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
        return SQLITE_OK
    case SQLITE_FUNCTION:
        guard let second else { return SQLITE_DENY }
        let name = String(cString: second).lowercased()
        return name == "load_extension" || name == "readfile" || name == "writefile" ? SQLITE_DENY : SQLITE_OK
    case SQLITE_PRAGMA:
        // Only pragmas that merely report; the ones that also set take no argument here.
        guard let first else { return SQLITE_DENY }
        let name = String(cString: first).lowercased()
        if introspectionPragmas.contains(name) { return SQLITE_OK }
        return second == nil && reportingPragmas.contains(name) ? SQLITE_OK : SQLITE_DENY
    default:
        return SQLITE_DENY
    }
}

/// Pragmas whose argument names a table or index to describe; they never change anything.
private let introspectionPragmas: Set<String> = [
    "table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list",
    "foreign_key_check", "integrity_check", "quick_check",
]

/// Pragmas that report a setting when called bare and change it when given a value.
private let reportingPragmas: Set<String> = [
    "user_version", "schema_version", "page_count", "page_size", "freelist_count", "encoding",
    "journal_mode", "compile_options", "database_list", "function_list", "collation_list",
    "module_list", "pragma_list", "table_list", "foreign_keys", "application_id", "data_version",
]
