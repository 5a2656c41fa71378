import ArgumentParser
import Glibc
import Tracker

struct Plantrack: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(examples: "",
        commandName: "plantrack",
        abstract: "Track the implementation of a policy plan in one SQLite file.",
        discussion: """
            Start with `plantrack init`, which creates ./plantrack.db (or --db PATH) and imports the \
            bundled AI Capacity-Building Action Plan.
            """,
        version: "plantrack \(version)",
        subcommands: [
            InitCommand.self, MigrateCommand.self, ImportCommand.self, PlanCommand.self, ActionCommand.self,
            ProgressCommand.self, CommitmentCommand.self, TrainingCommand.self, MilestoneCommand.self, IndicatorCommand.self,
            InitiativeCommand.self, ReportCommand.self, SQLCommand.self, SearchCommand.self,
            DashboardCommand.self, BriefCommand.self, ExportCommand.self, PublishCommand.self, BackupCommand.self, VerifyCommand.self, CheckpointCommand.self, DatasetteMetadataCommand.self,
            CurateCommand.self,
            ServeCommand.self, UserCommand.self, TokenCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
}

@main
enum Main {
    static func main() {
        // The shell asking for completions: ArgumentParser answers, with nothing checked first.
        if CommandLine.arguments.dropFirst().first == "---completion" {
            Plantrack.main()
            return
        }
        do {
            try ISODate.checkPinnedToday()
            try RepeatedOptions.check(CommandLine.arguments.dropFirst())
        } catch {
            exit(report(error))
        }
        if let command = FastPath.command(CommandLine.arguments.dropFirst()) {
            do { try command.run() } catch { exit(report(error)) }
            return
        }
        if let unknown = CommandSuggestion.unknownCommand(in: Array(CommandLine.arguments.dropFirst())) {
            Console.error(Escaped.line(unknown))
            exit(64)
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
        // A failed command leaves no new file behind.
        TrackerDatabase.discardCreatedFiles()
        if let refusal = error as? RepeatedOptions.Refusal {
            Console.error(Escaped.line(refusal.description))
            return ExitCode.validationFailure.rawValue
        }
        if let error = error as? TrackerError {
            Console.error(Escaped.line(CommandLineError(error).description))
            return 1
        }
        if let (lines, field) = UserFacingError.describe(error) {
            // One line per bad CSV line, as FILE:LINE: column: problem, then the summary.
            for line in lines.dropLast() { Console.write(Escaped.line(line) + "\n", to: STDERR_FILENO) }
            let last = lines.last ?? ""
            Console.error(Escaped.line(CommandLineError.label(for: field).map { "\($0): \(last)" } ?? last))
            return 1
        }
        let code = Plantrack.exitCode(for: error)
        if code.isSuccess {
            Console.write(Plantrack.fullMessage(for: error) + "\n")
            return 0
        }
        let text = Plantrack.message(for: error)
        var line = text.split(separator: "\n").first.map(String.init) ?? text
        // A missing or unexpected argument also gets the usage, on the same line (errors are one
        // line): the shape of the command is what is wrong. A bad value's message names its option.
        let shapeIsWrong = line.hasPrefix("Missing expected argument") || line.contains("nexpected argument")
        if code.rawValue == 64, shapeIsWrong,
           let usage = Plantrack.fullMessage(for: error).split(separator: "\n").first(where: { $0.hasPrefix("Usage:") }) {
            line += "; usage:" + usage.dropFirst("Usage:".count)
        }
        Console.error(Escaped.line(line))
        return code.rawValue
    }
}
