/// One numbered schema change, e.g. `0001_schema.sql` → version 1, name `schema`.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String
    /// SHA-256 of the file's bytes, as recorded in `schema_migrations`. Computed on demand:
    /// ordinary commands only compare versions and never pay for hashing.
    public var checksum: String { SHA256.hexDigest(sql) }

    /// Checksums of earlier texts of this file that a database may have recorded, each declared
    /// in the file itself by a line `-- replaces checksum HEX`. So a comment can be corrected in an
    /// applied migration without letting any other change through: the old text's hash must be
    /// named, and the new text is what gets hashed.
    public var replacedChecksums: [String] {
        sql.split(separator: "\n").compactMap { line in
            line.hasPrefix(Self.replacesPrefix) ? String(line.dropFirst(Self.replacesPrefix.count)) : nil
        }
    }

    static let replacesPrefix = "-- replaces checksum "

    /// Whether `recorded` is this file's checksum, now or before a declared correction.
    public func accepts(checksum recorded: String) -> Bool {
        recorded == checksum || replacedChecksums.contains(recorded)
    }

    /// The file name it came from (and is reported by): `0001_schema.sql`.
    public var fileName: String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + name + ".sql"
    }

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Parses `NNNN_name.sql`; nil for any other file name.
    public init?(fileName: String, sql: String) {
        guard fileName.hasSuffix(".sql"), let underscore = fileName.firstIndex(of: "_"),
            let version = Int(fileName[..<underscore]), version > 0
        else { return nil }
        let name = fileName[fileName.index(after: underscore)...].dropLast(4)
        self.init(version: version, name: String(name), sql: sql)
    }
}

/// Where one migration stands in a database.
public struct MigrationState: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let checksum: String
    /// When it was applied (UTC, ISO 8601), or nil while pending.
    public let appliedAt: String?
}

public enum MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    case checksumChanged(file: String, recorded: String, current: String)
    case missing(file: String)
    case schemaNewer(databaseVersion: Int, knownVersion: Int)
    case duplicateVersion(Int)
    case failed(file: String, message: String)
    /// The schema (a trigger, a table, a view, an index) differs from what the migrations built.
    case schemaAltered

    public var description: String {
        switch self {
        case .checksumChanged(let file, let recorded, let current):
            "migration \(file) was changed after it was applied (recorded checksum \(recorded.prefix(12))…, now \(current.prefix(12))…); restore the file and add a new migration instead"
        case .missing(let file):
            "migration \(file) was applied to this database but this plantrack does not have it"
        case .schemaNewer(let databaseVersion, let knownVersion):
            "the database is at schema version \(databaseVersion), newer than this plantrack knows (\(knownVersion)); use a newer plantrack"
        case .duplicateVersion(let version):
            "two migrations share version \(version)"
        case .failed(let file, let message):
            "migration \(file) failed: \(message)"
        case .schemaAltered:
            "the database's schema (its triggers, tables, views or indexes) was changed outside plantrack's migrations; writing is refused — run `plantrack verify` to see what changed"
        }
    }
}

