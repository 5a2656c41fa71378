import ArgumentParser

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dashboard", abstract: "HTML dashboard (not yet available).")
    func run() throws { throw ValidationError("dashboard is not built yet") }
}
