import Storage

/// A progress update as the user gives it, already parsed field by field.
public struct ProgressEntry: Sendable {
    public var actionNumber: Int
    public var note: String
    public var status: Status
    public var reportedOn: ISODate
    public var percent: Double?
    public var evidenceURL: String?
    public var author: String?
    public var commitmentSlug: String?

    public init(
        actionNumber: Int, note: String, status: Status, reportedOn: ISODate, percent: Double? = nil,
        evidenceURL: String? = nil, author: String? = nil, commitmentSlug: String? = nil
    ) {
        self.actionNumber = actionNumber
        self.note = note
        self.status = status
        self.reportedOn = reportedOn
        self.percent = percent
        self.evidenceURL = evidenceURL
        self.author = author
        self.commitmentSlug = commitmentSlug
    }
}

/// What a correction changes; every field left nil is kept from the update it supersedes.
public struct ProgressCorrection: Sendable {
    public var note: String?
    public var status: Status?
    public var reportedOn: ISODate?
    public var percent: Double?
    public var evidenceURL: String?
    public var author: String?
    public var commitmentSlug: String?

    public init(
        note: String? = nil, status: Status? = nil, reportedOn: ISODate? = nil, percent: Double? = nil,
        evidenceURL: String? = nil, author: String? = nil, commitmentSlug: String? = nil
    ) {
        self.note = note
        self.status = status
        self.reportedOn = reportedOn
        self.percent = percent
        self.evidenceURL = evidenceURL
        self.author = author
        self.commitmentSlug = commitmentSlug
    }
}

public struct ProgressFilter: Sendable {
    public var actionNumber: Int?
    public var status: Status?
    public var since: ISODate?
    public var until: ISODate?

    public init(actionNumber: Int? = nil, status: Status? = nil, since: ISODate? = nil, until: ISODate? = nil) {
        self.actionNumber = actionNumber
        self.status = status
        self.since = since
        self.until = until
    }
}

/// The append-only log of progress updates of one plan.
public struct ProgressLog {
    let db: Database
    public let plan: PlanScope

    public init(db: Database, plan: PlanScope) {
        self.db = db
        self.plan = plan
    }

    static let insertSQL = """
        INSERT INTO progress_updates
            (action_id, commitment_id, reported_on, status, percent, note, evidence_url, author, supersedes_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Checks a report date: not before the plan was proposed, not in the future.
    public func checkReportDate(_ date: ISODate, today: ISODate = .today()) throws(FieldProblem) {
        if date > today { throw FieldProblem("\(date) is in the future (today is \(today))") }
        if let proposed = plan.proposedOn, date < proposed {
            throw FieldProblem("\(date) is before the plan was proposed (\(proposed))")
        }
    }

    /// Records `entry`; returns the new update's id. The caller owns the transaction.
    @discardableResult
    public func add(_ entry: ProgressEntry) throws -> Int64 {
        try insert(entry, supersedes: nil)
    }

    func insert(_ entry: ProgressEntry, supersedes: Int64?) throws -> Int64 {
        do { try checkReportDate(entry.reportedOn) } catch { throw TrackerError("--date: \(error.message)") }
        let actionID = try plan.actionID(number: entry.actionNumber, in: db)
        let commitmentID = try entry.commitmentSlug.map { try plan.commitmentID(slug: $0, actionID: actionID, in: db) }
        try db.execute(
            Self.insertSQL,
            [actionID, commitmentID, entry.reportedOn.description, entry.status.rawValue, entry.percent, entry.note,
             entry.evidenceURL, entry.author, supersedes])
        return db.lastInsertedRowID
    }

    /// Records a correction of update `id`: a new row that supersedes it. Nothing is overwritten.
    @discardableResult
    public func correct(id: Int64, with correction: ProgressCorrection) throws -> Int64 {
        guard let original = try db.fetchOne(
            """
            SELECT a.number, u.note, u.status, u.reported_on, u.percent, u.evidence_url, u.author, c.slug,
                   (SELECT id FROM progress_updates WHERE supersedes_id = u.id), a.plan_id
            FROM progress_updates u JOIN actions a ON a.id = u.action_id
            LEFT JOIN commitments c ON c.id = u.commitment_id
            WHERE u.id = ?
            """, [id], { row in
                (entry: ProgressEntry(
                    actionNumber: row.int(at: 0), note: row.string(at: 1),
                    status: Status(rawValue: row.string(at: 2)) ?? .inProgress,
                    reportedOn: ISODate(row.string(at: 3)) ?? .today(), percent: row.optionalDouble(at: 4),
                    evidenceURL: row.optionalString(at: 5), author: row.optionalString(at: 6),
                    commitmentSlug: row.optionalString(at: 7)),
                 correctedBy: row.isNull(at: 8) ? nil : row.int64(at: 8), planID: row.int64(at: 9))
            })
        else { throw TrackerError("no progress update with id \(id)") }
        guard original.planID == plan.id else { throw TrackerError("progress update \(id) belongs to another plan; pass --plan") }
        if let newer = original.correctedBy {
            throw TrackerError("progress update \(id) was already corrected by \(newer); correct \(newer) instead")
        }
        var entry = original.entry
        if let note = correction.note { entry.note = note }
        if let status = correction.status { entry.status = status }
        if let date = correction.reportedOn { entry.reportedOn = date }
        if let percent = correction.percent { entry.percent = percent }
        if let url = correction.evidenceURL { entry.evidenceURL = url }
        if let author = correction.author { entry.author = author }
        if let slug = correction.commitmentSlug { entry.commitmentSlug = slug }
        return try insert(entry, supersedes: id)
    }

    /// Updates, newest first: every `progress_updates` column plus `action` (the number).
    public func list(_ filter: ProgressFilter) throws -> ResultTable {
        var conditions = ["a.plan_id = :plan"]
        var arguments: [String: any DatabaseValueConvertible] = ["plan": plan.id]
        if let number = filter.actionNumber {
            _ = try plan.actionID(number: number, in: db)
            conditions.append("a.number = :action")
            arguments["action"] = number
        }
        if let status = filter.status {
            conditions.append("u.status = :status")
            arguments["status"] = status.rawValue
        }
        if let since = filter.since {
            conditions.append("u.reported_on >= :since")
            arguments["since"] = since.description
        }
        if let until = filter.until {
            conditions.append("u.reported_on <= :until")
            arguments["until"] = until.description
        }
        return try ResultTable.query(
            db,
            """
            SELECT u.id, a.number AS action, u.action_id, u.commitment_id, u.reported_on, u.status, u.percent, u.note,
                   u.evidence_url, u.author, u.supersedes_id,
                   (SELECT c.id FROM progress_updates c WHERE c.supersedes_id = u.id) AS superseded_by,
                   u.recorded_at
            FROM progress_updates u JOIN actions a ON a.id = u.action_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY u.reported_on DESC, u.id DESC
            """,
            StatementArguments(arguments)
        ).showing(["id", "action", "reported_on", "status", "percent", "note", "author"])
    }
}
