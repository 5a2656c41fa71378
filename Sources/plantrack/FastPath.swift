/// `progress add`, recognised by hand before ArgumentParser is touched.
///
/// It is the command scripts run once per update, so start-up is nearly all of its time, and
/// ArgumentParser's parse is most of start-up: it reflects over the command tree, and each of its
/// dynamic casts scans the binary's ~3,900 protocol conformance records (callgrind: 64 % of the
/// instructions of a `progress add`; see docs/PERFORMANCE.md).
///
/// Only plain invocations are taken. `--help`, `--`, an unknown, misplaced or repeated option, a
/// missing or empty value, anything else that starts with a dash, the wrong number of arguments,
/// or a value that fails validation: all return nil, and ArgumentParser parses the same arguments.
/// So its usage messages and exit codes stay the only ones, and this path changes nothing but speed.
/// The option names come from `ProgressOption`, the table ArgumentParser's declarations use, and
/// the values go through the same parsers (`ProgressFields(raw:)`).
enum FastPath {
    /// The invocation, when `arguments` (without the program name) are a plain `progress add`.
    static func progressAdd(_ arguments: ArraySlice<String>) -> ProgressAddInvocation? {
        var options = ProgressOptionValues()
        var positionals: [String] = []
        var sawCommand = false
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let token = arguments[index]
            index += 1
            if token.hasPrefix("-") {
                // `--name value` or `--name=value`; before the command only the global --db.
                let parts = token.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts[0].hasPrefix("--"), let option = ProgressOption(rawValue: String(parts[0].dropFirst(2))),
                    sawCommand || option == .db, options[option] == nil
                else { return nil }
                let value: String
                if parts.count == 2 {
                    value = String(parts[1])
                } else {
                    guard index < arguments.endIndex else { return nil }
                    value = arguments[index]
                    index += 1
                }
                guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
                options[option] = value
            } else if !sawCommand {
                guard token == "progress", index < arguments.endIndex, arguments[index] == "add" else { return nil }
                index += 1
                sawCommand = true
            } else {
                positionals.append(token)
            }
        }
        guard sawCommand, positionals.count == 2 else { return nil }
        let invocation = ProgressAddInvocation(
            databasePath: GlobalOptions.databasePath(flag: options[.db]), plan: options[.plan],
            action: Parse.actionNumber(positionals[0]), note: Parse.note(positionals[1]), fields: ProgressFields(raw: options))
        do { _ = try invocation.request() } catch { return nil }
        return invocation
    }
}
