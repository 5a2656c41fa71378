/// Record a correction that supersedes a progress update; nothing is overwritten.
/// Every field left nil is kept from the update it corrects.
public struct CorrectProgressRequest: Sendable, Equatable {
    public var plan: String?
    /// The id of the update to correct.
    public var update: Int64
    public var note: String?
    public var status: Status?
    public var reportedOn: ISODate?
    public var percent: Double?
    public var evidenceURL: String?
    public var author: String?
    public var commitment: String?

    public init(
        plan: String? = nil, update: Int64, note: String? = nil, status: Status? = nil, reportedOn: ISODate? = nil,
        percent: Double? = nil, evidenceURL: String? = nil, author: String? = nil, commitment: String? = nil
    ) {
        self.plan = plan
        self.update = update
        self.note = note
        self.status = status
        self.reportedOn = reportedOn
        self.percent = percent
        self.evidenceURL = evidenceURL
        self.author = author
        self.commitment = commitment
    }
}

extension TrackerDatabase {
    /// Records the correction in one write transaction; returns the new update's id.
    @discardableResult
    public func correctProgress(_ request: CorrectProgressRequest) throws -> Int64 {
        try db.inTransaction(.immediate) {
            let plan = try PlanScope.resolve(request.plan, in: db)
            return try ProgressLog(db: db, plan: plan).correct(id: request.update, with: ProgressCorrection(
                note: request.note, status: request.status, reportedOn: request.reportedOn, percent: request.percent,
                evidenceURL: request.evidenceURL, author: request.author, commitmentSlug: request.commitment))
        }
    }
}
