import ArgumentParser
import Tracker

struct DatasetteMetadataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "datasette-metadata",
        commandName: "datasette-metadata",
        abstract: "Print metadata.json for Datasette: titles, descriptions, full-text search, canned queries.",
        discussion: """
            Datasette names a database after its file (plantrack.db → plantrack), so the metadata is \
            written for the file --db names. Canned queries: status_as_of, targets_behind_schedule, \
            sessions_per_quarter.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let tracker = try global.open(.readOnly)
        let path = global.databasePath
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let name = file.hasSuffix(".db") ? String(file.dropLast(3)) : file
        Console.write(try tracker.datasetteMetadata(name: name))
    }
}
