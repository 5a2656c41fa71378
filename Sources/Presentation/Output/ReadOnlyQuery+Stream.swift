import Storage
import Tracker

extension ReadOnlyQuery {
    /// Runs one read-only statement and writes its result in `format` through `write`: CSV and
    /// JSON stream in batches (memory stays flat however many rows), table and Markdown buffer
    /// up to `maximumBufferedRows`.
    public static func stream(
        _ sql: String, parameters: [QueryParameter] = [], timeoutSeconds: Double = 30, format: OutputFormat,
        options: RenderOptions = .init(), in tracker: TrackerDatabase, write: (String) -> Void
    ) throws {
        switch format {
        case .table, .markdown, .xlsx:
            write(try run(sql, parameters: parameters, timeoutSeconds: timeoutSeconds, in: tracker).render(as: format, options: options))
        case .csv:
            var header: String?
            try forEachBatch(sql, parameters: parameters, timeoutSeconds: timeoutSeconds, in: tracker) { columns, rows in
                let headerText = header ?? ResultTable(columns: columns, rows: []).render(as: .csv, options: RenderOptions(rawCSV: options.rawCSV))
                if header == nil { write(headerText); header = headerText }
                if !rows.isEmpty {
                    write(String(ResultTable(columns: columns, rows: rows).render(as: .csv, options: RenderOptions(rawCSV: options.rawCSV)).utf8.dropFirst(headerText.utf8.count))!)
                }
            }
        case .json:
            var wroteRows = false
            try forEachBatch(sql, parameters: parameters, timeoutSeconds: timeoutSeconds, in: tracker) { columns, rows in
                guard !rows.isEmpty else { return }
                // "[\n  {…},\n  {…}\n]\n" → the objects alone, joined across batches with ",\n".
                let body = ResultTable(columns: columns, rows: rows).render(as: .json).utf8.dropFirst(2).dropLast(3)
                write((wroteRows ? ",\n" : "[\n") + String(body)!)
                wroteRows = true
            }
            write(wroteRows ? "\n]\n" : "[]\n")
        }
    }
}
