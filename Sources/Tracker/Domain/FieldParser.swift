/// Why one value given by the user is unacceptable; the caller says where it came from.
public struct FieldProblem: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Parses and checks the values a user types, for the command line, CSV import and web forms
/// alike, so every front end accepts and refuses the same text with the same words.
public enum FieldParser {
    public static let maximumNoteLength = 10_000
    /// Names, titles, places and authors: one line each.
    public static let maximumLineLength = 500
    public static let maximumURLLength = 2_048

    public static func date(_ text: String) throws(FieldProblem) -> ISODate {
        guard let date = ISODate(text) else {
            var problem = "'\(Escaped.text(text))' is not a valid date (expected YYYY-MM-DD, e.g. 2025-06-30)"
            if let suggestion = ISODate.lenient(text) { problem += "; did you mean \(suggestion)?" }
            throw FieldProblem(problem)
        }
        return date
    }

    public static func status(_ text: String) throws(FieldProblem) -> Status {
        guard let status = Status(rawValue: text) else {
            throw FieldProblem("unknown status '\(Escaped.text(text))' (valid: \(Status.validList))")
        }
        return status
    }

    /// A plain decimal from 0 to 100: `45`, `12.5`. No exponents, hexadecimal, signs or words.
    public static func percent(_ text: String) throws(FieldProblem) -> Double {
        let unsigned = text.hasPrefix("-") ? String(text.dropFirst()) : text
        guard isPlainDecimal(unsigned), let value = Double(text) else {
            throw FieldProblem("'\(Escaped.text(text))' is not a number (expected 0 to 100)")
        }
        return try percent(value, as: text)
    }

    /// Checks the range of a percent given as a number, quoting it as the user wrote it.
    public static func percent(_ value: Double, as written: String? = nil) throws(FieldProblem) -> Double {
        guard value.isFinite, (0...100).contains(value) else {
            throw FieldProblem("\(written.map { Escaped.text($0) } ?? String(value)) is out of range (expected 0 to 100)")
        }
        return value
    }

    /// A note: not blank, at most `maximumNoteLength` characters, newlines and tabs allowed.
    public static func note(_ text: String) throws(FieldProblem) -> String {
        guard !text.allSatisfy(\.isWhitespace) else { throw FieldProblem("the note is empty") }
        try checkLength(text, characters: maximumNoteLength, what: "the note")
        try checkControls(text, allowingNewlines: true, what: "the note")
        return text
    }

    /// A one-line text such as a title, a place, a host or an author.
    public static func line(_ text: String, what: String) throws(FieldProblem) -> String {
        guard !text.allSatisfy(\.isWhitespace) else { throw FieldProblem("the \(what) is empty") }
        try checkLength(text, characters: maximumLineLength, what: "the \(what)")
        try checkControls(text, allowingNewlines: false, what: "the \(what)")
        return text
    }

    /// An http(s) URL with a host and no spaces.
    public static func evidenceURL(_ text: String) throws(FieldProblem) -> String {
        guard WebLink.isLinkable(text) else {
            throw FieldProblem("'\(Escaped.text(text))' is not an http(s) URL")
        }
        guard text.utf8.count <= maximumURLLength else {
            throw FieldProblem("the URL has \(text.utf8.count) bytes; at most \(maximumURLLength) are allowed")
        }
        return text
    }

    public static func participants(_ text: String) throws(FieldProblem) -> Int { try count(text, what: "participants") }
    public static func countries(_ text: String) throws(FieldProblem) -> Int { try count(text, what: "countries") }

    /// A whole number written plainly: `0`, `38`; not `+3`, `03`, `3.0` or `-1`.
    public static func count(_ text: String, what: String) throws(FieldProblem) -> Int {
        if text.hasPrefix("-"), let value = Int(text) { throw FieldProblem("\(value) \(what) is negative") }
        guard isPlainWholeNumber(text), let value = Int(text) else {
            throw FieldProblem("'\(Escaped.text(text))' is not a whole number of \(what)")
        }
        return value
    }

    /// An action number: 1, 2, … written plainly (not `+1` or `01`).
    public static func actionNumber(_ text: String) throws(FieldProblem) -> Int {
        guard isPlainWholeNumber(text), let value = Int(text), value > 0 else {
            throw FieldProblem("'\(Escaped.text(text))' is not an action number (expected 1, 2, …)")
        }
        return value
    }

    /// The id of a recorded row: 1, 2, … written plainly.
    public static func id(_ text: String, what: String) throws(FieldProblem) -> Int64 {
        guard isPlainWholeNumber(text), let value = Int64(text), value > 0 else {
            throw FieldProblem("'\(Escaped.text(text))' is not \(what) id")
        }
        return value
    }

    // MARK: Shapes

    static func isPlainWholeNumber(_ text: String) -> Bool {
        let digits = text.utf8
        guard let first = digits.first, digits.allSatisfy({ (48...57).contains($0) }) else { return false }
        return first != UInt8(ascii: "0") || digits.count == 1
    }

    static func isPlainDecimal(_ text: String) -> Bool {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.utf8.allSatisfy({ (48...57).contains($0) }) else { return false }
        guard parts.count == 2 else { return true }
        return !parts[1].isEmpty && parts[1].utf8.allSatisfy { (48...57).contains($0) }
    }

    /// Limits by characters and by UTF-8 bytes: combining marks make one character of any size.
    static func checkLength(_ text: String, characters: Int, what: String) throws(FieldProblem) {
        let bytes = text.utf8.count
        guard bytes > characters else { return }  // Fewer bytes than the limit: fewer characters too.
        let length = text.count
        if length > characters { throw FieldProblem("\(what) has \(length) characters; at most \(characters) are allowed") }
        // Combining marks stack without limit on one character: bound the bytes too.
        if bytes > characters * 4 {
            throw FieldProblem("\(what) has \(bytes) bytes; at most \(characters * 4) are allowed")
        }
    }

    /// Refuses C0 and C1 control characters (escape sequences could drive the reader's terminal),
    /// except tab, and newline where the text may have several lines.
    static func checkControls(_ text: String, allowingNewlines: Bool, what: String) throws(FieldProblem) {
        for scalar in text.unicodeScalars where Escaped.isControl(scalar) {
            if scalar == "\t" || (allowingNewlines && (scalar == "\n" || scalar == "\r")) { continue }
            throw FieldProblem("\(what) contains the control character \(Escaped.codePoint(scalar)); remove it")
        }
    }
}

/// Text made safe to echo in a one-line message: controls shown as `\u{1B}`, long text shortened.
public enum Escaped {
    public static let maximumEcho = 200

    /// A value the user gave, for quoting in a message: controls escaped, at most `maximumEcho` scalars.
    public static func text(_ text: some StringProtocol) -> String { escape(text, limit: maximumEcho) }

    /// A whole message line: controls (newlines too) escaped, so it stays one line and drives no terminal.
    public static func line(_ text: some StringProtocol) -> String { escape(text, limit: Int.max) }

    static func escape(_ text: some StringProtocol, limit: Int) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit { result += "…"; break }
            if isControl(scalar) { result += codePoint(scalar) } else { result.unicodeScalars.append(scalar) }
            count += 1
        }
        return result
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u{" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex + "}"
    }
}

extension ISODate {
    /// The date a person most likely meant by `2025/8/1`, `2025.8.1` or `2025-8-1`, if any.
    static func lenient(_ text: String) -> ISODate? {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        guard parts.count == 3, parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return ISODate(year: year, month: month, day: day)
    }
}
