import Storage

/// One target with its progress as of a date: a row of the `commitment_progress` view.
public struct CommitmentProgressRow: Sendable, Equatable, TableRow {
    public var slug: String
    public var plan: String
    /// The action's number; nil for a main target of the plan.
    public var action: Int?
    public var title: String
    public var target: Double?
    public var qualifier: String?
    public var unit: String?
    public var dueOn: String?
    public var actual: Double?
    public var actualOn: String?
    public var percent: Double?
    public var pacePerMonth: Double?
    public var projectedOn: String?
    public var status: TargetStatus
    /// The commitment's text in the plan's language (not one of the listing's columns).
    public var body: String

    /// The stable keys of `commitment list --format json`, in order.
    public static let columns = [
        "slug", "plan", "action", "title", "target", "qualifier", "unit", "due_on", "actual", "actual_on", "percent",
        "pace_per_month", "projected_on", "status",
    ]
    public static let defaultColumns: [String]? = ["slug", "title", "percent", "due_on", "status"]

    public var cells: [DatabaseValue] {
        [.text(slug), .text(plan), action.map { .integer(Int64($0)) } ?? .null, .text(title), target.map(DatabaseValue.real) ?? .null,
         qualifier.map(DatabaseValue.text) ?? .null, unit.map(DatabaseValue.text) ?? .null, dueOn.map(DatabaseValue.text) ?? .null,
         actual.map(DatabaseValue.real) ?? .null, actualOn.map(DatabaseValue.text) ?? .null, percent.map(DatabaseValue.real) ?? .null,
         pacePerMonth.map(DatabaseValue.real) ?? .null, projectedOn.map(DatabaseValue.text) ?? .null, .text(status.rawValue)]
    }
}

/// The reads of targets, for the CLI, the reports and the dashboard alike.
struct TargetQueries {
    let db: Database

    /// Every target (of the plan with slug `planSlug`, or of every plan), as of `asOf`: plan-level
    /// targets first, then by action number and slug. The rules are the `commitment_progress`
    /// view's, read from the database.
    func progress(planSlug: String?, asOf: ISODate, slug: String? = nil) throws -> [CommitmentProgressRow] {
        let viewSQL = try AsOfQuery.sql(ofView: "commitment_progress", in: db)
        let sql = """
            SELECT \(CommitmentProgressRow.columns.joined(separator: ", ")), body FROM (\(viewSQL))
            WHERE (:plan IS NULL OR plan = :plan) AND (:slug IS NULL OR slug = :slug)
            ORDER BY plan, action IS NOT NULL, action, slug
            """
        return try db.fetchAll(sql, ["as_of": asOf.description, "plan": planSlug, "slug": slug]) { row in
            CommitmentProgressRow(
                slug: try row["slug"], plan: try row["plan"], action: try row["action"], title: try row["title"],
                target: try row["target"], qualifier: try row["qualifier"], unit: try row["unit"], dueOn: try row["due_on"],
                actual: try row["actual"], actualOn: try row["actual_on"], percent: try row["percent"],
                pacePerMonth: try row["pace_per_month"], projectedOn: try row["projected_on"], status: try row["status"],
                body: try row["body"])
        }
    }
}

/// A recorded value of a target that counts as of a date: a row of `commitment_actuals_in_force`.
public struct RecordedActual: Sendable, Equatable {
    public var id: Int64
    public var commitment: String
    public var plan: String
    public var value: Double
    public var measuredOn: String
    public var note: String?
    public var evidenceURL: String?
    public var author: String?
    public var recordedAt: String
}

