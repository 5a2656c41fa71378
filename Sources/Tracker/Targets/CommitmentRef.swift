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
            SELECT c.id, c.slug, p.id, p.slug, p.proposed_on, c.action_id, a.number, c.kind, c.target_value,
                   c.target_unit, c.due_on, m.slug
            FROM commitments c JOIN plans p ON p.id = c.plan_id
            LEFT JOIN actions a ON a.id = c.action_id LEFT JOIN milestones m ON m.commitment_id = c.id
            WHERE c.slug = ?
            """, [slug], { row in
                CommitmentRef(
                    id: row.int64(at: 0), slug: row.string(at: 1), planID: row.int64(at: 2), planSlug: row.string(at: 3),
                    proposedOn: row.optionalString(at: 4).flatMap { ISODate($0) },
                    actionID: row.isNull(at: 5) ? nil : row.int64(at: 5), actionNumber: row.isNull(at: 6) ? nil : row.int(at: 6),
                    kind: CommitmentKind(rawValue: row.string(at: 7)) ?? .level, targetValue: row.optionalDouble(at: 8),
                    unit: row.optionalString(at: 9), dueOn: row.optionalString(at: 10), milestoneSlug: row.optionalString(at: 11))
            })
        {
            return found
        }
        let known = try db.fetchAll("SELECT slug FROM commitments ORDER BY slug") { $0.string(at: 0) }
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
        if date > today { throw TrackerError(.reportedOn, "\(date) is in the future (today is \(today))") }
        if let proposedOn, date < proposedOn {
            throw TrackerError(.reportedOn, "\(date) is before plan \(planSlug) was proposed (\(proposedOn))")
        }
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
