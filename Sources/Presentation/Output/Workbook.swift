import Tracker
import Storage

/// An Excel workbook's content, typed: one sheet per table, each column with the kind of cell it
/// holds. `plantrack` builds it and hands it, encoded, to `plantrack-xlsx`, which writes the file
/// with libxlsxwriter; the command line itself never links that library.
public struct Workbook: Sendable, Equatable {
    public var sheets: [Sheet]

    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    /// Sheets named from `titles`, made valid and unique the way Excel requires.
    public init(_ tables: [(title: String, table: ResultTable)]) {
        var used: Set<String> = []
        sheets = tables.map { title, table in
            Sheet(name: Sheet.uniqueName(title, used: &used), table: table)
        }
    }

    public struct Sheet: Sendable, Equatable {
        public var name: String
        public var columns: [Column]
        public var rows: [[DatabaseValue]]

        public init(name: String, columns: [Column], rows: [[DatabaseValue]]) {
            self.name = name
            self.columns = columns
            self.rows = rows
        }

        /// The table's columns typed from their values (and, for percentages, their names).
        public init(name: String, table: ResultTable) {
            let rows = table.normalizedRows
            self.name = name
            self.rows = rows
            columns = table.columns.enumerated().map { index, column in
                let values = rows.lazy.map { $0[index] }
                let kind = Column.Kind.inferred(name: column, values: values)
                return Column(name: column, kind: kind, width: Column.width(header: column, kind: kind, values: values))
            }
        }

        /// Excel's rules for a sheet name: 1 to 31 characters, none of `[]:*?/\`, no leading or
        /// trailing apostrophe, unique ignoring case.
        static func uniqueName(_ title: String, used: inout Set<String>) -> String {
            var base = String(title.map { "[]:*?/\\".contains($0) ? "-" : $0 })
            while base.hasPrefix("'") { base.removeFirst() }
            while base.hasSuffix("'") { base.removeLast() }
            if base.isEmpty { base = "Sheet" }
            base = String(base.prefix(31))
            var name = base
            var counter = 2
            while used.contains(name.lowercased()) {
                let suffix = " (\(counter))"
                name = String(base.prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(name.lowercased())
            return name
        }
    }

    public struct Column: Sendable, Equatable {
        public enum Kind: UInt8, Sendable {
            /// Each cell as it is: numbers as numbers, text as text.
            case general = 0
            /// ISO dates (YYYY-MM-DD) written as Excel dates.
            case date = 1
            /// ISO timestamps (YYYY-MM-DDTHH:MM:SSZ) written as Excel date-times (UTC).
            case dateTime = 2
            /// Numbers from 0 to 100 written as fractions with a percent format (45 → 0.45, shown 45.0%).
            case percent = 3

            /// A date column holds ISO dates and NULLs only; a percent column is named so and holds
            /// numbers and NULLs only. Anything else is general, cell by cell.
            static func inferred<Values: Sequence<DatabaseValue>>(name: String, values: Values) -> Kind {
                var sawDate = false, sawDateTime = false, sawNumber = false, sawOther = false
                for value in values {
                    switch value {
                    case .null: continue
                    case .integer, .real: sawNumber = true
                    case .text(let text):
                        if ISODate(text) != nil { sawDate = true } else if Timestamp(text) != nil { sawDateTime = true } else { sawOther = true }
                    case .blob: sawOther = true
                    }
                    if sawOther { return .general }
                }
                if sawNumber {
                    return !sawDate && !sawDateTime && isPercentName(name) ? .percent : .general
                }
                if sawDate && !sawDateTime { return .date }
                if sawDateTime && !sawDate { return .dateTime }
                return .general
            }

            static func isPercentName(_ name: String) -> Bool {
                name == "percent" || name.hasSuffix("_percent") || name.hasPrefix("percent_") || name.hasSuffix("_pct")
            }
        }

        public var name: String
        public var kind: Kind
        /// In Excel's units (about one character of the default font).
        public var width: Double

        public init(name: String, kind: Kind, width: Double) {
            self.name = name
            self.kind = kind
            self.width = width
        }

        /// Wide enough for the header and the widest cell, from 8 to 60 characters (longer text wraps
        /// in Excel's cell view); CJK characters count twice, as on a terminal.
        static func width<Values: Sequence<DatabaseValue>>(header: String, kind: Kind, values: Values) -> Double {
            var widest = DisplayWidth.of(header) + 2  // room for the filter button
            switch kind {
            case .date: widest = max(widest, 11)
            case .dateTime: widest = max(widest, 19)
            case .percent: widest = max(widest, 8)
            case .general:
                for value in values {
                    widest = max(widest, DisplayWidth.of(value.displayText))
                    if widest >= 60 { break }
                }
            }
            return Double(min(max(widest + 1, 8), 60))
        }
    }
}

/// An ISO timestamp as the schema writes them (`strftime('%Y-%m-%dT%H:%M:%SZ')`), split into parts.
public struct Timestamp: Sendable, Equatable {
    public var date: ISODate
    public var hour: Int, minute: Int, second: Int

