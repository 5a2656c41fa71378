import ArgumentParser
import Tracker

struct CommitmentShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "commitment show",
        commandName: "show", abstract: "One target: its progress as of a date, its text and source, and every measured value.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "The commitment's slug.", completion: Completions.commitments) var slug: String

    func run() throws {
        let tracker = try global.open(.existing)
        let detail = try tracker.commitmentDetail(slug, asOf: asOf.date)
        Console.printSections([("Commitment", detail.summary), ("Actuals", detail.actuals)], as: output.format)
    }
}
