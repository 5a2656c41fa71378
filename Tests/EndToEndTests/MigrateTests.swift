import Foundation
import Testing

@Suite struct MigrateTests {
    static let contractTables = [
        "actions", "commitments", "documents", "indicator_values", "indicators", "initiatives", "milestones", "plans",
        "progress_updates", "schema_migrations", "sources", "training_sessions", "visions",
    ]

    /// Every numbered file in Migrations/, in order: what a fresh database must record.
    static let migrationFiles: [String] = {
        let folder = PlantrackProcess.root.appendingPathComponent("Migrations").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".sql") }.sorted()
    }()

    @Test func migrateCreatesEveryTableOfTheContract() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let output = try cli.succeed(["migrate"])
        #expect(output == Self.migrationFiles.map { "applied \($0)\n" }.joined())
        let tables = Set(try cli.sqlite("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        #expect(Set(Self.contractTables).subtracting(tables) == [])
        let views = try cli.sqlite("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")
        #expect(views == ["action_status", "commitment_actuals_in_force", "commitment_progress", "indicator_latest", "indicator_values_in_force", "milestone_progress", "sessions_in_force", "timeline"])
        #expect(try cli.sqlite("PRAGMA integrity_check") == ["ok"])
        #expect(try cli.sqlite("PRAGMA foreign_key_check") == [])
        #expect(try cli.sqlite("PRAGMA journal_mode") == ["wal"])
        #expect(try cli.succeed(["migrate"]) == "\(cli.database): schema up to date\n")
    }

    @Test func statusListsVersionsWithChecksums() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["migrate"])
        let output = try cli.succeed(["migrate", "--status", "--format", "csv"])
        let lines = output.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "version,name,checksum,applied_at,state")
        #expect(lines.count == Self.migrationFiles.count + 1)
        let recorded = try cli.sqlite("SELECT version || ',' || name || ',' || checksum || ',' || applied_at || ',applied' FROM schema_migrations ORDER BY version")
        #expect(Array(lines.dropFirst()) == recorded)
        let checksum = try cli.sqlite("SELECT checksum FROM schema_migrations WHERE version = 1")[0]
        let file = try Data(contentsOf: PlantrackProcess.root.appendingPathComponent("Migrations/0001_schema.sql"))
        #expect(checksum == sha256Hex(file))
    }

    @Test func statusOfAFreshDatabaseShowsPending() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let output = try cli.succeed(["migrate", "--status", "--format", "json"])
        #expect(output.contains("\"state\": \"pending\""))
        #expect(!output.contains("\"state\": \"applied\""))
    }

    @Test func changedChecksumIsRefusedNamingTheFile() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["migrate"])
        _ = try cli.sqlite("UPDATE schema_migrations SET checksum = 'x' || substr(checksum, 2) WHERE version = 1")
        try cli.refuse(["migrate"], "migration 0001_schema.sql was changed after it was applied")
    }

    @Test func newerDatabaseIsRefused() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["migrate"])
        _ = try cli.sqlite("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (99, 'future', 'abc', '2030-01-01T00:00:00Z')")
        try cli.refuse(["migrate"], "newer than this plantrack knows")
        try cli.refuse(["action", "list"], "newer than this plantrack knows")
    }

    @Test func badDatabasePathIsOneClearLine() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let result = try cli.run(["--db", "/nonexistent-dir/x/plantrack.db", "migrate"], useDatabase: false)
        #expect(result.status == 1)
        #expect(result.stderr == "plantrack: error: cannot open database /nonexistent-dir/x/plantrack.db: the folder /nonexistent-dir/x does not exist; create it first\n")
        let missing = try cli.run(["--db", cli.path("missing.db"), "action", "list"], useDatabase: false)
        #expect(missing.status == 1)
        #expect(missing.stderr == "plantrack: error: no database at \(cli.path("missing.db")); create one with `plantrack init` (or pass --db PATH)\n")
        #expect(!FileManager.default.fileExists(atPath: cli.path("missing.db")))
    }

    @Test func notADatabaseIsRefused() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let junk = try cli.write("junk.db", String(repeating: "not sqlite ", count: 200))
        let result = try cli.run(["--db", junk, "action", "list"], useDatabase: false)
        #expect(result.status == 1)
        #expect(result.stderr == "plantrack: error: \(junk) is not a plantrack database (file is not a database)\n")
    }

    @Test func databaseDefaultsToEnvironmentThenWorkingDirectory() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let fromEnvironment = cli.path("env.db")
        try cli.run(["migrate"], useDatabase: false, environment: ["PLANTRACK_DB": fromEnvironment])
        #expect(FileManager.default.fileExists(atPath: fromEnvironment))
        try cli.run(["migrate"], useDatabase: false)
        #expect(FileManager.default.fileExists(atPath: cli.path("plantrack.db")))
    }

    @Test func versionAndUsageErrors() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let version = try cli.run(["--version"], useDatabase: false)
        #expect(version.status == 0)
        #expect(version.stdout == "plantrack 0.1.0\n")
        let unknown = try cli.run(["frobnicate"], useDatabase: false)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.split(separator: "\n").count == 1)
        #expect(unknown.stderr.hasPrefix("plantrack: error: "))
    }
}
