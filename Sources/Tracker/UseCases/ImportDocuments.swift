import Importer

/// A plan document as read: its file name (which finds its curation entry) and its bytes.
public struct PlanDocument: Sendable, Equatable {
    public var fileName: String
    public var bytes: [UInt8]

    public init(fileName: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.bytes = bytes
    }
}

extension TrackerDatabase {
    /// Brings the schema up to date, then imports `documents` (the bundled ones when nil) in one
    /// write transaction: all of them, or none when one fails. Returns what each import did.
    public func importDocuments(_ documents: [PlanDocument]? = nil) throws -> [ImportOutcome] {
        try Self.migrator().migrate(db)
        let curation = try Self.bundledCuration()
        let loader = DocumentLoader(db: db)
        return try db.inTransaction(.immediate) {
            try (documents ?? Self.bundledDocuments).map {
                try loader.importDocument(fileName: $0.fileName, bytes: $0.bytes, curation: curation)
            }
        }
    }

    /// What importing `documents` (the bundled ones when nil) would extract, as text; needs no database.
    public static func previewImport(_ documents: [PlanDocument]? = nil) throws -> [String] {
        let curation = try bundledCuration()
        return try (documents ?? bundledDocuments).map { document in
            try DocumentImporter.importDocument(
                fileName: document.fileName, bytes: document.bytes, curation: curation.overlay,
                today: ISODate.today().description
            ).summary()
        }
    }
}
