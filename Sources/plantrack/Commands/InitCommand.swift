import ArgumentParser
import Tracker

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "init",
        commandName: "init",
        abstract: "Create or migrate the database, then import the bundled documents (idempotent).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let tracker = try global.open(.create)
        let applied = try TrackerDatabase.migrator().migrate(tracker.db)
        let outcomes = try tracker.importBundledDocuments()
        Console.line("\(tracker.path): schema " + (applied.isEmpty ? "up to date" : "migrated (\(applied.map(\.fileName).joined(separator: ", ")))"))
        for outcome in outcomes { Console.line(outcome.summary) }
    }
}
