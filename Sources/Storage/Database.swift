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
    let handle: OpaquePointer
    private var statementCache: [String: Statement] = [:]
    private var savepointDepth = 0

    /// Opens (creating if needed, in read-write mode) the database at `path`, or `:memory:`.
    /// Read-write connections use WAL, foreign keys, `synchronous=NORMAL` and a busy timeout.
    public init(path: String, mode: Mode = .readWriteCreate, busyTimeoutMilliseconds: Int32 = 5000) throws {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = DatabaseError(connection: handle, code: code, sql: nil)
            sqlite3_close_v2(handle)
            throw error
        }
        self.handle = handle
        self.path = path
        self.mode = mode
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        try execute("PRAGMA foreign_keys = ON")
        if mode != .readOnly {
            // Switching to WAL takes a lock; skip it when the file is already in WAL mode.
            if try scalarString("PRAGMA journal_mode") != "wal", path != ":memory:" {
                try execute("PRAGMA journal_mode = WAL")
            }
            try execute("PRAGMA synchronous = NORMAL")
        }
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// The SQLite library version, e.g. `3.40.1`.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    // MARK: Statements

    /// Compiles one statement owned by the caller.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Returns the connection's compiled statement for `sql`, compiling it on first use.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] {
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
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
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

    // MARK: Backup

    /// Copies the whole database to `destinationPath` with SQLite's online backup API.
    /// In WAL mode the copy is one consistent snapshot while other processes keep writing.
    public func backup(to destinationPath: String) throws {
        let destination = try Database(path: destinationPath, mode: .readWriteCreate)
        guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            throw DatabaseError(connection: destination.handle, code: sqlite3_errcode(destination.handle), sql: nil)
        }
        var code: Int32
        repeat {
            code = sqlite3_backup_step(backup, -1)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(20) }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else {
            throw DatabaseError(connection: destination.handle, code: code, sql: nil)
        }
    }

    // MARK: Read-only guard

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
