import Storage

/// `plantrack search`: every term of the query must occur in a document passage or an update
/// note, as a substring, case-insensitively for ASCII.
///
/// Terms of three characters or more go through the trigram FTS5 indexes of
/// Migrations/0003_search.sql; shorter ones (two-character Chinese words such as 算力, or `AI`)
/// cannot be matched by a trigram index, so they are checked with instr() on the rows themselves.
public struct TextSearch {
    let db: Database

    /// Passages in document order, then update notes newest first, then (when `includingSessions`)
    /// training sessions newest first.
    func search(_ query: String, includingSessions: Bool = false) throws -> [SearchHit] {
        let terms = Self.terms(of: query)
        guard !terms.isEmpty else { throw TrackerError(.search, "the search text is empty") }
        let indexed = terms.filter { $0.unicodeScalars.count >= 3 }
        let scanned = terms.filter { $0.unicodeScalars.count < 3 }
        var arguments: [String: any DatabaseValueConvertible] = [:]
        if !indexed.isEmpty { arguments["match"] = Self.matchExpression(indexed) }
        for (index, term) in scanned.enumerated() { arguments["t\(index)"] = term }

        func conditions(column: String, ftsTable: String, key: String) -> String {
            var conditions: [String] = []
            if !indexed.isEmpty { conditions.append("\(key) IN (SELECT rowid FROM \(ftsTable) WHERE \(ftsTable) MATCH :match)") }
            for index in scanned.indices { conditions.append("instr(lower(\(column)), lower(:t\(index))) > 0") }
            return conditions.joined(separator: " AND ")
        }

        var hits = try db.fetchAll(
            """
            SELECT d.slug, p.line, p.text FROM passages p JOIN documents d ON d.id = p.document_id
            WHERE \(conditions(column: "p.text", ftsTable: "passages_fts", key: "p.id"))
            ORDER BY d.id, p.line, p.id
            """, .init(arguments)
        ) { row in
            SearchHit(
                kind: .passage, document: try row["slug"], line: try row["line"], action: nil, updateID: nil, sessionID: nil,
                reportedOn: nil, snippet: Snippet(try row["text"], matching: terms))
        }
        hits += try db.fetchAll(
            """
            SELECT a.number, u.id, u.reported_on, u.note FROM progress_updates u JOIN actions a ON a.id = u.action_id
            WHERE \(conditions(column: "u.note", ftsTable: "update_notes_fts", key: "u.id"))
            ORDER BY u.reported_on DESC, u.id DESC
            """, .init(arguments)
        ) { row in
            SearchHit(
                kind: .update, document: nil, line: nil, action: try row["number"], updateID: try row["id"], sessionID: nil,
                reportedOn: try row["reported_on"], snippet: Snippet(try row["note"], matching: terms))
        }
        if includingSessions { hits += try sessions(matching: terms) }
        return hits
    }

    /// Training sessions whose title, location, host or withdrawal reason holds every term (a few
    /// rows a plan: scanned with instr(), no index), corrected and withdrawn ones too, as the
    /// training page lists them.
    func sessions(matching terms: [String]) throws -> [SearchHit] {
        var arguments: [String: any DatabaseValueConvertible] = [:]
        for (index, term) in terms.enumerated() { arguments["t\(index)"] = term }
        let text = "t.title || ' · ' || t.location || coalesce(' · ' || t.host, '') || coalesce(' · ' || w.reason, '')"
        let conditions = terms.indices.map { "instr(lower(\(text)), lower(:t\($0))) > 0" }.joined(separator: " AND ")
        return try db.fetchAll(
            """
            SELECT t.id, t.started_on, \(text) AS text FROM training_sessions t
            LEFT JOIN training_withdrawals w ON w.session_id = t.id
            WHERE \(conditions)
            ORDER BY t.started_on DESC, t.id DESC
            """, .init(arguments)
        ) { row in
            SearchHit(
                kind: .session, document: nil, line: nil, action: nil, updateID: nil, sessionID: try row["id"],
                reportedOn: try row["started_on"], snippet: Snippet(try row["text"], matching: terms))
        }
    }

    /// The query's terms: split at white space (including the ideographic space), duplicates dropped.
    static func terms(of query: String) -> [String] {
        var seen: Set<String> = []
        return query.split(whereSeparator: \.isWhitespace).map(String.init).filter { seen.insert($0).inserted }
    }

