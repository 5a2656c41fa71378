import Hummingbird
import Presentation
import Tracker

/// What a form shows: the values as typed, and a message per field that was refused.
struct FormState: Sendable {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    /// A problem that is no single field's (e.g. the update was already corrected).
    var formError: String?
    /// Where this form shows a domain field whose form name is not `formName(_:)`'s.
    var fieldNames: [TrackerError.Field: String] = [:]
    /// The fields the form shows; a refusal naming another field is shown above the form.
    var fields: Set<String>

    init(values: [String: String] = [:], fields: [String]) {
        self.values = values
        self.fields = Set(fields)
    }

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
            let message = Self.webWording(described.lines.joined(separator: "\n"))
            if let field = described.field, let name = Optional(fieldNames[field] ?? Self.formName(field)), fields.contains(name) {
                errors[name] = message
            } else {
                formError = message
            }
            return nil
        }
    }

    /// A refusal as a web user should read it: the use cases' advice on which command to run
    /// (a clause with a `command` or an --option in it) is no help in a browser, so it is left out.
    static func webWording(_ message: String) -> String {
        var parts = message.split(separator: "; ", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 1 { parts = [parts[0]] + parts.dropFirst().filter { !$0.contains("`") && !$0.contains("--") } }
        var text = parts.joined(separator: "; ")
        // "(progress add … --status completed)" and the like.
        while let open = text.firstRange(of: " ("), let close = text[open.upperBound...].firstIndex(of: ")"),
              text[open.upperBound..<close].contains("--") || text[open.upperBound..<close].contains("`") {
            text.removeSubrange(open.lowerBound...close)
        }
        return text.replacing("`", with: "")
    }

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

    /// The values and the problems for a template, the problems in the page's language.
    func context(_ language: Language) -> [String: Any] {
        var result: [String: Any] = ["values": values, "errors": errors.mapValues(language.refusal)]
        if let formError { result["formError"] = language.refusal(formError) }
        return result
    }
}

extension WebApp {
    /// The progress form's fields, as the JSON API's keys.
    static let progressFields = ["note", "status", "reported_on", "percent", "evidence_url", "commitment"]
    static let actualFields = ["commitment"] + correctActualFields

    func progressForm(action: String, csrf: String, state: FormState, commitments: [String], language: Language) -> String {
        let status = state.values["status"] ?? Status.inProgress.rawValue
        let commitment = state.values["commitment"] ?? ""
        var context = state.context(language)
        context["t"] = language.labels
        context["action"] = action
        context["csrf"] = csrf
        context["statuses"] = Status.allCases.map { ["value": $0.rawValue, "label": language.status($0), "selected": $0.rawValue == status] }
        context["commitmentOptions"] = commitments.map { ["value": $0, "selected": $0 == commitment] }
        return Templates.render("progressForm", context)
    }

    func actionPage(_ tracker: TrackerDatabase, number: Int, context: WebContext, form: FormState) throws -> String {
        let detail = try tracker.action(number)
        let language = context.language
        let canWrite = context.user?.role.canWrite == true
        let commitments = try TableRecord.records(of: detail.commitments).map { try $0.text("slug") }
        let timeline = try TableRecord.records(of: detail.timeline).map { row in
            try Views.timelineEntry(row, action: number, canWrite: canWrite, language: language)
        }
        // The status in force, as `action list` has it (action_status: updates and sessions alike).
        guard let inForce = try tracker.actionStatus(asOf: .today()).first(where: { $0.number == detail.number }) else {
            throw TrackerError("action \(detail.number) has no status in force")
        }
        let status = inForce.status.rawValue
        // The action's text once, then where it was read from (the quote is that same text as the document has it).
        // A title that is the text's first words is not repeated above it; an English page heads it with the English title.
        let titleInText = detail.body.hasPrefix(detail.title)
        let heading: (title: String?, titleEn: String?) = titleInText
            ? (language == .en ? detail.titleEn : nil, language == .en ? nil : detail.titleEn)
            : (detail.title, detail.titleEn)
        var page: [String: Any] = [
            "t": language.labels, "number": detail.number, "title": heading.title ?? false, "titleEn": heading.titleEn ?? false,
            "vision": detail.vision ?? false, "body": detail.body,
            "sourceNote": Views.sourceNote(document: detail.document, line: detail.sourceLine, language: language) ?? false,
            "status": status, "statusLabel": language.status(named: status) ?? status,
            "lastUpdate": inForce.lastUpdate?.description ?? false,
            "commitments": try TableRecord.records(of: detail.commitments).map { row -> [String: Any] in
                ["slug": try row.text("slug"), "body": try row.text("body"), "due_on": try row.optional("due_on") ?? false,
                 "milestone": try row.optional("milestone") ?? false]
            },
            "hasCommitments": !detail.commitments.rows.isEmpty,
            "timeline": timeline, "hasTimeline": !timeline.isEmpty,
            "canWrite": canWrite,
        ]
        if canWrite, let session = context.session {
            page["form"] = progressForm(action: "/actions/\(number)/progress", csrf: session.csrfToken, state: form,
                                        commitments: commitments, language: language)
        }
        return Templates.render("action", page)
    }


