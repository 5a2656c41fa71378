import Storage

/// The plan a command works on, and lookups of its actions and commitments.
public struct PlanScope: Sendable {
    /// The plan the bundled documents define; the default when it exists.
    public static let bundledSlug = "ai-capacity-building"

    public let id: Int64
    public let slug: String
    public let title: String
    public let proposedOn: ISODate?

    /// `--plan SLUG` when given; else the bundled plan, or the only plan there is.
    public static func resolve(_ slug: String?, in db: Database) throws -> PlanScope {
        let plans = try db.fetchAll("SELECT id, slug, title, proposed_on FROM plans ORDER BY id") {
            // A plan's date may be vague (2024-09): it then has no day for the date checks.
            PlanScope(id: try $0["id"], slug: try $0["slug"], title: try $0["title"],
                      proposedOn: (try $0["proposed_on"] as PublishedDate?)?.day)
        }
        if let slug {
            guard let plan = plans.first(where: { $0.slug == slug }) else {
                let known = plans.map(\.slug).joined(separator: ", ")
                throw TrackerError(notFound: .plan, "no plan '\(Escaped.text(slug))'" + (known.isEmpty ? "; run `plantrack init`" : " (plans: \(known))"))
            }
            return plan
        }
        if let bundled = plans.first(where: { $0.slug == bundledSlug }) { return bundled }
        guard plans.count == 1, let only = plans.first else {
            if plans.isEmpty { throw TrackerError("the database has no plan yet; run `plantrack init` or `plantrack import FILE`") }
            throw TrackerError(.plan, "several plans; choose one (\(plans.map(\.slug).joined(separator: ", ")))")
        }
        return only
    }

    /// The database id of action `number`, or an error naming the valid range.
    public func actionID(number: Int, in db: Database) throws -> Int64 {
        if let id = try db.fetchOne("SELECT id FROM actions WHERE plan_id = ? AND number = ?", [id, number], { try $0["id"] as Int64 }) {
            return id
        }
        let count = try db.scalarInt("SELECT count(*) FROM actions WHERE plan_id = ?", [id]) ?? 0
        let range = count == 0 ? "it has no actions" : "it has actions 1–\(count)"
        throw TrackerError(notFound: .action, "action \(number) does not exist in plan \(slug) (\(range))")
    }

    /// The id of commitment `slug`, which must belong to action `actionID` when given.
    public func commitmentID(slug: String, actionID: Int64?, in db: Database) throws -> Int64 {
        guard let (id, owner) = try db.fetchOne(
            """
            SELECT c.id, c.action_id FROM commitments c JOIN actions a ON a.id = c.action_id
            WHERE c.slug = ? AND a.plan_id = ?
            """, [slug, id], { (try $0["id"] as Int64, try $0["action_id"] as Int64) })
        else {
            let known = try db.fetchAll(
                "SELECT c.slug FROM commitments c JOIN actions a ON a.id = c.action_id WHERE a.plan_id = ? ORDER BY c.slug",
                [id]) { try $0["slug"] as String }
            throw TrackerError("no commitment '\(slug)' in plan \(self.slug)" + (known.isEmpty ? "" : " (commitments: \(known.joined(separator: ", ")))"))
        }
        if let actionID, owner != actionID {
            throw TrackerError(.commitment, "commitment '\(slug)' belongs to another action")
        }
        return id
    }
}
