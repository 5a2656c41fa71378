import Foundation
import ZIPFoundation

/// A Word file (.docx) → outline: the ZIP archive through ZIPFoundation, `word/document.xml`,
/// `word/styles.xml` and `word/numbering.xml` through libxml2. Paragraphs in body order, heading
/// styles (Heading 1–6, 标题 1–6, or an outline level) as headings, Word's automatic numbering
/// rendered as the labels Word prints (1., （一）, 一、, a)), bullets as bullets, tables row by row.
public enum DocxReader {
    public static let maximumFileBytes = 50 << 20
    /// Caps on the uncompressed parts: a zip bomb stops here, however its headers lie.
    public static let maximumDocumentXMLBytes = 64 << 20
    public static let maximumPartBytes = 16 << 20
    public static let maximumEntries = 10_000

    public static func read(_ bytes: [UInt8], fileName: String) throws -> Outline {
        guard bytes.count <= maximumFileBytes else {
            throw ConversionError(fileName, "Word file of \(bytes.count) bytes is larger than the \(maximumFileBytes >> 20) MB limit; nothing imported")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw ConversionError(fileName, "an encrypted or old-format (.doc) Word file; save it as .docx without a password")
        }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw ConversionError(fileName, "not a Word file (.docx is a ZIP archive)")
        }
        // From a file, not from memory: ZIPFoundation's in-memory archive traps when a damaged
        // header seeks past the end (Archive+MemoryFile.swift, readData), where a file read returns 0.
        let file = try Tools.temporaryFile(bytes, fileName: fileName)
        defer { unlink(file) }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read)
        } catch {
            throw ConversionError(fileName, "damaged or truncated Word file (unreadable ZIP directory)")
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            guard count <= maximumEntries else {
                throw ConversionError(fileName, "Word file with more than \(maximumEntries) parts; nothing imported")
            }
            entries[entry.path] = entry
        }
        func part(_ path: String, limit: Int) throws -> [UInt8]? {
            guard let entry = entries[path] else { return nil }
            var data: [UInt8] = []
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    guard data.count + chunk.count <= limit else { throw PartTooLarge() }
                    data.append(contentsOf: chunk)
                }
            } catch is PartTooLarge {
                throw ConversionError(fileName, "\(path) expands beyond \(limit >> 20) MB (a zip bomb?); nothing imported")
            } catch {
                throw ConversionError(fileName, "damaged or truncated Word file (\(path) cannot be decompressed)")
            }
            return data
        }
        guard let documentXML = try part("word/document.xml", limit: maximumDocumentXMLBytes) else {
            throw ConversionError(fileName, "not a Word document (no word/document.xml)")
        }
        let styles = try part("word/styles.xml", limit: maximumPartBytes).map { try XMLTree.xml($0, fileName: fileName, part: "word/styles.xml") }
        let numbering = try part("word/numbering.xml", limit: maximumPartBytes).map {
            try XMLTree.xml($0, fileName: fileName, part: "word/numbering.xml")
        }
        let core = try part("docProps/core.xml", limit: maximumPartBytes).map { try XMLTree.xml($0, fileName: fileName, part: "docProps/core.xml") }
        let document = try XMLTree.xml(documentXML, fileName: fileName, part: "word/document.xml")

        var reader = DocxWalker(styles: StyleSheet(styles?.root), numbering: NumberingDefinitions(numbering?.root))
        guard let body = document.root?.first("body") else { throw ConversionError(fileName, "not a Word document (no body)") }
        reader.walk(body)
        var outline = reader.outline
        if outline.title == nil, let title = core?.root?.first("title").map({ Whitespace.collapse($0.text) }), !title.isEmpty {
            outline.title = title
        }
        if outline.title == nil {
            outline.title = outline.blocks.lazy.compactMap { if case .heading(_, let text) = $0.block { text } else { nil } }.first
        }
        guard !outline.blocks.isEmpty else { throw ConversionError(fileName, "the Word file has no text") }
        return outline
    }

    private struct PartTooLarge: Error {}
}

/// What the walker needs of styles.xml: each paragraph style's heading level, numbering and name.
struct StyleSheet {
    struct Style {
        var name: String
        var basedOn: String?
        var outlineLevel: Int?
        var numbering: (id: String, level: Int)?
    }

    var styles: [String: Style] = [:]

    init(_ root: XMLNode?) {
        guard let root else { return }
        for style in root.elements("style") where style.attribute("type") == "paragraph" || style.attribute("type") == nil {
            guard let id = style.attribute("styleId") else { continue }
            let properties = style.first("pPr")
            styles[id] = Style(
                name: style.first("name")?.attribute("val") ?? id,
                basedOn: style.first("basedOn")?.attribute("val"),
                outlineLevel: properties?.first("outlineLvl")?.attribute("val").flatMap { Int($0) },
                numbering: properties?.first("numPr").flatMap(DocxWalker.numberingProperties))
        }
    }

