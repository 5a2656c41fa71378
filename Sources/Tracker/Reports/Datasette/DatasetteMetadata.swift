import Storage

/// metadata.json for Datasette (https://datasette.io): a title and description for every table and
/// view, full-text search wired to the trigram indexes so the search box works on passages and
/// update notes, and canned queries that run the CLI's own SQL.
public enum DatasetteMetadata {
    /// Title and description of each table and view users see. FTS shadow tables are hidden.
    static let descriptions: [String: (title: String, description: String)] = [
        "schema_migrations": ("Migrations", "Applied schema migrations with the SHA-256 checksum of each file."),
        "documents": ("Documents", "Imported plan documents, with their full text (body) and SHA-256."),
        "sources": ("Sources", "Provenance: a line of a document and the verbatim quote an imported row was read from."),
        "plans": ("Plans", "Policy plans; the bundled one is ai-capacity-building (2024-09-25)."),
        "visions": ("Visions", "A plan's visions (五大愿景), numbered in document order."),
        "actions": ("Actions", "A plan's actions (十项行动), numbered in document order, each under a vision."),
        "commitments": ("Commitments", "Targets of a plan (action_id NULL) or of an action: kind (level, share, deliverable), qualifier, value, unit and due date."),
        "commitment_actuals": ("Commitment values", "Measured values of a target (cumulative level as of measured_on), append-only; a correction supersedes through supersedes_id."),
        "sessions_in_force": ("Sessions in force", "Training sessions in force today (not corrected away, not withdrawn), each with the day it counts from (held_on, its first day) and its number toward its milestone (counts_as): the one home of that rule."),
        "derived_session_updates": ("Derived updates (kept, not counted)", "Progress updates that versions before 11 wrote for each training session, with a count frozen when written; they stay in the append-only log, and no view counts them."),
        "checkpoints": ("Signed checkpoints", "Statements signed with the office's Ed25519 key: the hash chain's length and last link when each was made (plantrack checkpoint; check with plantrack verify --checkpoint)."),
        "commitment_actuals_in_force": ("Recorded values in force", "Values recorded against a target that count today: measured on or before today and not replaced by a correction (a correction replaces a value at every date)."),
        "indicator_values_in_force": ("Indicator values in force", "Dated values of each indicator that count today: on or before today and not replaced by a correction; the points of a target measured by its indicator."),
        "training_withdrawals": ("Withdrawn sessions", "Training sessions withdrawn after they were recorded, with the date and the reason; they no longer count."),
        "commitment_progress": ("Target progress", "Every target today: actual, percent, pace per month, projected date and status (met, on-track, at-risk, missed, no-data; deliverables done, open, missed)."),
        "initiatives": ("Initiatives", "Named initiatives, programmes and policies with the date they were announced."),
        "indicators": ("Indicators", "Quantitative indicators read from the documents."),
        "indicator_values": ("Indicator values", "Each value of an indicator with qualifier (=, >, ~ …) and as-of date: read from a source, or recorded by hand with evidence."),
        "milestones": ("Milestones", "Countable milestones built on a commitment, such as the 2025 training programme."),
        "training_sessions": ("Training sessions", "Held training and workshop sessions (append-only); the milestone each counts toward."),
        "progress_updates": ("Progress updates", "Progress reported against actions (append-only). A correction supersedes an update through supersedes_id. Search looks in the notes."),
        "integrity_chain": ("Integrity chain", "One SHA-256 link per append-only row, each over the one before; `plantrack verify` recomputes it."),
        "append_only_tables": ("Append-only tables", "The tables whose rows are chained in integrity_chain and cannot be updated, deleted or replaced."),
        "imported_files": ("Imported CSV files", "Each progress CSV imported: its SHA-256, file name, row count and time; the same file is refused a second time."),
        "curation_overlays": ("Curation overlays", "Hand-kept fixes applied with import --curation (titles, English titles, dropped rows, vision links), one entry per document; every later import applies them."),
        "passages": ("Passages", "Documents split into lines, for full-text search. Search looks in the text."),
        "passages_fts": ("Passage index", "Trigram full-text index over passages.text."),
        "update_notes_fts": ("Update-note index", "Trigram full-text index over progress_updates.note."),
        "action_status": ("Action status", "Each action's current status: its latest update that no correction supersedes; not-started without one."),
        "milestone_progress": ("Milestone progress", "Each milestone (a target counted in training sessions) today: done, remaining, pace per month, projected date and status."),
        "indicator_latest": ("Latest indicator values", "The latest value of each indicator with the document, line and quote."),
        "timeline": ("Timeline", "Every progress update with its plan and action, oldest first."),
    ]

    /// Tables searched through an FTS5 index: the table, its index and the key the index's rowid is.
    static let searchable: [(table: String, index: String, key: String)] = [
        ("passages", "passages_fts", "id"),
        ("progress_updates", "update_notes_fts", "id"),
    ]

