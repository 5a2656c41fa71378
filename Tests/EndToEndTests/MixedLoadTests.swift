import Foundation
import Testing

/// Writers that never fail: bulk imports, single adds, a report loop and parallel `init` on a new
/// file, all at once. Every command must succeed and every row land (`make reliability`: 4
/// importers of 10 000 lines × 3 rounds, 4 × 250 adds).
@Suite(.serialized) struct MixedLoadTests {
    @Test func mixedLoadHasNoFailedCommands() throws {
        let importers = Reliability.size(reduced: 2, full: 4)
        let lines = Reliability.size(reduced: 2_000, full: 10_000)
        let rounds = Reliability.size(reduced: 2, full: 3)
        let adders = Reliability.size(reduced: 2, full: 4)
        let adds = Reliability.size(reduced: 25, full: 250)
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        let files = try (0..<importers).map { index in
            try cli.write("import-\(index).csv", progressCSV(lines: lines, seed: Reliability.seed &+ UInt64(index)))
        }
        let failures = Collected<String>()
        let done = Collected<Bool>()
        @Sendable func record(_ what: String, _ result: PlantrackProcess.Result) {
            if result.status != 0 { failures.append("\(what): exit \(result.status): \(result.stderr)") }
        }
        let reporter = Thread {
            while done.all.isEmpty {
                do { record("report", try cli.run(["report", "action-status", "--format", "csv"])) } catch { failures.append("\(error)") }
            }
        }
        reporter.start()
        let newPath = cli.path("fresh.db")
        DispatchQueue.concurrentPerform(iterations: importers + adders + 8) { worker in
            do {
                if worker < importers {
                    for round in 0..<rounds {
                        record("import \(worker) round \(round)", try cli.run(["progress", "import", files[worker]] + (round > 0 ? ["--again", "--allow-duplicate"] : [])))
                    }
                } else if worker < importers + adders {
                    for index in 0..<adds {
                        record("add \(worker)/\(index)", try cli.run(
                            ["progress", "add", String(index % 10 + 1), "mixed \(worker) \(index)", "--status", "in-progress", "--date", "2025-06-01"]))
                    }
                } else {
                    record("init \(worker)", try cli.run(["init"], on: newPath))
                }
            } catch {
                failures.append("\(error)")
            }
        }
        done.append(true)
        while reporter.isExecuting { usleep(10_000) }
        let expected = importers * lines * rounds + adders * adds
        let landed = try cli.count("progress_updates")
        Reliability.report("mixed load: \(importers) importers × \(lines) lines × \(rounds) rounds, \(adders) writers × \(adds) progress add, a report loop, 8 parallel init: \(failures.all.count) failed commands, \(expected - landed) lost rows")
        #expect(failures.all.isEmpty, "\(failures.all.count) failed commands, e.g. \(failures.all.prefix(3))")
        #expect(landed == expected, "lost rows")
        #expect(try PlantrackProcess.sqlite(newPath, "SELECT count(*) FROM actions") == ["10"])
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)")
    }
}
