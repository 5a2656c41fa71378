import Foundation

/// The external programs a reader runs (poppler's pdftotext and pdfinfo), found on PATH.
enum Tools {
    static func find(_ name: String, environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    struct Result {
        var status: Int32
        var output: [UInt8]
        var errors: [UInt8]
    }

    /// Runs `program` and collects its output, stopping it when the output passes `limit` bytes.
    static func run(_ program: String, _ arguments: [String], limit: Int) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        // Errors go to a file, so a chatty program cannot block on a full pipe while we read its output.
        let errorPath = try temporaryFile([], fileName: program)
        defer { unlink(errorPath) }
        guard let errorHandle = FileHandle(forWritingAtPath: errorPath) else { throw ConversionError(program, "cannot write a temporary file") }
        process.standardOutput = output
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var bytes: [UInt8] = []
        var tooLarge = false
        while true {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            bytes.append(contentsOf: chunk)
            if bytes.count > limit {
                tooLarge = true
                process.terminate()
                break
            }
        }
        process.waitUntilExit()
        try? errorHandle.close()
        if tooLarge { throw ConversionError(program, "output larger than \(limit >> 20) MB; nothing imported") }
        let errors = FileManager.default.contents(atPath: errorPath).map { [UInt8]($0.prefix(4096)) } ?? []
        return Result(status: process.terminationStatus, output: bytes, errors: errors)
    }

    /// A private temporary file holding `bytes`; the caller unlinks it.
    static func temporaryFile(_ bytes: [UInt8], fileName: String) throws -> String {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/plantrack-convert-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw ConversionError(fileName, "cannot create a temporary file in \(directory)") }
        defer { close(descriptor) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                unlink(path)
                throw ConversionError(fileName, "cannot write a temporary file in \(directory)")
            }
            written += count
        }
        return path
    }
}
