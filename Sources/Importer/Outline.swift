/// How an outline node is numbered. Two nodes of one style are siblings; a style not yet open
/// opens a deeper level (the way a reader infers a document's outline from its numbering).
enum OutlineStyle: Hashable, Sendable {
    case heading(level: Int)
    case marker(MarkerKind)
    case circled              // ① ②
    case upperLetter          // A.  A)
    case lowerLetter          // a.  a)
    case keyword(String)      // Pillar I:  Goal 2:  Part III

    var isHeading: Bool { if case .heading = self { true } else { false } }

    /// The styles Markdown writes as lists (1. a. A. i.), which it nests by indentation.
    var isListStyle: Bool {
        switch self {
        case .marker(.arabic), .marker(.roman), .marker(.arabicParenthesised), .upperLetter, .lowerLetter: true
        default: false
        }
    }
}

/// One heading or numbered paragraph of the document, with what lies under it.
struct OutlineNode: Sendable {
    var block: Int
    var style: OutlineStyle
    /// Indentation level of a numbered paragraph (Markdown nests a list by indenting it two or more spaces).
    var level = 0
    var ordinal: Int
    /// The number as printed, without its punctuation where that is only a separator: 二 （一） 1 （1） ① I A.
    var label: String?
    /// The text after the marker.
    var title: Range<Int>
    var depth: Int
    var parent: Int?
    var children: [Int] = []
    /// Paragraphs and bullets directly under the node (not nodes themselves).
    var bodyBlocks: [Int] = []
}

struct Outline: Sendable {
    var nodes: [OutlineNode]
    /// The node of each block that opens one.
    var nodeOfBlock: [Int: Int]
    /// Blocks before the first node.
    var preamble: [Int]

    /// The label as printed from the outermost numbered ancestor down (二（一）3, I.A.2), nil when
    /// the node carries no number of its own.
    func printedLabel(_ index: Int, skipping root: Int?) -> String? {
        guard nodes[index].label != nil else { return nil }
        var parts: [String] = []
        var current: Int? = index
        while let node = current, node != root {
            if let label = nodes[node].label {
                // A decimal number (2.1) already names its section.
                if let previous = parts.last, previous.hasPrefix(label + ".") {
                    current = nodes[node].parent
                    continue
                }
                parts.append(label)
            }
            current = nodes[node].parent
        }
        var result = ""
        for part in parts.reversed() {
            if let last = result.unicodeScalars.last, let first = part.unicodeScalars.first,
               !(last.isCJK || first.isCJK) {
                result += "."
            }
            result += part
        }
        return result
    }
}

enum OutlineReader {
    static func read(_ text: NormalisedText) -> Outline {
        var nodes: [OutlineNode] = []
        var nodeOfBlock: [Int: Int] = [:]
        var preamble: [Int] = []
        // Open nodes, outermost first.
        var stack: [Int] = []
        for (index, block) in text.blocks.enumerated() {
            guard let (openingStyle, openingOrdinal, label, title) = opening(text, block: block) else {
                if let top = stack.last { nodes[top].bodyBlocks.append(index) } else { preamble.append(index) }
                continue
            }
            var style = openingStyle
            var ordinal = openingOrdinal
            var level = 0
            if case .heading(let level) = style {
                while let top = stack.last {
                    if case .heading(let open) = nodes[top].style, open < level { break }
                    stack.removeLast()
                }
            } else {
                // "I." after "H.": a letter, not a Roman one.
                if style == .marker(.roman), let letter = stack.last(where: { nodes[$0].style == .upperLetter }),
                   nodes[letter].ordinal + 1 == letterOrdinal(label) {
                    style = .upperLetter
                    ordinal = letterOrdinal(label)
                }
                // "1. A" then "   1. a": an indented Markdown list is nested; a dedent closes the deeper ones.
                level = style.isListStyle ? block.indent / 2 : 0
                if style.isListStyle {
                    while let top = stack.last, !nodes[top].style.isHeading, nodes[top].level > level { stack.removeLast() }
                }
                // The same style at the same indentation since the last heading: a sibling of that node.
                if let position = stack.lastIndex(where: { nodes[$0].style == style && nodes[$0].level == level }),
                   !stack[position...].contains(where: { nodes[$0].style.isHeading }) {
                    stack.removeSubrange(position...)
                }
            }
            let node = nodes.count
            nodes.append(OutlineNode(
                block: index, style: style, level: level, ordinal: ordinal, label: label, title: title, depth: stack.count, parent: stack.last))
            if let parent = stack.last { nodes[parent].children.append(node) }
            stack.append(node)
            nodeOfBlock[index] = node
        }
        return Outline(nodes: nodes, nodeOfBlock: nodeOfBlock, preamble: preamble)
    }

