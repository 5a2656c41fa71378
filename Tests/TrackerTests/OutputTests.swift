import Storage
import Testing
@testable import Tracker
@testable import Presentation

/// CJK next to ASCII, NULLs, integers, reals, and cells with a comma, quotes, a pipe and a newline.
private let sample = ResultTable(
    columns: ["number", "title", "value", "note"],
    rows: [
        [.integer(1), .text("人工智能能力建设"), .real(230), .text("AI capacity, \"for all\"")],
        [.integer(10), .text("Plan 《普惠计划》"), .real(32.85), .null],
        [.null, .text("a|b"), .real(0.5), .text("line one\nline two")],
    ])

private func lineWidths(_ text: String) -> Set<Int> {
    Set(text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { DisplayWidth.of(String($0)) })
}

@Test func displayWidths() {
    #expect(DisplayWidth.of("中文") == 4)
    #expect(DisplayWidth.of("a") == 1)
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("👍") == 2)
    #expect(DisplayWidth.of("👍🏽") == 2)
    #expect(DisplayWidth.of("👩‍👩‍👧") == 2)  // joined by ZWJ
    #expect(DisplayWidth.of("。，《》") == 8)
    #expect(DisplayWidth.of("“人工智能+”") == 11)  // curly quotes are ambiguous: one column
    #expect(DisplayWidth.of("한국어") == 6)
    #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)  // halfwidth katakana
    #expect(DisplayWidth.of("ＡＩ") == 4)  // fullwidth Latin
    #expect(DisplayWidth.of("❤️") == 2)  // text-default emoji asked for as a picture
    #expect(DisplayWidth.of("\u{200B}") == 0)
}

@Test func tableWithoutWidthLimit() {
    let expected = """
        ┌────────┬───────────────────┬───────┬────────────────────────┐
        │ number │ title             │ value │ note                   │
        ├────────┼───────────────────┼───────┼────────────────────────┤
        │      1 │ 人工智能能力建设  │   230 │ AI capacity, "for all" │
        ├────────┼───────────────────┼───────┼────────────────────────┤
        │     10 │ Plan 《普惠计划》 │ 32.85 │                        │
        ├────────┼───────────────────┼───────┼────────────────────────┤
        │        │ a|b               │   0.5 │ line one               │
        │        │                   │       │ line two               │
        └────────┴───────────────────┴───────┴────────────────────────┘

        """
    let rendered = sample.render(as: .table)
    #expect(rendered == expected)
    #expect(lineWidths(rendered) == [63])
    #expect(!rendered.contains("\u{1B}"))
}

@Test func tableShortenedToFortyColumns() {
    // Numbers keep their width; the prose columns (title, note) give way, ending in "…", and a
    // cell's lines are joined on one line so every row is one line.
    let expected = """
        ┌────────┬──────────┬───────┬──────────┐
        │ number │ title    │ value │ note     │
        ├────────┼──────────┼───────┼──────────┤
        │      1 │ 人工智…  │   230 │ AI capa… │
        │     10 │ Plan 《… │ 32.85 │          │
        │        │ a|b      │   0.5 │ line on… │
        └────────┴──────────┴───────┴──────────┘

        """
    let rendered = sample.render(as: .table, options: RenderOptions(terminalWidth: 40))
    #expect(rendered == expected)
    #expect(lineWidths(rendered) == [40])
}

@Test(arguments: [40, 47, 52, 64, 65, 80])
func tableFitsEveryWidth(width: Int) {
    let rendered = sample.render(as: .table, options: RenderOptions(terminalWidth: width))
    let widths = lineWidths(rendered)
    #expect(widths.count == 1)
    #expect(widths.first! == min(width, 63))  // 63: the natural width
    #expect(rendered.hasSuffix("┘\n"))
    #expect(rendered.split(separator: "\n").count == 7)  // rules, header and three one-line rows
}

