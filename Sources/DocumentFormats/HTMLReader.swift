/// A saved web page → outline. Finds the article (gov.cn's `#UCAP-CONTENT`, else `<article>`,
/// `<main>`, `role=main`, else the block with the most paragraph text), leaves out navigation,
/// breadcrumbs, related links, share boxes, scripts and footers, and keeps headings (`h1`–`h6`,
/// and the bold centred paragraphs gov.cn uses as headings), lists and paragraphs.
public enum HTMLReader {
    /// Pages larger than this are refused before parsing (a saved article is well under 5 MB).
    public static let maximumBytes = 20 << 20

    public static func read(_ bytes: [UInt8], fileName: String) throws -> Outline {
        guard !bytes.isEmpty else { throw ConversionError(fileName, "empty page") }
        guard bytes.count <= maximumBytes else {
            throw ConversionError(fileName, "page of \(bytes.count) bytes is larger than the \(maximumBytes >> 20) MB limit; nothing imported")
        }
        let tree = try XMLTree.html(bytes, fileName: fileName)
        guard let root = tree.root else { throw ConversionError(fileName, "not a readable HTML page") }
        var reader = Walker()
        reader.readMetadata(root)
        let article = articleElement(root)
        reader.dropOutside(article, from: root)
        reader.walk(article)
        reader.flush()
        var outline = reader.outline
        if outline.title == nil {
            outline.title = outline.blocks.lazy.compactMap { if case .heading(_, let text) = $0.block { text } else { nil } }.first
                ?? reader.pageTitle
        }
        guard !outline.blocks.isEmpty else { throw ConversionError(fileName, "no article text found in the page") }
        return outline
    }

    static func articleElement(_ root: XMLNode) -> XMLNode {
        let all = root.descendants { _ in true }
        if let gov = all.first(where: { $0.attribute("id") == "UCAP-CONTENT" }) { return gov }
        let candidates = all.filter {
            $0.name == "article" || $0.name == "main" || $0.attribute("role") == "main"
        }.filter { !Walker.isFurniture($0) }
        if let best = candidates.max(by: { paragraphText($0) < paragraphText($1) }), paragraphText(best) > 0 { return best }
        // No landmark: the element whose own paragraphs (not its descendants' blocks) hold the most text.
        let blocks = all.filter { ["div", "section", "td", "body"].contains($0.name) && !Walker.isFurniture($0) }
        let scored = blocks.map { block in
            (block, block.elements.filter { ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol"].contains($0.name) }
                .reduce(0) { $0 + $1.text.unicodeScalars.count })
        }
        if let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0 { return best.0 }
        return all.first { $0.name == "body" } ?? root
    }

    private static func paragraphText(_ node: XMLNode) -> Int {
        node.descendants { $0.name == "p" || $0.name == "li" || $0.name.count == 2 && $0.name.hasPrefix("h") }
            .reduce(0) { $0 + $1.text.unicodeScalars.count }
    }
}

private struct Walker {
    var outline = Outline()
    var pageTitle: String?
    /// Inline text waiting to become a paragraph: (text, was it bold).
    private var pending: [(String, Bool)] = []
    private var pendingCentred = false

