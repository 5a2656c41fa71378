import Tracker
import Storage

/// The `markdown` format: a GitHub pipe table; numeric columns are right-aligned.
enum MarkdownWriter {
    static func render(_ table: ResultTable) -> String {
        guard !table.columns.isEmpty else { return "\n" }
        var output = line(table.columns)
        output += line(table.numericColumns.map { $0 ? "---:" : "---" })
        for row in table.normalizedRows {
            output += line(row.map(\.displayText))
        }
        return output
    }

    private static func line(_ cells: [String]) -> String {
        "| " + cells.map(cell).joined(separator: " | ") + " |\n"
    }

    /// A pipe would end the cell and a newline the row, so both are escaped.
    static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "|" || $0.isNewline }) else { return text }
        var result = ""
        for character in text {
            if character == "|" {
                result += "\\|"
            } else if character.isNewline {
                result += "<br>"
            } else {
                result.append(character)
            }
        }
        return result
    }
}
