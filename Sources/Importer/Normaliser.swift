enum BlockKind: Equatable, Sendable {
    case heading(level: Int)
    case paragraph
    /// A Markdown bullet item (the marker itself is not kept in the body).
    case bullet

    var isHeading: Bool { if case .heading = self { true } else { false } }
}

/// A paragraph, heading or bullet of the normalised body.
struct Block: Sendable {
    var kind: BlockKind
    /// Where the block's text lies in `NormalisedText.body`.
    var range: Range<Int>
    /// Spans that were `**bold**` in the source (body offsets).
    var bold: [Range<Int>]
    /// Leading spaces of its first line (a tab counts four): a Markdown list nested in another.
    var indent = 0
}

/// The document as the importer sees it: plain text, the original line of every scalar, and blocks.
struct NormalisedText: Sendable {
    var body: Scalars
    /// 1-based line in the original file of each scalar of `body`.
    var lineOf: [Int32]
    var blocks: [Block]

    var bodyString: String { body.string(0..<body.count) }

    func text(_ range: Range<Int>) -> String { body.string(range) }

    /// The provenance of `range`: its trimmed text (verbatim in the body) and its original line.
    func source(_ range: Range<Int>) -> SourceRef {
        let trimmed = body.trimmingWhitespace(range)
        let start = trimmed.isEmpty ? range.lowerBound : trimmed.lowerBound
        let line = start < lineOf.count ? Int(lineOf[start]) : Int(lineOf.last ?? 1)
        return SourceRef(line: line, quote: body.string(trimmed))
    }

    /// The first occurrence of `quote` in the body.
    func find(_ quote: String) -> Range<Int>? {
        let length = quote.unicodeScalars.count
        guard length > 0, let start = body.firstIndex(of: quote, in: 0..<body.count) else { return nil }
        return start..<start + length
    }

    /// Every occurrence of `quote` in the body.
    func occurrences(of quote: String) -> [Range<Int>] {
        let length = quote.unicodeScalars.count
        var result: [Range<Int>] = []
        var from = 0
        while length > 0, let start = body.firstIndex(of: quote, in: from..<body.count) {
            result.append(start..<start + length)
            from = start + length
        }
        return result
    }

    /// The block containing body offset `index`.
    func blockIndex(containing index: Int) -> Int? {
        var low = 0
        var high = blocks.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = blocks[middle].range
            if index < range.lowerBound { high = middle - 1 } else if index >= range.upperBound { low = middle + 1 } else { return middle }
        }
        return nil
    }
}

/// A block while it is being built: its text with the original line of each scalar.
struct DraftBlock {
    var kind: BlockKind
    var text: Scalars = []
    var lines: [Int32] = []
    var bold: [Range<Int>] = []
    var indent = 0

    var string: String { text.string(0..<text.count) }

    mutating func append(_ content: Scalars, bold spans: [Range<Int>], line: Int32) {
        guard !content.isEmpty else { return }
        if let last = text.last, Normaliser.needsSpace(between: last, and: content[0]) {
            text.append(" ")
            lines.append(line)
        }
        let offset = text.count
        text.append(contentsOf: content)
        lines.append(contentsOf: repeatElement(line, count: content.count))
        bold.append(contentsOf: spans.map { $0.lowerBound + offset..<$0.upperBound + offset })
    }

    mutating func append(_ other: DraftBlock) {
        guard !other.text.isEmpty else { return }
        let line = other.lines.first ?? lines.last ?? 1
        if let last = text.last, Normaliser.needsSpace(between: last, and: other.text[0]) {
            text.append(" ")
            lines.append(line)
        }
        let offset = text.count
        text.append(contentsOf: other.text)
        lines.append(contentsOf: other.lines)
        bold.append(contentsOf: other.bold.map { $0.lowerBound + offset..<$0.upperBound + offset })
    }
}

/// Markdown and WeChat text → plain blocks: markup dropped, boilerplate removed, split sentences rejoined.
enum Normaliser {
    struct Options {
        /// The publishing account or outlet (front matter `source`): a line that only names it is masthead.
        var sourceName: String?
    }

    static func normalise(_ source: SourceText, fromLine firstLine: Int, options: Options) -> NormalisedText {
        var drafts = draftBlocks(source, fromLine: firstLine)
        drafts = Boilerplate.remove(from: drafts, sourceName: options.sourceName)
        drafts = rejoinBrokenParagraphs(drafts)
        return assemble(drafts)
    }

    /// No space between CJK text (or before CJK punctuation); one between Latin words.
    static func needsSpace(between left: Unicode.Scalar, and right: Unicode.Scalar) -> Bool {
        !(left.isCJK || right.isCJK || left.isSpaceLike || right.isSpaceLike)
    }

