import Hummingbird
import Tracker

/// The JSON API's writes beyond `POST /api/progress`: every use case the forms have, and the
/// indicator values the command line records. Each answers as progress does: 201 `{"id": N}`,
/// 400 for a body that is not a JSON object, 401 without a valid bearer token, 403 for a viewer,
/// 422 `{"field": …, "error": …}` for a refusal, with nothing written. The fields are the forms'
/// (and the CLI's JSON keys); docs/openapi.json describes them.
extension WebApp {
    /// An API write: its path, the body fields it reads, and the write (nil: refused, in `state`).
    struct APIWrite: Sendable {
        let path: RouterPath
        let fields: [String]
        /// Where a use case's refusal of a domain field is reported, when its body name differs.
        var fieldNames: [TrackerError.Field: String] = [:]
        let write: @Sendable (TrackerDatabase, inout FormState, String) throws -> Int64?
    }

    static let apiWrites: [APIWrite] = [
        APIWrite(path: "/api/progress/correct", fields: ["update"] + progressFields) { tracker, state, author in
            guard let id = state.parse("update", required: true, { (text: String) throws(FieldProblem) in try FieldParser.id(text, what: "an update") }) else {
                return nil
            }
            return try Writes.correctedProgress(tracker, id: id, state: &state, author: author)
        },
        APIWrite(path: "/api/training", fields: sessionInputs.map(\.name) + ["baseline"]) { tracker, state, author in
            try Writes.addedTraining(tracker, state: &state, author: author)
        },
        APIWrite(path: "/api/training/correct", fields: ["session"] + sessionInputs.map(\.name)) { tracker, state, author in
            try Writes.correctedTraining(tracker, state: &state, author: author)
        },
        APIWrite(path: "/api/training/withdraw", fields: ["session", "reason"]) { tracker, state, author in
            try Writes.withdrawnTraining(tracker, state: &state, author: author)
        },
        APIWrite(path: "/api/actuals", fields: actualFields, fieldNames: [.reportedOn: "measured_on"]) { tracker, state, author in
            try Writes.recordedActual(tracker, state: &state, author: author)
        },
        APIWrite(path: "/api/actuals/correct", fields: ["id"] + correctActualFields, fieldNames: [.update: "id", .reportedOn: "measured_on"]) { tracker, state, author in
            guard let id = state.parse("id", required: true, { (text: String) throws(FieldProblem) in try FieldParser.id(text, what: "a recorded value") }) else {
                return nil
            }
            return try Writes.correctedActual(tracker, id: id, state: &state, author: author)
        },
        APIWrite(path: "/api/indicator-values", fields: indicatorValueFields) { tracker, state, author in
            try Writes.recordedIndicatorValue(tracker, state: &state, author: author)
        },
        APIWrite(path: "/api/indicator-values/correct", fields: ["id"] + indicatorValueFields.filter { $0 != "indicator" },
                 fieldNames: [.update: "id"]) { tracker, state, author in
            try Writes.correctedIndicatorValue(tracker, state: &state, author: author)
        },
    ]

    static let indicatorValueFields = ["indicator", "value", "as_of", "qualifier", "evidence_url", "note"]

    func addAPIWriteRoutes(to router: Router<WebContext>) {
        for write in Self.apiWrites {
            router.post(write.path) { request, context in
                try await apiWrite(request, write)
            }
        }
    }

    func apiWrite(_ request: Request, _ write: APIWrite) async throws -> Response {
        var submitted: FormState
        let author: String
        switch try await apiWriteRequest(request, fields: write.fields) {
        case .failure(let refusal): return refusal.response
        case .success(let accepted): (author, submitted) = (accepted.user.name, accepted.state)
        }
        for (field, name) in write.fieldNames { submitted.fieldNames[field] = name }
        return try await apiAnswer(submitted) { tracker, state in try write.write(tracker, &state, author) }
    }
}

extension Writes {
    /// A value of the indicator named by slug in `indicator`; its date is `as_of`.
    static func recordedIndicatorValue(_ tracker: TrackerDatabase, state: inout FormState, author: String?) throws -> Int64? {
        let indicator = state.parse("indicator", required: true) { (text: String) throws(FieldProblem) in try FieldParser.line(text, what: "indicator") }
        let value = state.parse("value", required: true, FieldParser.quantity)
        let date = state.parse("as_of", required: true, FieldParser.date)
        let fields = IndicatorValueFields(state: &state)
        guard state.errors.isEmpty, let indicator, let value, let date else { return nil }
        return state.perform {
            try tracker.recordIndicatorValue(RecordIndicatorValueRequest(
                indicator: indicator, value: value, asOf: date, qualifier: fields.qualifier, evidenceURL: fields.evidence,
                note: fields.note, author: author))
        }
    }

    /// A correction of hand-recorded value `id`; fields left out keep the value's.
    static func correctedIndicatorValue(_ tracker: TrackerDatabase, state: inout FormState, author: String?) throws -> Int64? {
        let id = state.parse("id", required: true) { (text: String) throws(FieldProblem) in try FieldParser.id(text, what: "a recorded value") }
        let value = state.parse("value", FieldParser.quantity)
        let date = state.parse("as_of", FieldParser.date)
        let fields = IndicatorValueFields(state: &state)
        guard state.errors.isEmpty, let id else { return nil }
        return state.perform {
            try tracker.correctIndicatorValue(CorrectIndicatorValueRequest(
                id: id, value: value, asOf: date, qualifier: fields.qualifier, evidenceURL: fields.evidence, note: fields.note,
                author: author))
        }
    }

    struct IndicatorValueFields {
        let qualifier: TargetQualifier?
        let evidence: String?
        let note: String?

        init(state: inout FormState) {
            qualifier = state.parse("qualifier", FieldParser.qualifier)
            evidence = state.parse("evidence_url", FieldParser.evidenceURL)
            note = state.parse("note", FieldParser.note)
        }
    }
}
