import Storage

/// A value of an indicator recorded by hand, beside the values read from documents.
public struct RecordIndicatorValueRequest: Sendable, Equatable {
    public var indicator: String
    public var value: Quantity
    public var asOf: ISODate
    public var qualifier: TargetQualifier?
    public var evidenceURL: String?
    public var note: String?
    public var author: String?

    public init(
        indicator: String, value: Quantity, asOf: ISODate, qualifier: TargetQualifier? = nil, evidenceURL: String? = nil,
        note: String? = nil, author: String? = nil
    ) {
        self.indicator = indicator
        self.value = value
        self.asOf = asOf
        self.qualifier = qualifier
        self.evidenceURL = evidenceURL
        self.note = note
        self.author = author
    }
}

extension TrackerDatabase {
    /// Appends the value; returns its id.
    public func recordIndicatorValue(_ request: RecordIndicatorValueRequest) throws -> Int64 {
        try db.inTransaction(.immediate) { try recordIndicatorValue(request, supersedes: nil) }
    }

    /// The checks and the insert, inside the caller's transaction.
    func recordIndicatorValue(_ request: RecordIndicatorValueRequest, supersedes: Int64?) throws -> Int64 {
        let (id, unit) = try resolveIndicator(request.indicator)
        try checkUnit(request.value.unit, against: unit)
        if unit == "%", request.value.value > 100 { throw TrackerError(.value, "\(request.value.value.formatted)% is over 100%") }
        let today = ISODate.today()
        // An indicator's earlier values may predate the plan (a baseline): the window's upper end only.
        try DateWindow(today: today, proposedOn: nil).check(request.asOf, field: .asOf)
        try db.execute(
            """
            INSERT INTO indicator_values
                (indicator_id, value, qualifier, as_of, source_id, evidence_url, note, author, recorded_at, supersedes_id)
            VALUES (?, ?, ?, ?, NULL, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)
            """,
            [id, request.value.value, (request.qualifier ?? .equal).rawValue, request.asOf.description, request.evidenceURL,
             request.note, request.author ?? Author.current, supersedes])
        return db.lastInsertedRowID
    }

    /// The id and unit of indicator `slug`; unknown slugs name the nearest ones.
    func resolveIndicator(_ slug: String) throws -> (Int64, String?) {
        if let found = try db.fetchOne("SELECT id, unit FROM indicators WHERE slug = ?", [slug], { (try $0["id"] as Int64, try $0["unit"] as String?) }) {
            return found
        }
        let known = try db.fetchAll("SELECT slug FROM indicators ORDER BY slug") { try $0["slug"] as String }
        throw TrackerError(notFound: .indicator, NearestNames.unknown("indicator", slug, among: known))
    }

    /// An indicator's series, oldest first, with each value's source (document quote or evidence
    /// URL), and the targets that use it.
    public func indicatorSeries(_ slug: String) throws -> (values: ResultTable, targets: ResultTable) {
        let (id, _) = try resolveIndicator(slug)
        let values = try ResultTable.query(
            db,
            """
            SELECT v.id, v.as_of, v.qualifier, v.value, i.unit,
                   CASE WHEN v.source_id IS NULL THEN 'recorded' ELSE 'document ' || d.slug || ':' || s.line END AS source,
                   coalesce(s.quote, v.evidence_url) AS evidence, v.note, v.author, v.supersedes_id, v.recorded_at
            FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
            LEFT JOIN sources s ON s.id = v.source_id LEFT JOIN documents d ON d.id = s.document_id
            WHERE v.indicator_id = :id
            ORDER BY v.as_of IS NULL, v.as_of, v.id
            """, ["id": id]
        ).showing(["id", "as_of", "qualifier", "value", "unit", "source", "note"])
        let targets = try ResultTable.query(
            db,
            """
            SELECT c.slug, p.slug AS plan, a.number AS action, c.qualifier, c.target_value AS target, c.target_unit AS unit, c.due_on
            FROM commitments c JOIN plans p ON p.id = c.plan_id LEFT JOIN actions a ON a.id = c.action_id
            WHERE c.indicator_id = :id ORDER BY c.slug
            """, ["id": id])
        return (values, targets)
    }
}
