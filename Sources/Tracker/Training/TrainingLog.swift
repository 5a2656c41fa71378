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

    /// Records a held session and, on the milestone's action, a progress update that shows it in
    /// the timeline. Returns the session's id. The caller owns the transaction.
    func add(_ session: TrainingSession, author: String?) throws -> Int64 {
        try check(session)
        let end = session.endedOn ?? session.startedOn

        let milestone = session.isBaseline ? nil : try resolveMilestone(session.milestoneSlug)
        try db.execute(
            """
            INSERT INTO training_sessions
                (milestone_id, started_on, ended_on, title, location, host, participants, countries, evidence_url)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [milestone?.id, session.startedOn.description, session.endedOn?.description, session.title, session.location,
             session.host, session.participants, session.countries, session.evidenceURL])
        let sessionID = db.lastInsertedRowID

        if let milestone {
            let done = try db.scalarInt("SELECT count(*) FROM training_sessions WHERE milestone_id = ?", [milestone.id]) ?? 0
            var note = "Training session held: \(session.title), \(session.location)"
            if let participants = session.participants { note += ", \(participants) participants" }
            if let countries = session.countries { note += " from \(countries) countries" }
            note += " (\(done) of \(milestone.target) toward \(milestone.slug))"
            let entry = ProgressEntry(
                actionNumber: milestone.actionNumber, note: note, status: done >= milestone.target ? .completed : .inProgress,
                reportedOn: end, percent: min(100, Double(done) * 100 / Double(milestone.target)),
                evidenceURL: session.evidenceURL, author: author, commitmentSlug: milestone.commitmentSlug)
            _ = try ProgressLog(db: db, plan: plan).add(entry)
        }
        return sessionID
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
        let today = ISODate.today()
        let end = session.endedOn ?? session.startedOn
        if session.startedOn > today {
            throw TrackerError(.startedOn, "\(session.startedOn) is in the future; record sessions once held (today is \(today))")
        }
        if end > today { throw TrackerError(.endedOn, "\(end) is in the future; record sessions once held (today is \(today))") }
        if end < session.startedOn { throw TrackerError(.endedOn, "\(end) is before the start date \(session.startedOn)") }
        // A baseline session (like the 2024 first workshop) may predate the plan; counted ones may not.
        if !session.isBaseline, let proposed = plan.proposedOn, session.startedOn < proposed {
            throw TrackerError(.startedOn, "\(session.startedOn) is before the plan was proposed (\(proposed))")
        }
    }

    struct MilestoneRef {
        let id: Int64
        let slug: String
        let target: Int
        let actionNumber: Int
        let commitmentSlug: String
    }

    func resolveMilestone(_ slug: String?) throws -> MilestoneRef {
        let milestones = try db.fetchAll(
            """
            SELECT m.id, m.slug, m.target_count, a.number, c.slug
            FROM milestones m JOIN commitments c ON c.id = m.commitment_id JOIN actions a ON a.id = c.action_id
            WHERE a.plan_id = ? ORDER BY m.id
            """, [plan.id]) {
                MilestoneRef(id: $0.int64(at: 0), slug: $0.string(at: 1), target: $0.int(at: 2), actionNumber: $0.int(at: 3), commitmentSlug: $0.string(at: 4))
            }
        if let slug {
            guard let found = milestones.first(where: { $0.slug == slug }) else {
                throw TrackerError(notFound: .milestone, "no milestone '\(Escaped.text(slug))' in plan \(plan.slug)" + (milestones.isEmpty ? "" : " (milestones: \(milestones.map(\.slug).joined(separator: ", ")))"))
            }
            return found
        }
        guard milestones.count == 1, let only = milestones.first else {
            throw TrackerError(.milestone, milestones.isEmpty
                ? "plan \(plan.slug) has no milestone to count this session toward; record it as a baseline session"
                : "several milestones; choose one (\(milestones.map(\.slug).joined(separator: ", ")))")
        }
        return only
    }

    func list() throws -> ResultTable {
        try ResultTable.query(
            db,
            """
            SELECT t.id, t.started_on, t.ended_on, t.title, t.location, t.host, t.participants, t.countries,
                   coalesce(m.slug, 'baseline') AS milestone,
                   CASE WHEN m.id IS NULL THEN NULL ELSE
                       (SELECT count(*) FROM training_sessions o WHERE o.milestone_id = t.milestone_id
                        AND (o.started_on, o.id) <= (t.started_on, t.id)) END AS counts_as,
                   t.evidence_url, t.recorded_at
            FROM training_sessions t
            LEFT JOIN milestones m ON m.id = t.milestone_id
            LEFT JOIN commitments c ON c.id = m.commitment_id
            LEFT JOIN actions a ON a.id = c.action_id
            WHERE a.plan_id = :plan OR t.milestone_id IS NULL
            ORDER BY t.started_on, t.id
            """,
            ["plan": plan.id])
    }
}

extension TrackerDatabase {
    /// The sessions held, with the milestone each counts toward and its place in that count.
    public func trainingSessions(plan: String? = nil) throws -> ResultTable {
        try TrainingLog(db: db, plan: try PlanScope.resolve(plan, in: db)).list()
    }
}
