import Tracker
import Glibc

/// Writes the published site's files, each only when its bytes differ from the file already
/// there: a re-publish leaves unchanged pages untouched (same inode, same mtime), so a mirror or
/// a static host re-uploads only what changed. A changed file is replaced whole (temporary file,
/// then rename), so a reader never sees half a page.
struct SiteWriter {
    let root: String
    /// The database being published: never written over, whatever path leads to it.
    let database: String?
    /// Paths relative to `root`, as written or found unchanged.
    private(set) var written: [String] = []
    private(set) var unchanged: [String] = []
    private var madeDirectories: Set<String> = []

    init(root: String, database: String?) throws {
        var root = root
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        self.root = root
        self.database = database
        try makeDirectory(root)
    }

    mutating func write(_ text: String, to relativePath: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: relativePath) }
    }

    mutating func write(bytes: [UInt8], to relativePath: String) throws {
        try bytes.withUnsafeBytes { try write($0, to: relativePath) }
    }

    /// Moves an already complete file (the open-data database) into place, unless its bytes are
    /// those of the file there; the source is removed either way.
    mutating func move(file source: String, to relativePath: String) throws {
        let bytes = try Self.contents(of: source) ?? []
        unlink(source)
        try write(bytes: bytes, to: relativePath)
    }

    private mutating func write(_ bytes: UnsafeRawBufferPointer, to relativePath: String) throws {
        let path = root + "/" + relativePath
        if let slash = relativePath.lastIndex(of: "/") {
            try makeDirectories(String(relativePath[..<slash]))
        }
        try checkSafe(path, relativePath: relativePath)
        if let existing = try Self.contents(of: path), existing.count == bytes.count,
           bytes.count == 0 || existing.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
            unchanged.append(relativePath)
            return
        }
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw Self.failure(path) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                let error = Self.failure(path)
                close(descriptor)
                unlink(temporary)
                throw error
            }
            offset += count
        }
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let error = Self.failure(path)
            unlink(temporary)
            throw error
        }
        written.append(relativePath)
    }

    /// No page replaces the database or its companions (the site may be published into the
    /// folder that holds it), nor any other SQLite file; only the open-data copy, which is ours,
    /// may be an SQLite file, and it too is refused when it is the database itself.
    func checkSafe(_ path: String, relativePath: String) throws {
        if relativePath != OpenData.databasePath { return try OutputFile.checkSafe(path, database: database) }
        var target = stat()
        guard stat(path, &target) == 0, let database else { return }
        for file in [database, database + "-wal", database + "-shm", database + "-journal"] {
            var status = stat()
            if stat(file, &status) == 0, status.st_dev == target.st_dev, status.st_ino == target.st_ino {
                throw TrackerError(.file, "\(path) is the database \(database); refusing to write over it (publish into another folder)")
            }
        }
    }

    private mutating func makeDirectories(_ relative: String) throws {
        guard !madeDirectories.contains(relative) else { return }
        var partial = ""
        for component in relative.split(separator: "/") {
            partial += (partial.isEmpty ? "" : "/") + component
            if madeDirectories.contains(partial) { continue }
            try makeDirectory(root + "/" + partial)
            madeDirectories.insert(partial)
        }
    }

    private func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o777) == 0 || errno == EEXIST {
            var status = stat()
            guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
                throw TrackerError(.file, "\(path) exists and is not a directory")
            }
            return
        }
        throw Self.failure(path)
    }

    /// The file's bytes, or nil when there is no such file.
    static func contents(of path: String) throws -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw failure(path)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(path) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw TrackerError(.file, "\(path) is not a regular file") }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 { if errno == EINTR { continue } else { throw failure(path) } }
            if count == 0 { break }
            offset += count
        }
        return Array(bytes.prefix(offset))
    }

    static func failure(_ path: String) -> TrackerError {
        TrackerError(.file, "\(path): \(String(cString: strerror(errno)))")
    }
}
