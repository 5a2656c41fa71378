import ArgumentParser
import Tracker

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "migrate",
        commandName: "migrate",
        abstract: "Apply pending migrations; --status lists applied and pending ones with checksums.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Flag(name: .long, help: "List applied and pending migrations instead of applying them.")
    var status = false

    func run() throws {
        // --status only looks: on a missing file it fails rather than create one.
        let tracker = try global.open(status ? .inspect : .create)
        if status {
            Console.print(ResultTable(try tracker.migrationStatus()), as: output.format)
            return
        }
        let applied = try tracker.migrate()
        Console.line(applied.isEmpty ? "\(tracker.path): schema up to date" : applied.map { "applied \($0)" }.joined(separator: "\n"))
    }
}
