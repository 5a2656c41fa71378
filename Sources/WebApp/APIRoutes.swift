import FoundationEssentials
import Hummingbird
import Presentation
import NIOCore
import Tracker

/// The JSON API for scripts: the same keys as the CLI's `--format json`.
extension WebApp {
    func addAPIRoutes(to router: Router<WebContext>) {
        // The latest signed checkpoint of the hash chain, for anyone to keep and check the data
        // against later (`plantrack verify --checkpoint`).
        router.get("/checkpoint") { _, _ in
            guard let statement = try await pool.read({ try $0.latestCheckpoint() }) else {
                return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: "no checkpoint yet (plantrack checkpoint makes one)\n")))
            }
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-cache"],
                            body: .init(byteBuffer: ByteBuffer(string: statement)))
        }

        router.get("/api/actions") { request, context in
            try await apiRead(request, context) { tracker, asOf in ResultTable(try tracker.actionStatus(asOf: asOf)) }
        }
        router.get("/api/milestones") { request, context in
            try await apiRead(request, context) { tracker, asOf in ResultTable(try tracker.milestones(asOf: asOf)) }
        }
        router.get("/api/commitments") { request, context in
            // The rows and keys of `commitment list --as-of`, from the commitment_progress view.
            try await apiRead(request, context) { tracker, asOf in ResultTable(try tracker.commitmentProgress(asOf: asOf)) }
        }

        router.post("/api/progress") { request, _ in
            var parsed: FormState
            let author: String
            switch try await apiWriteRequest(request, fields: ["action"] + Self.progressFields) {
            case .failure(let refusal): return refusal.response
            case .success(let accepted): (author, parsed) = (accepted.user.name, accepted.state)
            }
            // The action by number or by its printed label (二（一）3).
            guard let number = parsed.parse("action", required: true, FieldParser.actionReference) else {
                return Reply.jsonError(.unprocessableContent, field: "action", parsed.errors["action"] ?? "the action is missing")
            }
            return try await apiAnswer(parsed) { tracker, state in
                try Writes.addProgress(tracker, action: number, state: &state, author: author)
            }
        }

        addAPIWriteRoutes(to: router)
        // The API's OpenAPI 3.1 description (docs/openapi.json, compiled in); public, like any API documentation.
        router.get("/api/openapi.json") { _, _ in Reply.json(APIDescription.openAPI) }
    }

    /// A live bearer token's user (a cookie alone never authorises an API write).
    func bearerUser(_ request: Request) async throws -> User? {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return nil }
        let token = String(header.dropFirst("Bearer ".count))
        let today = ISODate.today()
        return try await pool.accounts { try $0.user(forToken: token, today: today) }
    }

    /// An API write refused before it reaches a use case, as its JSON answer.
    struct APIRefusal: Error {
        let response: Response
    }

    /// The checks every API write makes, in this order: a live bearer token (401), no one-time
    /// password still to change (403), an editor (403), a body of valid UTF-8 (400, refused, never
    /// repaired, as the forms do) holding a JSON object of strings and numbers (400).
    func apiWriteRequest(_ request: Request, fields: [String]) async throws -> Result<(user: User, state: FormState), APIRefusal> {
        var request = request
        guard let user = try await bearerUser(request) else {
            return .failure(APIRefusal(response: Reply.jsonError(
                .unauthorized, field: nil, "a valid bearer token is needed (plantrack token create --user NAME)")))
        }
        if user.mustChangePassword { return .failure(APIRefusal(response: Self.mustChangeFirst(user))) }
        guard user.role.canWrite else {
            return .failure(APIRefusal(response: Reply.jsonError(.forbidden, field: nil, "user \(user.name) is a viewer")))
        }
        guard let text = try await request.bodyUTF8() else {
            return .failure(APIRefusal(response: Reply.jsonError(.badRequest, field: nil, "the body is not valid UTF-8")))
        }
        do {
            return .success((user, FormState(values: try Self.jsonFields(text), fields: fields)))
        } catch {
            return .failure(APIRefusal(response: Reply.jsonError(.badRequest, field: nil, "the body is not a JSON object of strings and numbers")))
        }
    }

    /// Runs `write` on the writer: 201 with the new id, or 422 naming the first refused field.
    func apiAnswer(
        _ submitted: FormState, _ write: @escaping @Sendable (TrackerDatabase, inout FormState) throws -> Int64?
    ) async throws -> Response {
        let result: Result<Int64, FormRefusal> = try await pool.write { tracker in
            var state = submitted
            guard let id = try write(tracker, &state), state.errors.isEmpty, state.formError == nil else {
                return .failure(FormRefusal(state: state))
            }
            return .success(id)
        }
        switch result {
        case .success(let id): return Reply.json("{\"id\": \(id)}\n", status: .created)
        case .failure(let refusal):
            let field = refusal.state.errors.keys.sorted().first
            return Reply.jsonError(.unprocessableContent, field: field,
                                   field.flatMap { refusal.state.errors[$0] } ?? refusal.state.formError ?? "refused")
        }
    }

    /// A user still holding a one-time password may do nothing with a token either.
    static func mustChangeFirst(_ user: User) -> Response {
        Reply.jsonError(.forbidden, field: nil, "user \(user.name) must change the one-time password first (sign in on the web page)")
    }

    func apiRead(_ request: Request, _ context: WebContext,
                 _ query: @escaping @Sendable (TrackerDatabase, ISODate) throws -> ResultTable) async throws -> Response {
        var allowed = mayRead(context)
        if !allowed, let user = try await bearerUser(request) {
            if user.mustChangePassword { return Self.mustChangeFirst(user) }
            allowed = true
        }
        guard allowed else { return Reply.jsonError(.unauthorized, field: nil, "sign in or send a bearer token") }
        let asOf: ISODate
        do { asOf = try asOfParameter(request) } catch {
            return Reply.jsonError(.unprocessableContent, field: "as_of", "'\(request.uri.queryParameters["as_of"] ?? "")' is not a valid date (expected YYYY-MM-DD, e.g. 2025-06-30)")
        }
        let json = try await pool.readCached("\(request.uri.path) \(asOf)") { tracker in
            try query(tracker, asOf).render(as: .json)
        }
        return Reply.json(json)
    }

    /// A JSON object's members as the text a form would carry: strings as they are, numbers as written.
    static func jsonFields(_ text: String) throws -> [String: String] {
        let object = try JSONDecoder().decode([String: JSONScalar].self, from: Data(text.utf8))
        return object.compactMapValues(\.text)
    }
}

struct FormRefusal: Error, Sendable {
    let state: FormState
}

/// A JSON member value the API accepts: a string, a number, or null.
enum JSONScalar: Decodable {
    case text(String)
    case null

    var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let integer = try? container.decode(Int64.self) { self = .text(String(integer)); return }
        if let number = try? container.decode(Double.self) { self = .text(String(number)); return }
        self = .text(try container.decode(String.self))
    }
}