    static let skippedElements: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button", "select",
        "template", "svg", "canvas", "object", "embed", "video", "audio", "input", "textarea", "head", "title", "meta", "link",
    ]
    private static let furnitureWords = [
        "nav", "breadcrumb", "crumb", "share", "related", "footer", "header", "menu", "sidebar", "comment", "toolbar",
        "print", "pagination", "position", "weixin", "wechat", "qrcode", "copyright", "banner", "advert", "social", "relevant",
        "xgwj", "xgzc", "fenxiang", "dyzw", "tools", "topbar", "skip",
    ]
    private static let headings: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]
    private static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "blockquote", "center", "table", "tbody", "thead", "tr", "td", "th",
        "ul", "ol", "li", "dl", "dt", "dd", "pre", "figure", "figcaption", "address", "body", "html", "hr", "caption",
    ]

    /// Navigation, share boxes, footers and the like, by element or by id/class/role.
    static func isFurniture(_ node: XMLNode) -> Bool {
        if skippedElements.contains(node.name) { return true }
        if let role = node.attribute("role"), ["navigation", "banner", "contentinfo", "complementary", "search"].contains(role) {
            return true
        }
        if node.attribute("hidden") != nil || node.attribute("aria-hidden") == "true" { return true }
        if let style = node.attribute("style")?.lowercased().filter({ $0 != " " }), style.contains("display:none") { return true }
        let names = ((node.attribute("id") ?? "") + " " + (node.attribute("class") ?? "")).lowercased()
        return furnitureWords.contains { names.contains($0) }
    }

    mutating func readMetadata(_ root: XMLNode) {
        for meta in root.descendants(where: { $0.name == "meta" }) {
            let name = (meta.attribute("name") ?? meta.attribute("property") ?? "").lowercased()
            guard let content = meta.attribute("content").map({ Whitespace.collapse($0) }), !content.isEmpty else { continue }
            switch name {
            case "articletitle", "og:title", "dc.title": if outline.title == nil { outline.title = content }
            case "pubdate", "publishdate", "dc.date", "article:published_time", "firstpublishedtime":
                if outline.date == nil { outline.date = Metadata.isoDate(content) }
            case "contentsource", "author", "dc.publisher", "og:site_name":
                if outline.publisher == nil && name != "og:site_name" { outline.publisher = content }
            case "url", "og:url": if outline.url == nil { outline.url = content }
            default: break
            }
        }
        if let title = root.descendants(where: { $0.name == "title" }).first {
            pageTitle = Self.cleanPageTitle(title.text)
        }
        // gov.cn's metadata table: cells "发文机关：" / "国务院", "成文日期：" / "2024年06月18日"; the
        // issuer and the date written on the document win over the page's publication metadata.
        var fromTable = Outline()
        for row in root.descendants(where: { $0.name == "tr" }) {
            let line = row.elements.map(\.spacedText).joined(separator: " ")
            _ = Metadata.absorb(line, into: &fromTable)
        }
        if let publisher = fromTable.publisher { outline.publisher = publisher }
        if let date = fromTable.date { outline.date = date }
        if outline.title == nil, let title = fromTable.title { outline.title = title }
    }

    /// "Title_国务院文件_中国政府网" → "Title".
    static func cleanPageTitle(_ raw: String) -> String? {
        let title = Whitespace.collapse(raw)
        let parts = title.split(whereSeparator: { $0 == "_" || $0 == "|" }).map { Whitespace.collapse(String($0)) }
        return parts.first { !$0.isEmpty } ?? (title.isEmpty ? nil : title)
    }

    /// Records what lies outside the article, so `--dry-run` can show what was left out.
    mutating func dropOutside(_ article: XMLNode, from root: XMLNode) {
        guard article.pointer != root.pointer else { return }
        var path: [XMLNode] = []
        var node: XMLNode? = article
        while let current = node {
            path.append(current)
            node = current.parent
        }
        for ancestor in path.dropFirst() {
            for child in ancestor.elements where !path.contains(where: { $0.pointer == child.pointer }) && !["head", "script", "style"].contains(child.name) {
                outline.drop(child.spacedText)
            }
        }
    }

    mutating func walk(_ node: XMLNode) {
        for child in node.children {
            if child.isText {
                pending.append((child.content, false))
                continue
            }
            guard child.isElement else { continue }
            let name = child.name
            if Self.isFurniture(child) {
                if !["script", "style", "noscript", "template", "head"].contains(name) { outline.drop(child.spacedText) }
                continue
            }
            if let level = Self.headings[name] {
                flush()
                outline.append(.heading(level, child.text))
                continue
            }
            switch name {
            case "br":
                flush()
            case "ul", "ol":
                flush()
                list(child)
            case "table":
                flush()
                table(child)
            case "p", "div", "center", "blockquote", "section", "article", "main", "dd", "dt", "pre", "figure", "figcaption", "li", "td", "th":
                flush()
                let centred = Self.isCentred(child)
                pendingCentred = centred
                walk(child)
                flush()
                pendingCentred = false
            case "strong", "b":
                pending.append((child.text, true))
            case "img", "hr":
                continue
            default:
                if child.descendants(where: { Self.blockElements.contains($0.name) && $0.pointer != child.pointer }).isEmpty {
                    inline(child)
                } else {
                    walk(child)
                }
            }
        }
    }

    /// Inline elements: their text, bold kept as such (a `<span><strong>…</strong></span>` too).
    private mutating func inline(_ node: XMLNode) {
        for child in node.children {
            if child.isText {
                pending.append((child.content, false))
            } else if child.isElement {
                if Self.isFurniture(child) { continue }
                if child.name == "br" {
                    flush()
                } else if child.name == "strong" || child.name == "b" {
                    pending.append((child.text, true))
                } else {
                    inline(child)
                }
            }
        }
    }

    /// Turns the inline text collected so far into one block: a metadata line is absorbed, a
    /// centred paragraph that is all bold is a heading, other bold spans keep their `**` marks.
    mutating func flush() {
        defer { pending = [] }
        let text = Whitespace.collapse(pending.map(\.0).joined())
        guard !text.isEmpty else { return }
        if !Metadata.fields(in: text).isEmpty {
            _ = Metadata.absorb(text, into: &outline)
            outline.drop(text)
            return
        }
        // Filing numbers, copyright and share lines left inside the article by a site's template.
        if Furniture.isFurniture(text) {
            outline.drop(text)
            return
        }
        let visible = pending.filter { !Whitespace.collapse($0.0).isEmpty }
        let allBold = !visible.isEmpty && visible.allSatisfy(\.1)
        if allBold && pendingCentred {
            let level = outline.blocks.isEmpty ? 1 : 2
            outline.append(.heading(level, text))
            return
        }
        let marked = visible.count > 1 && visible.contains(where: \.1)
        if marked {
            var pieces = ""
            for (piece, bold) in pending {
                let trimmed = Whitespace.collapse(piece)
                pieces += bold && !trimmed.isEmpty ? "**\(trimmed)**" : piece
            }
            outline.append(.paragraph(pieces))
        } else {
            outline.append(.paragraph(text))
        }
    }

    private mutating func list(_ node: XMLNode) {
        let ordered = node.name == "ol"
        // Clamped: a hostile start value must not overflow the counter.
        var number = min(max(Int(node.attribute("start") ?? "") ?? 1, -1_000_000), 1_000_000)
        let style = node.attribute("type") ?? "1"
        for item in node.elements where item.name == "li" {
            // Nested lists become items of their own after their parent's text.
            let nested = item.elements.filter { $0.name == "ul" || $0.name == "ol" }
            var own = Walker()
            own.pageTitle = nil
            for child in item.children where !nested.contains(where: { $0.pointer == child.pointer }) {
                if child.isText { own.pending.append((child.content, false)) } else if child.isElement && !Self.isFurniture(child) {
                    own.pending.append((child.text, child.name == "strong" || child.name == "b"))
                }
            }
            let text = Whitespace.collapse(own.pending.map(\.0).joined())
            if !text.isEmpty {
                if ordered {
                    outline.append(.numbered(Numbering.label(number, format: Numbering.htmlFormat(style)) + ".", text))
                } else {
                    outline.append(.bullet(text))
                }
            }
            number += 1
            for list in nested { self.list(list) }
        }
    }

    /// A table inside the article: the metadata table is absorbed; other rows become paragraphs.
    private mutating func table(_ node: XMLNode) {
        for row in node.descendants(where: { $0.name == "tr" }) {
            let cells = row.elements.map { Whitespace.collapse($0.spacedText) }.filter { !$0.isEmpty }
            let line = cells.joined(separator: " ")
            if line.isEmpty { continue }
            if Metadata.absorb(line, into: &outline) {
                outline.drop(line)
            } else {
                outline.append(.paragraph(line))
            }
        }
    }

    private static func isCentred(_ node: XMLNode) -> Bool {
        if node.name == "center" || node.attribute("align")?.lowercased() == "center" { return true }
        let style = (node.attribute("style") ?? "").lowercased().filter { $0 != " " }
        return style.contains("text-align:center")
    }
}
