import Glibc
import Importer

/// A plan document ready for the importer: text as given, or a saved web page, Word file or PDF
/// converted to outline text by `plantrack-convert`. The converter is a process of its own so that
/// this one never loads libxml2 (and the ICU it brings) or ZIPFoundation (and Foundation): the
/// command line's start-up stays what it was.
struct ConvertedDocument {
    var fileName: String
    /// The text the importer reads.
    var text: [UInt8]
    /// The file as given, whose SHA-256 the document keeps.
    var original: [UInt8]
    /// html, docx or pdf; nil for text and Markdown.
    var format: String?
    /// The page of each line of `text` (line n is `pages[n - 1]`); empty when not paged.
    var pages: [Int] = []
    /// What the converter left out: navigation, share boxes, running headers and the like.
    var dropped: [String] = []

    func page(ofLine line: Int) -> Int? {
        line >= 1 && line <= pages.count ? pages[line - 1] : nil
    }
}

enum DocumentConversion {
    /// The format a file is converted from, by its content first and its name second; nil for
    /// text and Markdown, which the importer reads as they are.
    static func format(fileName: String, bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "pdf" }
        let lowerName = fileName.lowercased()
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || lowerName.hasSuffix(".docx") { return "docx" }
        if lowerName.hasSuffix(".pdf") { return "pdf" }
        if lowerName.hasSuffix(".html") || lowerName.hasSuffix(".htm") || lowerName.hasSuffix(".xhtml") { return "html" }
        // Markup at the top of a file named otherwise (.txt, no extension): a saved page.
        var head = String(decoding: bytes.prefix(256), as: UTF8.self).lowercased()[...]
        while let first = head.first, first == " " || first == "\n" || first == "\r" || first == "\t" || first == "\u{FEFF}" {
            head = head.dropFirst()
        }
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") { return "html" }
        return nil
    }

    static func convert(_ document: PlanDocument) throws -> ConvertedDocument {
        guard let format = format(fileName: document.fileName, bytes: document.bytes) else {
            return ConvertedDocument(fileName: document.fileName, text: document.bytes, original: document.bytes)
        }
        let output = try runConverter(format: format, document: document)
        return try parse(output, format: format, document: document)
    }

    /// The converter's output (see `ConversionOutput` in DocumentFormats).
    static func parse(_ output: [UInt8], format: String, document: PlanDocument) throws -> ConvertedDocument {
        var converted = ConvertedDocument(fileName: document.fileName, text: [], original: document.bytes, format: format)
        var index = 0
        var sawHeader = false
        while index < output.count {
            let end = output[index...].firstIndex(of: 0x0A) ?? output.count
            let line = String(decoding: output[index..<end], as: UTF8.self)
            index = end + 1
            if !sawHeader {
                guard line == "plantrack-convert 1" else { break }
                sawHeader = true
            } else if line == "text" {
                converted.text = index < output.count ? Array(output[index...]) : []
                return converted
            } else if line.hasPrefix("pages ") {
                converted.pages = line.dropFirst(6).split(separator: " ").compactMap { Int($0) }
            } else if line.hasPrefix("dropped ") {
                converted.dropped.append(String(line.dropFirst(8)))
            }
        }
        throw TrackerError(.file, "\(document.fileName): the converter's output was not understood; nothing imported")
    }

    /// `PLANTRACK_CONVERT`, else `plantrack-convert` beside this executable, else on PATH.
    static func converterPath() -> String? {
        if let path = getenv("PLANTRACK_CONVERT").map({ String(cString: $0) }), !path.isEmpty { return path }
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 {
            let executable = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let slash = executable.lastIndex(of: "/") {
                let candidate = String(executable[..<slash]) + "/plantrack-convert"
                if access(candidate, X_OK) == 0 { return candidate }
            }
        }
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/plantrack-convert"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Runs `plantrack-convert FORMAT NAME` with the file on its standard input. It reads all of its
    /// input before it writes anything, so writing everything and then reading cannot deadlock.
    private static func runConverter(format: String, document: PlanDocument) throws -> [UInt8] {
        guard let converter = converterPath() else {
            throw TrackerError(
                .file, "\(document.fileName): reading .\(format) files needs plantrack-convert (installed beside plantrack); not found")
        }
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        var errors: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0, pipe(&errors) == 0 else {
            throw TrackerError(.file, "\(document.fileName): cannot start plantrack-convert (\(String(cString: strerror(errno))))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        for descriptor in input + output + errors { posix_spawn_file_actions_addclose(&actions, descriptor) }
        let arguments = [converter, format, document.fileName]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, converter, &actions, nil, &argv, environ)
        close(input[0])
        close(output[1])
        close(errors[1])
        guard spawned == 0 else {
            close(input[1])
            close(output[0])
            close(errors[0])
            throw TrackerError(.file, "\(document.fileName): cannot start \(converter) (\(String(cString: strerror(spawned))))")
        }
        // The converter may refuse a file before reading all of it; a closed pipe is not our error.
        let previous = signal(SIGPIPE, SIG_IGN)
        document.bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = write(input[1], buffer.baseAddress! + written, buffer.count - written)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                written += count
            }
        }
        close(input[1])
        signal(SIGPIPE, previous)
        let (stdout, stderr) = readBoth(output[0], errors[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        if exited && code == 0 { return stdout }
        let message = String(decoding: stderr, as: UTF8.self).split(separator: "\n").first.map(String.init)
        if exited, code == 1, let message, !message.isEmpty {
            throw TrackerError(.file, message)
        }
        let how = exited ? "exit status \(code)" : "signal \(status & 0x7F)"
        throw TrackerError(.file, "\(document.fileName): plantrack-convert failed (\(how)); nothing imported")
    }

    /// Both pipes to their end, whichever the converter writes first (a crash report on standard
    /// error must not block it while this side waits on standard output).
    private static func readBoth(_ first: Int32, _ second: Int32) -> ([UInt8], [UInt8]) {
        defer {
            close(first)
            close(second)
        }
        var results: [[UInt8]] = [[], []]
        var open = [true, true]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while open[0] || open[1] {
            var descriptors = [
                pollfd(fd: open[0] ? first : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: open[1] ? second : -1, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&descriptors, 2, -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in 0..<2 where open[index] && descriptors[index].revents != 0 {
                let count = read(descriptors[index].fd, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { open[index] = false } else { results[index].append(contentsOf: buffer[0..<count]) }
            }
        }
        return (results[0], results[1])
    }
}
