import CSQLite

/// A Swift type a result column reads as, strictly: a NULL, or a value of another storage class,
/// is an error naming the column, never a default. Optional types read NULL as nil.
public protocol ColumnDecodable {
    static func decode(_ statement: Statement, at index: Int32, column: String) throws -> Self
}

extension Statement {
    /// The current row's value of column `name` (GRDB's `row["name"]`): `let n: Int = try row["number"]`.
    public subscript<Value: ColumnDecodable>(_ name: String) -> Value {
        get throws { try Value.decode(self, at: try columnIndex(name), column: name) }
    }

    /// The error for a stored value that is not what the column must hold.
    func mismatch(_ column: String, at index: Int32, expected: String) -> DatabaseError {
        let found = switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL: "NULL"
        case SQLITE_INTEGER: "an integer"
        case SQLITE_FLOAT: "a real"
        case SQLITE_TEXT: "text"
        default: "a blob"
        }
        return DatabaseError(resultCode: SQLITE_MISMATCH, message: "column \(column) holds \(found) where \(expected) belongs", sql: sql)
    }

    func columnType(_ index: Int32) -> Int32 { sqlite3_column_type(handle, index) }
}

extension Int64: ColumnDecodable {
    public static func decode(_ statement: Statement, at index: Int32, column: String) throws -> Int64 {
        switch statement.columnType(index) {
        case SQLITE_INTEGER: return statement.int64(at: index)
        case SQLITE_FLOAT:
            let value = statement.double(at: index)
            if let exact = Int64(exactly: value) { return exact }
        default: break
        }
        throw statement.mismatch(column, at: index, expected: "an integer")
    }
}

extension Int: ColumnDecodable {
    public static func decode(_ statement: Statement, at index: Int32, column: String) throws -> Int {
        Int(try Int64.decode(statement, at: index, column: column))
    }
}

extension Double: ColumnDecodable {
    public static func decode(_ statement: Statement, at index: Int32, column: String) throws -> Double {
        switch statement.columnType(index) {
        case SQLITE_INTEGER, SQLITE_FLOAT: return statement.double(at: index)
        default: throw statement.mismatch(column, at: index, expected: "a number")
        }
    }
}

extension String: ColumnDecodable {
    public static func decode(_ statement: Statement, at index: Int32, column: String) throws -> String {
        guard statement.columnType(index) == SQLITE_TEXT else { throw statement.mismatch(column, at: index, expected: "text") }
        return statement.string(at: index)
    }
}

extension Bool: ColumnDecodable {
    public static func decode(_ statement: Statement, at index: Int32, column: String) throws -> Bool {
        try Int64.decode(statement, at: index, column: column) != 0
    }
}

extension Optional: ColumnDecodable where Wrapped: ColumnDecodable {
    public static func decode(_ statement: Statement, at index: Int32, column: String) throws -> Wrapped? {
        statement.isNull(at: index) ? nil : try Wrapped.decode(statement, at: index, column: column)
    }
}

/// A result column found by name once, for a loop over many rows (the chain walk reads a
/// million): `let seq = try links.column("seq", as: Int64.self)`, then `try links[seq]` per row,
/// as strict as `row["seq"]` without looking the name up each time.
public struct Column<Value>: Sendable {
    public let name: String
    public let index: Int32
}

extension Statement {
    public func column<Value>(_ name: String, as type: Value.Type) throws -> Column<Value> {
        Column(name: name, index: try columnIndex(name))
    }

    /// Copies up to `capacity` bytes of a blob column into `buffer`; returns the blob's length.
    public func copyBlob(_ column: Column<[UInt8]>, into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        copyBlob(at: column.index, into: buffer, capacity: capacity)
    }

    public subscript<Value: ColumnDecodable>(_ column: Column<Value>) -> Value {
        get throws { try Value.decode(self, at: column.index, column: column.name) }
    }
}
