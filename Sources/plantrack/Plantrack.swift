import ArgumentParser
import Glibc
import Importer
import Storage
import Tracker

struct Plantrack: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "plantrack",
        abstract: "Track the implementation of a policy plan in one SQLite file.",
        discussion: """
            Start with `plantrack init`, which creates ./plantrack.db (or --db PATH) and imports the \
            bundled AI Capacity-Building Action Plan.
            """,
        version: "plantrack \(version)",
        subcommands: [
            InitCommand.self, MigrateCommand.self, ImportCommand.self, PlanCommand.self, ActionCommand.self,
            ProgressCommand.self, TrainingCommand.self, MilestoneCommand.self, IndicatorCommand.self,
            InitiativeCommand.self, ReportCommand.self, SQLCommand.self, SearchCommand.self,
            DashboardCommand.self, BackupCommand.self, CurateCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
}

@main
enum Main {
    static func main() {
        if let request = FastPath.progressAdd(CommandLine.arguments.dropFirst()) {
            do { try request.run() } catch { exit(report(error)) }
            return
        }
        do {
            var command = try Plantrack.parseAsRoot()
            try command.run()
        } catch {
            exit(report(error))
        }
    }

    /// Prints `error` as one line on stderr (help and --version go to stdout) and returns the exit code.
    static func report(_ error: any Error) -> Int32 {
        let message: String
        switch error {
        case let error as TrackerError: message = error.message
        case let error as ImportError: message = error.description
        case let error as MigrationError: message = error.description
        case let error as ProgressImport.Failure:
            // One line per bad CSV line, as FILE:LINE: column: problem.
            let lines = error.description.split(separator: "\n")
            for line in lines.dropLast() { Console.write("\(line)\n", to: STDERR_FILENO) }
            message = String(lines.last ?? "")
        case let error as DatabaseError: message = "database: \(error.message) (\(error.codeName))"
        default:
            let code = Plantrack.exitCode(for: error)
            if code.isSuccess {
                Console.write(Plantrack.fullMessage(for: error) + "\n")
                return 0
            }
            let text = Plantrack.message(for: error)
            Console.error(text.split(separator: "\n").first.map(String.init) ?? text)
            return code.rawValue
        }
        Console.error(message)
        return 1
    }
}
