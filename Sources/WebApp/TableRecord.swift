import Storage
import Tracker

/// One row of a use case's table, read by column name for a template (the web's `row["column"]`):
/// a column the table does not have is an error, so a renamed column fails a page loudly instead
/// of rendering a blank; NULL reads as nil, and as an error where the column must hold a value.
struct TableRecord {
    private let indexes: [String: Int]
    private let values: [DatabaseValue]

    static func records(of table: ResultTable) -> [TableRecord] {
        let indexes = Dictionary(table.columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return table.rows.map { TableRecord(indexes: indexes, values: $0) }
    }

    /// The column's text, or nil for NULL.
    func optional(_ column: String) throws -> String? {
        guard let index = indexes[column] else { throw TrackerError("the page reads a column '\(column)' its table does not have") }
        return values[index] == .null ? nil : values[index].displayText
    }

    /// The text of a column that always holds a value.
    func text(_ column: String) throws -> String {
        guard let text = try optional(column) else { throw TrackerError("column '\(column)' is NULL where the page needs a value") }
        return text
    }
}