    /// A style and those it is based on, nearest first (at most 10: a cycle ends there).
    func chain(_ id: String?) -> [Style] {
        var result: [Style] = []
        var current = id
        while let id = current, let style = styles[id], result.count < 10 {
            result.append(style)
            current = style.basedOn
        }
        return result
    }

    /// 1–6 for "heading 1"…"heading 6" (any case, 标题 1 too) or an outline level 0–5; "Title" is 0.
    func headingLevel(_ id: String?) -> Int? {
        for style in chain(id) {
            let name = style.name.lowercased()
            if name == "title" || name == "标题" { return 0 }
            for prefix in ["heading ", "heading", "标题 ", "标题"] where name.hasPrefix(prefix) {
                if let level = Int(name.dropFirst(prefix.count)), (1...9).contains(level) { return min(level, 6) }
            }
            if let level = style.outlineLevel, (0...8).contains(level) { return min(level + 1, 6) }
        }
        return nil
    }

    func numbering(_ id: String?) -> (id: String, level: Int)? {
        chain(id).lazy.compactMap(\.numbering).first
    }

    func name(_ id: String?) -> String { chain(id).first?.name.lowercased() ?? "" }
}

/// numbering.xml: each `w:num` points at an abstract definition whose levels give the start,
/// the format (decimal, chineseCounting…) and the text around the number ("%1.", "（%1）").
struct NumberingDefinitions {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
    }

    var abstractOf: [String: String] = [:]
    var levels: [String: [Int: Level]] = [:]
    var startOverrides: [String: [Int: Int]] = [:]

    init(_ root: XMLNode?) {
        guard let root else { return }
        for abstract in root.elements("abstractNum") {
            guard let id = abstract.attribute("abstractNumId") else { continue }
            var byLevel: [Int: Level] = [:]
            for level in abstract.elements("lvl") {
                guard let index = level.attribute("ilvl").flatMap({ Int($0) }) else { continue }
                byLevel[index] = Level(
                    // Clamped: a hostile start value must not overflow the counter.
                    start: min(max(level.first("start")?.attribute("val").flatMap { Int($0) } ?? 1, 0), 1_000_000),
                    format: level.first("numFmt")?.attribute("val") ?? "decimal",
                    text: level.first("lvlText")?.attribute("val") ?? "")
            }
            levels[id] = byLevel
        }
        for num in root.elements("num") {
            guard let id = num.attribute("numId"), let abstract = num.first("abstractNumId")?.attribute("val") else { continue }
            abstractOf[id] = abstract
            for override in num.elements("lvlOverride") {
                if let level = override.attribute("ilvl").flatMap({ Int($0) }),
                   let start = override.first("startOverride")?.attribute("val").flatMap({ Int($0) }) {
                    startOverrides[id, default: [:]][level] = min(max(start, 0), 1_000_000)
                }
            }
        }
    }
}

private struct DocxWalker {
    let styles: StyleSheet
    let numbering: NumberingDefinitions
    var outline = Outline()
    /// Counters per abstract numbering and level: lists that share a definition continue it.
    private var counters: [String: [Int: Int]] = [:]
    private var restarted: Set<String> = []

    init(styles: StyleSheet, numbering: NumberingDefinitions) {
        self.styles = styles
        self.numbering = numbering
    }

    static func numberingProperties(_ numPr: XMLNode) -> (id: String, level: Int)? {
        guard let id = numPr.first("numId")?.attribute("val") else { return nil }
        return (id, numPr.first("ilvl")?.attribute("val").flatMap { Int($0) } ?? 0)
    }

    mutating func walk(_ container: XMLNode) {
        for node in container.elements {
            switch node.localName {
            case "p": paragraph(node)
            case "tbl": table(node)
            case "sdt": if let content = node.first("sdtContent") { walk(content) }
            case "customXml", "ins", "smartTag": walk(node)
            default: continue
            }
        }
    }

