/// Record a progress update against one action of a plan.
public struct AddProgressRequest: Sendable, Equatable {
    /// The plan's slug; nil means the default plan (the bundled one, or the only one).
    public var plan: String?
    /// The action's number or printed label.
    public var action: ActionReference
    public var note: String
    public var status: Status
    /// nil means today.
    public var reportedOn: ISODate?
    public var percent: Double?
    public var evidenceURL: String?
    /// nil means `Author.current`.
    public var author: String?
    /// The slug of one of the action's commitments the update reports on.
    public var commitment: String?
    /// Record it even if it repeats exactly an update recorded in the last few minutes.
    public var allowDuplicate: Bool

    public init(
        plan: String? = nil, action: ActionReference, note: String, status: Status = .inProgress, reportedOn: ISODate? = nil,
        percent: Double? = nil, evidenceURL: String? = nil, author: String? = nil, commitment: String? = nil,
        allowDuplicate: Bool = false
    ) {
        self.plan = plan
        self.action = action
        self.note = note
        self.status = status
        self.reportedOn = reportedOn
        self.percent = percent
        self.evidenceURL = evidenceURL
        self.author = author
        self.commitment = commitment
        self.allowDuplicate = allowDuplicate
    }
}

extension TrackerDatabase {
    /// Records the update in one write transaction; returns its id.
    @discardableResult
    public func addProgress(_ request: AddProgressRequest) throws -> Int64 {
        try db.inTransaction(.immediate) {
            let plan = try PlanScope.resolve(request.plan, in: db)
            return try ProgressLog(db: db, plan: plan).add(ProgressEntry(
                actionNumber: try plan.actionNumber(request.action, in: db), note: request.note, status: request.status,
                reportedOn: request.reportedOn ?? .today(), percent: request.percent, evidenceURL: request.evidenceURL,
                author: request.author ?? Author.current, commitmentSlug: request.commitment), allowDuplicate: request.allowDuplicate)
        }
    }
}
