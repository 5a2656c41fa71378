import ArgumentParser
import Testing
import Tracker

@testable import plantrack

/// The read commands through `FastPath`: one recogniser, driven by each command's `CommandShape`.
/// What it takes must be the very invocation ArgumentParser's command makes from the same
/// arguments; what it declines goes to ArgumentParser unchanged.
@Suite struct ReadCommandFastPathTests {
    /// Both readings of `arguments`: the fast path's (nil when declined) and ArgumentParser's.
    static func readings(_ arguments: [String]) throws -> (fast: ReadInvocation?, parsed: ReadInvocation?) {
        let parsed: ReadInvocation? = switch try Plantrack.parseAsRoot(arguments) {
        case let command as ActionListCommand: command.invocation
        case let command as MilestoneListCommand: command.invocation
        case let command as CommitmentListCommand: command.invocation
        case let command as ReportCommand: command.invocation
        case let command as SearchCommand: command.invocation
        default: nil
        }
        return (FastPath.command(arguments[...]).map { $0 as? ReadInvocation } ?? nil, parsed)
    }

    @Test(arguments: [
        ["action", "list"],
        ["--db", "x.db", "action", "list", "--as-of", "2025-06-30"],
        ["action", "list", "--plan", "ai-capacity-building", "--format", "json", "--columns", "number,status"],
        ["action", "list", "--format=csv", "--bom", "--db=t.db"],
        ["milestone", "list"],
        ["milestone", "list", "--as-of=2025-12-31", "--wide", "--plan", "p"],
        ["commitment", "list"],
        ["commitment", "list", "--plan", "ai-capacity-building", "--as-of", "2026-01-01", "--format", "markdown"],
        ["report"],
        ["report", "action-status", "--as-of", "2026-11-25"],
        ["--db", "r.db", "report", "stale", "--days", "30", "--format", "json"],
        ["report", "--plan", "p", "overdue", "--wide"],
        ["search", "算力"],
        ["search", "training programme", "--format", "json", "--db", "s.db"],
        ["search", "--columns", "snippet", "a=b"],
    ])
    func takesPlainInvocationsAsArgumentParserReadsThem(_ arguments: [String]) throws {
        let (fast, parsed) = try Self.readings(arguments)
        let invocation = try #require(fast, "declined \(arguments)")
        #expect(invocation == (try #require(parsed)))
    }

    @Test func readsTheValuesGiven() throws {
        let invocation = try #require(
            FastPath.command(["--db", "r.db", "report", "stale", "--days", "30", "--as-of", "2025-06-30", "--format", "csv", "--bom"])
                as? ReadInvocation)
        #expect(invocation.databasePath == "r.db")
        #expect(invocation.command == .report(name: "stale", days: Checked(result: .success(30))))
        #expect(invocation.date == ISODate(year: 2025, month: 6, day: 30))
        #expect(invocation.output == OutputChoice(format: .csv, byteOrderMark: true))
        let search = try #require(FastPath.command(["search", "算力", "--columns", "snippet, kind"]) as? ReadInvocation)
        #expect(search.command == .search(text: "算力"))
        #expect(search.output == OutputChoice(format: .table, columns: ["snippet", "kind"]))
        #expect(search.databasePath == GlobalOptions.databasePath(flag: nil))
    }

    @Test(arguments: [
        ["action"],
        ["action", "show", "3"],
        ["action", "list", "extra"],
        ["action", "list", "--help"],
        ["action", "list", "-h"],
        ["help", "action", "list"],
        ["action", "--db", "x.db", "list"],
        ["--plan", "p", "action", "list"],
        ["action", "list", "--as-of", "2025-02-30"],
        ["action", "list", "--as-of", "tomorrow"],
        ["action", "list", "--as-of"],
        ["action", "list", "--format", "xml"],
        ["action", "list", "--bom"],
        ["action", "list", "--wide", "--columns", "number"],
        ["action", "list", "--columns", ","],
        ["action", "list", "--wide=yes"],
        ["action", "list", "--db", ""],
        ["action", "list", "--days", "3"],
        ["action", "list", "--", "x"],
        ["milestone", "add", "m", "10"],
        ["commitment", "list", "--plan"],
        ["commitment", "show", "c"],
        ["report", "no-such-report"],
        ["report", "action-status", "--days", "30"],
        ["report", "stale", "--days", "-1"],
        ["report", "stale", "--days", "x"],
        ["report", "a", "b"],
        ["search"],
        ["search", "-x"],
        ["search", "a", "b"],
        ["search", "a", "--plan", "p"],
        ["search", "a", "--as-of", "2025-01-01"],
        ["search", "--", "-x"],
        ["sql", "SELECT 1"],
    ])
    func declinesEverythingElse(_ arguments: [String]) {
        #expect(FastPath.command(arguments[...]) == nil)
    }

    /// A valid value for each option of the read commands ("" for a flag).
    static let sampleValues = [
        "--db": "t.db", "--plan": "p", "--as-of": "2025-01-02", "--days": "7", "--format": "csv",
        "--wide": "", "--columns": "a,b", "--bom": "", "--raw": "",
    ]

    /// The one declaration: each shape's options are the union of the option tables of the groups
    /// the command declares, and ArgumentParser declares exactly those, flags as flags (so an
    /// option added to a group reaches both parsers, and one declared outside its table traps in
    /// `OptionTable.declared` before this test gets here).
    @Test func shapesAreTheirGroupsTablesAsArgumentParserDeclaresThem() throws {
        #expect(ProgressAddCommand.shape.options == GlobalOptions.options + PlanOptions.options + ProgressFieldOptions.options + [.allowDuplicate])
        #expect(SearchCommand.shape.options == GlobalOptions.options + FormatOptions.options)
        for type in FastPath.commands {
            let shape = type.shape
            let declared = try declaredArgumentKinds(of: shape.path)
            #expect(declared.options.sorted() == shape.options.map(\.flag).sorted(), "\(shape.path)")
            #expect(declared.flags.sorted() == shape.options.filter(\.isFlag).map(\.flag).sorted(), "\(shape.path)")
            #expect(Set(shape.options).count == shape.options.count, "\(shape.path): an option in two tables")
        }
    }

    /// For each command the fast path takes: its shape names exactly the options ArgumentParser
    /// defines for it (read from ArgumentParser's own description of the command), takes the
    /// positionals it declares, and reads each option as ArgumentParser does, once.
    @Test func shapesMatchWhatArgumentParserDefines() throws {
        for type in FastPath.commands {
            let shape = type.shape
            let (options, positionals) = try declaredArguments(of: shape.path)
            #expect(options.sorted() == shape.options.map(\.flag).sorted(), "\(shape.path)")
            #expect(positionals == shape.positionals.upperBound, "\(shape.path)")
            guard type != ProgressAddCommand.self else { continue }  // FastPathTests covers its values.
            // The smallest valid positionals: a report's name, search's text.
            let base = shape.path + (shape.path == ["report"] ? ["stale"] : shape.path == ["search"] ? ["x"] : [])
            for option in options {
                let value = try #require(Self.sampleValues[option], "no sample for \(option)")
                var arguments = base + [option] + (value.isEmpty ? [] : [value])
                if option == "--bom" || option == "--raw" { arguments += ["--format", "csv"] }
                let (fast, parsed) = try Self.readings(arguments)
                let invocation = try #require(fast, "declined \(arguments)")
                #expect(invocation == (try #require(parsed)), "\(arguments)")
                #expect(FastPath.command((arguments + [option] + (value.isEmpty ? [] : [value]))[...]) == nil, "took \(option) twice")
            }
        }
    }
}
