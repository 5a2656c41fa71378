import FoundationEssentials
import Glibc
import Testing

@testable import Storage

@Suite struct ChainAndLockTests {
    /// The SQL function the triggers call and the row hash `verify` computes agree, value for value.
    @Test func chainFunctionMatchesRowHash() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, r REAL, s TEXT, b BLOB, z TEXT)")
        try db.execute("INSERT INTO t VALUES (1, -7, 2.5, '人工智能', x'00ff', NULL)")
        let previous = [UInt8](repeating: 7, count: 32)
        let fromSQL = try #require(try db.fetchOne(
            "SELECT chain_sha256(?, 't', 'id', id, 'n', n, 'r', r, 's', s, 'b', b, 'z', z) FROM t", [DatabaseValue.blob(previous)]
        ) { $0.blob(at: 0) })
        let row = try db.prepare("SELECT rowid, * FROM t")
        #expect(try row.step())
        #expect(row.chainLink(previous: previous, table: "t", firstColumn: 1) == fromSQL)
        #expect(row.chainLink(previous: nil, table: "t", firstColumn: 1) != fromSQL)
        #expect(fromSQL.count == 32)
        // A changed value, or the same value under another column, changes the link.
        let moved = try db.fetchOne("SELECT chain_sha256(?, 't', 'id', id, 'n', n, 'r', r, 's', NULL, 'z', s, 'b', b) FROM t", [DatabaseValue.blob(previous)]) { $0.blob(at: 0) }
        #expect(moved != fromSQL)
    }

    /// Reusing one SQL inside a loop over it must not reset the loop (issue 11, storage edges).
    @Test func cachedStatementInsideItsOwnLoop() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3)")
        var seen: [Int] = []
        try db.forEachRow("SELECT x FROM t ORDER BY x") { row in
            seen.append(row.int(at: 0))
            _ = try db.fetchAll("SELECT x FROM t ORDER BY x") { $0.int(at: 0) }
        }
        #expect(seen == [1, 2, 3])
    }

    /// A writer that waits out the busy timeout gets a typed error saying retrying is safe.
    @Test func busyWriterGetsATypedError() throws {
        let path = "/tmp/plantrack-busy-\(getpid()).db"
        defer { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
        let holder = try Database(path: path)
        try holder.execute("CREATE TABLE t (x)")
        try holder.execute("BEGIN IMMEDIATE")
        let waiter = try Database(path: path, busyTimeoutMilliseconds: 100)
        let error = try #require(throws: StorageError.self) { try waiter.inTransaction { try waiter.execute("INSERT INTO t VALUES (1)") } }
        guard case .writeLockBusy = error else { Issue.record("unexpected \(error)"); return }
        #expect(error.description.contains("retrying is safe"))
        try holder.execute("ROLLBACK")
    }
}
