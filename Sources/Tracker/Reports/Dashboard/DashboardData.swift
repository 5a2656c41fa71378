import Storage

/// Everything the dashboard and the briefing show, read in one go as typed rows with the same SQL
/// as `plantrack report` (StatusQueries, ReportQueries), so the three always agree.
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

    public struct Session: Sendable, Equatable {
        public var countsAs: Int?
        public var startedOn: ISODate
        public var endedOn: ISODate?
        public var title: String
        public var location: String
        public var host: String?
        public var participants: Int?
        public var countries: Int?
        public var evidenceURL: String?
    }

    public struct Milestone: Sendable, Equatable {
        public var slug: String
        public var title: String
        public var target: Int
        public var dueOn: ISODate
        public var done: Int
        public var pacePerMonth: Double?
        public var projectedOn: ISODate?
        public var status: MilestoneStatus
        public var sessions: [Session]
    }

    /// One background figure; the appendix shows each (name, value, unit, date) once.
    public struct Indicator: Sendable, Equatable {
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

    /// Reads the plan's figures as of `asOf` with the same queries as `plantrack report`.
    public init(db: Database, plan: PlanScope, asOf: ISODate) throws {
        let arguments: StatementArguments = ["plan": plan.id, "as_of": asOf.description]
        planSlug = plan.slug
        planTitle = plan.title
        planTitleEn = try db.scalarString("SELECT title_en FROM plans WHERE id = ?", [plan.id])
        planLanguage = Language.of(plan.title)
        proposedOn = plan.proposedOn
        self.asOf = asOf

        visions = try db.fetchAll("SELECT number, title, title_en FROM visions WHERE plan_id = ? ORDER BY number", [plan.id]) {
            Vision(number: $0.int(at: 0), title: $0.string(at: 1), titleEn: $0.optionalString(at: 2))
        }

        // The update each action's status comes from: its note and evidence.
        let latest = try db.fetchAll(
            """
            SELECT action_number, note, evidence_url FROM (
                SELECT u.action_number, u.note, u.evidence_url,
                       row_number() OVER (PARTITION BY u.action_id ORDER BY u.reported_on DESC, u.id DESC) AS recency
                FROM (\(ReportQueries.updatesInForceSQL)) u)
            WHERE recency = 1
            """, arguments) { ($0.int(at: 0), ($0.string(at: 1), $0.optionalString(at: 2))) }
        let latestByAction = Dictionary(latest) { first, _ in first }
        actions = try db.fetchAll(
            """
            SELECT s.number, s.title, s.title_en, v.number, s.status, s.last_update, s.updates, s.percent
            FROM (\(StatusQueries.actionStatusSQL)) s
            JOIN actions a ON a.plan_id = :plan AND a.number = s.number
            LEFT JOIN visions v ON v.id = a.vision_id
            ORDER BY s.number
            """, arguments) { row in
            let number = row.int(at: 0)
            return Action(
                number: number, title: row.string(at: 1), titleEn: row.optionalString(at: 2), vision: row.optionalInt(at: 3),
                status: Status(rawValue: row.string(at: 4)) ?? .notStarted, lastUpdate: row.optionalString(at: 5).flatMap { ISODate($0) },
                lastNote: latestByAction[number]?.0, evidenceURL: latestByAction[number]?.1.flatMap(Self.linkable),
                updates: row.int(at: 6), percent: row.optionalDouble(at: 7))
        }

        let sessions = try db.fetchAll(
            """
            SELECT t.milestone, t.counts_as, t.started_on, t.ended_on, t.title, t.location, t.host, t.participants,
                   t.countries, t.evidence_url
            FROM (\(ReportQueries.sessionsSQL)) t
            """, arguments) { row in
            (milestone: row.string(at: 0),
             session: Session(
                countsAs: row.optionalInt(at: 1), startedOn: ISODate(row.string(at: 2)) ?? asOf,
                endedOn: row.optionalString(at: 3).flatMap { ISODate($0) }, title: row.string(at: 4),
                location: row.optionalString(at: 5) ?? "", host: row.optionalString(at: 6),
                participants: row.optionalInt(at: 7), countries: row.optionalInt(at: 8),
                evidenceURL: row.optionalString(at: 9).flatMap(Self.linkable)))
        }
        milestones = try db.fetchAll(
            "SELECT slug, title, target, due_on, done, pace_per_month, projected_on, status FROM (\(StatusQueries.milestoneSQL))",
            arguments) { row in
            let slug = row.string(at: 0)
            return Milestone(
                slug: slug, title: row.string(at: 1), target: row.int(at: 2), dueOn: ISODate(row.string(at: 3)) ?? asOf,
                done: row.int(at: 4), pacePerMonth: row.optionalDouble(at: 5),
                projectedOn: row.optionalString(at: 6).flatMap { ISODate($0) },
                status: MilestoneStatus(rawValue: row.string(at: 7)) ?? .atRisk,
                sessions: sessions.filter { $0.milestone == slug }.map(\.session))
        }

        let counts = Dictionary(
            try db.fetchAll(
                "SELECT substr(reported_on, 1, 7), count(*) FROM (\(ReportQueries.updatesInForceSQL)) GROUP BY 1",
                arguments) { ($0.string(at: 0), $0.int(at: 1)) }) { first, _ in first }
        updatesPerMonth = Self.months(from: [proposedOn.map(Self.month)].compactMap { $0 } + counts.keys.sorted(), to: Self.month(asOf))
            .map { ($0, counts[$0] ?? 0) }

        let allIndicators = try db.fetchAll(
            "SELECT name, name_en, qualifier, value, unit, as_of, document, line, quote FROM indicator_latest WHERE value IS NOT NULL ORDER BY slug"
        ) { row in
            Indicator(
                name: row.string(at: 0), nameEn: row.optionalString(at: 1), qualifier: row.optionalString(at: 2) ?? "=",
                value: row.double(at: 3), unit: row.optionalString(at: 4), asOf: row.optionalString(at: 5),
                document: row.optionalString(at: 6), line: row.optionalInt(at: 7), quote: row.optionalString(at: 8))
        }
        indicators = Self.distinct(allIndicators)
    }

    /// The same figure read twice (under two slugs, or from two documents) is shown once.
    static func distinct(_ indicators: [Indicator]) -> [Indicator] {
        var seen: Set<String> = []
        return indicators.filter { indicator in
            seen.insert([indicator.name, indicator.qualifier, CellText.real(indicator.value), indicator.unit ?? "", indicator.asOf ?? ""]
                .joined(separator: "\u{1F}")).inserted
        }
    }

    /// `url` when it is an absolute http or https URL; nothing else becomes a link (no
    /// `javascript:`, `file:` or relative paths).
    public static func linkable(_ url: String) -> String? {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else { return nil }
        guard !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return nil }
        return url.count > (lowered.hasPrefix("https://") ? 8 : 7) ? url : nil
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

    /// Actions of vision `number`, and how many of them are completed.
    public func actions(ofVision number: Int) -> [Action] { actions.filter { $0.vision == number } }
}
