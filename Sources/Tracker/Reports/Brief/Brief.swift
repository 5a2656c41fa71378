import Storage

/// A one-page briefing: where the plan stands as of a date, by vision; every target with its
/// progress; what changed since an earlier date; what is overdue or has gone quiet. Read as typed
/// rows with the reports' own SQL, so its figures are those of `plantrack report`.
public struct Brief: Sendable {
    /// A progress update reported in the period.
    public struct Change: Sendable, Equatable {
        public var id: Int64
        public var action: Int
        public var reportedOn: ISODate
        public var status: Status
        public var percent: Double?
        public var note: String
        public var evidenceURL: String?
        /// The update this one corrects, if it is a correction.
        public var corrects: Int64?
    }

    /// A commitment (target) of the plan and how far it has come.
    public struct Target: Sendable, Equatable {
        public enum State: String, Sendable {
            /// Counted in sessions: the milestone's status.
            case met, onTrack = "on-track", atRisk = "at-risk", missed
            /// A deliverable: its action completed, still open, or past due without completion.
            case done, open
        }

        public var slug: String
        public var action: Int
        public var body: String
        public var targetValue: Double?
        public var targetUnit: String?
        public var dueOn: String?
        /// `done of target` for a milestone's commitment.
        public var done: Int?
        /// The latest percent reported against the commitment, else against its action.
        public var percent: Double?
        public var projectedOn: ISODate?
        public var state: State
    }

    public static let defaultPeriodDays = 30

    public var data: DashboardData
    public var since: ISODate
    public var staleDays: Int
    public var changes: [Change]
    /// Sessions held in the period, counted or baseline.
    public var sessionsSince: [DashboardData.Session]
    public var targets: [Target]
    public var overdue: [OverdueRow]
    public var stale: [StaleRow]

    /// The briefing as of `asOf`; changes are those reported on or after `since` (default: 30 days
    /// before `asOf`); an action is stale after `staleDays` without an update, as in `report stale`.
    init(db: Database, plan: PlanScope, asOf: ISODate, since: ISODate? = nil,
                staleDays: Int = ReportParameters.defaultStaleDays) throws {
        data = try DashboardData(db: db, plan: plan, asOf: asOf)
        self.since = since ?? asOf.adding(days: -Self.defaultPeriodDays)
        self.staleDays = staleDays
        let arguments: StatementArguments = ["plan": plan.id, "as_of": asOf.description, "since": self.since.description]

        changes = try db.fetchAll(
            """
            SELECT u.id, a.number, u.reported_on, u.status, u.percent, u.note, u.evidence_url, u.supersedes_id
            FROM progress_updates u JOIN actions a ON a.id = u.action_id
            WHERE a.plan_id = :plan AND u.reported_on >= :since AND u.reported_on <= :as_of
            ORDER BY u.reported_on, u.id
            """, arguments) { row in
            Change(
                id: row.int64(at: 0), action: row.int(at: 1), reportedOn: ISODate(row.string(at: 2)) ?? asOf,
                status: Status(rawValue: row.string(at: 3)) ?? .notStarted, percent: row.optionalDouble(at: 4),
                note: row.string(at: 5), evidenceURL: row.optionalString(at: 6).flatMap(DashboardData.linkable),
                corrects: row.isNull(at: 7) ? nil : row.int64(at: 7))
        }
        let start = self.since
        sessionsSince = data.milestones.flatMap(\.sessions).filter { $0.startedOn >= start }.sorted { $0.startedOn < $1.startedOn }

        let actions = Dictionary(data.actions.map { ($0.number, $0) }) { first, _ in first }
        let milestones = Dictionary(data.milestones.map { ($0.slug, $0) }) { first, _ in first }
        // TODO(targets): plan-level targets and measured values come with the commitment_progress
        // view; until then a target is its commitment, counted by its milestone when it has one.
        targets = try db.fetchAll(
            """
            SELECT c.slug, a.number, c.body, c.target_value, c.target_unit, c.due_on, m.slug,
                   (SELECT u.percent FROM (\(ReportQueries.updatesInForceSQL)) u
                    WHERE u.commitment_id = c.id AND u.percent IS NOT NULL
                    ORDER BY u.reported_on DESC, u.id DESC LIMIT 1),
                   CASE length(c.due_on) WHEN 4 THEN c.due_on || '-12-31'
                        WHEN 7 THEN date(c.due_on || '-01', '+1 month', '-1 day') ELSE c.due_on END
            FROM commitments c JOIN actions a ON a.id = c.action_id
            LEFT JOIN milestones m ON m.commitment_id = c.id
            WHERE a.plan_id = :plan
            ORDER BY a.number, c.id
            """, arguments) { row in
            let number = row.int(at: 1)
            let action = actions[number]
            let milestone = row.optionalString(at: 6).flatMap { milestones[$0] }
            let dueEnd = row.optionalString(at: 8).flatMap { ISODate($0) }
            let state: Target.State
            if let milestone {
                state = Target.State(rawValue: milestone.status.rawValue) ?? .atRisk
            } else if action?.status == .completed {
                state = .done
            } else if let dueEnd, dueEnd < asOf {
                state = .missed
            } else {
                state = .open
            }
            return Target(
                slug: row.string(at: 0), action: number, body: row.string(at: 2), targetValue: row.optionalDouble(at: 3),
                targetUnit: row.optionalString(at: 4), dueOn: row.optionalString(at: 5), done: milestone?.done,
                percent: row.optionalDouble(at: 7) ?? action?.percent, projectedOn: milestone?.projectedOn, state: state)
        }

        let queries = ReportQueries(db: db, plan: plan)
        overdue = try queries.overdue(asOf: asOf)
        stale = try queries.stale(asOf: asOf, days: staleDays)
    }
}

extension TrackerDatabase {
    /// The briefing for `plan` (nil: the default plan), so the CLI needs no Database.
    public func brief(plan slug: String?, asOf: ISODate, since: ISODate?) throws -> Brief {
        try Brief(db: db, plan: PlanScope.resolve(slug, in: db), asOf: asOf, since: since)
    }

    /// metadata.json for Datasette, for the database it calls `name`.
    public func datasetteMetadata(name: String) throws -> String {
        try DatasetteMetadata.json(for: db, name: name)
    }
}
