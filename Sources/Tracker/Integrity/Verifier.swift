import Dispatch
import Storage

/// `plantrack verify`: is this database the one plantrack wrote? It checks, in order, the
/// migration history (each file's checksum), the schema against the one the migrations build
/// (every trigger, table, view and index), the hash chain of the append-only rows, SQLite's
/// `integrity_check` and `foreign_key_check`. Each finding names what changed; for the chain,
/// the first row that no longer matches its link.
public struct IntegrityReport: Sendable {
    public struct Check: Sendable {
        public let name: String
        public let problems: [String]
        public var passed: Bool { problems.isEmpty }
    }

    public var checks: [Check] = []
    public var chainedRows = 0
    public var passed: Bool { checks.allSatisfy(\.passed) }
}

public enum Verifier {
    /// Problems listed per check at most; the count of the rest is given.
    static let listed = 10

    public static func verify(_ tracker: TrackerDatabase) throws -> IntegrityReport {
        let db = tracker.db
        var report = IntegrityReport()
        let migrator = try TrackerDatabase.migrator()

        var history: [String] = []
        var appliedVersions: Set<Int> = []
        do {
            let states = try migrator.status(of: db)
            appliedVersions = Set(states.filter { $0.appliedAt != nil }.map(\.version))
            let pending = states.filter { $0.appliedAt == nil }
            if !pending.isEmpty { history.append("\(pending.count) migration(s) pending; run `plantrack migrate`") }
        } catch let error as MigrationError {
            history.append(error.description)
        }
        report.checks.append(.init(name: "migrations", problems: history))

        let reference = try referenceSchema(migrator: migrator, versions: appliedVersions)
        report.checks.append(.init(name: "schema", problems: schemaDifferences(try schema(of: db), reference)))

        let pages = try readEveryPage(db)
        report.chainedRows = pages.chainedRows
        report.checks.append(.init(name: "hash chain", problems: pages.chain))
        report.checks.append(.init(name: "integrity_check", problems: pages.integrity))
        report.checks.append(.init(name: "foreign_key_check", problems: pages.foreignKeys))
        return report
    }

    // MARK: The checks that read every page

    struct PageFindings {
        var chainedRows = 0
        var chain: [String] = []
        var integrity: [String] = []
        var foreignKeys: [String] = []
    }

    /// The table whose `integrity_check` takes longest (10^6 rows, three indexes to match against
    /// it): it gets a core of its own.
    static let largestTable = "progress_updates"

    /// The chain, SQLite's `integrity_check` and `foreign_key_check`: nearly all of `verify`'s time.
    ///
    /// On a file, the work runs on two read-only connections at once. One runs
    /// `integrity_check(progress_updates)`, the longest single check, on the file memory-mapped
    /// (no copy of each page into SQLite's cache: about a third faster; SQLite caps the map at its
    /// build's maximum, 2 GB by default). This one, done sooner even without a map (so the mapped
    /// pages are counted once in the process's memory), runs `quick_check` of the whole file, then
    /// `integrity_check(T)` of every other table that has an index, then the chain and the foreign
    /// keys. Together that is everything the whole-file `integrity_check` checks: `quick_check`
    /// does all of it (every b-tree page by page, the freelist, that each page is used exactly once,
    /// NOT NULL, CHECK and column types, row by row) except matching each index against its table
    /// and UNIQUE, which only tables with an index have and which `integrity_check(T)` does for T.
    /// (`integrity_check(T)` alone skips the freelist and the page accounting: hence `quick_check`.)
    /// Each connection reads its own snapshot; a commit in between is a change, not damage.
    static func readEveryPage(_ db: Database) throws -> PageFindings {
        var findings = PageFindings()
        let indexed = try db.fetchAll(
            "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'index' ORDER BY tbl_name") { try $0["tbl_name"] as String }
        guard db.path != ":memory:", indexed.contains(largestTable) else {
            try db.execute("PRAGMA mmap_size = \(mmapBytes)")
            findings.chainedRows = try verifyChain(db, problems: &findings.chain)
            findings.integrity = try problems(db, "integrity_check") + unaccountedPages(db)
            findings.foreignKeys = try foreignKeyProblems(db)
            return findings
        }
        let (path, immutable) = (db.path, db.immutable)
        let largest = WorkerResult()
        let worker = DispatchGroup()
        DispatchQueue.global().async(group: worker) {
            largest.result = Result {
                let connection = try Database(path: path, mode: .readOnly, immutable: immutable)
                try connection.execute("PRAGMA mmap_size = \(mmapBytes)")
                return try problems(connection, "integrity_check", of: largestTable)
            }
        }
        do {
            findings.integrity = try problems(db, "quick_check") + unaccountedPages(db)
            for table in indexed where table != largestTable {
                findings.integrity += try problems(db, "integrity_check", of: table)
            }
            findings.chainedRows = try verifyChain(db, problems: &findings.chain)
            findings.foreignKeys = try foreignKeyProblems(db)
        } catch {
            worker.wait()
            throw error
        }
        worker.wait()
        findings.integrity += try largest.result!.get()
        // A damaged b-tree is reported by both quick_check and its table's integrity_check.
        var seen: Set<String> = []
        findings.integrity = findings.integrity.filter { seen.insert($0).inserted }
        return findings
    }

