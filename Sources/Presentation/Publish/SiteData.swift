import Tracker
import Storage

/// Everything the published site shows, read in a handful of set-based queries (one per kind of
/// row, not one per page), so publishing stays fast with a hundred thousand updates.
struct SiteData {
    struct Quote: Equatable {
        var text: String
        var document: String
        var documentTitle: String
        var line: Int
    }

    struct Plan {
        var id: Int64
        var slug: String
        var title: String
        var titleEn: String?
        var proposedOn: String?
        var documentTitle: String?
        var documentURL: String?
        var groups: [Group] = []
        var items: [Item] = []
        var targets: [Target] = []
        /// Updates in force of every item, newest first (the plan's feed).
        var updates: [ProgressUpdateRow] = []
    }

    /// A vision, or the section an action sits in: the plan's grouping of its items.
    struct Group {
        var number: Int
        var title: String
        var titleEn: String?
        var quote: Quote?
        var quoteEn: Quote?
    }

    /// An action.
    struct Item {
        var id: Int64
        var number: Int
        var title: String
        var titleEn: String?
        var body: String
        var bodyEn: String?
        var group: Int?
        var quote: Quote?
        var quoteEn: Quote?
        var status: ActionStatusRow?
        /// Updates in force, newest first.
        var updates: [ProgressUpdateRow] = []
    }

    /// A commitment: its standing as of the day, its text and its recorded values.
    struct Target {
        var progress: CommitmentProgressRow
        var body: String
        var titleEn: String?
        var bodyEn: String?
        var quote: Quote?
        var quoteEn: Quote?
        var actuals: [RecordedActual] = []
    }

    var asOf: ISODate
    var plans: [Plan]
    /// The latest signed checkpoint's statement (`plantrack checkpoint`), published as it was signed.
    var checkpoint: String?

    init(tracker: TrackerDatabase, asOf: ISODate) throws {
        let db = tracker.db
        self.asOf = asOf
        checkpoint = try tracker.latestCheckpoint()
        let quotes = try Self.quotes(db)
        var plans = try db.fetchAll(
            """
            SELECT p.id, p.slug, p.title, p.title_en, p.proposed_on, d.title AS document_title, d.url AS document_url
            FROM plans p LEFT JOIN documents d ON d.id = p.document_id ORDER BY p.id
            """
        ) { row in
            Plan(id: try row["id"], slug: try row["slug"], title: try row["title"], titleEn: try row["title_en"],
                 proposedOn: try row["proposed_on"], documentTitle: try row["document_title"], documentURL: try row["document_url"])
        }
        let index = Dictionary(uniqueKeysWithValues: plans.enumerated().map { ($0.element.id, $0.offset) })

        try db.forEachRow("SELECT plan_id, number, title, title_en, source_id, source_en_id FROM visions ORDER BY plan_id, number") { row in
            guard let at = try index[row["plan_id"] as Int64] else { return }
            plans[at].groups.append(Group(
                number: try row["number"], title: try row["title"], titleEn: try row["title_en"],
                quote: try Self.quote(row, "source_id", in: quotes), quoteEn: try Self.quote(row, "source_en_id", in: quotes)))
        }
        try db.forEachRow(
            """
            SELECT a.plan_id, a.id, a.number, a.title, a.title_en, a.body, a.body_en, v.number AS vision_number, a.source_id, a.source_en_id
            FROM actions a LEFT JOIN visions v ON v.id = a.vision_id ORDER BY a.plan_id, a.number
            """
        ) { row in
            guard let at = try index[row["plan_id"] as Int64] else { return }
            plans[at].items.append(Item(
                id: try row["id"], number: try row["number"], title: try row["title"], titleEn: try row["title_en"],
                body: try row["body"], bodyEn: try row["body_en"], group: try row["vision_number"],
                quote: try Self.quote(row, "source_id", in: quotes), quoteEn: try Self.quote(row, "source_en_id", in: quotes)))
        }

        struct TargetText { var planID: Int64; var body: String; var titleEn: String?; var bodyEn: String?; var quote: Quote?; var quoteEn: Quote? }
        var texts: [String: TargetText] = [:]
        try db.forEachRow("SELECT slug, plan_id, body, title_en, body_en, source_id, source_en_id FROM commitments") { row in
            texts[try row["slug"]] = TargetText(
                planID: try row["plan_id"], body: try row["body"], titleEn: try row["title_en"], bodyEn: try row["body_en"],
                quote: try Self.quote(row, "source_id", in: quotes), quoteEn: try Self.quote(row, "source_en_id", in: quotes))
        }
        // The values the site's figures count, as of its date (commitment_actuals_in_force).
        let actuals = Dictionary(grouping: try tracker.actualsInForce(asOf: asOf), by: \.commitment)

        for at in plans.indices {
            let slug = plans[at].slug
            let statuses = try tracker.actionStatus(plan: slug, asOf: asOf)
            let byNumber = Dictionary(statuses.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
            let updates = try tracker.progressUpdates(plan: slug, ProgressFilter()).filter { $0.supersededBy == nil }
            var byAction: [Int: [ProgressUpdateRow]] = [:]
            for update in updates { byAction[update.action, default: []].append(update) }
            for item in plans[at].items.indices {
                let number = plans[at].items[item].number
                plans[at].items[item].status = byNumber[number]
                plans[at].items[item].updates = byAction[number] ?? []
            }
            plans[at].updates = updates
            plans[at].targets = try tracker.commitmentProgress(plan: slug, asOf: asOf).compactMap { progress in
                guard let text = texts[progress.slug] else { return nil }
                return Target(progress: progress, body: text.body, titleEn: text.titleEn, bodyEn: text.bodyEn, quote: text.quote,
                              quoteEn: text.quoteEn, actuals: actuals[progress.slug] ?? [])
            }
        }
        self.plans = plans
    }

    /// The passage column `column` points at: nil when it is NULL, an error when it names no passage.
    private static func quote(_ row: Statement, _ column: String, in quotes: [Int64: Quote]) throws -> Quote? {
        guard let id: Int64 = try row[column] else { return nil }
        guard let quote = quotes[id] else { throw TrackerError("\(column) \(id) names no source passage") }
        return quote
    }

    /// Every source passage with its document, by id (a plan has a few hundred).
    private static func quotes(_ db: Database) throws -> [Int64: Quote] {
        var quotes: [Int64: Quote] = [:]
        try db.forEachRow("SELECT s.id, s.quote, d.slug, d.title, s.line FROM sources s JOIN documents d ON d.id = s.document_id") { row in
            quotes[try row["id"]] = Quote(text: try row["quote"], document: try row["slug"], documentTitle: try row["title"], line: try row["line"])
        }
        return quotes
    }
}
