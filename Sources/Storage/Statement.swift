import CSQLite

/// A statement Storage refuses itself, before or instead of SQLite: callers match the case, never
/// the text.
public enum StatementError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The SQL holds only white space and comments.
    case noStatement(sql: String)
    /// More than one statement where one is allowed (a trailing comment is fine).
    case severalStatements(sql: String)
    /// Named binding, but parameter `index` is positional (`?`).
    case unnamedParameter(index: Int, sql: String)
    /// Named binding without a value for `:parameter`.
    case missingValue(parameter: String, sql: String)

    public var description: String {
        switch self {
        case .noStatement: "no statement in SQL"
        case .severalStatements: "only one statement is allowed; found more after the first"
        case .unnamedParameter(let index, _): "parameter \(index) has no name; bind it by position"
        case .missingValue(let name, _): "no value for parameter :\(name)"
        }
    }
}

/// A prepared statement. Obtain one from `Database.prepare(_:)` (owned by the caller) or
/// `Database.cachedStatement(_:)` (owned by the connection's cache and reset on each use).
public final class Statement {
    public let sql: String
    @usableFromInline let handle: OpaquePointer
    unowned let database: Database
    private var boundValues: [DatabaseValue] = []
    private lazy var columnIndexes: [String: Int32] = {
        var indexes: [String: Int32] = [:]
        for index in 0..<columnCount where indexes[columnName(at: index)] == nil {
            indexes[columnName(at: index)] = index
        }
        return indexes
    }()

    init(database: Database, sql: String) throws {
        var handle: OpaquePointer?
        var remainder = ""
        let code = sql.withCString { text -> Int32 in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(database.handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, &tail)
            // `tail` points into this temporary C string: read it before the closure returns.
            if let tail { remainder = String(cString: tail) }
            return code
        }
        guard code == SQLITE_OK else {
            throw DatabaseError(connection: database.handle, code: code, sql: sql)
        }
        guard let handle else {
            throw StatementError.noStatement(sql: sql)
        }
        if !Self.holdsNoStatement(remainder, in: database.handle) {
            sqlite3_finalize(handle)
            throw StatementError.severalStatements(sql: sql)
        }
        self.handle = handle
        self.sql = sql
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// True when `sql` compiles to no statement: only white space, semicolons and comments.
    /// SQLite itself decides what a comment is, so `SELECT 1; -- note` is one statement.
    static func holdsNoStatement(_ sql: String, in connection: OpaquePointer) -> Bool {
        sql.withCString { text in
            var cursor: UnsafePointer<CChar>? = text
            while let current = cursor, current.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(connection, current, -1, &statement, &tail)
                if let statement {
                    sqlite3_finalize(statement)
                    return false
                }
                // A syntax error in the tail is "more after the first" too.
                guard code == SQLITE_OK, let tail, tail != current else { return code == SQLITE_OK }
                cursor = tail
            }
            return true
        }
    }

    // MARK: Shape

    public var columnCount: Int32 { sqlite3_column_count(handle) }
    public var columnNames: [String] { (0..<columnCount).map(columnName(at:)) }
    public func columnName(at index: Int32) -> String { String(cString: sqlite3_column_name(handle, index)) }
    /// True when the statement cannot write to the database file (`sqlite3_stmt_readonly`).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }
    public var parameterCount: Int32 { sqlite3_bind_parameter_count(handle) }
    /// True between the first row and the end or reset (`sqlite3_stmt_busy`).
    public var isStepping: Bool { sqlite3_stmt_busy(handle) != 0 }

    // MARK: Binding

