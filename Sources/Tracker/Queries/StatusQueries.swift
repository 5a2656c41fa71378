import Storage

/// The figures that depend on a date: the actions' status and the milestones' progress as of D.
///
/// These apply the rules of the `action_status` view (Migrations/0002_views.sql) to rows reported
/// on or before `:as_of`, and the milestones' are the `commitment_progress` view's own SQL.
public struct StatusQueries {
    let db: Database
    public let plan: PlanScope

    public init(db: Database, plan: PlanScope) {
        self.db = db
        self.plan = plan
    }

    static let actionStatusSQL = """
        WITH latest AS (
            SELECT a.id AS action_id,
                   (SELECT u.id FROM progress_updates u
                    WHERE u.action_id = a.id AND u.reported_on <= :as_of
                      AND NOT EXISTS (SELECT 1 FROM progress_updates c
                                      WHERE c.supersedes_id = u.id AND c.reported_on <= :as_of)
                    ORDER BY u.reported_on DESC, u.id DESC LIMIT 1) AS update_id
            FROM actions a WHERE a.plan_id = :plan
        ),
        -- Corrections in force per action, read through the supersedes_id index: few rows, where
        -- walking each action's updates would fetch every row (2 s instead of 0.1 s at 10^6 updates).
        -- The range stands for IS NOT NULL, which SQLite 3.40 cannot serve from an index; CROSS JOIN
        -- and the unary + keep the planner off the date and action indexes.
        corrected AS MATERIALIZED (
            SELECT x.action_id, count(*) AS n
            FROM progress_updates x CROSS JOIN progress_updates t ON t.id = x.supersedes_id
            WHERE x.supersedes_id >= -9223372036854775808 AND +x.reported_on <= :as_of AND +t.reported_on <= :as_of
            GROUP BY +x.action_id
        )
        SELECT a.number,
               a.title,
               a.title_en,
               coalesce(u.status, 'not-started') AS status,
               u.reported_on AS last_update,
               (SELECT count(*) FROM progress_updates x WHERE x.action_id = a.id AND x.reported_on <= :as_of)
                 - coalesce((SELECT n FROM corrected WHERE corrected.action_id = a.id), 0) AS updates,
               u.percent
        FROM latest
        JOIN actions a ON a.id = latest.action_id
        LEFT JOIN progress_updates u ON u.id = latest.update_id
        ORDER BY a.number
        """

    /// Number, title, status, last update and update count of each action, as of `asOf`.
    public func actionStatus(asOf: ISODate) throws -> ResultTable {
        try ResultTable.query(db, Self.actionStatusSQL, ["as_of": asOf.description, "plan": plan.id])
    }

    /// The `milestone_progress` view's projection of the targets' as-of query: a milestone is a
    /// target counted in sessions, with the rules of `commitment_progress`.
    static func milestoneSQL(_ db: Database) throws -> String {
        """
        SELECT m.slug, m.title, cp.target, cp.due_on, CAST(cp.actual AS INTEGER) AS done,
               CAST(max(cp.target - cp.actual, 0) AS INTEGER) AS remaining,
               cp.pace_per_month, cp.projected_on, cp.status
        FROM (\(try ViewAsOf.sql(view: "commitment_progress", in: db))) cp
        JOIN commitments c ON c.slug = cp.slug
        JOIN milestones m ON m.commitment_id = c.id
        WHERE c.plan_id = :plan
        ORDER BY cp.due_on, m.slug
        """
    }

    /// Each milestone of the plan: target, due date, done, remaining, pace, projection and status.
    public func milestones(asOf: ISODate) throws -> ResultTable {
        try ResultTable.query(db, try Self.milestoneSQL(db), ["as_of": asOf.description, "plan": plan.id])
    }
}
