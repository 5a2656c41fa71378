import Presentation
import Tracker

/// A read command as parsed, by ArgumentParser (from the command's properties) or by `FastPath`
/// (from the same arguments): the one value both run. Each command's own `run(_:)` does the work.
struct ReadInvocation: Equatable, FastInvocation {
    enum Command: Equatable {
        case actionList, milestoneList, commitmentList
        case report(name: String?, days: Checked<Int>?)
        case search(text: String)
    }

    var command: Command
    var databasePath: String
    var plan: String?
    var asOf: Checked<ISODate>?
    var output: OutputChoice

    init(_ command: Command, databasePath: String, plan: String?, asOf: Checked<ISODate>?, output: OutputChoice) {
        self.command = command
        self.databasePath = databasePath
        self.plan = plan
        self.asOf = asOf
        self.output = output
    }

    /// From the recogniser's split, validated as ArgumentParser validates the option groups
    /// (`GlobalOptions`, `AsOfOptions`, `FormatOptions`); the command's own rules are the caller's.
    init(_ command: Command, _ arguments: RecognisedArguments) throws {
        let output = FormatOptions.choice(
            format: try arguments[.format].map(OutputFormat.parsed) ?? .table, wide: arguments.isSet(.wide),
            columns: arguments[.columns], bom: arguments.isSet(.bom), raw: arguments.isSet(.raw))
        self.init(
            command, databasePath: GlobalOptions.databasePath(flag: arguments[.db]), plan: arguments[.plan],
            asOf: arguments[.asOf].map(Parse.date), output: output)
        try GlobalOptions.validate(db: arguments[.db])
        try AsOfOptions.validate(asOf)
        try output.validate()
    }

    /// The date given, else today; a bad one was refused when parsing.
    var date: ISODate { (try? asOf.get(.asOf)) ?? .today() }

    func open() throws -> TrackerDatabase { try TrackerDatabase(path: databasePath, access: .readOnly) }

    func run() throws {
        switch command {
        case .actionList: try ActionListCommand.run(self)
        case .milestoneList: try MilestoneListCommand.run(self)
        case .commitmentList: try CommitmentListCommand.run(self)
        case .report(let name, let days): try ReportCommand.run(self, name: name, days: days)
        case .search(let text): try SearchCommand.run(self, text: text)
        }
    }
}

extension ReadInvocation {
    /// As ArgumentParser parsed it: the shared option groups.
    init(_ command: Command, global: GlobalOptions, plan: String?, asOf: AsOfOptions?, output: FormatOptions) {
        self.init(command, databasePath: global.databasePath, plan: plan, asOf: asOf?.asOf, output: output.format)
    }
}

/// A listing that takes only the shared options: `--db`, `--plan`, `--as-of` and the format options.
protocol DatedListing: FastCommand {
    static var listing: ReadInvocation.Command { get }
}

extension DatedListing {
    static func invocation(_ arguments: RecognisedArguments) throws -> any FastInvocation {
        try ReadInvocation(listing, arguments)
    }
}

extension CommandShape {
    /// The shape of a listing declaring `GlobalOptions`, `PlanOptions`, `AsOfOptions` and `FormatOptions`.
    static func datedListing(_ path: [String]) -> CommandShape {
        CommandShape(path: path, tables: [GlobalOptions.self, PlanOptions.self, AsOfOptions.self, FormatOptions.self], positionals: 0...0)
    }
}
