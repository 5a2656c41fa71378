import Foundation
import Testing

/// `commitment`, `indicator`, `training correct|withdraw` and `milestone add` on the built binary:
/// targets at plan and action level, actuals, corrections, and every bad input of the targets
/// issue, each refused with one line, a non-zero exit and the database byte-identical.
@Suite struct TargetCommandTests {
    /// The bundled plan (proposed 2024-09-25) with a plan-level target, an action-level count, a
    /// date-only deliverable and a share measured by an indicator. Today is 2026-11-25.
    static func withTargets(today: String? = nil) throws -> PlantrackProcess {
        var cli = try PlantrackProcess()
        if let today { cli.today = today }
        try cli.succeed(["init"])
        try cli.succeed(["commitment", "add", "compute-300", "到2025年，算力规模超过300 EFLOPS", "--target", "300 EFLOPS", "--qualifier", ">", "--due", "2025"])
        try cli.succeed(["commitment", "add", "joint-labs", "20 joint laboratories by the end of 2026", "--action", "3", "--target", "20 labs", "--due", "2026-12-31"])
        try cli.succeed(["commitment", "add", "platform", "A platform online by 2025-09-30", "--action", "1", "--due", "2025-09-30"])
        #expect(try cli.succeed(["indicator", "add", "--name", "Intelligent computing share", "--unit", "%"]) == "intelligent-computing-share\n")
        try cli.succeed(["commitment", "add", "intelligent-share", "智能算力占比达到35%", "--target", "35%", "--due", "2025-12-31", "--indicator", "intelligent-computing-share"])
        return cli
    }

    static func rows(_ json: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    }

