import Storage

/// The as-of form of a date-dependent view: the view's own SQL, read from `sqlite_master`, with
/// its one "today" expression replaced by the bound parameter `:as_of`.
///
/// So `action list --as-of D` and `SELECT * FROM action_status` are one query text, and a rule
/// changed in a migration changes both (Migrations/0004_status_views.sql explains the form).
/// A view may read other such views (action_status reads commitment_progress, which reads
/// sessions_in_force): their as-of forms join the query as common table expressions of the same
/// names, which SQLite reads in place of the views, all under the one `params`. So every view
/// sees the date asked for, and each rule still lives in one view.
enum AsOfQuery {
    /// How each such view opens; the migration writes it exactly so.
    static let todayParameters = "WITH params AS (SELECT date('now', 'localtime') AS as_of)"
    static let boundParameters = "WITH params AS (SELECT :as_of AS as_of)"

    /// The body of view `name` (a `WITH … SELECT …` statement) that takes `:as_of`.
    static func sql(ofView name: String, in db: Database) throws -> String {
        let views = try dateViews(in: db)
        guard let body = views[name] else {
            guard try db.scalarString("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", [name]) != nil else {
                throw TrackerError("the database has no view \(name); run `plantrack migrate`")
            }
            throw TrackerError("view \(name) does not open with \(todayParameters); its as-of form cannot be derived")
        }
        var order: [String] = []
        try collect(name, views: views, order: &order, visiting: [])
        let dependencies = order.dropLast().map { "\($0) AS (\(nested(views[$0]!)))" }
        guard !dependencies.isEmpty else { return boundParameters + body }
        let rest = body.drop { $0 == " " || $0 == "\n" }
        // The view's own CTEs follow the dependencies; without any, its SELECT does.
        return boundParameters + ",\n" + dependencies.joined(separator: ",\n") + (rest.hasPrefix(",") ? "" : "\n") + rest
    }

    /// Views that open with `todayParameters`, each with the text after it.
    static func dateViews(in db: Database) throws -> [String: Substring] {
        var views: [String: Substring] = [:]
        for (name, definition) in try db.fetchAll("SELECT name, sql FROM sqlite_master WHERE type = 'view'", [], { (try $0["name"] as String, try $0["sql"] as String) }) {
            let pieces = definition.split(separator: todayParameters, omittingEmptySubsequences: false)
            // Exactly one "today" expression, and nothing but `CREATE VIEW name AS` before it.
            if pieces.count == 2, pieces[0].hasPrefix("CREATE VIEW") { views[name] = pieces[1] }
        }
        return views
    }

    /// `name`'s date views, dependencies first, then `name`.
    static func collect(_ name: String, views: [String: Substring], order: inout [String], visiting: Set<String>) throws {
        guard !order.contains(name) else { return }
        guard !visiting.contains(name) else { throw TrackerError("view \(name) reads itself through other views") }
        let body = views[name]!
        for other in views.keys.sorted() where other != name && mentions(body, other) {
            try collect(other, views: views, order: &order, visiting: visiting.union([name]))
        }
        order.append(name)
    }

    /// A view's text after `params` as a statement of its own: its CTEs, if any, become a WITH.
    static func nested(_ body: Substring) -> String {
        let rest = body.drop { $0 == " " || $0 == "\n" }
        return rest.hasPrefix(",") ? "WITH " + rest.dropFirst() : String(rest)
    }

    /// Whether `text` names `word` as a whole identifier.
    static func mentions(_ text: Substring, _ word: String) -> Bool {
        var search = text[...]
        while let range = search.firstRange(of: word) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !isIdentifier(before), !isIdentifier(after) { return true }
            search = text[range.upperBound...]
        }
        return false
    }

    static func isIdentifier(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character == "_" || character.isLetter || character.isNumber
    }
}