    /// `:plan` when given, else the bundled plan, else the first one (as the CLI's default plan).
    static let planSlug = "coalesce(nullif(:plan, ''), (SELECT slug FROM plans WHERE slug = '\(PlanScope.bundledSlug)'), (SELECT slug FROM plans ORDER BY id LIMIT 1))"

    /// The canned queries: name, title, description, SQL. `:date` is the as-of date; the two
    /// date-dependent ones run the views' own as-of SQL, as `action list` and `milestone list` do.
    static func queries(in db: Database) throws -> [(name: String, title: String, description: String, sql: String)] {
        [
            ("status_as_of", "Action status as of a date",
             "What `plantrack action list --as-of DATE` prints: each action's status from the updates reported on or before :date. Leave plan empty for the bundled plan.",
             "SELECT number, title, status, last_update, updates, percent FROM (\(try dated(view: "action_status", in: db))) WHERE plan = \(planSlug) ORDER BY number"),
            ("targets_behind_schedule", "Targets behind schedule",
             "Targets whose pace misses the due date (at-risk) or whose due date passed short of the target (missed), as of :date; the rows of `plantrack commitment list --as-of DATE` with those statuses.",
             "SELECT slug, plan, action, title, target, qualifier, unit, due_on, actual, actual_on, percent, pace_per_month, projected_on, status FROM (\(try dated(view: "commitment_progress", in: db))) WHERE plan = \(planSlug) AND status IN ('at-risk', 'missed') ORDER BY action IS NOT NULL, action, slug"),
            ("sessions_per_quarter", "Training sessions per quarter",
             "Sessions in force today (the sessions_in_force view: not corrected away, not withdrawn) per calendar quarter of the day each was held, by milestone, with participants summed; countries is the largest count of any one session, since the same country may come to several.",
             """
             SELECT milestone, substr(held_on, 1, 4) || '-Q' || ((CAST(substr(held_on, 6, 2) AS INTEGER) + 2) / 3) AS quarter,
                    count(*) AS sessions, sum(participants) AS participants, max(countries) AS most_countries
             FROM sessions_in_force WHERE milestone IS NOT NULL
             GROUP BY milestone, quarter ORDER BY milestone, quarter
             """),
        ]
    }

    /// The view's as-of SQL with its parameter called `:date`, the name a reader expects in a form.
    static func dated(view: String, in db: Database) throws -> String {
        try AsOfQuery.sql(ofView: view, in: db).split(separator: ":as_of", omittingEmptySubsequences: false).joined(separator: ":date")
    }

    /// The metadata for the database Datasette will call `name` (the file name without `.db`),
    /// covering every table and view in `db`.
    public static func json(for db: Database, name: String) throws -> String {
        let objects = try db.fetchAll(
            "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY type, name"
        ) { (try $0["name"] as String, try $0["type"] as String) }
        let shadow = ["_data", "_idx", "_docsize", "_config", "_content"]
        var tables: [String] = []
        for (table, _) in objects {
            var fields: [String] = []
            if shadow.contains(where: { table.hasSuffix($0) }), objects.contains(where: { table.hasPrefix($0.0) && $0.0.hasSuffix("_fts") }) {
                fields.append("\"hidden\": true")
            } else {
                let entry = descriptions[table] ?? (table, "")
                fields.append("\"title\": \(JSONWriter.stringLiteral(entry.title))")
                if !entry.description.isEmpty { fields.append("\"description\": \(JSONWriter.stringLiteral(entry.description))") }
            }
            if let search = searchable.first(where: { $0.table == table }) {
                fields.append("\"fts_table\": \(JSONWriter.stringLiteral(search.index))")
                fields.append("\"fts_pk\": \(JSONWriter.stringLiteral(search.key))")
            }
            tables.append("        \(JSONWriter.stringLiteral(table)): {\(fields.joined(separator: ", "))}")
        }
        let canned = try queries(in: db).map { query in
            """
                    \(JSONWriter.stringLiteral(query.name)): {
                      "title": \(JSONWriter.stringLiteral(query.title)),
                      "description": \(JSONWriter.stringLiteral(query.description)),
                      "sql": \(JSONWriter.stringLiteral(query.sql))
                    }
            """
        }
        return """
            {
              "title": "plantrack",
              "description": "Implementation of policy plans: actions, progress updates, training sessions, milestones and indicators, each linked to its source. Search works on passages and progress updates.",
              "databases": {
                \(JSONWriter.stringLiteral(name)): {
                  "tables": {
            \(tables.joined(separator: ",\n"))
                  },
                  "queries": {
            \(canned.joined(separator: ",\n"))
                  }
                }
              }
            }

            """
    }
}
