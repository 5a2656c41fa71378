import ArgumentParser
import Presentation
import Tracker

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "import",
        commandName: "import",
        abstract: "Import plan documents (default: the bundled ones).",
        discussion: """
            UTF-8 text or Markdown, Chinese or English, with optional front matter (title, url, source, date, \
            translation_of); or a saved web page (.html), Word file (.docx) or PDF (.pdf), converted to that outline \
            by plantrack-convert. A translation fills the English text of the plan it translates instead of creating a plan.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Plan documents to import.", valueName: "file"))
    var files: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Print what would be extracted; write nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("With --dry-run: table (a summary) or json (every row with its line and quote).", valueName: "format"))
    var format: OutputFormat = .table

    @Option(name: .customLong("translation-of"), help: ArgumentHelp("Attach FILE to this plan as its translation.", valueName: "slug"))
    var translationOf: String?

    @Flag(name: .customLong("text-only"), help: "Store the documents for search only (no plan); without it, a document with no plan items is refused.")
    var textOnly = false

    @Option(help: ArgumentHelp("A curation overlay (as written by `curate export`), kept and applied to every later import.", valueName: "file"))
    var curation: String?

    func validate() throws {
        if format != .table && format != .json { throw ValidationError("--format: import prints table or json") }
        if format == .json && !dryRun { throw ValidationError("--format json needs --dry-run") }
        if translationOf != nil && files.count != 1 { throw ValidationError("--translation-of takes exactly one file") }
    }

    func run() throws {
        let documents = try files.isEmpty ? nil : files.map { PlanDocument(fileName: $0, bytes: try readFile($0)) }
        let overlay = try curation.map { PlanDocument(fileName: $0, bytes: try readFile($0)) }
        if dryRun {
            if format == .json {
                Console.write(try TrackerDatabase.previewImportJSON(documents, curation: overlay, translationOf: translationOf))
            } else {
                for summary in try TrackerDatabase.previewImport(documents, curation: overlay, translationOf: translationOf) {
                    Console.write(summary)
                }
            }
            return
        }
        let outcomes = try global.open(.create).importDocuments(documents, curation: overlay, translationOf: translationOf, textOnly: textOnly)
        for outcome in outcomes {
            var line = outcome.summary
            // A document stored for search only (--text-only) says so, rather than inventing rows.
            if documents != nil, outcome.change != .unchanged, outcome.translationOf == nil, outcome.actions == 0 {
                line += "; no plan structure found (0 actions): stored for search only"
            }
            Console.line(line)
        }
    }
}
