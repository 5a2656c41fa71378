import Presentation
import Tracker

/// The interface's two languages are Tracker's `Language`, its words Presentation's catalogue.
/// Plan text stays in its own language whichever is chosen.
extension Language {
    /// The `lang` cookie when set (the switch sticks), else the first of `Accept-Language` we speak.
    static func choose(cookie: String?, acceptLanguage: String?) -> Language {
        if let cookie, let chosen = Language(rawValue: cookie) { return chosen }
        for part in (acceptLanguage ?? "").split(separator: ",") {
            let tag = part.split(separator: ";").first.map { String($0.filter { $0 != " " }).lowercased() } ?? ""
            if tag.hasPrefix("zh") { return .zh }
            if tag.hasPrefix("en") { return .en }
        }
        return .en
    }

    var other: Language { self == .en ? .zh : .en }
    /// The same language for the charts (one enum since the catalogue moved to Presentation).
    var forCharts: Language { self }
    var switchLabel: String { self == .en ? "中文" : "English" }
}
