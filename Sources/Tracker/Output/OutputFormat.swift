/// How a listing is printed; every listing command takes `--format`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, markdown
}

/// Terminal facts that only the `table` format uses.
public struct RenderOptions: Sendable {
    /// The width to fit the table into; `nil` when stdout is not a terminal (no wrapping).
    public var terminalWidth: Int?
    /// Bold headers; the caller enables it only on a TTY without `NO_COLOR`.
    public var color: Bool

    public init(terminalWidth: Int? = nil, color: Bool = false) {
        self.terminalWidth = terminalWidth
        self.color = color
    }
}
