import ArgumentParser

/// Plain invocations of the commands scripts run most (`progress add` and the read commands),
/// recognised before ArgumentParser is touched.
///
/// Start-up is most of these commands' time, and ArgumentParser's parse is most of start-up: it
/// reflects over the command tree, and each of its first dynamic casts scans the binary's ~3,900
/// protocol conformance records (callgrind: about half the instructions of a `search`; see
/// docs/PERFORMANCE.md).
///
/// There is one recogniser, driven by each command's `CommandShape`: its path, the options it
/// declares (names from `CommandOption`, the table its ArgumentParser declarations read) and how
/// many positional arguments it takes. It only splits the arguments; the command's own
/// `invocation(_:)` then reads the values through the parsers its declarations use and runs the
/// checks its `validate()` methods run, into the value its ArgumentParser struct also builds and
/// runs (`ProgressAddInvocation`, `ReadInvocation`). Plain values, not ArgumentParser's structs:
/// instantiating the property wrappers' generic types costs conformance scans of its own (about
/// 1 M instructions for `progress add`). Only plain invocations are taken. `--help`, `--`, an unknown,
/// misplaced or repeated option, a missing or empty value, anything else that starts with a dash,
/// the wrong number of arguments, or a value that fails parsing or validation: all return nil, and
/// ArgumentParser parses the same arguments. So its usage messages and exit codes stay the only
/// ones, and this path changes nothing but speed.
enum FastPath {
    /// The commands taken, tried in order.
    static let commands: [any FastCommand.Type] = [
        ProgressAddCommand.self, ActionListCommand.self, MilestoneListCommand.self, CommitmentListCommand.self,
        ReportCommand.self, SearchCommand.self,
    ]

    /// The command, parsed and validated, when `arguments` (without the program name) are a plain
    /// invocation of one of `commands`.
    static func command(_ arguments: ArraySlice<String>) -> (any FastInvocation)? {
        for type in commands {
            guard let recognised = recognise(arguments, as: type.shape) else { continue }
            return try? type.invocation(recognised)
        }
        return nil
    }

    /// `arguments` split by `shape`, or nil when they are not plainly an invocation of it.
    static func recognise(_ arguments: ArraySlice<String>, as shape: CommandShape) -> RecognisedArguments? {
        var recognised = RecognisedArguments()
        var pathWords = 0
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let token = arguments[index]
            index += 1
            if token.hasPrefix("-") {
                // `--name value` or `--name=value`; before the command's path only the root's --db.
                let parts = token.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts[0].hasPrefix("--"), let option = CommandOption(rawValue: String(parts[0].dropFirst(2))),
                    pathWords == shape.path.count ? shape.options.contains(option) : pathWords == 0 && option == .db,
                    recognised.options[option] == nil
                else { return nil }
                if option.isFlag {
                    guard parts.count == 1 else { return nil }
                    recognised.options[option] = ""
                    continue
                }
                let value: String
                if parts.count == 2 {
                    value = String(parts[1])
                } else {
                    guard index < arguments.endIndex else { return nil }
                    value = arguments[index]
                    index += 1
                }
                guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
                recognised.options[option] = value
            } else if pathWords < shape.path.count {
                guard token == shape.path[pathWords] else { return nil }
                pathWords += 1
            } else {
                recognised.positionals.append(token)
            }
        }
        guard pathWords == shape.path.count, shape.positionals.contains(recognised.positionals.count) else { return nil }
        return recognised
    }
}

/// What the recogniser needs to know of a command: the words that name it, the options it
/// declares, how many positional arguments it takes.
struct CommandShape {
    let path: [String]
    let options: [CommandOption]
    let positionals: ClosedRange<Int>

    /// `tables`: the command's option groups, in the order of its `@OptionGroup`s, and the command
    /// itself when it declares options of its own. The options are theirs, not listed again here.
    init(path: [String], tables: [any OptionTable.Type], positionals: ClosedRange<Int>) {
        self.path = path
        self.options = tables.flatMap { $0.options }
        self.positionals = positionals
    }
}

/// Arguments as the recogniser split them: option values by name, positionals in order.
struct RecognisedArguments {
    var options = RawOptionValues()
    var positionals: [String] = []

    subscript(option: CommandOption) -> String? { options[option] }

    func isSet(_ flag: CommandOption) -> Bool { options[flag] != nil }
}

/// A command `FastPath` may take. `invocation(_:)` reads the arguments as ArgumentParser's
/// decoding would and runs the validations ArgumentParser runs, throwing what they refuse (the
/// fast path then leaves the arguments to ArgumentParser, which says why).
protocol FastCommand: ParsableCommand {
    static var shape: CommandShape { get }
    static func invocation(_ arguments: RecognisedArguments) throws -> any FastInvocation
}

/// A command as parsed, ready to run.
protocol FastInvocation {
    func run() throws
}

/// A value the recogniser passed that `ExpressibleByArgument` refuses: ArgumentParser will say so.
struct DeclinedValue: Error {}

extension ExpressibleByArgument {
    /// `text` read as ArgumentParser reads an option's value.
    static func parsed(_ text: String) throws -> Self {
        guard let value = Self(argument: text) else { throw DeclinedValue() }
        return value
    }
}