/// Below the width the tokens need, the grid stays wider than the terminal rather than print a
/// cut date or number.
@Test func tokensAreNeverCut() {
    let table = ResultTable(
        columns: ["id", "reported_on", "status", "slug", "note"],
        rows: [[.integer(123456), .text("2025-03-10"), .text("in-progress"), .text("training-2025"), .text("A long note about the second session")]])
    let rendered = table.render(as: .table, options: RenderOptions(terminalWidth: 30))
    #expect(rendered.contains("│ 123456 │ 2025-03-10  │ in-progress │ training-2025 │ A long…  │"))
    #expect(TableRenderer.isToken("2025-03-10") && TableRenderer.isToken("at-risk") && TableRenderer.isToken("ai-capacity-building-a6-1"))
    #expect(!TableRenderer.isToken("two words") && !TableRenderer.isToken("人工智能") && !TableRenderer.isToken("https://example.org/x"))
}

@Test func shortenNeverSplitsAWideCharacter() {
    #expect(TableRenderer.shorten("人工智能能力建设", to: 6) == "人工…")
    #expect(TableRenderer.shorten("人工智能能力建设", to: 7) == "人工智…")
    #expect(TableRenderer.shorten("abc def", to: 5) == "abc…")
    #expect(TableRenderer.shorten("abc", to: 3) == "abc")
}

@Test func statusesAreColouredOnlyWithColor() {
    let table = ResultTable(
        columns: ["number", "status"],
        rows: [[.integer(1), .text("completed")], [.integer(2), .text("at-risk")], [.integer(3), .text("blocked")],
               [.integer(4), .text("in-progress")], [.integer(5), .text("missed")]])
    let coloured = table.render(as: .table, options: RenderOptions(terminalWidth: 80, color: true))
    #expect(coloured.contains("│ \u{1B}[32mcompleted\u{1B}[0m   │"))
    #expect(coloured.contains("│ \u{1B}[33mat-risk\u{1B}[0m     │"))
    #expect(coloured.contains("│ \u{1B}[31mblocked\u{1B}[0m     │"))
    #expect(coloured.contains("│ \u{1B}[31mmissed\u{1B}[0m      │"))
    #expect(coloured.contains("│ in-progress │"))
    #expect(!table.render(as: .table, options: RenderOptions(terminalWidth: 80)).contains("\u{1B}"))
}

@Test func defaultColumnsAndSelection() throws {
    let table = sample.showing(["title", "number", "missing"])
    #expect(table.defaultColumns == ["title", "number"])
    #expect(table.withDefaultColumns.columns == ["title", "number"])
    #expect(table.withDefaultColumns.rows[1] == [.text("Plan 《普惠计划》"), .integer(10)])
    #expect(sample.withDefaultColumns.columns == sample.columns)
    #expect(try sample.selecting(["note", "value"]).render(as: .csv) == "note,value\r\n\"AI capacity, \"\"for all\"\"\",230\r\n,32.85\r\n\"line one\nline two\",0.5\r\n")
    #expect(throws: TrackerError("no column 'nope' (columns: number, title, value, note)")) { try sample.selecting(["nope"]) }
}

@Test func csvByteOrderMarkOnlyWhenAsked() {
    let bytes = Array(sample.render(as: .csv, options: RenderOptions(byteOrderMark: true)).utf8)
    #expect(Array(bytes.prefix(4)) == [0xEF, 0xBB, 0xBF, UInt8(ascii: "n")])
    #expect(sample.render(as: .csv).utf8.first == UInt8(ascii: "n"))
}

@Test func tableHeaderIsBoldOnlyWithColor() {
    let table = ResultTable(columns: ["id", "名称"], rows: [[.integer(7), .text("培训")]])
    let expected = """
        ┌────┬──────┐
        │ \u{1B}[1mid\u{1B}[0m │ \u{1B}[1m名称\u{1B}[0m │
        ├────┼──────┤
        │  7 │ 培训 │
        └────┴──────┘

        """
    #expect(table.render(as: .table, options: RenderOptions(color: true)) == expected)
    #expect(!table.render(as: .table).contains("\u{1B}"))
}

