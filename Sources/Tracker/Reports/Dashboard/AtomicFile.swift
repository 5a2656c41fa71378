import Glibc

/// Writes a whole file so that readers see the old content or the new, never half of it:
/// a temporary file beside it, flushed to disk, then renamed over the target.
public enum AtomicFile {
    /// `database`, when given, is compared by device and inode too (a hard link to it, say).
    public static func write(_ text: String, to path: String, database: String? = nil) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw TrackerError("\(path): not a file name") }
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { throw TrackerError("\(path) is a directory") }
        try OutputFile.checkSafe(path, database: database)

        // Beside the target, so the rename stays on one file system and is atomic.
        var template = Array("\(directory).\(name).XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw failure(path) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        do {
            try writeAll(text, to: descriptor, path: path)
            // mkstemp creates the file 0600; the page is meant to be shared like any file the user writes.
            let mask = umask(0)
            umask(mask)
            fchmod(descriptor, 0o666 & ~mask)
            guard fsync(descriptor) == 0 else { throw failure(path) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
    }

    private static func writeAll(_ text: String, to descriptor: Int32, path: String) throws {
        var text = text
        try text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw failure(path)
                }
                offset += count
            }
        }
    }

    private static func failure(_ path: String) -> TrackerError {
        TrackerError("\(path): \(String(cString: strerror(errno)))")
    }
}