/// Applies numbered migrations in order, each in its own transaction, and records them with
/// checksums in `schema_migrations`, refusing a database whose history does not match.
public struct DatabaseMigrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration]) throws {
        let sorted = migrations.sorted { $0.version < $1.version }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.version == later.version {
            throw MigrationError.duplicateVersion(later.version)
        }
        self.migrations = sorted
    }

    private static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            checksum   TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            schema_sha256 TEXT
        )
        """

    /// Fingerprint of the schema as the migrations left it: SHA-256 over every object's type,
    /// name and SQL (SQLite's own `sqlite_%` objects aside) and over the migration history
    /// (version, name, checksum). Recorded with each migration and compared by
    /// `checkSchemaSealed` before a command writes: a dropped or edited trigger, or a checksum
    /// edited in `schema_migrations`, shows. Hashed straight from SQLite's buffers (this is on
    /// every writing command's start-up path).
    public static func schemaFingerprint(_ db: Database) throws -> String {
        var hash = SHA256Stream()
        for sql in [
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
            "SELECT version, name, checksum FROM schema_migrations ORDER BY version",
        ] {
            try db.forEachRow(sql) { $0.hashColumns(into: &hash) }
        }
        return SHA256.hex(hash.finalize())
    }

    /// Throws unless the schema and the migration history are the ones the last migration
    /// recorded; with `validatingChecksums`, also unless every applied migration's checksum
    /// matches its file (hashing every file: `migrate` and `init` do it, other writers rely on
    /// the fingerprint, which covers the recorded checksums).
    public func checkSchemaSealed(_ db: Database, validatingChecksums: Bool = true) throws {
        if validatingChecksums { try validate(try appliedMigrations(db)) }
        guard try hasFingerprintColumn(db) else { return }
        let recorded = try db.scalarString("SELECT schema_sha256 FROM schema_migrations ORDER BY version DESC LIMIT 1")
        guard let recorded else { return }
        let parts = recorded.split(separator: "/", maxSplits: 1).map(String.init)
        // The whole schema is hashed every time. A quick stamp over `PRAGMA schema_version` used to
        // stand in for it, but anyone with the file can drop a trigger and set schema_version back
        // (docs/PERFORMANCE.md has the cost of hashing: it is on every writing command's start-up).
        if try Self.schemaFingerprint(db) != parts[0] { throw MigrationError.schemaAltered }
    }

    /// What `schema_migrations.schema_sha256` records: the fingerprint, then the quick stamp.
    static func sealRecord(_ db: Database) throws -> String {
        try Self.schemaFingerprint(db) + "/" + Self.schemaStamp(db)
    }

    /// SHA-256 over SQLite's schema version counter and the migration history: cheap, and it
    /// changes whenever the fingerprint's inputs change by ordinary means (DDL, or an edited row).
    static func schemaStamp(_ db: Database) throws -> String {
        var hash = SHA256Stream()
        for sql in ["PRAGMA schema_version", "SELECT version, name, checksum FROM schema_migrations ORDER BY version"] {
            try db.forEachRow(sql) { $0.hashColumns(into: &hash) }
        }
        return SHA256.hex(hash.finalize())
    }

    private func hasFingerprintColumn(_ db: Database) throws -> Bool {
        try db.scalarInt("SELECT count(*) FROM pragma_table_info('schema_migrations') WHERE name = 'schema_sha256'") == 1
    }

    /// True when every known migration is recorded as applied (versions only; no hashing).
    public func isUpToDate(_ db: Database) throws -> Bool {
        guard try hasTable(db) else { return migrations.isEmpty }
        let applied = Set(try db.fetchAll("SELECT version FROM schema_migrations") { $0.int(at: 0) })
        return migrations.allSatisfy { applied.contains($0.version) } && applied.count == migrations.count
    }

    /// Applied and pending migrations, in version order. Validates history first.
    public func status(of db: Database) throws -> [MigrationState] {
        let applied = try appliedMigrations(db)
        try validate(applied)
        let appliedByVersion = Dictionary(uniqueKeysWithValues: applied.map { ($0.version, $0) })
        return migrations.map { migration in
            appliedByVersion[migration.version]
                ?? MigrationState(version: migration.version, name: migration.name, checksum: migration.checksum, appliedAt: nil)
        }
    }

    /// Applies every pending migration; returns those it applied.
    @discardableResult
    public func migrate(_ db: Database) throws -> [Migration] {
        var applied: [Migration] = []
        // Cheap read first: a migrated database needs no write lock.
        if try hasTable(db), try pending(in: appliedMigrations(db)).isEmpty {
            try checkSchemaSealed(db)
            return []
        }
        try db.inTransaction(.immediate) {
            try db.execute(Self.createTable)
            if try !hasFingerprintColumn(db) { try db.execute("ALTER TABLE schema_migrations ADD COLUMN schema_sha256 TEXT") }
        }
        // A schema altered by hand is refused before a migration could seal it as the norm.
        if try hasTable(db) { try checkSchemaSealed(db) }
        for migration in migrations {
            // Each migration in its own write transaction; re-read inside it, since another
            // process may have applied it since we looked.
            let didApply = try db.inTransaction(.immediate) { () throws -> Bool in
                let history = try appliedMigrations(db)
                try validate(history)
                guard !history.contains(where: { $0.version == migration.version }) else { return false }
                do {
                    try db.execute(migration.sql)
                } catch let error as DatabaseError {
                    throw MigrationError.failed(file: migration.fileName, message: error.message)
                }
                try db.execute(
                    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                    [migration.version, migration.name, migration.checksum])
                try db.execute(
                    "UPDATE schema_migrations SET schema_sha256 = ?", [try Self.sealRecord(db)])
                return true
            }
            if didApply { applied.append(migration) }
        }
        return applied
    }

    private func hasTable(_ db: Database) throws -> Bool {
        try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") == 1
    }

    private func appliedMigrations(_ db: Database) throws -> [MigrationState] {
        guard try hasTable(db) else { return [] }
        return try db.fetchAll("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version") {
            MigrationState(version: $0.int(at: 0), name: $0.string(at: 1), checksum: $0.string(at: 2), appliedAt: $0.string(at: 3))
        }
    }

    private func pending(in applied: [MigrationState]) -> [Migration] {
        let done = Set(applied.map(\.version))
        return migrations.filter { !done.contains($0.version) }
    }

    private func validate(_ applied: [MigrationState]) throws {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        let newest = migrations.last?.version ?? 0
        for state in applied {
            guard let migration = known[state.version] else {
                if state.version > newest {
                    throw MigrationError.schemaNewer(databaseVersion: applied.last?.version ?? state.version, knownVersion: newest)
                }
                throw MigrationError.missing(file: Migration(version: state.version, name: state.name, sql: "").fileName)
            }
            guard migration.accepts(checksum: state.checksum) else {
                throw MigrationError.checksumChanged(file: migration.fileName, recorded: state.checksum, current: migration.checksum)
            }
        }
    }
}
