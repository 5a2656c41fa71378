import Tracker
import Glibc
import Storage

/// The published open data: each public table as CSV and as JSON, and the SQLite file itself with
/// only the public tables. Public is a list, not "everything but the accounts": a table added
/// later (accounts, sessions, tokens, whatever their name) stays out until it is listed here.
enum OpenData {
    /// The tables published as CSV and JSON, in this order.
    static let tables = [
        "plans", "visions", "actions", "commitments", "milestones", "progress_updates", "commitment_actuals",
        "training_sessions", "training_withdrawals", "indicators", "indicator_values", "initiatives",
        "documents", "sources", "curation_overlays",
    ]

    /// Where the copy of the database goes in the site.
    static let databasePath = "data/plantrack.db"

    /// Where the latest signed checkpoint goes, when there is one.
    static let checkpointPath = "data/checkpoint.txt"

    /// Also kept in the SQLite file: search and the log's tamper-evidence (with the signed
    /// checkpoints), which anyone may recheck.
    static let alsoInDatabase: Set<String> = [
        "passages", "integrity_chain", "append_only_tables", "schema_migrations", "checkpoints",
        // Which old progress updates were a session's (migration 0011): the as-of views read it.
        "derived_session_updates",
    ]

    /// Kept in the SQLite file with no rows: `imported_files` names local files, but without the
    /// table the copy's schema is not the one the migrations build and `verify` (and so
    /// `verify --checkpoint` on the published copy) would fail.
    static let emptiedInDatabase: Set<String> = ["imported_files"]

    /// `(path under data/, text)` for each table that exists: TABLE.csv and TABLE.json, then index.json.
    static func files(_ db: Database) throws -> [(String, String)] {
        let existing = Set(try db.fetchAll("SELECT name FROM sqlite_master WHERE type = 'table'") { try $0["name"] as String })
        var files: [(String, String)] = []
        var index: [[DatabaseValue]] = []
        for table in tables where existing.contains(table) {
            let rows = try ResultTable.query(db, "SELECT * FROM \"\(table)\" ORDER BY rowid")
            files.append(("\(table).csv", CSVWriter.render(rows)))
            files.append(("\(table).json", JSONWriter.render(rows)))
            index.append([.text(table), .integer(Int64(rows.rows.count)), .text("\(table).csv"), .text("\(table).json")])
        }
        index.append([.text("database"), .null, .text("plantrack.db"), .null])
        files.append(("index.json", JSONWriter.render(ResultTable(columns: ["table", "rows", "csv", "json"], rows: index))))
        return files
    }

    /// A copy of the database at `path` holding only the public tables (and the full-text indexes
    /// over them): accounts never leave the server. VACUUM INTO takes one consistent snapshot; the
    /// copy is then cut down and vacuumed again, so no deleted page keeps a password hash.
    static func writeDatabase(from db: Database, to path: String) throws {
        unlink(path)
        // The copy is a scratch file until it is moved into place (SiteWriter), so it needs neither
        // syncs nor a journal: with them, publishing spent most of its time waiting for the disk.
        try db.execute("PRAGMA synchronous = OFF")
        try db.execute("VACUUM INTO ?", [path])
        let copy = try Database(path: path, mode: .readWrite, writeAheadLog: false)
        try copy.execute("PRAGMA foreign_keys = OFF")
        try copy.execute("PRAGMA journal_mode = OFF")
        try copy.execute("PRAGMA synchronous = OFF")
        try copy.execute("PRAGMA temp_store = MEMORY")
        let keep = Set(tables).union(alsoInDatabase).union(emptiedInDatabase)
        for table in emptiedInDatabase { try copy.execute("DELETE FROM \"\(table)\"") }
        let virtual = try copy.fetchAll("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'") { try $0["name"] as String }
        let all = try copy.fetchAll("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'") { try $0["name"] as String }
        for table in all where !keep.contains(table) && !virtual.contains(table) {
            // The shadow tables of a full-text index go with the index itself.
            if virtual.contains(where: { table.hasPrefix($0 + "_") }) { continue }
            try copy.execute("DROP TABLE IF EXISTS \"\(table.replacingOccurrences(of: "\""))\"")
        }
        // A view over a dropped table would fail when queried: dropped too.
        for view in try copy.fetchAll("SELECT name FROM sqlite_master WHERE type = 'view'", .none, { try $0["name"] as String }) {
            do { _ = try copy.fetchAll("SELECT * FROM \"\(view)\" LIMIT 0") { _ in () } } catch {
                try copy.execute("DROP VIEW \"\(view)\"")
            }
        }
        try copy.execute("VACUUM")
    }
}
