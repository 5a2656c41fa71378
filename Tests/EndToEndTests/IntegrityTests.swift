import Foundation
import Testing

/// Round two of the reliability issue: no command destroys data, the log is tamper-evident,
/// failed commands leave nothing behind, and writers on one new file do not fail.
@Suite(.serialized) struct IntegrityTests {
    private func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test func noCommandWritesOverADatabase() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        try cli.succeed(["progress", "add", "3", "kept", "--status", "in-progress", "--date", "2025-01-02"])
        let other = cli.path("other.db")
        _ = try PlantrackProcess.sqlite(other, "CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        try FileManager.default.createSymbolicLink(atPath: cli.path("link.db"), withDestinationPath: cli.database)
        try FileManager.default.linkItem(atPath: cli.database, toPath: cli.path("hard.db"))
        let targets = [cli.database, cli.database + "-wal", cli.database + "-shm", cli.path("link.db"), cli.path("hard.db"), other]
        for target in targets {
            let before = bytes(target)
            let otherBefore = bytes(other)
            try cli.refuse(["dashboard", "--out", target], "refusing to write over it")
            try cli.refuse(["backup", target], target)
            #expect(bytes(target) == before, "\(target) changed")
            #expect(bytes(other) == otherBefore)
        }
        #expect(try cli.count("progress_updates") == 1)
    }

