import ArgumentParser
import Tracker

struct TrainingWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "training withdraw",
        commandName: "withdraw",
        abstract: "Withdraw session ID from the counts from --date (default today) on; prints the withdrawal's id.",
        discussion: "Counts as of earlier dates are unchanged. Nothing is deleted.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The id of the session to withdraw.", transform: Parse.sessionID) var id: Checked<Int64>
    @Option(help: "Why it no longer counts.", transform: Parse.reason) var reason: Checked<String>
    @Option(help: ArgumentHelp("The date of the withdrawal, YYYY-MM-DD (default: today).", valueName: "date"), transform: Parse.date)
    var date: Checked<ISODate>?
    @Option(help: ArgumentHelp("Who withdraws it (default: $USER).", valueName: "name"), transform: Parse.author) var author: Checked<String>?

    func request() throws -> WithdrawTrainingRequest {
        WithdrawTrainingRequest(
            id: try id.get(.session), reason: try reason.get(.reason), withdrawnOn: try date.get(.reportedOn), author: try author.get(.author))
    }

    mutating func validate() throws { _ = try request() }

    func run() throws {
        Console.line(String(try global.open(.existing).withdrawTraining(request())))
    }
}
