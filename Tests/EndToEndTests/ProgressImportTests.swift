import Foundation
import Testing

/// `progress import FILE.csv`: RFC 4180 input, all or nothing, every bad line reported.
@Suite struct ProgressImportTests {
    static let header = "action,reported_on,status,note,evidence_url,author"

    @Test func importsQuotedMultilineFieldsWithBOMAndCRLF() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        let csv = "\u{FEFF}\(Self.header)\r\n"
            + "1,2025-01-10,in-progress,\"Lab agreed, with \"\"two\"\" partners\",https://example.org/a,Li\r\n"
            + "6,2025-02-01,completed,\"Line one\r\nline two, 第二行\",,\r\n"
            + "10,2025-03-01,at-risk,plain,,Wang"
        let file = try cli.write("updates.csv", csv)
        #expect(try cli.succeed(["progress", "import", file]) == "\(file): imported 3 updates\n")
        #expect(try cli.sqlite("SELECT a.number, u.reported_on, u.status, u.evidence_url, u.author FROM progress_updates u JOIN actions a ON a.id = u.action_id ORDER BY u.id") == [
            "1|2025-01-10|in-progress|https://example.org/a|Li", "6|2025-02-01|completed||", "10|2025-03-01|at-risk||Wang",
        ])
        #expect(try cli.sqlite("SELECT hex(note) FROM progress_updates WHERE id = 2") == [hex("Line one\r\nline two, 第二行")])
        #expect(try cli.sqlite("SELECT note FROM progress_updates WHERE id = 1") == ["Lab agreed, with \"two\" partners"])
    }

    @Test func oneBadLineInTheMiddleOfALargeFileWritesNothing() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        var csv = Self.header + "\n"
        for index in 1...20_000 {
            let status = index == 12_345 ? "finished" : "in-progress"
            csv += "\(index % 10 + 1),2025-0\(index % 9 + 1)-15,\(status),update \(index),,\n"
        }
        let file = try cli.write("large.csv", csv)
        let result = try cli.run(["progress", "import", file])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            \(file):12346: status: unknown status 'finished' (valid: not-started, in-progress, at-risk, blocked, completed)
            plantrack: error: 1 problem found; nothing was imported

            """)
        #expect(try cli.count("progress_updates") == 0)
    }

    @Test func reportsEveryBadLineUpToTwentyThenACount() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        var csv = Self.header + "\n1,2025-01-10,in-progress,good,,\n"
        csv += "11,2025-01-10,in-progress,no such action,,\n"
        csv += "2,2025-02-30,in-progress,bad date,,\n"
        csv += "3,2025-01-10,done,bad status,,\n"
        csv += "4,2025-01-10,in-progress,,,\n"
        csv += "5,2025-01-10,in-progress,bad url,ftp://x,\n"
        csv += "6,2025-01-10,in-progress,too,many,fields,\n"
        for _ in 1...20 { csv += "x,2025-01-10,in-progress,bad action,,\n" }
        let file = try cli.write("bad.csv", csv)
        let result = try cli.run(["progress", "import", file])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 22)
        #expect(lines[0] == "\(file):3: action: action 11 does not exist in plan ai-capacity-building (it has actions 1–10)")
        #expect(lines[1] == "\(file):4: reported_on: '2025-02-30' is not a valid date (expected YYYY-MM-DD, e.g. 2025-06-30)")
        #expect(lines[2] == "\(file):5: status: unknown status 'done' (valid: not-started, in-progress, at-risk, blocked, completed)")
        #expect(lines[3] == "\(file):6: note: the note is empty")
        #expect(lines[4] == "\(file):7: evidence_url: 'ftp://x' is not an http(s) URL")
        #expect(lines[5] == "\(file):8: line: has 7 fields; the header has 6")
        #expect(lines[6] == "\(file):9: action: 'x' is not an action number (expected 1, 2, …)")
        #expect(lines[20] == "… and 6 more problems")
        #expect(lines[21] == "plantrack: error: 26 problems found; nothing was imported")
        #expect(try cli.count("progress_updates") == 0)
    }

    @Test func dryRunChecksAndWritesNothing() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        let file = try cli.write("ok.csv", Self.header + "\n1,2025-01-10,in-progress,fine,,\n2,2025-01-11,blocked,also fine,,\n")
        let before = try cli.dump()
        #expect(try cli.succeed(["progress", "import", file, "--dry-run"]) == "\(file): 2 updates would be imported (dry run; nothing written)\n")
        #expect(try cli.dump() == before)
    }

    @Test func badFilesAreRefusedInOneLine() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        try cli.refuse(["progress", "import", cli.path("missing.csv")], "\(cli.path("missing.csv")): cannot open")
        let empty = try cli.write("empty.csv", "")
        // Every column the header may hold is named, percent and commitment included.
        let expected = "expected action,reported_on,status,note, optionally with evidence_url,author,percent,commitment"
        try cli.refuse(["progress", "import", empty], "\(empty): empty file; \(expected)")
        let wrongHeader = try cli.write("wrong.csv", "action,date,status,note\n1,2025-01-01,completed,x\n")
        try cli.refuse(["progress", "import", wrongHeader], "\(wrongHeader):1: header: unknown column 'date' (\(expected))")
        let missingColumn = try cli.write("missing-column.csv", "action,reported_on,status\n1,2025-01-01,completed\n")
        try cli.refuse(["progress", "import", missingColumn], "header: missing column 'note'")
        let invalidUTF8 = try cli.write("latin1.csv", bytes: Array((Self.header + "\n1,2025-01-01,completed,caf").utf8) + [0xE9, 0x0A])
        let result = try cli.run(["progress", "import", invalidUTF8])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(invalidUTF8):2: csv: invalid UTF-8"))
        let unterminated = try cli.write("quote.csv", Self.header + "\n1,2025-01-01,completed,\"never closed,,\n")
        let quoted = try cli.run(["progress", "import", unterminated])
        #expect(quoted.status == 1)
        #expect(quoted.stderr.hasPrefix("\(unterminated):2: csv: unterminated quoted field"))
        #expect(try cli.count("progress_updates") == 0)
    }

    /// A bad action number is one problem: the commitment of that line is not reported as well.
    @Test func aBadActionIsReportedOnce() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        let file = try cli.write(
            "bad-action.csv", "action,reported_on,status,note,commitment\n11,2025-01-10,in-progress,x,training-2025\n")
        let result = try cli.run(["progress", "import", file])
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(file):2: action: action 11 does not exist in plan ai-capacity-building (it has actions 1–10)
            plantrack: error: 1 problem found; nothing was imported

            """)
    }
}

func hex(_ text: String) -> String { text.utf8.map { String(format: "%02X", $0) }.joined() }
