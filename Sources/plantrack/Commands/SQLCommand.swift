import ArgumentParser

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sql", abstract: "Run one read-only SQL statement (not yet available).")
    func run() throws { throw ValidationError("sql is not built yet") }
}
