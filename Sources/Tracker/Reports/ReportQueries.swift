import Storage

/// The queries behind the reports that StatusQueries does not already answer.
///
/// As-of rules are those of StatusQueries: only rows reported (or held) on or before `:as_of`
/// count, and an update is in force unless a correction reported by then supersedes it.
struct ReportQueries {
    let db: Database
    let plan: PlanScope

    /// Sessions held up to `asOf` and in force then (`sessions_in_force`) that count toward one of
    /// the plan's milestones, numbered in the order they were held, then the baseline sessions
    /// that count toward none.
    func sessions(asOf: ISODate) throws -> [SessionRow] {
        try db.fetchAll(
            """
            SELECT coalesce(s.milestone, 'baseline') AS milestone, s.counts_as, s.started_on, s.ended_on, s.title,
                   s.location, s.host, s.participants, s.countries, s.evidence_url
            FROM (\(try AsOfQuery.sql(ofView: "sessions_in_force", in: db))) s
            LEFT JOIN milestones m ON m.id = s.milestone_id
            WHERE s.plan = :plan OR s.milestone_id IS NULL
            ORDER BY m.id IS NULL, m.due_on, m.slug, s.started_on, s.id
            """,
            ["plan": plan.slug, "as_of": asOf.description]
        ) { row in
            SessionRow(
                milestone: try row["milestone"], countsAs: try row["counts_as"], startedOn: try row["started_on"],
                endedOn: try row["ended_on"], title: try row["title"], location: try row["location"], host: try row["host"],
                participants: try row["participants"], countries: try row["countries"], evidenceURL: try row["evidence_url"])
        }
    }

    static let updatesInForceSQL = """
        SELECT u.*, a.number AS action_number, a.title AS action_title
        FROM progress_updates u JOIN actions a ON a.id = u.action_id
        WHERE a.plan_id = :plan AND u.reported_on <= :as_of
          AND NOT EXISTS (SELECT 1 FROM progress_updates c WHERE c.supersedes_id = u.id AND c.reported_on <= :as_of)
          AND NOT EXISTS (SELECT 1 FROM derived_session_updates d WHERE d.update_id = u.id)
        """

    /// The note of each action's latest update in force as of `asOf` (the one its status comes from),
    /// by action number.
    func latestNotes(asOf: ISODate) throws -> [Int: String] { try latestUpdates(asOf: asOf).mapValues(\.note) }

    /// The evidence URL of that update, for the actions whose latest update has one.
    func latestEvidence(asOf: ISODate) throws -> [Int: String] { try latestUpdates(asOf: asOf).compactMapValues(\.evidenceURL) }

    private func latestUpdates(asOf: ISODate) throws -> [Int: (note: String, evidenceURL: String?)] {
        // Per action, the first update in force walking its (reported_on, id) index backwards: a few
        // rows read, where ranking every update in force read them all (0.4 s at 10^5 updates).
        let rows = try db.fetchAll(
            """
            SELECT o.number, latest.note, latest.evidence_url
            FROM actions o JOIN progress_updates latest ON latest.id = (
                SELECT u.id FROM (\(Self.updatesInForceSQL)) u
                WHERE u.action_id = o.id ORDER BY u.reported_on DESC, u.id DESC LIMIT 1)
            WHERE o.plan_id = :plan
            """,
            ["plan": plan.id, "as_of": asOf.description]) { (try $0["number"] as Int, (note: try $0["note"] as String, evidenceURL: try $0["evidence_url"] as String?)) }
        return Dictionary(rows) { first, _ in first }
    }

    /// Updates and sessions in force per action per calendar month (`YYYY-MM`), oldest month
    /// first: the events `action_status` counts in `updates`.
    func activity(asOf: ISODate) throws -> [ActivityRow] {
        try db.fetchAll(
            """
            SELECT e.month, e.action, e.title, count(*) AS updates
            FROM (SELECT substr(u.reported_on, 1, 7) AS month, u.action_number AS action, u.action_title AS title
                  FROM (\(Self.updatesInForceSQL)) u
                  UNION ALL
                  SELECT substr(s.held_on, 1, 7), a.number, a.title
                  FROM (\(try AsOfQuery.sql(ofView: "sessions_in_force", in: db))) s JOIN actions a ON a.id = s.action_id
                  WHERE a.plan_id = :plan) e
            GROUP BY e.month, e.action
            ORDER BY e.month, e.action
            """,
            ["plan": plan.id, "as_of": asOf.description]
        ) { ActivityRow(month: try $0["month"], action: try $0["action"], title: try $0["title"], updates: try $0["updates"]) }
    }

