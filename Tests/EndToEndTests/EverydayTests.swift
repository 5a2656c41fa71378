import Foundation
import Testing

/// Everyday use on the built binary: listings' columns and CSV for Excel, the briefing, help and
/// usage errors, and Datasette on the same file agreeing with the CLI.
@Suite struct EverydayTests {
    static func withData() throws -> PlantrackProcess {
        let cli = try DashboardCommandTests.withData()
        try cli.succeed(["progress", "add", "6", "Workshop in Nairobi held with 40 participants", "--status", "in-progress", "--date", "2025-05-21", "--percent", "20"])
        return cli
    }

    // MARK: Tables and CSV

    @Test func listingsShowTheirDefaultColumnsUnlessAsked() throws {
        let cli = try Self.withData()
        defer { cli.cleanUp() }
        // Not a terminal: nothing is shortened, but a table still shows the listing's main columns.
        let table = try cli.succeed(["progress", "list"])
        let header = table.split(separator: "\n")[1].split(separator: "│").map { $0.filter { $0 != " " } }
        #expect(header == ["id", "action", "reported_on", "status", "percent", "note", "author"])
        #expect(!table.contains("recorded_at") && !table.contains("…"))
        let wide = try cli.succeed(["progress", "list", "--wide"])
        #expect(["action_id", "commitment_id", "supersedes_id", "superseded_by", "recorded_at"].allSatisfy(wide.contains))
        let picked = try cli.succeed(["progress", "list", "--columns", "id,status,action", "--format", "csv", "--until", "2025-06-30"])
        #expect(picked.hasPrefix("id,status,action\r\n"))
        #expect(picked.contains("\r\n3,at-risk,4\r\n") && picked.contains("\r\n2,blocked,3\r\n") && picked.hasSuffix("\r\n1,completed,1\r\n"))
        // Scripts keep every key in JSON and CSV.
        let json = try cli.succeed(["progress", "list", "--format", "json"])
        #expect(json.contains("\"recorded_at\"") && json.contains("\"action_id\""))
        try cli.refuse(["progress", "list", "--columns", "id,nope"], "--columns: no column 'nope' (columns: id, action, action_id")
        try cli.refuse(["action", "list", "--wide", "--columns", "number"], "--wide and --columns cannot be combined")
    }

    @Test func csvWithByteOrderMarkForExcel() throws {
        let cli = try Self.withData()
        defer { cli.cleanUp() }
        let result = try cli.run(["action", "list", "--format", "csv", "--bom"])
        #expect(result.status == 0)
        #expect(Array(result.stdout.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(result.stdout.hasPrefix("\u{FEFF}number,title,title_en,status,last_update,updates,percent\r\n"))
        #expect(!(try cli.succeed(["action", "list", "--format", "csv"])).hasPrefix("\u{FEFF}"))
        try cli.refuse(["action", "list", "--format", "json", "--bom"], "--bom applies only to --format csv")
    }

