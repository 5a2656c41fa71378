/// Declares that a commitment is counted in training sessions: a milestone with the commitment's
/// target (a whole number) and due date.
public struct AddMilestoneRequest: Sendable, Equatable {
    public var commitment: String
    /// Default: the commitment's slug.
    public var slug: String?
    /// Default: the commitment's English title, else its text.
    public var title: String?

    public init(commitment: String, slug: String? = nil, title: String? = nil) {
        self.commitment = commitment
        self.slug = slug
        self.title = title
    }
}

extension TrackerDatabase {
    /// Returns the new milestone's slug.
    public func addMilestone(_ request: AddMilestoneRequest) throws -> String {
        try db.inTransaction(.immediate) {
            let commitment = try CommitmentRef.resolve(request.commitment, in: db)
            if let existing = commitment.milestoneSlug {
                throw TrackerError(.commitment, "\(commitment.slug) is already counted by milestone \(existing)")
            }
            guard commitment.kind != .deliverable, let target = commitment.targetValue else {
                throw TrackerError(.commitment, "\(commitment.slug) is a date-only deliverable; there is nothing to count")
            }
            guard target >= 1, target == target.rounded(), target < 1e9 else {
                throw TrackerError(.commitment, "\(commitment.slug) has target \(target.formatted), not a whole number of sessions")
            }
            guard let due = commitment.dueOn, ISODate(due) != nil else {
                throw TrackerError(.commitment, "\(commitment.slug) has no due date (YYYY-MM-DD) to count sessions against")
            }
            if commitment.isShare { throw TrackerError(.commitment, "\(commitment.slug) is a percentage, not a count of sessions") }
            let actuals = try db.scalarInt("SELECT count(*) FROM commitment_actuals WHERE commitment_id = ?", [commitment.id]) ?? 0
            if actuals > 0 {
                throw TrackerError(.commitment, "\(commitment.slug) already has \(actuals) recorded value(s); a commitment is measured by values or by sessions, not both")
            }
            let slug = request.slug ?? commitment.slug
            if try db.scalarInt("SELECT count(*) FROM milestones WHERE slug = ?", [slug]) ?? 0 > 0 {
                throw TrackerError(.slug, "a milestone '\(slug)' already exists")
            }
            let title = try request.title ?? db.fetchOne(
                "SELECT coalesce(title_en, body) AS title FROM commitments WHERE id = ?", [commitment.id], { try $0["title"] as String }) ?? slug
            try db.execute(
                "INSERT INTO milestones (commitment_id, slug, title, target_count, unit, due_on) VALUES (?, ?, ?, ?, ?, ?)",
                [commitment.id, slug, title, Int(target), commitment.unit, due])
            return slug
        }
    }
}
