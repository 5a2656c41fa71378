import Storage

/// One migration as the database knows it.
public struct MigrationRow: Sendable, Equatable, TableRow {
    public var version: Int
    public var name: String
    /// SHA-256 of the file.
    public var checksum: String
    /// UTC; nil while pending.
    public var appliedAt: String?

    public static let columns = ["version", "name", "checksum", "applied_at", "state"]
    public var cells: [DatabaseValue] {
        [version.databaseValue, .text(name), .text(checksum), appliedAt.databaseValue, .text(appliedAt == nil ? "pending" : "applied")]
    }
}

extension TrackerDatabase {
    /// Applies the pending migrations, each in its own write transaction; returns their file names.
    @discardableResult
    public func migrate() throws -> [String] {
        try migrateSchema().map(\.fileName)
    }

    /// Applied and pending migrations in version order, after checking the recorded history.
    public func migrationStatus() throws -> [MigrationRow] {
        try Self.migrator().status(of: db).map {
            MigrationRow(version: $0.version, name: $0.name, checksum: $0.checksum, appliedAt: $0.appliedAt)
        }
    }
}
