import Tracker
import Storage

/// The `csv` format: RFC 4180, CRLF line ends, NULL as an empty field. Text that a spreadsheet
/// would run as a formula (OWASP "CSV injection": a note `=HYPERLINK(…)`) is neutralised with a
/// leading `'` unless `raw`; numbers are numbers, so -5 stays -5.
enum CSVWriter {
    static func render(_ table: ResultTable, raw: Bool = false) -> String {
        var output = ""
        appendRecord(table.columns.map { raw ? $0 : neutralised($0) }, to: &output)
        for row in table.normalizedRows {
            appendRecord(row.map { value in
                if !raw, case .text(let text) = value { return neutralised(text) }
                return value.displayText
            }, to: &output)
        }
        return output
    }

    /// A lone sign ("=", "-" as a placeholder) is no formula and stays as it is.
    static func neutralised(_ text: String) -> String {
        guard text.utf8.count > 1, let first = text.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
        else { return text }
        return "'" + text
    }

    private static func appendRecord(_ fields: [String], to output: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output += "," }
            output += quoted(field)
        }
        output += "\r\n"
    }

    static func quoted(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else { return field }
        var result = "\""
        for character in field.unicodeScalars {
            if character == "\"" { result.unicodeScalars.append("\"") }
            result.unicodeScalars.append(character)
        }
        result += "\""
        return result
    }
}
