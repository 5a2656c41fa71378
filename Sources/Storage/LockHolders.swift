import Glibc

/// Who holds locks on a database, from Linux's /proc/locks: for a message that says what a
/// writer waited for, and so that a file this process created is never removed under another.
public enum LockHolders {
    /// The processes of `processes(holding:)`, as "pid N (command line)". Empty where
    /// /proc/locks is unavailable.
    public static func describe(_ path: String) -> [String] {
        processes(holding: path).map { pid in
            let command = commandLine(of: pid)
            return command.isEmpty ? "pid \(pid)" : "pid \(pid) (\(command))"
        }
    }

    /// Other processes holding a POSIX lock on `path` or its `-wal`/`-shm`: the writer first —
    /// whoever holds SQLite's write lock (byte 120 of `-shm` in WAL mode, the reserved byte of
    /// the database file otherwise) — else every process that has the database open.
    public static func processes(holding path: String) -> [Int32] {
        var inodes: [UInt64: String] = [:]
        for suffix in ["", "-wal", "-shm"] {
            var status = stat()
            if stat(path + suffix, &status) == 0 { inodes[UInt64(status.st_ino)] = suffix }
        }
        guard !inodes.isEmpty, let text = readSmallFile("/proc/locks") else { return [] }
        var writers: [Int32] = []
        var all: [Int32] = []
        let me = getpid()
        for line in text.split(separator: "\n") {
            // "1: POSIX  ADVISORY  WRITE 1234 fd:01:5678 120 120"
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 8, let pid = Int32(fields[4]), pid > 0, pid != me,
                let inode = fields[5].split(separator: ":").last.flatMap({ UInt64($0) }), let suffix = inodes[inode]
            else { continue }
            if !all.contains(pid) { all.append(pid) }
            let start = UInt64(fields[6]) ?? 0
            let end = fields[7] == "EOF" ? UInt64.max : UInt64(fields[7]) ?? 0
            let writeByte: UInt64 = suffix == "-shm" ? 120 : (suffix == "" ? 0x4000_0001 : UInt64.max)
            if fields[3] == "WRITE", start <= writeByte, writeByte <= end, !writers.contains(pid) { writers.append(pid) }
        }
        return writers.isEmpty ? all : writers
    }

    private static func commandLine(of pid: Int32) -> String {
        guard let text = readSmallFile("/proc/\(pid)/cmdline") else { return "" }
        let words = text.split(separator: "\0").map(String.init)
        let shown = words.prefix(6).map { $0.count > 60 ? String($0.prefix(60)) + "…" : $0 }
        return shown.joined(separator: " ") + (words.count > 6 ? " …" : "")
    }

    private static func readSmallFile(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 1 << 20 {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
