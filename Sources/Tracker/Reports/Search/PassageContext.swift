import Storage

extension TrackerDatabase {
    /// Passages of document `slug` from `line - around` to `line + around` lines, in order: where a search hit was found.
    public func passages(document slug: String, line: Int, around: Int = 6) throws -> [(line: Int, text: String)] {
        try db.fetchAll(
            """
            SELECT p.line, p.text FROM passages p JOIN documents d ON d.id = p.document_id
            WHERE d.slug = ? AND p.line BETWEEN ? AND ? ORDER BY p.line, p.id
            """, [slug, line - around, line + around]
        ) { row in (try row["line"] as Int, try row["text"] as String) }
    }
}
