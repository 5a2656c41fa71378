import Storage

extension ResultTable {
    /// Runs one query and keeps its columns and rows for rendering.
    public static func query(_ db: Database, _ sql: String, _ arguments: StatementArguments = .none) throws -> ResultTable {
        let statement = try db.cachedStatement(sql)
        var rows: [[DatabaseValue]] = []
        try statement.forEachRow(arguments) { rows.append($0.row) }
        return ResultTable(columns: statement.columnNames, rows: rows)
    }
}
