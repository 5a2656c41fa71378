import Storage

/// The `table` format: a box-drawn grid aligned by display width, wrapped to the terminal.
enum TableRenderer {
    static func render(_ table: ResultTable, options: RenderOptions) -> String {
        let columnCount = table.columns.count
        guard columnCount > 0 else { return "\n" }
        let rows = table.normalizedRows
        let numericColumns = table.numericColumns

        let headerLines = table.columns.map(cellLines)
        let rowLines = rows.map { $0.map { cellLines($0.displayText) } }

        var naturalWidths = Array(repeating: 1, count: columnCount)
        var minimumWidths = Array(repeating: 1, count: columnCount)
        for (rowIndex, cells) in ([headerLines] + rowLines).enumerated() {
            for (column, lines) in cells.enumerated() {
                // Numbers are never wrapped: a number split over two lines reads as two numbers.
                let isNumber = rowIndex > 0 && rows[rowIndex - 1][column].isNumber
                for line in lines {
                    let width = DisplayWidth.of(line)
                    naturalWidths[column] = max(naturalWidths[column], width)
                    if isNumber {
                        minimumWidths[column] = max(minimumWidths[column], width)
                    } else {
                        for character in line {
                            minimumWidths[column] = max(minimumWidths[column], DisplayWidth.of(character))
                        }
                    }
                }
            }
        }
        let widths = fit(naturalWidths, minimumWidths: minimumWidths, into: options.terminalWidth)

        func wrapped(_ cells: [[String]]) -> [[String]] {
            cells.enumerated().map { column, lines in
                lines.flatMap { wrap($0, to: widths[column]) }
            }
        }
        let header = wrapped(headerLines)
        let body = rowLines.map(wrapped)
        // Once a row spans several lines, rules between rows show where each one ends.
        let separateRows = body.contains { cells in cells.contains { $0.count > 1 } }

        var output = ""
        output += rule("┌", "┬", "┐", widths)
        append(header, to: &output, widths: widths) { column in
            (numericColumns[column], options.color)
        }
        if body.isEmpty {
            output += rule("└", "┴", "┘", widths)
            return output
        }
        output += rule("├", "┼", "┤", widths)
        for (index, (cells, values)) in zip(body, rows).enumerated() {
            if separateRows, index > 0 { output += rule("├", "┼", "┤", widths) }
            append(cells, to: &output, widths: widths) { column in (values[column].isNumber, false) }
        }
        output += rule("└", "┴", "┘", widths)
        return output
    }

    /// Shrinks the widest columns first (water-filling) until the grid fits `terminalWidth`.
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

    /// Wraps one line to `width` columns, breaking after spaces or next to CJK characters when it
    /// can and between grapheme clusters when it must.
    static func wrap(_ line: String, to width: Int) -> [String] {
        if DisplayWidth.of(line) <= width { return [line] }
        typealias Unit = (character: Character, width: Int)
        var lines: [String] = []
        var current: [Unit] = []
        var currentWidth = 0
        var breakIndex: Int?  // current[..<breakIndex] may end a line

        func emit(_ units: ArraySlice<Unit>) {
            var units = units
            while units.last?.character == " " { units.removeLast() }
            lines.append(String(units.map(\.character)))
        }
        func reset(to units: ArraySlice<Unit>) {
            current = Array(units.drop { $0.character == " " })
            currentWidth = current.reduce(0) { $0 + $1.width }
            breakIndex = nil
            for index in current.indices.dropFirst() where canBreak(between: current[index - 1], and: current[index]) {
                breakIndex = index
            }
        }

        for character in line {
            let unit: Unit = (character, DisplayWidth.of(character))
            if currentWidth + unit.width > width, !current.isEmpty {
                if character == " " {
                    emit(current[...])
                    reset(to: [])
                    continue
                }
                let canBreakHere = canBreak(between: current[current.count - 1], and: unit)
                let cut = canBreakHere ? current.count : breakIndex ?? current.count
                emit(current[..<cut])
                reset(to: current[cut...])
                if currentWidth + unit.width > width, !current.isEmpty {
                    emit(current[...])
                    reset(to: [])
                }
            }
            if let previous = current.last, canBreak(between: previous, and: unit) {
                breakIndex = current.count
            }
            current.append(unit)
            currentWidth += unit.width
        }
        if !current.isEmpty { emit(current[...]) }
        return lines
    }

    private static func canBreak(between previous: (character: Character, width: Int),
                                 and next: (character: Character, width: Int)) -> Bool {
        if noBreakBefore.contains(next.character) || noBreakAfter.contains(previous.character) { return false }
        return previous.character == " " || previous.width == 2 || next.width == 2
    }

    /// Chinese punctuation that must not start a line, or must not end one.
    private static let noBreakBefore: Set<Character> = ["。", "，", "、", "．", "！", "？", "：", "；", "）", "》", "」", "』", "】", "〉", "”", "’", " "]
    private static let noBreakAfter: Set<Character> = ["（", "《", "「", "『", "【", "〈", "“", "‘"]

    /// A cell's lines, with controls made visible so no stray escape code reaches the terminal.
    static func cellLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line in
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
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    private static func rule(_ left: String, _ middle: String, _ right: String, _ widths: [Int]) -> String {
        left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right + "\n"
    }

    /// Appends one row (header or data) that may span several lines.
    private static func append(_ cells: [[String]], to output: inout String, widths: [Int],
                               style: (Int) -> (rightAligned: Bool, bold: Bool)) {
        let height = cells.map(\.count).max() ?? 1
        for lineIndex in 0..<height {
            output += "│"
            for (column, lines) in cells.enumerated() {
                let text = lineIndex < lines.count ? lines[lineIndex] : ""
                let padding = String(repeating: " ", count: max(widths[column] - DisplayWidth.of(text), 0))
                let (rightAligned, bold) = style(column)
                let shown = bold && !text.isEmpty ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
                output += " " + (rightAligned ? padding + shown : shown + padding) + " │"
            }
            output += "\n"
        }
    }
}
