import ArgumentParser
import Tracker

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "init",
        commandName: "init",
        abstract: "Create or migrate the database, then import the bundled documents (idempotent).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let tracker = try global.open(.create)
        let result = try tracker.initialize()
        let applied = result.appliedMigrations
        Console.line("\(tracker.path): schema " + (applied.isEmpty ? "up to date" : "migrated (\(applied.joined(separator: ", ")))"))
        for outcome in result.documents { Console.line(outcome.summary) }
    }
}