    public init?(_ text: String) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 20, utf8[10] == UInt8(ascii: "T"), utf8[13] == UInt8(ascii: ":"), utf8[16] == UInt8(ascii: ":"),
              utf8[19] == UInt8(ascii: "Z"), let date = ISODate(String(decoding: utf8[0..<10], as: UTF8.self)) else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in utf8[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              hour < 24, minute < 60, second < 61 else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }
}

// MARK: The encoding between `plantrack` and `plantrack-xlsx`

/// A private, versioned byte format: counts and lengths in decimal ending in `;`, text as its UTF-8
/// bytes after its length, each cell a tag byte (`n` NULL, `i` integer, `r` real as its IEEE bits,
/// `t` text, `b` bytes). Both sides are built from this file, so they cannot disagree.
extension Workbook {
    static let magic = Array("plantrack-workbook 1\n".utf8)

    public func encoded() -> [UInt8] {
        var out = Self.magic
        func put(_ number: Int) { out += Array(String(number).utf8); out.append(UInt8(ascii: ";")) }
        func put(_ bytes: [UInt8]) { put(bytes.count); out += bytes }
        func put(_ text: String) { put(Array(text.utf8)) }
        put(sheets.count)
        for sheet in sheets {
            put(sheet.name)
            put(sheet.columns.count)
            for column in sheet.columns {
                put(column.name)
                put(Int(column.kind.rawValue))
                put(Int(column.width * 100))
            }
            put(sheet.rows.count)
            for row in sheet.rows {
                for index in sheet.columns.indices {
                    switch index < row.count ? row[index] : .null {
                    case .null: out.append(UInt8(ascii: "n"))
                    case .integer(let value): out.append(UInt8(ascii: "i")); out += Array(String(value).utf8); out.append(UInt8(ascii: ";"))
                    case .real(let value): out.append(UInt8(ascii: "r")); out += Array(String(value.bitPattern).utf8); out.append(UInt8(ascii: ";"))
                    case .text(let value): out.append(UInt8(ascii: "t")); put(value)
                    case .blob(let value): out.append(UInt8(ascii: "b")); put(value)
                    }
                }
            }
        }
        return out
    }

    public struct DecodingError: Error, CustomStringConvertible {
        public let offset: Int
        public var description: String { "malformed workbook data at byte \(offset)" }
    }

    public init(decoding bytes: [UInt8]) throws(DecodingError) {
        var offset = 0
        func fail() -> DecodingError { DecodingError(offset: offset) }
        func byte() throws(DecodingError) -> UInt8 {
            guard offset < bytes.count else { throw fail() }
            defer { offset += 1 }
            return bytes[offset]
        }
        func digits() throws(DecodingError) -> Substring {
            let start = offset
            while offset < bytes.count, bytes[offset] != UInt8(ascii: ";") { offset += 1 }
            guard offset < bytes.count, offset > start, offset - start <= 20 else { throw fail() }
            defer { offset += 1 }
            return Substring(String(decoding: bytes[start..<offset], as: UTF8.self))
        }
        func number() throws(DecodingError) -> Int {
            guard let value = Int(try digits()), value >= 0 else { throw fail() }
            return value
        }
        func data() throws(DecodingError) -> [UInt8] {
            let count = try number()
            guard count <= bytes.count - offset else { throw fail() }
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }
        func text() throws(DecodingError) -> String { String(decoding: try data(), as: UTF8.self) }

        guard bytes.starts(with: Self.magic) else { throw fail() }
        offset = Self.magic.count
        var sheets: [Sheet] = []
        for _ in 0..<(try number()) {
            let name = try text()
            var columns: [Column] = []
            for _ in 0..<(try number()) {
                let columnName = try text()
                guard let rawKind = UInt8(exactly: try number()), let kind = Column.Kind(rawValue: rawKind) else { throw fail() }
                columns.append(Column(name: columnName, kind: kind, width: Double(try number()) / 100))
            }
            var rows: [[DatabaseValue]] = []
            let rowCount = try number()
            rows.reserveCapacity(min(rowCount, 1 << 20))
            for _ in 0..<rowCount {
                var row: [DatabaseValue] = []
                row.reserveCapacity(columns.count)
                for _ in columns {
                    switch try byte() {
                    case UInt8(ascii: "n"): row.append(.null)
                    case UInt8(ascii: "i"):
                        guard let value = Int64(try digits()) else { throw fail() }
                        row.append(.integer(value))
                    case UInt8(ascii: "r"):
                        guard let bits = UInt64(try digits()) else { throw fail() }
                        row.append(.real(Double(bitPattern: bits)))
                    case UInt8(ascii: "t"): row.append(.text(try text()))
                    case UInt8(ascii: "b"): row.append(.blob(try data()))
                    default: throw fail()
                    }
                }
                rows.append(row)
            }
            sheets.append(Sheet(name: name, columns: columns, rows: rows))
        }
        guard offset == bytes.count else { throw fail() }
        self.sheets = sheets
    }
}