    /// Each term as a quoted FTS5 string (so `"`, `*`, `AND` and the like are plain text), all required.
    static func matchExpression(_ terms: [String]) -> String {
        terms.map { term in
            var quoted = "\""
            for character in term {
                if character == "\"" { quoted += "\"" }
                quoted.append(character)
            }
            return quoted + "\""
        }.joined(separator: " AND ")
    }

}

/// One match: a passage (document and line), an update note (action and update id) or a
/// training session (its id).
public struct SearchHit: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case passage, update, session
    }

    public let kind: Kind
    public let document: String?
    public let line: Int?
    public let action: Int?
    public let updateID: Int64?
    public let sessionID: Int64?
    /// The update's date, or the session's start.
    public let reportedOn: String?
    public let snippet: Snippet

    /// `document:line` for a passage, `action N, update #ID, DATE` for a note.
    public var location: String {
        switch kind {
        case .passage: "\(document ?? "?"):\(line ?? 0)"
        case .update: "action \(action ?? 0), update #\(updateID ?? 0)" + (reportedOn.map { ", \($0)" } ?? "")
        case .session: "training session #\(sessionID ?? 0)" + (reportedOn.map { ", \($0)" } ?? "")
        }
    }
}

/// The part of a text around its first match, with every match marked.
public struct Snippet: Sendable, Equatable {
    public struct Segment: Sendable, Equatable {
        public let text: String
        public let isMatch: Bool
    }

    public let segments: [Segment]

    /// Characters kept before the first match, and at most in all (plus the match when longer).
    static let leadingContext = 30
    static let maximumLength = 100

    public init(_ text: String, matching terms: [String]) {
        // Line breaks inside a note would break a table row; the snippet is one line.
        let characters = text.map { $0.isNewline ? " " : $0 }
        let matches = Self.matches(of: terms, in: characters)
        let first = matches.first ?? 0..<0
        var start = max(0, first.lowerBound - Self.leadingContext)
        // Do not open on half an English word: skip to the next space when the cut falls inside one.
        func isWordCharacter(_ character: Character) -> Bool { character.isASCII && (character.isLetter || character.isNumber) }
        if start > 0, isWordCharacter(characters[start - 1]) {
            while start < first.lowerBound, isWordCharacter(characters[start]) { start += 1 }
        }
        while start < first.lowerBound, characters[start].isWhitespace { start += 1 }
        let end = min(characters.count, max(start + Self.maximumLength, first.upperBound))

        var segments: [Segment] = []
        if start > 0 { segments.append(Segment(text: "…", isMatch: false)) }
        var position = start
        for match in matches where match.lowerBound < end {
            let lower = max(match.lowerBound, position)
            let upper = min(match.upperBound, end)
            guard lower < upper else { continue }
            if position < lower { segments.append(Segment(text: Self.text(characters[position..<lower]), isMatch: false)) }
            segments.append(Segment(text: Self.text(characters[lower..<upper]), isMatch: true))
            position = upper
        }
        if position < end { segments.append(Segment(text: Self.text(characters[position..<end]), isMatch: false)) }
        if end < characters.count { segments.append(Segment(text: "…", isMatch: false)) }
        self.segments = segments
    }

    /// The characters as a String, appended one by one: `String(_:)` over a slice of characters is
    /// the stdlib's unspecialised generic and cost 12 000 instructions a segment (callgrind).
    static func text(_ characters: ArraySlice<Character>) -> String {
        var text = ""
        for character in characters { text.append(character) }
        return text
    }

    public var plain: String { segments.map(\.text).joined() }

    public func highlighted(open: String = "[", close: String = "]") -> String {
        segments.map { $0.isMatch ? open + $0.text + close : $0.text }.joined()
    }

    /// Where the terms occur, merged where they overlap, in order. Case is folded per character,
    /// as the trigram index folds it.
    static func matches(of terms: [String], in characters: [Character]) -> [Range<Int>] {
        let folded = characters.map { String($0).lowercased() }
        var ranges: [Range<Int>] = []
        for term in terms {
            let needle = term.map { String($0).lowercased() }
            guard !needle.isEmpty, needle.count <= folded.count else { continue }
            for start in 0...(folded.count - needle.count) where folded[start] == needle[0] {
                if folded[start..<start + needle.count].elementsEqual(needle) { ranges.append(start..<start + needle.count) }
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}

extension TrackerDatabase {
    /// Document passages and update notes that contain every term of `text`; with
    /// `includingSessions` (the web app's search), training sessions too. The command line's
    /// output keeps its columns.
    public func search(_ text: String, includingSessions: Bool = false) throws -> [SearchHit] {
        try TextSearch(db: db).search(text, includingSessions: includingSessions)
    }
}
