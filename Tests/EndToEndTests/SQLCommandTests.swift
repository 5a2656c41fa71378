import Foundation
import Testing

/// `plantrack sql` on the built binary: what it refuses (each time with one line, a non-zero exit
/// and the database unchanged), how it reports SQL errors, and how it binds parameters.
@Suite struct SQLCommandTests {
    static let refused: [(sql: String, message: String)] = [
        ("DELETE FROM actions", "sql: refused: DELETE changes the database"),
        ("delete from progress_updates", "sql: refused: DELETE changes the database"),
        ("UPDATE actions SET title = 'x'", "sql: refused: UPDATE changes the database"),
        ("INSERT INTO plans (slug, title) VALUES ('x', 'y')", "sql: refused: INSERT changes the database"),
        ("REPLACE INTO plans (slug, title) VALUES ('x', 'y')", "sql: refused: REPLACE changes the database"),
        ("DROP TABLE actions", "sql: refused: DROP changes the database"),
        ("CREATE TABLE scratch (x)", "sql: refused: CREATE changes the database"),
        ("CREATE TEMP VIEW v AS SELECT 1", "sql: refused: CREATE changes the database"),
        ("ATTACH DATABASE 'other.db' AS other", "sql: refused: ATTACH is not allowed"),
        ("PRAGMA writable_schema=1", "sql: refused: this PRAGMA can change"),
        ("PRAGMA journal_mode = DELETE", "sql: refused: this PRAGMA can change"),
        ("PRAGMA query_only = 0", "sql: refused: this PRAGMA can change"),
        ("VACUUM", "sql: refused: VACUUM changes the database"),
        ("VACUUM INTO 'copy.db'", "sql: refused: VACUUM changes the database"),
        ("SELECT load_extension('/usr/lib/nothing.so')", "sql: refused: load_extension is not allowed"),
        ("BEGIN", "sql: refused: transactions are not allowed"),
        ("WITH doomed AS (SELECT id FROM actions) DELETE FROM actions WHERE id IN doomed", "sql: refused: the statement does more than read"),
        ("SELECT 1; DELETE FROM actions", "sql: refused: one statement at a time"),
        ("SELECT count(*) FROM actions; SELECT 2", "sql: refused: one statement at a time"),
        ("/* sneaky */ DROP TABLE plans", "sql: refused: DROP changes the database"),
    ]

    @Test(arguments: refused) func refusesAnythingButOneRead(sql: String, message: String) throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        try cli.succeed(["progress", "add", "1", "Before the attempt", "--date", "2025-03-01"])
        try cli.refuse(["sql", sql], message)
        // Nothing was created beside the database either.
        #expect(!FileManager.default.fileExists(atPath: cli.path("other.db")))
        #expect(!FileManager.default.fileExists(atPath: cli.path("copy.db")))
    }

    @Test func sqlErrorsShowSQLitesMessageAndWhere() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        try cli.refuse(["sql", "SELECT number FROM actions WHERE )"], #"sql: near ")": syntax error at offset 33"#)
        try cli.refuse(["sql", "SELECT nope FROM actions"], "sql: no such column: nope at offset 7")
        // Offsets count characters, not UTF-8 bytes.
        try cli.refuse(["sql", "SELECT '人工智能', nope FROM actions"], "sql: no such column: nope at offset 15")
        try cli.refuse(["sql", "SELECT * FROM nowhere"], "sql: no such table: nowhere")
        try cli.refuse(["sql", "  "], "sql: the query has no statement")
        try cli.refuse(["sql", "SELECT :n"], "sql: no value for parameter :n; pass --param n=VALUE")
        try cli.refuse(["sql", "SELECT 1", "--param", "n=1"], "sql: --param n: the statement has no parameter :n")
        try cli.refuse(["sql", "SELECT :n", "--param", "n"], "--param n: expected name=value")
        try cli.refuse(["sql", "SELECT ?"], "sql: use named parameters (:name)")
    }

    @Test func parametersBindByNameAndNumbersAsNumbers() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        let types = try cli.succeed([
            "sql", "SELECT typeof(:a) AS a, typeof(:b) AS b, typeof(:c) AS c, typeof(:d) AS d, typeof(@e) AS e, :d AS date",
            "--param", "a=42", "--param", "b=2.5", "--param", "c=007", "--param", "d=2025-01-01", "--param", "@e=-3", "--format", "csv",
        ])
        #expect(types == "a,b,c,d,e,date\r\ninteger,real,text,text,integer,2025-01-01\r\n")
        let rows = try cli.succeed(["sql", "SELECT number FROM actions WHERE number <= :n ORDER BY number", "--param", "n=3", "--format", "csv"])
        #expect(rows == "number\r\n1\r\n2\r\n3\r\n")
    }

    /// The views give `plantrack sql` and the sqlite3 shell the answers the CLI prints.
    @Test func viewsAgreeWithTheShellAndTheCLI() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        try cli.succeed(["progress", "add", "2", "Lab agreed", "--status", "completed", "--date", "2025-04-01"])
        try cli.succeed(["progress", "add", "3", "Blocked", "--status", "blocked", "--date", "2025-05-01"])
        let viaSQL = try cli.succeed(["sql", "SELECT number, status, last_update, updates FROM action_status ORDER BY number", "--format", "csv"])
        let viaShell = try cli.sqlite("SELECT number, status, last_update, updates FROM action_status ORDER BY number")
        #expect(viaSQL.split(separator: "\r\n").dropFirst().map { $0.replacingOccurrences(of: ",", with: "|") } == viaShell)
        let list = try cli.succeed(["action", "list", "--format", "json"])
        let actions = try #require(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]])
        let viaCLI = actions.map { action in
            ["number", "status", "last_update", "updates"].map { key in action[key].map { "\($0)" } ?? "" }
                .map { $0 == "<null>" ? "" : $0 }.joined(separator: "|")
        }
        #expect(viaCLI == viaShell)
    }

    @Test func fullTextIndexesCanBeQueried() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        let count = try cli.succeed(["sql", "SELECT count(*) AS n FROM passages_fts WHERE passages_fts MATCH '人工智能'", "--format", "csv"])
        #expect(Int(count.split(separator: "\r\n").last ?? "") ?? 0 > 0)
        try cli.succeed(["sql", "PRAGMA table_info(actions)"])
    }
}
