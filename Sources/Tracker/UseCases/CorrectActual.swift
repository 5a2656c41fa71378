/// What a correction of a measured value changes; nil fields are kept from the value it supersedes.
public struct CorrectActualRequest: Sendable, Equatable {
    public var id: Int64
    public var value: Quantity?
    public var measuredOn: ISODate?
    public var note: String?
    public var evidenceURL: String?
    public var author: String?

    public init(id: Int64, value: Quantity? = nil, measuredOn: ISODate? = nil, note: String? = nil, evidenceURL: String? = nil, author: String? = nil) {
        self.id = id
        self.value = value
        self.measuredOn = measuredOn
        self.note = note
        self.evidenceURL = evidenceURL
        self.author = author
    }
}

extension TrackerDatabase {
    /// Appends a correction that supersedes actual `id` at every date; returns the new id.
    public func correctActual(_ request: CorrectActualRequest) throws -> Int64 {
        try db.inTransaction(.immediate) {
            guard let original = try db.fetchOne(
                """
                SELECT c.slug, r.value, r.measured_on, r.note, r.evidence_url,
                       (SELECT s.id FROM commitment_actuals s WHERE s.supersedes_id = r.id) AS corrected_by
                FROM commitment_actuals r JOIN commitments c ON c.id = r.commitment_id WHERE r.id = ?
                """, [request.id], { row in
                    (slug: try row["slug"] as String, value: try row["value"] as Double, measuredOn: try row["measured_on"] as ISODate,
                     note: try row["note"] as String?, evidence: try row["evidence_url"] as String?,
                     correctedBy: try row["corrected_by"] as Int64?)
                })
            else { throw TrackerError(notFound: .update, "no recorded value with id \(request.id)") }
            if let newer = original.correctedBy {
                throw TrackerError(.update, "value \(request.id) was already corrected by \(newer); correct \(newer) instead")
            }
            let commitment = try CommitmentRef.resolve(original.slug, in: db)
            let value = request.value ?? Quantity(value: original.value)
            let measuredOn = request.measuredOn ?? original.measuredOn
            try commitment.checkAcceptsActual(value, measuredOn: measuredOn, today: .today())
            try db.execute(
                Self.insertActualSQL,
                [commitment.id, value.value, measuredOn.description, request.note ?? original.note,
                 request.evidenceURL ?? original.evidence, request.author ?? Author.current, request.id])
            return db.lastInsertedRowID
        }
    }
}