    /// Actions whose last update in force is more than `days` days before `asOf`, or that have none.
    /// An update exactly `days` days old still counts as recent.
    func stale(asOf: ISODate, days: Int) throws -> [StaleRow] {
        try db.fetchAll(
            """
            SELECT s.number, s.title, s.status, s.last_update,
                   CAST(julianday(:as_of) - julianday(s.last_update) AS INTEGER) AS days_since_update
            FROM (\(try AsOfQuery.sql(ofView: "action_status", in: db))) s
            WHERE s.plan = :plan AND (s.last_update IS NULL OR s.last_update < :since)
            ORDER BY s.last_update IS NOT NULL, s.last_update, s.number
            """,
            ["plan": plan.slug, "as_of": asOf.description, "since": asOf.adding(days: -days).description]
        ) { row in
            StaleRow(
                number: try row["number"], title: try row["title"], status: try row["status"],
                lastUpdate: try row["last_update"], daysSinceUpdate: try row["days_since_update"])
        }
    }

    /// Every target of the plan past its due date by `asOf` and neither met nor done, from the
    /// rules of `commitment_progress` (a vague due date is due at the end of its year or month).
    func overdue(asOf: ISODate) throws -> [OverdueRow] {
        try db.fetchAll(
            """
            SELECT cp.action, cp.slug AS commitment, cp.title, cp.qualifier, cp.target, cp.unit, cp.due_on,
                   CAST(julianday(:as_of) - julianday(CASE length(cp.due_on) WHEN 4 THEN cp.due_on || '-12-31'
                        WHEN 7 THEN date(cp.due_on || '-01', '+1 month', '-1 day') ELSE cp.due_on END) AS INTEGER) AS days_overdue,
                   cp.actual, cp.percent, cp.status
            FROM (\(try AsOfQuery.sql(ofView: "commitment_progress", in: db))) cp
            WHERE cp.plan = :plan_slug AND cp.status IN ('missed', 'no-data')
              AND days_overdue > 0
            ORDER BY days_overdue DESC, cp.action IS NOT NULL, cp.action, cp.slug
            """,
            ["plan_slug": plan.slug, "as_of": asOf.description]
        ) { row in
            OverdueRow(
                action: try row["action"], commitment: try row["commitment"], title: try row["title"],
                qualifier: try row["qualifier"], target: try row["target"], unit: try row["unit"],
                dueOn: try row["due_on"], daysOverdue: try row["days_overdue"], actual: try row["actual"],
                percent: try row["percent"], status: try row["status"])
        }
    }

    /// The `indicator_latest` view, so the report and an SQL client give the same answer.
    func indicators() throws -> [IndicatorRow] {
        try db.fetchAll(
            "SELECT slug, name, name_en, qualifier, value, unit, as_of, document, line, quote FROM indicator_latest ORDER BY slug"
        ) { row in
            IndicatorRow(
                slug: try row["slug"], name: try row["name"], nameEn: try row["name_en"], qualifier: try row["qualifier"],
                value: try row["value"], unit: try row["unit"], asOf: try row["as_of"], document: try row["document"],
                line: try row["line"], quote: try row["quote"])
        }
    }

    /// Every imported row that points at a source, in document order.
    func sources() throws -> ResultTable {
        try ResultTable.query(
            db,
            """
            WITH provenance (kind, kind_order, id, key, source_id) AS (
                SELECT 'plan', 1, id, slug, source_id FROM plans
                UNION ALL SELECT 'vision', 2, id, 'vision ' || number, source_id FROM visions
                UNION ALL SELECT 'action', 3, id, 'action ' || number, source_id FROM actions
                UNION ALL SELECT 'commitment', 4, id, slug, source_id FROM commitments
                UNION ALL SELECT 'initiative', 5, id, name, source_id FROM initiatives
                UNION ALL SELECT 'indicator', 6, v.id, i.slug || coalesce(' @ ' || v.as_of, ''), v.source_id
                          FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
            )
            SELECT r.kind, r.id, r.key, d.slug AS document, s.line, s.quote
            FROM provenance r
            JOIN sources s ON s.id = r.source_id
            JOIN documents d ON d.id = s.document_id
            ORDER BY d.id, s.line, r.kind_order, r.id
            """)
    }
}

