import ArgumentParser

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Full-text search (not yet available).")
    func run() throws { throw ValidationError("search is not built yet") }
}