extension TrackerDatabase {
    /// The recorded values in force as of `asOf` (of every plan when `plan` is nil), latest
    /// measured first: the `commitment_actuals_in_force` view's rows.
    public func actualsInForce(plan: String? = nil, asOf: ISODate) throws -> [RecordedActual] {
        let planSlug = try plan.map { try PlanScope.resolve($0, in: db).slug }
        let sql = """
            SELECT id, commitment, plan, value, measured_on, note, evidence_url, author, recorded_at
            FROM (\(try AsOfQuery.sql(ofView: "commitment_actuals_in_force", in: db)))
            WHERE :plan IS NULL OR plan = :plan ORDER BY measured_on DESC, id DESC
            """
        return try db.fetchAll(sql, ["as_of": asOf.description, "plan": planSlug]) { row in
            RecordedActual(
                id: try row["id"], commitment: try row["commitment"], plan: try row["plan"], value: try row["value"],
                measuredOn: try row["measured_on"], note: try row["note"], evidenceURL: try row["evidence_url"],
                author: try row["author"], recordedAt: try row["recorded_at"])
        }
    }

    /// Every target of `plan` (every plan when nil) as of `asOf`.
    public func commitmentProgress(plan: String? = nil, asOf: ISODate = .today()) throws -> [CommitmentProgressRow] {
        let planSlug = try plan.map { try PlanScope.resolve($0, in: db).slug }
        return try TargetQueries(db: db).progress(planSlug: planSlug, asOf: asOf)
    }

    /// One commitment: its progress as of `asOf`, what it says, and every measured point with its source.
    public func commitmentDetail(_ slug: String, asOf: ISODate = .today()) throws -> (summary: ResultTable, actuals: ResultTable) {
        let commitment = try CommitmentRef.resolve(slug, in: db)
        let progress = try TargetQueries(db: db).progress(planSlug: nil, asOf: asOf, slug: commitment.slug)
        let about = try ResultTable.query(
            db,
            """
            SELECT c.kind, c.body, c.title_en, c.body_en, i.slug AS indicator, m.slug AS milestone, d.slug AS document, s.line, s.quote
            FROM commitments c LEFT JOIN indicators i ON i.id = c.indicator_id LEFT JOIN milestones m ON m.commitment_id = c.id
            LEFT JOIN sources s ON s.id = c.source_id LEFT JOIN documents d ON d.id = s.document_id
            WHERE c.id = :id
            """, ["id": commitment.id])
        var summary = ResultTable(progress)
        summary.columns += about.columns
        summary.rows = zip(summary.rows, about.rows).map { $0 + $1 }
        let actuals = try ResultTable.query(
            db,
            """
            SELECT 'actual' AS source, r.id, r.measured_on AS on_date, r.value, r.note, r.evidence_url, r.author,
                   r.supersedes_id, (SELECT s.id FROM commitment_actuals s WHERE s.supersedes_id = r.id) AS superseded_by,
                   r.recorded_at
            FROM commitment_actuals r WHERE r.commitment_id = :id
            UNION ALL
            SELECT 'indicator ' || i.slug, v.id, v.as_of, v.value, coalesce(v.note, q.quote), v.evidence_url, v.author,
                   v.supersedes_id, (SELECT s.id FROM indicator_values s WHERE s.supersedes_id = v.id), v.recorded_at
            FROM commitments c JOIN indicators i ON i.id = c.indicator_id JOIN indicator_values v ON v.indicator_id = i.id
            LEFT JOIN sources q ON q.id = v.source_id
            WHERE c.id = :id
            UNION ALL
            SELECT 'session', t.id, t.started_on, NULL, t.title || ', ' || t.location
                       || coalesce('; withdrawn ' || w.withdrawn_on || ': ' || w.reason, ''),
                   t.evidence_url, NULL, t.supersedes_id, (SELECT s.id FROM training_sessions s WHERE s.supersedes_id = t.id),
                   t.recorded_at
            FROM milestones m JOIN training_sessions t ON t.milestone_id = m.id
            LEFT JOIN training_withdrawals w ON w.session_id = t.id
            WHERE m.commitment_id = :id
            ORDER BY 3, 2
            """, ["id": commitment.id]
        ).showing(["source", "id", "on_date", "value", "note", "superseded_by"])
        return (summary.showing(CommitmentProgressRow.defaultColumns ?? []), actuals)
    }
}
