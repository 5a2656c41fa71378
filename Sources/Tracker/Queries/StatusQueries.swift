import Storage

/// One action's standing as of a date (the `action_status` view's rule).
public struct ActionStatusRow: Sendable, Equatable, TableRow {
    public var number: Int
    public var title: String
    public var titleEn: String?
    public var status: Status
    public var lastUpdate: ISODate?
    /// Updates in force: corrections replace, they do not add.
    public var updates: Int
    public var percent: Double?
    /// The note of the update the status comes from.
    public var lastNote: String?

    public static let columns = ["number", "title", "title_en", "status", "last_update", "updates", "percent"]
    public static let defaultColumns: [String]? = ["number", "title", "status", "last_update", "updates"]
    public var cells: [DatabaseValue] {
        [number.databaseValue, .text(title), titleEn.databaseValue, .text(status.rawValue),
         lastUpdate?.description.databaseValue ?? .null, updates.databaseValue, percent.databaseValue]
    }
}

/// One milestone's progress as of a date: a target counted in sessions (`commitment_progress`'s rules).
public struct MilestoneRow: Sendable, Equatable, TableRow {
    public var slug: String
    public var title: String
    public var target: Int
    public var dueOn: ISODate
    public var done: Int
    public var remaining: Int
    public var pacePerMonth: Double?
    public var projectedOn: ISODate?
    public var status: MilestoneStatus

    public static let columns = [
        "slug", "title", "target", "due_on", "done", "remaining", "pace_per_month", "projected_on", "status",
    ]
    public static let defaultColumns: [String]? = ["slug", "target", "due_on", "done", "projected_on", "status"]
    public var cells: [DatabaseValue] {
        [.text(slug), .text(title), target.databaseValue, .text(dueOn.description), done.databaseValue,
         remaining.databaseValue, pacePerMonth.databaseValue, projectedOn?.description.databaseValue ?? .null,
         .text(status.rawValue)]
    }
}

/// The figures that depend on a date: the actions' status and the milestones' progress as of D,
/// read through the views' own SQL (AsOfQuery), restricted to one plan.
struct StatusQueries {
    let db: Database
    let plan: PlanScope

    func actionStatus(asOf: ISODate) throws -> [ActionStatusRow] {
        let sql = """
            SELECT number, title, title_en, status, last_update, updates, percent, last_note
            FROM (\(try AsOfQuery.sql(ofView: "action_status", in: db))) WHERE plan = :plan ORDER BY number
            """
        return try db.fetchAll(sql, ["as_of": asOf.description, "plan": plan.slug]) { row in
            ActionStatusRow(
                number: row.int(at: 0), title: row.string(at: 1), titleEn: row.optionalString(at: 2),
                status: try Self.decode(Status.self, row.string(at: 3)), lastUpdate: row.optionalString(at: 4).flatMap(ISODate.init),
                updates: row.int(at: 5), percent: row.optionalDouble(at: 6), lastNote: row.optionalString(at: 7))
        }
    }

    func milestones(asOf: ISODate) throws -> [MilestoneRow] {
        // The `milestone_progress` view's projection of the targets' as-of query: a milestone is
        // a target counted in sessions, under the rules of `commitment_progress`.
        let sql = """
            SELECT m.slug, m.title, cp.target, cp.due_on, CAST(cp.actual AS INTEGER) AS done,
                   CAST(max(cp.target - cp.actual, 0) AS INTEGER) AS remaining, cp.pace_per_month, cp.projected_on, cp.status
            FROM (\(try AsOfQuery.sql(ofView: "commitment_progress", in: db))) cp
            JOIN commitments c ON c.slug = cp.slug
            JOIN milestones m ON m.commitment_id = c.id
            WHERE cp.plan = :plan ORDER BY cp.due_on, m.slug
            """
        return try db.fetchAll(sql, ["as_of": asOf.description, "plan": plan.slug]) { row in
            MilestoneRow(
                slug: row.string(at: 0), title: row.string(at: 1), target: row.int(at: 2),
                dueOn: try Self.decode(ISODate.self, row.string(at: 3)), done: row.int(at: 4), remaining: row.int(at: 5),
                pacePerMonth: row.optionalDouble(at: 6), projectedOn: row.optionalString(at: 7).flatMap(ISODate.init),
                status: try Self.decode(MilestoneStatus.self, row.string(at: 8)))
        }
    }

    /// A stored value the schema's CHECK constraints guarantee; a failure means a damaged database.
    static func decode<Value: StoredValue>(_ type: Value.Type, _ text: String) throws -> Value {
        guard let value = Value(storedText: text) else {
            throw TrackerError("the database holds '\(text)' where a \(Value.kindName) belongs; run `plantrack verify`")
        }
        return value
    }
}

/// A value kept as text in the database.
protocol StoredValue {
    init?(storedText: String)
    static var kindName: String { get }
}

extension Status: StoredValue {
    init?(storedText: String) { self.init(rawValue: storedText) }
    static var kindName: String { "status" }
}

extension MilestoneStatus: StoredValue {
    init?(storedText: String) { self.init(rawValue: storedText) }
    static var kindName: String { "milestone status" }
}

extension ISODate: StoredValue {
    init?(storedText: String) { self.init(storedText) }
    static var kindName: String { "date" }
}

extension TrackerDatabase {
    /// Number, title, status, last update and update count of each action of `plan`, as of `asOf`.
    public func actionStatus(plan: String? = nil, asOf: ISODate) throws -> [ActionStatusRow] {
        try StatusQueries(db: db, plan: try PlanScope.resolve(plan, in: db)).actionStatus(asOf: asOf)
    }

    /// Each milestone of `plan`: target, due date, done, remaining, pace, projection and status.
    public func milestones(plan: String? = nil, asOf: ISODate) throws -> [MilestoneRow] {
        try StatusQueries(db: db, plan: try PlanScope.resolve(plan, in: db)).milestones(asOf: asOf)
    }
}
