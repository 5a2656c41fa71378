import ArgumentParser
import Tracker

struct ProgressImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "progress import",
        commandName: "import",
        abstract: "Bulk-load updates from CSV, all or nothing.",
        discussion: """
            Header: action,reported_on,status,note,evidence_url,author (optional extra columns: percent, commitment). \
            Every line is checked first; any bad line means nothing is written, and each is reported as FILE:LINE: column: problem. The file's SHA-256 is recorded: the same file is refused a second time unless --again.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"))
    var file: String

    @Flag(name: .customLong("dry-run"), help: "Check every line; write nothing.")
    var dryRun = false

    @Flag(help: "Import a file whose exact bytes were imported before (refused otherwise).")
    var again = false

    @Flag(name: .customLong("allow-duplicate"), help: "Import lines that repeat exactly an update recorded in the last 10 minutes (refused otherwise).")
    var allowDuplicate = false

    func run() throws {
        let result = try global.open(.existing).importProgress(
            ImportProgressRequest(plan: planOptions.plan, path: file, dryRun: dryRun, again: again,
                                 allowDuplicate: allowDuplicate))
        let updates = Plural.count(result.updates, "update")
        Console.line(dryRun ? "\(file): \(updates) would be imported (dry run; nothing written)" : "\(file): imported \(updates)")
    }
}
