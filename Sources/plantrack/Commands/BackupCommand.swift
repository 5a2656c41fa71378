import ArgumentParser
import Tracker

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "backup",
        commandName: "backup",
        abstract: "Write an online, consistent copy of the database (SQLite's backup API), safe while others write.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The copy to write; it must not exist yet.", valueName: "file"))
    var file: String

    func run() throws {
        let tracker = try global.open(.readOnly)
        try tracker.backup(to: file)
        Console.line("\(tracker.path) → \(file)")
    }
}
