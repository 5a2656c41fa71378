import ArgumentParser
import Presentation
import Tracker

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "sql",
        commandName: "sql", abstract: "Run one read-only SQL statement and print its rows.",
        discussion: """
            The statement runs on a read-only connection; writes, ATTACH, pragmas that set, VACUUM and \
            load_extension are refused, as is more than one statement. Views for reporting: action_status, \
            milestone_progress, commitment_progress, indicator_latest, timeline; full-text indexes (FTS5, trigram): passages_fts \
            over passages, update_notes_fts over progress_updates.note. Parameters are bound by name: \
            --param n=3 binds :n. A value that reads back unchanged as an integer (42, -7) or as a decimal \
            (2.5, 1e3) binds as a number; anything else (dates, slugs, 007) as text.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: ArgumentHelp("One SQL statement, e.g. \"SELECT * FROM action_status\".", valueName: "query"))
    var query: String

    @Option(name: .customLong("param"), help: ArgumentHelp("Bind :name to value; repeatable.", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: ArgumentHelp("Stop the statement after this many seconds.", valueName: "seconds"))
    var timeout: Double = 30

    func validate() throws {
        if output.columns != nil { throw CommandLineError(message: "--columns: name the columns in the SELECT instead") }
        _ = try parameters.map(QueryParameter.init(parsing:))
        guard timeout.isFinite, timeout > 0, timeout <= 86_400 else {
            throw TrackerError("--timeout: expected seconds between 0 and 86400")
        }
    }

    func run() throws {
        let bound = try parameters.map(QueryParameter.init(parsing:))
        let tracker = try global.open(.readOnly)
        if output.format.format == .xlsx {
            let table = try ReadOnlyQuery.run(query, parameters: bound, timeoutSeconds: timeout, in: tracker)
            try WorkbookOutput.writeToStandardOutput(Workbook([(title: "sql", table: try output.format.shaped(table))]))
            return
        }
        // The rows stream, so the byte-order mark goes first, on its own.
        if output.bom { Console.write("\u{FEFF}") }
        try ReadOnlyQuery.stream(
            query, parameters: bound, timeoutSeconds: timeout, format: output.format.format, options: Console.renderOptions(rawCSV: output.raw),
            in: tracker, write: Console.write)
    }
}
