import Importer
import Storage

extension DocumentLoader {
    /// Replaces the passages of document `documentID` with the importer's blocks (each with the
    /// line of the original file it starts on); the FTS index follows through the triggers of
    /// Migrations/0003_search.sql. The importer is the one place that decides what a passage is.
    func replacePassages(documentID: Int64, of document: ImportedDocument) throws {
        try db.execute("DELETE FROM passages WHERE document_id = ?", [documentID])
        for passage in document.passages where !passage.quote.isEmpty {
            try db.execute(
                "INSERT INTO passages (document_id, line, text) VALUES (?, ?, ?)", [documentID, max(passage.line, 1), passage.quote])
        }
    }
}