    static let mmapBytes = 1 << 31

    /// The page accounting of the whole-file check, where SQLite skipped it: every page of the
    /// file is in a table or an index (dbstat counts their pages, overflow pages included), or on
    /// the freelist, or SQLite's lock-byte page. Empty when SQLite did it itself.
    ///
    /// SQLite 3.40 (Debian 12's) checks the whole file only when the first object of its schema
    /// hash has a b-tree. When a view or a virtual table comes first, `integrity_check`
    /// and `quick_check` quietly run as if given a list of tables: no page is counted and the
    /// freelist is not walked. Which object comes first follows from the schema's names (since 0017
    /// it is the view commitment_progress); `PRAGMA table_list` lists them in that order.
    static func unaccountedPages(_ db: Database) throws -> [String] {
        let first = try db.fetchOne("SELECT type FROM pragma_table_list WHERE schema = 'main'", .none) { try $0["type"] as String }
        guard first == "view" || first == "virtual" else { return [] }
        guard let (pages, used, free, pageSize) = try db.fetchOne(
            """
            SELECT (SELECT page_count FROM pragma_page_count) AS pages, (SELECT count(*) FROM dbstat('main')) AS used,
                   (SELECT freelist_count FROM pragma_freelist_count) AS free, (SELECT page_size FROM pragma_page_size) AS page_size
            """, .none, { (try $0["pages"] as Int, try $0["used"] as Int, try $0["free"] as Int, try $0["page_size"] as Int) })
        else { return [] }
        // The page holding the byte at 1 GiB is never used by SQLite, in any file that reaches it.
        let accounted = used + free + (pages > (1 << 30) / pageSize ? 1 : 0)
        if accounted < pages {
            let unused = pages - accounted
            return ["\(unused) of the file's \(pages) pages \(unused == 1 ? "is" : "are") never used (\(used) are in tables and indexes, \(free) free)"]
        }
        if accounted > pages {
            return ["the file's \(pages) pages are fewer than those in use (\(used) in tables and indexes, \(free) free): a page is counted twice"]
        }
        return []
    }

    /// What `integrity_check` or `quick_check` (of the whole file, or of `table`) found: its rows
    /// but the lone "ok". The pragma's one column is named after it.
    static func problems(_ db: Database, _ pragma: String, of table: String? = nil) throws -> [String] {
        try db.fetchAll("PRAGMA \(pragma)" + (table.map { "(\(literal($0)))" } ?? "")) { try $0[pragma] as String }.filter { $0 != "ok" }
    }

    static func foreignKeyProblems(_ db: Database) throws -> [String] {
        try db.fetchAll("PRAGMA foreign_key_check") { row in
            let rowID: Int64? = try row["rowid"]
            return "\(try row["table"] as String) row \(rowID.map(String.init) ?? "(without rowid)") refers to a missing \(try row["parent"] as String) row"
        }
    }

    /// The background check's answer. Written by the worker before it leaves its group and read
    /// after `wait()`, which orders the two: no lock needed.
    final class WorkerResult: @unchecked Sendable {
        var result: Result<[String], any Error>?
    }

    // MARK: Schema

    typealias Schema = [String: String]  // "trigger name" → SQL

    static func schema(of db: Database) throws -> Schema {
        var objects: Schema = [:]
        // schema_migrations is the migrator's own (older databases gained a column by ALTER TABLE).
        try db.forEachRow(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'schema_migrations'"
        ) { objects["\(try $0["type"] as String) \(try $0["name"] as String)"] = try $0["sql"] as String }
        return objects
    }

