import Tracker

/// The forms' and the API's writes: each parses the typed text with the shared field rules, then
/// hands a typed request to Tracker, which owns the transaction and every rule beyond the field.
enum Writes {
    @discardableResult
    static func addProgress(_ tracker: TrackerDatabase, action: Int, state: inout FormState, author: String?) throws -> Int64? {
        let note = state.parse("note", required: true, FieldParser.note)
        let status = state.parse("status", FieldParser.status)
        let date = state.parse("reported_on", FieldParser.date)
        let percent = state.parse("percent", FieldParser.percent)
        let evidence = state.parse("evidence_url", FieldParser.evidenceURL)
        let commitment = state.values["commitment"].flatMap { $0.isEmpty ? nil : $0 }
        guard state.errors.isEmpty, let note else { return nil }
        do {
            return try tracker.db.inTransaction(.immediate) {
                let plan = try PlanScope.resolve(nil, in: tracker.db)
                return try ProgressLog(db: tracker.db, plan: plan).add(ProgressEntry(
                    actionNumber: action, note: note, status: status ?? .inProgress, reportedOn: date ?? .today(),
                    percent: percent, evidenceURL: evidence, author: author, commitmentSlug: commitment))
            }
        } catch let error as TrackerError {
            state.record(error)
            return nil
        }
    }

    static func correctProgress(_ tracker: TrackerDatabase, id: Int64, state: inout FormState, author: String?) throws {
        let note = state.parse("note", FieldParser.note)
        let status = state.parse("status", FieldParser.status)
        let date = state.parse("reported_on", FieldParser.date)
        let percent = state.parse("percent", FieldParser.percent)
        let evidence = state.parse("evidence_url", FieldParser.evidenceURL)
        let commitment = state.values["commitment"].flatMap { $0.isEmpty ? nil : $0 }
        guard state.errors.isEmpty else { return }
        do {
            _ = try tracker.db.inTransaction(.immediate) {
                let plan = try PlanScope.resolve(nil, in: tracker.db)
                return try ProgressLog(db: tracker.db, plan: plan).correct(id: id, with: ProgressCorrection(
                    note: note, status: status, reportedOn: date, percent: percent, evidenceURL: evidence, author: author,
                    commitmentSlug: commitment))
            }
        } catch let error as TrackerError {
            state.record(error)
        }
    }

    static func addTraining(_ tracker: TrackerDatabase, state: inout FormState, author: String?) throws {
        let title = state.values["title"].flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        if title == nil { state.errors["title"] = "the title is empty" }
        let location = state.values["location"].flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        if location == nil { state.errors["location"] = "the location is empty" }
        let start = state.parse("started_on", FieldParser.date)
        if state.values["started_on"]?.isEmpty ?? true { state.errors["started_on"] = "the start date is missing" }
        let end = state.parse("ended_on", FieldParser.date)
        let participants = state.parse("participants", FieldParser.participants)
        let countries = state.parse("countries", FieldParser.countries)
        let evidence = state.parse("evidence_url", FieldParser.evidenceURL)
        let host = state.values["host"].flatMap { $0.isEmpty ? nil : $0 }
        guard state.errors.isEmpty, let title, let location, let start else { return }
        do {
            _ = try tracker.db.inTransaction(.immediate) {
                let plan = try PlanScope.resolve(nil, in: tracker.db)
                return try TrainingLog(db: tracker.db, plan: plan).add(TrainingSession(
                    title: title, startedOn: start, endedOn: end, location: location, host: host, participants: participants,
                    countries: countries, evidenceURL: evidence, milestoneSlug: nil, isBaseline: state.values["baseline"] == "1"),
                    author: author)
            }
        } catch let error as TrackerError {
            state.record(error)
        }
    }
}
