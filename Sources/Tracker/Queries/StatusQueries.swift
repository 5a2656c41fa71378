import Storage

/// The figures that depend on a date: the actions' status and the milestones' progress as of D.
///
/// These apply the rules of the `action_status` and `milestone_progress` views (Migrations/
/// 0002_views.sql) to rows reported on or before `:as_of`; a test holds the two to the same answers.
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
            .showing(["number", "title", "status", "last_update", "updates"])
    }

    static let milestoneSQL = """
        WITH base AS (
            SELECT m.id, m.slug, m.title, m.target_count AS target, m.due_on, p.proposed_on, :as_of AS as_of
            FROM milestones m
            JOIN commitments c ON c.id = m.commitment_id
            JOIN actions a ON a.id = c.action_id
            JOIN plans p ON p.id = a.plan_id
            WHERE p.id = :plan
        ),
        ranked AS (
            -- Sessions in the order they were held: the target-th one is when the milestone was reached.
            SELECT t.milestone_id, t.started_on,
                   row_number() OVER (PARTITION BY t.milestone_id ORDER BY t.started_on, t.id) AS n
            FROM training_sessions t WHERE t.started_on <= :as_of
        ),
        counted AS (
            SELECT base.*,
                   (SELECT count(*) FROM training_sessions t WHERE t.milestone_id = base.id AND t.started_on <= base.as_of) AS done,
                   (SELECT count(*) FROM training_sessions t
                    WHERE t.milestone_id = base.id AND t.started_on <= min(base.as_of, base.due_on)) AS done_by_due,
                   (SELECT r.started_on FROM ranked r WHERE r.milestone_id = base.id AND r.n = base.target) AS reached_on
            FROM base
        ),
        paced AS (
            SELECT counted.*,
                   max(target - done, 0) AS remaining,
                   CASE WHEN julianday(as_of) > julianday(proposed_on)
                        THEN done / ((julianday(as_of) - julianday(proposed_on)) / 30.436875) END AS pace
            FROM counted
        ),
        projected AS (
            SELECT paced.*,
                   CASE WHEN remaining = 0 THEN reached_on
                        WHEN pace > 0 THEN date(as_of, '+' || (CAST(remaining / pace * 30.436875 AS INTEGER)
                             + (remaining / pace * 30.436875 > CAST(remaining / pace * 30.436875 AS INTEGER))) || ' days')
                   END AS projected_on
            FROM paced
        )
        SELECT slug, title, target, due_on, done, remaining, round(pace, 2) AS pace_per_month, projected_on,
               CASE WHEN done_by_due >= target THEN 'met'
                    WHEN as_of > due_on THEN 'missed'
                    WHEN projected_on IS NOT NULL AND projected_on <= due_on THEN 'on-track'
                    ELSE 'at-risk' END AS status
        FROM projected
        ORDER BY due_on, slug
        """

    /// Each milestone of the plan: target, due date, done, remaining, pace, projection and status.
    public func milestones(asOf: ISODate) throws -> ResultTable {
        try ResultTable.query(db, Self.milestoneSQL, ["as_of": asOf.description, "plan": plan.id])
            .showing(["slug", "target", "due_on", "done", "pace_per_month", "projected_on", "status"])
    }
}
