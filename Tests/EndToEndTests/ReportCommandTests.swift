import Foundation
import Testing

/// `plantrack report` on the built binary: the catalog, every report in every format, the as-of
/// date, and one-line refusals. Row-level meaning and exact output are in TrackerTests.
@Suite struct ReportCommandTests {
    static let names = ["action-status", "milestone", "commitments", "activity", "stale", "overdue", "indicators", "sources"]

    static func withProgress() throws -> PlantrackProcess {
        let cli = try ProgressCommandTests.initialised()
        try cli.succeed(["progress", "add", "1", "Survey started", "--status", "in-progress", "--date", "2025-01-15"])
        try cli.succeed(["progress", "add", "1", "Map published", "--status", "completed", "--date", "2025-06-01"])
        try cli.succeed(["progress", "add", "4", "数据标注基地建设延迟", "--status", "at-risk", "--date", "2025-08-20"])
        try cli.succeed(["training", "add", "--title", "Workshop A", "--start", "2025-05-12", "--location", "Nairobi", "--participants", "30", "--countries", "12"])
        return cli
    }

    @Test func withoutANameListsTheReports() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        // No database needed to list them.
        let json = try cli.succeed(["report", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
        #expect(rows.map { $0["name"] } == Self.names)
        #expect(rows.allSatisfy { !($0["description"] ?? "").isEmpty })
        let table = try cli.succeed(["report"])
        #expect(table.contains("│ name ") && table.contains("action-status") && table.contains("description"))
    }

    @Test func unknownNamesAndMisplacedOptionsAreRefused() throws {
        let cli = try Self.withProgress()
        defer { cli.cleanUp() }
        try cli.refuse(["report", "status"], "unknown report 'status' (reports: action-status, milestone, commitments, activity, stale, overdue, indicators, sources)")
        try cli.refuse(["report", "activity", "--days", "30"], "--days applies only to the stale report")
        try cli.refuse(["report", "stale", "--days", "soon"], "--days: 'soon' is not a whole number of days")
        try cli.refuse(["report", "stale", "--as-of", "2025-02-30"], "--as-of")
    }

    @Test(arguments: names) func everyReportInEveryFormat(name: String) throws {
        let cli = try Self.withProgress()
        defer { cli.cleanUp() }
        let before = try cli.dump()
        for format in ["table", "csv", "json", "markdown"] {
            let output = try cli.succeed(["report", name, "--as-of", "2025-09-30", "--format", format])
            #expect(!output.isEmpty)
            if format == "json" {
                let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8))
                if name == "milestone" {
                    let sections = try #require(parsed as? [String: [[String: Any]]])
                    #expect(sections["milestones"]?.first?["done"] as? Int == 1)
                    #expect(sections["sessions"]?.first?["location"] as? String == "Nairobi")
                } else {
                    #expect(parsed is [[String: Any]])
                }
            }
        }
        #expect(try cli.dump() == before)
    }

    @Test func actionStatusIsWhatActionListPrintsForTheSameDate() throws {
        let cli = try Self.withProgress()
        defer { cli.cleanUp() }
        for date in ["2025-03-01", "2025-09-30"] {
            #expect(try cli.succeed(["report", "action-status", "--as-of", date]) == cli.succeed(["action", "list", "--as-of", date]))
        }
        let milestone = try cli.succeed(["report", "milestone", "--as-of", "2025-09-30", "--format", "csv"])
        let list = try cli.succeed(["milestone", "list", "--as-of", "2025-09-30", "--format", "csv"])
        #expect(milestone.contains(list))
    }

    @Test func staleAndOverdueFollowTheDate() throws {
        let cli = try Self.withProgress()
        defer { cli.cleanUp() }
        func numbers(_ arguments: [String]) throws -> [String] {
            try cli.succeed(["report"] + arguments + ["--format", "csv"]).split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        }
        let stale = try numbers(["stale", "--as-of", "2025-09-30"])
        #expect(stale.contains("1") && !stale.contains("4") && stale.contains("2"))
        #expect(try !numbers(["stale", "--as-of", "2025-09-30", "--days", "200"]).contains("1"))
        // Action 6's training commitment is due 2025-12-31 and the action is not completed.
        #expect(try !numbers(["overdue", "--as-of", "2025-12-31"]).contains("6"))
        #expect(try numbers(["overdue", "--as-of", "2026-01-01"]).contains("6"))
    }

    @Test func indicatorsAreTheViewsAnswer() throws {
        let cli = try Self.withProgress()
        defer { cli.cleanUp() }
        let report = try cli.succeed(["report", "indicators", "--format", "json"])
        let view = try cli.succeed([
            "sql", "SELECT slug, name, name_en, qualifier, value, unit, as_of, document, line, quote FROM indicator_latest ORDER BY slug",
            "--format", "json",
        ])
        #expect(report == view)
    }
}
