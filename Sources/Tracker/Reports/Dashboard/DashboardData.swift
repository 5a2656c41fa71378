import Storage

/// Everything the dashboard and the briefing show, read in one go as typed rows from the reports'
/// queries (StatusQueries, ReportQueries), so the three always agree.
public struct DashboardData: Sendable {
    public struct Vision: Sendable, Equatable {
        public var number: Int
        public var title: String
        public var titleEn: String?
    }

    public struct Action: Sendable, Equatable {
        public var number: Int
        public var title: String
        public var titleEn: String?
        public var vision: Int?
        public var status: Status
        public var lastUpdate: ISODate?
        /// The note of the update the status comes from.
        public var lastNote: String?
        /// That update's evidence, when it is an http(s) URL (anything else is not linked).
        public var evidenceURL: String?
        public var updates: Int
        public var percent: Double?
    }

    /// A held session of a milestone; its evidence only when it is an http(s) URL.
    public typealias Session = SessionRow

    public struct Milestone: Sendable, Equatable {
        public var slug: String
        public var title: String
        /// The text of the commitment it counts, in the plan's own language.
        public var commitmentBody: String
        public var target: Int
        public var dueOn: ISODate
        public var done: Int
        public var percent: Double?
        public var pacePerMonth: Double?
        public var projectedOn: ISODate?
        public var status: MilestoneStatus
        public var sessions: [Session]
    }

    /// One background figure (the latest value of an indicator); the appendix shows each
    /// (name, value, unit, date) once.
    public typealias Indicator = IndicatorRow

    public var planSlug: String
    public var planTitle: String
    public var planTitleEn: String?
    /// The language the plan is written in: Chinese when its title is.
    public var planLanguage: Language
    public var proposedOn: ISODate?
    public var asOf: ISODate
    public var visions: [Vision]
    public var actions: [Action]
    public var milestones: [Milestone]
    /// Updates in force per month, `YYYY-MM`, every month from the plan (or first update) to `asOf`.
    public var updatesPerMonth: [(month: String, updates: Int)]
    public var indicators: [Indicator]
    /// Every target of the plan (plan-level first), with the figures of `commitment list`.
    public var targets: [CommitmentProgressRow]

    /// Reads the plan's figures as of `asOf` with the same typed queries as `plantrack report`.
    init(db: Database, plan: PlanScope, asOf: ISODate) throws {
        let status = StatusQueries(db: db, plan: plan)
        let queries = ReportQueries(db: db, plan: plan)
        planSlug = plan.slug
        planTitle = plan.title
        planTitleEn = try db.scalarString("SELECT title_en FROM plans WHERE id = ?", [plan.id])
        planLanguage = Language.of(plan.title)
        proposedOn = plan.proposedOn
        self.asOf = asOf

        visions = try db.fetchAll("SELECT number, title, title_en FROM visions WHERE plan_id = ? ORDER BY number", [plan.id]) {
            Vision(number: try $0["number"], title: try $0["title"], titleEn: try $0["title_en"])
        }
        let visionOfAction = Dictionary(
            try db.fetchAll(
                "SELECT a.number AS action, v.number AS vision FROM actions a JOIN visions v ON v.id = a.vision_id WHERE a.plan_id = ?", [plan.id]
            ) { (try $0["action"] as Int, try $0["vision"] as Int) }) { first, _ in first }
        actions = try status.actionStatus(asOf: asOf).map { row in
            Action(
                number: row.number, title: row.title, titleEn: row.titleEn, vision: visionOfAction[row.number],
                status: row.status, lastUpdate: row.lastUpdate, lastNote: row.lastNote,
                evidenceURL: row.evidenceURL.flatMap(WebLink.linkable), updates: row.updates, percent: row.percent)
        }

        let sessions = try queries.sessions(asOf: asOf)
        milestones = try status.milestones(asOf: asOf).map { row in
            Milestone(
                slug: row.slug, title: row.title, commitmentBody: row.commitmentBody, target: row.target,
                dueOn: row.dueOn, done: row.done, percent: row.percent, pacePerMonth: row.pacePerMonth, projectedOn: row.projectedOn, status: row.status,
                sessions: sessions.filter { $0.milestone == row.slug }.map { session in
                    var linked = session
                    linked.evidenceURL = session.evidenceURL.flatMap(WebLink.linkable)
                    return linked
                })
        }

        var counts: [String: Int] = [:]
        for row in try queries.activity(asOf: asOf) { counts[row.month, default: 0] += row.updates }
        updatesPerMonth = Self.months(from: [proposedOn.map(Self.month)].compactMap { $0 } + counts.keys.sorted(), to: Self.month(asOf))
            .map { ($0, counts[$0] ?? 0) }

        targets = try TargetQueries(db: db).progress(planSlug: plan.slug, asOf: asOf)

        indicators = Self.distinct(try queries.indicators())
    }

    /// The same figure read twice (under two slugs, or from two documents) is shown once.
    static func distinct(_ indicators: [Indicator]) -> [Indicator] {
        var seen: Set<String> = []
        return indicators.filter { indicator in
            seen.insert([indicator.name, indicator.qualifier, CellText.real(indicator.value), indicator.unit ?? "", indicator.asOf ?? ""]
                .joined(separator: "\u{1F}")).inserted
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

    /// Actions of vision `number`.
    public func actions(ofVision number: Int) -> [Action] { actions.filter { $0.vision == number } }
}

extension TrackerDatabase {
    /// What the dashboard of `plan` shows as of `asOf`.
    public func dashboard(plan: String? = nil, asOf: ISODate) throws -> DashboardData {
        try DashboardData(db: db, plan: try PlanScope.resolve(plan, in: db), asOf: asOf)
    }
}
