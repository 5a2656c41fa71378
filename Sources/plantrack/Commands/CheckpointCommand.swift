import ArgumentParser
import Tracker

struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "checkpoint",
        commandName: "checkpoint",
        abstract: "Sign the hash chain's current length and last link with the office's Ed25519 key; print the statement.",
        discussion: """
            The statement names the chain's last link and, per append-only table, how many rows are \
            chained; it is signed with the key in --key (made on first use, readable by its owner only; \
            keep it away from the database). Publish each statement and the key's public half \
            (--public-key): `plantrack verify --checkpoint FILE --public-key KEY` then fails when rows \
            logged before it were cut off, rewritten, or added later and dated back. The latest \
            statement is also kept in the database; `plantrack serve` publishes it at /checkpoint.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The signing key's file (made when missing).", valueName: "file"))
    var key: String

    @Option(help: ArgumentHelp("Write the statement to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("public-key"), help: "Print the key's public half (base64) and stop.")
    var printPublicKey = false

    func run() throws {
        if printPublicKey { try Companion.exec("plantrack-checkpoint", ["public-key", "--key", key]) }
        try Companion.exec("plantrack-checkpoint", ["make", "--db", global.databasePath, "--key", key] + (output.map { ["--output", $0] } ?? []))
    }
}
