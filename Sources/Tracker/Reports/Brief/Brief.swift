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

    public static let defaultPeriodDays = 30

    public var data: DashboardData
    public var since: ISODate
    public var staleDays: Int
    public var changes: [Change]
    /// Sessions held in the period, counted or baseline.
    public var sessionsSince: [DashboardData.Session]
    /// Every target of the plan (plan-level first), as `commitment list` shows them.
    public var targets: [CommitmentProgressRow] { data.targets }
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
              AND NOT EXISTS (SELECT 1 FROM derived_session_updates d WHERE d.update_id = u.id)
            ORDER BY u.reported_on, u.id
            """, arguments) { row in
            Change(
                id: try row["id"], action: try row["number"], reportedOn: try row["reported_on"], status: try row["status"],
                percent: try row["percent"], note: try row["note"],
                evidenceURL: (try row["evidence_url"] as String?).flatMap(WebLink.linkable), corrects: try row["supersedes_id"])
        }
        let start = self.since
        sessionsSince = data.milestones.flatMap(\.sessions).filter { $0.startedOn >= start }.sorted { $0.startedOn < $1.startedOn }

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
