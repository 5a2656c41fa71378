import Storage

/// `plantrack sql`: one statement, read-only by construction.
///
/// Four independent guards, so no single mistake lets a write through: the connection is opened
/// read-only, `query_only` is on, an authorizer denies at compile time everything but reading
/// (writes, ATTACH, pragmas that set, VACUUM, load_extension, transactions), and a statement
/// SQLite does not report as read-only (`sqlite3_stmt_readonly`) is refused before it runs.
public enum ReadOnlyQuery {
    /// The longest value printed whole; longer text and blobs are cut, saying how long they were.
    public static let maximumValueBytes = 64 * 1024

    /// Table and Markdown output size their columns from every row, so they hold the rows in
    /// memory; past this many they stop and point to CSV or JSON, which stream.
    public static let maximumBufferedRows = 100_000
    /// SQLite's memory for one `sql` run: a statement asking for more fails with one line
    /// (two `randomblob(9e8)` would otherwise take 1.7 GB).
    public static let maximumHeapBytes: Int64 = 512 << 20

    /// Rows rendered and written at a time by the streaming formats.
    package static let batchSize = 512

    /// Runs one read-only statement and returns all its rows (for small results and tests).
    public static func run(
        _ sql: String, parameters: [QueryParameter] = [], timeoutSeconds: Double = 30, in tracker: TrackerDatabase
    ) throws -> ResultTable {
        var table = ResultTable(columns: [], rows: [])
        try forEachBatch(sql, parameters: parameters, timeoutSeconds: timeoutSeconds, in: tracker) { columns, rows in
            table.columns = columns
            table.rows += rows
            if table.rows.count > maximumBufferedRows { throw tooManyRows }
        }
        return table
    }

    package static var tooManyRows: TrackerError {
        TrackerError("sql: more than \(maximumBufferedRows) rows; table and markdown output hold every row in memory — use --format csv or json, which stream")
    }

    /// Checks and runs the statement, handing its rows over in batches (the first call may have
    /// no rows: it carries the column names, so an empty result still has a header).
    package static func forEachBatch(
        _ sql: String, parameters: [QueryParameter], timeoutSeconds: Double, in tracker: TrackerDatabase,
        _ body: (_ columns: [String], _ rows: [[DatabaseValue]]) throws -> Void
    ) throws {
        let db = tracker.db
        guard db.mode == .readOnly else { throw TrackerError("internal: sql needs a read-only connection") }
        try db.execute("PRAGMA query_only = ON")
        Database.limitHeap(bytes: maximumHeapBytes)
        try connectVirtualTables(db)
        db.denyAllButReading()

        let statement: Statement
        do {
            statement = try db.prepare(sql)
        } catch let error as DatabaseError {
            throw explain(error, in: sql)
        } catch let error as StatementError {
            throw explain(error)
        }
        guard statement.isReadOnly else { throw TrackerError("sql: refused: \(refusal(of: sql))") }

        for parameter in parameters where !mentions(sql, parameter: parameter.name) {
            throw TrackerError("sql: --param \(parameter.name): the statement has no parameter :\(parameter.name)")
        }
        let arguments = StatementArguments.named(Dictionary(parameters.map { ($0.name, $0.value) }) { _, last in last })
        let columns = statement.columnNames
        let width = statement.columnCount
        var batch: [[DatabaseValue]] = []
        var sentAny = false
        db.setTimeLimit(seconds: timeoutSeconds)
        defer { db.setTimeLimit(seconds: nil) }
        do {
            try statement.forEachRow(arguments) { row in
                batch.append((0..<width).map { row.value(at: $0, maximumBytes: maximumValueBytes) })
                if batch.count == batchSize {
                    try body(columns, batch)
                    sentAny = true
                    batch.removeAll(keepingCapacity: true)
                }
            }
        } catch let error as DatabaseError where error.resultCode == DatabaseError.interrupted {
            throw TrackerError("sql: stopped after \(formatSeconds(timeoutSeconds)) s (--timeout)")

        } catch let error as DatabaseError {
            throw explain(error, in: sql)
        } catch let error as StatementError {
            throw explain(error)
        }
        if !batch.isEmpty || !sentAny { try body(columns, batch) }
    }

