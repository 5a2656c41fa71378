import Foundation
import Testing

/// `kill -9` at random moments of the commands that write the most: the database must pass
/// `PRAGMA integrity_check` every time and hold either none or all of what the command wrote,
/// and the next run must complete the job as if nothing had happened.
@Suite(.serialized) struct CrashSafetyTests {
    static let kills = Reliability.size(reduced: 5, full: 20)

    @Test func progressImportKilledAtRandomMomentsLeavesNoneOrAll() throws {
        let lines = Reliability.size(reduced: 5_000, full: 100_000)
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        let template = try cli.copyDatabase(cli.database, to: "template.db")
        let csv = try cli.write("updates.csv", progressCSV(lines: lines, seed: Reliability.seed))

        // One run to the end: how long an import takes here, and what "all" is.
        let whole = try cli.copyDatabase(template, to: "whole.db")
        var result: PlantrackProcess.Result?
        let duration = try seconds { result = try cli.run(["progress", "import", csv], on: whole) }
        #expect(result?.status == 0, "\(result?.stderr ?? "")")
        #expect(try PlantrackProcess.count(whole, "progress_updates") == lines)

        var random = SeededGenerator(seed: Reliability.seed)
        var outcomes: [String] = []
        var consistent = 0
        for kill in 0..<Self.kills {
            let database = try cli.copyDatabase(template, to: "killed.db")
            let process = try cli.start(["progress", "import", csv], database: database)
            // Up to 10 % past the typical end, so some kills land after the commit.
            let moment = Double.random(in: 0..<(duration * 1.1), using: &random)
            sleep(seconds: moment)
            killNine(process)
            let integrity = try PlantrackProcess.integrity(database)
            let count = try PlantrackProcess.count(database, "progress_updates")
            let context = "kill \(kill) at \(String(format: "%.3f", moment)) s of \(String(format: "%.3f", duration)) s (seed \(Reliability.seed))"
            #expect(integrity == ["ok"], "\(context): \(integrity)")
            #expect(count == 0 || count == lines, "\(context): \(count) rows")
            #expect(try PlantrackProcess.sqlite(database, "PRAGMA foreign_key_check") == [], "\(context)")
            outcomes.append(count == 0 ? "none" : "all")
            if integrity == ["ok"], count == 0 || count == lines,
               try PlantrackProcess.sqlite(database, "PRAGMA foreign_key_check") == [] { consistent += 1 }
            if kill == 0, count == 0 {
                // The database stays usable: the same import now runs to the end.
                #expect(try cli.run(["progress", "import", csv], on: database).status == 0)
                #expect(try PlantrackProcess.count(database, "progress_updates") == lines)
            }
        }
        #expect(outcomes.contains("none"), "no kill landed inside the import: \(outcomes)")
        Reliability.report("kill -9 during progress import of \(lines) lines: \(consistent)/\(Self.kills) consistent (\(outcomes.filter { $0 == "all" }.count) after the commit)")
    }

    @Test func initKilledAtRandomMomentsRecovers() throws {
        try killedAtRandomMoments(["init"], label: "init")
    }

    @Test func migrateKilledAtRandomMomentsRecovers() throws {
        try killedAtRandomMoments(["migrate"], label: "migrate")
    }

    /// Kills `arguments` on a new database at random moments; each time the file must be sound,
    /// hold whole migrations and whole imports only, and a second run must end where an
    /// uninterrupted run ends.
    private func killedAtRandomMoments(_ arguments: [String], label: String) throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let reference = cli.path("reference.db")
        var result: PlantrackProcess.Result?
        let duration = try seconds { result = try cli.run(arguments, on: reference) }
        #expect(result?.status == 0, "\(result?.stderr ?? "")")
        let expected = try PlantrackProcess.normalisedDump(reference)
        let documents = try PlantrackProcess.count(reference, "documents")

        var random = SeededGenerator(seed: Reliability.seed &+ UInt64(label.utf8.count))
        var consistent = 0
        for kill in 0..<Self.kills {
            let database = cli.path("killed.db")
            PlantrackProcess.removeDatabase(database)
            let process = try cli.start(arguments, database: database)
            let moment = Double.random(in: 0..<(duration * 1.2), using: &random)
            sleep(seconds: moment)
            killNine(process)
            let context = "\(label): kill \(kill) at \(String(format: "%.4f", moment)) s of \(String(format: "%.4f", duration)) s (seed \(Reliability.seed))"
            var sound = true
            if FileManager.default.fileExists(atPath: database) {
                let integrity = try PlantrackProcess.integrity(database)
                #expect(integrity == ["ok"], "\(context)")
                sound = integrity == ["ok"]
                let tables = try PlantrackProcess.sqlite(database, "SELECT name FROM sqlite_master WHERE name = 'documents'")
                if !tables.isEmpty {
                    let count = try PlantrackProcess.count(database, "documents")
                    #expect(count == 0 || count == documents, "\(context): \(count) documents")
                    sound = sound && (count == 0 || count == documents)
                }
            }
            // The next run finishes the job: the same content as an uninterrupted run.
            let again = try cli.run(arguments, on: database)
            #expect(again.status == 0, "\(context): rerun failed: \(again.stderr)")
            let finished = try PlantrackProcess.normalisedDump(database) == expected
            #expect(finished, "\(context): rerun differs from a clean run")
            if sound, again.status == 0, finished { consistent += 1 }
        }
        Reliability.report("kill -9 during \(label): \(consistent)/\(Self.kills) consistent (sound, and the next run completes the job)")
    }
}
