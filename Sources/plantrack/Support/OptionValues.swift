import ArgumentParser
import Tracker

/// An option or argument value parsed once, when ArgumentParser reads it. A problem is kept
/// rather than thrown, so `validate()` reports it in plantrack's words (`--date: …`) instead of
/// ArgumentParser's generic "The value … is invalid".
struct Checked<Value: Sendable>: Sendable {
    let result: Result<Value, FieldProblem>

    /// The value, or the problem attributed to `field`.
    func get(_ field: TrackerError.Field) throws -> Value {
        switch result {
        case .success(let value): value
        case .failure(let problem): throw CommandLineError(field, problem)
        }
    }
}

extension Checked: Equatable where Value: Equatable {}

/// The parsers the options are declared with: FieldParser's, shared with CSV import and the web app.
enum Parse {
    static func check<Value>(_ text: String, _ parse: (String) throws(FieldProblem) -> Value) -> Checked<Value> {
        do { return Checked(result: .success(try parse(text))) } catch { return Checked(result: .failure(error)) }
    }

    static func date(_ text: String) -> Checked<ISODate> { check(text, FieldParser.date) }
    static func status(_ text: String) -> Checked<Status> { check(text, FieldParser.status) }
    static func percent(_ text: String) -> Checked<Double> { check(text, FieldParser.percent) }
    static func evidenceURL(_ text: String) -> Checked<String> { check(text, FieldParser.evidenceURL) }
    static func actionNumber(_ text: String) -> Checked<Int> { check(text, FieldParser.actionNumber) }
    static func actionReference(_ text: String) -> Checked<ActionReference> { check(text, FieldParser.actionReference) }
    static func note(_ text: String) -> Checked<String> { check(text, FieldParser.note) }
    static func updateID(_ text: String) -> Checked<Int64> { check(text) { (text) throws(FieldProblem) in try FieldParser.id(text, what: "an update") } }
    static func participants(_ text: String) -> Checked<Int> { check(text, FieldParser.participants) }
    static func countries(_ text: String) -> Checked<Int> { check(text, FieldParser.countries) }
    static func author(_ text: String) -> Checked<String> { check(text) { (text) throws(FieldProblem) in try FieldParser.line(text, what: "author") } }
    static func title(_ text: String) -> Checked<String> { check(text) { (text) throws(FieldProblem) in try FieldParser.line(text, what: "title") } }
    static func location(_ text: String) -> Checked<String> { check(text) { (text) throws(FieldProblem) in try FieldParser.line(text, what: "location") } }
    static func host(_ text: String) -> Checked<String> { check(text) { (text) throws(FieldProblem) in try FieldParser.line(text, what: "host") } }
    static func quantity(_ text: String) -> Checked<Quantity> { check(text, FieldParser.quantity) }
    static func qualifier(_ text: String) -> Checked<TargetQualifier> { check(text, FieldParser.qualifier) }
    static func valueID(_ text: String) -> Checked<Int64> { check(text) { (text) throws(FieldProblem) in try FieldParser.id(text, what: "a recorded value") } }
    static func sessionID(_ text: String) -> Checked<Int64> { check(text) { (text) throws(FieldProblem) in try FieldParser.id(text, what: "a session") } }
    static func reason(_ text: String) -> Checked<String> { check(text) { (text) throws(FieldProblem) in try FieldParser.line(text, what: "reason") } }
    static func name(_ text: String) -> Checked<String> { check(text) { (text) throws(FieldProblem) in try FieldParser.line(text, what: "name") } }
    static func unit(_ text: String) -> Checked<String> { check(text) { (text) throws(FieldProblem) in try FieldParser.line(text, what: "unit") } }
    static func days(_ text: String) -> Checked<Int> { check(text) { (text) throws(FieldProblem) in try FieldParser.count(text, what: "days") } }
}

extension Optional {
    /// The checked value of an optional option, or nil when the option was not given.
    func get<Value>(_ field: TrackerError.Field) throws -> Value? where Wrapped == Checked<Value> {
        try self?.get(field)
    }
}
