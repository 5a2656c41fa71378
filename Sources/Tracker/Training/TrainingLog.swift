import Storage

/// A training or workshop session that was held.
public struct TrainingSession: Sendable, Equatable {
    public var title: String
    public var startedOn: ISODate
    public var endedOn: ISODate?
    public var location: String
    public var host: String?
    public var participants: Int?
    public var countries: Int?
    public var evidenceURL: String?
    /// The milestone it counts toward; nil means the plan's only milestone.
    public var milestoneSlug: String?
    /// Held but not counted toward any milestone (e.g. the 2024 baseline workshop).
    public var isBaseline: Bool

    public init(
        title: String, startedOn: ISODate, endedOn: ISODate? = nil, location: String, host: String? = nil,
        participants: Int? = nil, countries: Int? = nil, evidenceURL: String? = nil, milestoneSlug: String? = nil,
        isBaseline: Bool = false
    ) {
        self.title = title
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.location = location
        self.host = host
        self.participants = participants
        self.countries = countries
        self.evidenceURL = evidenceURL
        self.milestoneSlug = milestoneSlug
        self.isBaseline = isBaseline
    }
}

struct TrainingLog {
    let db: Database
    let plan: PlanScope

    /// Records a held session, a fact and nothing derived: the action's and the milestone's
    /// figures are the views' (`sessions_in_force`, `commitment_progress`, `action_status`).
    /// Returns the session's id. The caller owns the transaction.
    /// A session with the same milestone, start and title as one in force is refused unless `allowDuplicate`.
    func add(_ session: TrainingSession, author: String?, allowDuplicate: Bool = false) throws -> Int64 {
        try check(session)
        let milestone = session.isBaseline ? nil : try resolveMilestone(session.milestoneSlug)
        try checkNotDuplicate(session, milestoneID: milestone?.id, allowDuplicate: allowDuplicate, replacing: nil)
        return try insert(session, milestoneID: milestone?.id, supersedes: nil, author: author)
    }

    func checkNotDuplicate(_ session: TrainingSession, milestoneID: Int64?, allowDuplicate: Bool, replacing: Int64?) throws {
        guard !allowDuplicate, let twin: Int64 = try db.fetchOne(
            """
            SELECT t.id FROM training_sessions t
            WHERE t.milestone_id IS ? AND t.started_on = ? AND t.title = ? AND t.id IS NOT ?
              AND NOT EXISTS (SELECT 1 FROM training_sessions s WHERE s.supersedes_id = t.id)
              AND NOT EXISTS (SELECT 1 FROM training_withdrawals w WHERE w.session_id = t.id)
            """, [milestoneID, session.startedOn.description, session.title, replacing], { try $0["id"] })
        else { return }
        throw TrackerError(.title, "session \(twin) already records '\(Escaped.text(session.title))' starting \(session.startedOn); correct that one, or allow a duplicate")
    }

