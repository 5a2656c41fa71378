import Importer
import Storage

/// The curation overlay and the text it was read from (part of each import's fingerprint).
struct CurationFile: Sendable {
    let overlay: Curation
    let text: String
}

extension TrackerDatabase {
    /// The documents compiled into the binary from Seeds/documents.
    public static var bundledDocuments: [PlanDocument] {
        EmbeddedResources.seeds
            .filter { $0.name.hasPrefix("documents/") }
            .map { PlanDocument(fileName: String($0.name.dropFirst("documents/".count)), bytes: Array($0.contents.utf8)) }
    }

    /// Seeds/curation.json, compiled into the binary.
    static func bundledCuration() throws -> CurationFile {
        guard let file = EmbeddedResources.seeds.first(where: { $0.name == "curation.json" }) else {
            return CurationFile(overlay: .empty, text: "")
        }
        return CurationFile(overlay: try Curation(json: file.contents), text: file.contents)
    }
}