/// A held session, numbered among those of its milestone in the order they were held.
public struct SessionRow: Sendable, Equatable, TableRow {
    /// The milestone's slug, or `baseline` for a session that counts toward none.
    public var milestone: String
    public var countsAs: Int?
    public var startedOn: ISODate
    public var endedOn: ISODate?
    public var title: String
    public var location: String
    public var host: String?
    public var participants: Int?
    public var countries: Int?
    public var evidenceURL: String?

    public static let columns = [
        "milestone", "counts_as", "started_on", "ended_on", "title", "location", "host", "participants", "countries",
        "evidence_url",
    ]
    public static let defaultColumns: [String]? = ["counts_as", "started_on", "title", "location", "participants", "countries"]
    public var cells: [DatabaseValue] {
        [.text(milestone), countsAs.databaseValue, .text(startedOn.description), endedOn?.description.databaseValue ?? .null,
         .text(title), .text(location), host.databaseValue, participants.databaseValue, countries.databaseValue,
         evidenceURL.databaseValue]
    }
}

/// Updates in force on one action in one month.
public struct ActivityRow: Sendable, Equatable, TableRow {
    /// `YYYY-MM`.
    public var month: String
    public var action: Int
    public var title: String
    public var updates: Int

    public static let columns = ["month", "action", "title", "updates"]
    public var cells: [DatabaseValue] { [.text(month), action.databaseValue, .text(title), updates.databaseValue] }
}

/// The latest value of an indicator, with where it was read.
public struct IndicatorRow: Sendable, Equatable, TableRow {
    public var slug: String
    public var name: String
    public var nameEn: String?
    public var qualifier: String
    public var value: Double
    public var unit: String?
    public var asOf: String?
    public var document: String?
    public var line: Int?
    public var quote: String?

    public static let columns = ["slug", "name", "name_en", "qualifier", "value", "unit", "as_of", "document", "line", "quote"]
    public static let defaultColumns: [String]? = ["name", "qualifier", "value", "unit", "as_of"]
    public var cells: [DatabaseValue] {
        [.text(slug), .text(name), nameEn.databaseValue, .text(qualifier), value.databaseValue, unit.databaseValue,
         asOf.databaseValue, document.databaseValue, line.databaseValue, quote.databaseValue]
    }
}

/// An action without a recent update (`report stale`).
public struct StaleRow: Sendable, Equatable, TableRow {
    public var number: Int
    public var title: String
    public var status: Status
    public var lastUpdate: ISODate?
    public var daysSinceUpdate: Int?

    public static let columns = ["number", "title", "status", "last_update", "days_since_update"]
    public var cells: [DatabaseValue] {
        [number.databaseValue, .text(title), .text(status.rawValue), lastUpdate?.description.databaseValue ?? .null,
         daysSinceUpdate.databaseValue]
    }
}

/// A target past its due date, neither met nor done (`report overdue`).
public struct OverdueRow: Sendable, Equatable, TableRow {
    /// The action's number; nil for a main target of the plan.
    public var action: Int?
    public var commitment: String
    public var title: String
    public var qualifier: String?
    public var target: Double?
    public var unit: String?
    /// As the document gives it: `2025`, `2025-12` or `2025-12-31`.
    public var dueOn: String
    public var daysOverdue: Int
    public var actual: Double?
    public var percent: Double?
    public var status: TargetStatus

    public static let columns = [
        "action", "commitment", "title", "qualifier", "target", "unit", "due_on", "days_overdue", "actual", "percent", "status",
    ]
    public static let defaultColumns: [String]? = ["commitment", "title", "due_on", "days_overdue", "status"]
    public var cells: [DatabaseValue] {
        [action.databaseValue, .text(commitment), .text(title), qualifier.databaseValue, target.databaseValue, unit.databaseValue,
         .text(dueOn), daysOverdue.databaseValue, actual.databaseValue, percent.databaseValue, .text(status.rawValue)]
    }
}
