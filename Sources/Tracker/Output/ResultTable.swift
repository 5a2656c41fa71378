import Storage

/// Rows to print, independent of where they came from (a query, a report, a dry run).
public struct ResultTable: Sendable {
    /// snake_case names: JSON keys and headers.
    public var columns: [String]
    public var rows: [[DatabaseValue]]
    /// The columns a `table` shows unless `--wide` or `--columns` says otherwise; nil for all of them.
    public var defaultColumns: [String]?

    public init(columns: [String], rows: [[DatabaseValue]], defaultColumns: [String]? = nil) {
        self.columns = columns
        self.rows = rows
        self.defaultColumns = defaultColumns
    }

    /// The same table with `columns` as its default selection (names not in the table are skipped).
    public func showing(_ columns: [String]) -> ResultTable {
        var table = self
        table.defaultColumns = columns.filter(self.columns.contains)
        return table
    }

    /// Only the columns named, in that order; an unknown name is an error listing the known ones.
    public func selecting(_ names: [String]) throws -> ResultTable {
        let indices = try names.map { name in
            guard let index = columns.firstIndex(of: name) else {
                throw TrackerError("no column '\(name)' (columns: \(columns.joined(separator: ", ")))")
            }
            return index
        }
        let rows = normalizedRows.map { row in indices.map { row[$0] } }
        return ResultTable(columns: indices.map { columns[$0] }, rows: rows)
    }

    /// The default selection, or every column when there is none.
    public var withDefaultColumns: ResultTable {
        guard let defaultColumns, !defaultColumns.isEmpty, defaultColumns != columns else { return self }
        return (try? selecting(defaultColumns)) ?? self
    }
}

extension ResultTable {
    public func render(as format: OutputFormat, options: RenderOptions = .init()) -> String {
        switch format {
        case .table: TableRenderer.render(self, options: options)
        case .csv: (options.byteOrderMark ? "\u{FEFF}" : "") + CSVWriter.render(self, raw: options.rawCSV)
        case .json: JSONWriter.render(self)
        case .markdown: MarkdownWriter.render(self)
        }
    }

    /// Rows shaped to the columns, so a ragged row can never misalign or crash a writer.
    var normalizedRows: [[DatabaseValue]] {
        let width = columns.count
        return rows.map { row in
            if row.count == width { return row }
            if row.count > width { return Array(row.prefix(width)) }
            return row + Array(repeating: .null, count: width - row.count)
        }
    }

    /// A column is numeric when it holds at least one number and nothing but numbers and NULLs;
    /// such columns are right-aligned.
    var numericColumns: [Bool] {
        var sawNumber = Array(repeating: false, count: columns.count)
        var sawOther = Array(repeating: false, count: columns.count)
        for row in normalizedRows {
            for (index, value) in row.enumerated() {
                switch value {
                case .integer, .real: sawNumber[index] = true
                case .null: break
                case .text, .blob: sawOther[index] = true
                }
            }
        }
        return zip(sawNumber, sawOther).map { $0 && !$1 }
    }
}

extension DatabaseValue {
    /// The text shown in table, CSV and Markdown cells; NULL is empty.
    public var displayText: String {
        switch self {
        case .null: ""
        case .integer(let value): String(value)
        case .real(let value): CellText.real(value)
        case .text(let value): value
        case .blob(let bytes): CellText.hex(bytes)
        }
    }

    var isNumber: Bool {
        switch self {
        case .integer, .real: true
        default: false
        }
    }
}

/// How numbers and bytes are spelled in every format.
enum CellText {
    /// Shortest round-trip form; integral values print without ".0" (230, not 230.0) as long as
    /// every integer in range is exact, beyond which Swift's exponent form is clearer.
    static func real(_ value: Double) -> String {
        let exactIntegerLimit = 9_007_199_254_740_992.0  // 2^53
        if value.isFinite, value == value.rounded(.towardZero), abs(value) < exactIntegerLimit {
            return String(Int64(value))
        }
        return value.description
    }

    /// Lowercase hex, two digits a byte.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            utf8.append(digits[Int(byte >> 4)])
            utf8.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
