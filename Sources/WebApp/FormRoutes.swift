import Hummingbird
import Tracker

/// What a form shows: the values as typed, and a message per field that was refused.
struct FormState: Sendable {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    /// A problem that is no single field's (e.g. the update was already corrected).
    var formError: String?

    init(values: [String: String] = [:]) { self.values = values }

    /// Parses one field with the shared field rules; a problem is kept beside the field.
    /// A required field's check runs on empty text too, so its own "is empty" message is shown.
    mutating func parse<T>(_ name: String, required: Bool = false, _ parse: (String) throws(FieldProblem) -> T) -> T? {
        let text = values[name] ?? ""
        guard required || !text.allSatisfy(\.isWhitespace) else { return nil }
        do { return try parse(text) } catch {
            errors[name] = error.message
            return nil
        }
    }

    /// Runs a use case; a refusal it gives is kept beside the field it names (else above the form).
    /// Errors that are no user's to fix propagate (500).
    mutating func perform<T>(_ useCase: () throws -> T) -> T? {
        do {
            return try useCase()
        } catch {
            guard let described = UserFacingError.describe(error) else {
                formError = "\(error)"
                return nil
            }
            let message = described.lines.joined(separator: "\n")
            if let field = described.field, Self.formFields.contains(Self.formName(field)) {
                errors[Self.formName(field)] = message
            } else {
                formError = message
            }
            return nil
        }
    }

    /// Every field the forms show; a refusal naming another field is shown above the form.
    static let formFields: Set<String> = Set(WebApp.progressFields + WebApp.trainingFields + WebApp.withdrawFields)

    /// A domain field's name in forms and in the JSON API: the CLI's JSON keys.
    static func formName(_ field: TrackerError.Field) -> String {
        switch field {
        case .reportedOn: "reported_on"
        case .evidenceURL: "evidence_url"
        case .startedOn: "started_on"
        case .endedOn: "ended_on"
        case .asOf: "as_of"
        default: field.rawValue
        }
    }

    var context: [String: Any] {
        var result: [String: Any] = ["values": values, "errors": errors]
        if let formError { result["formError"] = formError }
        return result
    }
}

typealias ProgressFormState = FormState
typealias TrainingFormState = FormState

extension WebApp {
    /// The progress form's fields, as the JSON API's keys.
    static let progressFields = ["note", "status", "reported_on", "percent", "evidence_url", "commitment"]
    static let withdrawFields = ["session", "reason"]
    static let trainingFields = ["title", "started_on", "ended_on", "location", "host", "participants", "countries", "evidence_url", "baseline"]

    func progressForm(action: String, csrf: String, state: FormState, commitments: [String], language: Language) -> String {
        let status = state.values["status"] ?? Status.inProgress.rawValue
        let commitment = state.values["commitment"] ?? ""
        var context = state.context
        context["t"] = language.labels
        context["action"] = action
        context["csrf"] = csrf
        context["statuses"] = Status.allCases.map { ["value": $0.rawValue, "selected": $0.rawValue == status] }
        context["commitmentOptions"] = commitments.map { ["value": $0, "selected": $0 == commitment] }
        return Templates.render("progressForm", context)
    }

    func actionPage(_ tracker: TrackerDatabase, number: Int, context: WebContext, form: FormState) throws -> String {
        let detail = try tracker.action(number)
        let canWrite = context.user?.role.canWrite == true
        let commitments = detail.commitments.rows.compactMap { $0.first?.displayText }
        var page: [String: Any] = [
            "t": context.language.labels, "number": detail.number, "title": detail.title, "titleEn": detail.titleEn as Any,
            "vision": detail.vision as Any, "body": detail.body, "sourceQuote": detail.sourceQuote as Any,
            "sourceLine": detail.sourceLine as Any, "document": detail.document ?? "",
            "commitments": rows(detail.commitments),
            "timeline": rows(detail.timeline).map { row -> [String: Any] in
                var row = row
                let superseded = (row["superseded"] as? String) ?? ""
                // Only http(s) evidence becomes a link; anything else stays text.
                if let url = row["evidence_url"] as? String, (try? FieldParser.evidenceURL(url)) != nil { row["evidenceLink"] = url }
                row["canCorrect"] = canWrite && superseded.isEmpty
                row["actionNumber"] = number
                return row
            },
            "canWrite": canWrite,
        ]
        if canWrite, let session = context.session {
            page["form"] = progressForm(action: "/actions/\(number)/progress", csrf: session.csrfToken, state: form,
                                        commitments: commitments, language: context.language)
        }
        return Templates.render("action", page)
    }

    func trainingPage(_ tracker: TrackerDatabase, context: WebContext, form: FormState) throws -> String {
        var page = form.context
        page["t"] = context.language.labels
        page["sessions"] = TableView.render(try tracker.trainingSessions(), id: "sessions")
        page["canWrite"] = context.user?.role.canWrite == true
        page["csrf"] = context.session?.csrfToken ?? ""
        return Templates.render("training", page)
    }

    /// Rows keyed by column name, NULL as absent, for the templates.
    func rows(_ table: ResultTable) -> [[String: Any]] {
        table.rows.map { row in
            var result: [String: Any] = [:]
            for (column, value) in zip(table.columns, row) where value != .null { result[column] = value.displayText }
            return result
        }
    }

    /// Reads the submitted fields that a form knows, as typed.
    func formState(_ form: FormBody, fields: [String]) -> FormState {
        FormState(values: Dictionary(uniqueKeysWithValues: fields.compactMap { name in form[name].map { (name, $0) } }))
    }

