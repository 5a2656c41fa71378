import ArgumentParser
import Tracker

struct MilestoneAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "milestone add",
        commandName: "add",
        abstract: "Count a commitment in training sessions (`training add --milestone SLUG`); prints the milestone's slug.",
        discussion: "The milestone takes the commitment's target (a whole number) and due date.")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The commitment to count.", valueName: "slug")) var commitment: String
    @Option(help: ArgumentHelp("The milestone's slug (default: the commitment's).", valueName: "slug")) var slug: String?
    @Option(help: "Its title (default: the commitment's English title, else its text).") var title: String?

    func run() throws {
        let tracker = try global.open(.existing)
        Console.line(try tracker.addMilestone(AddMilestoneRequest(commitment: commitment, slug: slug, title: title)))
    }
}
