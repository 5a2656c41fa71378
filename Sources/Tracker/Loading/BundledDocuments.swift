import Importer
import Storage

/// The curation overlay and the text it was read from (part of each import's fingerprint).
public struct CurationFile: Sendable {
    public let overlay: Curation
    public let text: String
}

extension TrackerDatabase {
    /// The documents compiled into the binary from Seeds/documents, as (file name, bytes).
    public static var bundledDocuments: [(fileName: String, bytes: [UInt8])] {
        EmbeddedResources.seeds
            .filter { $0.name.hasPrefix("documents/") }
            .map { (String($0.name.dropFirst("documents/".count)), Array($0.contents.utf8)) }
    }

    /// Seeds/curation.json, compiled into the binary.
    public static func bundledCuration() throws -> CurationFile {
        guard let file = EmbeddedResources.seeds.first(where: { $0.name == "curation.json" }) else {
            return CurationFile(overlay: .empty, text: "")
        }
        return CurationFile(overlay: try Curation(json: file.contents), text: file.contents)
    }

    /// Imports `documents` in one write transaction: all of them, or none when one fails.
    public func importDocuments(_ documents: [(fileName: String, bytes: [UInt8])]) throws -> [ImportOutcome] {
        let curation = try Self.bundledCuration()
        let loader = DocumentLoader(db: db)
        return try db.inTransaction(.immediate) {
            try documents.map { try loader.importDocument(fileName: $0.fileName, bytes: $0.bytes, curation: curation) }
        }
    }

    public func importBundledDocuments() throws -> [ImportOutcome] {
        try importDocuments(Self.bundledDocuments)
    }
}
