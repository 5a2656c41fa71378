import Importer
import Storage

/// Splits a body into the passages `plantrack search` indexes, one per non-blank line, for documents
/// that come without the importer's passages (and their original line numbers).
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
    /// Replaces the passages of document `documentID` with those of `document`; the FTS index
    /// follows through the triggers of Migrations/0003_search.sql.
    ///
    /// The importer gives each block with the line of the original file it starts on. A document
    /// built without them (by hand, in tests) is split here instead, with lines of its body, as the
    /// migration does for documents imported before passages existed.
    func replacePassages(documentID: Int64, of document: ImportedDocument) throws {
        try db.execute("DELETE FROM passages WHERE document_id = ?", [documentID])
        let passages = document.passages.isEmpty
            ? PassageSplitter.passages(of: document.body).map { SourceRef(line: $0.line, quote: $0.text) }
            : document.passages.filter { !$0.quote.isEmpty }
        for passage in passages {
            try db.execute(
                "INSERT INTO passages (document_id, line, text) VALUES (?, ?, ?)", [documentID, max(passage.line, 1), passage.quote])
        }
    }
}
