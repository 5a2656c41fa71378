import ArgumentParser
import Importer
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
        let documents = try files.isEmpty ? TrackerDatabase.bundledDocuments : files.map { path in
            (fileName: path, bytes: try readFile(path))
        }
        if dryRun {
            let curation = try TrackerDatabase.bundledCuration()
            for document in documents {
                let imported = try DocumentImporter.importDocument(
                    fileName: document.fileName, bytes: document.bytes, curation: curation.overlay,
                    today: ISODate.today().description)
                Console.write(imported.summary())
            }
            return
        }
        let tracker = try global.open(.create)
        try TrackerDatabase.migrator().migrate(tracker.db)
        for outcome in try tracker.importDocuments(documents) { Console.line(outcome.summary) }
    }
}
