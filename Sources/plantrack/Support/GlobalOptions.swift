import ArgumentParser
import Glibc
import Tracker

/// `--db PATH`, shared by every command: the flag, else `$PLANTRACK_DB`, else `./plantrack.db`.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $PLANTRACK_DB, else ./plantrack.db).", valueName: "path"))
    var db: String?

    mutating func validate() throws {
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

/// `--format table|csv|json|markdown`, for every listing.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table
}

/// `--plan SLUG`, for commands that act on a plan's actions.
struct PlanOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The plan (default: the bundled plan, or the only one).", valueName: "slug"))
    var plan: String?
}

/// `--as-of DATE`: compute from what was reported on or before DATE.
struct AsOfOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Compute from rows reported on or before this date (default: today).", valueName: "date"), transform: Parse.date)
    var asOf: Checked<ISODate>?

    mutating func validate() throws { _ = try asOf.get(.asOf) }

    /// The date given, else today; validate() has refused a bad one.
    var date: ISODate { (try? asOf.get(.asOf)) ?? nil ?? .today() }
}
