/// A problem the user can fix, reported as one line.
///
/// `field` names what was wrong in the domain's terms, never a command-line flag or a form
/// field: the command line maps it to its option (`.reportedOn` → `--date`), the web app to
/// the form field beside which it shows `message`.
public struct TrackerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every value a user can give to a use case.
    public enum Field: String, Sendable, CaseIterable {
        case plan, action, note, status, reportedOn, percent, evidenceURL, author, commitment
        /// The id of a progress update (to correct).
        case update
        case title, startedOn, endedOn, location, host, participants, countries, milestone
        case asOf, since, until, days
        /// A file given to an import, a backup or an output.
        case file
        case report, query, parameter, search, document
        /// Targets: a measured value and its unit, an indicator, a session id (to correct or
        /// withdraw), a withdrawal's reason, a name, slug, qualifier, target value or due date.
        case value, unit, indicator, session, reason, name, slug, qualifier, target, due
    }

    /// What went wrong with the field's value.
    public enum Kind: Sendable {
        /// The value is malformed or breaks a rule: the message says what, not which field.
        case invalid
        /// The value names nothing that exists; the message names it ("no plan 'x'"), so it stands alone.
        case notFound
    }

    public let field: Field?
    public let kind: Kind
    public let message: String

    public init(_ message: String) {
        self.field = nil
        self.kind = .invalid
        self.message = message
    }

    public init(_ field: Field, _ message: String) {
        self.field = field
        self.kind = .invalid
        self.message = message
    }

    public init(notFound field: Field, _ message: String) {
        self.field = field
        self.kind = .notFound
        self.message = message
    }

    /// The message with the field's domain name in front, for logs and tests.
    public var description: String { field.map { "\($0.rawValue): \(message)" } ?? message }
}

extension FieldProblem {
    /// This problem, attributed to `field`.
    public func at(_ field: TrackerError.Field) -> TrackerError { TrackerError(field, message) }
}