    // MARK: Lines → blocks

    private static func draftBlocks(_ source: SourceText, fromLine firstLine: Int) -> [DraftBlock] {
        var blocks: [DraftBlock] = []
        var current: DraftBlock?
        func flush() {
            if let block = current, !block.text.isEmpty { blocks.append(block) }
            current = nil
        }
        for lineIndex in firstLine..<source.lines.count {
            let lineNumber = Int32(lineIndex + 1)
            let trimmed = source.scalars.trimmingWhitespace(source.lines[lineIndex])
            let indent = source.scalars[source.lines[lineIndex].lowerBound..<trimmed.lowerBound].reduce(0) { $0 + ($1 == "\t" ? 4 : $1 == " " ? 1 : 0) }
            var raw = Array(source.scalars[trimmed])
            if isRule(raw) { raw = [] }
            if let level = headingLevel(raw) {
                flush()
                let (content, bold) = stripInlineMarkup(headingContent(raw, level: level))
                let text = trimmedContent(content, bold: bold)
                if !text.content.isEmpty {
                    var heading = DraftBlock(kind: .heading(level: level))
                    heading.append(text.content, bold: text.bold, line: lineNumber)
                    blocks.append(heading)
                }
                continue
            }
            let bulletLength = Markers.bulletLength(raw)
            if let bulletLength { raw.removeFirst(bulletLength) }
            let (stripped, strippedBold) = stripInlineMarkup(raw[...])
            let (content, bold) = trimmedContent(stripped, bold: strippedBold)
            if content.isEmpty {
                // A blank line, or one that held only an image: a paragraph break.
                flush()
                continue
            }
            if bulletLength != nil {
                flush()
                current = DraftBlock(kind: .bullet, indent: indent)
            } else if let block = current {
                // A new ordered item, or a line after a finished sentence, starts a new block;
                // otherwise the line continues a hard-wrapped paragraph.
                let opensItem = Markers.ordered(content, at: 0, end: content.count) != nil
                    || OutlineReader.marker(content, at: 0, end: content.count) != nil
                if opensItem || endsSentence(block.text) {
                    flush()
                    current = DraftBlock(kind: .paragraph, indent: indent)
                }
            } else {
                current = DraftBlock(kind: .paragraph, indent: indent)
            }
            current?.append(content, bold: bold, line: lineNumber)
            // "Pillar I: Accelerate AI Innovation" on a line of its own is a title: what follows is not its continuation.
            if bulletLength == nil, OutlineReader.opensKeywordTitle(content), !endsSentence(content) { flush() }
        }
        flush()
        return blocks
    }

    private static func isRule(_ line: Scalars) -> Bool {
        line.count >= 3 && line.allSatisfy { $0 == "-" || $0 == "*" || $0 == "_" || $0 == " " }
            && Set(line.filter { $0 != " " }).count == 1
    }

    private static func headingLevel(_ line: Scalars) -> Int? {
        var level = 0
        while level < line.count, line[level] == "#" { level += 1 }
        guard (1...6).contains(level), level == line.count || line[level] == " " else { return nil }
        return level
    }

    private static func headingContent(_ line: Scalars, level: Int) -> ArraySlice<Unicode.Scalar> {
        var end = line.count
        while end > level, line[end - 1] == "#" || line[end - 1] == " " { end -= 1 }
        return line[min(level, end)..<end]
    }

    private static func trimmedContent(_ content: Scalars, bold: [Range<Int>]) -> (content: Scalars, bold: [Range<Int>]) {
        let range = content.trimmingWhitespace(0..<content.count)
        guard range != 0..<content.count else { return (content, bold) }
        let shifted = bold.compactMap { span -> Range<Int>? in
            let lower = max(span.lowerBound, range.lowerBound) - range.lowerBound
            let upper = min(span.upperBound, range.upperBound) - range.lowerBound
            return lower < upper ? lower..<upper : nil
        }
        return (Array(content[range]), shifted)
    }

