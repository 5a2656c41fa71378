import Storage

/// The built-in reports of `plantrack report NAME`: each a name, a one-line description and a
/// parameterised query. Date-dependent ones apply the as-of rules of StatusQueries; the others
/// read the same rows as the views and tables an SQL client sees.
public enum Report: String, CaseIterable, Sendable {
    case actionStatus = "action-status"
    case milestone
    case commitments
    case activity
    case stale
    case overdue
    case indicators
    case sources

    public var summary: String {
        switch self {
        case .actionStatus: "Each action: current status, last update, updates in force and percent, as of the date."
        case .milestone: "Each milestone (the 2025 training programme): done, pace, projection and status, with the sessions held."
        case .commitments: "Every target of every plan, grouped by plan and action: actual, percent, pace, projection and status."
        case .activity: "Progress updates in force per action per month, up to the date."
        case .stale: "Actions with no update in the last N days before the date (--days, default 90), or none at all."
        case .overdue: "Every target past its due date and neither met nor done as of the date, with how far it got."
        case .indicators: "The latest value of each indicator, with the document, line and quote it was read from."
        case .sources: "Every imported row with its provenance: kind, id, key, document, line and quote."
        }
    }

    /// Whether `--as-of` changes the answer; indicators and sources describe the documents themselves.
    public var dependsOnDate: Bool { self != .indicators && self != .sources }

    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The report called `name`, or an error listing the valid names.
    public static func named(_ name: String) throws -> Report {
        guard let report = Report(rawValue: name) else {
            throw TrackerError(.report, "unknown report '\(name)' (reports: \(names))")
        }
        return report
    }

    /// `plantrack report` without a name: every report and what it shows.
    public static var catalog: ResultTable {
        ResultTable(columns: ["name", "description"], rows: allCases.map { [.text($0.rawValue), .text($0.summary)] })
    }

    /// Runs the report; most have one section, `milestone` has two (milestones and sessions).
    func run(in db: Database, plan: PlanScope, parameters: ReportParameters) throws -> [ReportSection] {
        let queries = ReportQueries(db: db, plan: plan)
        let status = StatusQueries(db: db, plan: plan)
        switch self {
        case .actionStatus:
            return [ReportSection("Actions", ResultTable(try status.actionStatus(asOf: parameters.asOf)))]
        case .milestone:
            return [
                ReportSection("Milestones", ResultTable(try status.milestones(asOf: parameters.asOf))),
                ReportSection("Sessions", ResultTable(try queries.sessions(asOf: parameters.asOf))),
            ]
        case .commitments:
            return [ReportSection("Commitments", ResultTable(try TargetQueries(db: db).progress(planSlug: nil, asOf: parameters.asOf)))]
        case .activity: return [ReportSection("Activity", ResultTable(try queries.activity(asOf: parameters.asOf)))]
        case .stale: return [ReportSection("Stale", ResultTable(try queries.stale(asOf: parameters.asOf, days: parameters.staleDays)))]
        case .overdue: return [ReportSection("Overdue", ResultTable(try queries.overdue(asOf: parameters.asOf)))]
        case .indicators: return [ReportSection("Indicators", ResultTable(try queries.indicators()))]
        case .sources: return [ReportSection("Sources", try queries.sources())]
        }
    }
}

/// What a report is computed for.
public struct ReportParameters: Sendable {
    public static let defaultStaleDays = 90

    public var asOf: ISODate
    /// `stale`: an action is stale when its last update is more than this many days before `asOf`.
    public var staleDays: Int

    public init(asOf: ISODate, staleDays: Int = defaultStaleDays) {
        self.asOf = asOf
        self.staleDays = staleDays
    }
}

/// One titled table of a report's output.
public struct ReportSection: Sendable {
    public let title: String
    public let table: ResultTable

    public init(_ title: String, _ table: ResultTable) {
        self.title = title
        self.table = table
    }
}

extension TrackerDatabase {
    /// Runs `report` for `plan` (the default plan when nil).
    public func run(_ report: Report, plan: String? = nil, parameters: ReportParameters) throws -> [ReportSection] {
        try report.run(in: db, plan: try PlanScope.resolve(plan, in: db), parameters: parameters)
    }
}
