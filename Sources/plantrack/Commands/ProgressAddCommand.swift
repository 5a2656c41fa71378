import ArgumentParser
import Tracker

struct ProgressAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "progress add",
        commandName: "add", abstract: "Record a progress update against action N; prints the new id.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions

    @Argument(help: "The action's number, or its label as printed in the plan (二（一）3).", transform: Parse.actionReference)
    var action: Checked<ActionReference>

    @Argument(help: "What happened.", transform: Parse.note)
    var note: Checked<String>

    @OptionGroup var fields: ProgressFieldOptions

    @Flag(name: ProgressAddCommand.declared(.allowDuplicate), help: "Record it even if it repeats exactly (action, date, status, note, author) an update recorded in the last 10 minutes.")
    var allowDuplicate = false

    var invocation: ProgressAddInvocation {
        ProgressAddInvocation(
            databasePath: global.databasePath, plan: planOptions.plan, action: action, note: note, fields: fields.fields,
            allowDuplicate: allowDuplicate)
    }

    mutating func validate() throws { _ = try invocation.request() }

    func run() throws { try invocation.run() }
}

/// One `progress add` as parsed, by ArgumentParser or by `FastPath`: both build this value, and
/// it makes the one request both run.
struct ProgressAddInvocation: Equatable {
    var databasePath: String
    var plan: String?
    var action: Checked<ActionReference>
    var note: Checked<String>
    var fields: ProgressFields
    var allowDuplicate = false

    func request() throws -> AddProgressRequest {
        let values = try fields.values()
        return AddProgressRequest(
            plan: plan, action: try action.get(.action), note: try note.get(.note), status: values.status ?? .inProgress,
            reportedOn: values.date, percent: values.percent, evidenceURL: values.evidence, author: values.author,
            commitment: fields.commitment, allowDuplicate: allowDuplicate)
    }

    /// Records the update and prints its id.
    func run() throws {
        let request = try request()
        let id = try TrackerDatabase(path: databasePath, access: .existing).addProgress(request)
        Console.line(String(id))
    }
}

extension ProgressAddCommand: FastCommand {
    static let shape = CommandShape(
        path: ["progress", "add"], tables: [GlobalOptions.self, PlanOptions.self, ProgressFieldOptions.self, Self.self],
        positionals: 2...2)

    /// The invocation this command's `invocation` would be, validated as `validate()` does.
    static func invocation(_ arguments: RecognisedArguments) throws -> any FastInvocation {
        let invocation = ProgressAddInvocation(
            databasePath: GlobalOptions.databasePath(flag: arguments[.db]), plan: arguments[.plan],
            action: Parse.actionReference(arguments.positionals[0]), note: Parse.note(arguments.positionals[1]),
            fields: ProgressFields(raw: arguments), allowDuplicate: arguments.isSet(.allowDuplicate))
        try GlobalOptions.validate(db: arguments[.db])
        _ = try invocation.request()
        return invocation
    }
}

extension ProgressAddCommand: OptionTable {
    static let options: [CommandOption] = [.allowDuplicate]
}

extension ProgressAddInvocation: FastInvocation {}
