/// What a correction of a training session changes; nil fields are kept from the session it replaces.
public struct CorrectTrainingRequest: Sendable, Equatable {
    public var id: Int64
    public var title: String?
    public var startedOn: ISODate?
    public var endedOn: ISODate?
    public var location: String?
    public var host: String?
    public var participants: Int?
    public var countries: Int?
    public var evidenceURL: String?
    public var author: String?
    public var allowDuplicate: Bool

    public init(
        id: Int64, title: String? = nil, startedOn: ISODate? = nil, endedOn: ISODate? = nil, location: String? = nil,
        host: String? = nil, participants: Int? = nil, countries: Int? = nil, evidenceURL: String? = nil, author: String? = nil,
        allowDuplicate: Bool = false
    ) {
        self.id = id
        self.title = title
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.location = location
        self.host = host
        self.participants = participants
        self.countries = countries
        self.evidenceURL = evidenceURL
        self.author = author
        self.allowDuplicate = allowDuplicate
    }

    public var changesNothing: Bool {
        title == nil && startedOn == nil && endedOn == nil && location == nil && host == nil && participants == nil
            && countries == nil && evidenceURL == nil
    }
}

/// A held session as stored, with the plan and milestone it counts toward.
struct StoredSession {
    let session: TrainingSession
    let milestoneID: Int64?
    let plan: PlanScope
    let correctedBy: Int64?
    let withdrawnOn: String?

    /// Session `id`, which must be in force (neither corrected nor withdrawn).
    static func inForce(_ id: Int64, in tracker: TrackerDatabase) throws -> StoredSession {
        let db = tracker.db
        guard let row = try db.fetchOne(
            """
            SELECT t.title, t.started_on, t.ended_on, t.location, t.host, t.participants, t.countries, t.evidence_url,
                   t.milestone_id, m.slug AS milestone, p.slug AS plan,
                   (SELECT s.id FROM training_sessions s WHERE s.supersedes_id = t.id) AS corrected_by,
                   (SELECT w.withdrawn_on FROM training_withdrawals w WHERE w.session_id = t.id) AS withdrawn_on
            FROM training_sessions t LEFT JOIN milestones m ON m.id = t.milestone_id
            LEFT JOIN commitments c ON c.id = m.commitment_id LEFT JOIN plans p ON p.id = c.plan_id
            WHERE t.id = ?
            """, [id], { row in
                let milestoneID: Int64? = try row["milestone_id"]
                return (session: TrainingSession(
                    title: try row["title"], startedOn: try row["started_on"], endedOn: try row["ended_on"],
                    location: try row["location"], host: try row["host"], participants: try row["participants"],
                    countries: try row["countries"], evidenceURL: try row["evidence_url"],
                    milestoneSlug: try row["milestone"], isBaseline: milestoneID == nil),
                 milestoneID: milestoneID, plan: try row["plan"] as String?,
                 correctedBy: try row["corrected_by"] as Int64?, withdrawnOn: try row["withdrawn_on"] as String?)
            })
        else { throw TrackerError(notFound: .session, "no training session with id \(id)") }
        if let newer = row.correctedBy {
            throw TrackerError(.session, "session \(id) was already corrected by \(newer); correct or withdraw \(newer) instead")
        }
        if let withdrawnOn = row.withdrawnOn { throw TrackerError(.session, "session \(id) was withdrawn on \(withdrawnOn)") }
        let plan = try PlanScope.resolve(row.plan, in: db)
        return StoredSession(session: row.session, milestoneID: row.milestoneID, plan: plan, correctedBy: nil, withdrawnOn: nil)
    }
}

extension TrackerDatabase {
    /// Appends a corrected copy of session `id`, by the person correcting, that replaces it at
    /// every date; returns the new session's id.
    public func correctTraining(_ request: CorrectTrainingRequest) throws -> Int64 {
        try db.inTransaction(.immediate) {
            if request.changesNothing { throw TrackerError("nothing to correct: give at least one field to change") }
            let stored = try StoredSession.inForce(request.id, in: self)
            let log = TrainingLog(db: db, plan: stored.plan)
            var session = stored.session
            if let title = request.title { session.title = title }
            if let startedOn = request.startedOn { session.startedOn = startedOn }
            if let endedOn = request.endedOn { session.endedOn = endedOn }
            if let location = request.location { session.location = location }
            if let host = request.host { session.host = host }
            if let participants = request.participants { session.participants = participants }
            if let countries = request.countries { session.countries = countries }
            if let url = request.evidenceURL { session.evidenceURL = url }
            try log.check(session)
            try log.checkNotDuplicate(session, milestoneID: stored.milestoneID, allowDuplicate: request.allowDuplicate, replacing: request.id)
            // The new row records who corrected it; the original, with its own author, stays.
            let id = try log.insert(session, milestoneID: stored.milestoneID, supersedes: request.id, author: request.author ?? Author.current)
            return id
        }
    }
}
