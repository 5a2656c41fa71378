import ArgumentParser
import Tracker

struct TrainingAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "training add",
        commandName: "add",
        abstract: "Record a held training or workshop session; prints its id.",
        discussion: "It counts toward --milestone (default: the plan's only milestone, training-2025) and adds a progress update to that milestone's action.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions

    @Option(help: "The session's title.", transform: Parse.title) var title: Checked<String>
    @Option(help: ArgumentHelp("First day, YYYY-MM-DD.", valueName: "date"), transform: Parse.date) var start: Checked<ISODate>
    @Option(help: ArgumentHelp("Last day, YYYY-MM-DD (default: the first).", valueName: "date"), transform: Parse.date) var end: Checked<ISODate>?
    @Option(help: "Where it was held.", transform: Parse.location) var location: Checked<String>
    @Option(help: "Who hosted it.", transform: Parse.host) var host: Checked<String>?
    @Option(parsing: .unconditional, help: ArgumentHelp("How many took part.", valueName: "n"), transform: Parse.participants) var participants: Checked<Int>?
    @Option(parsing: .unconditional, help: ArgumentHelp("How many countries they came from.", valueName: "n"), transform: Parse.countries) var countries: Checked<Int>?
    @Option(help: ArgumentHelp("An http(s) URL of the evidence.", valueName: "url"), transform: Parse.evidenceURL) var evidence: Checked<String>?
    @Option(help: ArgumentHelp("The milestone it counts toward, by slug.", valueName: "slug")) var milestone: String?
    @Flag(help: "Held, but counts toward no milestone (e.g. the 2024 baseline workshop).") var baseline = false
    @Flag(help: "Record it even if a session in force has the same milestone, start and title.") var allowDuplicate = false
    @Option(help: ArgumentHelp("Author of the progress update it adds (default: $USER).", valueName: "name"), transform: Parse.author) var author: Checked<String>?

    func request() throws -> AddTrainingRequest {
        if baseline, milestone != nil { throw CommandLineError(message: "--baseline: a baseline session counts toward no milestone; drop --milestone") }
        return AddTrainingRequest(
            plan: planOptions.plan,
            session: TrainingSession(
                title: try title.get(.title), startedOn: try start.get(.startedOn), endedOn: try end.get(.endedOn),
                location: try location.get(.location), host: try host.get(.host),
                participants: try participants.get(.participants), countries: try countries.get(.countries),
                evidenceURL: try evidence.get(.evidenceURL), milestoneSlug: milestone, isBaseline: baseline),
            author: try author.get(.author), allowDuplicate: allowDuplicate)
    }

    mutating func validate() throws { _ = try request() }

    func run() throws {
        Console.line(String(try global.open(.existing).addTraining(request())))
    }
}
