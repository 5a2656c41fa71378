/// What a correction of a hand-recorded indicator value changes; nil fields are kept.
public struct CorrectIndicatorValueRequest: Sendable, Equatable {
    public var id: Int64
    public var value: Quantity?
    public var asOf: ISODate?
    public var qualifier: TargetQualifier?
    public var evidenceURL: String?
    public var note: String?
    public var author: String?

    public init(
        id: Int64, value: Quantity? = nil, asOf: ISODate? = nil, qualifier: TargetQualifier? = nil, evidenceURL: String? = nil,
        note: String? = nil, author: String? = nil
    ) {
        self.id = id
        self.value = value
        self.asOf = asOf
        self.qualifier = qualifier
        self.evidenceURL = evidenceURL
        self.note = note
        self.author = author
    }
}

extension TrackerDatabase {
    /// Appends a value that supersedes hand-recorded value `id` at every date; returns the new id.
    /// Values read from a document are the importer's: correct the document or its curation instead.
    public func correctIndicatorValue(_ request: CorrectIndicatorValueRequest) throws -> Int64 {
        try db.inTransaction(.immediate) {
            guard let original = try db.fetchOne(
                """
                SELECT i.slug, v.value, v.qualifier, v.as_of, v.evidence_url, v.note, v.source_id IS NOT NULL AS imported,
                       (SELECT s.id FROM indicator_values s WHERE s.supersedes_id = v.id) AS corrected_by
                FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id WHERE v.id = ?
                """, [request.id], { row in
                    (slug: try row["slug"] as String, value: try row["value"] as Double,
                     qualifier: TargetQualifier(rawValue: try row["qualifier"] as String),
                     asOf: try row["as_of"] as String?, evidence: try row["evidence_url"] as String?,
                     note: try row["note"] as String?, imported: try row["imported"] as Bool,
                     correctedBy: try row["corrected_by"] as Int64?)
                })
            else { throw TrackerError(notFound: .update, "no indicator value with id \(request.id)") }
            if original.imported {
                throw TrackerError(.update, "value \(request.id) was read from a document; correct the document or its curation and import it again")
            }
            if let newer = original.correctedBy {
                throw TrackerError(.update, "value \(request.id) was already corrected by \(newer); correct \(newer) instead")
            }
            // The date is kept from the value corrected; never a default.
            guard let asOf = request.asOf ?? original.asOf.flatMap({ ISODate($0) }) else {
                throw TrackerError(.asOf, "value \(request.id) has no full date ('\(original.asOf ?? "")'); give the corrected date")
            }
            return try recordIndicatorValue(
                RecordIndicatorValueRequest(
                    indicator: original.slug, value: request.value ?? Quantity(value: original.value),
                    asOf: asOf, qualifier: request.qualifier ?? original.qualifier,
                    evidenceURL: request.evidenceURL ?? original.evidence, note: request.note ?? original.note,
                    author: request.author),
                supersedes: request.id)
        }
    }
}
