/// The JSON API's OpenAPI 3.1 document, docs/openapi.json as compiled in (the web app serves it
/// at /api/openapi.json; schemathesis checks the server against it in `make test`).
public enum APIDescription {
    public static var openAPI: String {
        EmbeddedResources.api.first { $0.name == "openapi.json" }?.contents ?? "{}"
    }
}
