import ArgumentParser
import Tracker

/// The fields of an update shared by `progress add` and `progress correct`, each parsed once.
struct ProgressFieldOptions: ParsableArguments, OptionTable {
    static let options: [CommandOption] = [.status, .date, .percent, .evidence, .author, .commitment]

    @Option(name: ProgressFieldOptions.declared(.status), help: ArgumentHelp("not-started, in-progress, at-risk, blocked or completed.", valueName: "status"), completion: Completions.statuses, transform: Parse.status)
    var status: Checked<Status>?

    @Option(name: ProgressFieldOptions.declared(.date), help: ArgumentHelp("The date reported on, YYYY-MM-DD (add: default today).", valueName: "date"), transform: Parse.date)
    var date: Checked<ISODate>?

    // Unconditional so that `--percent -1` reaches validation instead of reading as an option.
    @Option(name: ProgressFieldOptions.declared(.percent), parsing: .unconditional, help: ArgumentHelp("Percent complete, 0 to 100.", valueName: "percent"), transform: Parse.percent)
    var percent: Checked<Double>?

    @Option(name: ProgressFieldOptions.declared(.evidence), help: ArgumentHelp("An http(s) URL of the evidence.", valueName: "url"), transform: Parse.evidenceURL)
    var evidence: Checked<String>?

    @Option(name: ProgressFieldOptions.declared(.author), help: ArgumentHelp("Who reports it (add: default $USER).", valueName: "name"), transform: Parse.author)
    var author: Checked<String>?

    @Option(name: ProgressFieldOptions.declared(.commitment), help: ArgumentHelp("The commitment it reports on, by slug.", valueName: "slug"), completion: Completions.commitments)
    var commitment: String?

    var fields: ProgressFields {
        ProgressFields(status: status, date: date, percent: percent, evidence: evidence, author: author, commitment: commitment)
    }

    mutating func validate() throws { _ = try fields.values() }
}

/// The fields of an update as parsed, by ArgumentParser or by the fast path.
struct ProgressFields: Equatable {
    var status: Checked<Status>?
    var date: Checked<ISODate>?
    var percent: Checked<Double>?
    var evidence: Checked<String>?
    var author: Checked<String>?
    var commitment: String?

    /// Reads the raw text of each option through the same parsers the declarations use.
    init(raw: RecognisedArguments) {
        status = raw[.status].map(Parse.status)
        date = raw[.date].map(Parse.date)
        percent = raw[.percent].map(Parse.percent)
        evidence = raw[.evidence].map(Parse.evidenceURL)
        author = raw[.author].map(Parse.author)
        commitment = raw[.commitment]
    }

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
