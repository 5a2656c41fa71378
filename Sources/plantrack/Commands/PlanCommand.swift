import ArgumentParser
import Tracker

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "plan",
        commandName: "plan", abstract: "Plans in the database.",
        subcommands: [PlanListCommand.self, PlanShowCommand.self])
}

struct PlanListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "plan list", commandName: "list", abstract: "List the plans.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        Console.print(try global.open(.readOnly).plans(), as: output.format)
    }
}

struct PlanShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "plan show", commandName: "show", abstract: "One plan: its source, visions and actions.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: ArgumentHelp("The plan (default: the bundled plan, or the only one).", valueName: "slug"), completion: Completions.plans)
    var slug: String?

    func run() throws {
        let detail = try global.open(.readOnly).planDetail(slug)
        Console.printSections([("Plan", detail.summary), ("Visions", detail.visions), ("Actions", detail.actions)], as: output.format)
    }
}
