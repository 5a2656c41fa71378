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
    /// The note of the update (or session) the status comes from.
    public var lastNote: String?
    /// That update's or session's evidence, as stored (WebLink decides what becomes a link).
    public var evidenceURL: String?

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
    /// Done as a percentage of the target (may pass 100), as `commitment list` shows it.
    public var percent: Double?
    /// The text of the commitment it counts (the plan's own words, e.g. in Chinese).
    public var commitmentBody: String

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
/// read from the views themselves (`action_status`, `milestone_progress`) through AsOfQuery,
/// restricted to one plan. No rule is restated here.
struct StatusQueries {
    let db: Database
    let plan: PlanScope

    func actionStatus(asOf: ISODate) throws -> [ActionStatusRow] {
        let sql = """
            SELECT number, title, title_en, status, last_update, updates, percent, last_note, evidence_url
            FROM (\(try AsOfQuery.sql(ofView: "action_status", in: db))) WHERE plan = :plan ORDER BY number
            """
        return try db.fetchAll(sql, ["as_of": asOf.description, "plan": plan.slug]) { row in
            ActionStatusRow(
                number: try row["number"], title: try row["title"], titleEn: try row["title_en"], status: try row["status"],
                lastUpdate: try row["last_update"], updates: try row["updates"], percent: try row["percent"],
                lastNote: try row["last_note"], evidenceURL: try row["evidence_url"])
        }
    }

    func milestones(asOf: ISODate) throws -> [MilestoneRow] {
        let sql = """
            SELECT slug, title, target, due_on, done, remaining, pace_per_month, projected_on, status, percent, body
            FROM (\(try AsOfQuery.sql(ofView: "milestone_progress", in: db))) WHERE plan = :plan ORDER BY due_on, slug
            """
        return try db.fetchAll(sql, ["as_of": asOf.description, "plan": plan.slug]) { row in
            MilestoneRow(
                slug: try row["slug"], title: try row["title"], target: try row["target"], dueOn: try row["due_on"],
                done: try row["done"], remaining: try row["remaining"], pacePerMonth: try row["pace_per_month"],
                projectedOn: try row["projected_on"], status: try row["status"], percent: try row["percent"],
                commitmentBody: try row["body"])
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

extension StoredValue {
    /// Read by column name: text that is not a valid value is an error, never a default.
    static func decodeStored(_ statement: Statement, at index: Int32, column: String) throws -> Self {
        try StatusQueries.decode(Self.self, try String.decode(statement, at: index, column: column))
    }
}

extension Status: ColumnDecodable {
    public static func decode(_ statement: Statement, at index: Int32, column: String) throws -> Status {
        try decodeStored(statement, at: index, column: column)
    }
}

extension MilestoneStatus: ColumnDecodable {
    public static func decode(_ statement: Statement, at index: Int32, column: String) throws -> MilestoneStatus {
        try decodeStored(statement, at: index, column: column)
    }
}

extension TargetStatus: ColumnDecodable {
    public static func decode(_ statement: Statement, at index: Int32, column: String) throws -> TargetStatus {
        try decodeStored(statement, at: index, column: column)
    }
}

extension ISODate: ColumnDecodable {
    public static func decode(_ statement: Statement, at index: Int32, column: String) throws -> ISODate {
        try decodeStored(statement, at: index, column: column)
    }
}

extension Status: StoredValue {
    init?(storedText: String) { self.init(rawValue: storedText) }
    static var kindName: String { "status" }
}

extension MilestoneStatus: StoredValue {
    init?(storedText: String) { self.init(rawValue: storedText) }
    static var kindName: String { "milestone status" }
}

extension TargetStatus: StoredValue {
    init?(storedText: String) { self.init(rawValue: storedText) }
    static var kindName: String { "target status" }
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

/// A plan's date as published: a day (2024-09-25), or only a month or a year (2024-09, 2024),
/// which has no day to count from (`day` is nil). Other text in the column is damage, not "no date".
struct PublishedDate: ColumnDecodable {
    let day: ISODate?

    static func decode(_ statement: Statement, at index: Int32, column: String) throws -> PublishedDate {
        let text = try String.decode(statement, at: index, column: column)
        if let day = ISODate(text) { return PublishedDate(day: day) }
        // YYYY or YYYY-MM: the first of that year or month is a real day.
        guard text.utf8.count == 4 || text.utf8.count == 7, ISODate(text + (text.utf8.count == 4 ? "-01-01" : "-01")) != nil else { throw TrackerError("the database holds '\(text)' where a date belongs (\(column)); run `plantrack verify`") }
        return PublishedDate(day: nil)
    }
}
