import Tracker
/// How a listing is printed; every listing command takes `--format`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, markdown
    /// An Excel workbook, one sheet per table (Workbook); binary, so it is never rendered as text.
    case xlsx

    /// The formats rendered as text (every one but xlsx).
    public static let textFormats: [OutputFormat] = allCases.filter { $0 != .xlsx }
}

/// Terminal facts for the `table` format, and the CSV byte-order mark.
public struct RenderOptions: Sendable {
    /// The width to fit the table into; `nil` when stdout is not a terminal (no wrapping).
    public var terminalWidth: Int?
    /// Bold headers and coloured statuses; the caller enables it only on a TTY without `NO_COLOR`
    /// or `TERM=dumb`.
    public var color: Bool
    /// `csv` only: start with U+FEFF, which Excel needs to read the file as UTF-8 (else Chinese is mojibake).
    public var byteOrderMark: Bool
    /// `csv` only: text cells exactly as stored. Otherwise a cell that a spreadsheet would read as
    /// a formula (starting with = + - @, a tab or a carriage return) is prefixed with `'`.
    public var rawCSV: Bool

    public init(terminalWidth: Int? = nil, color: Bool = false, byteOrderMark: Bool = false, rawCSV: Bool = false) {
        self.terminalWidth = terminalWidth
        self.color = color
        self.byteOrderMark = byteOrderMark
        self.rawCSV = rawCSV
    }
}
