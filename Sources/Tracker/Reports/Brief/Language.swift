/// The language of the dashboard's, the briefing's and the web pages' words (the plan's own text
/// stays as written). The words themselves are Presentation's catalogue (Labels).
public enum Language: String, CaseIterable, Sendable {
    case zh, en

    /// Chinese when `text` has a CJK ideograph, else English: how a plan's language is told from its title.
    public static func of(_ text: String) -> Language {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) } ? .zh : .en
    }

    /// The value of the HTML `lang` attribute.
    public var htmlTag: String { self == .zh ? "zh-Hans" : "en" }
}
