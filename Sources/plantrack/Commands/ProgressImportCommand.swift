import ArgumentParser
import Tracker

struct ProgressImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "progress import",
        commandName: "import",
        abstract: "Bulk-load updates from CSV, all or nothing.",
        discussion: """
            Header: action,reported_on,status,note,evidence_url,author (optional extra columns: percent, commitment). \
            Every line is checked first; any bad line means nothing is written, and each is reported as FILE:LINE: column: problem.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"))
    var file: String

    @Flag(name: .customLong("dry-run"), help: "Check every line; write nothing.")
    var dryRun = false

    func run() throws {
        let tracker = try global.open(.existing)
        let count = try tracker.db.inTransaction(.immediate) {
            let plan = try PlanScope.resolve(planOptions.plan, in: tracker.db)
            return try ProgressImport(log: ProgressLog(db: tracker.db, plan: plan)).run(path: file, displayName: file, dryRun: dryRun)
        }
        Console.line(dryRun ? "\(file): \(count) updates would be imported (dry run; nothing written)" : "\(file): imported \(count) updates")
    }
}
