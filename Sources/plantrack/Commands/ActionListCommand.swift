import ArgumentParser
import Tracker

struct ActionListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "action list",
        commandName: "list", abstract: "Each action: number, title, current status, last update, update count.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let actions = try global.open(.readOnly).actionStatus(plan: planOptions.plan, asOf: asOf.date)
        Console.print(ResultTable(actions), as: output.format)
    }
}

extension ActionListCommand: FastCommand, FastInvocation {
    static let shape = CommandShape(path: ["action", "list"], options: CommandShape.listingOptions + [.plan, .asOf], positionals: 0...0)

    static func invocation(_ arguments: RecognisedArguments) throws -> any FastInvocation {
        var command = Self()
        command.global = try GlobalOptions(arguments)
        command.planOptions = PlanOptions(arguments)
        command.asOf = try AsOfOptions(arguments)
        command.output = try FormatOptions(arguments)
        return command
    }
}
