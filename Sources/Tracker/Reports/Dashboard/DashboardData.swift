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

    /// Reads the plan's figures as of `asOf` with the same queries as `plantrack report`.
    public init(db: Database, plan: PlanScope, asOf: ISODate) throws {
        let status = StatusQueries(db: db, plan: plan)
        let queries = ReportQueries(db: db, plan: plan)
        planTitle = plan.title
        planTitleEn = try db.scalarString("SELECT title_en FROM plans WHERE id = ?", [plan.id])
        proposedOn = plan.proposedOn
        self.asOf = asOf

        let notes = try queries.latestNotes(asOf: asOf)
        actions = try status.actionStatus(asOf: asOf).namedRows.map { row in
            let number = row.int("number") ?? 0
            return Action(
                number: number, title: row.text("title") ?? "", titleEn: row.text("title_en"),
                status: row.text("status") ?? Status.notStarted.rawValue, lastUpdate: row.text("last_update"),
                lastNote: notes[number], updates: row.int("updates") ?? 0, percent: row.double("percent"))
        }

        let sessions = try queries.sessions(asOf: asOf).namedRows
        milestones = try status.milestones(asOf: asOf).namedRows.compactMap { row in
            guard let slug = row.text("slug"), let due = row.text("due_on").flatMap({ ISODate($0) }) else { return nil }
            return Milestone(
                slug: slug, title: row.text("title") ?? slug, target: row.int("target") ?? 0, dueOn: due,
                done: row.int("done") ?? 0, pacePerMonth: row.double("pace_per_month"),
                projectedOn: row.text("projected_on"), status: row.text("status") ?? MilestoneStatus.atRisk.rawValue,
                sessions: sessions.filter { $0.text("milestone") == slug }.compactMap { session in
                    guard let started = session.text("started_on").flatMap({ ISODate($0) }) else { return nil }
                    return Session(
                        countsAs: session.int("counts_as"), startedOn: started, endedOn: session.text("ended_on"),
                        title: session.text("title") ?? "", location: session.text("location") ?? "",
                        host: session.text("host"), participants: session.int("participants"),
                        countries: session.int("countries"))
                })
        }

        var counts: [String: Int] = [:]
        for row in try queries.activity(asOf: asOf).namedRows {
            if let month = row.text("month") { counts[month, default: 0] += row.int("updates") ?? 0 }
        }
        updatesPerMonth = Self.months(from: [proposedOn.map(Self.month)].compactMap { $0 } + counts.keys.sorted(), to: Self.month(asOf))
            .map { ($0, counts[$0] ?? 0) }

        indicators = try queries.indicators().namedRows.compactMap { row in
            guard let value = row.double("value") else { return nil }
            return Indicator(
                name: row.text("name") ?? row.text("slug") ?? "", nameEn: row.text("name_en"),
                qualifier: row.text("qualifier") ?? "=", value: value, unit: row.text("unit"), asOf: row.text("as_of"),
                document: row.text("document"), line: row.int("line"), quote: row.text("quote"))
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

/// A row of a result table, read by column name.
struct NamedRow {
    let columns: [String: Int]
    let values: [DatabaseValue]

    func value(_ name: String) -> DatabaseValue { columns[name].map { values[$0] } ?? .null }

    func text(_ name: String) -> String? {
        switch value(name) {
        case .null: nil
        case let other: other.displayText
        }
    }

    func int(_ name: String) -> Int? {
        switch value(name) {
        case .integer(let value): Int(value)
        case .real(let value): Int(value)
        case .text(let value): Int(value)
        default: nil
        }
    }

    func double(_ name: String) -> Double? {
        switch value(name) {
        case .integer(let value): Double(value)
        case .real(let value): value
        case .text(let value): Double(value)
        default: nil
        }
    }
}

extension ResultTable {
    var namedRows: [NamedRow] {
        let columns = Dictionary(self.columns.enumerated().map { ($1, $0) }) { first, _ in first }
        return normalizedRows.map { NamedRow(columns: columns, values: $0) }
    }
}
