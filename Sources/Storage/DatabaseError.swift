import CSQLite

/// An error reported by SQLite: the result codes, SQLite's own message, and the SQL that failed.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    /// The primary result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`, …).
    public let resultCode: Int32
    /// The extended result code (`SQLITE_CONSTRAINT_FOREIGNKEY`, …).
    public let extendedResultCode: Int32
    /// SQLite's message, e.g. `FOREIGN KEY constraint failed`.
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?
    /// The values bound to it, as text, for diagnostics.
    public let arguments: [DatabaseValue]
    /// Byte offset of the error inside `sql`, when SQLite knows it.
    public let offset: Int?

    public init(
        resultCode: Int32, extendedResultCode: Int32? = nil, message: String,
        sql: String? = nil, arguments: [DatabaseValue] = [], offset: Int? = nil
    ) {
        self.resultCode = resultCode & 0xFF
        self.extendedResultCode = extendedResultCode ?? resultCode
        self.message = message
        self.sql = sql
        self.arguments = arguments
        self.offset = offset
    }

    /// Reads the error state of `connection` right after a failed call.
    init(connection: OpaquePointer?, code: Int32, sql: String?, arguments: [DatabaseValue] = []) {
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        let offset = connection.map { Int(sqlite3_error_offset($0)) }.flatMap { $0 >= 0 ? $0 : nil }
        self.init(
            resultCode: code, extendedResultCode: extended, message: message,
            sql: sql, arguments: arguments, offset: offset)
    }

    /// Primary result codes callers commonly branch on, so they need not import CSQLite.
    public static let busy = SQLITE_BUSY
    public static let constraint = SQLITE_CONSTRAINT
    public static let notADatabase = SQLITE_NOTADB
    public static let cannotOpen = SQLITE_CANTOPEN
    public static let authorization = SQLITE_AUTH
    public static let readOnly = SQLITE_READONLY
    /// SQLITE_READONLY_DIRECTORY: the folder is not writable, so the -shm file cannot be made.
    public static let readOnlyDirectory: Int32 = 1544
    public static let interrupted = SQLITE_INTERRUPT
    public static let outOfMemory = SQLITE_NOMEM

    /// The symbolic name of the extended code, e.g. `SQLITE_CONSTRAINT_FOREIGNKEY`.
    public var codeName: String { Self.name(of: extendedResultCode) }

    public var description: String {
        var text = "\(message) (\(codeName))"
        if let sql { text += " in: \(sql)" }
        return text
    }

    static func name(of code: Int32) -> String {
        switch code {
        case SQLITE_ERROR: "SQLITE_ERROR"
        case SQLITE_BUSY: "SQLITE_BUSY"
        case SQLITE_LOCKED: "SQLITE_LOCKED"
        case SQLITE_READONLY: "SQLITE_READONLY"
        case SQLITE_INTERRUPT: "SQLITE_INTERRUPT"
        case SQLITE_IOERR: "SQLITE_IOERR"
        case SQLITE_CORRUPT: "SQLITE_CORRUPT"
        case SQLITE_FULL: "SQLITE_FULL"
        case SQLITE_CANTOPEN: "SQLITE_CANTOPEN"
        case SQLITE_CONSTRAINT: "SQLITE_CONSTRAINT"
        case SQLITE_MISMATCH: "SQLITE_MISMATCH"
        case SQLITE_MISUSE: "SQLITE_MISUSE"
        case SQLITE_AUTH: "SQLITE_AUTH"
        case SQLITE_RANGE: "SQLITE_RANGE"
        case SQLITE_NOTADB: "SQLITE_NOTADB"
        // Extended codes are `primary | (n << 8)`; Swift cannot import those macros.
        case 275: "SQLITE_CONSTRAINT_CHECK"
        case 787: "SQLITE_CONSTRAINT_FOREIGNKEY"
        case 1299: "SQLITE_CONSTRAINT_NOTNULL"
        case 1555: "SQLITE_CONSTRAINT_PRIMARYKEY"
        case 1811: "SQLITE_CONSTRAINT_TRIGGER"
        case 2067: "SQLITE_CONSTRAINT_UNIQUE"
        case 517: "SQLITE_BUSY_SNAPSHOT"
        case 1032: "SQLITE_READONLY_DBMOVED"
        case 526: "SQLITE_CANTOPEN_ISDIR"
        default: "SQLite code \(code)"
        }
    }
}
