import Tracker
import Storage

/// The `csv` format: RFC 4180, CRLF line ends, NULL as an empty field.
enum CSVWriter {
    static func render(_ table: ResultTable) -> String {
        var output = ""
        appendRecord(table.columns, to: &output)
        for row in table.normalizedRows {
            appendRecord(row.map(\.displayText), to: &output)
        }
        return output
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
