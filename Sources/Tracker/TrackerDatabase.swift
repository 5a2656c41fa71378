import Glibc
import Storage

/// The plantrack database: one SQLite connection, its schema, and the bundled documents.
public final class TrackerDatabase {
    /// Internal: front ends go through the use cases and queries, never the connection.
    let db: Database
    public let path: String

    public enum Access: Sendable {
        /// `init`, `migrate`, `import`: create the file and bring the schema up to date.
        case create
        /// Every other command: the database must exist and be fully migrated.
        case existing
        /// `sql`: a read-only connection.
        case readOnly
    }

    static func migrator() throws -> DatabaseMigrator {
        try DatabaseMigrator(migrations: EmbeddedResources.migrations.compactMap {
            Migration(fileName: $0.name, sql: $0.contents)
        })
    }

    public init(path: String, access: Access) throws {
        self.path = path
        if access != .create, path != ":memory:", access_path(path) == false {
            throw TrackerError("no database at \(path); create one with `plantrack init` (or pass --db PATH)")
        }
        var info = stat()
        if path != ":memory:", stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw TrackerError(.file, "cannot open database \(path): unable to open database file (it is a directory)")
        }
        do {
            switch access {
            case .create: db = try Database(path: path, mode: .readWriteCreate)
            case .existing: db = try Database(path: path, mode: .readWrite)
            case .readOnly: db = try Database(path: path, mode: .readOnly)
            }
        } catch let error as DatabaseError {
            throw TrackerError("cannot open database \(path): \(error.message)")
        }
        if access != .create {
            do {
                let migrator = try Self.migrator()
                if try !migrator.isUpToDate(db) {
                    // Say why: a newer or tampered history is refused outright; otherwise migrate.
                    _ = try migrator.status(of: db)
                    throw TrackerError("database \(path) needs migrating; run `plantrack migrate`")
                }
            } catch let error as DatabaseError where error.resultCode == DatabaseError.notADatabase {
                throw TrackerError("\(path) is not a plantrack database (\(error.message))")
            }
        }
    }
}

private func access_path(_ path: String) -> Bool { access(path, F_OK) == 0 }

extension TrackerDatabase {
    /// Copies the database to `file` as one consistent snapshot, then checks the copy.
    public func backup(to file: String) throws {
        try db.backup(to: file)
        let copy = try Database(path: file, mode: .readOnly)
        guard try copy.scalarString("PRAGMA integrity_check") == "ok" else {
            throw TrackerError("the copy at \(file) failed its integrity check")
        }
    }
}
