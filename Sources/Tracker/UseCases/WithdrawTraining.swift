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
    /// Records the withdrawal, dated: counts before it are unchanged, and from its date on the
    /// views leave the session out of the milestone and of its action alike. Returns its id.
    public func withdrawTraining(_ request: WithdrawTrainingRequest) throws -> Int64 {
        try db.inTransaction(.immediate) {
            let stored = try StoredSession.inForce(request.id, in: self)
            let today = ISODate.today()
            let date = request.withdrawnOn ?? today
            let reason = request.reason.trimmingWhitespace
            if reason.isEmpty { throw TrackerError(.reason, "the reason is empty") }
            try DateWindow(today: today, proposedOn: nil).check(date, field: .reportedOn)
            if date < stored.session.startedOn {
                throw TrackerError(.reportedOn, "\(date) is before the session started (\(stored.session.startedOn))")
            }
            let author = request.author ?? Author.current
            try db.execute(
                "INSERT INTO training_withdrawals (session_id, withdrawn_on, reason, author) VALUES (?, ?, ?, ?)",
                [request.id, date.description, reason, author])
            let withdrawalID = db.lastInsertedRowID
            return withdrawalID
        }
    }
}
