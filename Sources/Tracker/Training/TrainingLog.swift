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

    /// A session in force as of `date` (an SQL expression): not replaced by a correction, not
    /// withdrawn on or before the date. The `commitment_progress` view applies the same rule.
    static func inForce(_ session: String, asOf date: String) -> String {
        """
        NOT EXISTS (SELECT 1 FROM training_sessions s WHERE s.supersedes_id = \(session).id)
        AND NOT EXISTS (SELECT 1 FROM training_withdrawals w WHERE w.session_id = \(session).id AND w.withdrawn_on <= \(date))
        """
    }

    /// Records a held session and, on the milestone's action, a progress update that shows it in
    /// the timeline. Returns the session's id. The caller owns the transaction.
    /// A session with the same milestone, start and title as one in force is refused unless `allowDuplicate`.
    func add(_ session: TrainingSession, author: String?, allowDuplicate: Bool = false) throws -> Int64 {
        try check(session)
        let milestone = session.isBaseline ? nil : try resolveMilestone(session.milestoneSlug)
        try checkNotDuplicate(session, milestoneID: milestone?.id, allowDuplicate: allowDuplicate, replacing: nil)
        let sessionID = try insert(session, milestoneID: milestone?.id, supersedes: nil)
        if let milestone { try addDerivedUpdate(sessionID: sessionID, session, milestone: milestone, author: author, supersedingUpdate: nil) }
        return sessionID
    }

    func checkNotDuplicate(_ session: TrainingSession, milestoneID: Int64?, allowDuplicate: Bool, replacing: Int64?) throws {
        guard !allowDuplicate, let twin = try db.fetchOne(
            """
            SELECT t.id FROM training_sessions t
            WHERE t.milestone_id IS ? AND t.started_on = ? AND t.title = ? AND t.id IS NOT ?
              AND \(Self.inForce("t", asOf: "'9999-12-31'"))
            """, [milestoneID, session.startedOn.description, session.title, replacing], { $0.int64(at: 0) })
        else { return }
        throw TrackerError(.title, "session \(twin) already records '\(Escaped.text(session.title))' starting \(session.startedOn); correct that one, or allow a duplicate")
    }

    func insert(_ session: TrainingSession, milestoneID: Int64?, supersedes: Int64?) throws -> Int64 {
        try db.execute(
            """
            INSERT INTO training_sessions
                (milestone_id, started_on, ended_on, title, location, host, participants, countries, evidence_url, supersedes_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [milestoneID, session.startedOn.description, session.endedOn?.description, session.title, session.location,
             session.host, session.participants, session.countries, session.evidenceURL, supersedes])
        return db.lastInsertedRowID
    }

    static func derivedNotePrefix(title: String, location: String) -> String {
        "Training session held: \(title), \(location)"
    }

    /// The progress update a session adds to its milestone's action. Its "N of target" and percent
    /// are counted as of the session's own date (sessions held by then, in force then), so a
    /// session recorded late, or before others, states what was true on its date.
    func addDerivedUpdate(sessionID: Int64, _ session: TrainingSession, milestone: MilestoneRef, author: String?, supersedingUpdate: Int64?) throws {
        guard let actionNumber = milestone.actionNumber else { return }
        let done = try db.scalarInt(
            """
            SELECT count(*) FROM training_sessions t
            WHERE t.milestone_id = :milestone AND (t.started_on, t.id) <= (:start, :id)
              AND \(Self.inForce("t", asOf: ":start"))
            """, ["milestone": milestone.id, "start": session.startedOn.description, "id": sessionID]) ?? 0
        var note = Self.derivedNotePrefix(title: session.title, location: session.location)
        if let participants = session.participants { note += ", \(participants) participants" }
        if let countries = session.countries { note += " from \(countries) countries" }
        note += " (\(done) of \(milestone.target) toward \(milestone.slug))"
        try addMilestoneUpdate(
            note: note, done: done, milestone: milestone, actionNumber: actionNumber, reportedOn: session.endedOn ?? session.startedOn,
            evidenceURL: session.evidenceURL, author: author, superseding: supersedingUpdate)
    }

    /// A progress update on the milestone's action with the count `done`: completed once it
    /// reaches the target, with the percent of the target.
    func addMilestoneUpdate(
        note: String, done: Int, milestone: MilestoneRef, actionNumber: Int, reportedOn: ISODate, evidenceURL: String?,
        author: String?, superseding: Int64?
    ) throws {
        let entry = ProgressEntry(
            actionNumber: actionNumber, note: note, status: done >= milestone.target ? .completed : .inProgress,
            reportedOn: reportedOn, percent: min(100, Double(done) * 100 / Double(milestone.target)),
            evidenceURL: evidenceURL, author: author, commitmentSlug: milestone.commitmentSlug)
        _ = try ProgressLog(db: db, plan: plan).insert(entry, supersedes: superseding)
    }

    /// The progress update in force that `add` derived from a session, if there is one.
    func derivedUpdate(of session: TrainingSession, milestone: MilestoneRef) throws -> Int64? {
        guard let actionNumber = milestone.actionNumber else { return nil }
        let prefix = Self.derivedNotePrefix(title: session.title, location: session.location)
        return try db.fetchOne(
            """
            SELECT u.id FROM progress_updates u JOIN actions a ON a.id = u.action_id JOIN commitments c ON c.id = u.commitment_id
            WHERE a.plan_id = ? AND a.number = ? AND c.slug = ? AND u.reported_on = ? AND substr(u.note, 1, ?) = ?
              AND NOT EXISTS (SELECT 1 FROM progress_updates x WHERE x.supersedes_id = u.id)
            ORDER BY u.id DESC LIMIT 1
            """,
            [plan.id, actionNumber, milestone.commitmentSlug, (session.endedOn ?? session.startedOn).description, prefix.count, prefix],
            { $0.int64(at: 0) })
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
        /// Nil for a milestone of a plan-level target: its sessions add no action update.
        let actionNumber: Int?
        let commitmentSlug: String
    }

    func milestones() throws -> [MilestoneRef] {
        try db.fetchAll(
            """
            SELECT m.id, m.slug, m.target_count, a.number, c.slug
            FROM milestones m JOIN commitments c ON c.id = m.commitment_id LEFT JOIN actions a ON a.id = c.action_id
            WHERE c.plan_id = ? ORDER BY m.id
            """, [plan.id]) {
                MilestoneRef(id: $0.int64(at: 0), slug: $0.string(at: 1), target: $0.int(at: 2),
                             actionNumber: $0.isNull(at: 3) ? nil : $0.int(at: 3), commitmentSlug: $0.string(at: 4))
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

    func list() throws -> ResultTable {
        try ResultTable.query(
            db,
            """
            SELECT t.id, t.started_on, t.ended_on, t.title, t.location, t.host, t.participants, t.countries,
                   coalesce(m.slug, 'baseline') AS milestone,
                   CASE WHEN m.id IS NULL OR EXISTS (SELECT 1 FROM training_sessions s WHERE s.supersedes_id = t.id) THEN NULL ELSE
                       (SELECT count(*) FROM training_sessions o WHERE o.milestone_id = t.milestone_id
                        AND (o.started_on, o.id) <= (t.started_on, t.id) AND \(Self.inForce("o", asOf: "o.started_on"))) END AS counts_as,
                   t.evidence_url, t.supersedes_id,
                   (SELECT s.id FROM training_sessions s WHERE s.supersedes_id = t.id) AS superseded_by,
                   w.withdrawn_on, w.reason AS withdrawn_because, t.recorded_at
            FROM training_sessions t
            LEFT JOIN milestones m ON m.id = t.milestone_id
            LEFT JOIN commitments c ON c.id = m.commitment_id
            LEFT JOIN training_withdrawals w ON w.session_id = t.id
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
