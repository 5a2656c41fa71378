import Foundation
import Testing

/// `progress`, `training`, `milestone` and `action` on the built binary, including every bad input
/// the progress issue lists: each refused with one line, a non-zero exit and no change.
@Suite struct ProgressCommandTests {
    static func initialised() throws -> PlantrackProcess {
        let cli = try PlantrackProcess()
        try cli.succeed(["init"])
        return cli
    }

    @Test func addPrintsTheNewIDAndListShowsIt() throws {
        let cli = try Self.initialised()
        defer { cli.cleanUp() }
        #expect(try cli.succeed(["progress", "add", "1", "Joint lab agreed", "--status", "in-progress", "--date", "2025-03-10",
                                 "--percent", "20", "--evidence", "https://example.org/lab", "--author", "Li"]) == "1\n")
        #expect(try cli.succeed(["progress", "add", "1", "Lab opened", "--status", "completed", "--date", "2025-06-01"]) == "2\n")
        let json = try cli.succeed(["progress", "list", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["id"] as? Int == 2)
        #expect(rows[0]["action"] as? Int == 1)
        #expect(rows[0]["author"] as? String == "tester")  // $USER
        #expect(rows[1]["reported_on"] as? String == "2025-03-10")
        #expect(rows[1]["percent"] as? Double == 20)
        #expect(rows[1]["evidence_url"] as? String == "https://example.org/lab")
        #expect(rows[1]["author"] as? String == "Li")
        for key in ["id", "action_id", "commitment_id", "reported_on", "status", "percent", "note", "evidence_url", "author", "supersedes_id", "recorded_at", "action"] {
            #expect(rows[0].keys.contains(key), "missing key \(key)")
        }
    }

    @Test func dateDefaultsToToday() throws {
        let cli = try Self.initialised()
        defer { cli.cleanUp() }
        try cli.succeed(["progress", "add", "2", "Pilot started"])
        #expect(try cli.sqlite("SELECT reported_on, status FROM progress_updates") == ["2026-11-25|in-progress"])
    }

    @Test func listFilters() throws {
        let cli = try Self.initialised()
        defer { cli.cleanUp() }
        try cli.succeed(["progress", "add", "1", "a", "--date", "2025-01-10", "--status", "in-progress"])
        try cli.succeed(["progress", "add", "2", "b", "--date", "2025-02-10", "--status", "blocked"])
        try cli.succeed(["progress", "add", "2", "c", "--date", "2025-03-10", "--status", "completed"])
        func ids(_ arguments: [String]) throws -> [String] {
            try cli.succeed(["progress", "list", "--format", "csv"] + arguments).split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        }
        #expect(try ids([]) == ["3", "2", "1"])
        #expect(try ids(["--action", "2"]) == ["3", "2"])
        #expect(try ids(["--status", "blocked"]) == ["2"])
        #expect(try ids(["--since", "2025-02-01"]) == ["3", "2"])
        #expect(try ids(["--until", "2025-02-10"]) == ["2", "1"])
        #expect(try ids(["--since", "2025-02-01", "--until", "2025-02-28", "--action", "2"]) == ["2"])
    }

    @Test func correctionSupersedesAndActionListFollowsIt() throws {
        let cli = try Self.initialised()
        defer { cli.cleanUp() }
        try cli.succeed(["progress", "add", "10", "Policy dialogue held", "--status", "completed", "--date", "2025-05-20"])
        #expect(try cli.succeed(["progress", "correct", "1", "First round held", "--status", "in-progress"]) == "2\n")
        #expect(try cli.sqlite("SELECT id, reported_on, status, note, supersedes_id FROM progress_updates ORDER BY id") == [
            "1|2025-05-20|completed|Policy dialogue held|", "2|2025-05-20|in-progress|First round held|1",
        ])
        let list = try cli.succeed(["action", "list", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]])
        #expect(rows.count == 10)
        #expect(rows[9]["number"] as? Int == 10)
        #expect(rows[9]["status"] as? String == "in-progress")
        #expect(rows[9]["last_update"] as? String == "2025-05-20")
        #expect(rows[9]["updates"] as? Int == 1)
        #expect(rows[0]["status"] as? String == "not-started")
        #expect(rows[0]["last_update"] is NSNull)
        try cli.refuse(["progress", "correct", "1", "--status", "blocked"], "progress update 1 was already corrected by 2; correct 2 instead")
    }

    @Test func asOfReproducesAnEarlierBriefing() throws {
        let cli = try Self.initialised()
        defer { cli.cleanUp() }
        try cli.succeed(["progress", "add", "3", "Started", "--status", "in-progress", "--date", "2025-02-01"])
        try cli.succeed(["progress", "add", "3", "Stalled", "--status", "blocked", "--date", "2025-08-01"])
        func status(_ asOf: String) throws -> String {
            let csv = try cli.succeed(["action", "list", "--as-of", asOf, "--format", "csv"])
            let line = csv.split(separator: "\r\n")[3]  // header, action 1, 2, then 3
            return String(line)
        }
        #expect(try status("2025-01-31").hasSuffix(",not-started,,0,"))
        #expect(try status("2025-06-30").hasSuffix(",in-progress,2025-02-01,1,"))
        #expect(try status("2025-12-31").hasSuffix(",blocked,2025-08-01,2,"))
    }

    @Test func textIsStoredAndPrintedExactly() throws {
        let cli = try Self.initialised()
        defer { cli.cleanUp() }
        let notes = ["'); DROP TABLE actions; --", "quote \" and ; semicolon, comma", "emoji 🎉👩🏽‍💻 and 中文：人工智能研修班", "line one\nline two"]
        for note in notes { try cli.succeed(["progress", "add", "4", note, "--date", "2025-01-02"]) }
        let json = try cli.succeed(["progress", "list", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["note"] as? String } == notes.reversed())
        #expect(try cli.count("actions") == 10)
    }

    @Test func trainingCountsTowardTheMilestoneAndShowsInTheTimeline() throws {
        let cli = try Self.initialised()
        defer { cli.cleanUp() }
        #expect(try cli.succeed(["training", "add", "--title", "Workshop A", "--start", "2025-05-12", "--end", "2025-05-23",
                                 "--location", "Beijing", "--participants", "38", "--countries", "21", "--host", "MOFCOM"]) == "1\n")
        try cli.succeed(["training", "add", "--title", "Baseline 2024", "--start", "2024-06-01", "--location", "Beijing", "--baseline"])
        try cli.succeed(["training", "add", "--title", "Workshop B", "--start", "2025-07-07", "--location", "Shanghai", "--milestone", "training-2025"])
        let sessions = try cli.succeed(["training", "list", "--format", "csv"]).split(separator: "\r\n").map(String.init)
        #expect(sessions.first == "id,started_on,ended_on,title,location,host,participants,countries,milestone,counts_as,evidence_url,supersedes_id,superseded_by,withdrawn_on,withdrawn_because,author,recorded_at")
        #expect(sessions[1].hasPrefix("2,2024-06-01,,Baseline 2024,Beijing,,,,baseline,,,"))
        #expect(sessions[2].hasPrefix("1,2025-05-12,2025-05-23,Workshop A,Beijing,MOFCOM,38,21,training-2025,1,,"))
        #expect(sessions[3].hasPrefix("3,2025-07-07,,Workshop B,Shanghai,,,,training-2025,2,,"))
        // Sessions are stored as sessions: no progress update is derived from them.
        #expect(try cli.sqlite("SELECT count(*) FROM progress_updates") == ["0"])
        let action = try #require(try JSONSerialization.jsonObject(with: Data(try cli.succeed(["action", "list", "--as-of", "2025-07-31", "--format", "json"]).utf8)) as? [[String: Any]])[5]
        #expect(action["status"] as? String == "in-progress" && action["percent"] as? Double == 20 && action["last_update"] as? String == "2025-07-07")
        let milestone = try cli.succeed(["milestone", "list", "--as-of", "2025-07-31", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(milestone.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        let row = rows[0]
        #expect(row["slug"] as? String == "training-2025")
        #expect(row["target"] as? Int == 10)
        #expect(row["due_on"] as? String == "2025-12-31")
        #expect(row["done"] as? Int == 2)
        #expect(row["remaining"] as? Int == 8)
        #expect(row["pace_per_month"] as? Double == 0.2)  // 2 in 309 days
        #expect(row["projected_on"] as? String == "2028-12-18")  // 8 more at that pace: 1236 days
        #expect(row["status"] as? String == "at-risk")
        let show = try cli.succeed(["action", "show", "6", "--format", "json"])
        #expect(show.contains("\"counts_as\": 1, \"held_on\": \"2025-05-12\", \"ended_on\": \"2025-05-23\", \"title\": \"Workshop A\""))
    }

    /// A second submission of the same update (a re-run script) is refused, on both parsers and in
    /// a CSV import, unless --allow-duplicate; a correction records who made it.
    @Test func exactRepeatsAreRefusedAndCorrectionsNameTheirAuthor() throws {
        let cli = try Self.initialised()
        defer { cli.cleanUp() }
        let add = ["progress", "add", "4", "Lab opened", "--date", "2025-04-01", "--author", "alice"]
        #expect(try cli.succeed(add) == "1\n")
        try cli.refuse(add, "update 1 recorded the same (action 4, 2025-04-01, in-progress, same note and author) less than 10 minutes ago")
        try cli.refuse(["progress", "add", "--date", "2025-04-01", "--author", "alice", "--", "4", "Lab opened"], "update 1 recorded the same")
        #expect(try cli.succeed(add + ["--allow-duplicate"]) == "2\n")
        let csv = try cli.write("repeat.csv", "action,reported_on,status,note,evidence_url,author\n5,2025-04-02,in-progress,Fresh line,,alice\n4,2025-04-01,in-progress,Lab opened,,alice\n")
        try cli.refuse(["progress", "import", csv], "repeat.csv: row 2 repeats update 2, recorded less than 10 minutes ago")
        #expect(try cli.succeed(["progress", "import", csv, "--allow-duplicate"]) == "\(csv): imported 2 updates\n")
        #expect(try cli.succeed(["progress", "correct", "1", "--status", "completed", "--author", "bob"]) == "5\n")
        #expect(try cli.sqlite("SELECT id, author, supersedes_id FROM progress_updates WHERE id IN (1, 5) ORDER BY id") == ["1|alice|", "5|bob|1"])
        // Without --author, the person running it ($USER), never the original author.
        #expect(try cli.succeed(["progress", "correct", "5", "Lab opened in May"]) == "6\n")
        #expect(try cli.sqlite("SELECT author FROM progress_updates WHERE id = 6") == ["tester"])
        // A Chinese name is enough for an indicator.
        #expect(try cli.succeed(["indicator", "add", "--name", "联合实验室数量", "--unit", "个"]) == "indicator-1\n")
    }

    /// A plain `progress add` takes the fast path; with `--` it goes through ArgumentParser. Same row.
    @Test func fastPathAndArgumentParserWriteTheSameRow() throws {
        let cli = try Self.initialised()
        defer { cli.cleanUp() }
        let options = ["--status", "at-risk", "--date", "2025-05-02", "--percent", "40", "--evidence", "https://example.org/a",
                       "--author", "Li", "--commitment", "ai-capacity-building-a6-1"]
        #expect(try cli.succeed(["progress", "add", "6", "Venue changed"] + options) == "1\n")
        // The same update again: an exact repeat, so it needs --allow-duplicate.
        #expect(try cli.run(["progress", "add"] + options + ["--", "6", "Venue changed"]).status == 1)
        #expect(try cli.succeed(["progress", "add"] + options + ["--allow-duplicate", "--", "6", "Venue changed"]) == "2\n")
        let rows = try cli.sqlite("""
            SELECT action_id, commitment_id, reported_on, status, percent, note, evidence_url, author, supersedes_id
            FROM progress_updates ORDER BY id
            """)
        #expect(rows.count == 2)
        #expect(rows[0] == rows[1])
        #expect(rows[0].hasSuffix("|2025-05-02|at-risk|40.0|Venue changed|https://example.org/a|Li|"))
    }

    @Test func fastPathReportsAMissingDatabaseLikeEveryCommand() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let missing = try cli.run(["--db", cli.path("missing.db"), "progress", "add", "3", "note"], useDatabase: false)
        #expect(missing.status == 1)
        #expect(missing.stdout == "")
        #expect(missing.stderr == "plantrack: error: no database at \(cli.path("missing.db")); create one with `plantrack init` (or pass --db PATH)\n")
        #expect(!FileManager.default.fileExists(atPath: cli.path("missing.db")))
    }

    @Test func badInputsAreRefusedCleanly() throws {
        let cli = try Self.initialised()
        defer { cli.cleanUp() }
        try cli.succeed(["progress", "add", "1", "seed", "--date", "2025-01-01"])
        let longNote = String(repeating: "长", count: 10_001)
        let cases: [([String], String)] = [
            (["progress", "add", "0", "x"], "action: '0' is not an action number"),
            (["progress", "add", "11", "x"], "action 11 does not exist in plan ai-capacity-building (it has actions 1–10)"),
            (["progress", "add", "abc", "x"], "action: 'abc' is not an action number"),
            (["progress", "add", "1", "x", "--plan", "nope"], "no plan 'nope' (plans: ai-capacity-building)"),
            (["progress", "add", "1", "x", "--commitment", "nope"], "no commitment 'nope' in plan ai-capacity-building"),
            (["progress", "add", "1", "x", "--date", "2025-02-30"], "--date: '2025-02-30' is not a valid date"),
            (["progress", "add", "1", "x", "--date", "2025-13-01"], "--date: '2025-13-01' is not a valid date"),
            (["progress", "add", "1", "x", "--date", "tomorrow"], "--date: 'tomorrow' is not a valid date"),
            (["progress", "add", "1", "x", "--date", "2027-01-01"], "--date: 2027-01-01 is in the future (today is 2026-11-25)"),
            (["progress", "add", "1", "x", "--date", "2024-01-01"], "--date: 2024-01-01 is before the plan was proposed (2024-09-25)"),
            (["progress", "add", "1", "x", "--status", "done"], "unknown status 'done' (valid: not-started, in-progress, at-risk, blocked, completed)"),
            (["progress", "add", "1", "x", "--percent", "101"], "--percent: 101 is out of range (expected 0 to 100)"),
            (["progress", "add", "1", "x", "--percent", "-1"], "--percent: -1 is out of range (expected 0 to 100)"),
            (["progress", "add", "1", ""], "note: the note is empty"),
            (["progress", "add", "1", "   "], "note: the note is empty"),
            (["progress", "add", "1", longNote], "note: the note has 10001 characters; at most 10000 are allowed"),
            (["progress", "add", "1", "x", "--evidence", "example.org/x"], "--evidence: 'example.org/x' is not an http(s) URL"),
            (["progress", "add", "1", "x", "--evidence", "javascript:alert(1)"], "is not an http(s) URL"),
            (["progress", "correct", "99", "--status", "completed"], "no progress update with id 99"),
            (["progress", "correct", "abc"], "id: 'abc' is not an update id"),
            (["progress", "list", "--status", "finished"], "unknown status 'finished'"),
            (["action", "show", "11"], "action 11 does not exist"),
            (["action", "list", "--as-of", "2025-02-30"], "--as-of: '2025-02-30' is not a valid date"),
            (["training", "add", "--title", "T", "--start", "2025-03-01", "--location", "X", "--participants", "-5"], "--participants: -5 participants is negative"),
            (["training", "add", "--title", "T", "--start", "2025-03-01", "--location", "X", "--countries", "many"], "--countries: 'many' is not a whole number of countries"),
            (["training", "add", "--title", "T", "--start", "2027-03-01", "--location", "X"], "--start: 2027-03-01 is in the future"),
            (["training", "add", "--title", "T", "--start", "2024-03-01", "--location", "X"], "--start: 2024-03-01 is before the plan was proposed (2024-09-25)"),
            (["training", "add", "--title", "T", "--start", "2025-03-05", "--end", "2025-03-01", "--location", "X"], "--end: 2025-03-01 is before the start date 2025-03-05"),
            (["training", "add", "--title", "T", "--start", "2025-03-01", "--location", "X", "--milestone", "nope"], "no milestone 'nope' in plan ai-capacity-building (nearest: training-2025)"),
            (["training", "add", "--title", "T", "--start", "2025-03-01", "--location", "X", "--evidence", "ftp://x"], "--evidence: 'ftp://x' is not an http(s) URL"),
            (["milestone", "list", "--as-of", "2025-13-01"], "--as-of: '2025-13-01' is not a valid date"),
        ]
        for (arguments, message) in cases {
            try cli.refuse(arguments, message)
        }
        #expect(try cli.count("progress_updates") == 1)
        #expect(try cli.count("training_sessions") == 0)
    }
}