    static func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    /// Connects the virtual tables (the FTS5 indexes) while no authorizer is installed.
    ///
    /// FTS5's constructor compiles an internal statement that names sqlite_master for update,
    /// which the authorizer denies, so a first query of an index would fail. A connection keeps
    /// its virtual tables connected, so later queries only read. On this read-only,
    /// query-only connection the constructor cannot write anything either way.
    static func connectVirtualTables(_ db: Database) throws {
        let names = try db.fetchAll(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'") { try $0["name"] as String }
        for name in names {
            _ = try db.prepare("SELECT 1 FROM \"\(name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\""))\" WHERE 0")
        }
    }

    /// What Storage refused itself, in the words of the `sql` command.
    static func explain(_ error: StatementError) -> TrackerError {
        switch error {
        case .severalStatements: TrackerError("sql: refused: one statement at a time; found more after the first")
        case .noStatement: TrackerError("sql: the query has no statement")
        case .missingValue(let name, _): TrackerError("sql: \(error); pass --param \(name)=VALUE")
        case .unnamedParameter: TrackerError("sql: use named parameters (:name) and pass --param name=VALUE")
        }
    }

    /// SQLite's own message, with where it happened when SQLite knows, as one line.
    static func explain(_ error: DatabaseError, in sql: String) -> TrackerError {
        if error.resultCode == DatabaseError.authorization || error.resultCode == DatabaseError.readOnly {
            return TrackerError("sql: refused: \(refusal(of: sql))")
        }
        if error.resultCode == DatabaseError.outOfMemory {
            return TrackerError("sql: the statement needs more than \(maximumHeapBytes >> 20) MiB of memory, the most sql allows; ask for less at once")
        }
        let message = error.message
        // A denied function (load_extension) is reported as an ordinary error, not SQLITE_AUTH.
        if message.hasPrefix("not authorized") { return TrackerError("sql: refused: \(refusal(of: sql))") }
        var line = "sql: \(message)"
        if let offset = error.offset { line += " at offset \(characterOffset(ofUTF8Offset: offset, in: sql))" }
        return TrackerError(line)
    }

    /// Why a refused statement was refused, in words. SQLite decided; this only names the reason.
    static func refusal(of sql: String) -> String {
        let keyword = leadingKeyword(of: sql)
        if sql.lowercased().contains("load_extension") { return "load_extension is not allowed" }
        switch keyword {
        case "INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "VACUUM", "REINDEX", "ANALYZE":
            return "\(keyword) changes the database; sql runs read-only statements only"
        case "ATTACH", "DETACH":
            return "\(keyword) is not allowed; sql reads this database only"
        case "PRAGMA":
            return "this PRAGMA can change the database or the connection; only pragmas that report are allowed"
        case "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE":
            return "transactions are not allowed; sql runs one read-only statement"
        default:
            return "the statement does more than read (writes, ATTACH, pragmas that set, VACUUM and load_extension are refused)"
        }
    }

    /// The first word of the statement, upper-cased, after whitespace and comments.
    static func leadingKeyword(of sql: String) -> String {
        var rest = Substring(sql)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("--") {
                rest = rest.drop { !$0.isNewline }
            } else if rest.hasPrefix("/*") {
                guard let end = rest.firstRange(of: "*/") else { return "" }
                rest = rest[end.upperBound...]
            } else {
                break
            }
        }
        return String(rest.prefix { $0.isLetter }).uppercased()
    }

    /// SQLite reports byte offsets; people count characters (they differ once there is Chinese).
    static func characterOffset(ofUTF8Offset offset: Int, in sql: String) -> Int {
        let utf8 = sql.utf8
        guard let index = utf8.index(utf8.startIndex, offsetBy: offset, limitedBy: utf8.endIndex) else { return sql.count }
        return sql[..<index].count
    }

    /// Whether `sql` names the parameter as `:name`, `@name` or `$name` (a check for typos in
    /// --param; SQLite itself reports parameters that are missing a value).
    static func mentions(_ sql: String, parameter name: String) -> Bool {
        [":", "@", "$"].contains { prefix in
            var searchFrom = sql.startIndex
            while let range = sql[searchFrom...].firstRange(of: prefix + name) {
                let after = range.upperBound
                if after == sql.endIndex || !(sql[after].isLetter || sql[after].isNumber || sql[after] == "_") { return true }
                searchFrom = after
            }
            return false
        }
    }
}

/// One `--param name=value`. A value that reads back unchanged as an integer (`42`, `-7`) binds
/// as an integer and a decimal (`2.5`, `1e3`) as a real, so `count(*) > :n` compares numbers;
/// anything else (dates, slugs, `007`) binds as text. `CAST(:x AS TEXT)` forces text.
public struct QueryParameter: Sendable, Equatable {
    public let name: String
    public let value: DatabaseValue

    public init(name: String, value: DatabaseValue) {
        self.name = name
        self.value = value
    }

    public init(parsing argument: String) throws {
        guard let equals = argument.firstIndex(of: "=") else {
            throw TrackerError("--param \(argument): expected name=value")
        }
        var name = Substring(argument[..<equals])
        if let first = name.first, ":@$".contains(first) { name = name.dropFirst() }
        guard let first = name.first, first.isLetter || first == "_",
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
        else {
            throw TrackerError("--param \(argument): '\(name)' is not a parameter name (letters, digits and _)")
        }
        self.init(name: String(name), value: Self.value(of: String(argument[argument.index(after: equals)...])))
    }

    static func value(of text: String) -> DatabaseValue {
        if let integer = Int64(text), String(integer) == text { return .integer(integer) }
        let looksDecimal = !text.isEmpty && text.allSatisfy { "0123456789+-.eE".contains($0) }
            && text.contains { ".eE".contains($0) } && text.first != "." && text.last != "."
        if looksDecimal, let real = Double(text), real.isFinite { return .real(real) }
        return .text(text)
    }
}
