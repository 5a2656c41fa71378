import Glibc

/// What a command may write over. No command writes over a database — the one it is using or
/// any other SQLite file — nor over a database's `-wal`, `-shm` or `-journal`, whatever name
/// or symbolic link leads there: files are compared by what they are (their first bytes, and
/// device and inode), not by their path strings.
public enum OutputFile {
    public static func checkSafe(_ path: String, database: String? = nil) throws {
        var target = stat()
        if stat(path, &target) == 0 {
            if let database {
                for file in [database, database + "-wal", database + "-shm", database + "-journal"] {
                    var status = stat()
                    if stat(file, &status) == 0, status.st_dev == target.st_dev, status.st_ino == target.st_ino {
                        throw TrackerError("\(path) is the database \(database)\(file == database ? "" : " (its \(file.dropFirst(database.count)) file)"); refusing to write over it")
                    }
                }
            }
            if isSQLiteFile(path) { throw TrackerError("\(path) is an SQLite database; refusing to write over it") }
            if isWriteAheadLog(path) { throw TrackerError("\(path) is an SQLite write-ahead log; refusing to write over it") }
        }
        // A companion file of a database, existing or not: writing it would corrupt that database.
        for suffix in ["-wal", "-shm", "-journal"] where path.hasSuffix(suffix) {
            let owner = String(path.dropLast(suffix.count))
            if isSQLiteFile(owner) || sameFile(owner, database) {
                throw TrackerError("\(path) belongs to the database \(owner); refusing to write over it")
            }
        }
    }

    private static func sameFile(_ first: String, _ second: String?) -> Bool {
        guard let second else { return false }
        var a = stat(), b = stat()
        return stat(first, &a) == 0 && stat(second, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// True when the file starts with SQLite's header string.
    static func isSQLiteFile(_ path: String) -> Bool {
        firstBytes(path, 16) == Array("SQLite format 3\0".utf8)
    }

    private static func isWriteAheadLog(_ path: String) -> Bool {
        let magic = firstBytes(path, 4)
        return magic == [0x37, 0x7f, 0x06, 0x82] || magic == [0x37, 0x7f, 0x06, 0x83]
    }

    private static func firstBytes(_ path: String, _ count: Int) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        let read = Glibc.read(descriptor, &bytes, count)
        return read == count ? bytes : []
    }
}
