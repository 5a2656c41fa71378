import Foundation
import Testing

/// `plantrack backup FILE` while another process keeps writing: every copy must be one consistent
/// snapshot (imports are all-or-nothing, so it holds a whole number of them), pass
/// `integrity_check` as a single file, and open with plantrack.
@Suite(.serialized) struct BackupTests {
    @Test func backupsWhileAnotherProcessWritesAreConsistent() throws {
        let batch = Reliability.size(reduced: 500, full: 5_000)
        let backups = Reliability.size(reduced: 4, full: 20)
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        #expect(try cli.count("progress_updates") == 0)
        let csv = try cli.write("batch.csv", progressCSV(lines: batch, seed: Reliability.seed))

        // The writer: one import after another, each `batch` rows in one transaction.
        let stop = Collected<Bool>()
        let writerFailures = Collected<String>()
        let imports = Collected<Int>()
        let writer = Thread {
            while stop.all.isEmpty {
                do {
                    let result = try cli.run(["progress", "import", csv, "--again", "--allow-duplicate"])
                    if result.status == 0 { imports.append(1) } else { writerFailures.append(result.stderr) }
                } catch {
                    writerFailures.append("\(error)")
                }
            }
        }
        writer.start()
        defer { stop.append(true) }
        // Let the writer get going, so the backups overlap its transactions.
        while imports.all.isEmpty && writerFailures.all.isEmpty { usleep(10_000) }

        var counts: [Int] = []
        // At least `backups` copies, more (up to three times as many) until two of them differ,
        // so a starved writer on a busy machine cannot make the test vacuous.
        for index in 0..<(3 * backups) where index < backups || Set(counts).count < 2 {
            let copy = cli.path("backup-\(index).db")
            let result = try cli.run(["backup", copy])
            #expect(result.status == 0, "backup \(index): \(result.stderr)")
            // The copy stands alone: no -wal beside it once plantrack has closed it.
            let leftover = (try? FileManager.default.attributesOfItem(atPath: copy + "-wal")[.size] as? Int) ?? 0
            #expect(leftover == 0, "backup \(index) left a -wal of \(leftover) bytes")
            let alone = cli.path("alone-\(index).db")
            try FileManager.default.copyItem(atPath: copy, toPath: alone)
            #expect(try PlantrackProcess.integrity(alone) == ["ok"], "backup \(index)")
            let count = try PlantrackProcess.count(alone, "progress_updates")
            #expect(count % batch == 0, "backup \(index) holds \(count) updates, not a whole number of \(batch)-row imports")
            counts.append(count)
            // It opens with plantrack and answers like the original would.
            let listed = try cli.run(["action", "list", "--format", "csv"], on: alone)
            #expect(listed.status == 0, "backup \(index): \(listed.stderr)")
            #expect(listed.stdout.split(separator: "\r\n").count == 11)
            let updates = try cli.run(["sql", "SELECT count(*) AS n FROM progress_updates", "--format", "csv"], on: alone)
            #expect(updates.stdout.split(separator: "\r\n").last.map(String.init) == String(count), "\(updates.stderr)")
            usleep(UInt32(Reliability.isFull ? 200_000 : 50_000))
        }
        stop.append(true)
        while writer.isExecuting { usleep(10_000) }

        #expect(writerFailures.all.isEmpty, "the writer failed: \(writerFailures.all.prefix(3))")
        #expect(counts == counts.sorted(), "later backups never hold fewer updates: \(counts)")
        #expect(Set(counts).count > 1, "the writer committed during the backups: \(counts)")
        #expect(try cli.sqlite("PRAGMA integrity_check") == ["ok"])
    }
}
