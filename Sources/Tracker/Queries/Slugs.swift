import Storage

extension TrackerDatabase {
    /// Every plan's slug, for shell completion.
    public func planSlugs() throws -> [String] {
        try db.fetchAll("SELECT slug FROM plans ORDER BY slug") { try $0["slug"] as String }
    }

    /// The slugs of `plan`'s commitments (nil: the default plan), for shell completion.
    public func commitmentSlugs(plan: String? = nil) throws -> [String] {
        let scope = try PlanScope.resolve(plan, in: db)
        return try db.fetchAll(
            "SELECT c.slug FROM commitments c JOIN actions a ON a.id = c.action_id WHERE a.plan_id = ? ORDER BY c.slug",
            [scope.id]) { try $0["slug"] as String }
    }
}
