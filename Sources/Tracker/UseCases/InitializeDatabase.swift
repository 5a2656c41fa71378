/// What `init` did: the migrations it applied and what each bundled document's import did.
public struct InitializeResult: Sendable {
    public var appliedMigrations: [String]
    public var documents: [ImportOutcome]
}

extension TrackerDatabase {
    /// Creates or migrates the schema, then imports the bundled documents. Idempotent: a second
    /// run applies nothing and finds every document unchanged.
    public func initialize() throws -> InitializeResult {
        let applied = try migrateSchema().map(\.fileName)
        return InitializeResult(appliedMigrations: applied, documents: try importDocuments())
    }
}