    private mutating func paragraph(_ node: XMLNode) {
        let properties = node.first("pPr")
        let styleID = properties?.first("pStyle")?.attribute("val")
        var runs: [(String, Bool)] = []
        Self.collectRuns(node, into: &runs)
        let text = Whitespace.collapse(runs.map(\.0).joined())
        guard !text.isEmpty else { return }
        let styleName = styles.name(styleID)
        // pandoc's (and Word's) front-matter paragraphs.
        switch styleName {
        case "author":
            if outline.publisher == nil { outline.publisher = text }
            return
        case "date":
            if outline.date == nil, let date = Metadata.isoDate(text) { outline.date = date; return }
        default: break
        }
        if Metadata.absorb(text, into: &outline) {
            outline.drop(text)
            return
        }
        var level = styles.headingLevel(styleID)
        if let outlineLevel = properties?.first("outlineLvl")?.attribute("val").flatMap({ Int($0) }), outlineLevel < 9 {
            level = min(outlineLevel + 1, 6)
        }
        if level == 0 {
            if outline.title == nil { outline.title = text } else { outline.append(.heading(1, text)) }
            return
        }
        var label: String?
        var isBullet = false
        let numbered = properties?.first("numPr").flatMap(Self.numberingProperties) ?? styles.numbering(styleID)
        if let numbered, numbered.id != "0", let rendered = self.label(numId: numbered.id, level: numbered.level) {
            if rendered.bullet { isBullet = true } else { label = rendered.text }
        }
        let visible = runs.filter { !Whitespace.collapse($0.0).isEmpty }
        let allBold = !visible.isEmpty && visible.allSatisfy(\.1)
        let centred = ["center", "centre"].contains(properties?.first("jc")?.attribute("val") ?? "")
        if level == nil, allBold, centred, label == nil, !isBullet {
            level = outline.blocks.isEmpty ? 1 : 2
        }
        if let level {
            outline.append(.heading(level, (label.map { $0 + (($0.last?.isASCII ?? false) ? " " : "") } ?? "") + text))
        } else if isBullet {
            outline.append(.bullet(text))
        } else if let label, !label.isEmpty {
            outline.append(.numbered(label, text))
        } else if visible.count > 1 && visible.contains(where: \.1) {
            outline.append(.paragraph(runs.map { piece, bold in
                let trimmed = Whitespace.collapse(piece)
                return bold && !trimmed.isEmpty ? "**\(trimmed)**" : piece
            }.joined()))
        } else {
            outline.append(.paragraph(text))
        }
    }

    /// The label Word prints for the next paragraph of list `numId` at `level`, or a bullet.
    private mutating func label(numId: String, level: Int) -> (text: String, bullet: Bool)? {
        guard let abstract = numbering.abstractOf[numId], let levels = numbering.levels[abstract], let definition = levels[level] else {
            return nil
        }
        if definition.format == "bullet" { return ("", true) }
        var counts = counters[abstract] ?? [:]
        // A `w:num` with a start override restarts the list the first time it is used.
        if let overrides = numbering.startOverrides[numId], !restarted.contains(numId) {
            restarted.insert(numId)
            for (overridden, start) in overrides { counts[overridden] = start - 1 }
            for deeper in counts.keys where deeper > level && overrides[deeper] == nil { counts[deeper] = nil }
        }
        counts[level] = min((counts[level] ?? (definition.start - 1)) + 1, 10_000_000)
        for deeper in counts.keys where deeper > level { counts[deeper] = nil }
        counters[abstract] = counts
        var text = definition.text
        for referenced in (0...8).reversed() where text.contains("%\(referenced + 1)") {
            let value = counts[referenced] ?? levels[referenced]?.start ?? 1
            text = text.replacingOccurrences(of: "%\(referenced + 1)", with: Numbering.label(value, format: levels[referenced]?.format ?? "decimal"))
        }
        return (text, false)
    }

    /// The visible text of runs, with whether each was bold; deleted text and field codes are left out.
    private static func collectRuns(_ node: XMLNode, into runs: inout [(String, Bool)]) {
        for child in node.elements {
            switch child.localName {
            case "r":
                let properties = child.first("rPr")
                let boldValue = properties?.first("b")?.attribute("val")
                let bold = properties?.first("b") != nil && boldValue != "0" && boldValue != "false"
                for piece in child.elements {
                    switch piece.localName {
                    case "t": runs.append((piece.text, bold))
                    case "tab", "br", "cr": runs.append((" ", bold))
                    case "noBreakHyphen": runs.append(("-", bold))
                    default: continue
                    }
                }
            case "hyperlink", "ins", "smartTag", "fldSimple", "customXml": collectRuns(child, into: &runs)
            case "sdt": if let content = child.first("sdtContent") { collectRuns(content, into: &runs) }
            default: continue
            }
        }
    }

    /// Tables row by row: a metadata row is absorbed, others become one paragraph of their cells.
    private mutating func table(_ node: XMLNode) {
        for row in node.elements("tr") {
            let cells = row.elements("tc").map { cell -> String in
                var runs: [(String, Bool)] = []
                for paragraph in cell.elements("p") {
                    Self.collectRuns(paragraph, into: &runs)
                    runs.append((" ", false))
                }
                return Whitespace.collapse(runs.map(\.0).joined())
            }.filter { !$0.isEmpty }
            let line = cells.joined(separator: " ")
            if line.isEmpty { continue }
            if Metadata.absorb(line, into: &outline) { outline.drop(line) } else { outline.append(.paragraph(line)) }
        }
    }
}