    static func list(_ cli: PlantrackProcess, asOf: String) throws -> [String: [String: Any]] {
        let rows = try rows(try cli.succeed(["commitment", "list", "--as-of", asOf, "--format", "json"]))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["slug"] as! String, $0) })
    }

    /// Refused, and the database file is byte-for-byte what it was (its -wal too, when there is one;
    /// an empty -wal, which a read-only `commitment list` leaves and the next writer removes, is none).
    static func refuse(_ cli: PlantrackProcess, _ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        func bytes() -> [Data?] {
            [cli.database, cli.database + "-wal"].map { FileManager.default.contents(atPath: $0) }.map { $0?.isEmpty == true ? nil : $0 }
        }
        let before = bytes()
        try cli.refuse(arguments, message, sourceLocation: sourceLocation)
        #expect(bytes() == before, "the database file changed", sourceLocation: sourceLocation)
    }

    @Test func listHasTheStableKeysForEveryKindOfTarget() throws {
        let cli = try Self.withTargets()
        defer { cli.cleanUp() }
        let json = try cli.succeed(["commitment", "list", "--as-of", "2025-06-30", "--format", "json"])
        let rows = try Self.rows(json)
        #expect(rows.map { $0["slug"] as? String } == ["compute-300", "intelligent-share", "platform", "joint-labs", "ai-capacity-building-a6-1"])
        let keys = ["slug", "plan", "action", "title", "target", "qualifier", "unit", "due_on", "actual", "actual_on", "percent",
                    "pace_per_month", "projected_on", "status"]
        #expect(json.components(separatedBy: "\n")[1].hasPrefix("  {\"slug\": \"compute-300\", \"plan\": \"ai-capacity-building\", \"action\": null, \"title\": "))
        for row in rows { #expect(Set(row.keys) == Set(keys)) }
        let byslug = try Self.list(cli, asOf: "2025-06-30")
        #expect(byslug["compute-300"]?["qualifier"] as? String == ">")
        #expect(byslug["compute-300"]?["unit"] as? String == "EFLOPS")
        #expect(byslug["compute-300"]?["status"] as? String == "no-data")
        #expect(byslug["platform"]?["status"] as? String == "open")
        #expect(byslug["joint-labs"]?["action"] as? Int == 3)
        #expect(byslug["intelligent-share"]?["unit"] as? String == "%")
        #expect(byslug["ai-capacity-building-a6-1"]?["actual"] as? Int == 0)
    }

    /// The done-when scenario: actuals for a plan-level target, an action-level count, a
    /// deliverable and an indicator; a correction; every status at two dates.
    @Test func actualsCorrectionsAndStatusAtTwoDates() throws {
        let cli = try Self.withTargets()
        defer { cli.cleanUp() }
        #expect(try cli.succeed(["commitment", "record", "compute-300", "230 EFLOPS", "--date", "2025-01-15", "--evidence", "https://example.org/caict"]) == "1\n")
        #expect(try cli.succeed(["commitment", "record", "compute-300", "280", "--date", "2025-09-30", "--note", "CAICT estimate"]) == "2\n")
        #expect(try cli.succeed(["commitment", "record", "joint-labs", "12 labs", "--date", "2025-06-30"]) == "3\n")
        try cli.succeed(["progress", "add", "1", "Platform online", "--status", "completed", "--date", "2025-09-20"])
        #expect(try cli.succeed(["indicator", "record", "intelligent-computing-share", "36%", "--as-of", "2025-10-31", "--evidence", "https://example.org/share"]) == "\(try cli.count("indicator_values"))\n")
        // A typo: 280 was 310.
        #expect(try cli.succeed(["commitment", "correct", "2", "310", "--note", "corrected figure"]) == "4\n")

        let mid = try Self.list(cli, asOf: "2025-06-30")
        #expect(mid["compute-300"]?["actual"] as? Double == 230)
        // One point: pace from 0 on the plan's date, 230 in 9 months projects 300 by mid-2025.
        #expect(mid["compute-300"]?["status"] as? String == "on-track")
        #expect(mid["joint-labs"]?["actual"] as? Double == 12)
        #expect(mid["joint-labs"]?["percent"] as? Double == 60)
        #expect(mid["joint-labs"]?["status"] as? String == "on-track")
        #expect(mid["platform"]?["status"] as? String == "open")
        #expect(mid["intelligent-share"]?["status"] as? String == "no-data")

        let end = try Self.list(cli, asOf: "2025-12-31")
        #expect(end["compute-300"]?["actual"] as? Double == 310)
        #expect(end["compute-300"]?["actual_on"] as? String == "2025-09-30")
        #expect(end["compute-300"]?["status"] as? String == "met")
        #expect(end["platform"]?["status"] as? String == "done")
        #expect(end["platform"]?["actual_on"] as? String == "2025-09-20")
        #expect(end["intelligent-share"]?["actual"] as? Double == 36)
        #expect(end["intelligent-share"]?["status"] as? String == "met")

        // A hand-recorded indicator value corrected: the target follows.
        let valueID = try #require(try cli.sqlite("SELECT max(id) FROM indicator_values").first)
        try cli.succeed(["indicator", "correct", valueID, "37%"])
        #expect(try Self.list(cli, asOf: "2025-12-31")["intelligent-share"]?["actual"] as? Double == 37)
        try Self.refuse(cli, ["indicator", "correct", valueID, "38"], "id: value \(valueID) was already corrected by")
        // Corrected again with an earlier date: the latest value in force is the correction, even
        // though the value it superseded carries a later date.
        let correctionID = try #require(try cli.sqlite("SELECT max(id) FROM indicator_values").first)
        try cli.succeed(["indicator", "correct", correctionID, "34%", "--as-of", "2025-09-30"])
        #expect(try cli.sqlite("SELECT value, as_of FROM indicator_latest WHERE slug = 'intelligent-computing-share'")
                    == ["34.0|2025-09-30"])
        try Self.refuse(cli, ["indicator", "correct", "1", "5"], "id: value 1 was read from a document")
        try Self.refuse(cli, ["indicator", "correct", "9999", "5"], "no indicator value with id 9999")

        let show = try cli.succeed(["commitment", "show", "compute-300", "--format", "json"])
        #expect(show.contains("\"superseded_by\": 4"))
        #expect(show.contains("\"note\": \"corrected figure\""))
        let series = try cli.succeed(["indicator", "show", "intelligent-computing-share", "--format", "csv"])
        #expect(series.contains("2025-10-31,=,36,%,recorded,https://example.org/share,"))
        #expect(series.contains("intelligent-share,ai-capacity-building,,,35,%,2025-12-31"))
    }

    /// The CLI's --as-of query is the view's own SQL: for today, the two agree row for row.
    @Test func listAsOfTodayEqualsTheView() throws {
        let today = Self.realToday()
        let cli = try Self.withTargets(today: today)
        defer { cli.cleanUp() }
        try cli.succeed(["commitment", "record", "compute-300", "260", "--date", "2025-01-15"])
        try cli.succeed(["commitment", "record", "joint-labs", "4", "--date", "2025-06-30"])
        try cli.succeed(["training", "add", "--title", "Workshop", "--start", "2025-04-01", "--location", "Beijing"])
        let cliRows = try cli.succeed(["commitment", "list", "--as-of", today, "--format", "json"])
        let viewRows = try cli.succeed(["sql", "SELECT slug, plan, action, title, target, qualifier, unit, due_on, actual, actual_on, percent, pace_per_month, projected_on, status FROM commitment_progress ORDER BY plan, action IS NOT NULL, action, slug", "--format", "json"])
        #expect(cliRows == viewRows)
        #expect(try Self.rows(cliRows).count == 5)
        #expect(try cli.succeed(["commitment", "list", "--format", "json"]) == cliRows)
    }

    static func realToday() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = .current
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date())
    }

    @Test func withdrawingASessionChangesTheMilestoneOnlyFromItsDate() throws {
        let cli = try Self.withTargets()
        defer { cli.cleanUp() }
        for (title, date) in [("One", "2025-02-01"), ("Two", "2025-03-01"), ("Three", "2025-04-01")] {
            try cli.succeed(["training", "add", "--title", title, "--start", date, "--location", "Beijing"])
        }
        #expect(try cli.succeed(["training", "withdraw", "2", "--reason", "a conference, not a training", "--date", "2025-06-01"]) == "1\n")
        func done(_ date: String) throws -> Int? {
            try Self.rows(try cli.succeed(["milestone", "list", "--as-of", date, "--format", "json"])).first?["done"] as? Int
        }
        #expect(try done("2025-05-31") == 3)
        #expect(try done("2025-06-01") == 2)
        #expect(try done("2025-04-01") == 3)
        #expect(try Self.list(cli, asOf: "2025-06-01")["ai-capacity-building-a6-1"]?["actual"] as? Double == 2)
        // Action 6 follows from the same date: its sessions in force are its progress.
        let before = try Self.rows(try cli.succeed(["action", "list", "--as-of", "2025-05-31", "--format", "json"]))[5]
        let after = try Self.rows(try cli.succeed(["action", "list", "--as-of", "2025-06-01", "--format", "json"]))[5]
        #expect(before["updates"] as? Int == 3 && after["updates"] as? Int == 2)
        #expect(before["percent"] as? Double == 30 && after["percent"] as? Double == 20)
        #expect(try cli.sqlite("SELECT count(*) FROM progress_updates") == ["0"])
    }

    @Test func trainingCorrectionsAndDuplicates() throws {
        let cli = try Self.withTargets()
        defer { cli.cleanUp() }
        try cli.succeed(["training", "add", "--title", "Workshop", "--start", "2025-02-01", "--location", "Beijing"])
        try Self.refuse(cli, ["training", "add", "--title", "Workshop", "--start", "2025-02-01", "--location", "Shanghai"], "already records 'Workshop' starting 2025-02-01")
        #expect(try cli.succeed(["training", "add", "--title", "Workshop", "--start", "2025-02-01", "--location", "Shanghai", "--allow-duplicate"]) == "2\n")
        #expect(try cli.succeed(["training", "correct", "1", "--start", "2025-02-03", "--participants", "40"]) == "3\n")
        #expect(try cli.sqlite("SELECT id, started_on, participants, supersedes_id FROM training_sessions ORDER BY id")
                == ["1|2025-02-01||", "2|2025-02-01||", "3|2025-02-03|40|1"])
        let list = try Self.rows(try cli.succeed(["training", "list", "--format", "json"]))
        #expect(list.map { $0["id"] as? Int } == [1, 2, 3])
        #expect(list[0]["superseded_by"] as? Int == 3)
        #expect(list.map { $0["counts_as"] as? Int } == [nil, 1, 2])
        #expect(try Self.rows(try cli.succeed(["milestone", "list", "--as-of", "2025-02-02", "--format", "json"]))[0]["done"] as? Int == 1)
        #expect(try Self.rows(try cli.succeed(["milestone", "list", "--as-of", "2025-02-03", "--format", "json"]))[0]["done"] as? Int == 2)
        // Nothing derived is stored; the correction records who made it.
        #expect(try cli.sqlite("SELECT count(*) FROM progress_updates") == ["0"])
        #expect(try cli.sqlite("SELECT author IS NOT NULL FROM training_sessions WHERE id = 3") == ["1"])
    }

    @Test func anyCommitmentCanBeCountedInSessions() throws {
        let cli = try Self.withTargets()
        defer { cli.cleanUp() }
        #expect(try cli.succeed(["milestone", "add", "--commitment", "joint-labs", "--slug", "labs-opened"]) == "labs-opened\n")
        try cli.succeed(["training", "add", "--title", "Lab opening", "--start", "2025-05-01", "--location", "Nairobi", "--milestone", "labs-opened"])
        let row = try Self.list(cli, asOf: "2025-06-30")["joint-labs"]
        #expect(row?["actual"] as? Double == 1)
        try Self.refuse(cli, ["commitment", "record", "joint-labs", "3", "--date", "2025-06-30"], "counted in the training sessions of milestone labs-opened")
        try Self.refuse(cli, ["milestone", "add", "--commitment", "platform"], "date-only deliverable")
        try Self.refuse(cli, ["milestone", "add", "--commitment", "joint-labs"], "already counted by milestone labs-opened")
    }

    /// A main target of a second plan, counted in sessions: the milestone names its plan.
    @Test func aPlanLevelTargetOfAnotherPlanCanBeAMilestone() throws {
        let cli = try Self.withTargets()
        defer { cli.cleanUp() }
        try cli.succeed(["import", PlantrackProcess.root.appendingPathComponent("scripts/demo/compute-plan.md").path])
        try cli.succeed(["commitment", "add", "--plan", "compute-plan", "centres", "建成10个国家级智算中心", "--target", "10 centres", "--due", "2025-12-31"])
        try Self.refuse(cli, ["training", "add", "--plan", "compute-plan", "--title", "T", "--start", "2025-03-01", "--location", "X"],
                        "--milestone: plan compute-plan has no milestone yet; count one of its commitments in sessions with `plantrack milestone add`")
        #expect(try cli.succeed(["milestone", "add", "--commitment", "centres"]) == "centres\n")
        try cli.succeed(["training", "add", "--title", "Centre opened", "--start", "2025-03-01", "--location", "Hefei", "--milestone", "centres"])
        let row = try Self.list(cli, asOf: "2025-03-01")["centres"]
        #expect(row?["plan"] as? String == "compute-plan")
        #expect(row?["action"] is NSNull)
        #expect(row?["actual"] as? Double == 1)
        #expect(try Self.rows(try cli.succeed(["milestone", "list", "--plan", "compute-plan", "--as-of", "2025-03-01", "--format", "json"]))[0]["done"] as? Int == 1)
        #expect(try cli.count("progress_updates") == 0)  // no action, so no action timeline to add to
    }

    @Test func reportsCoverEveryTarget() throws {
        let cli = try Self.withTargets()
        defer { cli.cleanUp() }
        try cli.succeed(["commitment", "record", "joint-labs", "5", "--date", "2025-06-30"])
        let all = try Self.rows(try cli.succeed(["report", "commitments", "--as-of", "2026-01-10", "--format", "json"]))
        #expect(all.count == 5)
        let overdue = try Self.rows(try cli.succeed(["report", "overdue", "--as-of", "2026-01-10", "--format", "json"]))
        #expect(overdue.map { $0["commitment"] as? String } == ["platform", "compute-300", "intelligent-share", "ai-capacity-building-a6-1"])
        #expect(overdue.map { $0["status"] as? String } == ["missed", "no-data", "no-data", "missed"])
        #expect(overdue[0]["days_overdue"] as? Int == 102)
    }

    /// A database at schema version 4 with commitments, a milestone, a session and updates that
    /// name commitments: migration 0005 rebuilds `commitments` and keeps every row and reference.
    @Test func migratingKeepsCommitmentsAndWhatPointsAtThem() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let folder = PlantrackProcess.root.appendingPathComponent("Migrations")
        var script = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL);\n"
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".sql") }).sorted() {
            guard let version = Int(file.prefix(4)), version <= 4 else { continue }
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            script += String(decoding: data, as: UTF8.self) + "\n"
            script += "INSERT INTO schema_migrations VALUES (\(version), '\(file.dropFirst(5).dropLast(4))', '\(sha256Hex(data))', '2026-01-01T00:00:00Z');\n"
        }
        script += """
            INSERT INTO documents (id, slug, title, sha256, body) VALUES (1, 'd', 'D', 'x', 'b');
            INSERT INTO plans (id, slug, title, proposed_on, document_id) VALUES (1, 'p', 'P', '2024-09-25', 1);
            INSERT INTO actions (id, plan_id, number, title, body) VALUES (1, 1, 1, 'A1', 'b'), (2, 1, 2, 'A2', 'b');
            INSERT INTO commitments (id, action_id, slug, body, target_value, target_unit, due_on) VALUES
                (7, 2, 'ten', 'ten sessions', 10, 'sessions', '2025-12-31'), (9, 1, 'online', 'online', NULL, NULL, '2025-09'),
                (11, 1, 'share', 'a share', 35, '%', '2025');
            INSERT INTO milestones (id, commitment_id, slug, title, target_count, due_on) VALUES (1, 7, 'ten-2025', 'Ten', 10, '2025-12-31');
            INSERT INTO training_sessions (milestone_id, started_on, title, location) VALUES (1, '2025-03-01', 'S1', 'L');
            INSERT INTO progress_updates (action_id, commitment_id, reported_on, status, note) VALUES
                (2, 7, '2025-03-01', 'in-progress', 'n'), (1, 9, '2025-08-01', 'completed', 'done');
            """
        _ = try cli.sqlite(script)
        #expect(try cli.sqlite("SELECT max(version) FROM schema_migrations") == ["4"])
        #expect(try cli.succeed(["migrate"]).contains("applied 0005_targets.sql"))
        #expect(try cli.sqlite("SELECT id, plan_id, coalesce(action_id, ''), slug, kind, coalesce(target_value, ''), coalesce(target_unit, ''), due_on FROM commitments ORDER BY id")
                == ["7|1|2|ten|level|10.0|sessions|2025-12-31", "9|1|1|online|deliverable|||2025-09", "11|1|1|share|share|35.0|%|2025"])
        #expect(try cli.sqlite("SELECT commitment_id FROM progress_updates ORDER BY id") == ["7", "9"])
        #expect(try cli.sqlite("SELECT commitment_id FROM milestones") == ["7"])
        #expect(try cli.sqlite("PRAGMA foreign_key_check") == [])
        #expect(try cli.sqlite("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'commitments' ORDER BY name")
                == ["commitments_by_action", "commitments_by_indicator", "commitments_by_plan", "sqlite_autoindex_commitments_1"])
        let targets = try Self.list(cli, asOf: "2025-12-31")
        #expect(targets["ten"]?["actual"] as? Double == 1)
        #expect(targets["online"]?["status"] as? String == "done")
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        let cli = try Self.withTargets()
        defer { cli.cleanUp() }
        try cli.succeed(["commitment", "record", "joint-labs", "5", "--date", "2025-06-30"])
        try cli.succeed(["commitment", "correct", "1", "6"])
        try cli.succeed(["training", "add", "--title", "One", "--start", "2025-02-01", "--location", "Beijing"])
        try cli.succeed(["training", "withdraw", "1", "--reason", "duplicate entry", "--date", "2025-03-01"])
        let cases: [([String], String)] = [
            (["commitment", "record", "joint-lab", "5", "--date", "2025-06-30"], "no commitment 'joint-lab' (nearest: joint-labs"),
            (["commitment", "show", "platfrom"], "no commitment 'platfrom' (nearest: platform"),
            (["indicator", "record", "intelligent-share", "5%", "--as-of", "2025-06-30"], "no indicator 'intelligent-share' (nearest: intelligent-computing-share"),
            (["indicator", "show", "compute"], "no indicator 'compute' (nearest: "),
            (["commitment", "record", "--date", "2025-06-30", "joint-labs", "--", "-1"], "value: -1 is negative"),
            (["commitment", "correct", "1", "--", "-0.5"], "value: -0.5 is negative"),
            (["commitment", "record", "joint-labs", "-1", "--date", "2025-06-30"], "Missing expected argument '<value>'"),
            (["commitment", "record", "joint-labs", "NaN", "--date", "2025-06-30"], "value: 'NaN' is not a number"),
            (["commitment", "record", "joint-labs", "1e309", "--date", "2025-06-30"], "value: '1e309' is too large"),
            (["commitment", "record", "joint-labs", "many", "--date", "2025-06-30"], "value: 'many' is not a number"),
            (["commitment", "record", "joint-labs", "5 kg", "--date", "2025-06-30"], "value: 'kg' is not the unit of this target ('labs')"),
            (["indicator", "record", "intelligent-computing-share", "35 EFLOPS", "--as-of", "2025-06-30"], "value: 'EFLOPS' is not the unit of this target ('%')"),
            (["commitment", "record", "joint-labs", "5", "--date", "2024-09-24"], "--date: 2024-09-24 is before the plan was proposed (2024-09-25)"),
            (["commitment", "record", "joint-labs", "5", "--date", "2026-11-26"], "--date: 2026-11-26 is in the future (today is 2026-11-25)"),
            (["commitment", "correct", "99", "5"], "no recorded value with id 99"),
            (["commitment", "correct", "1", "7"], "id: value 1 was already corrected by 2; correct 2 instead"),
            (["training", "withdraw", "99", "--reason", "x"], "no training session with id 99"),
            (["training", "withdraw", "1", "--reason", "again"], "id: session 1 was withdrawn on 2025-03-01"),
            (["training", "correct", "1", "--title", "Uno"], "id: session 1 was withdrawn on 2025-03-01"),
            (["training", "correct", "98", "--title", "Uno"], "no training session with id 98"),
            (["commitment", "record", "platform", "1", "--date", "2025-06-30"], "commitment platform is a date-only deliverable"),
            (["commitment", "record", "intelligent-share", "120%", "--date", "2025-06-30"], "value: 120% is over 100%"),
            (["indicator", "record", "intelligent-computing-share", "101", "--as-of", "2025-06-30"], "value: 101% is over 100%"),
            (["training", "withdraw", "x", "--reason", "r"], "id: 'x' is not a session id"),
            (["training", "withdraw", "1", "--reason", "  "], "--reason: the reason is empty"),
            (["indicator", "add", "--name", "Again", "--unit", "%", "--slug", "intelligent-computing-share"], "an indicator 'intelligent-computing-share' already exists"),
        ]
        for (arguments, message) in cases { try Self.refuse(cli, arguments, message) }
    }
}
