import Storage

/// Everything the dashboard shows, read in one go from the reports' queries.
public struct DashboardData: Sendable {
    public struct Action: Sendable {
        public var number: Int
        public var title: String
        public var titleEn: String?
        public var status: String
        public var lastUpdate: String?
        /// The note of the update the status comes from.
        public var lastNote: String?
        public var updates: Int
        public var percent: Double?
    }

    public struct Session: Sendable {
        public var countsAs: Int?
        public var startedOn: ISODate
        public var endedOn: String?
        public var title: String
        public var location: String
        public var host: String?
        public var participants: Int?
        public var countries: Int?
    }

    public struct Milestone: Sendable {
        public var slug: String
        public var title: String
        public var target: Int
        public var dueOn: ISODate
        public var done: Int
        public var pacePerMonth: Double?
        public var projectedOn: String?
        public var status: String
        public var sessions: [Session]
    }

    public struct Indicator: Sendable {
        public var name: String
        public var nameEn: String?
        public var qualifier: String
        public var value: Double
        public var unit: String?
        public var asOf: String?
        public var document: String?
        public var line: Int?
        public var quote: String?
    }

    public var planTitle: String
    public var planTitleEn: String?
    public var proposedOn: ISODate?
    public var asOf: ISODate
    public var actions: [Action]
    public var milestones: [Milestone]
    /// Updates in force per month, `YYYY-MM`, every month from the plan (or first update) to `asOf`.
    public var updatesPerMonth: [(month: String, updates: Int)]
    public var indicators: [Indicator]
    /// Every target of the plan (plan-level first), with the figures of `commitment list`.
    public var targets: [CommitmentProgressRow]

    /// Reads the plan's figures as of `asOf` with the same queries as `plantrack report`.
    init(db: Database, plan: PlanScope, asOf: ISODate) throws {
        let status = StatusQueries(db: db, plan: plan)
        let queries = ReportQueries(db: db, plan: plan)
        planTitle = plan.title
        planTitleEn = try db.scalarString("SELECT title_en FROM plans WHERE id = ?", [plan.id])
        proposedOn = plan.proposedOn
        self.asOf = asOf

        let notes = try queries.latestNotes(asOf: asOf)
        actions = try status.actionStatus(asOf: asOf).map { row in
            Action(
                number: row.number, title: row.title, titleEn: row.titleEn, status: row.status.rawValue,
                lastUpdate: row.lastUpdate?.description, lastNote: notes[row.number], updates: row.updates,
                percent: row.percent)
        }

        let sessions = try queries.sessions(asOf: asOf)
        milestones = try status.milestones(asOf: asOf).map { row in
            Milestone(
                slug: row.slug, title: row.title, target: row.target, dueOn: row.dueOn, done: row.done,
                pacePerMonth: row.pacePerMonth, projectedOn: row.projectedOn?.description, status: row.status.rawValue,
                sessions: sessions.filter { $0.milestone == row.slug }.map { session in
                    Session(
                        countsAs: session.countsAs, startedOn: session.startedOn, endedOn: session.endedOn?.description,
                        title: session.title, location: session.location, host: session.host,
                        participants: session.participants, countries: session.countries)
                })
        }

        var counts: [String: Int] = [:]
        for row in try queries.activity(asOf: asOf) { counts[row.month, default: 0] += row.updates }
        updatesPerMonth = Self.months(from: [proposedOn.map(Self.month)].compactMap { $0 } + counts.keys.sorted(), to: Self.month(asOf))
            .map { ($0, counts[$0] ?? 0) }

        targets = try TargetQueries(db: db).progress(planSlug: plan.slug, asOf: asOf)

        indicators = try queries.indicators().map { row in
            Indicator(
                name: row.name, nameEn: row.nameEn, qualifier: row.qualifier, value: row.value, unit: row.unit,
                asOf: row.asOf, document: row.document, line: row.line, quote: row.quote)
        }
    }

    static func month(_ date: ISODate) -> String { String(date.description.prefix(7)) }

    /// Every month from the earliest of `starts` through `end`, as `YYYY-MM`.
    static func months(from starts: [String], to end: String) -> [String] {
        guard let first = (starts + [end]).min(), let start = ISODate(first + "-01"), let last = ISODate(end + "-01") else { return [] }
        var months: [String] = []
        var (year, month) = (start.year, start.month)
        while (year, month) <= (last.year, last.month) {
            months.append(month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)")
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return months
    }
}

extension TrackerDatabase {
    /// What the dashboard of `plan` shows as of `asOf`.
    public func dashboard(plan: String? = nil, asOf: ISODate) throws -> DashboardData {
        try DashboardData(db: db, plan: try PlanScope.resolve(plan, in: db), asOf: asOf)
    }
}
