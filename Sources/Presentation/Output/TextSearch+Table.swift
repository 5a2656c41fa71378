import Storage
import Tracker

extension TextSearch {
    /// Hits as rows for `format`. Table and Markdown are read by people: where each hit was found
    /// in one column and the snippet with its matches in [brackets]. JSON and CSV are read by
    /// programs: one field per fact and the snippet as plain text.
    public static func table(_ hits: [SearchHit], for format: OutputFormat) -> ResultTable {
        switch format {
        case .table, .markdown:
            return ResultTable(
                columns: ["found_in", "snippet"],
                rows: hits.map { [.text($0.location), .text($0.snippet.highlighted())] })
        case .json, .csv, .xlsx:
            return ResultTable(
                columns: ["kind", "document", "line", "action", "update_id", "reported_on", "snippet"],
                rows: hits.map { hit in
                    [
                        .text(hit.kind.rawValue), hit.document.map(DatabaseValue.text) ?? .null,
                        hit.line.map { .integer(Int64($0)) } ?? .null, hit.action.map { .integer(Int64($0)) } ?? .null,
                        hit.updateID.map(DatabaseValue.integer) ?? .null, hit.reportedOn.map(DatabaseValue.text) ?? .null,
                        .text(hit.snippet.plain),
                    ]
                })
        }
    }
}
