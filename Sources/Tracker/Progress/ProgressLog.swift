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
public struct ProgressCorrection: Sendable, Equatable {
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
struct ProgressLog {
    let db: Database
    let plan: PlanScope

    static let insertSQL = """
        INSERT INTO progress_updates
            (action_id, commitment_id, reported_on, status, percent, note, evidence_url, author, supersedes_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Checks a report date against the plan's `DateWindow`.
    func checkReportDate(_ date: ISODate, today: ISODate = .today()) throws(FieldProblem) {
        try DateWindow(today: today, proposedOn: plan.proposedOn).check(date)
    }

    /// How long an exact repeat of an update is taken for a second submission (a double click, a
    /// script run twice) and refused.
    static let repeatWindowMinutes = 10

    /// Records `entry`; returns the new update's id. The caller owns the transaction. An exact
    /// repeat of an update recorded in the last `repeatWindowMinutes` is refused unless `allowDuplicate`.
    @discardableResult
    func add(_ entry: ProgressEntry, allowDuplicate: Bool = false) throws -> Int64 {
        if !allowDuplicate, let twin = try repeated(entry) {
            throw TrackerError(.note, "update \(twin) recorded the same (action \(entry.actionNumber), \(entry.reportedOn), \(entry.status.rawValue), same note and author) less than \(Self.repeatWindowMinutes) minutes ago; nothing was written (pass --allow-duplicate to record it again)")
        }
        return try insert(entry, supersedes: nil)
    }

    /// The condition an update `u` repeats the bound (:action_id, :reported_on, :status, :note,
    /// :author): one rule for `progress add`, the web app and `progress import`. It reads the
    /// (action_id, reported_on) index, then the few rows of that day.
    static let repeatCondition = """
        u.action_id = :action_id AND u.reported_on = :reported_on AND u.status = :status AND u.note = :note
        AND u.author IS :author AND u.supersedes_id IS NULL
        AND u.recorded_at >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-\(repeatWindowMinutes) minutes')
        """

    /// The id of a recent update that `entry` repeats exactly.
    func repeated(_ entry: ProgressEntry) throws -> Int64? {
        guard let actionID = try? plan.actionID(number: entry.actionNumber, in: db) else { return nil }
        return try db.fetchOne(
            "SELECT u.id FROM progress_updates u WHERE \(Self.repeatCondition) ORDER BY u.id DESC LIMIT 1",
            ["action_id": actionID, "reported_on": entry.reportedOn.description, "status": entry.status.rawValue,
             "note": entry.note, "author": entry.author]) { try $0["id"] }
    }

    /// Checks every field (callers may come from any front end) and inserts the row.
    func insert(_ entry: ProgressEntry, supersedes: Int64?) throws -> Int64 {
        do { _ = try FieldParser.note(entry.note) } catch { throw error.at(.note) }
        if let percent = entry.percent {
            do { _ = try FieldParser.percent(percent) } catch { throw error.at(.percent) }
        }
        if let url = entry.evidenceURL {
            do { _ = try FieldParser.evidenceURL(url) } catch { throw error.at(.evidenceURL) }
        }
        if let author = entry.author {
            do { _ = try FieldParser.line(author, what: "author") } catch { throw error.at(.author) }
        }
        do { try checkReportDate(entry.reportedOn) } catch { throw error.at(.reportedOn) }
        let actionID = try plan.actionID(number: entry.actionNumber, in: db)
        let commitmentID = try entry.commitmentSlug.map { try plan.commitmentID(slug: $0, actionID: actionID, in: db) }
        try db.execute(
            Self.insertSQL,
            [actionID, commitmentID, entry.reportedOn.description, entry.status.rawValue, entry.percent, entry.note,
             entry.evidenceURL, entry.author, supersedes])
        return db.lastInsertedRowID
    }

    /// Records a correction of update `id`: a new row that supersedes it, by `correction.author`
    /// (default: whoever runs it). Nothing is overwritten.
    @discardableResult
    func correct(id: Int64, with correction: ProgressCorrection) throws -> Int64 {
        guard let original = try db.fetchOne(
            """
            SELECT a.number, u.note, u.status, u.reported_on, u.percent, u.evidence_url, u.author, c.slug AS commitment,
                   (SELECT id FROM progress_updates WHERE supersedes_id = u.id) AS corrected_by, a.plan_id
            FROM progress_updates u JOIN actions a ON a.id = u.action_id
            LEFT JOIN commitments c ON c.id = u.commitment_id
            WHERE u.id = ?
            """, [id], { row in
                (entry: ProgressEntry(
                    actionNumber: try row["number"], note: try row["note"], status: try row["status"],
                    reportedOn: try row["reported_on"], percent: try row["percent"], evidenceURL: try row["evidence_url"],
                    author: try row["author"], commitmentSlug: try row["commitment"]),
                 correctedBy: try row["corrected_by"] as Int64?, planID: try row["plan_id"] as Int64)
            })
        else { throw TrackerError(notFound: .update, "no progress update with id \(id)") }
        guard original.planID == plan.id else {
            throw TrackerError(.update, "progress update \(id) belongs to another plan; name its plan")
        }
        if let newer = original.correctedBy {
            throw TrackerError(.update, "progress update \(id) was already corrected by \(newer); correct \(newer) instead")
        }
        var entry = original.entry
        if correction.reportedOn == nil {
            // The date is kept from the original: say so, rather than blame a date nobody typed.
            do { try checkReportDate(entry.reportedOn) } catch {
                throw TrackerError(.update, "the date \(entry.reportedOn) kept from update \(id) is not allowed: \(error.message); give the corrected date")
            }
        }
        if let note = correction.note { entry.note = note }
        if let status = correction.status { entry.status = status }
        if let date = correction.reportedOn { entry.reportedOn = date }
        if let percent = correction.percent { entry.percent = percent }
        if let url = correction.evidenceURL { entry.evidenceURL = url }
        // A correction is the corrector's word: it records who made it (the original keeps its author).
        entry.author = correction.author ?? Author.current
        if let slug = correction.commitmentSlug { entry.commitmentSlug = slug }
        return try insert(entry, supersedes: id)
    }

    /// Updates, newest first: every `progress_updates` column plus `action` (the number).
    func list(_ filter: ProgressFilter) throws -> [ProgressUpdateRow] {
        if let number = filter.actionNumber { _ = try plan.actionID(number: number, in: db) }
        // Each filter is bound; a NULL parameter switches its condition off.
        return try db.fetchAll(
            """
            SELECT u.id, a.number, u.action_id, u.commitment_id, u.reported_on, u.status, u.percent, u.note,
                   u.evidence_url, u.author, u.supersedes_id,
                   (SELECT c.id FROM progress_updates c WHERE c.supersedes_id = u.id) AS superseded_by,
                   u.recorded_at
            FROM progress_updates u JOIN actions a ON a.id = u.action_id
            WHERE a.plan_id = :plan
              AND NOT EXISTS (SELECT 1 FROM derived_session_updates d WHERE d.update_id = u.id)
              AND (:action IS NULL OR a.number = :action)
              AND (:status IS NULL OR u.status = :status)
              AND (:since IS NULL OR u.reported_on >= :since)
              AND (:until IS NULL OR u.reported_on <= :until)
            ORDER BY u.reported_on DESC, u.id DESC
            """,
            ["plan": plan.id, "action": filter.actionNumber, "status": filter.status?.rawValue,
             "since": filter.since?.description, "until": filter.until?.description]
        ) { row in
            ProgressUpdateRow(
                id: try row["id"], action: try row["number"], actionID: try row["action_id"], commitmentID: try row["commitment_id"],
                reportedOn: try row["reported_on"], status: try row["status"], percent: try row["percent"], note: try row["note"],
                evidenceURL: try row["evidence_url"], author: try row["author"], supersedesID: try row["supersedes_id"],
                supersededBy: try row["superseded_by"], recordedAt: try row["recorded_at"])
        }
    }
}

/// One row of the progress log, with the action's number and the correction that replaced it.
public struct ProgressUpdateRow: Sendable, Equatable, TableRow {
    public var id: Int64
    public var action: Int
    public var actionID: Int64
    public var commitmentID: Int64?
    public var reportedOn: ISODate
    public var status: Status
    public var percent: Double?
    public var note: String
    public var evidenceURL: String?
    public var author: String?
    public var supersedesID: Int64?
    public var supersededBy: Int64?
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var recordedAt: String

    public static let columns = [
        "id", "action", "action_id", "commitment_id", "reported_on", "status", "percent", "note", "evidence_url",
        "author", "supersedes_id", "superseded_by", "recorded_at",
    ]
    public static let defaultColumns: [String]? = ["id", "action", "reported_on", "status", "percent", "note", "author"]
    public var cells: [DatabaseValue] {
        [id.databaseValue, action.databaseValue, actionID.databaseValue, commitmentID.databaseValue,
         .text(reportedOn.description), .text(status.rawValue), percent.databaseValue, .text(note),
         evidenceURL.databaseValue, author.databaseValue, supersedesID.databaseValue, supersededBy.databaseValue,
         .text(recordedAt)]
    }
}

extension TrackerDatabase {
    /// The updates of `plan` that pass `filter`, newest first.
    public func progressUpdates(plan: String? = nil, _ filter: ProgressFilter) throws -> [ProgressUpdateRow] {
        try ProgressLog(db: db, plan: try PlanScope.resolve(plan, in: db)).list(filter)
    }
}
