import Storage

/// A view's rules at any date: the view's own SQL (from `sqlite_master`) with its one
/// `date('now', 'localtime') AS as_of` replaced by the bound `:as_of`. The view is the only
/// copy of the rules; the CLI's `--as-of` queries and any SQLite client read the same text.
enum ViewAsOf {
    static let todayExpression = "date('now', 'localtime') AS as_of"

    /// The SELECT that view `name` is, computed as of `:as_of`.
    static func sql(view name: String, in db: Database) throws -> String {
        guard let create = try db.fetchOne(
            "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", [name], { $0.string(at: 0) })
        else { throw TrackerError("the database has no view \(name); run `plantrack migrate`") }
        let ranges = create.ranges(of: todayExpression)
        // The body starts after the first "AS" that follows the view's name.
        guard ranges.count == 1, let named = create.firstRange(of: name),
            let keyword = create[named.upperBound...].firstRange(of: /(?i)\bAS\b/)
        else { throw TrackerError("view \(name) does not have the shape its as-of query needs") }
        var body = String(create[keyword.upperBound...])
        body.replace(todayExpression, with: ":as_of AS as_of")
        return body
    }
}