    /// The training page: the sessions, and for editors the forms to add, correct and withdraw one.
    /// `refused` is the form that was sent back with its problems; the others are empty.
    func trainingPage(_ tracker: TrackerDatabase, context: WebContext, refused: (form: TrainingForm, state: FormState)? = nil) throws -> String {
        var page: [String: Any] = ["t": context.language.labels]
        let sessions = try tracker.trainingSessions().selecting(Self.sessionColumns)
        page["sessions"] = TableView.render(sessions, id: "sessions", rowIDPrefix: "session-", caption: context.language("training"), language: context.language)
        page["canWrite"] = context.user?.role.canWrite == true
        page["csrf"] = context.session?.csrfToken ?? ""
        for form in TrainingForm.allCases {
            let state = refused.flatMap { $0.form == form ? $0.state : nil } ?? FormState(fields: form.inputs.map(\.name))
            var formContext = state.context(context.language)
            formContext["fields"] = Self.fieldsContext(form.inputs, state: state, idPrefix: form.idPrefix, language: context.language)
            page["\(form.rawValue)Form"] = formContext
        }
        return Templates.render("training", page)
    }

    /// The sessions table's columns: when and where, who came, what it counts toward, and whether it still stands.
    static let sessionColumns = ["id", "started_on", "ended_on", "title", "location", "host", "participants", "countries",
                                 "milestone", "counts_as", "evidence_url", "superseded_by", "withdrawn_on", "withdrawn_because"]

    /// The records of the `fields` template: each input with what was typed and its problem.
    static func fieldsContext(_ inputs: [FormInput], state: FormState, idPrefix: String, language: Language) -> [[String: Any]] {
        inputs.map { input in
            let error = state.errors[input.name].map(language.refusal)
            return ["id": idPrefix + input.name, "name": input.name, "label": language(input.label), "type": input.type,
                    "inputmode": input.inputMode, "value": state.values[input.name] ?? "", "hasError": error != nil, "fieldError": error ?? ""]
        }
    }

    /// The targets page: milestones and every target's actual against its target as of `asOf`
    /// (kept until the database changes), then the recorded values and, for editors, the form to record one.
    func targetsPage(asOf: ISODate, context: WebContext, form: FormState? = nil) async throws -> String {
        let language = context.language
        let targets = try await pool.readCached("targets \(asOf) \(language)") { tracker in
            let data = try tracker.dashboard(asOf: asOf)
            let progress = try ResultTable(tracker.commitmentProgress(asOf: asOf)).selecting(Self.targetColumns)
            return Templates.render("targets", [
                "t": language.labels, "asOf": asOf.description,
                "milestones": data.milestones.map { Views.milestone(milestone: $0, data, language) },
                "commitments": TableView.render(progress, id: "commitments", caption: language("commitments"), language: language) { column, row in
                    column == "action" ? row["action"].map { "/actions/\($0)" } : nil
                },
            ])
        }
        let actuals = try await pool.read { tracker in try actualsSection(tracker, context: context, form: form) }
        return targets + actuals
    }

    /// The targets table's columns: what is promised, the level reached, and the verdict.
    static let targetColumns = ["action", "title", "target", "unit", "actual", "actual_on", "percent", "due_on", "status", "slug"]

