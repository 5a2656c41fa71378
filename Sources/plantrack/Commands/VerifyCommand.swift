import ArgumentParser
import Glibc
import Tracker

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "verify",
        commandName: "verify",
        abstract: "Check the database: migration checksums, schema and triggers, the hash chain of the log, integrity, foreign keys.",
        discussion: """
            Read-only. Exits 0 when every check passes, 1 otherwise, naming what changed — for the \
            append-only log, the first row that no longer matches its link in the hash chain.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Also check the database against this signed checkpoint (`plantrack checkpoint`).", valueName: "file"))
    var checkpoint: String?

    @Option(name: .customLong("public-key"), help: ArgumentHelp("The office's public key the checkpoint must be signed with (base64).", valueName: "key"))
    var publicKey: String?

    func validate() throws {
        if publicKey != nil, checkpoint == nil { throw CommandLineError(message: "--public-key goes with --checkpoint FILE") }
    }

    func run() throws {
        guard access(global.databasePath, F_OK) == 0 else {
            throw TrackerError("no database at \(global.databasePath); nothing to verify")
        }
        if let checkpoint {
            try Companion.exec("plantrack-checkpoint",
                               ["verify", "--db", global.databasePath, "--checkpoint", checkpoint] + (publicKey.map { ["--public-key", $0] } ?? []))
        }
        let tracker = try global.open(.inspect)
        let report = try Verifier.verify(tracker)
        for check in report.checks {
            let detail = check.name == "hash chain" ? " (\(report.chainedRows) rows)" : ""
            Console.line("\(check.passed ? "ok" : "FAILED")  \(check.name)\(detail)")
            for problem in check.problems { Console.line("    \(problem)") }
        }
        guard report.passed else {
            throw TrackerError("\(tracker.path): verification failed (\(report.checks.filter { !$0.passed }.map(\.name).joined(separator: ", ")))")
        }
    }
}
