import ArgumentParser
import Testing

@testable import plantrack

/// Every command has EXAMPLES that fit 80 columns and that ArgumentParser accepts as written;
/// mistyped subcommands get a suggestion.
@Suite struct HelpTests {
    /// Each command's path (without `plantrack`) and type, depth first.
    static func commands(_ type: any ParsableCommand.Type = Plantrack.self, path: [String] = []) -> [(String, any ParsableCommand.Type)] {
        [(path.joined(separator: " "), type)] + type.configuration.subcommands.flatMap { sub in
            commands(sub, path: path + [sub.configuration.commandName ?? ""])
        }
    }

    /// Shell words: double quotes group, a backslash escapes the next character; stops at `>`.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false, quoted = false, escaped = false
        for character in line {
            if escaped { current.append(character); escaped = false; continue }
            switch character {
            case "\\": escaped = true; inWord = true
            case "\"": quoted.toggle(); inWord = true
            case " " where !quoted:
                if inWord { words.append(current); current = ""; inWord = false }
            case ">" where !quoted: return words + (inWord ? [current] : [])
            default: current.append(character); inWord = true
            }
        }
        return words + (inWord ? [current] : [])
    }

    @Test func everyCommandHasExamples() {
        let paths = Self.commands().map(\.0)
        #expect(paths.count >= 29)
        for path in paths {
            #expect(!(Examples.byCommand[path] ?? []).isEmpty, "no examples for '\(path)'")
        }
        #expect(Set(Examples.byCommand.keys).subtracting(paths).isEmpty, "examples of no command: \(Set(Examples.byCommand.keys).subtracting(paths))")
    }

    @Test func examplesFitEightyColumnsAndParse() throws {
        for (path, examples) in Examples.byCommand {
            for example in examples {
                #expect(("  $ " + example).count <= 80, "too long for 80 columns: \(example)")
                let words = Self.words(example)
                guard words.first == "plantrack" else { continue }  // e.g. the datasette line
                #expect(words.dropFirst().prefix(path.split(separator: " ").count).joined(separator: " ") == path, "\(example) is not an example of '\(path)'")
                #expect(throws: Never.self, "\(example)") { _ = try Plantrack.parseAsRoot(Array(words.dropFirst())) }
            }
        }
    }

    @Test func helpShowsExamples() {
        let help = Plantrack.helpMessage(for: ProgressListCommand.self, columns: 80)
        #expect(help.contains("EXAMPLES:\n  $ plantrack progress list\n  $ plantrack progress list --action 6 --since 2025-01-01\n"))
    }

    @Test func suggestsTheNearestCommand() {
        #expect(CommandSuggestion.unknownCommand(in: ["acton", "list"])?.hasPrefix("Unexpected argument 'acton': not a command of 'plantrack' (did you mean 'plantrack action'?") == true)
        #expect(CommandSuggestion.unknownCommand(in: ["--db", "x.db", "progress", "lst"])?.hasPrefix("Unexpected argument 'lst': not a command of 'plantrack progress' (did you mean 'plantrack progress list'?") == true)
        #expect(CommandSuggestion.unknownCommand(in: ["milestnoe"])?.contains("did you mean 'plantrack milestone'?") == true)
        #expect(CommandSuggestion.unknownCommand(in: ["zzz"]) == "Unexpected argument 'zzz': not a command of 'plantrack' (commands: \(Plantrack.configuration.subcommands.compactMap { $0.configuration.commandName }.joined(separator: ", ")))")
        #expect(CommandSuggestion.unknownCommand(in: ["action", "list", "--as-of", "2025-01-01"]) == nil)
        #expect(CommandSuggestion.unknownCommand(in: ["progress", "add", "6", "note"]) == nil)
        #expect(CommandSuggestion.unknownCommand(in: ["--help"]) == nil)
        #expect(CommandSuggestion.unknownCommand(in: ["help", "progress"]) == nil)
        #expect(CommandSuggestion.distance("acton", "action") == 1)
        #expect(CommandSuggestion.distance("lsit", "list") == 1)
    }
}
