import ArgumentParser
import Tracker

struct TrainingWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw session ID from the counts from --date (default today) on; prints the withdrawal's id.",
        discussion: "Counts as of earlier dates are unchanged. Nothing is deleted.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The id of the session to withdraw.") var id: String
    @Option(help: "Why it no longer counts.") var reason: String
    @Option(help: ArgumentHelp("The date of the withdrawal, YYYY-MM-DD (default: today).", valueName: "date")) var date: String?
    @Option(help: ArgumentHelp("Who withdraws it (default: $USER).", valueName: "name")) var author: String?

    func validate() throws { _ = try request() }

    func request() throws -> WithdrawTrainingRequest {
        if reason.allSatisfy(\.isWhitespace) { throw TrackerError("--reason: the reason is empty") }
        return WithdrawTrainingRequest(
            id: try parseID(id, of: "a session"), reason: reason, withdrawnOn: try parseOption(date, "--date", FieldParser.date),
            author: author)
    }

    func run() throws {
        let request = try request()
        let tracker = try global.open(.existing)
        Console.line(String(try tracker.withdrawTraining(request)))
    }
}
