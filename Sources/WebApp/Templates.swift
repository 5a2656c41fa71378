import Mustache
import Presentation
import Tracker

/// The pages' Mustache templates (Templates/*.mustache, compiled in by Presentation). `{{x}}` escapes (& < > " '), so text from the database is
/// always shown as text; `{{{x}}}` is used only for markup built here (the SVG charts).
enum Templates {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in sources {
            // The templates are compiled into the binary; a parse error is a programming error caught by every test.
            try! library.register(text, named: name)
        }
        return library
    }()

    static func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// The dashboard's stylesheet, then the web app's own (Templates/web.css).
    static let css = DashboardPage.stylesheet + PageTemplates.stylesheet("web")

    /// Templates/*.mustache, by name.
    static let sources = PageTemplates.sources
}
