import Glibc
import Tracker

/// The programs installed beside `plantrack` that the command line hands over to, so it never
/// links (nor loads) their libraries: `plantrack-server` (the web stack) and `plantrack-checkpoint`
/// (swift-crypto, which brings Foundation).
enum Companion {
    /// Replaces this process with `name` from the directory of the running executable.
    static func exec(_ name: String, _ arguments: [String]) throws -> Never {
        let program = path(of: name)
        var argv: [UnsafeMutablePointer<CChar>?] = ([name] + arguments).map { strdup($0) } + [nil]
        execv(program, &argv)
        throw CommandLineError(message: "cannot start \(program): \(String(cString: strerror(errno))); `make install` puts \(name) beside plantrack")
    }

    /// `name` in the directory of the running executable (/proc/self/exe).
    static func path(of name: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return name }
        let path = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return name }
        return String(path[...slash]) + name
    }
}
