import Storage

/// Read-only listings of what the import produced: plans, actions, indicators, initiatives.
/// One action with its text, vision, source, commitments and timeline.
public struct ActionDetail: Sendable {
    public let number: Int
    public let title: String
    public let titleEn: String?
    public let body: String
    public let vision: String?
    public let sourceLine: Int?
    public let sourceQuote: String?
    public let document: String?
    /// Its number as printed in the plan (二（一）3) and the headings above it, when the outline gave them.
    public var label: String? = nil
    public var outlinePath: String? = nil
    public let commitments: ResultTable
    public let timeline: ResultTable
    /// The sessions in force today of the action's milestones, each with its place in the count
    /// (`sessions_in_force`): they are the action's progress as much as its updates are.
    public let sessions: ResultTable
}

struct CatalogQueries {
    let db: Database

    func plans() throws -> ResultTable {
        try ResultTable.query(
            db,
            """
            SELECT p.slug, p.title, p.title_en, p.proposed_on,
                   (SELECT count(*) FROM visions v WHERE v.plan_id = p.id) AS visions,
                   (SELECT count(*) FROM actions a WHERE a.plan_id = p.id) AS actions,
                   d.slug AS document
            FROM plans p LEFT JOIN documents d ON d.id = p.document_id
            ORDER BY p.id
            """
        ).showing(["slug", "title", "proposed_on", "visions", "actions"])
    }

    /// The plan's fields, visions and actions as one table each.
    func planDetail(_ plan: PlanScope) throws -> (summary: ResultTable, visions: ResultTable, actions: ResultTable) {
        let summary = try ResultTable.query(
            db,
            """
            SELECT p.slug, p.title, p.title_en, p.proposed_on, d.title AS document, d.publisher, d.url, s.line, s.quote
            FROM plans p LEFT JOIN documents d ON d.id = p.document_id LEFT JOIN sources s ON s.id = p.source_id
            WHERE p.id = ?
            """, [plan.id]).showing(["slug", "title", "proposed_on", "document"])
        let visions = try ResultTable.query(
            db, "SELECT number, title, title_en FROM visions WHERE plan_id = ? ORDER BY number", [plan.id])
        let actions = try ResultTable.query(
            db,
            """
            SELECT a.number, a.title, a.title_en, v.number AS vision,
                   (SELECT count(*) FROM commitments c WHERE c.action_id = a.id) AS commitments
            FROM actions a LEFT JOIN visions v ON v.id = a.vision_id
            WHERE a.plan_id = ? ORDER BY a.number
            """, [plan.id])
        return (summary, visions, actions)
    }

    func action(_ number: Int, of plan: PlanScope) throws -> ActionDetail {
        let actionID = try plan.actionID(number: number, in: db)
        guard let detail = try db.fetchOne(
            """
            SELECT a.number, a.title, a.title_en, a.body,
                   CASE WHEN v.id IS NULL THEN NULL ELSE v.number || '. ' || coalesce(v.title_en || ' — ', '') || v.title END AS vision,
                   s.line, s.quote, d.slug AS document
            FROM actions a LEFT JOIN visions v ON v.id = a.vision_id
            LEFT JOIN sources s ON s.id = a.source_id LEFT JOIN documents d ON d.id = s.document_id
            WHERE a.id = ?
            """, [actionID], { row in
                (try row["number"] as Int, try row["title"] as String, try row["title_en"] as String?, try row["body"] as String,
                 try row["vision"] as String?, try row["line"] as Int?, try row["quote"] as String?, try row["document"] as String?)
            })
        else { throw TrackerError("action \(number) vanished while reading it") }
        let commitments = try ResultTable.query(
            db,
            """
            SELECT c.slug, c.body, c.target_value, c.target_unit, c.due_on, m.slug AS milestone
            FROM commitments c LEFT JOIN milestones m ON m.commitment_id = c.id
            WHERE c.action_id = ? ORDER BY c.id
            """, [actionID]
        ).showing(["slug", "body", "target_value", "due_on"])
        let timeline = try ResultTable.query(
            db,
            """
            SELECT u.id, u.reported_on, u.status, u.percent, u.note, u.author, u.evidence_url,
                   CASE WHEN u.supersedes_id IS NOT NULL THEN 'corrects #' || u.supersedes_id END AS correction,
                   (SELECT 'superseded by #' || c.id FROM progress_updates c WHERE c.supersedes_id = u.id) AS superseded
            FROM progress_updates u WHERE u.action_id = ?
              AND NOT EXISTS (SELECT 1 FROM derived_session_updates d WHERE d.update_id = u.id)
            ORDER BY u.reported_on, u.id
            """, [actionID]
        ).showing(["id", "reported_on", "status", "note", "correction", "superseded"])
        let sessions = try ResultTable.query(
            db,
            """
            SELECT s.id, s.milestone, s.counts_as, s.held_on, s.ended_on, s.title, s.location, s.participants, s.countries,
                   s.evidence_url
            FROM sessions_in_force s WHERE s.action_id = ?
            ORDER BY s.milestone, s.counts_as
            """, [actionID]
        ).showing(["id", "milestone", "counts_as", "held_on", "title", "location"])
        let outline = try db.fetchOne("SELECT label, outline_path FROM actions WHERE id = ?", [actionID]) {
            (try $0["label"] as String?, try $0["outline_path"] as String?)
        }
        return ActionDetail(
            number: detail.0, title: detail.1, titleEn: detail.2, body: detail.3, vision: detail.4,
            sourceLine: detail.5, sourceQuote: detail.6, document: detail.7, label: outline?.0, outlinePath: outline?.1,
            commitments: commitments, timeline: timeline, sessions: sessions)
    }

