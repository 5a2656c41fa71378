import Glibc
import Presentation
import Tracker

/// Writing to the terminal: stdout for results, stderr for errors, tables sized to the window.
enum Console {
    static func write(_ text: String) { write(text, to: STDOUT_FILENO) }

    /// Writes all of `text`; results are rendered whole, so one unbuffered write is enough.
    static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }

    static func line(_ text: String) { write(text + "\n") }

    static func error(_ text: String) {
        write("plantrack: error: " + text + "\n", to: STDERR_FILENO)
    }

    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Options for the table renderer: the window's width and colour, only on a terminal.
    static func renderOptions(byteOrderMark: Bool = false, rawCSV: Bool = false) -> RenderOptions {
        guard isTerminal else { return RenderOptions(byteOrderMark: byteOrderMark, rawCSV: rawCSV) }
        var size = winsize()
        let width = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        return RenderOptions(terminalWidth: width, color: colorAllowed, byteOrderMark: byteOrderMark, rawCSV: rawCSV)
    }

    /// No colour when asked (`NO_COLOR`, https://no-color.org) or on a terminal that cannot show it.
    static var colorAllowed: Bool {
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }

    /// A one-sheet workbook's sheet name: the command's words (`action list`, `report overdue`).
    static var sheetTitle: String {
        var words: [String] = []
        for argument in CommandLine.arguments.dropFirst() {
            if argument.hasPrefix("-") { break }
            words.append(argument)
        }
        return words.isEmpty ? "plantrack" : words.joined(separator: " ")
    }

    /// Prints a listing. A `--columns` name the listing lacks is only known now, after the query:
    /// it ends the process like any other user error (listings are read-only, nothing to undo).
    static func print(_ table: ResultTable, as choice: OutputChoice) {
        do {
            if choice.format == .xlsx {
                try WorkbookOutput.writeToStandardOutput(Workbook([(sheetTitle, try choice.shaped(table))]))
                return
            }
            write(try choice.shaped(table).render(as: choice.format, options: renderOptions(byteOrderMark: choice.byteOrderMark, rawCSV: choice.rawCSV)))
        } catch {
            exit(Main.report(error))
        }
    }
}

extension Console {
    /// Several tables under headings; JSON gets one object keyed by heading, so it stays valid.
    static func printSections(_ sections: [(String, ResultTable)], as choice: OutputChoice) {
        do { try printSectionsOrThrow(sections, as: choice) } catch { exit(Main.report(error)) }
    }

    private static func printSectionsOrThrow(_ sections: [(String, ResultTable)], as choice: OutputChoice) throws {
        // --columns picks from whichever sections have the column; a name in none is an error.
        let shaped: [(String, ResultTable)] = try sections.map { title, table in
            guard let names = choice.columns else { return (title, try choice.shaped(table)) }
            return (title, try table.selecting(names.filter(table.columns.contains)))
        }
        if let names = choice.columns, let unknown = names.first(where: { name in !sections.contains { $0.1.columns.contains(name) } }) {
            throw TrackerError("no column '\(unknown)' in any section")
        }
        if choice.format == .xlsx {
            try WorkbookOutput.writeToStandardOutput(Workbook(shaped.map { (title: $0.0, table: $0.1) }))
            return
        }
        if choice.format == .json {
            let parts = shaped.map { title, table in
                "\"\(title.lowercased())\": " + table.render(as: .json).trimmingTrailingNewlines
            }
            write("{\n" + parts.joined(separator: ",\n") + "\n}\n")
            return
        }
        let options = renderOptions(byteOrderMark: choice.byteOrderMark, rawCSV: choice.rawCSV)
        for (index, (title, table)) in shaped.enumerated() {
            if index > 0 { write("\n") }
            switch choice.format {
            case .markdown: write("## \(title)\n\n")
            case .csv: write((index == 0 && choice.byteOrderMark ? "\u{FEFF}" : "") + "# \(title)\n")
            default: write("\(title)\n")
            }
            var sectionOptions = options
            sectionOptions.byteOrderMark = false
            write(table.render(as: choice.format, options: sectionOptions))
        }
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.last == "\n" { text.removeLast() }
        return String(text)
    }
}
