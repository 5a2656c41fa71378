import ArgumentParser
import Glibc
import Presentation
import Tracker

/// `--db PATH`, shared by every command: the flag, else `$PLANTRACK_DB`, else `./plantrack.db`.
struct GlobalOptions: ParsableArguments, OptionTable {
    static let options: [CommandOption] = [.db]

    @Option(name: GlobalOptions.declared(.db), help: ArgumentHelp("The database file (default: $PLANTRACK_DB, else ./plantrack.db).", valueName: "path"))
    var db: String?

    mutating func validate() throws { try Self.validate(db: db) }

    /// What `validate()` refuses; the fast path calls it too.
    static func validate(db: String?) throws {
        if db?.isEmpty == true { throw CommandLineError(message: "--db: the database path is empty") }
    }

    var databasePath: String { Self.databasePath(flag: db) }

    static func databasePath(flag: String?) -> String {
        if let flag { return flag }
        if let fromEnvironment = getenv("PLANTRACK_DB").map({ String(cString: $0) }), !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "plantrack.db"
    }

    func open(_ access: TrackerDatabase.Access) throws -> TrackerDatabase {
        try TrackerDatabase(path: databasePath, access: access)
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// `--format table|csv|json|markdown`, `--wide`, `--columns` and `--bom`, for every listing.
struct FormatOptions: ParsableArguments, OptionTable {
    static let options: [CommandOption] = [.format, .wide, .columns, .bom, .raw]

    @Option(name: FormatOptions.declared(.format), help: "Output format: table, csv, json, markdown or xlsx (an Excel workbook on stdout, redirected to a file).")
    var formatName: OutputFormat = .table

    @Flag(name: FormatOptions.declared(.wide), help: "Show every column (a table shows the listing's main columns by default).")
    var wide = false

    @Option(name: FormatOptions.declared(.columns), help: ArgumentHelp("Only these columns, in this order, e.g. id,status,note (any format).", valueName: "a,b,c"))
    var columns: String?

    @Flag(name: FormatOptions.declared(.bom), help: "CSV: start with a byte-order mark, so Excel reads Chinese text correctly.")
    var bom = false

    @Flag(name: FormatOptions.declared(.raw), help: "CSV: text exactly as stored; by default a cell starting with = + - @ gets a leading ' so spreadsheets never run it as a formula.")
    var raw = false

    func validate() throws { try format.validate() }

    /// Everything that decides how a listing is printed.
    var format: OutputChoice {
        Self.choice(format: formatName, wide: wide, columns: columns, bom: bom, raw: raw)
    }

    static func choice(format: OutputFormat, wide: Bool, columns: String?, bom: Bool, raw: Bool) -> OutputChoice {
        OutputChoice(format: format, wide: wide, columns: columns.map(columnNames), byteOrderMark: bom, rawCSV: raw)
    }

    private static func columnNames(_ list: String) -> [String] {
        list.split(separator: ",").map { String($0.filter { !$0.isWhitespace }) }.filter { !$0.isEmpty }
    }
}

/// The output format with the column selection and CSV options that go with it.
struct OutputChoice: Equatable {
    var format: OutputFormat
    var wide = false
    /// `--columns`: exactly these, for every format.
    var columns: [String]?
    var byteOrderMark = false
    var rawCSV = false

    static func == (choice: OutputChoice, format: OutputFormat) -> Bool { choice.format == format }

    /// The combinations `FormatOptions` refuses.
    func validate() throws {
        if byteOrderMark, format != .csv { throw CommandLineError(message: "--bom applies only to --format csv") }
        if rawCSV, format != .csv { throw CommandLineError(message: "--raw applies only to --format csv") }
        if wide, columns != nil { throw CommandLineError(message: "--wide and --columns cannot be combined") }
        if columns?.isEmpty == true { throw CommandLineError(message: "--columns: name at least one column") }
    }

    /// The table as this choice shows it: `--columns`, else the listing's default columns in a
    /// `table` (unless `--wide`), else every column. CSV, JSON and Markdown keep every column, so
    /// scripts and spreadsheets see the stable keys.
    func shaped(_ table: ResultTable) throws -> ResultTable {
        if let columns {
            do { return try table.selecting(columns) } catch let error as TrackerError { throw CommandLineError(message: "--columns: \(error.message)") }
        }
        return format == .table && !wide ? table.withDefaultColumns : table
    }
}

extension TextSearch {
    static func table(_ hits: [SearchHit], for choice: OutputChoice) -> ResultTable { table(hits, for: choice.format) }
}

/// `--plan SLUG`, for commands that act on a plan's actions.
struct PlanOptions: ParsableArguments, OptionTable {
    static let options: [CommandOption] = [.plan]

    @Option(name: PlanOptions.declared(.plan), help: ArgumentHelp("The plan (default: the bundled plan, or the only one).", valueName: "slug"), completion: Completions.plans)
    var plan: String?
}

/// `--as-of DATE`: compute from what was reported on or before DATE.
struct AsOfOptions: ParsableArguments, OptionTable {
    static let options: [CommandOption] = [.asOf]

    @Option(name: AsOfOptions.declared(.asOf), help: ArgumentHelp("Compute from rows reported on or before this date (default: today).", valueName: "date"), transform: Parse.date)
    var asOf: Checked<ISODate>?

    mutating func validate() throws { try Self.validate(asOf) }

    /// What `validate()` refuses; the fast path calls it too.
    static func validate(_ asOf: Checked<ISODate>?) throws { _ = try asOf.get(.asOf) }

    /// The date given, else today; validate() has refused a bad one.
    var date: ISODate { (try? asOf.get(.asOf)) ?? .today() }
}

extension Language: ExpressibleByArgument {}

/// `--lang zh|en` for the dashboard and the briefing.
struct LanguageOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Language of the labels: zh or en (default: the plan's language).", valueName: "lang"))
    var lang: Language?
}
