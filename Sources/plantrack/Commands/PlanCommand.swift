import ArgumentParser
import Tracker

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Plans in the database.",
        subcommands: [PlanListCommand.self, PlanShowCommand.self])
}

struct PlanListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the plans.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let tracker = try global.open(.readOnly)
        Console.print(try CatalogQueries(db: tracker.db).plans(), as: output.format)
    }
}

struct PlanShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One plan: its source, visions and actions.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: ArgumentHelp("The plan (default: the bundled plan, or the only one).", valueName: "slug"))
    var slug: String?

    func run() throws {
        let tracker = try global.open(.readOnly)
        let plan = try PlanScope.resolve(slug, in: tracker.db)
        let detail = try CatalogQueries(db: tracker.db).planDetail(plan)
        Console.printSections([("Plan", detail.summary), ("Visions", detail.visions), ("Actions", detail.actions)], as: output.format)
    }
}
