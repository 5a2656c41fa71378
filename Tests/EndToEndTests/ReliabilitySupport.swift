import Foundation
import Testing
import Tracker

#if canImport(Glibc)
import Glibc
#endif

/// Sizes of the reliability suite (concurrency, crash safety, backups, bad inputs): reduced by
/// default, so `make test` stays quick, and full with `PLANTRACK_RELIABILITY=full`
/// (`make reliability`, which also runs the release binary).
enum Reliability {
    static let isFull = ProcessInfo.processInfo.environment["PLANTRACK_RELIABILITY"] == "full"

    static func size(reduced: Int, full: Int) -> Int { isFull ? full : reduced }

    /// Seed of the random moments and data; `PLANTRACK_RELIABILITY_SEED` replays a failing run.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["PLANTRACK_RELIABILITY_SEED"].flatMap { UInt64($0) }
        ?? 20_240_925
}

extension Reliability {
    private static let reportLock = NSLock()

    /// One line of the suite's summary, in the form the figures are quoted (N writers × M, failed
    /// commands, lost rows; K/K consistent; tried N, refused M): appended to the file that
    /// `PLANTRACK_RELIABILITY_REPORT` names, which `make reliability` prints at the end.
    static func report(_ line: String) {
        guard let path = ProcessInfo.processInfo.environment["PLANTRACK_RELIABILITY_REPORT"] else { return }
        reportLock.withLock {
            let data = Data((line + "\n").utf8)
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.seekToEndOfFile()
                handle.write(data)
                handle.closeFile()
            } else {
                _ = FileManager.default.createFile(atPath: path, contents: data)
            }
        }
    }
}

/// SplitMix64: tiny, seeded, the same sequence on every machine.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A thread-safe collection of what concurrent workers saw.
final class Collected<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value] = []

    func append(_ value: Value) { lock.withLock { values.append(value) } }
    var all: [Value] { lock.withLock { values } }
}

extension PlantrackProcess {
    /// Starts `plantrack --db DB ARGS…` without waiting, output discarded, for kill -9 and
    /// concurrent writers.
    func start(_ arguments: [String], database: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["--db", database ?? self.database] + arguments
        var env = ProcessInfo.processInfo.environment
        env["PLANTRACK_TODAY"] = today
        env["USER"] = "tester"
        env.removeValue(forKey: "PLANTRACK_DB")
        process.environment = env
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs plantrack on another database file of this directory.
    @discardableResult
    func run(_ arguments: [String], on database: String) throws -> Result {
        try run(["--db", database] + arguments, useDatabase: false)
    }

    /// Rows of a query on any database file, through the sqlite3 shell.
    static func sqlite(_ database: String, _ sql: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = ["-batch", "-init", "/dev/null", database, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    static func integrity(_ database: String) throws -> [String] { try sqlite(database, "PRAGMA integrity_check") }

    static func count(_ database: String, _ table: String) throws -> Int {
        Int(try sqlite(database, "SELECT count(*) FROM \(table)").first ?? "") ?? -1
    }

    /// `.dump` with timestamps blanked: what must match between two databases built at different times.
    static func normalisedDump(_ database: String) throws -> String {
        let dump = try sqlite(database, ".dump").joined(separator: "\n")
        return dump.replacingOccurrences(
            of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "<timestamp>", options: .regularExpression)
    }

    /// Copies a database file (no -wal: plantrack checkpoints when it closes).
    func copyDatabase(_ source: String, to name: String) throws -> String {
        let target = path(name)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        try FileManager.default.copyItem(atPath: source, toPath: target)
        return target
    }

    static func removeDatabase(_ database: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    }
}

/// Kills `process` with SIGKILL (if it is still running) and waits for it.
func killNine(_ process: Process) {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
}

func sleep(seconds: Double) {
    guard seconds > 0 else { return }
    usleep(UInt32(min(seconds, 4000) * 1_000_000))
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// A valid `progress import` CSV for the bundled plan: `lines` updates, seeded.
func progressCSV(lines: Int, seed: UInt64) -> String {
    var random = SeededGenerator(seed: seed)
    let statuses = ["in-progress", "in-progress", "at-risk", "blocked", "completed"]
    let words = ["workshop", "training", "partners", "研讨班", "能力建设", "compute", "data", "pilot", "评估", "课程"]
    let firstDay = ISODate(year: 2024, month: 9, day: 25)!.dayNumber  // the day the plan was proposed
    var text = "action,reported_on,status,note,evidence_url,author\n"
    text.reserveCapacity(lines * 90)
    for index in 0..<lines {
        let iso = ISODate(dayNumber: firstDay + Int.random(in: 0..<600, using: &random)).description
        let note = (0..<Int.random(in: 3...10, using: &random)).map { _ in words.randomElement(using: &random)! }
            .joined(separator: " ")
        let quoted = index % 7 == 0 ? "\"\(note), \"\"quoted\"\"\"" : note
        let evidence = index % 3 == 0 ? "https://example.org/e/\(index)" : ""
        text += "\(Int.random(in: 1...10, using: &random)),\(iso),\(statuses.randomElement(using: &random)!),\(quoted),\(evidence),Tester\n"
    }
    return text
}

