/// The web pages' Mustache templates and stylesheet, from the files in Templates/ (compiled in by
/// the EmbedResources plugin), so a wording or style change is an edit of those files alone.
/// They stay text here: WebApp (and any other renderer of the same pages) parses them.
public enum PageTemplates {
    /// Each `NAME.mustache` under Templates/ by NAME (a partial is referred to by the same name).
    public static let sources: [String: String] = {
        var sources: [String: String] = [:]
        for file in EmbeddedResources.templates where file.name.hasSuffix(".mustache") {
            sources[String(file.name.dropLast(".mustache".count))] = file.contents
        }
        return sources
    }()

    /// Templates/NAME.css.
    public static func stylesheet(_ name: String) -> String {
        EmbeddedResources.templates.first { $0.name == name + ".css" }?.contents ?? ""
    }
}
