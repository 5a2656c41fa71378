/// A measured value of a commitment: its cumulative level as of `measuredOn`.
public struct RecordActualRequest: Sendable, Equatable {
    public var commitment: String
    public var value: Quantity
    public var measuredOn: ISODate
    public var note: String?
    public var evidenceURL: String?
    public var author: String?

    public init(commitment: String, value: Quantity, measuredOn: ISODate, note: String? = nil, evidenceURL: String? = nil, author: String? = nil) {
        self.commitment = commitment
        self.value = value
        self.measuredOn = measuredOn
        self.note = note
        self.evidenceURL = evidenceURL
        self.author = author
    }
}

extension TrackerDatabase {
    static let insertActualSQL = """
        INSERT INTO commitment_actuals (commitment_id, value, measured_on, note, evidence_url, author, supersedes_id)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """

    /// Appends a measured value; returns its id.
    public func recordActual(_ request: RecordActualRequest) throws -> Int64 {
        try db.inTransaction(.immediate) {
            let commitment = try CommitmentRef.resolve(request.commitment, in: db)
            try commitment.checkAcceptsActual(request.value, measuredOn: request.measuredOn, today: .today())
            try db.execute(
                Self.insertActualSQL,
                [commitment.id, request.value.value, request.measuredOn.description, request.note, request.evidenceURL,
                 request.author ?? Author.current, nil as Int64?])
            return db.lastInsertedRowID
        }
    }
}
