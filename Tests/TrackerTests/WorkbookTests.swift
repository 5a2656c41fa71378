import Storage
import Testing
@testable import Presentation
@testable import Tracker

/// The typed workbook `plantrack` hands to `plantrack-xlsx`: column kinds, sheet names, and the
/// byte encoding between the two programs.
@Suite struct WorkbookTests {
    let table = ResultTable(
        columns: ["number", "title", "last_update", "percent", "recorded_at", "mixed", "note_percent"],
        rows: [
            [.integer(6), .text("人工智能能力建设"), .text("2025-04-02"), .real(45.5), .text("2025-04-02T08:30:00Z"), .integer(1), .text("n/a")],
            [.integer(7), .text("a|b\n\"c\""), .null, .null, .null, .text("x"), .null],
            [.integer(-3), .text(""), .text("2025-12-31"), .integer(100), .text("2026-01-01T00:00:00Z"), .real(0.25), .null],
        ])

    @Test func columnKindsFollowTheValues() {
        let sheet = Workbook.Sheet(name: "s", table: table)
        #expect(sheet.columns.map(\.kind) == [.general, .general, .date, .percent, .dateTime, .general, .general])
        // An impossible date is text, so the column is not a date column.
        let bad = Workbook.Sheet(name: "s", table: ResultTable(columns: ["due_on"], rows: [[.text("2025-02-30")], [.text("2025-03-01")]]))
        #expect(bad.columns[0].kind == .general)
        // A number column not named as a percentage stays general.
        let plain = Workbook.Sheet(name: "s", table: ResultTable(columns: ["target"], rows: [[.real(45)]]))
        #expect(plain.columns[0].kind == .general)
    }

    @Test func widthsFitTheContentWithinLimits() {
        let sheet = Workbook.Sheet(name: "s", table: table)
        #expect(sheet.columns[0].width == 9)  // "number" + filter button + 1, above the minimum of 8
        #expect(sheet.columns[1].width == 17)  // 8 CJK characters count twice: 16, + 1 (the header needs 7)
        #expect(sheet.columns[2].width == 14)  // "last_update" 11 + 2 + 1
        let long = Workbook.Sheet(name: "s", table: ResultTable(columns: ["note"], rows: [[.text(String(repeating: "x", count: 500))]]))
        #expect(long.columns[0].width == 60)
    }

    @Test func sheetNamesAreValidAndUnique() {
        let book = Workbook([
            (title: "report milestone", table: table), (title: "Report Milestone", table: table),
            (title: "a/b:c*d?e[f]g\\h", table: table), (title: "'quoted'", table: table),
            (title: String(repeating: "长", count: 40), table: table), (title: String(repeating: "长", count: 40), table: table),
        ])
        #expect(book.sheets.map(\.name) == [
            "report milestone", "Report Milestone (2)", "a-b-c-d-e-f-g-h", "quoted",
            String(repeating: "长", count: 31), String(repeating: "长", count: 27) + " (2)",
        ])
    }

    @Test func encodingRoundTrips() throws {
        let book = Workbook([(title: "one", table: table), (title: "empty", table: ResultTable(columns: [], rows: []))])
        let decoded = try Workbook(decoding: book.encoded())
        #expect(decoded == book)
        #expect(decoded.sheets[0].rows[2][5] == .real(0.25))
        #expect(decoded.sheets[0].rows[1][1] == .text("a|b\n\"c\""))
    }

    @Test func malformedDataIsRefused() {
        var bytes = Workbook([(title: "one", table: table)]).encoded()
        bytes.removeLast()
        #expect(throws: Workbook.DecodingError.self) { try Workbook(decoding: bytes) }
        #expect(throws: Workbook.DecodingError.self) { try Workbook(decoding: Array("not a workbook".utf8)) }
        #expect(throws: Workbook.DecodingError.self) { try Workbook(decoding: Workbook.magic + Array("1;999999999;x".utf8)) }
    }

    @Test func timestampsParseOnlyTheSchemasForm() {
        #expect(Timestamp("2025-04-02T08:30:59Z") == Timestamp("2025-04-02T08:30:59Z"))
        #expect(Timestamp("2025-04-02T08:30:59Z")?.second == 59)
        #expect(Timestamp("2025-04-02 08:30:59") == nil)
        #expect(Timestamp("2025-04-02T24:00:00Z") == nil)
    }
}

/// The published site's path and text helpers.
@Suite struct PublishHelperTests {
    @Test func pathsAreSafeAndEncoded() {
        #expect(SitePages.fileName("../etc/passwd") == "_.-etc-passwd")
        #expect(SitePages.fileName("joint-labs") == "joint-labs")
        #expect(SitePages.urlPath("plans/人工/a b.html") == "plans/%E4%BA%BA%E5%B7%A5/a%20b.html")
        #expect(SitePages.isWebLink("javascript:alert(1)") == false)
        #expect(SitePages.isWebLink("HTTPS://example.org") == true)
    }

    @Test func xmlEscapesAndDropsControlCharacters() {
        #expect(XML.escape("a<b>&\"'\u{1}\tc") == "a&lt;b&gt;&amp;&quot;&apos;\tc")
    }
}
