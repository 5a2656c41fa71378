import Glibc
import Tracker
import WebApp

// plantrack-server: started by `plantrack serve`, which passes its options through.
func fail(_ message: String) -> Never {
    let line = "plantrack serve: \(message)\n"
    _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    exit(1)
}

do {
    let options = try ServerOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    try await WebApp.run(options)
} catch let error as TrackerError {
    fail(error.message)
} catch {
    fail("\(error)")
}
