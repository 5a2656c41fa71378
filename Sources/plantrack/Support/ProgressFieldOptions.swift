import ArgumentParser
import Glibc
import Tracker

/// The fields of an update shared by `progress add` and `progress correct`, checked in validate().
struct ProgressFieldOptions: ParsableArguments {
    @Option(help: ArgumentHelp("not-started, in-progress, at-risk, blocked or completed.", valueName: "status"))
    var status: String?

    @Option(help: ArgumentHelp("The date reported on, YYYY-MM-DD (add: default today).", valueName: "date"))
    var date: String?

    // Unconditional so that `--percent -1` reaches validation instead of reading as an option.
    @Option(parsing: .unconditional, help: ArgumentHelp("Percent complete, 0 to 100.", valueName: "percent"))
    var percent: String?

    @Option(help: ArgumentHelp("An http(s) URL of the evidence.", valueName: "url"))
    var evidence: String?

    @Option(help: ArgumentHelp("Who reports it (add: default $USER).", valueName: "name"))
    var author: String?

    @Option(help: ArgumentHelp("The commitment it reports on, by slug.", valueName: "slug"))
    var commitment: String?

    var values: ProgressFields {
        ProgressFields(
            status: status, date: date, percent: percent, evidence: evidence, author: author, commitment: commitment)
    }

    func validate() throws {
        _ = try values.parsed()
    }

    func parsed() throws -> ProgressFields.Parsed { try values.parsed() }
}

/// The fields of an update as typed, before checking; plain values, so `FastPath` can fill them
/// without ArgumentParser.
struct ProgressFields: Equatable {
    var status: String?
    var date: String?
    var percent: String?
    var evidence: String?
    var author: String?
    var commitment: String?

    struct Parsed {
        var status: Status?
        var date: ISODate?
        var percent: Double?
        var evidence: String?
    }

    func parsed() throws -> Parsed {
        Parsed(
            status: try parseOption(status, "--status", FieldParser.status),
            date: try parseOption(date, "--date", FieldParser.date),
            percent: try parseOption(percent, "--percent", FieldParser.percent),
            evidence: try parseOption(evidence, "--evidence", FieldParser.evidenceURL))
    }

    /// `$USER`, else `$LOGNAME`, else the account name (USER is unset under cron and in containers).
    static var defaultAuthor: String? {
        for variable in ["USER", "LOGNAME"] {
            if let value = getenv(variable).map({ String(cString: $0) }), !value.isEmpty { return value }
        }
        return getpwuid(getuid()).flatMap { $0.pointee.pw_name }.map { String(cString: $0) }
    }
}

/// Checks the NOTE argument.
func parseNote(_ note: String) throws -> String {
    do { return try FieldParser.note(note) } catch { throw TrackerError("note: \(error.message)") }
}

/// Checks an action number argument or option.
func parseActionNumber(_ text: String) throws -> Int {
    do { return try FieldParser.actionNumber(text) } catch { throw TrackerError("action: \(error.message)") }
}

/// Parses an optional option value, naming the option in the error.
func parseOption<T>(_ value: String?, _ option: String, _ parse: (String) throws(FieldProblem) -> T) throws -> T? {
    guard let value else { return nil }
    do { return try parse(value) } catch { throw TrackerError("\(option): \(error.message)") }
}
