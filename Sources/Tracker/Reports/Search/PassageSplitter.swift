import Storage

/// Splits a document's body into the passages `plantrack search` indexes: one per non-blank line.
///
/// The importer's normalised body holds one paragraph, heading or list item per line (blocks are
/// separated by blank lines, list items by single newlines), so a line is a paragraph.
/// Migrations/0003_search.sql applies the same rule to documents imported before it existed.
public enum PassageSplitter {
    public struct Passage: Sendable, Equatable {
        /// 1-based line of the body.
        public let line: Int
        public let text: String
    }

    /// What a passage is trimmed of; the migration's trim() uses the same characters.
    static let trimmed: Set<Character> = [" ", "\t", "\r", "\u{3000}", "\u{00A0}"]

    public static func passages(of body: String) -> [Passage] {
        var passages: [Passage] = []
        var line = 0
        // Split on "\n" alone: "\r\n" is one Character in Swift, and the body's line ends are "\n".
        for rawLine in body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            let text = Substring(rawLine)
            let start = text.firstIndex { !trimmed.contains($0) } ?? text.endIndex
            let end = text.lastIndex { !trimmed.contains($0) }.map(text.index(after:)) ?? start
            if start < end { passages.append(Passage(line: line, text: String(text[start..<end]))) }
        }
        return passages
    }
}

extension DocumentLoader {
    /// Replaces the passages of document `documentID` with those of `body`; the FTS index
    /// follows through the triggers of Migrations/0003_search.sql.
    ///
    /// TODO(importer): `line` is the line of the normalised body, not of the original file, because
    /// ImportedDocument does not carry the body→file line map (NormalisedText.lineOf). Please expose
    /// one SourceRef per block (e.g. `ImportedDocument.passages: [SourceRef]`, built with
    /// `NormalisedText.source(block.range)`); then insert those here instead of splitting the
    /// body, and bump `DocumentLoader.importerVersion` so existing databases are re-read.
    func replacePassages(documentID: Int64, body: String) throws {
        try db.execute("DELETE FROM passages WHERE document_id = ?", [documentID])
        for passage in PassageSplitter.passages(of: body) {
            try db.execute(
                "INSERT INTO passages (document_id, line, text) VALUES (?, ?, ?)", [documentID, passage.line, passage.text])
        }
    }
}
