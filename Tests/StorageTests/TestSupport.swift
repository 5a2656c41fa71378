import Glibc

/// A fresh path under the system's temporary directory.
func temporaryPath(_ name: String) -> String {
    var template = Array("/tmp/plantrack-storage-\(name)-XXXXXX".utf8CString)
    let descriptor = mkstemp(&template)
    close(descriptor)
    let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    unlink(path)
    return path + ".db"
}

/// Removes a database and its WAL companions.
func removeDatabase(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
}
