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
    /// A document given by hand that yields no plan items is refused (nothing is written), so a
    /// script cannot take an empty import for success; `textOnly` stores documents for search only
    /// (passages, initiatives and figures; no plan).
    public func importDocuments(
        _ documents: [PlanDocument]? = nil, curation: PlanDocument? = nil, translationOf: String? = nil, textOnly: Bool = false
    ) throws -> [ImportOutcome] {
        let overlay = try curation.map(Self.curationOverlay)
        // Pages, Word files and PDFs are converted before anything is written: a refused file changes nothing.
        let converted = try (documents ?? Self.bundledDocuments).map(DocumentConversion.convert)
        _ = try migrateSchema()
        let bundled = try Self.bundledCuration()
        let loader = DocumentLoader(db: db)
        return try db.inTransaction(.immediate) {
            if let overlay { try storeCuration(overlay) }
            let kept = try keptCuration()
            return try converted.map {
                let outcome = try loader.importDocument(
                    $0, curation: try self.curation(for: $0.fileName, bundled: bundled, kept: kept), translationOf: translationOf,
                    textOnly: textOnly)
                if documents != nil, !textOnly, outcome.change != .unchanged, outcome.translationOf == nil, outcome.actions == 0 {
                    throw TrackerError(
                        "\($0.fileName): no plan structure found (0 actions); nothing imported (--text-only stores it for search only; see `import --dry-run`)")
                }
                return outcome
            }
        }
    }

    /// What importing `documents` (the bundled ones when nil) would extract, as text; needs no database.
    public static func previewImport(
        _ documents: [PlanDocument]? = nil, curation: PlanDocument? = nil, translationOf: String? = nil
    ) throws -> [String] {
        try previewExtraction(documents, curation: curation, translationOf: translationOf).map { imported, converted in
            var summary = imported.summary()
            // What a page, Word file or PDF lost on its way to text, so a reader can check nothing of the plan went.
            if let format = converted.format {
                summary += (summary.hasSuffix("\n") ? "" : "\n") + "read as \(format); dropped \(Plural.count(converted.dropped.count, "passage"))"
                    + (converted.dropped.isEmpty ? "" : ":") + "\n"
                for passage in converted.dropped {
                    let shown = passage.count > 100 ? String(passage.prefix(100)) + "…" : passage
                    summary += "  - \(shown)\n"
                }
            }
            return summary
        }
    }

    /// `import --dry-run --format json`: the full extraction, every row with its line and quote.
    public static func previewImportJSON(
        _ documents: [PlanDocument]? = nil, curation: PlanDocument? = nil, translationOf: String? = nil
    ) throws -> String {
        ImportedDocument.json(try previewExtraction(documents, curation: curation, translationOf: translationOf).map(\.0))
    }

    private static func previewExtraction(
        _ documents: [PlanDocument]?, curation: PlanDocument?, translationOf: String?
    ) throws -> [(ImportedDocument, ConvertedDocument)] {
        var overlay = try bundledCuration().overlay
        if let curation { overlay = overlay.merging(try curationOverlay(curation)) }
        return try (documents ?? bundledDocuments).map { document in
            let converted = try DocumentConversion.convert(document)
            var imported = try DocumentImporter.importDocument(
                fileName: converted.fileName, bytes: converted.text, curation: overlay, today: ISODate.today().description)
            if let translationOf { imported.translationOf = translationOf }
            return (imported, converted)
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
