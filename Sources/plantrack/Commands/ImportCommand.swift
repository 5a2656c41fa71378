import ArgumentParser
import Tracker

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "import",
        commandName: "import",
        abstract: "Import plan documents (default: the bundled ones).",
        discussion: "UTF-8 text or Markdown, Chinese or English, with optional front matter (title, url, source, date).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Plan documents to import.", valueName: "file"))
    var files: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Print what would be extracted; write nothing.")
    var dryRun = false

    func run() throws {
        let documents = try files.isEmpty ? nil : files.map { PlanDocument(fileName: $0, bytes: try readFile($0)) }
        if dryRun {
            for summary in try TrackerDatabase.previewImport(documents) { Console.write(summary) }
            return
        }
        for outcome in try global.open(.create).importDocuments(documents) { Console.line(outcome.summary) }
    }
}
