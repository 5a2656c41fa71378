import Storage

/// A commitment as the write paths need it: where it belongs and what it accepts.
struct CommitmentRef {
    let id: Int64
    let slug: String
    let planID: Int64
    let planSlug: String
    let proposedOn: ISODate?
    let actionID: Int64?
    let actionNumber: Int?
    let kind: CommitmentKind
    let targetValue: Double?
    let unit: String?
    let dueOn: String?
    let milestoneSlug: String?

    /// The commitment `slug` of any plan; unknown slugs name the nearest ones.
    static func resolve(_ slug: String, in db: Database) throws -> CommitmentRef {
        if let found = try db.fetchOne(
            """
            SELECT c.id, c.slug, p.id AS plan_id, p.slug AS plan, p.proposed_on, c.action_id, a.number, c.kind, c.target_value,
                   c.target_unit, c.due_on, m.slug AS milestone
            FROM commitments c JOIN plans p ON p.id = c.plan_id
            LEFT JOIN actions a ON a.id = c.action_id LEFT JOIN milestones m ON m.commitment_id = c.id
            WHERE c.slug = ?
            """, [slug], { row in
                let kind: String = try row["kind"]
                // The schema's CHECK allows three kinds; anything else is damage, not a default.
                guard let commitmentKind = CommitmentKind(rawValue: kind) else {
                    throw TrackerError("the database holds '\(kind)' where a commitment kind belongs; run `plantrack verify`")
                }
                // A plan's date may be vague (2024-09): then it has no day to count a pace from.
                let proposedOn = (try row["proposed_on"] as PublishedDate?)?.day
                return CommitmentRef(
                    id: try row["id"], slug: try row["slug"], planID: try row["plan_id"], planSlug: try row["plan"],
                    proposedOn: proposedOn, actionID: try row["action_id"], actionNumber: try row["number"],
                    kind: commitmentKind, targetValue: try row["target_value"], unit: try row["target_unit"], dueOn: try row["due_on"],
                    milestoneSlug: try row["milestone"])
            })
        {
            return found
        }
        let known = try db.fetchAll("SELECT slug FROM commitments ORDER BY slug") { try $0["slug"] as String }
        throw TrackerError(notFound: .commitment, NearestNames.unknown("commitment", slug, among: known))
    }

    /// Checks that a measured value can be recorded against this commitment.
    func checkAcceptsActual(_ quantity: Quantity, measuredOn: ISODate, today: ISODate) throws {
        if kind == .deliverable {
            throw TrackerError("commitment \(slug) is a date-only deliverable; it is done when its action is reported completed (progress add … --status completed)")
        }
        if let milestoneSlug {
            throw TrackerError("commitment \(slug) is counted in the training sessions of milestone \(milestoneSlug); record sessions with `training add`")
        }
        try checkUnit(quantity.unit, against: unit)
        // A share is at most 100%, unless the target itself is a rate above it (growth of 150%).
        if isShare, quantity.value > 100, (targetValue ?? 0) <= 100 {
            throw TrackerError(.value, "\(quantity.value.formatted)% is over 100%")
        }
        try checkMeasuredOn(measuredOn, today: today)
    }

    var isShare: Bool { kind == .share || unit == "%" }

    func checkMeasuredOn(_ date: ISODate, today: ISODate) throws {
        try DateWindow(today: today, proposedOn: proposedOn).check(date, field: .reportedOn)
    }
}

/// A unit typed with a value must be the unit of what it measures: no silent conversion.
func checkUnit(_ typed: String?, against expected: String?) throws {
    guard let typed, typed != expected else { return }
    throw TrackerError(.value, "'\(Escaped.text(typed))' is not the unit of this target (\(expected.map { "'\($0)'" } ?? "it has none"))")
}

extension Double {
    /// 35, 35.5: as cells print numbers.
    var formatted: String { CellText.real(self) }
}
