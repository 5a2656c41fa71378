import Presentation
import Tracker

/// The forms' and the API's writes: each parses the typed text with the shared field rules
/// (FieldParser), then hands a typed request to Tracker's use case, which owns the transaction
/// and every rule beyond the field. A refusal is kept beside the field it names.
enum Writes {
    @discardableResult
    static func addProgress(_ tracker: TrackerDatabase, action: ActionReference, state: inout FormState, author: String?) throws -> Int64? {
        let note = state.parse("note", required: true, FieldParser.note)
        let fields = ProgressFields(state: &state)
        guard state.errors.isEmpty, let note else { return nil }
        return state.perform {
            try tracker.addProgress(AddProgressRequest(
                action: action, note: note, status: fields.status ?? .inProgress, reportedOn: fields.date, percent: fields.percent,
                evidenceURL: fields.evidence, author: author, commitment: fields.commitment))
        }
    }

    static func correctProgress(_ tracker: TrackerDatabase, id: Int64, state: inout FormState, author: String?) throws {
        _ = try correctedProgress(tracker, id: id, state: &state, author: author)
    }

    /// The correction's id, or nil when refused (the refusal is in `state`); the JSON API answers with it.
    static func correctedProgress(_ tracker: TrackerDatabase, id: Int64, state: inout FormState, author: String?) throws -> Int64? {
        let note = state.parse("note", FieldParser.note)
        let fields = ProgressFields(state: &state)
        guard state.errors.isEmpty else { return nil }
        return state.perform {
            try tracker.correctProgress(CorrectProgressRequest(update: id, changes: ProgressCorrection(
                note: note, status: fields.status, reportedOn: fields.date, percent: fields.percent,
                evidenceURL: fields.evidence, author: author, commitmentSlug: fields.commitment)))
        }
    }

    static func addTraining(_ tracker: TrackerDatabase, state: inout FormState, author: String?) throws {
        _ = try addedTraining(tracker, state: &state, author: author)
    }

    static func addedTraining(_ tracker: TrackerDatabase, state: inout FormState, author: String?) throws -> Int64? {
        let fields = TrainingFields(state: &state, required: true)
        let isBaseline = state.values["baseline"] == "1"
        guard state.errors.isEmpty, let title = fields.title, let location = fields.location, let start = fields.start else { return nil }
        return state.perform {
            try tracker.addTraining(AddTrainingRequest(
                session: TrainingSession(
                    title: title, startedOn: start, endedOn: fields.end, location: location, host: fields.host,
                    participants: fields.participants, countries: fields.countries, evidenceURL: fields.evidence, isBaseline: isBaseline),
                author: author))
        }
    }

    /// Fields left empty keep the session's value; the use case refuses a correction that changes nothing.
    static func correctTraining(_ tracker: TrackerDatabase, state: inout FormState, author: String?) throws {
        _ = try correctedTraining(tracker, state: &state, author: author)
    }

    static func correctedTraining(_ tracker: TrackerDatabase, state: inout FormState, author: String?) throws -> Int64? {
        let id = state.parse("session", required: true) { (text: String) throws(FieldProblem) in try FieldParser.id(text, what: "a session") }
        let fields = TrainingFields(state: &state, required: false)
        guard state.errors.isEmpty, let id else { return nil }
        return state.perform {
            try tracker.correctTraining(CorrectTrainingRequest(
                id: id, title: fields.title, startedOn: fields.start, endedOn: fields.end, location: fields.location, host: fields.host,
                participants: fields.participants, countries: fields.countries, evidenceURL: fields.evidence, author: author))
        }
    }

    static func withdrawTraining(_ tracker: TrackerDatabase, state: inout FormState, author: String?) throws {
        _ = try withdrawnTraining(tracker, state: &state, author: author)
    }

