import Testing

@testable import Storage

@Suite struct MigratorTests {
    let first = Migration(version: 1, name: "schema", sql: "CREATE TABLE a (x INTEGER);")
    let second = Migration(version: 2, name: "more", sql: "CREATE TABLE b (y INTEGER); CREATE INDEX b_y ON b (y);")

    func tables(_ db: Database) throws -> [String] {
        try db.fetchAll("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") { $0.string(at: 0) }
    }

    @Test func parsesFileNames() throws {
        let migration = try #require(Migration(fileName: "0002_views.sql", sql: "x"))
        #expect(migration.version == 2)
        #expect(migration.name == "views")
        #expect(migration.fileName == "0002_views.sql")
        #expect(Migration(fileName: "README.md", sql: "") == nil)
        #expect(Migration(fileName: "views.sql", sql: "") == nil)
    }

    @Test func appliesInOrderAndRecordsChecksums() throws {
        let db = try Database(path: ":memory:")
        let applied = try DatabaseMigrator(migrations: [second, first]).migrate(db)
        #expect(applied.map(\.version) == [1, 2])
        #expect(try tables(db) == ["a", "b", "schema_migrations"])
        let recorded = try db.fetchAll("SELECT version, name, checksum FROM schema_migrations ORDER BY version") {
            [$0.string(at: 0), $0.string(at: 1), $0.string(at: 2)]
        }
        #expect(recorded == [["1", "schema", SHA256.hexDigest(first.sql)], ["2", "more", SHA256.hexDigest(second.sql)]])
    }

    @Test func secondRunIsANoOp() throws {
        let db = try Database(path: ":memory:")
        let migrator = try DatabaseMigrator(migrations: [first, second])
        try migrator.migrate(db)
        let changes = db.totalChanges
        #expect(try migrator.migrate(db).isEmpty)
        #expect(db.totalChanges == changes)
        #expect(try migrator.isUpToDate(db))
    }

    @Test func statusListsAppliedAndPending() throws {
        let db = try Database(path: ":memory:")
        try DatabaseMigrator(migrations: [first]).migrate(db)
        let status = try DatabaseMigrator(migrations: [first, second]).status(of: db)
        #expect(status.map(\.version) == [1, 2])
        #expect(status[0].appliedAt != nil)
        #expect(status[1].appliedAt == nil)
        #expect(status[1].checksum == second.checksum)
    }

    @Test func refusesAnEditedAppliedMigration() throws {
        let db = try Database(path: ":memory:")
        try DatabaseMigrator(migrations: [first]).migrate(db)
        let edited = Migration(version: 1, name: "schema", sql: "CREATE TABLE a (x INTEGER) ;")
        let error = try #require(throws: MigrationError.self) { try DatabaseMigrator(migrations: [edited, second]).migrate(db) }
        guard case .checksumChanged(let file, _, _) = error else { Issue.record("wrong error \(error)"); return }
        #expect(file == "0001_schema.sql")
        #expect(error.description.contains("0001_schema.sql"))
        #expect(try tables(db) == ["a", "schema_migrations"])
    }

    /// A file may correct its comments if it names the checksum of the text it replaces; any
    /// other change, or a replaced checksum it does not name, is still refused.
    @Test func acceptsAnEditThatNamesTheChecksumItReplaces() throws {
        let db = try Database(path: ":memory:")
        try DatabaseMigrator(migrations: [first]).migrate(db)
        let corrected = Migration(
            version: 1, name: "schema", sql: "-- a corrected comment\n-- replaces checksum \(first.checksum)\n" + first.sql)
        #expect(try DatabaseMigrator(migrations: [corrected, second]).migrate(db).map(\.version) == [2])
        let unnamed = Migration(version: 1, name: "schema", sql: "-- replaces checksum 0000\n" + first.sql)
        #expect(throws: MigrationError.self) { try DatabaseMigrator(migrations: [unnamed, second]).migrate(db) }
    }

    /// Writers check the seal by a quick stamp (schema_version and the history); a stamp that
    /// differs falls back to hashing the whole schema, so only a real change is refused.
    @Test func sealFallsBackToTheFullFingerprintWhenTheStampDiffers() throws {
        let db = try Database(path: ":memory:")
        let migrator = try DatabaseMigrator(migrations: [first, second])
        try migrator.migrate(db)
        #expect(try db.scalarString("SELECT schema_sha256 FROM schema_migrations LIMIT 1")?.split(separator: "/").count == 2)
        try migrator.checkSchemaSealed(db)
        let version = try #require(try db.scalarInt("PRAGMA schema_version"))
        try db.execute("PRAGMA schema_version = \(version + 7)")  // another stamp, the same schema
        try migrator.checkSchemaSealed(db)
        try db.execute("CREATE TABLE sneaky (x)")
        #expect(throws: MigrationError.schemaAltered) { try migrator.checkSchemaSealed(db) }
    }

    @Test func refusesWhenAnAppliedFileIsMissing() throws {
        let db = try Database(path: ":memory:")
        let third = Migration(version: 3, name: "third", sql: "CREATE TABLE c (z);")
        try DatabaseMigrator(migrations: [first, second, third]).migrate(db)
        let error = try #require(throws: MigrationError.self) { try DatabaseMigrator(migrations: [first, third]).migrate(db) }
        #expect(error == .missing(file: "0002_more.sql"))
    }

    @Test func refusesANewerSchema() throws {
        let db = try Database(path: ":memory:")
        try DatabaseMigrator(migrations: [first, second]).migrate(db)
        let error = try #require(throws: MigrationError.self) { try DatabaseMigrator(migrations: [first]).migrate(db) }
        #expect(error == .schemaNewer(databaseVersion: 2, knownVersion: 1))
    }

    @Test func failedMigrationLeavesNoPartialSchema() throws {
        let db = try Database(path: ":memory:")
        let broken = Migration(version: 2, name: "broken", sql: "CREATE TABLE half (x); CREATE TABLE oops (;")
        let error = try #require(throws: MigrationError.self) { try DatabaseMigrator(migrations: [first, broken]).migrate(db) }
        guard case .failed(let file, _) = error else { Issue.record("wrong error \(error)"); return }
        #expect(file == "0002_broken.sql")
        #expect(try tables(db) == ["a", "schema_migrations"])
        #expect(try db.scalarInt("SELECT max(version) FROM schema_migrations") == 1)
    }

    @Test func refusesDuplicateVersions() {
        #expect(throws: MigrationError.duplicateVersion(1)) {
            _ = try DatabaseMigrator(migrations: [first, Migration(version: 1, name: "again", sql: "")])
        }
    }
}
