import Glibc
import Presentation
import Tracker

/// Excel output. The workbook is typed here (Workbook) and written by `plantrack-xlsx`, installed
/// beside this executable like `plantrack-server`: libxlsxwriter and the libcrypto it links are
/// then loaded only by the commands that write a workbook, never at every start.
enum WorkbookOutput {
    /// `--format xlsx` writes to stdout, which must not be a terminal: a workbook is binary.
    static func writeToStandardOutput(_ workbook: Workbook) throws {
        guard !Console.isTerminal else {
            throw TrackerError("--format xlsx writes a binary workbook: redirect it to a file (… --format xlsx > list.xlsx), or use plantrack export --xlsx FILE")
        }
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let temporary = try makeTemporary(prefix: directory + "/plantrack-")
        defer { unlink(temporary) }
        try runWriter(workbook, path: temporary)
        let bytes = try readFile(temporary)
        Console.write(bytes)
    }

    /// Writes the workbook to `path` whole or not at all: a temporary file beside it, renamed over it.
    static func write(_ workbook: Workbook, to path: String, database: String?) throws {
        let slash = path.lastIndex(of: "/")
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw TrackerError("\(path): not a file name") }
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { throw TrackerError("\(path) is a directory") }
        try OutputFile.checkSafe(path, database: database)
        let directory = slash.map { String(path[...$0]) } ?? ""
        let temporary = try makeTemporary(prefix: "\(directory).\(name).")
        do {
            try runWriter(workbook, path: temporary)
            // mkstemp makes the file 0600; a workbook is shared like any file the user writes.
            let mask = umask(0)
            umask(mask)
            chmod(temporary, 0o666 & ~mask)
            guard rename(temporary, path) == 0 else { throw TrackerError("\(path): \(String(cString: strerror(errno)))") }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static func makeTemporary(prefix: String) throws -> String {
        var template = Array((prefix + "XXXXXX.xlsx").utf8CString)
        let descriptor = mkstemps(&template, 5)
        guard descriptor >= 0 else { throw TrackerError("\(prefix)…: cannot create a temporary file: \(String(cString: strerror(errno)))") }
        close(descriptor)
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Starts `plantrack-xlsx PATH`, feeds it the encoded workbook on stdin and waits; its stderr
    /// (one line on failure) becomes this command's error.
    private static func runWriter(_ workbook: Workbook, path: String) throws {
        let writer = Companion.path(of: "plantrack-xlsx")
        var input: [Int32] = [0, 0], errors: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&errors) == 0 else {
            throw TrackerError("cannot start \(writer): \(String(cString: strerror(errno)))")
        }
        // Only the child's copies (dup2'd to 0 and 2) stay open in it.
        for descriptor in input + errors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errors[1], STDERR_FILENO)
        let arguments = ["plantrack-xlsx", path]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, writer, &actions, nil, &argv, environ)
        close(input[0])
        close(errors[1])
        guard spawned == 0 else {
            close(input[1])
            close(errors[0])
            throw TrackerError("cannot start \(writer): \(String(cString: strerror(spawned))); `make install` puts plantrack-xlsx beside plantrack")
        }
        // The writer reads everything before it writes a byte of stderr, so feeding it first cannot deadlock.
        let previous = signal(SIGPIPE, SIG_IGN)
        let fed = writeAll(workbook.encoded(), to: input[1])
        close(input[1])
        signal(SIGPIPE, previous)
        var message: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(errors[0], &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            message += buffer[0..<count]
        }
        close(errors[0])
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0, errno == EINTR {}
        let exitedCleanly = (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0
        guard exitedCleanly, fed else {
            let text = String(decoding: message, as: UTF8.self).split(separator: "\n").first.map(String.init)
            throw TrackerError("xlsx: " + (text ?? "plantrack-xlsx failed (status \(status))"))
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { if errno == EINTR { continue } else { return false } }
                offset += count
            }
            return true
        }
    }
}

extension Console {
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }
}
