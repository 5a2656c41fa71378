import Storage

/// The as-of form of a date-dependent view: the view's own SQL, read from `sqlite_master`, with
/// its one "today" expression replaced by the bound parameter `:as_of`.
///
/// So `action list --as-of D` and `SELECT * FROM action_status` are one query text, and a rule
/// changed in a migration changes both (Migrations/0004_status_views.sql explains the form).
enum AsOfQuery {
    /// How each such view opens; the migration writes it exactly so.
    static let todayParameters = "WITH params AS (SELECT date('now', 'localtime') AS as_of)"
    static let boundParameters = "WITH params AS (SELECT :as_of AS as_of)"

    /// The body of view `name` (a `WITH … SELECT …` statement) that takes `:as_of`.
    static func sql(ofView name: String, in db: Database) throws -> String {
        guard let definition = try db.scalarString(
            "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", [name])
        else { throw TrackerError("the database has no view \(name); run `plantrack migrate`") }
        let pieces = definition.split(separator: todayParameters, omittingEmptySubsequences: false)
        // Exactly one "today" expression, and nothing but `CREATE VIEW name AS` before it.
        guard pieces.count == 2, pieces[0].hasPrefix("CREATE VIEW") else {
            throw TrackerError("view \(name) does not open with \(todayParameters); its as-of form cannot be derived")
        }
        return boundParameters + pieces[1]
    }
}
