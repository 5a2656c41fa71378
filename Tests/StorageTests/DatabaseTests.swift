import FoundationEssentials
import Testing

@testable import Storage

@Suite struct DatabaseTests {
    let db: Database

    init() throws {
        db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, value ANY)")
    }

    private func roundTrip(_ value: DatabaseValue) throws -> DatabaseValue {
        try db.execute("DELETE FROM t")
        try db.execute("INSERT INTO t (id, value) VALUES (1, ?)", .positional([value]))
        return try #require(try db.fetchOne("SELECT value FROM t WHERE id = 1") { $0.value(at: 0) })
    }

    @Test func roundTripsEveryStorageClass() throws {
        let values: [DatabaseValue] = [
            .null, .integer(0), .integer(Int64.max), .integer(Int64.min), .real(0.1), .real(-1.5e300),
            .text(""), .text("plain"), .text("人工智能能力建设普惠计划"), .text("𝄞 non-BMP 😀 and 中文"),
            .text("quote ' and \" and ; DROP TABLE t; --"), .blob([]), .blob([0, 1, 2, 255]),
        ]
        for value in values {
            #expect(try roundTrip(value) == value, "round trip of \(value)")
        }
    }

    @Test func bindsSwiftTypes() throws {
        let data = Data([9, 8, 7])
        try db.execute("CREATE TABLE typed (i INTEGER, i64 INTEGER, d REAL, s TEXT, b BLOB, n TEXT)")
        try db.execute("INSERT INTO typed VALUES (?, ?, ?, ?, ?, ?)", [42, Int64.max, 2.5, "文字", data, nil as String?])
        let row = try #require(try db.fetchOne("SELECT i, i64, d, s, b, n FROM typed") { $0.row })
        #expect(row == [.integer(42), .integer(Int64.max), .real(2.5), .text("文字"), .blob([9, 8, 7]), .null])
    }

    @Test func bindsByName() throws {
        try db.execute("INSERT INTO t (id, value) VALUES (:id, :value)", ["id": 7, "value": "named"])
        #expect(try db.scalarString("SELECT value FROM t WHERE id = $id", ["id": 7]) == "named")
        #expect(throws: StatementError.missingValue(parameter: "value", sql: "INSERT INTO t (id, value) VALUES (:id, :value)")) {
            try db.execute("INSERT INTO t (id, value) VALUES (:id, :value)", ["id": 8])
        }
    }

    @Test func readsColumnsByName() throws {
        try db.execute("INSERT INTO t (id, value) VALUES (1, 'x')")
        let statement = try db.prepare("SELECT id, value AS label FROM t")
        #expect(try statement.step())
        #expect(try statement["id"] as Int == 1)
        #expect(try statement["label"] as String == "x")
        #expect(throws: DatabaseError.self) { try statement["missing"] as String }
        // Found once by name for a loop, read as strictly: text is not an integer.
        let label = try statement.column("label", as: String.self)
        #expect(try statement[label] == "x")
        let labelAsNumber = try statement.column("label", as: Int.self)
        #expect(throws: DatabaseError.self) { try statement[labelAsNumber] }
    }

    @Test func reusesCachedStatements() throws {
        for id in 1...5 { try db.execute("INSERT INTO t (id, value) VALUES (?, 'v')", [id]) }
        let first = try db.cachedStatement("SELECT count(*) FROM t")
        let second = try db.cachedStatement("SELECT count(*) FROM t")
        #expect(first === second)
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 5)
        let before = db.cachedStatementCount
        _ = try db.scalarInt("SELECT count(*) FROM t")
        #expect(db.cachedStatementCount == before)
    }

    @Test func rollsBackWhenTheBodyThrows() throws {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.inTransaction {
                try db.execute("INSERT INTO t (id, value) VALUES (1, 'gone')")
                throw Boom()
            }
        }
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 0)
        #expect(!db.isInTransaction)
    }

    @Test func nestedTransactionRollsBackOnlyItsSavepoint() throws {
        struct Boom: Error {}
        try db.inTransaction {
            try db.execute("INSERT INTO t (id, value) VALUES (1, 'kept')")
            #expect(throws: Boom.self) {
                try db.inTransaction {
                    try db.execute("INSERT INTO t (id, value) VALUES (2, 'undone')")
                    throw Boom()
                }
            }
            try db.execute("INSERT INTO t (id, value) VALUES (3, 'kept too')")
        }
        #expect(try db.fetchAll("SELECT id FROM t ORDER BY id") { $0.int(at: 0) } == [1, 3])
    }

    @Test func errorCarriesExtendedCodeAndSQL() throws {
        try db.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent(id))")
        let sql = "INSERT INTO child (parent_id) VALUES (?)"
        let error = try #require(throws: DatabaseError.self) { try db.execute(sql, [99]) }
        #expect(error.resultCode == 19)  // SQLITE_CONSTRAINT
        #expect(error.extendedResultCode == 787)  // SQLITE_CONSTRAINT_FOREIGNKEY
        #expect(error.codeName == "SQLITE_CONSTRAINT_FOREIGNKEY")
        #expect(error.sql == sql)
        #expect(error.arguments == [.integer(99)])
        #expect(error.message == "FOREIGN KEY constraint failed")
    }

    @Test func syntaxErrorReportsOffset() throws {
        let error = try #require(throws: DatabaseError.self) { _ = try db.prepare("SELECT * FROM t WHERE )") }
        #expect(error.resultCode == 1)
        #expect(error.message == "near \")\": syntax error")
        #expect(error.offset == 22)
    }

    @Test func refusesTwoStatementsInOnePrepare() throws {
        #expect(throws: StatementError.severalStatements(sql: "SELECT 1; DELETE FROM t")) { _ = try db.prepare("SELECT 1; DELETE FROM t") }
        // A trailing comment is no second statement.
        #expect(try db.prepare("SELECT 1; -- why").sql == "SELECT 1; -- why")
    }

    @Test func fileDatabaseUsesWALAndForeignKeys() throws {
        let path = temporaryPath("wal")
        defer { removeDatabase(path) }
        let file = try Database(path: path)
        #expect(try file.scalarString("PRAGMA journal_mode") == "wal")
        #expect(try file.scalarInt("PRAGMA foreign_keys") == 1)
        #expect(try file.scalarInt("PRAGMA synchronous") == 1)  // NORMAL
        #expect(try file.scalarInt("PRAGMA busy_timeout") == Int(Database.writeBusyTimeoutMilliseconds))
    }

    @Test func readOnlyConnectionRefusesWrites() throws {
        let path = temporaryPath("ro")
        defer { removeDatabase(path) }
        try Database(path: path).execute("CREATE TABLE t (x)")
        let reader = try Database(path: path, mode: .readOnly)
        let error = try #require(throws: DatabaseError.self) { try reader.execute("INSERT INTO t VALUES (1)") }
        #expect(error.resultCode == DatabaseError.readOnly)
        #expect(try reader.scalarInt("SELECT count(*) FROM t") == 0)
    }

    @Test func authorizerDeniesAllButReading() throws {
        db.denyAllButReading()
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 0)
        for sql in ["DELETE FROM t", "ATTACH ':memory:' AS other", "PRAGMA writable_schema = 1", "CREATE TABLE u (x)"] {
            let error = try #require(throws: DatabaseError.self, "\(sql)") { _ = try db.prepare(sql) }
            #expect(error.resultCode == DatabaseError.authorization, "\(sql)")
        }
        #expect(try db.scalarInt("PRAGMA user_version") == 0)
    }

    @Test func opensMissingFileOnlyWhenAllowed() throws {
        let path = temporaryPath("missing")
        defer { removeDatabase(path) }
        let error = try #require(throws: DatabaseError.self) { _ = try Database(path: path, mode: .readWrite) }
        #expect(error.resultCode == DatabaseError.cannotOpen)
    }

    @Test func backupCopiesEveryRow() throws {
        let source = temporaryPath("backup-src")
        let copy = temporaryPath("backup-dst")
        defer { removeDatabase(source); removeDatabase(copy) }
        let db = try Database(path: source)
        try db.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3)")
        try db.backup(toNewFile: copy)
        #expect(throws: StorageError.targetExists(path: copy)) { try db.backup(toNewFile: copy) }
        #expect(try Database(path: copy, mode: .readOnly).scalarInt("SELECT sum(x) FROM t") == 6)
    }
}

@Suite struct SHA256Tests {
    @Test func knownDigests() {
        #expect(SHA256.hexDigest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(SHA256.hexDigest("人工智能") == "161332dd5ba244f14566d9ccfc214dbbd620bcd401cded068fc230e3d4e2815b")
    }
}
