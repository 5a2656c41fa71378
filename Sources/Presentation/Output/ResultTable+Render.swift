import Storage
import Tracker

extension ResultTable {
    public func render(as format: OutputFormat, options: RenderOptions = .init()) -> String {
        switch format {
        case .table: TableRenderer.render(self, options: options)
        case .csv: (options.byteOrderMark ? "\u{FEFF}" : "") + CSVWriter.render(self, raw: options.rawCSV)
        case .json: JSONWriter.render(self)
        case .markdown: MarkdownWriter.render(self)
        // A workbook is bytes written by `plantrack-xlsx` (Workbook); as text, a listing falls back to CSV.
        case .xlsx: CSVWriter.render(self)
        }
    }
}