    /// Every value recorded against a target (corrections and what they replace included), and the record form.
    func actualsSection(_ tracker: TrackerDatabase, context: WebContext, form: FormState?) throws -> String {
        let canWrite = context.user?.role.canWrite == true
        let slugs = try tracker.commitmentProgress(asOf: .today()).map(\.slug)
        var actuals: [[String: Any]] = []
        for slug in slugs {
            // `commitment show`'s list of measured points; only the recorded values are this page's.
            for row in TableRecord.records(of: try tracker.commitmentDetail(slug).actuals) where try row.text("source") == "actual" {
                let supersededBy = try row.optional("superseded_by")
                let evidence = try row.optional("evidence_url")
                actuals.append([
                    "id": try row.text("id"), "commitment": slug, "measuredOn": try row.text("on_date"), "value": try row.text("value"),
                    "note": try row.optional("note") ?? "", "author": try row.optional("author") ?? "", "corrects": try row.optional("supersedes_id") ?? false,
                    "commitmentLabel": slug,
                    "isSuperseded": supersededBy != nil, "supersededBy": supersededBy ?? "",
                    "evidenceLink": WebLink.linkable(evidence) ?? false,
                    "evidenceText": evidence ?? "",
                    "canCorrect": canWrite && supersededBy == nil,
                ])
            }
        }
        var page: [String: Any] = ["t": context.language.labels, "actuals": actuals, "hasActuals": !actuals.isEmpty, "canWrite": canWrite]
        if canWrite, let session = context.session {
            // Only what `recordActual` accepts: a target counted in sessions or a date-only deliverable is never offered.
            let recordable = try tracker.commitmentsTakingActuals().map { commitment in
                (slug: commitment.slug, label: (commitment.action.map { "\(context.language("action")) \($0) · " } ?? "") + commitment.title)
            }
            page["form"] = actualForm(action: "/targets/actuals", csrf: session.csrfToken,
                                      state: form ?? FormState(fields: Self.actualFields), commitments: recordable, language: context.language)
        }
        return Templates.render("actuals", page)
    }

    /// The form of a measured value: with a choice of commitment to record one, without to correct one.
    func actualForm(action: String, csrf: String, state: FormState, commitments: [(slug: String, label: String)]?, language: Language) -> String {
        var context = state.context(language)
        context["t"] = language.labels
        context["action"] = action
        context["csrf"] = csrf
        if let commitments {
            let chosen = state.values["commitment"] ?? ""
            context["chooseCommitment"] = true
            context["commitmentOptions"] = commitments.map { ["slug": $0.slug, "label": $0.label, "selected": $0.slug == chosen] }
        }
        context["fields"] = Self.fieldsContext(Self.actualInputs, state: state, idPrefix: "", language: language)
        return Templates.render("actualForm", context)
    }

    /// The correction form of recorded value `id` of `slug`, filled with its values unless the user's are given back.
    func correctActualPage(_ tracker: TrackerDatabase, slug: String, id: Int64, csrf: String, context: WebContext, state: FormState?) throws -> String {
        guard let row = try TableRecord.records(of: try tracker.commitmentDetail(slug).actuals).first(where: {
            try $0.text("source") == "actual" && $0.text("id") == String(id)
        }) else { throw TrackerError("no recorded value \(id) of commitment \(slug)") }
        let current = FormState(values: [
            "value": try row.text("value"), "measured_on": try row.text("on_date"),
            "note": try row.optional("note") ?? "", "evidence_url": try row.optional("evidence_url") ?? "",
        ], fields: Self.correctActualFields)
        let form = actualForm(action: "/targets/\(slug)/actuals/\(id)/correct", csrf: csrf, state: state ?? current, commitments: nil,
                              language: context.language)
        return Templates.render("correctActual", ["t": context.language.labels, "id": id, "slug": slug, "form": form])
    }


    /// Reads the submitted fields that a form knows, as typed.
    func formState(_ form: FormBody, fields: [String]) -> FormState {
        FormState(values: Dictionary(uniqueKeysWithValues: fields.compactMap { name in form[name].map { (name, $0) } }), fields: fields)
    }

    /// The signed-in session, when its user may write.
    func editorSession(_ context: WebContext) -> SignedInSession? {
        context.user?.role.canWrite == true ? context.session : nil
    }

