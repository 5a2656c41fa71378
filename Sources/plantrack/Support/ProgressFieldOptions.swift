import ArgumentParser
import Tracker

/// The fields of an update shared by `progress add` and `progress correct`, each parsed once.
struct ProgressFieldOptions: ParsableArguments {
    @Option(name: CommandOption.status.name, help: ArgumentHelp("not-started, in-progress, at-risk, blocked or completed.", valueName: "status"), completion: Completions.statuses, transform: Parse.status)
    var status: Checked<Status>?

    @Option(name: CommandOption.date.name, help: ArgumentHelp("The date reported on, YYYY-MM-DD (add: default today).", valueName: "date"), transform: Parse.date)
    var date: Checked<ISODate>?

    // Unconditional so that `--percent -1` reaches validation instead of reading as an option.
    @Option(name: CommandOption.percent.name, parsing: .unconditional, help: ArgumentHelp("Percent complete, 0 to 100.", valueName: "percent"), transform: Parse.percent)
    var percent: Checked<Double>?

    @Option(name: CommandOption.evidence.name, help: ArgumentHelp("An http(s) URL of the evidence.", valueName: "url"), transform: Parse.evidenceURL)
    var evidence: Checked<String>?

    @Option(name: CommandOption.author.name, help: ArgumentHelp("Who reports it (add: default $USER).", valueName: "name"), transform: Parse.author)
    var author: Checked<String>?

    @Option(name: CommandOption.commitment.name, help: ArgumentHelp("The commitment it reports on, by slug.", valueName: "slug"), completion: Completions.commitments)
    var commitment: String?

    var fields: ProgressFields {
        ProgressFields(status: status, date: date, percent: percent, evidence: evidence, author: author, commitment: commitment)
    }

    mutating func validate() throws { _ = try fields.values() }
}

extension ProgressFieldOptions {
    /// As ArgumentParser fills it from the same arguments (see `FastCommand`).
    init(_ arguments: RecognisedArguments) throws {
        self.init()
        status = arguments[.status].map(Parse.status)
        date = arguments[.date].map(Parse.date)
        percent = arguments[.percent].map(Parse.percent)
        evidence = arguments[.evidence].map(Parse.evidenceURL)
        author = arguments[.author].map(Parse.author)
        commitment = arguments[.commitment]
        try validate()
    }
}

/// The fields of an update as parsed.
struct ProgressFields: Equatable {
    var status: Checked<Status>?
    var date: Checked<ISODate>?
    var percent: Checked<Double>?
    var evidence: Checked<String>?
    var author: Checked<String>?
    var commitment: String?

    init(
        status: Checked<Status>?, date: Checked<ISODate>?, percent: Checked<Double>?, evidence: Checked<String>?,
        author: Checked<String>?, commitment: String?
    ) {
        self.status = status
        self.date = date
        self.percent = percent
        self.evidence = evidence
        self.author = author
        self.commitment = commitment
    }

    struct Values {
        var status: Status?
        var date: ISODate?
        var percent: Double?
        var evidence: String?
        var author: String?
    }

    /// The values, or the first problem, named by its flag.
    func values() throws -> Values {
        Values(
            status: try status.get(.status), date: try date.get(.reportedOn), percent: try percent.get(.percent),
            evidence: try evidence.get(.evidenceURL), author: try author.get(.author))
    }
}
