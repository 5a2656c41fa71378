import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Built-in reports (not yet available).")
    func run() throws { throw ValidationError("report is not built yet") }
}
