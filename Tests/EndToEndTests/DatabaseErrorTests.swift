import Foundation
import Testing

/// Database files a command cannot use as it is: each refused in one line that says what to do,
/// and reads still work where only writing is impossible.
@Suite struct DatabaseErrorTests {
    @Test func aMissingFolderIsNamed() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let path = cli.path("no-such-folder/plan.db")
        let result = try cli.run(["--db", path, "init"], useDatabase: false)
        #expect(result.status == 1)
        #expect(result.stderr == "plantrack: error: cannot open database \(path): the folder \(cli.path("no-such-folder")) does not exist; create it first\n")
    }

    /// Root ignores file permissions, so these run plantrack as the user nobody (util-linux setpriv).
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func readOnlyFilesAndFoldersStillRead() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        try cli.succeed(["progress", "add", "6", "held", "--date", "2025-05-01"])
        // A folder nobody may read but not write, holding the database without -wal or -shm.
        let folder = cli.path("shelf")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let copy = try cli.copyDatabase(cli.database, to: "shelf/plan.db")
        for path in [cli.directory.path, folder] { chmod(path, 0o755) }
        chmod(copy, 0o644)
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))

        let list = try asNobody(["--db", copy, "action", "list", "--format", "csv"], cli)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("\n6,") && list.stdout.contains(",in-progress,2025-05-01,1,"))
        let add = try asNobody(["--db", copy, "progress", "add", "6", "again"], cli)
        #expect(add.status == 1)
        #expect(add.stderr.hasPrefix("plantrack: error: the database is read-only for this user (no write permission on the file or its folder): reading works, writing needs that permission"))
        let create = try asNobody(["--db", folder + "/new.db", "init"], cli)
        #expect(create.stderr == "plantrack: error: cannot open database \(folder)/new.db: the folder \(folder) is not writable by this user; a new database cannot be made there\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["plan.db"])
    }

    func asNobody(_ arguments: [String], _ cli: PlantrackProcess) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", PlantrackProcess.binary] + arguments
        process.environment = ["PLANTRACK_TODAY": cli.today, "USER": "nobody", "PATH": "/usr/bin:/bin"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
