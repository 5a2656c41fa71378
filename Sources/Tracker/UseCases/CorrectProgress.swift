/// Record a correction that supersedes a progress update; nothing is overwritten.
public struct CorrectProgressRequest: Sendable, Equatable {
    public var plan: String?
    /// The id of the update to correct.
    public var update: Int64
    /// What changes; every field left nil is kept from the update it corrects.
    public var changes: ProgressCorrection

    public init(plan: String? = nil, update: Int64, changes: ProgressCorrection) {
        self.plan = plan
        self.update = update
        self.changes = changes
    }
}

extension TrackerDatabase {
    /// Records the correction in one write transaction; returns the new update's id.
    @discardableResult
    public func correctProgress(_ request: CorrectProgressRequest) throws -> Int64 {
        try db.inTransaction(.immediate) {
            let plan = try PlanScope.resolve(request.plan, in: db)
            return try ProgressLog(db: db, plan: plan).correct(id: request.update, with: request.changes)
        }
    }
}