    /// Removes images entirely, keeps link text, and drops `**` (remembering what was bold).
    static func stripInlineMarkup(_ line: ArraySlice<Unicode.Scalar>) -> (Scalars, [Range<Int>]) {
        var output: Scalars = []
        output.reserveCapacity(line.count)
        var bold: [Range<Int>] = []
        var boldStart: Int?
        // A removed image leaves the spaces around it; keep one of them.
        var removedSomething = false
        var index = line.startIndex
        while index < line.endIndex {
            let scalar = line[index]
            if scalar == "!", index + 1 < line.endIndex, line[index + 1] == "[",
               let link = parseLink(line, at: index + 1) {
                index = link.end
                removedSomething = true
                continue
            }
            if scalar == "[", let link = parseLink(line, at: index) {
                let (text, _) = stripInlineMarkup(line[link.text])
                output.append(contentsOf: text)
                removedSomething = text.isEmpty
                index = link.end
                continue
            }
            if scalar == " ", removedSomething, output.last == " " {
                index += 1
                continue
            }
            removedSomething = false
            if scalar == "*", index + 1 < line.endIndex, line[index + 1] == "*" {
                if let start = boldStart {
                    if start < output.count { bold.append(start..<output.count) }
                    boldStart = nil
                } else {
                    boldStart = output.count
                }
                index += 2
                continue
            }
            output.append(scalar)
            index += 1
        }
        if let start = boldStart, start < output.count { bold.append(start..<output.count) }
        return (output, bold)
    }

    /// `[text](target)` at `start`: the text's range and the index after the closing parenthesis.
    private static func parseLink(_ line: ArraySlice<Unicode.Scalar>, at start: Int) -> (text: Range<Int>, end: Int)? {
        var depth = 0
        var index = start
        var closeBracket: Int?
        while index < line.endIndex {
            if line[index] == "[" { depth += 1 }
            if line[index] == "]" {
                depth -= 1
                if depth == 0 { closeBracket = index; break }
            }
            index += 1
        }
        guard let close = closeBracket, close + 1 < line.endIndex, line[close + 1] == "(" else { return nil }
        var parenDepth = 0
        index = close + 1
        while index < line.endIndex {
            if line[index] == "(" { parenDepth += 1 }
            if line[index] == ")" {
                parenDepth -= 1
                if parenDepth == 0 { return (start + 1..<close, index + 1) }
            }
            index += 1
        }
        return nil
    }

    /// Whether text ends a sentence (so the next line or paragraph starts a new one).
    static func endsSentence(_ text: Scalars) -> Bool {
        guard let last = text.last else { return true }
        switch last {
        case "。", "！", "？", "；", "：", "…", "”", "’", "」", "』", "）", ")", ".", "!", "?", ";", ":", "\"", "》": return true
        default: return false
        }
    }

    // MARK: Page breaks

    /// Joins a prose paragraph that stops mid-sentence with the next one when that one starts mid-sentence
    /// (000: 激发传 / 统文化). Titles, bylines and list items are left alone.
    private static func rejoinBrokenParagraphs(_ blocks: [DraftBlock]) -> [DraftBlock] {
        var result: [DraftBlock] = []
        for block in blocks {
            if let previous = result.last, previous.kind == .paragraph, block.kind == .paragraph,
               isProse(previous.text), !endsSentence(previous.text), startsMidSentence(block) {
                result[result.count - 1].append(block)
            } else {
                result.append(block)
            }
        }
        return result
    }

    private static func isProse(_ text: Scalars) -> Bool {
        text.count >= 20 && text.contains { $0 == "，" || $0 == "。" || $0 == "," }
    }

    private static func startsMidSentence(_ block: DraftBlock) -> Bool {
        guard let first = block.text.first else { return false }
        if block.bold.first?.lowerBound == 0 { return false }
        if Markers.ordered(block.text, at: 0, end: block.text.count) != nil { return false }
        return first.isCJKIdeograph || first.isASCIILowercase
    }

    // MARK: Body

    private static func assemble(_ drafts: [DraftBlock]) -> NormalisedText {
        var body: Scalars = []
        var lineOf: [Int32] = []
        var blocks: [Block] = []
        body.reserveCapacity(drafts.reduce(0) { $0 + $1.text.count + 2 })
        for (position, draft) in drafts.enumerated() {
            if position > 0 {
                // Consecutive bullets form one list: one newline; other blocks: a blank line.
                let separator: Scalars = draft.kind == .bullet && drafts[position - 1].kind == .bullet ? ["\n"] : ["\n", "\n"]
                body.append(contentsOf: separator)
                lineOf.append(contentsOf: repeatElement(lineOf.last ?? 1, count: separator.count))
            }
            let offset = body.count
            body.append(contentsOf: draft.text)
            lineOf.append(contentsOf: draft.lines)
            blocks.append(Block(
                kind: draft.kind, range: offset..<body.count,
                bold: draft.bold.map { $0.lowerBound + offset..<$0.upperBound + offset }, indent: draft.indent))
        }
        return NormalisedText(body: body, lineOf: lineOf, blocks: blocks)
    }
}
