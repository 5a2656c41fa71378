import Glibc

// Stand-in until the lead's `TrackerError.Field` lands on main: the same call shape, the field
// kept as a prefix of the message.
extension TrackerError {
    public enum Field: String, Sendable {
        case plan, action, commitment, indicator, milestone, session, value, unit, date, asOf = "as-of"
        case note, evidenceURL = "evidence", author, name, slug, qualifier, reason, title, location
        case startedOn = "start", endedOn = "end", participants, countries, host
    }

    public init(_ field: Field, _ message: String) { self.init("\(field.rawValue): \(message)") }
}

/// Stand-in for main's `Author.current`: $USER, else $LOGNAME, else the account name.
public enum Author {
    public static var current: String? {
        for variable in ["USER", "LOGNAME"] {
            if let value = getenv(variable).map({ String(cString: $0) }), !value.isEmpty { return value }
        }
        return getpwuid(getuid()).flatMap { $0.pointee.pw_name }.map { String(cString: $0) }
    }
}