    private static func letterOrdinal(_ label: String?) -> Int {
        guard let scalar = label?.unicodeScalars.first, scalar.isASCIIUppercase else { return 0 }
        return Int(scalar.value) - 0x40
    }

    /// The outline marker opening a block: a heading (with any number it carries), or a numbered paragraph.
    private static func opening(_ text: NormalisedText, block: Block) -> (OutlineStyle, Int, String?, Range<Int>)? {
        let body = text.body
        let range = block.range
        if case .heading(let level) = block.kind {
            if let (_, ordinal, label, length) = marker(body, at: range.lowerBound, end: range.upperBound) {
                return (.heading(level: level), ordinal, label, range.lowerBound + length..<range.upperBound)
            }
            // "## 2 Set enabling conditions": a bare section number.
            if let (value, length) = Dates.digits(body, at: range.lowerBound, end: range.upperBound, maxLength: 2),
               range.lowerBound + length + 1 < range.upperBound, body[range.lowerBound + length] == " ",
               body[range.lowerBound + length + 1].isASCIIUppercase || body[range.lowerBound + length + 1].isCJKIdeograph {
                return (.heading(level: level), value, String(value), range.lowerBound + length + 1..<range.upperBound)
            }
            return (.heading(level: level), 0, nil, range)
        }
        guard block.kind == .paragraph, let (style, ordinal, label, length) = marker(body, at: range.lowerBound, end: range.upperBound) else {
            return nil
        }
        return (style, ordinal, label, range.lowerBound + length..<range.upperBound)
    }

    private static let keywords = ["Pillar", "Goal", "Part", "Objective", "Strategy", "Priority", "Chapter", "Section", "Area", "Track", "Line of Effort"]

