import Storage

/// A commitment that takes measured values: what a form may offer to `recordActual`.
public struct RecordableCommitment: Sendable, Equatable {
    public var slug: String
    public var title: String
    public var action: Int?
    public var unit: String?
}

extension TrackerDatabase {
    /// The commitments `recordActual` accepts a value for: neither date-only deliverables (done when
    /// their action is completed) nor targets counted in training sessions (CommitmentRef.checkAcceptsActual),
    /// so a form never offers a choice that is always refused.
    public func commitmentsTakingActuals() throws -> [RecordableCommitment] {
        try db.fetchAll(
            """
            SELECT c.slug, c.body, a.number, c.target_unit
            FROM commitments c LEFT JOIN actions a ON a.id = c.action_id
            WHERE c.kind <> 'deliverable' AND NOT EXISTS (SELECT 1 FROM milestones m WHERE m.commitment_id = c.id)
            ORDER BY c.plan_id, a.number IS NOT NULL, a.number, c.id
            """
        ) { row in
            RecordableCommitment(slug: try row["slug"], title: try row["body"], action: try row["number"], unit: try row["target_unit"])
        }
    }

}