@Test func tableShowsControlCharactersHarmlessly() {
    let table = ResultTable(columns: ["x"], rows: [[.text("a\u{1B}[31mb\tc")]])
    #expect(table.render(as: .table) == """
        ┌───────────┐
        │ x         │
        ├───────────┤
        │ a␛[31mb c │
        └───────────┘

        """)
}

@Test func csvFollowsRFC4180() {
    let expected = "number,title,value,note\r\n"
        + "1,人工智能能力建设,230,\"AI capacity, \"\"for all\"\"\"\r\n"
        + "10,Plan 《普惠计划》,32.85,\r\n"
        + ",a|b,0.5,\"line one\nline two\"\r\n"
    #expect(sample.render(as: .csv) == expected)
}

@Test func jsonIsAnArrayOfObjects() {
    let expected = """
        [
          {"number": 1, "title": "人工智能能力建设", "value": 230, "note": "AI capacity, \\"for all\\""},
          {"number": 10, "title": "Plan 《普惠计划》", "value": 32.85, "note": null},
          {"number": null, "title": "a|b", "value": 0.5, "note": "line one\\nline two"}
        ]

        """
    #expect(sample.render(as: .json) == expected)
}

@Test func jsonEscapesControlsAndEncodesBlobsAndNonFiniteReals() {
    let table = ResultTable(
        columns: ["text", "blob", "real"],
        rows: [[.text("tab\there\u{01}\\"), .blob([0x00, 0xAB, 0xFF]), .real(.infinity)],
               [.text("é"), .blob([]), .real(1e-7)]])
    let expected = """
        [
          {"text": "tab\\there\\u0001\\\\", "blob": "00abff", "real": null},
          {"text": "é", "blob": "", "real": 1e-07}
        ]

        """
    #expect(table.render(as: .json) == expected)
}

@Test func markdownIsAGitHubPipeTable() {
    let expected = """
        | number | title | value | note |
        | ---: | --- | ---: | --- |
        | 1 | 人工智能能力建设 | 230 | AI capacity, "for all" |
        | 10 | Plan 《普惠计划》 | 32.85 |  |
        |  | a\\|b | 0.5 | line one<br>line two |

        """
    #expect(sample.render(as: .markdown) == expected)
}

@Test func emptyResults() {
    let empty = ResultTable(columns: ["number", "title"], rows: [])
    #expect(empty.render(as: .table) == """
        ┌────────┬───────┐
        │ number │ title │
        └────────┴───────┘

        """)
    #expect(empty.render(as: .csv) == "number,title\r\n")
    #expect(empty.render(as: .json) == "[]\n")
    #expect(empty.render(as: .markdown) == "| number | title |\n| --- | --- |\n")
}

@Test func realsPrintShortestWithoutTrailingZero() {
    let table = ResultTable(columns: ["v"], rows: [[.real(230)], [.real(32.85)], [.real(0.5)], [.real(-4)], [.real(80.1)]])
    #expect(table.render(as: .csv) == "v\r\n230\r\n32.85\r\n0.5\r\n-4\r\n80.1\r\n")
}

@Test(arguments: OutputFormat.textFormats)
func everyFormatEndsInOneNewline(format: OutputFormat) {
    // Bytes, not Characters: "\r\n" is a single Character.
    var bytes = Array(sample.render(as: format, options: RenderOptions(terminalWidth: 50)).utf8)
    #expect(bytes.popLast() == UInt8(ascii: "\n"))
    if format == .csv { #expect(bytes.popLast() == UInt8(ascii: "\r")) }
    #expect(bytes.last != UInt8(ascii: "\n") && bytes.last != UInt8(ascii: "\r"))
}
