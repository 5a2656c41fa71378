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
enum FastPath {
    /// The request, when `arguments` (without the program name) are a plain `progress add`.
    static func progressAdd(_ arguments: ArraySlice<String>) -> ProgressAddRequest? {
        var options = ProgressAddOptions()
        var positionals: [String] = []
        var sawCommand = false
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let token = arguments[index]
            index += 1
            if token.hasPrefix("-") {
                // `--name value` or `--name=value`; before the command only the global --db.
                let parts = token.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard sawCommand || parts[0] == "--db" else { return nil }
                let value: String
                if parts.count == 2 {
                    value = String(parts[1])
                } else {
                    guard index < arguments.endIndex else { return nil }
                    value = arguments[index]
                    index += 1
                }
                guard !value.isEmpty, !value.hasPrefix("-"), options.set(parts[0], to: value) else { return nil }
            } else if !sawCommand {
                guard token == "progress", index < arguments.endIndex, arguments[index] == "add" else { return nil }
                index += 1
                sawCommand = true
            } else {
                positionals.append(token)
            }
        }
        guard sawCommand, positionals.count == 2 else { return nil }
        let request = ProgressAddRequest(
            databasePath: GlobalOptions.databasePath(flag: options.db), plan: options.plan,
            action: positionals[0], note: positionals[1], fields: options.fields)
        do { try request.validate() } catch { return nil }
        return request
    }
}

/// The options `progress add` takes, all with a value: GlobalOptions, PlanOptions and
/// ProgressFieldOptions. Plain stored properties and a switch, not a Set or Dictionary of names:
/// instantiating those generic types at start-up costs conformance lookups, the very thing this
/// path avoids. Tests hold the names to ArgumentParser's.
private struct ProgressAddOptions {
    var db: String?
    var plan: String?
    var fields = ProgressFields()

    /// Stores `value` under the option `name`; false for an unknown or repeated option.
    mutating func set(_ name: Substring, to value: String) -> Bool {
        switch name {
        case "--db": Self.fill(&db, value)
        case "--plan": Self.fill(&plan, value)
        case "--status": Self.fill(&fields.status, value)
        case "--date": Self.fill(&fields.date, value)
        case "--percent": Self.fill(&fields.percent, value)
        case "--evidence": Self.fill(&fields.evidence, value)
        case "--author": Self.fill(&fields.author, value)
        case "--commitment": Self.fill(&fields.commitment, value)
        default: false
        }
    }

    private static func fill(_ slot: inout String?, _ value: String) -> Bool {
        guard slot == nil else { return false }
        slot = value
        return true
    }
}
