/// Takes a held session out of the counts from `withdrawnOn` (default today) on.
public struct WithdrawTrainingRequest: Sendable, Equatable {
    public var id: Int64
    public var reason: String
    public var withdrawnOn: ISODate?
    public var author: String?

    public init(id: Int64, reason: String, withdrawnOn: ISODate? = nil, author: String? = nil) {
        self.id = id
        self.reason = reason
        self.withdrawnOn = withdrawnOn
        self.author = author
    }
}

extension TrackerDatabase {
    /// Records the withdrawal (dated: counts before it are unchanged) and, on the milestone's
    /// action, a correction of the session's progress update reported on the same date. Returns
    /// the withdrawal's id.
    public func withdrawTraining(_ request: WithdrawTrainingRequest) throws -> Int64 {
        try db.inTransaction(.immediate) {
            let stored = try StoredSession.inForce(request.id, in: self)
            let today = ISODate.today()
            let date = request.withdrawnOn ?? today
            let reason = request.reason.trimmingWhitespace
            if reason.isEmpty { throw TrackerError(.reason, "the reason is empty") }
            if date > today { throw TrackerError(.reportedOn, "\(date) is in the future (today is \(today))") }
            if date < stored.session.startedOn {
                throw TrackerError(.reportedOn, "\(date) is before the session started (\(stored.session.startedOn))")
            }
            let author = request.author ?? Author.current
            try db.execute(
                "INSERT INTO training_withdrawals (session_id, withdrawn_on, reason, author) VALUES (?, ?, ?, ?)",
                [request.id, date.description, reason, author])
            let withdrawalID = db.lastInsertedRowID
            let log = TrainingLog(db: db, plan: stored.plan)
            if stored.milestoneID != nil, let milestone = try log.milestones().first(where: { $0.id == stored.milestoneID }),
                let actionNumber = milestone.actionNumber
            {
                let done = try db.scalarInt(
                    "SELECT count(*) FROM training_sessions t WHERE t.milestone_id = :m AND t.started_on <= :d AND \(TrainingLog.inForce("t", asOf: ":d"))",
                    ["m": milestone.id, "d": date.description]) ?? 0
                let note = "Training session withdrawn: \(stored.session.title), \(stored.session.location) (\(reason)); \(done) of \(milestone.target) toward \(milestone.slug)"
                try log.addMilestoneUpdate(
                    note: note, done: done, milestone: milestone, actionNumber: actionNumber, reportedOn: date, evidenceURL: nil,
                    author: author, superseding: try log.derivedUpdate(of: stored.session, milestone: milestone))
            }
            return withdrawalID
        }
    }
}