    @Test func aGBKFileIsRefusedWithHowToSaveItAsUTF8() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        // "6,2025-05-01,in-progress,研修班" in GBK: 研 D1D0, 修 D0DE, 班 B0E0.
        let bytes = Array("action,reported_on,status,note\n6,2025-05-01,in-progress,".utf8) + [0xD1, 0xD0, 0xD0, 0xDE, 0xB0, 0xE0, 0x0A]
        let file = try cli.write("gbk.csv", bytes: bytes)
        let result = try cli.run(["progress", "import", file])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(file):2: csv: invalid UTF-8: the file is not saved as UTF-8 (GBK?); in Excel choose File > Save As > \"CSV UTF-8 (Comma delimited)\""))
        #expect(try cli.count("progress_updates") == 0)
        // Dates stay ISO; the message for a slashed date suggests the ISO spelling.
        try cli.refuse(["progress", "add", "6", "note", "--date", "2025/8/1"], "did you mean 2025-08-01?")
    }

    // MARK: Briefing

    @Test func briefIsReadyToPaste() throws {
        let cli = try Self.withData()
        defer { cli.cleanUp() }
        let chinese = try cli.succeed(["brief", "--as-of", "2025-10-01", "--since", "2025-05-01"])
        #expect(chinese.hasPrefix("# 人工智能能力建设普惠计划：进展简报\n\n截至 2025-10-01；“新变化”统计 2025-05-01 以来的记录。\n"))
        for heading in ["## 总体情况", "## 各愿景与行动", "## 目标进展", "## 新变化（2025-05-01 以来）", "## 逾期事项", "## 长期未更新（超过 90 天）"] {
            #expect(chinese.contains("\n\(heading)\n"), "missing \(heading)")
        }
        #expect(chinese.contains("- 2025-05-21 行动 6：进行中 — Workshop in Nairobi held with 40 participants"))
        #expect(chinese.contains("- 2025-06-18 行动 4：有风险 — 数据标注基地建设延迟"))
        #expect(chinese.contains("4/10"))
        let english = try cli.succeed(["brief", "--as-of", "2025-10-01", "--lang", "en"])
        #expect(english.contains("\n## What changed since 2025-09-01\n"))
        let html = try cli.succeed(["brief", "--as-of", "2025-10-01", "--format", "html", "--lang", "en"])
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">") && html.contains("<svg class=\"chart timeline\""))
        try cli.refuse(["brief", "--as-of", "2025-01-01", "--since", "2025-02-01"], "--since: 2025-02-01 is after --as-of 2025-01-01")
        try cli.refuse(["brief", "--format", "pdf"], "--format")
    }

    // MARK: Help

    @Test func helpHasExamplesAndMistakesGetDirections() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let help = try cli.run(["progress", "list", "--help"], useDatabase: false)
        #expect(help.status == 0 && help.stdout.contains("EXAMPLES:\n  $ plantrack progress list\n"))
        let typo = try cli.run(["acton", "list"], useDatabase: false)
        #expect(typo.status == 64)
        #expect(typo.stderr.hasPrefix("plantrack: error: Unexpected argument 'acton': not a command of 'plantrack' (did you mean 'plantrack action'?"))
        let missing = try cli.run(["progress", "add"], useDatabase: false)
        #expect(missing.status == 64)
        #expect(missing.stderr == "plantrack: error: Missing expected argument '<action>'; usage: plantrack progress add [--db <path>] [--plan <slug>] <action> <note> [--status <status>] [--date <date>] [--percent <percent>] [--evidence <url>] [--author <name>] [--commitment <slug>] [--allow-duplicate]\n")
    }

    // MARK: Datasette

    static let datasette: String? = {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/datasette" }
        return path.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// `datasette DB --metadata FILE --get PATH`: Datasette answers one request without a server.
    static func datasetteGet(_ database: String, metadata: String, _ path: String) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: datasette!)
        process.arguments = [database, "--metadata", metadata, "--get", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "datasette --get \(path)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]], "not a JSON array: \(String(decoding: data, as: UTF8.self).prefix(300))")
    }

    /// Slug, actual and status of a target row; the actual as a Double, however it was written.
    static func targetKey(_ row: [String: Any]) -> String {
        let slug = row["slug"] as? String ?? "?"
        let actual = (row["actual"] as? Double).map { String($0) } ?? "-"
        let status = row["status"] as? String ?? "?"
        return slug + "|" + actual + "|" + status
    }

    static func jsonRows(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test(.enabled(if: datasette != nil, "datasette is not installed (pip install datasette; .ci/run does)"), .timeLimit(.minutes(3)))
    func datasetteSearchAndCannedQueriesAgreeWithTheCLI() throws {
        let cli = try Self.withData()
        defer { cli.cleanUp() }
        // Datasette names the database after the file.
        let database = cli.path("plantrack.db")
        try FileManager.default.copyItem(atPath: cli.database, toPath: database)
        let generated = try cli.run(["--db", database, "datasette-metadata"], useDatabase: false)
        #expect(generated.status == 0, "\(generated.stderr)")
        let metadataText = generated.stdout
        let metadata = try cli.write("metadata.json", metadataText)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(metadataText.utf8)) as? [String: Any])
        let tables = try #require(((parsed["databases"] as? [String: Any])?["plantrack"] as? [String: Any])?["tables"] as? [String: [String: Any]])
        for name in try cli.sqlite("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%'") {
            #expect((tables[name]?["description"] as? String)?.isEmpty == false, "\(name) has no description")
        }

        // Status as of a date = action list --as-of.
        let status = try Self.datasetteGet(database, metadata: metadata, "/plantrack/status_as_of.json?date=2025-05-01&plan=&_shape=array")
        let cliStatus = try Self.jsonRows(try cli.succeed(["action", "list", "--as-of", "2025-05-01", "--format", "json"]))
        #expect(status.count == 10)
        #expect(status.map { "\($0["number"]!)|\($0["status"]!)|\($0["updates"]!)" } == cliStatus.map { "\($0["number"]!)|\($0["status"]!)|\($0["updates"]!)" })
        #expect(status.compactMap { $0["status"] as? String }.filter { $0 != "not-started" } == ["completed", "blocked", "in-progress"])

        // Targets behind schedule = commitment list --as-of, at-risk or missed.
        for date in ["2025-06-30", "2026-01-31"] {
            let behind = try Self.datasetteGet(database, metadata: metadata, "/plantrack/targets_behind_schedule.json?date=\(date)&plan=&_shape=array")
            let targets = try Self.jsonRows(try cli.succeed(["commitment", "list", "--as-of", date, "--format", "json"]))
                .filter { ["at-risk", "missed"].contains($0["status"] as? String) }
            // Numbers compared as numbers: Datasette writes a REAL 2 as 2.0, the CLI as 2.
            #expect(behind.map(Self.targetKey) == targets.map(Self.targetKey))
            #expect(!behind.isEmpty)
        }
        #expect(try Self.datasetteGet(database, metadata: metadata, "/plantrack/targets_behind_schedule.json?date=2026-01-31&plan=&_shape=array").first?["status"] as? String == "missed")

        // Sessions per quarter = training list, grouped.
        let quarters = try Self.datasetteGet(database, metadata: metadata, "/plantrack/sessions_per_quarter.json?_shape=array")
        var expected: [String: Int] = [:]
        for session in try Self.jsonRows(try cli.succeed(["training", "list", "--format", "json"])) where session["counts_as"] is Int {
            let started = try #require(session["started_on"] as? String)
            let quarter = "\(started.prefix(4))-Q\((Int(started.dropFirst(5).prefix(2))! + 2) / 3)"
            expected[quarter, default: 0] += 1
        }
        #expect(quarters.map { "\($0["quarter"]!)=\($0["sessions"]!)" } == expected.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        #expect(quarters.map { "\($0["quarter"]!)" } == ["2025-Q1", "2025-Q2", "2025-Q3"])

        // The search box: passages and update notes, the same rows as `plantrack search`.
        let passages = try Self.datasetteGet(database, metadata: metadata, "/plantrack/passages.json?_search=%E7%A0%94%E4%BF%AE%E7%A0%94%E8%AE%A8&_shape=array")  // 研修研讨
        let cliPassages = try Self.jsonRows(try cli.succeed(["search", "研修研讨", "--format", "json"])).filter { $0["kind"] as? String == "passage" }
        #expect(passages.count >= 1)
        #expect(passages.map { "\($0["line"]!)" } == cliPassages.map { "\($0["line"]!)" })
        let notes = try Self.datasetteGet(database, metadata: metadata, "/plantrack/progress_updates.json?_search=Nairobi&_shape=array&_sort=id")
        let cliNotes = try Self.jsonRows(try cli.succeed(["search", "Nairobi", "--format", "json"])).filter { $0["kind"] as? String == "update" }
        #expect(notes.count == 1)  // the note added here; `training add` writes no update
        #expect(Set(notes.map { "\($0["id"]!)" }) == Set(cliNotes.map { "\($0["update_id"]!)" }))
        // Without a match nothing comes back (before, ?_search= returned every row).
        #expect(try Self.datasetteGet(database, metadata: metadata, "/plantrack/progress_updates.json?_search=zzzqqq&_shape=array").isEmpty)
    }
}

