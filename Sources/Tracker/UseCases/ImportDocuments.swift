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
    /// `curation` (`import --curation FILE`, an overlay as `curate export` writes it) is kept in the
    /// database first, so this import and every later one apply it over the bundled overlay;
    /// `translationOf` attaches the documents to that plan as its translation.
    public func importDocuments(
        _ documents: [PlanDocument]? = nil, curation: PlanDocument? = nil, translationOf: String? = nil
    ) throws -> [ImportOutcome] {
        let overlay = try curation.map(Self.curationOverlay)
        _ = try migrateSchema()
        let bundled = try Self.bundledCuration()
        let loader = DocumentLoader(db: db)
        return try db.inTransaction(.immediate) {
            if let overlay { try storeCuration(overlay) }
            let kept = try keptCuration()
            return try (documents ?? Self.bundledDocuments).map {
                try loader.importDocument(
                    fileName: $0.fileName, bytes: $0.bytes, curation: try self.curation(for: $0.fileName, bundled: bundled, kept: kept),
                    translationOf: translationOf)
            }
        }
    }

    /// What importing `documents` (the bundled ones when nil) would extract, as text; needs no database.
    public static func previewImport(
        _ documents: [PlanDocument]? = nil, curation: PlanDocument? = nil, translationOf: String? = nil
    ) throws -> [String] {
        try previewExtraction(documents, curation: curation, translationOf: translationOf).map { $0.summary() }
    }

    /// `import --dry-run --format json`: the full extraction, every row with its line and quote.
    public static func previewImportJSON(
        _ documents: [PlanDocument]? = nil, curation: PlanDocument? = nil, translationOf: String? = nil
    ) throws -> String {
        ImportedDocument.json(try previewExtraction(documents, curation: curation, translationOf: translationOf))
    }

    private static func previewExtraction(
        _ documents: [PlanDocument]?, curation: PlanDocument?, translationOf: String?
    ) throws -> [ImportedDocument] {
        var overlay = try bundledCuration().overlay
        if let curation { overlay = overlay.merging(try curationOverlay(curation)) }
        return try (documents ?? bundledDocuments).map { document in
            var imported = try DocumentImporter.importDocument(
                fileName: document.fileName, bytes: document.bytes, curation: overlay, today: ISODate.today().description)
            if let translationOf { imported.translationOf = translationOf }
            return imported
        }
    }

    /// A curation overlay file, or an error naming it.
    private static func curationOverlay(_ file: PlanDocument) throws -> Curation {
        do {
            return try Curation(json: String(decoding: file.bytes, as: UTF8.self))
        } catch let error as ImportError {
            throw TrackerError("\(file.fileName): \(error.message)")
        }
    }
}
