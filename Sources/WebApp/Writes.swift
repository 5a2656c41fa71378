import Tracker

/// The forms' and the API's writes: each parses the typed text with the shared field rules
/// (FieldParser), then hands a typed request to Tracker's use case, which owns the transaction
/// and every rule beyond the field. A refusal is kept beside the field it names.
enum Writes {
    @discardableResult
    static func addProgress(_ tracker: TrackerDatabase, action: Int, state: inout FormState, author: String?) throws -> Int64? {
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
        let note = state.parse("note", FieldParser.note)
        let fields = ProgressFields(state: &state)
        guard state.errors.isEmpty else { return }
        _ = state.perform {
            try tracker.correctProgress(CorrectProgressRequest(update: id, changes: ProgressCorrection(
                note: note, status: fields.status, reportedOn: fields.date, percent: fields.percent,
                evidenceURL: fields.evidence, author: author, commitmentSlug: fields.commitment)))
        }
    }

    static func addTraining(_ tracker: TrackerDatabase, state: inout FormState, author: String?) throws {
        let title = state.parse("title", required: true) { (text: String) throws(FieldProblem) in try FieldParser.line(text, what: "title") }
        let location = state.parse("location", required: true) { (text: String) throws(FieldProblem) in try FieldParser.line(text, what: "location") }
        let host = state.parse("host") { (text: String) throws(FieldProblem) in try FieldParser.line(text, what: "host") }
        let start = state.parse("started_on", required: true, FieldParser.date)
        let end = state.parse("ended_on", FieldParser.date)
        let participants = state.parse("participants", FieldParser.participants)
        let countries = state.parse("countries", FieldParser.countries)
        let evidence = state.parse("evidence_url", FieldParser.evidenceURL)
        let isBaseline = state.values["baseline"] == "1"
        guard state.errors.isEmpty, let title, let location, let start else { return }
        _ = state.perform {
            try tracker.addTraining(AddTrainingRequest(
                session: TrainingSession(
                    title: title, startedOn: start, endedOn: end, location: location, host: host, participants: participants,
                    countries: countries, evidenceURL: evidence, isBaseline: isBaseline),
                author: author))
        }
    }

    static func withdrawTraining(_ tracker: TrackerDatabase, state: inout FormState, author: String?) throws {
        let id = state.parse("session", required: true) { (text: String) throws(FieldProblem) in try FieldParser.id(text, what: "a session") }
        let reason = state.parse("reason", required: true) { (text: String) throws(FieldProblem) in try FieldParser.line(text, what: "reason") }
        guard state.errors.isEmpty, let id, let reason else { return }
        _ = state.perform { try tracker.withdrawTraining(WithdrawTrainingRequest(id: id, reason: reason, author: author)) }
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
}