    func indicators(search: String?) throws -> ResultTable {
        try ResultTable.query(
            db,
            """
            SELECT i.slug, i.name, i.name_en, v.qualifier, v.value, i.unit, v.as_of, d.slug AS document, s.line, s.quote
            FROM indicator_values v
            JOIN indicators i ON i.id = v.indicator_id
            LEFT JOIN sources s ON s.id = v.source_id
            LEFT JOIN documents d ON d.id = s.document_id
            WHERE :search IS NULL
               OR instr(lower(i.slug), lower(:search)) OR instr(lower(i.name), lower(:search))
               OR instr(lower(coalesce(i.name_en, '')), lower(:search)) OR instr(s.quote, :search)
            ORDER BY i.slug, v.as_of, v.id
            """, ["search": search]
        ).showing(["name", "qualifier", "value", "unit", "as_of"])
    }

    /// Every commitment of the plan with its action and milestone, in action order.
    func commitments(of plan: PlanScope) throws -> ResultTable {
        try ResultTable.query(
            db,
            """
            SELECT a.number AS action, c.slug, c.body, c.target_value, c.target_unit, c.due_on, m.slug AS milestone
            FROM commitments c JOIN actions a ON a.id = c.action_id LEFT JOIN milestones m ON m.commitment_id = c.id
            WHERE a.plan_id = ? ORDER BY a.number, c.id
            """, [plan.id])
    }

    func initiatives() throws -> ResultTable {
        try ResultTable.query(
            db,
            """
            SELECT n.name, n.name_en, n.kind, n.announced_on, d.slug AS document, s.line, s.quote
            FROM initiatives n LEFT JOIN sources s ON s.id = n.source_id LEFT JOIN documents d ON d.id = s.document_id
            ORDER BY n.announced_on IS NULL, n.announced_on, n.name
            """
        ).showing(["name", "kind", "announced_on"])
    }
}

extension TrackerDatabase {
    /// Every plan with its counts of visions and actions.
    public func plans() throws -> ResultTable { try CatalogQueries(db: db).plans() }

    /// One plan (the default plan when nil): its fields, visions and actions.
    public func planDetail(_ plan: String?) throws -> (summary: ResultTable, visions: ResultTable, actions: ResultTable) {
        try CatalogQueries(db: db).planDetail(try PlanScope.resolve(plan, in: db))
    }

    /// Action `number` of `plan`: its text, vision, source, commitments and timeline.
    public func action(_ number: Int, plan: String? = nil) throws -> ActionDetail {
        try CatalogQueries(db: db).action(number, of: try PlanScope.resolve(plan, in: db))
    }

    /// The action `reference` names (its number or printed label) in `plan`.
    public func action(_ reference: ActionReference, plan: String? = nil) throws -> ActionDetail {
        let scope = try PlanScope.resolve(plan, in: db)
        return try CatalogQueries(db: db).action(try scope.actionNumber(reference, in: db), of: scope)
    }

    /// Indicator values whose slug, names or source quote contain `search` (all when nil).
    public func indicators(search: String?) throws -> ResultTable { try CatalogQueries(db: db).indicators(search: search) }

    /// Every commitment of `plan` with its action number and milestone (the JSON API's /api/commitments).
    public func commitments(plan: String? = nil) throws -> ResultTable {
        try CatalogQueries(db: db).commitments(of: try PlanScope.resolve(plan, in: db))
    }

    /// Named initiatives, programmes and policies with their dates.
    public func initiatives() throws -> ResultTable { try CatalogQueries(db: db).initiatives() }
}
