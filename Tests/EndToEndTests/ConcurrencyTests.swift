import Foundation
import Testing

/// Many processes writing one database at once: every `progress add` must land, none may fail,
/// and SQLite's "database is locked" must never reach the user (the busy timeout absorbs it).
@Suite(.serialized) struct ConcurrencyTests {
    @Test func concurrentProgressAddsAllLand() throws {
        let workers = Reliability.size(reduced: 4, full: 8)
        let each = Reliability.size(reduced: 25, full: 250)
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        let before = try cli.count("progress_updates")

        let failures = Collected<String>()
        let ids = Collected<Int>()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in 0..<each {
                let arguments = ["progress", "add", String(index % 10 + 1), "worker \(worker) update \(index)",
                                 "--date", "2025-06-01", "--status", "in-progress"]
                do {
                    let result = try cli.run(arguments)
                    if result.status != 0 || !result.stderr.isEmpty {
                        failures.append("worker \(worker) #\(index): exit \(result.status), stderr: \(result.stderr)")
                    }
                    if let id = Int(result.stdout.trimmingCharacters(in: .newlines)) {
                        ids.append(id)
                    } else {
                        failures.append("worker \(worker) #\(index): stdout is not an id: \(result.stdout)")
                    }
                } catch {
                    failures.append("worker \(worker) #\(index): \(error)")
                }
            }
        }

        let total = workers * each
        let landed = try cli.count("progress_updates") - before
        Reliability.report("concurrency: \(workers) writers × \(each) progress add: \(failures.all.count) failed commands, \(total - landed) lost rows")
        #expect(failures.all.isEmpty, "\(failures.all.count) failed commands, e.g. \(failures.all.prefix(3))")
        #expect(!failures.all.contains { $0.contains("locked") || $0.contains("busy") })
        #expect(ids.all.count == total)
        #expect(Set(ids.all).count == total, "each command printed its own new id")
        #expect(try cli.count("progress_updates") == before + total)
        #expect(try cli.sqlite("SELECT count(DISTINCT note) FROM progress_updates WHERE note LIKE 'worker %'") == ["\(total)"])
        #expect(try cli.sqlite("PRAGMA integrity_check") == ["ok"])
    }
}
