import Glibc
import Storage

/// The plantrack database: one SQLite connection, its schema, and the bundled documents.
public final class TrackerDatabase {
    /// Internal: front ends go through the use cases and queries, never the connection.
    package private(set) var db: Database
    public let path: String

    public enum Access: Sendable {
        /// `init`, `migrate`, `import`: create the file and bring the schema up to date.
        case create
        /// Every command that writes: the database must exist, be fully migrated, and have the
        /// schema its migrations built (triggers and migration checksums untouched).
        case existing
        /// Commands that only read: a read-only connection; nothing about the file changes.
        case readOnly
        /// `migrate --status`, `verify`: read-only, at any schema version, even a tampered one.
        case inspect
    }

    static func migrator() throws -> DatabaseMigrator {
        try DatabaseMigrator(migrations: EmbeddedResources.migrations.compactMap {
            Migration(fileName: $0.name, sql: $0.contents)
        })
    }

    /// Opens the database, checking what the file is before anything can change it: a missing
    /// file is created only for `.create`, an empty one is not turned into a database by a command
    /// that does not create, and another program's SQLite database is refused untouched — all
    /// before the switch to WAL, which would rewrite its header.
    public init(path: String, access: Access) throws {
        self.path = path
        var openPath = path
        if path != ":memory:" {
            // Nothing to inspect: an empty in-memory database answers (all pending), no file is made.
            if try !Self.checkFile(path, access: access) { openPath = ":memory:" }
        }
        let path = openPath
        do {
            switch access {
            case .create: db = try Database(path: path, mode: .readWriteCreate, writeAheadLog: false)
            case .existing: db = try Database(path: path, mode: .readWrite, writeAheadLog: false)
            case .readOnly, .inspect: db = try Database(path: path, mode: .readOnly)
            }
        } catch let error as DatabaseError {
            throw TrackerError(.file, Self.explainOpening(path, error))
        }
        do {
            do {
                try db.retryingWhileBusy { try checkOwnership() }
            } catch let error as DatabaseError
                where error.extendedResultCode == DatabaseError.readOnlyDirectory && (access == .readOnly || access == .inspect)
            {
                // Reads must work in a folder this user cannot write: read the file as it stands.
                db = try Database(path: path, mode: .readOnly, immutable: true)
                try checkOwnership()
            }
            if access == .create || access == .existing { try db.enableWriteAheadLog() }
            let migrator = try Self.migrator()
            if access == .existing || access == .readOnly, try !migrator.isUpToDate(db) {
                // Say why: a newer or tampered history is refused outright; otherwise migrate.
                _ = try migrator.status(of: db)
                throw TrackerError("database \(path) needs migrating; run `plantrack migrate`")
            }
            if access == .existing { try migrator.checkSchemaSealed(db, validatingChecksums: false) }
        } catch let error as DatabaseError where error.resultCode == DatabaseError.notADatabase {
            throw TrackerError("\(self.path) is not a plantrack database (\(error.message))")
        }
    }

    /// Why a database could not be opened, with what to do about it.
    static func explainOpening(_ path: String, _ error: DatabaseError) -> String {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var status = stat()
        if error.resultCode == DatabaseError.cannotOpen, !folder.isEmpty, stat(folder, &status) != 0 {
            return "cannot open database \(path): the folder \(folder) does not exist; create it first"
        }
        if error.resultCode == DatabaseError.cannotOpen, access(folder.isEmpty ? "/" : folder, W_OK) != 0 {
            return "cannot open database \(path): the folder \(folder) is not writable by this user; a new database cannot be made there"
        }
        return "cannot open database \(path): \(error.message)"
    }

    /// Refuses an SQLite file that holds tables but no plantrack migration history.
    private func checkOwnership() throws {
        let objects = try db.scalarInt("SELECT count(*) FROM sqlite_master") ?? 0
        let migrations = try db.scalarInt(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") ?? 0
        if objects > 0, migrations == 0 {
            throw TrackerError("\(path) is an SQLite database of another program (it has no plantrack schema_migrations table); it was left as it is")
        }
    }

    /// Checks the file before opening it; false when it does not exist and `access` is `.inspect`.
    private static func checkFile(_ path: String, access: Access) throws -> Bool {
        var status = stat()
        var exists = stat(path, &status) == 0
        if !exists, lstat(path, &status) == 0 {
            // A symbolic link to nothing, or a file another process created since the stat above.
            guard (status.st_mode & S_IFMT) != S_IFLNK else {
                throw TrackerError("\(path) is a symbolic link to a missing file; plantrack does not follow it")
            }
            exists = stat(path, &status) == 0
        }
        guard exists else {
            if access == .inspect { return false }
            guard access == .create else {
                throw TrackerError("no database at \(path); create one with `plantrack init` (or pass --db PATH)")
            }
            // Created here, exclusively, so a failed command knows the file is its own to remove.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 {
                close(descriptor)
                CreatedFiles.shared.add(path)
            }
            return true
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw TrackerError(.file, "cannot open database \(path): unable to open database file (it is a directory)")
        }
        if status.st_size == 0, access != .create, access != .inspect, (status.st_mode & S_IFMT) == S_IFREG {
            throw TrackerError("\(path) is an empty file, not a plantrack database; `plantrack init --db \(path)` makes it one")
        }
        return true
    }

    /// Removes the database files this process created, for a command that failed: a failed
    /// command leaves no new file behind. A file another process has opened meanwhile is kept.
    public static func discardCreatedFiles() {
        for path in CreatedFiles.shared.takeAll() where LockHolders.processes(holding: path).isEmpty {
            for file in [path, path + "-wal", path + "-shm", path + "-journal"] { unlink(file) }
        }
    }
}

/// The database files created by this process (one command, one database, in practice).
final class CreatedFiles: @unchecked Sendable {
    static let shared = CreatedFiles()
    private var paths: [String] = []
    private var lock = pthread_mutex_t()

    init() { pthread_mutex_init(&lock, nil) }

    func add(_ path: String) {
        pthread_mutex_lock(&lock)
        paths.append(path)
        pthread_mutex_unlock(&lock)
    }

    func takeAll() -> [String] {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        let taken = paths
        paths = []
        return taken
    }
}

extension TrackerDatabase {
    /// SQLite's `PRAGMA data_version`: changes whenever another connection (or process) commits,
    /// so a reader can tell whether what it computed before is still current.
    public func dataVersion() throws -> Int { try db.scalarInt("PRAGMA data_version") ?? 0 }

    /// Copies the database to the new file `file` as one consistent snapshot, checked, flushed
    /// and only then given its name (see `Database.backup(toNewFile:)`).
    public func backup(to file: String) throws {
        var status = stat()
        if lstat(file, &status) == 0 { throw TrackerError(StorageError.targetExists(path: file).description) }
        try OutputFile.checkSafe(file, database: path)
        do {
            try db.backup(toNewFile: file)
        } catch let error as StorageError {
            throw TrackerError(error.description)
        }
    }
}