    func addFormRoutes(to router: Router<WebContext>) {
        router.post("/actions/:number/progress") { request, context in
            var request = request
            let form = FormBody(try await request.bodyText())
            if let refusal = checkWrite(form, context) { return refusal }
            guard let number = context.parameters.get("number").flatMap({ Int($0) }), number > 0 else {
                return Reply.message(context.language("not_found"), "no such action", status: .notFound, context: context)
            }
            let submitted = formState(form, fields: Self.progressFields)
            let author = context.user?.name
            let outcome: FormOutcome = try await pool.write { tracker in
                var state = submitted
                try Writes.addProgress(tracker, action: number, state: &state, author: author)
                return state.errors.isEmpty && state.formError == nil ? .saved : .refused(state)
            }
            switch outcome {
            case .saved: return Reply.redirect("/actions/\(number)#timeline")
            case .refused(let state):
                let body = try await pool.read { tracker in try actionPage(tracker, number: number, context: context, form: state) }
                return Reply.page("\(context.language("action")) \(number)", body, context: context, path: "/actions/\(number)",
                                  flash: context.language("fix_below"), status: .unprocessableContent)
            }
        }

        readPage(router, "/actions/:number/updates/:id/correct") { request, context in
            guard context.user?.role.canWrite == true, let session = context.session else {
                return Reply.message(context.language("forbidden"), context.language("viewer_note"), status: .forbidden, context: context)
            }
            guard let number = context.parameters.get("number").flatMap({ Int($0) }),
                  let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
                return Reply.message(context.language("not_found"), "no such update", status: .notFound, context: context)
            }
            let body = try await pool.read { tracker in
                try correctPage(tracker, number: number, id: id, csrf: session.csrfToken, context: context, state: nil)
            }
            return Reply.page(context.language("correct_update"), body, context: context, path: "/actions/\(number)")
        }

        router.post("/actions/:number/updates/:id/correct") { request, context in
            var request = request
            let form = FormBody(try await request.bodyText())
            if let refusal = checkWrite(form, context) { return refusal }
            guard let number = context.parameters.get("number").flatMap({ Int($0) }),
                  let id = context.parameters.get("id").flatMap({ Int64($0) }), let session = context.session else {
                return Reply.message(context.language("not_found"), "no such update", status: .notFound, context: context)
            }
            let submitted = formState(form, fields: Self.progressFields)
            let author = session.user.name
            let outcome: FormOutcome = try await pool.write { tracker in
                var state = submitted
                try Writes.correctProgress(tracker, id: id, state: &state, author: author)
                return state.errors.isEmpty && state.formError == nil ? .saved : .refused(state)
            }
            switch outcome {
            case .saved:
                return Reply.redirect("/actions/\(number)#timeline")
            case .refused(let state):
                let body = try await pool.read { tracker in
                    try correctPage(tracker, number: number, id: id, csrf: session.csrfToken, context: context, state: state)
                }
                return Reply.page(context.language("correct_update"), body, context: context, path: "/actions/\(number)",
                                  flash: context.language("fix_below"), status: .unprocessableContent)
            }
        }

        trainingPost(router, "/training", fields: Self.trainingFields, Writes.addTraining)
        trainingPost(router, "/training/withdraw", fields: Self.withdrawFields, Writes.withdrawTraining)
    }

    /// A form of the training page: checked, written as the signed-in user, or shown again with its problems.
    func trainingPost(_ router: Router<WebContext>, _ path: RouterPath, fields: [String],
                      _ write: @escaping @Sendable (TrackerDatabase, inout FormState, String?) throws -> Void) {
        router.post(path) { request, context in
            var request = request
            let form = FormBody(try await request.bodyText())
            if let refusal = checkWrite(form, context) { return refusal }
            let submitted = formState(form, fields: fields)
            let author = context.user?.name
            let outcome: FormOutcome = try await pool.write { tracker in
                var state = submitted
                try write(tracker, &state, author)
                return state.errors.isEmpty && state.formError == nil ? .saved : .refused(state)
            }
            switch outcome {
            case .saved: return Reply.redirect("/training")
            case .refused(let state):
                let body = try await pool.read { tracker in try trainingPage(tracker, context: context, form: state) }
                return Reply.page(context.language("training"), body, context: context, path: "/training",
                                  flash: context.language("fix_below"), status: .unprocessableContent)
            }
        }
    }

    /// The correction form, filled with the update's values from the action's timeline unless the
    /// user's are given back. Fields left empty keep the update's value.
    func correctPage(_ tracker: TrackerDatabase, number: Int, id: Int64, csrf: String, context: WebContext, state: FormState?) throws -> String {
        let detail = try tracker.action(number)
        guard let update = rows(detail.timeline).first(where: { ($0["id"] as? String) == String(id) }) else {
            throw TrackerError("no progress update \(id) on action \(number)")
        }
        let current = FormState(values: Dictionary(uniqueKeysWithValues: Self.progressFields.compactMap { name in
            (update[name] as? String).map { (name, $0) }
        }))
        let commitments = detail.commitments.rows.compactMap { $0.first?.displayText }
        let form = progressForm(action: "/actions/\(number)/updates/\(id)/correct", csrf: csrf, state: state ?? current,
                                commitments: commitments, language: context.language)
        return Templates.render("correct", ["t": context.language.labels, "actionNumber": number, "id": id, "form": form])
    }
}

enum FormOutcome: Sendable {
    case saved
    case refused(FormState)
}
