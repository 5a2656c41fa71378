/// Record a training or workshop session that was held.
public struct AddTrainingRequest: Sendable, Equatable {
    public var plan: String?
    public var session: TrainingSession
    /// Author of the progress update the session adds to its milestone's action; nil means `Author.current`.
    public var author: String?
    /// Record it even if a session in force has the same milestone, start date and title.
    public var allowDuplicate: Bool

    public init(plan: String? = nil, session: TrainingSession, author: String? = nil, allowDuplicate: Bool = false) {
        self.plan = plan
        self.session = session
        self.author = author
        self.allowDuplicate = allowDuplicate
    }
}

extension TrackerDatabase {
    /// Records the session in one write transaction; returns its id.
    @discardableResult
    public func addTraining(_ request: AddTrainingRequest) throws -> Int64 {
        try db.inTransaction(.immediate) {
            // A milestone names its plan: `training add --milestone SLUG` needs no --plan.
            let planSlug = try request.plan ?? request.session.milestoneSlug.flatMap { slug in
                try db.scalarString(
                    """
                    SELECT p.slug FROM milestones m JOIN commitments c ON c.id = m.commitment_id JOIN plans p ON p.id = c.plan_id
                    WHERE m.slug = ?
                    """, [slug])
            }
            let plan = try PlanScope.resolve(planSlug, in: db)
            return try TrainingLog(db: db, plan: plan).add(request.session, author: request.author ?? Author.current, allowDuplicate: request.allowDuplicate)
        }
    }
}
