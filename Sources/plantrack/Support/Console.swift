import Glibc
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
    static var renderOptions: RenderOptions {
        guard isTerminal else { return RenderOptions() }
        var size = winsize()
        let width = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 100
        return RenderOptions(terminalWidth: width, color: getenv("NO_COLOR") == nil)
    }

    static func print(_ table: ResultTable, as format: OutputFormat) {
        write(table.render(as: format, options: renderOptions))
    }
}

extension Console {
    /// Several tables under headings; JSON gets one object keyed by heading, so it stays valid.
    static func printSections(_ sections: [(String, ResultTable)], as format: OutputFormat) {
        if format == .json {
            let parts = sections.map { title, table in
                "\"\(title.lowercased())\": " + table.render(as: .json).trimmingTrailingNewlines
            }
            write("{\n" + parts.joined(separator: ",\n") + "\n}\n")
            return
        }
        for (index, (title, table)) in sections.enumerated() {
            if index > 0 { write("\n") }
            switch format {
            case .markdown: write("## \(title)\n\n")
            case .csv: write("# \(title)\n")
            default: write("\(title)\n")
            }
            print(table, as: format)
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
