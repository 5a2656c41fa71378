import Foundation
import Testing

/// The bugs found while moving the use cases into Tracker, each held by a test that failed before.
@Suite struct UseCaseFixesTests {
    /// `sql` takes one statement followed by a comment or blanks; a second statement is still refused.
    @Test func sqlAcceptsATrailingComment() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        #expect(try cli.succeed(["sql", "SELECT 1 AS one; -- note", "--format", "csv"]) == "one\r\n1\r\n")
        #expect(try cli.succeed(["sql", "SELECT 2 AS two; /* why */ ;\n  ", "--format", "csv"]) == "two\r\n2\r\n")
        try cli.refuse(["sql", "SELECT 1; SELECT 2"], "one statement at a time")
    }

    /// A correction that keeps the original's date, when that date is no longer allowed, says so
    /// instead of blaming a --date that was never given.
    @Test func correctionWithoutADateBlamesTheKeptDate() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        let added = try cli.run(["progress", "add", "1", "held", "--date", "2025-06-01"], environment: ["PLANTRACK_TODAY": "2025-06-01"])
        #expect(added.stdout == "1\n")
        let result = try cli.run(["progress", "correct", "1", "--status", "blocked"], environment: ["PLANTRACK_TODAY": "2025-05-01"])
        #expect(result.status == 1)
        #expect(result.stderr == "plantrack: error: id: the date 2025-06-01 kept from update 1 is not allowed: 2025-06-01 is in the future (today is 2025-05-01); give the corrected date\n")
    }

    /// PLANTRACK_TODAY pins the commands' clock; it must be a real date, at most the clock's tomorrow.
    @Test func pinnedTodayMustBeARealDateNotInTheFuture() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        let far = try cli.run(["action", "list"], environment: ["PLANTRACK_TODAY": "9999-12-31"])
        #expect(far.status == 1)
        #expect(far.stderr.hasPrefix("plantrack: error: PLANTRACK_TODAY: 9999-12-31 is after tomorrow ("))
        #expect(far.stderr.hasSuffix("); it may pin any real date up to the clock's tomorrow\n"))
        let junk = try cli.run(["action", "list"], environment: ["PLANTRACK_TODAY": "2025-02-30"])
        #expect(junk.stderr == "plantrack: error: PLANTRACK_TODAY: '2025-02-30' is not a valid date (expected YYYY-MM-DD)\n")
        #expect(try cli.run(["action", "list"], environment: ["PLANTRACK_TODAY": "2025-06-30"]).status == 0)
    }

    /// `action list --as-of` and `milestone list --as-of` are the views' own SQL with the date bound:
    /// for today, the command and a plain query of the view give the same rows.
    @Test func viewsAndCommandsAgreeForToday() throws {
        var cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        // The views read SQLite's clock, which PLANTRACK_TODAY cannot pin: use the real date.
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        cli.today = formatter.string(from: Date())
        try cli.succeed(["init"])
        for (action, status) in [(6, "in-progress"), (2, "blocked")] {
            try cli.succeed(["progress", "add", String(action), "update", "--status", status, "--date", cli.today])
        }
        try cli.succeed(["training", "add", "--title", "W1", "--start", cli.today, "--location", "Beijing"])
        let actions = try cli.succeed(["action", "list", "--format", "csv"])
        let view = try cli.succeed(["sql", "--format", "csv",
            "SELECT number, title, title_en, status, last_update, updates, percent FROM action_status WHERE plan = 'ai-capacity-building' ORDER BY number"])
        #expect(actions == view)
        #expect(actions.contains(",blocked,\(cli.today),1,"))
        let milestones = try cli.succeed(["milestone", "list", "--format", "csv"])
        let milestoneView = try cli.succeed(["sql", "--format", "csv",
            "SELECT slug, title, target, due_on, done, remaining, pace_per_month, projected_on, status FROM milestone_progress ORDER BY due_on, slug"])
        #expect(milestones == milestoneView)
        #expect(milestones.contains(",10,2025-12-31,1,9,"))
    }
}
