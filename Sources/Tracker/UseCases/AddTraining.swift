/// Record a training or workshop session that was held.
public struct AddTrainingRequest: Sendable, Equatable {
    public var plan: String?
    public var session: TrainingSession
    /// Author of the progress update the session adds to its milestone's action; nil means `Author.current`.
    public var author: String?

    public init(plan: String? = nil, session: TrainingSession, author: String? = nil) {
        self.plan = plan
        self.session = session
        self.author = author
    }
}

extension TrackerDatabase {
    /// Records the session in one write transaction; returns its id.
    @discardableResult
    public func addTraining(_ request: AddTrainingRequest) throws -> Int64 {
        try db.inTransaction(.immediate) {
            let plan = try PlanScope.resolve(request.plan, in: db)
            return try TrainingLog(db: db, plan: plan).add(request.session, author: request.author ?? Author.current)
        }
    }
}