    /// A form's POST: refused without a session, with a missing or wrong CSRF token, or from a
    /// viewer; else `write` runs on the write connection with the submitted fields and the
    /// signed-in user as author. Saved: 303 to `saved`. Refused: `page` shows the form again with
    /// the problems beside their fields and what was typed (422); nothing was written.
    func formPost(_ request: Request, _ context: WebContext, fields: [String], saved: String, title: String, path: String,
                  write: @escaping @Sendable (TrackerDatabase, inout FormState, String?) throws -> Void,
                  page: @Sendable (FormState) async throws -> String) async throws -> Response {
        var request = request
        let form = FormBody(try await request.bodyText())
        if let refusal = checkWrite(form, context) { return refusal }
        let submitted = formState(form, fields: fields)
        let author = context.user?.name
        let outcome: FormOutcome = try await pool.write { tracker in
            var state = submitted
            try write(tracker, &state, author)
            return state.outcome
        }
        switch outcome {
        case .saved: return Reply.redirect(saved)
        case .refused(let state):
            return Reply.page(title, try await page(state), context: context, path: path, flash: context.language("fix_below"),
                              status: .unprocessableContent)
        }
    }

    /// The correction form, filled with the update's values from the action's timeline unless the
    /// user's are given back. Fields left empty keep the update's value.
    func correctPage(_ tracker: TrackerDatabase, number: Int, id: Int64, csrf: String, context: WebContext, state: FormState?) throws -> String {
        let detail = try tracker.action(number)
        guard let update = try TableRecord.records(of: detail.timeline).first(where: { try $0.text("id") == String(id) }) else {
            throw TrackerError("no progress update \(id) on action \(number)")
        }
        // The timeline has no commitment column: left empty, the correction keeps the update's.
        let current = FormState(values: Dictionary(uniqueKeysWithValues: try Self.progressFields.filter { $0 != "commitment" }.compactMap { name in
            try update.optional(name).map { (name, $0) }
        }), fields: Self.progressFields)
        let commitments = try TableRecord.records(of: detail.commitments).map { try $0.text("slug") }
        let form = progressForm(action: "/actions/\(number)/updates/\(id)/correct", csrf: csrf, state: state ?? current,
                                commitments: commitments, language: context.language)
        return Templates.render("correct", ["t": context.language.labels, "actionNumber": number, "id": id, "form": form])
    }
}

enum FormOutcome: Sendable {
    case saved
    case refused(FormState)
}

extension FormState {
    /// Saved when the write met no problem, else refused with the problems to show.
    var outcome: FormOutcome { errors.isEmpty && formError == nil ? .saved : .refused(self) }
}

/// One input of a form: its name (the CLI's JSON key), its label's key, and how browsers should take it.
struct FormInput: Sendable {
    let name: String
    let label: String
    var type = "text"
    var inputMode = "text"
}

/// The training page's forms.
enum TrainingForm: String, Sendable, CaseIterable {
    case add, correct, withdraw

    var inputs: [FormInput] {
        switch self {
        case .add: WebApp.sessionInputs
        case .correct: [FormInput(name: "session", label: "session_id", inputMode: "numeric")] + WebApp.sessionInputs
        case .withdraw: [FormInput(name: "session", label: "session_id", inputMode: "numeric"), FormInput(name: "reason", label: "reason")]
        }
    }

    /// Element ids of the correction form are prefixed: its inputs share their names with the add form's.
    var idPrefix: String { self == .correct ? "correct-" : "" }

    var path: RouterPath {
        switch self {
        case .add: "/training"
        case .correct: "/training/correct"
        case .withdraw: "/training/withdraw"
        }
    }

    var write: @Sendable (TrackerDatabase, inout FormState, String?) throws -> Void {
        switch self {
        case .add: Writes.addTraining
        case .correct: Writes.correctTraining
        case .withdraw: Writes.withdrawTraining
        }
    }
}

extension WebApp {
    static let sessionInputs = [
        FormInput(name: "title", label: "title"), FormInput(name: "started_on", label: "start", type: "date"),
        FormInput(name: "ended_on", label: "end", type: "date"), FormInput(name: "location", label: "location"),
        FormInput(name: "host", label: "host"), FormInput(name: "participants", label: "participants", inputMode: "numeric"),
        FormInput(name: "countries", label: "countries", inputMode: "numeric"), FormInput(name: "evidence_url", label: "evidence", type: "url"),
    ]
    static let actualInputs = [
        FormInput(name: "value", label: "value", inputMode: "decimal"), FormInput(name: "measured_on", label: "measured_on", type: "date"),
        FormInput(name: "note", label: "note"), FormInput(name: "evidence_url", label: "evidence", type: "url"),
    ]
    static let correctActualFields = actualInputs.map(\.name)
}
