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
                   t.milestone_id, m.slug, p.slug,
                   (SELECT s.id FROM training_sessions s WHERE s.supersedes_id = t.id),
                   (SELECT w.withdrawn_on FROM training_withdrawals w WHERE w.session_id = t.id)
            FROM training_sessions t LEFT JOIN milestones m ON m.id = t.milestone_id
            LEFT JOIN commitments c ON c.id = m.commitment_id LEFT JOIN plans p ON p.id = c.plan_id
            WHERE t.id = ?
            """, [id], { row in
                (session: TrainingSession(
                    title: row.string(at: 0), startedOn: ISODate(row.string(at: 1)) ?? .today(),
                    endedOn: row.optionalString(at: 2).flatMap { ISODate($0) }, location: row.string(at: 3),
                    host: row.optionalString(at: 4), participants: row.isNull(at: 5) ? nil : row.int(at: 5),
                    countries: row.isNull(at: 6) ? nil : row.int(at: 6), evidenceURL: row.optionalString(at: 7),
                    milestoneSlug: row.optionalString(at: 9), isBaseline: row.isNull(at: 8)),
                 milestoneID: row.isNull(at: 8) ? nil : row.int64(at: 8), plan: row.optionalString(at: 10),
                 correctedBy: row.isNull(at: 11) ? nil : row.int64(at: 11), withdrawnOn: row.optionalString(at: 12))
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
    /// Appends a corrected copy of session `id` that replaces it at every date, and supersedes the
    /// progress update it derived; returns the new session's id.
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
            let milestone = try log.milestones().first { $0.id == stored.milestoneID }
            try log.check(session)
            try log.checkNotDuplicate(session, milestoneID: stored.milestoneID, allowDuplicate: request.allowDuplicate, replacing: request.id)
            let derived = try milestone.flatMap { try log.derivedUpdate(of: stored.session, milestone: $0) }
            let id = try log.insert(session, milestoneID: stored.milestoneID, supersedes: request.id)
            if let milestone {
                try log.addDerivedUpdate(sessionID: id, session, milestone: milestone, author: request.author ?? Author.current, supersedingUpdate: derived)
            }
            return id
        }
    }
}
