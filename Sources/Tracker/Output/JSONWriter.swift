import Storage

/// The `json` format: an array of objects keyed by column name, one object per line.
public enum JSONWriter {
    package static func render(_ table: ResultTable) -> String {
        let rows = table.normalizedRows
        guard !rows.isEmpty else { return "[]\n" }
        let keys = table.columns.map(stringLiteral)
        var output = "[\n"
        for (rowIndex, row) in rows.enumerated() {
            output += "  {"
            for (column, value) in row.enumerated() {
                if column > 0 { output += ", " }
                output += keys[column] + ": " + literal(value)
            }
            output += rowIndex == rows.count - 1 ? "}\n" : "},\n"
        }
        output += "]\n"
        return output
    }

    static func literal(_ value: DatabaseValue) -> String {
        switch value {
        case .null: "null"
        case .integer(let number): String(number)
        case .real(let number): number.isFinite ? CellText.real(number) : "null"
        case .text(let text): stringLiteral(text)
        case .blob(let bytes): "\"" + CellText.hex(bytes) + "\""
        }
    }

    /// RFC 8259 string: quote, backslash and control characters escaped; other text kept as UTF-8.
    public static func stringLiteral(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        result.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result.append(contentsOf: #"\""#.unicodeScalars)
            case "\\": result.append(contentsOf: #"\\"#.unicodeScalars)
            case "\n": result.append(contentsOf: #"\n"#.unicodeScalars)
            case "\r": result.append(contentsOf: #"\r"#.unicodeScalars)
            case "\t": result.append(contentsOf: #"\t"#.unicodeScalars)
            case _ where scalar.value < 0x20:
                let digits = Array("0123456789abcdef".unicodeScalars)
                result.append(contentsOf: #"\u00"#.unicodeScalars)
                result.append(digits[Int(scalar.value >> 4)])
                result.append(digits[Int(scalar.value & 0x0F)])
            default: result.append(scalar)
            }
        }
        result.append("\"")
        return String(result)
    }
}
