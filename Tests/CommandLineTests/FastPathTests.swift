import ArgumentParser
import Foundation
import Testing

import Tracker

@testable import plantrack

/// `FastPath` takes plain `progress add` invocations and nothing else; what it takes, it must read
/// exactly as ArgumentParser would, and what it declines goes to ArgumentParser unchanged.
/// (ReadCommandFastPathTests holds it to the same for the read commands.)
@Suite struct FastPathTests {
    static let full = [
        "--db", "t.db", "progress", "add", "6", "Second programme held", "--plan", "ai-capacity-building",
        "--status", "completed", "--date", "2025-04-02", "--percent", "20", "--evidence", "https://example.org/x",
        "--author", "Li", "--commitment", "training-2025",
    ]

    /// The fast path's reading of `arguments`, when it takes them as a `progress add`.
    static func progressAdd(_ arguments: ArraySlice<String>) -> ProgressAddInvocation? {
        FastPath.command(arguments) as? ProgressAddInvocation
    }

    /// ArgumentParser's reading of `arguments`, as the request its command would run.
    static func parsedByArgumentParser(_ arguments: [String]) throws -> ProgressAddInvocation {
        let command = try Plantrack.parseAsRoot(arguments)
        return try #require(command as? ProgressAddCommand).invocation
    }

    @Test func readsEveryOptionAsArgumentParserDoes() throws {
        let invocation = try #require(Self.progressAdd(Self.full[...]))
        #expect(invocation.databasePath == "t.db")
        #expect(try invocation.request() == AddProgressRequest(
            plan: "ai-capacity-building", action: 6, note: "Second programme held", status: .completed,
            reportedOn: ISODate(year: 2025, month: 4, day: 2), percent: 20, evidenceURL: "https://example.org/x",
            author: "Li", commitment: "training-2025"))
        #expect(try Self.parsedByArgumentParser(Self.full) == invocation)
    }

    @Test(arguments: [
        ["progress", "add", "3", "note"],
        ["progress", "add", "3", "note", "--db", "after.db"],
        ["--db=before.db", "progress", "add", "--date=2025-06-01", "3", "note"],
        ["progress", "add", "--status", "at-risk", "3", "--author", "Wang", "note with spaces", "--percent", "0"],
        ["progress", "add", "10", "'); DROP TABLE actions; --"],
        ["progress", "add", "1", "数据标注 🚀", "--author", "李"],
        ["progress", "add", "1", "a=b", "--evidence", "http://example.org/?q=1=2"],
    ])
    func takesPlainInvocationsAndAgreesWithArgumentParser(_ arguments: [String]) throws {
        let request = try #require(Self.progressAdd(arguments[...]))
        #expect(try Self.parsedByArgumentParser(arguments) == request)
    }

    @Test func withoutDbUsesTheSameDefaultAsArgumentParser() throws {
        let request = try #require(Self.progressAdd(["progress", "add", "3", "note"]))
        #expect(request.databasePath == GlobalOptions.databasePath(flag: nil))
    }

    @Test(arguments: [
        [],
        ["progress"],
        ["progress", "list"],
        ["progress", "import", "x.csv"],
        ["progress", "add"],
        ["progress", "add", "3"],
        ["progress", "add", "3", "note", "extra"],
        ["progress", "add", "--help"],
        ["progress", "add", "3", "note", "-h"],
        ["--version"],
        ["progress", "add", "3", "--", "-note"],
        ["progress", "add", "3", "note", "--unknown", "x"],
        ["progress", "add", "3", "note", "--status", "at-risk", "--status", "blocked"],
        ["--db", "a.db", "progress", "add", "3", "note", "--db", "b.db"],
        ["progress", "add", "3", "note", "--status"],
        ["progress", "add", "3", "note", "--author", "--status"],
        ["progress", "add", "3", "note", "--author", ""],
        ["progress", "add", "3", "note", "--author="],
        ["progress", "add", "3", "note", "--percent", "-1"],
        ["--plan", "x", "progress", "add", "3", "note"],
        ["progress", "--db", "x.db", "add", "3", "note"],
        ["action", "add", "3", "note"],
        ["progress", "add", "0", "note"],
        ["progress", "add", "three", "note"],
        ["progress", "add", "3", "   "],
        ["progress", "add", "3", "note", "--status", "done"],
        ["progress", "add", "3", "note", "--date", "2025-02-30"],
        ["progress", "add", "3", "note", "--percent", "101"],
        ["progress", "add", "3", "note", "--evidence", "ftp://example.org"],
        ["progress", "add", "+3", "note"],
        ["progress", "add", "03", "note"],
        ["progress", "add", "3", "note", "--percent", "0x1p6"],
        ["progress", "add", "3", "note", "--author", "a\u{1B}[31m"],
    ])
    func declinesEverythingElse(_ arguments: [String]) {
        #expect(FastPath.command(arguments[...]) == nil)
    }

    /// A valid value for each option of `progress add`.
    static let sampleValues = [
        "--db": "t.db", "--plan": "p", "--status": "blocked", "--date": "2025-01-02", "--percent": "7.5",
        "--evidence": "https://example.org", "--author": "A", "--commitment": "c", "--allow-duplicate": "",
    ]

    /// Every option ArgumentParser defines for `progress add`, read from its own description of the
    /// command, is one the fast path takes and reads the same way.
    @Test func takesEveryOptionArgumentParserDefines() throws {
        let (options, positionals) = try declaredArguments(of: ["progress", "add"])
        #expect(options.sorted() == Self.sampleValues.keys.sorted())
        #expect(positionals == 2)
        for option in options {
            let value = try #require(Self.sampleValues[option])
            // A flag ("" here) takes no value.
            let invocation = ["progress", "add", "3", "note", option] + (value.isEmpty ? [] : [value])
            let request = try #require(Self.progressAdd(invocation[...]), "declined \(option)")
            #expect(try Self.parsedByArgumentParser(invocation) == request)
            #expect(FastPath.command((invocation + [option] + (value.isEmpty ? [] : [value]))[...]) == nil, "took \(option) twice")
        }
        #expect(FastPath.command(["progress", "add", "3", "note", "--dbx", "t.db"]) == nil)
    }
}

/// The long option names and the number of positional arguments ArgumentParser defines for the
/// command at `path`, read from its own description of the command (`--experimental-dump-help`).
func declaredArguments(of path: [String]) throws -> (options: [String], positionals: Int) {
    let declared = try declaredArgumentKinds(of: path)
    return (declared.options, declared.positionals)
}

/// As `declaredArguments(of:)`, with the long names of the options declared as flags.
func declaredArgumentKinds(of path: [String]) throws -> (options: [String], flags: [String], positionals: Int) {
    var json = ""
    do {
        _ = try Plantrack.parseAsRoot(path + ["--experimental-dump-help"])
    } catch {
        json = Plantrack.fullMessage(for: error)
    }
    let info = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let command = try #require(info["command"] as? [String: Any])
    #expect(command["commandName"] as? String == path.last)
    let arguments = try #require(command["arguments"] as? [[String: Any]])
    func longNames(_ kinds: (String?) -> Bool) -> [String] {
        arguments.filter { kinds($0["kind"] as? String) }.flatMap { argument in
            (argument["names"] as? [[String: Any]] ?? []).compactMap { name in
                name["kind"] as? String == "long" ? "--" + (name["name"] as? String ?? "") : nil
            }
        }.filter { $0 != "--help" && $0 != "--version" }  // ArgumentParser's own; the fast path declines them.
    }
    return (longNames { $0 != "positional" }, longNames { $0 == "flag" }, arguments.filter { $0["kind"] as? String == "positional" }.count)
}