    static func withdrawnTraining(_ tracker: TrackerDatabase, state: inout FormState, author: String?) throws -> Int64? {
        let id = state.parse("session", required: true) { (text: String) throws(FieldProblem) in try FieldParser.id(text, what: "a session") }
        let reason = state.parse("reason", required: true) { (text: String) throws(FieldProblem) in try FieldParser.line(text, what: "reason") }
        guard state.errors.isEmpty, let id, let reason else { return nil }
        return state.perform { try tracker.withdrawTraining(WithdrawTrainingRequest(id: id, reason: reason, author: author)) }
    }

    /// A measured value of the commitment chosen in the form.
    static func recordActual(_ tracker: TrackerDatabase, state: inout FormState, author: String?) throws {
        _ = try recordedActual(tracker, state: &state, author: author)
    }

    static func recordedActual(_ tracker: TrackerDatabase, state: inout FormState, author: String?) throws -> Int64? {
        let value = state.parse("value", required: true, FieldParser.quantity)
        let date = state.parse("measured_on", required: true, FieldParser.date)
        let fields = ActualFields(state: &state)
        let commitment = state.values["commitment"] ?? ""
        guard state.errors.isEmpty, let value, let date else { return nil }
        return state.perform {
            try tracker.recordActual(RecordActualRequest(
                commitment: commitment, value: value, measuredOn: date, note: fields.note,
                evidenceURL: fields.evidence, author: author))
        }
    }

    /// A correction of recorded value `id`; fields left empty keep the value's.
    static func correctActual(_ tracker: TrackerDatabase, id: Int64, state: inout FormState, author: String?) throws {
        _ = try correctedActual(tracker, id: id, state: &state, author: author)
    }

    static func correctedActual(_ tracker: TrackerDatabase, id: Int64, state: inout FormState, author: String?) throws -> Int64? {
        let value = state.parse("value", FieldParser.quantity)
        let date = state.parse("measured_on", FieldParser.date)
        let fields = ActualFields(state: &state)
        guard state.errors.isEmpty else { return nil }
        return state.perform {
            try tracker.correctActual(CorrectActualRequest(
                id: id, value: value, measuredOn: date, note: fields.note, evidenceURL: fields.evidence, author: author))
        }
    }

    /// The optional fields of a progress update, parsed.
    struct ProgressFields {
        let status: Status?
        let date: ISODate?
        let percent: Double?
        let evidence: String?
        let commitment: String?

        init(state: inout FormState) {
            status = state.parse("status", FieldParser.status)
            date = state.parse("reported_on", FieldParser.date)
            percent = state.parse("percent", FieldParser.percent)
            evidence = state.parse("evidence_url", FieldParser.evidenceURL)
            commitment = state.values["commitment"].flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// The fields of a training session, parsed; for a new session title, location and start are required.
    struct TrainingFields {
        let title: String?
        let location: String?
        let host: String?
        let start: ISODate?
        let end: ISODate?
        let participants: Int?
        let countries: Int?
        let evidence: String?

        init(state: inout FormState, required: Bool) {
            title = state.parse("title", required: required) { (text: String) throws(FieldProblem) in try FieldParser.line(text, what: "title") }
            location = state.parse("location", required: required) { (text: String) throws(FieldProblem) in try FieldParser.line(text, what: "location") }
            host = state.parse("host") { (text: String) throws(FieldProblem) in try FieldParser.line(text, what: "host") }
            start = state.parse("started_on", required: required, FieldParser.date)
            end = state.parse("ended_on", FieldParser.date)
            participants = state.parse("participants", FieldParser.participants)
            countries = state.parse("countries", FieldParser.countries)
            evidence = state.parse("evidence_url", FieldParser.evidenceURL)
        }
    }

    /// The optional fields of a measured value, parsed. Its date is `measured_on` in the form;
    /// the use cases name it `.reportedOn`, so their refusals of it are shown there.
    struct ActualFields {
        let note: String?
        let evidence: String?

        init(state: inout FormState) {
            state.fieldNames[.reportedOn] = "measured_on"
            note = state.parse("note", FieldParser.note)
            evidence = state.parse("evidence_url", FieldParser.evidenceURL)
        }
    }
}
