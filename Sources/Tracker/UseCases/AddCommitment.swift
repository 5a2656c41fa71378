/// A target declared by hand: one of a plan's main targets (no action) or an action's.
public struct AddCommitmentRequest: Sendable, Equatable {
    public var plan: String?
    public var action: Int?
    public var slug: String
    public var body: String
    public var titleEn: String?
    /// Nil: inferred (no target → deliverable, `%` → share, else level).
    public var kind: CommitmentKind?
    public var qualifier: TargetQualifier?
    public var target: Quantity?
    public var dueOn: String?
    public var indicator: String?

    public init(
        plan: String? = nil, action: Int? = nil, slug: String, body: String, titleEn: String? = nil, kind: CommitmentKind? = nil,
        qualifier: TargetQualifier? = nil, target: Quantity? = nil, dueOn: String? = nil, indicator: String? = nil
    ) {
        self.plan = plan
        self.action = action
        self.slug = slug
        self.body = body
        self.titleEn = titleEn
        self.kind = kind
        self.qualifier = qualifier
        self.target = target
        self.dueOn = dueOn
        self.indicator = indicator
    }
}

extension TrackerDatabase {
    /// Returns the new commitment's id.
    public func addCommitment(_ request: AddCommitmentRequest) throws -> Int64 {
        try db.inTransaction(.immediate) {
            let plan = try PlanScope.resolve(request.plan, in: db)
            let actionID = try request.action.map { try plan.actionID(number: $0, in: db) }
            let body = request.body.trimmingWhitespace
            if body.isEmpty { throw TrackerError("the text of the target is empty") }
            guard !request.slug.isEmpty, request.slug == AddIndicatorRequest.slug(from: request.slug) else {
                throw TrackerError("'\(Escaped.text(request.slug))' is not a slug (lowercase letters, digits and dashes)")
            }
            if try db.scalarInt("SELECT count(*) FROM commitments WHERE slug = ?", [request.slug]) ?? 0 > 0 {
                throw TrackerError("a commitment '\(request.slug)' already exists")
            }
            var unit = request.target?.unit
            var indicatorID: Int64?
            if let indicator = request.indicator {
                let (id, indicatorUnit) = try resolveIndicator(indicator)
                try checkUnit(unit, against: indicatorUnit)
                indicatorID = id
                unit = indicatorUnit
            }
            let kind = request.kind ?? CommitmentKind.inferred(targetValue: request.target?.value, unit: unit)
            switch kind {
            case .deliverable where request.target != nil:
                throw TrackerError(.target, "a date-only deliverable has no target value")
            case .level, .share:
                guard request.target != nil else { throw TrackerError(.target, "a \(kind.rawValue) target needs a value") }
            default: break
            }
            if let due = request.dueOn, !Self.isDueDate(due) {
                throw TrackerError(.due, "'\(Escaped.text(due))' is not a due date (YYYY-MM-DD, YYYY-MM or YYYY)")
            }
            if kind == .share, unit == nil { unit = "%" }
            try db.execute(
                """
                INSERT INTO commitments (plan_id, action_id, slug, body, title_en, kind, qualifier, target_value, target_unit, due_on, indicator_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [plan.id, actionID, request.slug, body, request.titleEn, kind.rawValue, request.qualifier?.rawValue,
                 request.target?.value, unit, request.dueOn, indicatorID])
            return db.lastInsertedRowID
        }
    }

    static func isDueDate(_ text: String) -> Bool {
        if ISODate(text) != nil { return true }
        if text.count == 7 { return ISODate(text + "-01") != nil }
        if text.count == 4 { return ISODate(text + "-01-01") != nil }
        return false
    }
}
