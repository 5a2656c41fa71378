import ArgumentParser
import Storage
import Tracker

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending migrations; --status lists applied and pending ones with checksums.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Flag(name: .long, help: "List applied and pending migrations instead of applying them.")
    var status = false

    func run() throws {
        let migrator = try TrackerDatabase.migrator()
        // --status only looks: on a missing file it fails rather than create one.
        let tracker = try global.open(status ? .inspect : .create)
        if status {
            let rows = try migrator.status(of: tracker.db).map { state -> [DatabaseValue] in
                [.integer(Int64(state.version)), .text(state.name), .text(state.checksum),
                 state.appliedAt.map(DatabaseValue.text) ?? .null, .text(state.appliedAt == nil ? "pending" : "applied")]
            }
            Console.print(ResultTable(columns: ["version", "name", "checksum", "applied_at", "state"], rows: rows), as: output.format)
            return
        }
        let applied = try migrator.migrate(tracker.db)
        Console.line(applied.isEmpty
            ? "\(tracker.path): schema up to date"
            : applied.map { "applied \($0.fileName)" }.joined(separator: "\n"))
    }
}
