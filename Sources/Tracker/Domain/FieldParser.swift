/// Why one value given by the user is unacceptable; the caller says where it came from.
public struct FieldProblem: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Parses and checks the values a user types, for the command line and CSV import alike.
public enum FieldParser {
    public static let maximumNoteLength = 10_000

    public static func date(_ text: String) throws(FieldProblem) -> ISODate {
        guard let date = ISODate(text) else {
            throw FieldProblem("'\(text)' is not a valid date (expected YYYY-MM-DD, e.g. 2025-06-30)")
        }
        return date
    }

    public static func status(_ text: String) throws(FieldProblem) -> Status {
        guard let status = Status(rawValue: text) else {
            throw FieldProblem("unknown status '\(text)' (valid: \(Status.validList))")
        }
        return status
    }

    public static func percent(_ text: String) throws(FieldProblem) -> Double {
        guard let value = Double(text), value.isFinite else {
            throw FieldProblem("'\(text)' is not a number (expected 0 to 100)")
        }
        guard (0...100).contains(value) else { throw FieldProblem("\(text) is out of range (expected 0 to 100)") }
        return value
    }

    public static func note(_ text: String) throws(FieldProblem) -> String {
        guard !text.allSatisfy(\.isWhitespace) else { throw FieldProblem("the note is empty") }
        // Counting bytes first skips the slower character count for all ordinary notes.
        guard text.utf8.count <= maximumNoteLength || text.count <= maximumNoteLength else {
            let length = text.count
            throw FieldProblem("the note has \(length) characters; at most \(maximumNoteLength) are allowed")
        }
        return text
    }

    /// An http(s) URL with a host and no spaces.
    public static func evidenceURL(_ text: String) throws(FieldProblem) -> String {
        let lower = text.lowercased()
        let scheme = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        let rest = text.dropFirst(scheme)
        guard scheme > 0, let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty,
            !text.contains(where: { $0.isWhitespace || $0.isNewline })
        else {
            throw FieldProblem("'\(text)' is not an http(s) URL")
        }
        return text
    }

    public static func participants(_ text: String) throws(FieldProblem) -> Int { try count(text, what: "participants") }
    public static func countries(_ text: String) throws(FieldProblem) -> Int { try count(text, what: "countries") }

    public static func count(_ text: String, what: String) throws(FieldProblem) -> Int {
        guard let value = Int(text) else { throw FieldProblem("'\(text)' is not a whole number of \(what)") }
        guard value >= 0 else { throw FieldProblem("\(value) \(what) is negative") }
        return value
    }

    /// An action number: a whole number within the plan's actions.
    public static func actionNumber(_ text: String) throws(FieldProblem) -> Int {
        guard let value = Int(text), value > 0 else {
            throw FieldProblem("'\(text)' is not an action number (expected 1, 2, …)")
        }
        return value
    }
}