    @Test func backupIsAtomicAndStandsAlone() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        let copy = cli.path("copies/copy.db")
        try FileManager.default.createDirectory(atPath: cli.path("copies"), withIntermediateDirectories: true)
        try cli.succeed(["backup", copy])
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("copies")) == ["copy.db"])
        #expect(try PlantrackProcess.sqlite(copy, "PRAGMA journal_mode") == ["delete"])
        // A second backup to the same name, a dangling symlink, a missing folder: refused, nothing new.
        try cli.refuse(["backup", copy], "already exists")
        try FileManager.default.createSymbolicLink(atPath: cli.path("copies/dangling.db"), withDestinationPath: cli.path("copies/target.db"))
        try cli.refuse(["backup", cli.path("copies/dangling.db")], "already exists")
        #expect(!exists(cli.path("copies/target.db")))
        let result = try cli.run(["backup", cli.path("missing/copy.db")])
        #expect(result.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("copies")).sorted() == ["copy.db", "dangling.db"])
    }

    @Test func foreignDatabaseIsRefusedUntouched() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let foreign = cli.path("foreign.db")
        _ = try PlantrackProcess.sqlite(foreign, "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('theirs')")
        let before = bytes(foreign)
        for arguments in [["init"], ["migrate"], ["action", "list"], ["progress", "add", "1", "n", "--status", "in-progress"], ["import"]] {
            let result = try cli.run(["--db", foreign] + arguments, useDatabase: false)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.hasPrefix("plantrack: error: ") && result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
            #expect(bytes(foreign) == before, "\(arguments) changed the file")
            #expect(!exists(foreign + "-wal") && !exists(foreign + "-shm"), "\(arguments) left WAL files")
        }
    }

    @Test func emptyFileStaysEmptyAndFailedCommandsLeaveNoFile() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let empty = try cli.write("empty.db", "")
        for arguments in [["action", "list"], ["sql", "SELECT 1"], ["progress", "add", "1", "n", "--status", "in-progress"], ["report", "overdue"]] {
            let result = try cli.run(["--db", empty] + arguments, useDatabase: false)
            #expect(result.status == 1, "\(arguments)")
            #expect(bytes(empty)?.count == 0, "\(arguments) turned the empty file into a database")
        }
        // A binary "document", and --status on a missing path: no database appears.
        let binary = try cli.write("blob.bin", bytes: [0xFF, 0xFE, 0x00, 0x01, 0xC3, 0x28] + Array(repeating: 0, count: 64))
        let imported = try cli.run(["import", binary])
        #expect(imported.status == 1)
        #expect(!exists(cli.database) && !exists(cli.database + "-wal") && !exists(cli.database + "-shm"))
        try cli.succeed(["migrate", "--status"])
        #expect(!exists(cli.database))
        try cli.refuse(["verify"], "no database at")
        #expect(!exists(cli.database))
    }

    @Test func progressImportRefusesTheSameFileTwice() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        let file = try cli.write("u.csv", "action,reported_on,status,note\n3,2025-01-02,in-progress,one\n4,2025-01-03,at-risk,two\n")
        #expect(try cli.succeed(["progress", "import", file]) == "\(file): imported 2 updates\n")
        try cli.refuse(["progress", "import", file], "was already imported as \(file)")
        #expect(try cli.count("progress_updates") == 2)
        // The same rows again within minutes are also exact repeats: --allow-duplicate says they are meant.
        try cli.refuse(["progress", "import", file, "--again"], "row 1 repeats update 1")
        #expect(try cli.succeed(["progress", "import", file, "--again", "--allow-duplicate"]) == "\(file): imported 2 updates\n")
        #expect(try cli.count("progress_updates") == 4)
        #expect(try cli.sqlite("SELECT count(*), sum(rows) FROM imported_files") == ["2|4"])
    }

    /// Each tampering by hand (the sqlite3 shell), on a fresh copy: `verify` must fail and name it,
    /// and a writing command must refuse the database when its schema or history was touched.
    @Test func verifyDetectsEveryTamperingAndWritersRefuse() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        for index in 1...4 {
            try cli.succeed(["progress", "add", String(index), "update \(index)", "--status", "in-progress", "--date", "2025-01-0\(index)"])
        }
        try cli.succeed(["progress", "correct", "2", "--status", "at-risk"])
        try cli.succeed(["training", "add", "--title", "Workshop", "--start", "2025-05-12", "--location", "Beijing"])
        // The targets' append-only rows are chained too: a corrected session, a withdrawal, actuals.
        try cli.succeed(["training", "add", "--title", "Second", "--start", "2025-06-12", "--location", "Nairobi"])
        try cli.succeed(["training", "correct", "2", "--location", "Addis Ababa"])
        try cli.succeed(["training", "withdraw", "3", "--reason", "held online only", "--date", "2025-07-01"])
        try cli.succeed(["commitment", "add", "labs", "Ten joint laboratories", "--action", "1", "--target", "10", "--unit", "labs", "--due", "2026-12-31"])
        try cli.succeed(["commitment", "record", "labs", "2", "--date", "2025-03-01"])
        try cli.succeed(["commitment", "correct", "1", "3"])
        let clean = try cli.run(["verify"])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        // 5 updates (sessions add none), 3 sessions, 1 withdrawal, 2 actuals.
        #expect(clean.stdout.contains("ok  hash chain (11 rows)"), "\(clean.stdout)")

        let attempts: [(sql: String, finding: String, writersRefuse: Bool)] = [
            ("DROP TRIGGER progress_updates_no_update; UPDATE progress_updates SET note = 'forged' WHERE id = 2",
             "progress_updates row 2 was changed", true),
            ("DROP TRIGGER progress_updates_no_delete; DELETE FROM progress_updates WHERE id = 3",
             "progress_updates row 3 is gone", true),
            ("DROP TRIGGER training_sessions_no_update; UPDATE training_sessions SET location = 'Paris'",
             "training_sessions row 1 was changed", true),
            ("DROP TRIGGER progress_updates_chain; INSERT INTO progress_updates (action_id, reported_on, status, note) VALUES (1, '2025-02-01', 'completed', 'slipped in')",
             "progress_updates row 6 is not in the chain", true),
            ("DROP TRIGGER integrity_chain_no_update; UPDATE integrity_chain SET link = zeroblob(32) WHERE seq = 2",
             "does not match", true),
            ("DROP TRIGGER progress_updates_no_replace", "trigger progress_updates_no_replace is missing", true),
            ("DROP TRIGGER training_sessions_no_update; UPDATE training_sessions SET supersedes_id = NULL WHERE id = 3",
             "training_sessions row 3 was changed", true),
            ("DROP TRIGGER training_withdrawals_no_update; UPDATE training_withdrawals SET withdrawn_on = '2025-06-01'",
             "training_withdrawals row 1 was changed", true),
            ("DROP TRIGGER commitment_actuals_no_update; UPDATE commitment_actuals SET value = 9 WHERE id = 1",
             "commitment_actuals row 1 was changed", true),
            ("CREATE TRIGGER sneaky AFTER INSERT ON progress_updates BEGIN SELECT 1; END", "trigger sneaky was added", true),
            ("UPDATE schema_migrations SET checksum = '0' || substr(checksum, 2) WHERE version = 8", "0008_integrity.sql was changed", true),
            // A plan-level target of a plan that does not exist (commitments needs plan_id since 0005).
            ("PRAGMA foreign_keys = OFF; INSERT INTO commitments (plan_id, slug, body, kind) VALUES (999, 'orphan', 'x', 'deliverable')",
             "commitments row", false),
        ]
        var detected = 0
        for (index, attempt) in attempts.enumerated() {
            let copy = try cli.copyDatabase(cli.database, to: "tampered-\(index).db")
            _ = try PlantrackProcess.sqlite(copy, attempt.sql)
            let result = try cli.run(["verify"], on: copy)
            #expect(result.status == 1, "attempt \(index): \(result.stdout)")
            #expect(result.stdout.contains(attempt.finding), "attempt \(index): \(result.stdout)")
            if result.status == 1, result.stdout.contains(attempt.finding) { detected += 1 }
            if attempt.writersRefuse {
                let before = bytes(copy)
                let add = try cli.run(["progress", "add", "1", "after tampering", "--status", "in-progress"], on: copy)
                #expect(add.status == 1, "attempt \(index): a writer accepted the tampered database")
                #expect(bytes(copy) == before)
            }
        }
        #expect(detected == attempts.count, "tamper attempts \(attempts.count), detected \(detected)")
        Reliability.report("tampering: \(attempts.count) attempts, \(detected) detected by verify")
    }

    /// Eight `init` at once on one new path: all succeed (the busy wait covers the WAL switch).
    @Test func parallelInitOnANewPathNeverFails() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let rounds = Reliability.size(reduced: 3, full: 20)
        let failures = Collected<String>()
        for round in 0..<rounds {
            let path = cli.path("new-\(round).db")
            DispatchQueue.concurrentPerform(iterations: 8) { worker in
                do {
                    let result = try cli.run(["init"], on: path)
                    if result.status != 0 { failures.append("round \(round) worker \(worker): \(result.stderr)") }
                } catch { failures.append("\(error)") }
            }
            #expect(try PlantrackProcess.sqlite(path, "SELECT count(*) FROM actions") == ["10"])
        }
        #expect(failures.all.isEmpty, "\(failures.all.count) of \(8 * rounds) failed: \(failures.all.prefix(3))")
    }

    /// `sql` is bounded: an endless query stops at --timeout, one huge value is cut, nothing traps.
    @Test func sqlIsBoundedInTimeAndValueSize() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        try cli.refuse(
            ["sql", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c", "--timeout", "0.5"],
            "sql: stopped after 0.5 s (--timeout)")
        let text = try cli.succeed(["sql", "SELECT printf('%.*c', 100000, 'x') AS v", "--format", "csv"])
        #expect(text.contains("… [100000 bytes in all]"))
        #expect(text.utf8.count < 70_000)
        let blob = try cli.succeed(["sql", "SELECT zeroblob(300000) AS v", "--format", "csv"])
        #expect(blob == "v\r\n[blob of 300000 bytes]\r\n")
        try cli.refuse(["sql", "SELECT 1", "--timeout", "0"], "--timeout: expected seconds")
    }

    /// `init` on a full disk (a file-size limit, with SIGXFSZ ignored so writes fail with EFBIG)
    /// fails, and leaves no half-built database behind.
    @Test func initOnAFullDiskLeavesNoFile() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f 400; exec \"$0\" --db \"$1\" init", PlantrackProcess.binary, cli.database]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(!exists(cli.database) && !exists(cli.database + "-wal") && !exists(cli.database + "-shm") && !exists(cli.database + "-journal"))
    }
}