    /// A numbering marker at `start`: its style, ordinal, printed label and length (with the spaces after it).
    static func marker(_ body: Scalars, at start: Int, end: Int) -> (OutlineStyle, Int, String?, Int)? {
        guard start < end else { return nil }
        if let found = Markers.ordered(body, at: start, end: end), found.kind != .leadIn {
            let printed = body.string(start..<start + found.length).trimming(characters: " \t\u{3000}")
            let label: String
            switch found.kind {
            case .cjkSection, .arabic, .roman: label = printed.trimming(characters: "、．.")
            default: label = printed
            }
            return (.marker(found.kind), found.ordinal, label, found.length)
        }
        let first = body[start]
        // 2.1, 2.1.3: a decimal section number, its depth the count of its parts.
        if first.isASCIIDigit {
            var index = start
            var parts = 0
            var last = 0
            while index < end, let (value, length) = Dates.digits(body, at: index, end: end, maxLength: 2) {
                parts += 1
                last = value
                index += length
                guard index + 1 < end, body[index] == ".", body[index + 1].isASCIIDigit else { break }
                index += 1
            }
            if parts >= 2, index < end, body[index] == " " || body[index] == "." {
                let label = body.string(start..<index)
                var length = index - start
                while start + length < end, body[start + length] == "." || body[start + length].isSpaceLike { length += 1 }
                guard start + length < end, body[start + length].isASCIIUppercase || body[start + length].isCJKIdeograph else { return nil }
                return (.keyword("decimal\(parts)"), last, label, length)
            }
        }
        // (a) (b): lettered points.
        if first == "(" || first == "（", start + 3 < end, body[start + 1].isASCIILowercase, body[start + 2] == ")" || body[start + 2] == "）",
           body[start + 3] == " " {
            return (.lowerLetter, Int(body[start + 1].value) - 0x60, String(body[start + 1]), 4)
        }
        if (0x2460...0x2473).contains(first.value) {
            var length = 1
            while start + length < end, body[start + length].isSpaceLike { length += 1 }
            return (.circled, Int(first.value - 0x2460) + 1, String(first), length)
        }
        if first.isASCIILetter, start + 2 < end, body[start + 1] == "." || body[start + 1] == ")",
           body[start + 2] == " ", start + 3 < end, body[start + 3].isASCIILetter || body[start + 3].isCJK,
           start == 0 || !body[start - 1].isASCIILetter {
            let style: OutlineStyle = first.isASCIIUppercase ? .upperLetter : .lowerLetter
            let ordinal = Int(first.asciiLowercased.value) - 0x60
            return (style, ordinal, String(first), 3)
        }
        for keyword in keywords where body.matches(keyword, at: start) {
            var index = start + keyword.unicodeScalars.count
            guard index < end, body[index] == " " else { continue }
            index += 1
            var ordinal: Int?
            var numeralEnd = index
            if let (value, length) = Dates.digits(body, at: index, end: end, maxLength: 2) {
                ordinal = value
                numeralEnd = index + length
            } else {
                var romanEnd = index
                while romanEnd < end, "IVX".unicodeScalars.contains(body[romanEnd]) { romanEnd += 1 }
                if romanEnd > index, romanEnd == end || !body[romanEnd].isASCIILetter {
                    ordinal = romanValue(body.string(index..<romanEnd))
                    numeralEnd = romanEnd
                } else if let word = EnglishNumbers.word(body, at: index, end: end), let value = EnglishNumbers.value(of: body.string(word)),
                          body[index].isASCIIUppercase {
                    ordinal = value
                    numeralEnd = word.upperBound
                }
            }
            guard let ordinal, ordinal > 0 else { continue }
            var length = numeralEnd - start
            // "Pillar I: Title", "Part III — Title", "Goal 2. Title", or the bare "Part III".
            if numeralEnd < end {
                let next = body[numeralEnd]
                if ":.：—–-".unicodeScalars.contains(next) {
                    length += 1
                } else if next == " ", numeralEnd + 1 < end, "—–-".unicodeScalars.contains(body[numeralEnd + 1]) {
                    length += 2
                } else if next == " ", numeralEnd + 1 < end, body[numeralEnd + 1].isASCIIUppercase || body[numeralEnd + 1].isCJKIdeograph {
                    length += 1
                } else {
                    continue
                }
            }
            while start + length < end, body[start + length].isSpaceLike { length += 1 }
            return (.keyword(keyword), ordinal, body.string(index..<numeralEnd), length)
        }
        return nil
    }

    private static func romanValue(_ text: String) -> Int {
        let values: [Unicode.Scalar: Int] = ["I": 1, "V": 5, "X": 10]
        let scalars = Array(text.unicodeScalars)
        var total = 0
        for (position, scalar) in scalars.enumerated() {
            let value = values[scalar] ?? 0
            if position + 1 < scalars.count, value < values[scalars[position + 1]] ?? 0 { total -= value } else { total += value }
        }
        return total
    }

    /// Whether a line opens with a keyword marker ("Pillar I:", "Goal 2:"), so the normaliser starts a block there.
    static func opensKeywordTitle(_ line: Scalars) -> Bool {
        guard let (style, _, _, _) = marker(line, at: 0, end: line.count) else { return false }
        if case .keyword = style { return true }
        return false
    }
}

/// Roles in the outline: which nodes are the items an analyst tracks, which are their groups,
/// and which sections are neither (general requirements, safeguards, introductions).
struct OutlineRoles {
    var items: [Int]
    /// For each item, its group (the node directly above it), when it has one.
    var groups: [Int?]
    /// Nodes of sections that hold no items: their text may state the plan's dated goals.
    var generalSections: [Int]
    /// The document's title heading, when one heading spans the whole outline.
    var root: Int?

    private static let generalNouns = LiteralSet([
        "总体要求", "指导思想", "战略态势", "发展现状", "发展形势", "重要意义", "现状和形势", "基本原则", "主要目标", "发展目标", "总体目标", "总体思路", "工作目标", "预期目标", "保障措施",
        "组织实施", "保障机制", "组织保障", "实施保障", "工作要求", "背景", "前言", "引言", "附件", "附则", "结束语", "推进措施", "保障条件", "实施步骤",
        "introduction", "background", "preamble", "overview", "foreword", "executive summary", "summary", "conclusion",
        "purpose", "scope", "definitions", "annex", "appendix", "references", "contents", "table of contents", "glossary",
        "acknowledgements", "acknowledgments", "general requirements", "safeguards", "safeguard measures", "goals", "objectives", "targets", "main targets", "overall goals", "overall objectives", "main objectives", "vision", "principles",
        "guiding principles", "implementation", "follow-up", "follow-up and review", "review", "preface", "monitoring", "next steps", "about this plan", "context",
    ], ignoringASCIICase: true)

