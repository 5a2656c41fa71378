import Tracker

/// An error as the command line prints it: one line, the option's flag in front where the
/// problem is about an option's value (`--date: '2025-02-30' is not a valid date …`).
struct CommandLineError: Error, CustomStringConvertible {
    let description: String

    init(_ error: TrackerError) {
        description = Self.label(for: error).map { "\($0): \(error.message)" } ?? error.message
    }

    /// A problem of the command line itself, such as an option that does not fit the others.
    init(message: String) { description = message }

    /// What goes in front of the message: the option or argument whose value is wrong. A lookup
    /// that found nothing names what it looked for itself ("no plan 'x'"), so it needs none.
    static func label(for error: TrackerError) -> String? {
        error.kind == .notFound ? nil : label(for: error.field)
    }

    init(_ field: TrackerError.Field, _ problem: FieldProblem) { self.init(problem.at(field)) }

    /// The option or argument that carries `field`.
    static func label(for field: TrackerError.Field?) -> String? {
        switch field {
        case .reportedOn: "--date"
        case .startedOn: "--start"
        case .endedOn: "--end"
        case .evidenceURL: "--evidence"
        case .status: "--status"
        case .percent: "--percent"
        case .author: "--author"
        case .asOf: "--as-of"
        case .since: "--since"
        case .until: "--until"
        case .days: "--days"
        case .title: "--title"
        case .location: "--location"
        case .host: "--host"
        case .participants: "--participants"
        case .countries: "--countries"
        case .parameter: "--param"
        case .action: "action"
        case .note: "note"
        case .update: "id"
        case .search: "search"
        case .plan: "--plan"
        case .commitment: "--commitment"
        case .milestone: "--milestone"
        case .value: "value"
        case .unit: "--unit"
        case .indicator: "--indicator"
        case .session: "id"
        case .reason: "--reason"
        case .name: "--name"
        case .slug: "--slug"
        case .qualifier: "--qualifier"
        case .target: "--target"
        case .due: "--due"
        case .file, .report, .query, .document, nil: nil
        }
    }
}

/// Runs `body`, turning a domain error into the command line's wording; for `validate()`, whose
/// errors ArgumentParser prints by their description.
func checked<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as TrackerError { throw CommandLineError(error) }
}
