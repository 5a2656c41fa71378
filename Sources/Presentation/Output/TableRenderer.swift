import Tracker
import Storage

/// The `table` format: a box-drawn grid aligned by display width.
///
/// On a terminal (`terminalWidth` set) every row is one line: columns of tokens (numbers, dates,
/// statuses, slugs) keep their full width, and only prose is shortened, with `…`, until the grid
/// fits. Off a terminal nothing is shortened or wrapped, so a pipe or a file gets every character.
enum TableRenderer {
    static func render(_ table: ResultTable, options: RenderOptions) -> String {
        let columnCount = table.columns.count
        guard columnCount > 0 else { return "\n" }
        let rows = table.normalizedRows
        let numericColumns = table.numericColumns
        let oneLine = options.terminalWidth != nil

        let headerLines = table.columns.map { cellLines($0, oneLine: oneLine) }
        let rowLines = rows.map { $0.map { cellLines($0.displayText, oneLine: oneLine) } }

        var naturalWidths = table.columns.map { max(DisplayWidth.of($0), 1) }
        var isProse = Array(repeating: false, count: columnCount)
        for (cells, values) in zip(rowLines, rows) {
            for (column, lines) in cells.enumerated() {
                for line in lines { naturalWidths[column] = max(naturalWidths[column], DisplayWidth.of(line)) }
                if !values[column].isNumber, !isToken(values[column].displayText) { isProse[column] = true }
            }
        }
        // Prose may shrink to its header (or eight columns, if the header is shorter); tokens never do.
        let minimumWidths = naturalWidths.indices.map { column in
            isProse[column] ? min(naturalWidths[column], max(DisplayWidth.of(table.columns[column]), 8)) : naturalWidths[column]
        }
        let widths = fit(naturalWidths, minimumWidths: minimumWidths, into: options.terminalWidth)

        func shortened(_ cells: [[String]]) -> [[String]] {
            cells.enumerated().map { column, lines in lines.map { shorten($0, to: widths[column]) } }
        }
        let header = shortened(headerLines)
        let body = rowLines.map(shortened)
        // Once a row spans several lines, rules between rows show where each one ends.
        let separateRows = body.contains { cells in cells.contains { $0.count > 1 } }
        let statusColumn = options.color ? table.columns.firstIndex(of: "status") : nil

        var output = ""
        output += rule("┌", "┬", "┐", widths)
        append(header, to: &output, widths: widths) { column, text in
            (numericColumns[column], options.color && !text.isEmpty ? "\u{1B}[1m" : nil)
        }
        if body.isEmpty {
            output += rule("└", "┴", "┘", widths)
            return output
        }
        output += rule("├", "┼", "┤", widths)
        for (index, (cells, values)) in zip(body, rows).enumerated() {
            if separateRows, index > 0 { output += rule("├", "┼", "┤", widths) }
            append(cells, to: &output, widths: widths) { column, text in
                (values[column].isNumber, column == statusColumn ? StatusColor.code(for: text) : nil)
            }
        }
        output += rule("└", "┴", "┘", widths)
        return output
    }

    /// A value that must never be cut: no spaces, no wide characters, not a URL, and short. Dates,
    /// statuses, slugs, `YYYY-MM`, `1/10` and the like.
    static func isToken(_ text: String) -> Bool {
        guard DisplayWidth.of(text) <= 32, !text.contains("://") else { return false }
        return !text.contains { $0.isWhitespace || DisplayWidth.of($0) == 2 }
    }

    /// Shrinks the widest shrinkable columns first (water-filling) until the grid fits
    /// `terminalWidth`. When even the minimums do not fit, the grid is wider than the terminal:
    /// cutting a token would print a wrong value, which is worse than a long line.
    static func fit(_ natural: [Int], minimumWidths: [Int], into terminalWidth: Int?) -> [Int] {
        let frame = 3 * natural.count + 1  // "│ " before each column, " " after, closing "│"
        guard let terminalWidth, natural.reduce(0, +) + frame > terminalWidth else { return natural }
        let available = terminalWidth - frame

        func widths(cappedAt cap: Int) -> [Int] {
            zip(natural, minimumWidths).map { max(min($0, cap), $1) }
        }
        var cap = natural.max() ?? 0
        while cap > 0, widths(cappedAt: cap).reduce(0, +) > available { cap -= 1 }
        var result = widths(cappedAt: cap)
        // Hand the columns left at the cap whatever the cap's rounding left over.
        var leftover = available - result.reduce(0, +)
        for column in result.indices where leftover > 0 && natural[column] > result[column] {
            result[column] += 1
            leftover -= 1
        }
        return result
    }

    /// `line` cut to `width` columns with a final `…`; a wide character that would straddle the
    /// edge is dropped whole.
    static func shorten(_ line: String, to width: Int) -> String {
        if DisplayWidth.of(line) <= width { return line }
        guard width > 1 else { return "…" }
        var result = ""
        var used = 0
        for character in line {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        while result.last == " " { result.removeLast() }
        return result + "…"
    }

    /// A cell's lines, with controls made visible so no stray escape code reaches the terminal.
    /// On a terminal the lines are joined with ` ⏎ `, one row a line.
    static func cellLines(_ text: String, oneLine: Bool = false) -> [String] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line in
            guard line.unicodeScalars.contains(where: isControl) else { return String(line) }
            var scalars = String.UnicodeScalarView()
            for scalar in line.unicodeScalars {
                switch scalar.value {
                case 0x09: scalars.append(" ")
                case 0x00..<0x20: scalars.append(Unicode.Scalar(0x2400 + scalar.value)!)  // ␀…␟
                case 0x7F: scalars.append("\u{2421}")  // ␡
                case 0x80..<0xA0: scalars.append("\u{FFFD}")
                default: scalars.append(scalar)
                }
            }
            return String(scalars)
        }
        return oneLine && lines.count > 1 ? [lines.joined(separator: " ⏎ ")] : lines
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    private static func rule(_ left: String, _ middle: String, _ right: String, _ widths: [Int]) -> String {
        left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right + "\n"
    }

    /// Appends one row (header or data) that may span several lines; `style` gives each cell's
    /// alignment and the escape code that colours it, if any.
    private static func append(_ cells: [[String]], to output: inout String, widths: [Int],
                               style: (Int, String) -> (rightAligned: Bool, escape: String?)) {
        let height = cells.map(\.count).max() ?? 1
        for lineIndex in 0..<height {
            output += "│"
            for (column, lines) in cells.enumerated() {
                let text = lineIndex < lines.count ? lines[lineIndex] : ""
                let padding = String(repeating: " ", count: max(widths[column] - DisplayWidth.of(text), 0))
                let (rightAligned, escape) = style(column, text)
                let shown = escape.map { $0 + text + "\u{1B}[0m" } ?? text
                output += " " + (rightAligned ? padding + shown : shown + padding) + " │"
            }
            output += "\n"
        }
    }
}

/// Status colours on a terminal: done is green, at risk amber, blocked or missed red.
enum StatusColor {
    static func code(for status: String) -> String? {
        switch status {
        case "completed", "met", "done": "\u{1B}[32m"
        case "at-risk": "\u{1B}[33m"
        case "blocked", "missed": "\u{1B}[31m"
        default: nil
        }
    }
}
