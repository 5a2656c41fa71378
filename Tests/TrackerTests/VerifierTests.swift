import Glibc
import Storage
import Testing

@testable import Tracker

/// `verify` splits SQLite's `integrity_check` over two connections (see `Verifier.readEveryPage`);
/// damage of each kind the whole-file check finds must still be found, by the right half.
@Suite struct VerifierTests {
    static let checks = ["migrations", "schema", "hash chain", "integrity_check", "foreign_key_check"]

    /// A database file with chained updates and an imported file on record, closed.
    private func makeDatabase() throws -> String {
        let path = "/tmp/plantrack-verifier-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).db"
        let fixture = try TrackerFixture(path: path)
        for day in 1...9 { try fixture.add(day % 3 + 1, .inProgress, on: "2025-01-0\(day)") }
        try fixture.db.execute("INSERT INTO imported_files (sha256, file_name, rows) VALUES (?, 'a.csv', 9)", [String(repeating: "a", count: 64)])
        return path
    }

    private func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }

    private func verify(_ path: String) throws -> IntegrityReport {
        try Verifier.verify(TrackerDatabase(path: path, access: .inspect))
    }

    /// Adds `rows` to `table` while its index `index` is declared `WHERE 0`, so the index misses
    /// them, then puts the index's declared SQL back: the schema reads as built, the index is short.
    private func starveIndex(_ path: String, table: String, index: String, rows: String) throws {
        let original = try #require(try Database(path: path).scalarString("SELECT sql FROM sqlite_master WHERE name = ?", [index]))
        // Each step on a connection of its own: a new connection reads the schema as it now is.
        func declare(_ sql: String) throws {
            let db = try Database(path: path)
            try db.execute("PRAGMA writable_schema = ON")
            try db.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", [sql, index])
        }
        try declare(original + " WHERE 0")
        try Database(path: path).execute("INSERT INTO \(table) \(rows)")
        try declare(original)
    }

    @Test func cleanDatabasePasses() throws {
        let path = try makeDatabase()
        defer { remove(path) }
        let report = try verify(path)
        #expect(report.checks.map(\.name) == Self.checks)
        #expect(report.checks.flatMap(\.problems) == [])
        #expect(report.chainedRows == 9)
    }

    /// progress_updates' indexes are matched against it on the second connection.
    @Test func indexOfTheLargestTableMissingARowIsReported() throws {
        let path = try makeDatabase()
        defer { remove(path) }
        try starveIndex(path, table: "progress_updates", index: "progress_updates_by_date",
                        rows: "(action_id, reported_on, status, note) VALUES (1, '2025-02-01', 'completed', 'unindexed')")
        let report = try verify(path)
        #expect(report.checks.map(\.name) == Self.checks)
        #expect(report.checks.filter { !$0.passed }.map(\.name) == ["integrity_check"])
        #expect(report.checks[3].problems == [
            "row 10 missing from index progress_updates_by_date",
            "wrong # of entries in index progress_updates_by_date",
        ])
        #expect(report.chainedRows == 10)
    }

    /// Any other table's indexes are matched on the main connection.
    @Test func indexOfAnotherTableMissingARowIsReported() throws {
        let path = try makeDatabase()
        defer { remove(path) }
        try starveIndex(path, table: "imported_files", index: "imported_files_by_sha256",
                        rows: "(sha256, file_name, rows) VALUES ('\(String(repeating: "b", count: 64))', 'b.csv', 1)")
        let report = try verify(path)
        #expect(report.checks.filter { !$0.passed }.map(\.name) == ["integrity_check"])
        #expect(report.checks[3].problems == [
            "row 2 missing from index imported_files_by_sha256",
            "wrong # of entries in index imported_files_by_sha256",
        ])
    }

    /// A page no b-tree and no freelist holds: only the whole-file accounting (quick_check) sees it,
    /// not `integrity_check(TABLE)`.
    @Test func pageNeverUsedIsReported() throws {
        let path = try makeDatabase()
        defer { remove(path) }
        // All connections are closed: the WAL is checkpointed into the file and removed.
        let file = try #require(fopen(path, "r+b"))
        var header = [UInt8](repeating: 0, count: 100)
        #expect(fread(&header, 1, 100, file) == 100)
        let pages = header[28..<32].reduce(0) { $0 << 8 | Int($1) }
        // One more page in the header's page count, and that page (zeros) at the end of the file.
        var count = [UInt8]((0..<4).map { UInt8(truncatingIfNeeded: (pages + 1) >> (24 - 8 * $0)) })
        fseek(file, 28, SEEK_SET)
        fwrite(&count, 1, 4, file)
        fseek(file, 0, SEEK_END)
        var page = [UInt8](repeating: 0, count: Int(header[16]) << 8 | Int(header[17]))
        fwrite(&page, 1, page.count, file)
        fclose(file)
        let report = try verify(path)
        #expect(report.checks.filter { !$0.passed }.map(\.name) == ["integrity_check"])
        // SQLite 3.40 skips its page accounting when a view heads its schema hash (as since 0017);
        // then the Verifier counts the pages itself (Verifier.unaccountedPages).
        let first = try Database(path: path, mode: .readOnly).fetchOne("SELECT type FROM pragma_table_list WHERE schema = 'main'", .none) {
            try $0["type"] as String
        }
        let (used, free) = try #require(try Database(path: path, mode: .readOnly).fetchOne(
            "SELECT (SELECT count(*) FROM dbstat) AS used, (SELECT freelist_count FROM pragma_freelist_count) AS free", .none) {
            (try $0["used"] as Int, try $0["free"] as Int)
        })
        #expect(used + free == pages)
        #expect(report.checks[3].problems == (first == "view"
            ? ["1 of the file's \(pages + 1) pages is never used (\(used) are in tables and indexes, \(free) free)"]
            : ["*** in database main ***\nPage \(pages + 1) is never used"]))
    }
}