    /// The schema the applied migrations build, on an empty in-memory database.
    static func referenceSchema(migrator: DatabaseMigrator, versions: Set<Int>) throws -> Schema {
        let memory = try Database(path: ":memory:")
        try DatabaseMigrator(migrations: migrator.migrations.filter { versions.contains($0.version) }).migrate(memory)
        return try schema(of: memory)
    }

    static func schemaDifferences(_ actual: Schema, _ expected: Schema) -> [String] {
        var problems: [String] = []
        for key in expected.keys.sorted() {
            guard let sql = actual[key] else { problems.append("\(key) is missing"); continue }
            if sql != expected[key] { problems.append("\(key) was changed") }
        }
        for key in actual.keys.sorted() where expected[key] == nil { problems.append("\(key) was added outside the migrations") }
        return problems
    }

    // MARK: Hash chain

    /// Walks the chain in order and each append-only table in id order side by side: every row
    /// must have the next link of its table, and every link must match its row's content.
    /// The per-row work is C (`chainLinkMatches`): nothing is allocated per row.
    static func verifyChain(_ db: Database, problems: inout [String]) throws -> Int {
        guard try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'integrity_chain'") == 1 else {
            return 0
        }
        let tables = try db.fetchAll("SELECT name FROM append_only_tables ORDER BY name") { try $0["name"] as String }
        var cursors: [Statement] = []
        var hasRow: [Bool] = []  // whether the cursor holds a row not yet matched
        for table in tables {
            let cursor = try db.prepare("SELECT rowid AS chain_rowid, * FROM \(quoted(table)) ORDER BY rowid")
            try cursor.bind(.none)
            hasRow.append(try cursor.step())
            cursors.append(cursor)
        }
        var extra = 0
        func report(_ problem: String) {
            if problems.count < listed { problems.append(problem) } else { extra += 1 }
        }
        // The table as an index into `tables` (-1: not an append-only table), computed by SQLite.
        let tableIndex = tables.isEmpty ? "-1"
            : "CASE table_name " + tables.enumerated().map { "WHEN \(literal($1)) THEN \($0) " }.joined() + "ELSE -1 END"
        let links = try db.prepare("SELECT seq, \(tableIndex) AS table_index, row_id, link, table_name FROM integrity_chain ORDER BY seq")
        try links.bind(.none)
        let (seq, tableIndexColumn, rowIDColumn, link, tableName) = (
            try links.column("seq", as: Int64.self), try links.column("table_index", as: Int.self),
            try links.column("row_id", as: Int64.self), try links.column("link", as: [UInt8].self),
            try links.column("table_name", as: String.self))
        let rowIDs = try cursors.map { try $0.column("chain_rowid", as: Int64.self) }
        let previous = UnsafeMutablePointer<UInt8>.allocate(capacity: 32)
        defer { previous.deallocate() }
        var hasPrevious = false
        var count = 0
        while try links.step() {
            count += 1
            let index = try links[tableIndexColumn], rowID = try links[rowIDColumn]
            defer { hasPrevious = links.copyBlob(link, into: previous, capacity: 32) == 32 }
            guard index >= 0 else {
                report("chain link \(try links[seq]) names \(try links[tableName]), which is not an append-only table")
                continue
            }
            let cursor = cursors[index], table = tables[index], cursorRowID = rowIDs[index]
            // Rows the chain skipped were added while its trigger was gone.
            while hasRow[index], try cursor[cursorRowID] < rowID {
                report("\(table) row \(try cursor[cursorRowID]) is not in the chain (added outside plantrack)")
                hasRow[index] = try cursor.step()
            }
            guard hasRow[index], try cursor[cursorRowID] == rowID else {
                report("\(table) row \(rowID) is gone (deleted; chain link \(try links[seq]))")
                continue
            }
            // The row's own columns follow its rowid (`SELECT rowid AS chain_rowid, *`).
            if !cursor.chainLinkMatches(
                previous: hasPrevious ? UnsafePointer(previous) : nil, table: table, firstColumn: cursorRowID.index + 1,
                links: links, column: link.index)
            {
                report("\(table) row \(rowID) was changed after it was logged (chain link \(try links[seq]) does not match)")
            }
            hasRow[index] = try cursor.step()
        }
        for (index, table) in tables.enumerated() {
            while hasRow[index] {
                report("\(table) row \(try cursors[index][rowIDs[index]]) is not in the chain (added outside plantrack)")
                hasRow[index] = try cursors[index].step()
            }
        }
        if extra > 0 { problems.append("… and \(extra) more") }
        return count
    }

    static func literal(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    static func quoted(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
