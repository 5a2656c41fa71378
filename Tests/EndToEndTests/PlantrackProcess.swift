import Foundation
import Testing

/// Runs the built `plantrack` binary, as a user would, on a temporary database.
struct PlantrackProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String

        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(stdout.hasSuffix("\n") ? 1 : 0) }
    }

    /// `$PLANTRACK_BIN` (set by `make test`), else the debug build next to the sources.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["PLANTRACK_BIN"], !path.isEmpty { return path }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/plantrack").path
    }()

    /// The repository root, for fixtures and seeds.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let directory: URL
    let database: String
    /// Today, pinned so date rules give the same answers on any day.
    var today = "2026-11-25"

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("plantrack-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("test.db").path
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        let file = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Runs `plantrack --db DB ARGS…` (no --db when `useDatabase` is false).
    @discardableResult
    func run(_ arguments: [String], useDatabase: Bool = true, environment: [String: String] = [:], in workingDirectory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = (useDatabase ? ["--db", database] : []) + arguments
        var env = ProcessInfo.processInfo.environment
        env["PLANTRACK_TODAY"] = today
        env["USER"] = "tester"
        env.removeValue(forKey: "PLANTRACK_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = workingDirectory ?? directory
        let out = path("stdout-\(UUID().uuidString)")
        let err = path("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: err)), as: UTF8.self))
    }

    /// Runs and expects success; returns stdout.
    @discardableResult
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments)
        #expect(result.status == 0, "plantrack \(arguments.joined(separator: " ")) failed: \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// Runs, expects failure with one line on stderr containing `message`, and no database change.
    func refuse(_ arguments: [String], _ message: String, status: Int32? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try dump()
        let result = try run(arguments)
        #expect(result.status != 0, "plantrack \(arguments.joined(separator: " ")) should fail", sourceLocation: sourceLocation)
        if let status { #expect(result.status == status, sourceLocation: sourceLocation) }
        #expect(result.stdout == "", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("plantrack: error: "), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try dump() == before, "the database changed", sourceLocation: sourceLocation)
    }

    /// Rows of a query, through the sqlite3 shell (independent of plantrack), `|`-separated.
    func sqlite(_ sql: String) throws -> [String] { try Self.sqlite(database, sql) }

    func count(_ table: String) throws -> Int { Int(try sqlite("SELECT count(*) FROM \(table)").first ?? "") ?? -1 }

    /// The database's full content as SQL text (`.dump`), to prove a refused command changed nothing.
    func dump() throws -> String {
        guard FileManager.default.fileExists(atPath: database) else { return "<no database>" }
        return try sqlite(".dump").joined(separator: "\n")
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }
}

import Storage

func sha256Hex(_ data: Data) -> String { SHA256.hexDigest([UInt8](data)) }
