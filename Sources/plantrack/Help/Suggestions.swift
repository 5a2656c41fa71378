import ArgumentParser

/// "did you mean" for a mistyped subcommand, which ArgumentParser reports only as "unexpected
/// arguments" (`plantrack acton list` → "2 unexpected arguments: 'acton', 'list'").
enum CommandSuggestion {
    /// The error for `arguments` (without the program name) when one of them stands where a
    /// subcommand must be and names none; nil when the command path is fine or an option comes first.
    static func unknownCommand(in arguments: [String], root: any ParsableCommand.Type = Plantrack.self) -> String? {
        var command = root
        var path = ["plantrack"]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--db" { index += 1; continue }
            if argument.hasPrefix("-") { return nil }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return nil }
            if argument == "help" { return nil }
            if let next = subcommands.first(where: { $0.configuration.commandName == argument }) {
                command = next
                path.append(argument)
                continue
            }
            let names = subcommands.compactMap { $0.configuration.commandName }
            let guess = closest(to: argument, among: names).map { "did you mean '\(($0.isEmpty ? path : path + [$0]).joined(separator: " "))'? " } ?? ""
            return "Unexpected argument '\(argument)': not a command of '\(path.joined(separator: " "))' (\(guess)commands: \(names.joined(separator: ", ")))"
        }
        return nil
    }

    /// The name within two edits (or starting with `word`), nearest first.
    static func closest(to word: String, among names: [String]) -> String? {
        let scored = names.map { ($0, distance(word, $0)) }.filter { $0.1 <= 2 || $0.0.hasPrefix(word) }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
