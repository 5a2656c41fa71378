/// The text the importer reads, built block by block: front matter (title, publisher, date, url),
/// then `#` headings, `-` bullets, numbered items with their printed labels and paragraphs, each
/// separated by a blank line. A PDF's blocks carry their page, so every line of the text has one.
public struct Outline: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        /// Level 1–6.
        case heading(Int, String)
        case bullet(String)
        /// A list item whose number is printed as `label` ("1.", "（一）", "一、", "a)").
        case numbered(String, String)
        case paragraph(String)
    }

    public var title: String?
    public var publisher: String?
    /// ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY).
    public var date: String?
    public var url: String?
    public var blocks: [(block: Block, page: Int?)] = []
    /// What the reader left out (navigation, share boxes, running headers…), for `import --dry-run`.
    public var dropped: [String] = []

    public init() {}

    public mutating func append(_ block: Block, page: Int? = nil) {
        let text: String
        switch block {
        case .heading(_, let value), .bullet(let value), .numbered(_, let value), .paragraph(let value): text = value
        }
        guard !Whitespace.collapse(text).isEmpty else { return }
        blocks.append((block, page))
    }

    public mutating func drop(_ text: String) {
        let collapsed = Whitespace.collapse(text, keepingSpacesBetweenCJK: true)
        if !collapsed.isEmpty { dropped.append(collapsed) }
    }

    public static func == (lhs: Outline, rhs: Outline) -> Bool {
        lhs.render() == rhs.render() && lhs.dropped == rhs.dropped
    }

    /// The text and, for each of its lines (1-based line n is `pages[n - 1]`), the page it came
    /// from; `pages` is empty when no block has a page.
    public func render() -> (text: String, pages: [Int]) {
        var lines: [String] = []
        var pages: [Int] = []
        let paged = blocks.contains { $0.page != nil }
        let firstPage = blocks.first { $0.page != nil }?.page ?? 1
        func add(_ line: String, page: Int) {
            lines.append(line)
            pages.append(page)
        }
        let fields = [("title", title), ("publisher", publisher), ("date", date), ("url", url)].compactMap { key, value in
            value.map { (key, Whitespace.collapse($0)) }
        }.filter { !$0.1.isEmpty }
        if !fields.isEmpty {
            add("---", page: firstPage)
            for (key, value) in fields { add("\(key): \(value)", page: firstPage) }
            add("---", page: firstPage)
            add("", page: firstPage)
        }
        var page = firstPage
        for (index, (block, blockPage)) in blocks.enumerated() {
            page = blockPage ?? page
            if index > 0 { add("", page: page) }
            switch block {
            case .heading(let level, let text):
                add(String(repeating: "#", count: min(max(level, 1), 6)) + " " + Whitespace.collapse(text), page: page)
            case .bullet(let text): add("- " + Whitespace.collapse(text), page: page)
            case .numbered(let label, let text):
                let separator = label.last.map { $0.isASCII && $0 != "、" ? " " : "" } ?? ""
                add(label + separator + Whitespace.collapse(text), page: page)
            case .paragraph(let text): add(Whitespace.collapse(text), page: page)
            }
        }
        return (lines.joined(separator: "\n") + "\n", paged ? pages : [])
    }
}

enum Whitespace {
    /// One line: runs of whitespace (any kind, newlines and no-break spaces too) become one space,
    /// none between two CJK characters (a line broken inside a Chinese sentence), trimmed.
    static func collapse(_ text: String, keepingSpacesBetweenCJK: Bool = false) -> String {
        var result: [Unicode.Scalar] = []
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace, let last = result.last, keepingSpacesBetweenCJK || !(isCJK(last) && isCJK(scalar)) { result.append(" ") }
            pendingSpace = false
            // Zero-width spaces and soft hyphens are invisible in print and break searches.
            if scalar == "\u{200B}" || scalar == "\u{00AD}" || scalar == "\u{FEFF}" { continue }
            result.append(scalar)
        }
        var string = ""
        string.unicodeScalars.append(contentsOf: result)
        return string
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{A0}", "\u{3000}", "\u{2002}"..."\u{200A}", "\u{202F}", "\u{205F}": true
        default: false
        }
    }

    /// Ideographs and CJK punctuation: scripts written without spaces between words.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
