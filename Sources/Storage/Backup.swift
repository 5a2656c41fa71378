import CSQLite
import Glibc

/// Errors Storage raises itself (SQLite's own are `DatabaseError`); matched by case, never by text.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The backup's target exists already (a file, a directory, or a symlink, dangling or not).
    case targetExists(path: String)
    /// The source stayed locked for the whole wait.
    case busyTimeout(seconds: Int)
    /// Another writer kept the write lock for the whole busy timeout; `holders` names it when known.
    case writeLockBusy(path: String, seconds: Int, holders: [String])
    /// A system call on `path` failed with `errno`.
    case system(path: String, call: String, errno: Int32)
    /// The copy did not pass `PRAGMA integrity_check`.
    case copyDamaged(path: String)

    public var description: String {
        switch self {
        case .targetExists(let path): "\(path) already exists; choose a new file name"
        case .busyTimeout(let seconds):
            "the database stayed locked by another writer for \(seconds) s; nothing was written, retrying is safe"
        case .writeLockBusy(let path, let seconds, let holders):
            "\(path) is locked by another writer"
                + (holders.isEmpty ? "" : " (\(holders.joined(separator: ", ")))")
                + ", which held it for the whole \(seconds) s wait; nothing was written, retrying is safe"
        case .system(let path, let call, let code): "\(path): \(call): \(String(cString: strerror(code)))"
        case .copyDamaged(let path): "the copy \(path) failed its integrity check; it was removed"
        }
    }
}

extension Database {
    /// Copies the whole database to the new file `destination` with SQLite's online backup API:
    /// one consistent snapshot, taken while other processes keep writing.
    ///
    /// The copy is built in a hidden temporary file beside the target, switched to a rollback
    /// journal (so opening it never leaves `-wal`/`-shm` files), checked, flushed to disk, and only
    /// then linked under its name — `link` refuses to replace anything, a dangling symlink
    /// included. A failure or a kill leaves no file that looks like a backup, and a retry works.
    public func backup(toNewFile destination: String, busyTimeoutSeconds: Int = 30) throws {
        var status = stat()
        if lstat(destination, &status) == 0 { throw StorageError.targetExists(path: destination) }
        let slash = destination.lastIndex(of: "/")
        let directory = slash.map { String(destination[...$0]) } ?? "./"
        let name = slash.map { String(destination[destination.index(after: $0)...]) } ?? destination
        var template = Array("\(directory).\(name).partial-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw StorageError.system(path: destination, call: "create", errno: errno) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // mkstemp makes the file 0600; a backup gets the mode of any file the user creates.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        close(descriptor)
        var linked = false
        defer {
            unlink(temporary)
            unlink(temporary + "-journal")
            if !linked {
                unlink(temporary + "-wal")
                unlink(temporary + "-shm")
            }
        }
        do {
            let copy = try Database(path: temporary, mode: .readWrite, writeAheadLog: false)
            try copy.copyFrom(self, busyTimeoutSeconds: busyTimeoutSeconds)
            // The copied header says WAL, like the source; a copy is a plain file.
            _ = try copy.scalarString("PRAGMA journal_mode = DELETE")
            guard try copy.scalarString("PRAGMA integrity_check") == "ok" else {
                throw StorageError.copyDamaged(path: destination)
            }
        }
        try syncFile(temporary)
        guard link(temporary, destination) == 0 else {
            if errno == EEXIST { throw StorageError.targetExists(path: destination) }
            throw StorageError.system(path: destination, call: "link", errno: errno)
        }
        linked = true
        try syncFile(directory)
    }

    private func copyFrom(_ source: Database, busyTimeoutSeconds: Int) throws {
        guard let backup = sqlite3_backup_init(handle, "main", source.handle, "main") else {
            throw DatabaseError(connection: handle, code: sqlite3_errcode(handle), sql: nil)
        }
        let deadline = MonotonicClock.now + Double(busyTimeoutSeconds)
        var code: Int32
        repeat {
            code = sqlite3_backup_step(backup, -1)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED {
                guard MonotonicClock.now < deadline else { break }
                sqlite3_sleep(20)
            }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        sqlite3_backup_finish(backup)
        if code == SQLITE_BUSY || code == SQLITE_LOCKED { throw StorageError.busyTimeout(seconds: busyTimeoutSeconds) }
        guard code == SQLITE_DONE else { throw DatabaseError(connection: handle, code: code, sql: nil) }
    }
}

/// Flushes a file (or a directory's entries) to disk.
func syncFile(_ path: String) throws {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw StorageError.system(path: path, call: "open", errno: errno) }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else { throw StorageError.system(path: path, call: "fsync", errno: errno) }
}