    func insert(_ session: TrainingSession, milestoneID: Int64?, supersedes: Int64?, author: String?) throws -> Int64 {
        if let author {
            do { _ = try FieldParser.line(author, what: "author") } catch { throw error.at(.author) }
        }
        try db.execute(
            """
            INSERT INTO training_sessions
                (milestone_id, started_on, ended_on, title, location, host, participants, countries, evidence_url, supersedes_id, author)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [milestoneID, session.startedOn.description, session.endedOn?.description, session.title, session.location,
             session.host, session.participants, session.countries, session.evidenceURL, supersedes, author])
        return db.lastInsertedRowID
    }

    /// Every rule a session must meet, whichever front end recorded it.
    func check(_ session: TrainingSession) throws {
        do { _ = try FieldParser.line(session.title, what: "title") } catch { throw error.at(.title) }
        do { _ = try FieldParser.line(session.location, what: "location") } catch { throw error.at(.location) }
        if let host = session.host {
            do { _ = try FieldParser.line(host, what: "host") } catch { throw error.at(.host) }
        }
        if let url = session.evidenceURL {
            do { _ = try FieldParser.evidenceURL(url) } catch { throw error.at(.evidenceURL) }
        }
        if let participants = session.participants, participants < 0 { throw TrackerError(.participants, "\(participants) participants is negative") }
        if let countries = session.countries, countries < 0 { throw TrackerError(.countries, "\(countries) countries is negative") }
        if session.isBaseline, session.milestoneSlug != nil {
            throw TrackerError(.milestone, "a baseline session counts toward no milestone; name no milestone")
        }
        // A baseline session (like the 2024 first workshop) may predate the plan; counted ones may not.
        let window = DateWindow(proposedOn: session.isBaseline ? nil : plan.proposedOn)
        let end = session.endedOn ?? session.startedOn
        try window.check(session.startedOn, field: .startedOn)
        try window.check(end, field: .endedOn)
        if end < session.startedOn { throw TrackerError(.endedOn, "\(end) is before the start date \(session.startedOn)") }
    }

    struct MilestoneRef {
        let id: Int64
        let slug: String
        let target: Int
    }

    func milestones() throws -> [MilestoneRef] {
        try db.fetchAll(
            """
            SELECT m.id, m.slug, m.target_count
            FROM milestones m JOIN commitments c ON c.id = m.commitment_id
            WHERE c.plan_id = ? ORDER BY m.id
            """, [plan.id]) {
                MilestoneRef(id: try $0["id"], slug: try $0["slug"], target: try $0["target_count"])
            }
    }

    func resolveMilestone(_ slug: String?) throws -> MilestoneRef {
        let milestones = try milestones()
        if let slug {
            guard let found = milestones.first(where: { $0.slug == slug }) else {
                throw TrackerError(notFound: .milestone, NearestNames.unknown("milestone", slug, among: milestones.map(\.slug), context: "in plan \(plan.slug)"))
            }
            return found
        }
        guard milestones.count == 1, let only = milestones.first else {
            throw TrackerError(.milestone, milestones.isEmpty
                ? "plan \(plan.slug) has no milestone yet; count one of its commitments in sessions with `plantrack milestone add`"
                : "several milestones; choose one (\(milestones.map(\.slug).joined(separator: ", ")))")
        }
        return only
    }

    /// Every session of the plan (and the baseline ones), corrected and withdrawn ones too; a
    /// session's place in its milestone's count is `sessions_in_force`'s today, so one corrected
    /// or withdrawn has none.
    func list() throws -> ResultTable {
        try ResultTable.query(
            db,
            """
            SELECT t.id, t.started_on, t.ended_on, t.title, t.location, t.host, t.participants, t.countries,
                   coalesce(m.slug, 'baseline') AS milestone, f.counts_as,
                   t.evidence_url, t.supersedes_id,
                   (SELECT s.id FROM training_sessions s WHERE s.supersedes_id = t.id) AS superseded_by,
                   w.withdrawn_on, w.reason AS withdrawn_because, t.author, t.recorded_at
            FROM training_sessions t
            LEFT JOIN milestones m ON m.id = t.milestone_id
            LEFT JOIN commitments c ON c.id = m.commitment_id
            LEFT JOIN training_withdrawals w ON w.session_id = t.id
            LEFT JOIN sessions_in_force f ON f.id = t.id
            WHERE c.plan_id = :plan OR t.milestone_id IS NULL
            ORDER BY t.started_on, t.id
            """,
            ["plan": plan.id]
        ).showing(["id", "started_on", "title", "location", "participants", "countries"])
    }
}

extension TrackerDatabase {
    /// The sessions held, with the milestone each counts toward and its place in that count.
    public func trainingSessions(plan: String? = nil) throws -> ResultTable {
        try TrainingLog(db: db, plan: try PlanScope.resolve(plan, in: db)).list()
    }
}
