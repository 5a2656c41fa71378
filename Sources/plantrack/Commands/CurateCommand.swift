import ArgumentParser
import Tracker

struct CurateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curate", abstract: "The curation overlay: hand-kept fixes the import applies every time.",
        subcommands: [CurateExportCommand.self])
}

struct CurateExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print a plan's curation overlay (titles, English titles, vision links, kept exclusions) as JSON.",
        discussion: "Edit it and apply it with `plantrack import --curation FILE DOCUMENT`; later imports keep it.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The plan's slug.", valueName: "plan"))
    var plan: String

    func run() throws {
        Console.write(try global.open(.existing).exportCuration(planSlug: plan))
    }
}
