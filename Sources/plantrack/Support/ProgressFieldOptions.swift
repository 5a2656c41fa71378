import ArgumentParser
import Tracker

/// The options of `progress add` and `progress correct`, by name: the one table that
/// ArgumentParser's declarations and the `progress add` fast path both read.
enum ProgressOption: String, CaseIterable {
    case db, plan, status, date, percent, evidence, author, commitment

    var flag: String { "--" + rawValue }
    var name: NameSpecification { .customLong(rawValue) }
}

/// The fields of an update shared by `progress add` and `progress correct`, each parsed once.
struct ProgressFieldOptions: ParsableArguments {
    @Option(name: ProgressOption.status.name, help: ArgumentHelp("not-started, in-progress, at-risk, blocked or completed.", valueName: "status"), completion: Completions.statuses, transform: Parse.status)
    var status: Checked<Status>?

    @Option(name: ProgressOption.date.name, help: ArgumentHelp("The date reported on, YYYY-MM-DD (add: default today).", valueName: "date"), transform: Parse.date)
    var date: Checked<ISODate>?

    // Unconditional so that `--percent -1` reaches validation instead of reading as an option.
    @Option(name: ProgressOption.percent.name, parsing: .unconditional, help: ArgumentHelp("Percent complete, 0 to 100.", valueName: "percent"), transform: Parse.percent)
    var percent: Checked<Double>?

    @Option(name: ProgressOption.evidence.name, help: ArgumentHelp("An http(s) URL of the evidence.", valueName: "url"), transform: Parse.evidenceURL)
    var evidence: Checked<String>?

    @Option(name: ProgressOption.author.name, help: ArgumentHelp("Who reports it (add: default $USER).", valueName: "name"), transform: Parse.author)
    var author: Checked<String>?

    @Option(name: ProgressOption.commitment.name, help: ArgumentHelp("The commitment it reports on, by slug.", valueName: "slug"), completion: Completions.commitments)
    var commitment: String?

    var fields: ProgressFields {
        ProgressFields(status: status, date: date, percent: percent, evidence: evidence, author: author, commitment: commitment)
    }

    mutating func validate() throws { _ = try fields.values() }
}

/// The fields of an update as parsed, from ArgumentParser or from the fast path.
struct ProgressFields: Equatable {
    var status: Checked<Status>?
    var date: Checked<ISODate>?
    var percent: Checked<Double>?
    var evidence: Checked<String>?
    var author: Checked<String>?
    var commitment: String?

    /// Reads the raw text of each option through the same parsers the declarations use.
    init(raw: ProgressOptionValues) {
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

/// The raw text of each option of `progress add`, as the fast path collects it. Stored properties
/// and a switch rather than a Dictionary: generic collections cost conformance lookups at start-up,
/// the very thing the fast path exists to avoid.
struct ProgressOptionValues {
    private var db, plan, status, date, percent, evidence, author, commitment: String?

    subscript(option: ProgressOption) -> String? {
        get {
            switch option {
            case .db: db
            case .plan: plan
            case .status: status
            case .date: date
            case .percent: percent
            case .evidence: evidence
            case .author: author
            case .commitment: commitment
            }
        }
        set {
            switch option {
            case .db: db = newValue
            case .plan: plan = newValue
            case .status: status = newValue
            case .date: date = newValue
            case .percent: percent = newValue
            case .evidence: evidence = newValue
            case .author: author = newValue
            case .commitment: commitment = newValue
            }
        }
    }
}
