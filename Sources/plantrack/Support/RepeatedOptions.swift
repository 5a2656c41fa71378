/// Refuses an option given twice: ArgumentParser would keep the last value silently, and
/// `--date 2025-01-02 --date 2025-01-03` is more likely a mistake than a correction.
/// Runs before any parser, so the fast path and ArgumentParser refuse alike.
enum RepeatedOptions {
    /// Options meant to be given several times.
    static let repeatable = ["--param"]

    struct Refusal: Error, CustomStringConvertible {
        let option: Substring
        var description: String { "\(option): given more than once; give it once" }
    }

    static func check(_ arguments: ArraySlice<String>) throws {
        var seen: [Substring] = []
        for argument in arguments {
            if argument == "--" { return }  // What follows is arguments, not options.
            guard argument.hasPrefix("--") else { continue }
            let name = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
            if seen.contains(name), !repeatable.contains(String(name)) { throw Refusal(option: name) }
            seen.append(name)
        }
    }
}