    /// Clears earlier bindings and binds `arguments`.
    public func bind(_ arguments: StatementArguments) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        switch arguments {
        case .positional(let values):
            guard values.count == Int(parameterCount) else {
                throw DatabaseError(
                    resultCode: SQLITE_RANGE,
                    message: "statement has \(parameterCount) parameters, \(values.count) values given", sql: sql)
            }
            for (offset, value) in values.enumerated() { try bind(value, at: Int32(offset + 1)) }
            boundValues = values
        case .named(let values):
            for index in stride(from: Int32(1), through: parameterCount, by: 1) {
                guard let rawName = sqlite3_bind_parameter_name(handle, index) else {
                    throw StatementError.unnamedParameter(index: Int(index), sql: sql)
                }
                let name = String(String(cString: rawName).dropFirst())
                guard let value = values[name] else {
                    throw StatementError.missingValue(parameter: name, sql: sql)
                }
                try bind(value, at: index)
            }
            boundValues = arguments.values
        }
    }

    private func bind(_ value: DatabaseValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let int): code = sqlite3_bind_int64(handle, index, int)
        case .real(let double): code = sqlite3_bind_double(handle, index, double)
        case .text(let string):
            var string = string
            code = string.withUTF8 { bytes in
                // A null pointer would bind NULL: an empty string binds the literal "" instead.
                guard let start = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text64(handle, index, "", 0, csqlite_transient(), UInt8(SQLITE_UTF8))
                }
                return sqlite3_bind_text64(
                    handle, index, UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self), UInt64(bytes.count),
                    csqlite_transient(), UInt8(SQLITE_UTF8))
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { raw in
                // A null pointer would bind NULL: an empty blob binds as a zero-length blob instead.
                guard let start = raw.baseAddress, !raw.isEmpty else { return sqlite3_bind_zeroblob(handle, index, 0) }
                return sqlite3_bind_blob64(handle, index, start, UInt64(raw.count), csqlite_transient())
            }
        }
        guard code == SQLITE_OK else { throw error(code) }
    }

    // MARK: Stepping

    /// Advances to the next row; false when the statement is done.
    @discardableResult
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let failure = error(code)
            sqlite3_reset(handle)
            throw failure
        }
    }

    /// Runs the statement to completion, ignoring any rows.
    public func run(_ arguments: StatementArguments = .none) throws {
        try bind(arguments)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Calls `body` once per row.
    public func forEachRow(_ arguments: StatementArguments = .none, _ body: (Statement) throws -> Void) throws {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        while try step() { try body(self) }
    }

    /// Resets the statement so it can run again; bindings are kept until the next `bind`.
    public func reset() { sqlite3_reset(handle) }

    // MARK: Columns of the current row
    // Inlinable, so reading a column costs the C call alone in callers' loops (3 % fewer
    // instructions stepping 10^6 rows; see docs/PERFORMANCE.md).

    @inlinable public func isNull(at index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }
    @inlinable public func int64(at index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }
    @inlinable public func int(at index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }
    @inlinable public func double(at index: Int32) -> Double { sqlite3_column_double(handle, index) }

    @inlinable public func string(at index: Int32) -> String {
        guard let text = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    public func blob(at index: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let bytes = sqlite3_column_blob(handle, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    @inlinable public func optionalInt(at index: Int32) -> Int? { isNull(at: index) ? nil : int(at: index) }
    @inlinable public func optionalDouble(at index: Int32) -> Double? { isNull(at: index) ? nil : double(at: index) }
    /// One C call fewer than `isNull` then `string`: only a NULL value has no text pointer (or an
    /// out-of-memory failure, which `string(at:)` would read as "" anyway).
    @inlinable public func optionalString(at index: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    public func value(at index: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: .integer(int64(at: index))
        case SQLITE_FLOAT: .real(double(at: index))
        case SQLITE_TEXT: .text(string(at: index))
        case SQLITE_BLOB: .blob(blob(at: index))
        default: .null
        }
    }

    /// The value, with text and blobs longer than `maximumBytes` not read whole: text is cut at a
    /// character boundary and says how long it was, a blob is described by its size.
    public func value(at index: Int32, maximumBytes: Int) -> DatabaseValue {
        let type = sqlite3_column_type(handle, index)
        guard type == SQLITE_TEXT || type == SQLITE_BLOB else { return value(at: index) }
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > maximumBytes else { return value(at: index) }
        if type == SQLITE_BLOB { return .text("[blob of \(count) bytes]") }
        guard let text = sqlite3_column_text(handle, index) else { return .null }
        var end = maximumBytes
        // Back up to the start of a character so the cut text stays valid UTF-8.
        while end > 0, text[end] & 0xC0 == 0x80 { end -= 1 }
        let cut = String(decoding: UnsafeBufferPointer(start: text, count: end), as: UTF8.self)
        return .text(cut + "… [\(count) bytes in all]")
    }

    /// The index of the first result column called `name`.
    public func columnIndex(_ name: String) throws -> Int32 {
        guard let index = columnIndexes[name] else {
            throw DatabaseError(resultCode: SQLITE_RANGE, message: "no column named \(name)", sql: sql)
        }
        return index
    }

    /// All values of the current row.
    public var row: [DatabaseValue] { (0..<columnCount).map(value(at:)) }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(connection: database.handle, code: code, sql: sql, arguments: boundValues)
    }
}

extension Statement {
    /// The hash-chain link of the current row (see `shim.h`): SHA-256 over `previous` (nil for the
    /// first link), `table` and the (column name, value) pairs from `firstColumn` on, NULLs left
    /// out — what the table's chain trigger computed with `chain_sha256` when the row was added.
    public func chainLink(previous: [UInt8]?, table: String, firstColumn: Int32) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { digest, count in
            if let previous {
                previous.withUnsafeBytes { csqlite_chain_row(handle, firstColumn, $0.baseAddress, table, digest.baseAddress) }
            } else {
                csqlite_chain_row(handle, firstColumn, nil, table, digest.baseAddress)
            }
            count = 32
        }
    }
}

extension Statement {
    /// Whether column `column` of `links`' current row is the chain link of this statement's
    /// current row (`chainLink`), compared without copying either.
    public func chainLinkMatches(
        previous: UnsafePointer<UInt8>?, table: String, firstColumn: Int32, links: Statement, column: Int32
    ) -> Bool {
        csqlite_chain_matches(handle, firstColumn, previous, table, links.handle, column) != 0
    }

    /// Copies up to `capacity` bytes of a blob column into `buffer`; returns the blob's length.
    public func copyBlob(at index: Int32, into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        guard let bytes = sqlite3_column_blob(handle, index) else { return 0 }
        let count = Int(sqlite3_column_bytes(handle, index))
        buffer.update(from: bytes.assumingMemoryBound(to: UInt8.self), count: min(count, capacity))
        return count
    }
}

extension Statement {
    /// Feeds the current row's columns to `hash`: each column's text, then a separator byte.
    public func hashColumns(into hash: inout SHA256Stream) {
        for index in 0..<columnCount {
            if let text = sqlite3_column_text(handle, index) {
                hash.update(UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index))))
            }
            var separator: UInt8 = 0
            withUnsafeBytes(of: &separator) { hash.update($0) }
        }
    }
}
