import Storage

/// A typed row that can be printed: its column names (snake_case, the JSON keys) and its cells.
public protocol TableRow {
    static var columns: [String] { get }
    var cells: [DatabaseValue] { get }
    /// The columns a `table` shows by default (nil: all); `--wide` and `--columns` override it.
    static var defaultColumns: [String]? { get }
}

extension TableRow {
    public static var defaultColumns: [String]? { nil }
}

extension ResultTable {
    public init<Row: TableRow>(_ rows: [Row]) {
        self.init(columns: Row.columns, rows: rows.map(\.cells), defaultColumns: Row.defaultColumns)
    }

    /// A two-column `field`/`value` table, for one record shown field by field.
    public init(fields: [(String, String?)]) {
        self.init(columns: ["field", "value"], rows: fields.map { [.text($0.0), $0.1.map(DatabaseValue.text) ?? .null] })
    }
}