/// Shell completion: the scripts `make install` writes complete statuses and report names, and
/// call plantrack back for plan and commitment slugs, which it reads from the database named.
@Suite struct CompletionTests {
    @Test func scriptsCompleteStatusesReportsAndSlugs() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        for shell in ["bash", "zsh", "fish"] {
            let script = try cli.run(["--generate-completion-script", shell], useDatabase: false)
            #expect(script.status == 0)
            for value in ["not-started", "in-progress", "at-risk", "blocked", "completed", "action-status", "overdue", "sources"] {
                #expect(script.stdout.contains(value), "\(shell) script does not complete \(value)")
            }
            #expect(script.stdout.contains("---completion progress add -- --commitment"), "\(shell): no slug completion")
            #expect(script.stdout.contains("---completion action list -- --plan"), "\(shell): no plan completion")
        }
        // What the scripts run: `plantrack ---completion PATH -- OPTION CWORD CURSOR WORDS…`.
        let commitments = try cli.run(
            ["---completion", "progress", "add", "--", "--commitment", "8", "0", "plantrack", "--db", cli.database, "progress", "add", "6", "x", "--commitment", ""],
            useDatabase: false)
        #expect(commitments.status == 0)
        #expect(commitments.stdout.split(separator: "\n").contains("ai-capacity-building-a6-1"))
        let plans = try cli.run(
            ["---completion", "action", "list", "--", "--plan", "6", "0", "plantrack", "--db", cli.database, "action", "list", "--plan", ""],
            useDatabase: false)
        #expect(plans.stdout.split(separator: "\n") == ["ai-capacity-building"])
        // No database: no completions and no error in the middle of the user's command line.
        let none = try cli.run(
            ["---completion", "action", "list", "--", "--plan", "6", "0", "plantrack", "--db", cli.path("missing.db"), "action", "list", "--plan", ""],
            useDatabase: false)
        #expect(none.status == 0 && none.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && none.stderr.isEmpty)
    }
}