    private static let goalNouns = LiteralSet(
        ["主要目标", "发展目标", "总体目标", "工作目标", "预期目标", "goals", "objectives", "targets", "main targets", "overall goals", "overall objectives", "main objectives", "vision"], ignoringASCIICase: true)

    /// A section of the plan's goals (## Goals, 主要目标).
    static func isGoals(_ node: OutlineNode, _ body: Scalars) -> Bool {
        let title = body.trimming(node.title) { $0.isWhitespaceOrNewline || $0 == "*" || $0 == "。" || $0 == ":" }
        guard let (_, length) = goalNouns.match(body, at: title.lowerBound, end: title.upperBound) else { return false }
        return title.lowerBound + length == title.upperBound
    }

    static func isGeneral(_ node: OutlineNode, _ body: Scalars) -> Bool {
        let title = body.trimming(node.title) { $0.isWhitespaceOrNewline || $0 == "*" }
        guard let (_, length) = generalNouns.match(body, at: title.lowerBound, end: title.upperBound) else { return false }
        let after = title.lowerBound + length
        // The noun is the title ("保障措施", "Introduction"), or opens it ("总体要求。…", "Goals of the plan" is not).
        if after == title.upperBound { return true }
        let next = body[after]
        return next.isCJKPunctuation || ":.".unicodeScalars.contains(next) || (next.isCJKIdeograph && length >= 4)
    }

    static func assign(_ outline: Outline, _ text: NormalisedText) -> OutlineRoles {
        let nodes = outline.nodes
        var root: Int?
        var tops = nodes.indices.filter { nodes[$0].parent == nil }
        // "# The plan's title" above everything: the document, not a group.
        if tops.count == 1, nodes[tops[0]].style.isHeading, nodes[tops[0]].label == nil {
            root = tops[0]
            tops = nodes[tops[0]].children
        }
        var general: [Int] = []
        var items: [Int] = []
        var groups: [Int?] = []
        let body = text.body
        func isTitled(_ index: Int) -> Bool { if case .keyword = nodes[index].style { true } else { false } }
        // A top-level section of prose only (一、战略态势, 四、资源配置) beside sections of numbered tasks is not a task.
        let topsWithTasks = tops.filter { !isGeneral(nodes[$0], body) && !nodes[$0].children.isEmpty }
        func visit(_ index: Int, group: Int?) {
            let children = nodes[index].children.filter { !isGeneral(nodes[$0], body) }
            if isGeneral(nodes[index], body) {
                general.append(index)
                // "## Overview" followed by "Strategy 1: …" lines: the titled lines are not the overview's.
                // Under "## Goals", "Goal 1: …" lines are the goals themselves, unless actions stand under them.
                for child in children where isTitled(child) && (!isGoals(nodes[index], body) || !nodes[child].children.isEmpty) {
                    visit(child, group: nil)
                }
                return
            }
            if children.isEmpty {
                if tops.contains(index), nodes[index].children.isEmpty, !topsWithTasks.isEmpty {
                    general.append(index)
                    return
                }
                items.append(index)
                groups.append(group)
                general += nodes[index].children
            } else {
                general += nodes[index].children.filter { isGeneral(nodes[$0], body) }
                for child in children { visit(child, group: index) }
            }
        }
        for top in tops { visit(top, group: nil) }
        return OutlineRoles(items: items, groups: groups, generalSections: general, root: root)
    }

    /// An outline is a plan's when it has three or more items and each is numbered, or sits
    /// under a numbered group (Pillar I: → its policy headings); an article's plain headings are not.
    func isPlan(_ outline: Outline) -> Bool {
        guard items.count >= 3 else { return false }
        // A bare numbered list under a title is a list of points, not an outline (the lead-phrase rule reads those).
        if groups.allSatisfy({ $0 == nil }), items.allSatisfy({ if case .marker = outline.nodes[$0].style { true } else { false } }) {
            return false
        }
        return zip(items, groups).allSatisfy { item, group in
            outline.nodes[item].label != nil || group.map { outline.nodes[$0].label != nil } == true
        }
    }
}
