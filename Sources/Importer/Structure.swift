enum ListCategory: Sendable {
    case vision
    case action
}

/// "五大愿景", "十项行动", "三大目标", "八项重点行动", "five visions", "ten priority actions".
struct Announcement: Sendable {
    var range: Range<Int>
    var count: Int
    var category: ListCategory
    /// As written, for messages: 十项行动, ten actions.
    var phrase: String
    /// Scalars (Chinese) or words (English) between the count and the noun; 十项行动 has 0.
    var gap: Int
}

enum Announcements {
    private static let chineseClassifiers: Set<Unicode.Scalar> = ["大", "项", "个", "条", "类", "点"]
    private static let chineseVisionNouns = LiteralSet(["愿景", "目标"])
    private static let chineseActionNouns = LiteralSet(["行动", "举措", "措施", "任务"])
    private static let englishVisionNouns: Set<String> = ["vision", "visions", "goal", "goals", "objective", "objectives", "aims"]
    private static let englishActionNouns: Set<String> = ["action", "actions", "measure", "measures", "task", "tasks"]
    private static let englishGapStopWords: Set<String> = [
        "of", "the", "and", "or", "to", "in", "for", "by", "with", "on", "at", "a", "an", "these", "its", "their",
    ]
    static let maximumChineseGap = 4

    static func find(_ text: Scalars, in range: Range<Int>) -> [Announcement] {
        var result: [Announcement] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let first = text[index]
            guard first.isASCIIAlphanumeric || ChineseNumerals.canStart(first) else {
                index += 1
                continue
            }
            if let found = chinese(text, at: index, range: range) ?? english(text, at: index, range: range) {
                result.append(found)
                index = found.range.upperBound
            } else {
                index += 1
            }
        }
        return result
    }

    private static func chinese(_ text: Scalars, at start: Int, range: Range<Int>) -> Announcement? {
        let end = range.upperBound
        if start > range.lowerBound {
            let previous = text[start - 1]
            if ChineseNumerals.isNumeral(previous) || previous.isASCIIDigit || previous == "第" || previous == "." { return nil }
        }
        let parsed = ChineseNumerals.parse(text, at: start, end: end) ?? Dates.digits(text, at: start, end: end, maxLength: 3)
        guard let (count, length) = parsed, count >= 2 else { return nil }
        var index = start + length
        if index < end, text[index] == " " { index += 1 }
        guard index < end, chineseClassifiers.contains(text[index]) else { return nil }
        index += 1
        for gap in 0...maximumChineseGap {
            let nounStart = index + gap
            guard nounStart < end else { return nil }
            if gap > 0, !text[nounStart - 1].isCJKIdeograph { return nil }
            for (nouns, category) in [(chineseVisionNouns, ListCategory.vision), (chineseActionNouns, .action)] {
                if let (_, nounLength) = nouns.match(text, at: nounStart, end: end) {
                    let range = start..<nounStart + nounLength
                    return Announcement(range: range, count: count, category: category, phrase: text.string(range), gap: gap)
                }
            }
        }
        return nil
    }

    private static func english(_ text: Scalars, at start: Int, range: Range<Int>) -> Announcement? {
        let end = range.upperBound
        var count: Int?
        var index = start
        if text[start].isASCIIDigit, text.isWordStart(start), let (value, length) = Dates.digits(text, at: start, end: end, maxLength: 3) {
            count = value
            index = start + length
        } else if let word = EnglishNumbers.word(text, at: start, end: end) {
            count = EnglishNumbers.value(of: text.string(word))
            index = word.upperBound
        }
        guard let count, count >= 2 else { return nil }
        for gap in 0...2 {
            guard index < end, text[index] == " ", let word = EnglishNumbers.word(text, at: index + 1, end: end) else { return nil }
            let lowered = text.string(word).lowercased()
            let category: ListCategory? = englishVisionNouns.contains(lowered) ? .vision : englishActionNouns.contains(lowered) ? .action : nil
            if let category {
                let range = start..<word.upperBound
                return Announcement(range: range, count: count, category: category, phrase: text.string(range), gap: gap)
            }
            if englishGapStopWords.contains(lowered) || EnglishNumbers.value(of: lowered) != nil { return nil }
            // "17 Sustainable Development Goals": a capitalised name, not a list being announced.
            if text[word.lowerBound].isASCIIUppercase { return nil }
            index = word.upperBound
        }
        return nil
    }
}

/// One item of a detected list: its own text and whatever belongs under it.
struct ListItem: Sendable {
    var blockIndices: [Int]
    /// The item's text after its marker (a verbatim body range).
    var content: Range<Int>
    /// Continuation paragraphs and sub-items.
    var continuation: [Range<Int>]
    /// Its number as printed from the outermost section down (二（一）3, I.A.2), when it has one.
    var label: String? = nil
    /// The titles of the sections above it and its own, outermost first.
    var path: [String] = []

    var allRanges: [Range<Int>] { [content] + continuation }
}

struct DetectedList: Sendable {
    var category: ListCategory
    var announcement: Announcement?
    /// The block holding the announcement (or the section heading of an unannounced list).
    var announcingBlock: Int
    var items: [ListItem]
}

struct DocumentStructure: Sendable {
    var lists: [DetectedList]
    /// Blocks that are list items of the plan (not prose to mine for indicators).
    var itemBlocks: Set<Int>
    /// For each action (in order), the number of the vision grouping it, when the layout says
    /// (the task sections of a Chinese government plan); empty otherwise.
    var actionGroups: [Int?] = []
    /// The text of the main-targets paragraph(s) (主要目标, "Main targets"), without their lead.
    var targetRanges: [Range<Int>] = []
    /// Read from the document's outline: the document is the plan itself (it names no other).
    var isOutline = false

    func items(_ category: ListCategory) -> [ListItem] {
        lists.filter { $0.category == category }.flatMap(\.items)
    }
}

/// Finds the visions and actions: counted announcements bound to the list that follows them,
/// with section headings (目标 / 行动 / Goals / Actions) as the fallback for unannounced lists.
struct Structure {
    private let text: NormalisedText
    private let markers: [Marker?]
    private let announcements: [[Announcement]]

    init(_ text: NormalisedText) {
        self.text = text
        markers = text.blocks.map { block in
            switch block.kind {
            case .bullet: Marker(kind: .bullet, ordinal: 0, length: 0)
            case .heading: nil
            case .paragraph: Markers.ordered(text.body, at: block.range.lowerBound, end: block.range.upperBound)
            }
        }
        announcements = text.blocks.map { Announcements.find(text.body, in: $0.range) }
    }

    func marker(ofBlock index: Int) -> Marker? { markers[index] }

    static func detect(_ text: NormalisedText, fileName: String) throws -> DocumentStructure {
        try Structure(text).detect(fileName: fileName)
    }

    func detect(fileName: String) throws -> DocumentStructure {
        var lists: [DetectedList] = []
        var itemBlocks: Set<Int> = []
        for blockIndex in text.blocks.indices where !itemBlocks.contains(blockIndex) {
            let found = announcements[blockIndex]
            guard let closest = found.last else { continue }
            var items: [ListItem] = []
            if let start = listStart(after: blockIndex, claimed: itemBlocks), let kind = markers[start]?.kind {
                items = collect(from: start, kind: kind, expected: found.map(\.count).max() ?? 0)
            } else {
                items = inlineItems(in: blockIndex, after: closest.range.upperBound)
            }
            guard !items.isEmpty else { continue }
            guard let announcement = found.last(where: { $0.count == items.count }) else {
                throw ImportError(
                    file: fileName, line: Int(text.lineOf[closest.range.lowerBound]),
                    message: "announces \(closest.phrase) (\(closest.count)) but lists \(items.count)")
            }
            lists.append(DetectedList(category: announcement.category, announcement: announcement, announcingBlock: blockIndex, items: items))
            for item in items { itemBlocks.formUnion(item.blockIndices) }
        }
        // A counted list ("十项行动：") is what the document says it is; any other reading may give way to the outline.
        let announced = !lists.isEmpty
        var actionGroups: [Int?] = []
        let outline = OutlineReader.read(text)
        let roles = OutlineRoles.assign(outline, text)
        var extraTargets: [Range<Int>] = []
        var usedOutline = false
        if lists.isEmpty, let government = try governmentLayout(fileName: fileName) {
            lists = government.lists
            actionGroups = government.groups
            for list in lists where list.category == .action { for item in list.items { itemBlocks.formUnion(item.blockIndices) } }
        } else {
            for category in [ListCategory.vision, .action] where !lists.contains(where: { $0.category == category }) {
                for list in sectionLists(category, claimed: itemBlocks) {
                    lists.append(list)
                    for item in list.items { itemBlocks.formUnion(item.blockIndices) }
                }
            }
        }
        if lists.isEmpty, let points = leadPhraseList() {
            lists = [points]
            for item in points.items { itemBlocks.formUnion(item.blockIndices) }
        }
        // The outline reads deeper than the layouts above (the numbered measures under （N） tasks, the
        // lettered actions under "A." groups): when it finds more items, they are the plan's.
        if !announced, roles.isPlan(outline), outlineReadsDeeper(than: lists, outline, roles) {
            (lists, actionGroups) = outlineLists(outline, roles)
            extraTargets = goalRanges(outline, roles)
            usedOutline = true
            itemBlocks = []
            for list in lists where list.category == .action { for item in list.items { itemBlocks.formUnion(item.blockIndices) } }
        }
        lists.sort { ($0.items.first?.content.lowerBound ?? 0) < ($1.items.first?.content.lowerBound ?? 0) }
        // Every item keeps its place in the outline: its printed number and the sections above it.
        for listIndex in lists.indices {
            for itemIndex in lists[listIndex].items.indices where lists[listIndex].items[itemIndex].path.isEmpty {
                let item = lists[listIndex].items[itemIndex]
                guard let node = outline.nodeOfBlock[item.blockIndices[0]] else { continue }
                lists[listIndex].items[itemIndex].label = outline.printedLabel(node, skipping: roles.root)
                lists[listIndex].items[itemIndex].path = outlinePath(outline, node, root: roles.root)
            }
        }
        var targets = targetRanges(claimed: itemBlocks)
        for range in extraTargets where !targets.contains(where: { $0.overlaps(range) }) { targets.append(range) }
        targets.sort { $0.lowerBound < $1.lowerBound }
        return DocumentStructure(
            lists: lists, itemBlocks: itemBlocks, actionGroups: actionGroups, targetRanges: targets, isOutline: usedOutline)
    }

    // MARK: Outline

    /// Whether the outline finds what the lists miss: an action that is really a group of numbered
    /// measures (（一） over 1. 2. 3.), or items beyond all those the lists hold (groups "A." "B." of
    /// which a section list kept only the first).
    private func outlineReadsDeeper(than lists: [DetectedList], _ outline: Outline, _ roles: OutlineRoles) -> Bool {
        let itemBlocks = Set(roles.items.map { outline.nodes[$0].block })
        let listed = lists.flatMap(\.items).map { $0.blockIndices[0] }
        let collapses = lists.filter { $0.category == .action }.flatMap(\.items).contains { item in
            guard let node = outline.nodeOfBlock[item.blockIndices[0]] else { return false }
            return !itemBlocks.contains(item.blockIndices[0]) && outline.nodes[node].children.contains { child in
                itemBlocks.contains(outline.nodes[child].block) || !outline.nodes[child].children.isEmpty
            }
        }
        return collapses || (Set(listed).isStrictSubset(of: itemBlocks))
    }

    /// The outline's items as actions and their groups as visions (when there are two or more groups).
    private func outlineLists(_ outline: Outline, _ roles: OutlineRoles) -> ([DetectedList], [Int?]) {
        let nodes = outline.nodes
        func descendants(_ index: Int) -> [Int] { nodes[index].children.flatMap { [$0] + descendants($0) } }
        let items = roles.items.map { index -> ListItem in
            let node = nodes[index]
            var blocks = [node.block] + node.bodyBlocks
            for child in descendants(index) { blocks += [nodes[child].block] + nodes[child].bodyBlocks }
            blocks.sort()
            return ListItem(
                blockIndices: blocks, content: text.body.trimmingWhitespace(node.title),
                continuation: blocks.dropFirst().map { text.blocks[$0].range },
                label: outline.printedLabel(index, skipping: roles.root), path: outlinePath(outline, index, root: roles.root))
        }
        var groupOrder: [Int] = []
        for case let group? in roles.groups where !groupOrder.contains(group) { groupOrder.append(group) }
        var lists: [DetectedList] = []
        var groups: [Int?] = []
        let firstBlock = nodes[roles.items[0]].block
        if groupOrder.count >= 2 {
            let visions = groupOrder.map { index in
                ListItem(
                    blockIndices: [nodes[index].block], content: text.body.trimmingWhitespace(nodes[index].title), continuation: [],
                    label: outline.printedLabel(index, skipping: roles.root), path: outlinePath(outline, index, root: roles.root))
            }
            lists.append(DetectedList(category: .vision, announcement: nil, announcingBlock: nodes[groupOrder[0]].block, items: visions))
            groups = roles.groups.map { group in group.flatMap { groupOrder.firstIndex(of: $0) }.map { $0 + 1 } }
        }
        lists.append(DetectedList(category: .action, announcement: nil, announcingBlock: max(0, firstBlock - 1), items: items))
        return (lists, groups)
    }

    private func outlinePath(_ outline: Outline, _ index: Int, root: Int?) -> [String] {
        var path: [String] = []
        var current: Int? = index
        while let node = current, node != root {
            let block = text.blocks[outline.nodes[node].block].range
            // A numbered measure's heading is its lead phrase (1.加速科学发现进程。…): up to its first stop.
            var end = block.lowerBound
            while end < block.upperBound, end - block.lowerBound < 80, !"。；：".unicodeScalars.contains(text.body[end]) { end += 1 }
            path.append(text.text(text.body.trimmingWhitespace(block.lowerBound..<end)))
            current = outline.nodes[node].parent
        }
        return path.reversed()
    }

    private static let safeguardNouns = LiteralSet(
        ["保障措施", "组织实施", "保障机制", "组织保障", "实施保障", "工作要求", "implementation", "monitoring", "next steps"], ignoringASCIICase: true)

    /// Paragraphs outside the items that state a dated goal (到2027年, "By 2030"): the preamble and the
    /// general sections (总体要求, Introduction, Goals), not the safeguards.
    private func goalRanges(_ outline: Outline, _ roles: OutlineRoles) -> [Range<Int>] {
        var blocks = outline.preamble
        // Items and the groups above them ("## Objectives" → "Objective 1." → (a)) are not goals.
        var holdsItems: Set<Int> = []
        for item in roles.items {
            var current: Int? = item
            while let node = current, holdsItems.insert(node).inserted { current = outline.nodes[node].parent }
        }
        func collect(_ index: Int) {
            let node = outline.nodes[index]
            guard !holdsItems.contains(index) || roles.generalSections.contains(index) else { return }
            let title = text.body.trimmingWhitespace(node.title)
            if Self.safeguardNouns.match(text.body, at: title.lowerBound, end: title.upperBound) != nil { return }
            if !text.blocks[node.block].kind.isHeading { blocks.append(node.block) }
            blocks += node.bodyBlocks
            for child in node.children { collect(child) }
        }
        for index in roles.generalSections { collect(index) }
        if let root = roles.root { blocks += outline.nodes[root].bodyBlocks }
        var ranges: [Range<Int>] = []
        for index in Set(blocks).sorted() {
            let block = text.blocks[index]
            guard !block.kind.isHeading else { continue }
            let range = block.range.lowerBound + (outlineMarker(index)?.length ?? 0)..<block.range.upperBound
            if Dates.scan(text.body, in: range, documentYear: nil).contains(where: { $0.role == .deadline }) { ranges.append(range) }
        }
        return ranges
    }

    // MARK: Chinese government layout

    /// The ordered marker of a block, headings included (### 二、重点任务).
    private func outlineMarker(_ blockIndex: Int) -> Marker? {
        let block = text.blocks[blockIndex]
        guard block.kind.isHeading else { return markers[blockIndex] }
        return Markers.ordered(text.body, at: block.range.lowerBound, end: block.range.upperBound)
    }

    private static let generalSectionNouns = LiteralSet(["总体要求", "指导思想", "基本原则", "主要目标", "发展目标", "总体目标", "总体思路", "工作目标"])
    private static let safeguardSectionNouns = LiteralSet(["保障措施", "组织实施", "保障机制", "组织保障", "实施保障", "保障机制"])

    /// 一、总体要求 /（一）指导思想 … 二、…七、 task sections of （N） items … 八、保障措施: the actions are
    /// the （N） items of the task sections (numbered on across sections); with two or more task
    /// sections, their headings become the visions that group them. Needs at least one section
    /// whose heading names general requirements or safeguards, so an article with numbered
    /// sections is not read as a plan.
    private func governmentLayout(fileName: String) throws -> (lists: [DetectedList], groups: [Int])? {
        let blocks = text.blocks
        var sections: [(block: Int, title: Range<Int>)] = []
        for index in blocks.indices {
            guard let marker = outlineMarker(index), marker.kind == .cjkSection, marker.ordinal == sections.count + 1 else { continue }
            let title = blocks[index].range.lowerBound + marker.length..<blocks[index].range.upperBound
            guard !text.body.trimmingWhitespace(title).isEmpty, title.count <= 30 else { continue }
            sections.append((index, title))
        }
        guard sections.count >= 2 else { return nil }
        var namesRole = false
        var taskSections: [(block: Int, title: Range<Int>, items: [ListItem])] = []
        // Tasks are （一） items; a plan without them numbers its tasks 1. 2. under the sections.
        let itemKind: MarkerKind = blocks.indices.contains { outlineMarker($0)?.kind == .cjkParenthesised } ? .cjkParenthesised : .arabic
        for (position, section) in sections.enumerated() {
            // The role noun opens the title: 强化安全保障 is a task section, 保障措施 is not.
            let titleStart = text.body.trimming(section.title) { $0.isWhitespaceOrNewline }.lowerBound
            if Self.generalSectionNouns.match(text.body, at: titleStart, end: section.title.upperBound) != nil
                || Self.safeguardSectionNouns.match(text.body, at: titleStart, end: section.title.upperBound) != nil {
                namesRole = true
                continue
            }
            let end = position + 1 < sections.count ? sections[position + 1].block : blocks.count
            var items: [ListItem] = []
            for index in section.block + 1..<end {
                if let marker = outlineMarker(index), marker.kind == itemKind {
                    let range = blocks[index].range
                    items.append(ListItem(blockIndices: [index], content: range.lowerBound + marker.length..<range.upperBound, continuation: []))
                } else if !items.isEmpty {
                    items[items.count - 1].blockIndices.append(index)
                    items[items.count - 1].continuation.append(blocks[index].range)
                }
            }
            if !items.isEmpty { taskSections.append((section.block, section.title, items)) }
        }
        guard namesRole, !taskSections.isEmpty else { return nil }
        let tasks = taskSections.flatMap(\.items)
        let taskBlocks = Set(tasks.flatMap(\.blockIndices))
        // A stated count of tasks (部署二十五项重点任务) must match what the sections hold.
        for index in blocks.indices where !taskBlocks.contains(index) {
            if let stated = announcements[index].first(where: { $0.category == .action && $0.count != tasks.count }) {
                throw ImportError(
                    file: fileName, line: Int(text.lineOf[stated.range.lowerBound]),
                    message: "announces \(stated.phrase) (\(stated.count)) but lists \(tasks.count)")
            }
        }
        var lists: [DetectedList] = []
        var groups: [Int] = []
        if taskSections.count >= 2 {
            let headings = taskSections.map { ListItem(blockIndices: [$0.block], content: $0.title, continuation: []) }
            lists.append(DetectedList(category: .vision, announcement: nil, announcingBlock: taskSections[0].block, items: headings))
            for (number, section) in taskSections.enumerated() { groups += Array(repeating: number + 1, count: section.items.count) }
        }
        lists.append(DetectedList(category: .action, announcement: nil, announcingBlock: taskSections[0].block, items: tasks))
        return (lists, groups)
    }

    // MARK: Numbered points with lead phrases

    /// A document with no announced or titled lists, but a numbered list of three or more points
    /// that each open with a lead phrase ("1. **Jointly seizing the opportunities of AI.** We call …",
    /// "（一）加强算力建设。…"): the points are its actions, and it has no visions.
    private func leadPhraseList() -> DetectedList? {
        var best: [ListItem] = []
        var index = 0
        while index < text.blocks.count {
            guard let marker = markers[index], marker.ordinal == 1,
                  [.arabic, .cjkParenthesised, .arabicParenthesised].contains(marker.kind)
            else {
                index += 1
                continue
            }
            let items = collect(from: index, kind: marker.kind, expected: .max)
            if items.count >= 3, items.count > best.count, items.allSatisfy(hasLeadPhrase) { best = items }
            index = (items.last?.blockIndices.last ?? index) + 1
        }
        guard let first = best.first?.blockIndices.first else { return nil }
        return DetectedList(category: .action, announcement: nil, announcingBlock: max(0, first - 1), items: best)
    }

    /// A bold opening, or a short first sentence or clause ending in `.` `。` `：` `:` with more text after it.
    private func hasLeadPhrase(_ item: ListItem) -> Bool {
        let body = text.body
        let content = item.content
        guard !content.isEmpty else { return false }
        let bold = text.blocks[item.blockIndices[0]].bold
        if bold.contains(where: { $0.lowerBound == content.lowerBound && $0.upperBound < content.upperBound }) { return true }
        let isEnglish = body[content.lowerBound].isASCIILetter
        var words = 1
        for index in content {
            let scalar = body[index]
            if scalar == " " { words += 1 }
            if isEnglish ? words > 12 : index - content.lowerBound > 25 { return false }
            let ends = scalar == "。" || scalar == "：" || scalar == ":"
                || Sentences.isEnglishFullStop(body, at: index, start: content.lowerBound, end: content.upperBound)
            if ends { return body.trimmingWhitespace(index + 1..<content.upperBound).count > 0 || !item.continuation.isEmpty }
        }
        return false
    }

    // MARK: Main targets

    private static let targetNouns = LiteralSet(
        ["主要目标", "发展目标", "总体目标", "预期目标", "工作目标", "main targets", "key targets", "targets", "quantitative targets"],
        ignoringASCIICase: true)

    /// "（三）主要目标。到2025年，…" (the text after the lead), or the paragraphs under a heading or
    /// outline title that is the targets noun (## Main targets, 三、发展目标), up to the next title or item.
    private func targetRanges(claimed: Set<Int>) -> [Range<Int>] {
        let blocks = text.blocks
        let body = text.body
        var ranges: [Range<Int>] = []
        var index = 0
        while index < blocks.count {
            defer { index += 1 }
            guard !claimed.contains(index) else { continue }
            let range = blocks[index].range
            let start = range.lowerBound + (outlineMarker(index)?.length ?? 0)
            guard let (_, length) = Self.targetNouns.match(body, at: start, end: range.upperBound) else { continue }
            let after = start + length
            let rest = body.trimming(after..<range.upperBound) { $0.isWhitespaceOrNewline || "。：:.".unicodeScalars.contains($0) }
            if !rest.isEmpty {
                guard "。：:.".unicodeScalars.contains(body[after]) else { continue }
                ranges.append(rest)
            } else if blocks[index].kind.isHeading || outlineMarker(index) != nil || range.count <= 20 {
                // A title: the paragraphs under it.
            } else {
                continue
            }
            while index + 1 < blocks.count, !blocks[index + 1].kind.isHeading, !claimed.contains(index + 1),
                  (outlineMarker(index + 1)?.kind ?? .bullet) == .bullet {
                index += 1
                ranges.append(blocks[index].range)
            }
        }
        return ranges
    }

    /// The first item of the list an announcement in `blockIndex` introduces: the next block,
    /// or the one after a lead-in paragraph when the announcement is a heading or section title.
    private func listStart(after blockIndex: Int, claimed: Set<Int>) -> Int? {
        let blocks = text.blocks
        let ownMarker = markers[blockIndex]
        let isHeading = blocks[blockIndex].kind.isHeading
        var start = blockIndex + 1
        guard start < blocks.count else { return nil }
        if markers[start] == nil, !blocks[start].kind.isHeading, isHeading || ownMarker != nil, announcements[start].isEmpty {
            start += 1
        }
        guard start < blocks.count, !claimed.contains(start), let marker = markers[start] else { return nil }
        if let ownMarker, !isHeading, marker.kind.rank <= ownMarker.kind.rank { return nil }
        return start
    }

    /// Items of `kind` from `start` on; deeper markers and (for numbered lists) plain paragraphs
    /// belong to the item before them. Stops at a heading, a higher-level marker or a restart at 1.
    private func collect(from start: Int, kind: MarkerKind, expected: Int) -> [ListItem] {
        let blocks = text.blocks
        var items = [item(at: start)]
        var index = start + 1
        while index < blocks.count {
            if blocks[index].kind.isHeading { break }
            if let marker = markers[index] {
                if marker.kind == kind {
                    if kind.isOrdered, marker.ordinal == 1 { break }
                    items.append(item(at: index))
                    index += 1
                    continue
                }
                if marker.kind.rank <= kind.rank || kind == .bullet { break }
            } else if kind == .bullet || items.count >= expected || !announcements[index].isEmpty {
                break
            }
            items[items.count - 1].blockIndices.append(index)
            items[items.count - 1].continuation.append(blocks[index].range)
            index += 1
        }
        return items
    }

    private func item(at blockIndex: Int) -> ListItem {
        let range = text.blocks[blockIndex].range
        let markerLength = markers[blockIndex]?.length ?? 0
        return ListItem(blockIndices: [blockIndex], content: range.lowerBound + markerLength..<range.upperBound, continuation: [])
    }

    /// "实施三大行动：一是…；二是…；三是…。" — items enumerated inside the announcing paragraph.
    private func inlineItems(in blockIndex: Int, after position: Int) -> [ListItem] {
        let body = text.body
        let end = text.blocks[blockIndex].range.upperBound
        var starts: [(marker: Marker, at: Int)] = []
        var index = position
        while index < end {
            let previous = index > 0 ? body[index - 1] : "\n"
            let atBoundary = previous.isClauseBoundary || previous.isSpaceLike || isBoldStart(index, blockIndex)
            if atBoundary, let marker = Markers.ordered(body, at: index, end: end),
               [.leadIn, .cjkParenthesised, .arabicParenthesised].contains(marker.kind) {
                if let kind = starts.first?.marker.kind {
                    if marker.kind == kind, marker.ordinal == starts.count + 1 { starts.append((marker, index)) }
                } else if marker.ordinal == 1 {
                    starts.append((marker, index))
                }
            }
            index += 1
        }
        guard starts.count >= 2 else { return [] }
        return starts.indices.map { position in
            let contentStart = starts[position].at + starts[position].marker.length
            let contentEnd = position + 1 < starts.count ? starts[position + 1].at : end
            let content = body.trimming(contentStart..<contentEnd) { $0.isWhitespaceOrNewline || "；，;,".unicodeScalars.contains($0) }
            return ListItem(blockIndices: [blockIndex], content: content, continuation: [])
        }
    }

    private static let sectionVisionNouns = LiteralSet(["愿景", "目标", "vision", "goals", "objectives"], ignoringASCIICase: true)
    private static let sectionActionNouns = LiteralSet(["行动", "举措", "措施", "任务", "actions", "measures"], ignoringASCIICase: true)

    private func isBoldStart(_ index: Int, _ blockIndex: Int) -> Bool {
        text.blocks[blockIndex].bold.contains { $0.lowerBound == index }
    }

    /// Unannounced lists under a short section title naming one category (二、重点任务 / II. Actions).
    private func sectionLists(_ category: ListCategory, claimed: Set<Int>) -> [DetectedList] {
        var result: [DetectedList] = []
        var claimed = claimed
        for (blockIndex, block) in text.blocks.enumerated() where !claimed.contains(blockIndex) {
            guard block.kind.isHeading || markers[blockIndex]?.kind.rank == 1 else { continue }
            let titleRange = block.range.lowerBound + (markers[blockIndex]?.length ?? 0)..<block.range.upperBound
            guard titleRange.count <= 30 else { continue }
            let namesVision = Self.sectionVisionNouns.occurs(in: text.body, range: titleRange)
            let namesAction = Self.sectionActionNouns.occurs(in: text.body, range: titleRange)
            guard namesVision != namesAction, (category == .vision) == namesVision,
                  let start = listStart(after: blockIndex, claimed: claimed), let kind = markers[start]?.kind
            else { continue }
            let items = collect(from: start, kind: kind, expected: .max)
            guard items.count >= 2 else { continue }
            result.append(DetectedList(category: category, announcement: nil, announcingBlock: blockIndex, items: items))
            for item in items { claimed.formUnion(item.blockIndices) }
        }
        return result
    }
}

extension ListItem {
    /// A short title: the bold lead-in if the item has one, else its first clause (Chinese) or
    /// first sentence (English), without trailing punctuation.
    func title(in text: NormalisedText, bold: [Range<Int>]) -> String {
        let body = text.body
        let isPunctuation: (Unicode.Scalar) -> Bool = { $0.isWhitespaceOrNewline || "。．.：:；;，,！!？?".unicodeScalars.contains($0) }
        if let lead = bold.first(where: { $0.lowerBound == content.lowerBound }), lead.upperBound <= content.upperBound {
            let trimmed = body.trimming(lead, where: isPunctuation)
            if !trimmed.isEmpty { return body.string(trimmed) }
        }
        guard !content.isEmpty else { return "" }
        var end = content.lowerBound
        let isEnglish = body[content.lowerBound].isASCIILetter
        var firstComma: Int?
        // A comma before "to …", "especially …": a clause ends there, not an enumeration item.
        var clauseComma: Int?
        while end < content.upperBound {
            let scalar = body[end]
            if isEnglish {
                if scalar == ":" || scalar == ";" || Sentences.isEnglishFullStop(body, at: end, start: content.lowerBound, end: content.upperBound) { break }
                if scalar == ",", Sentences.isBoundary(body, at: end) {
                    if firstComma == nil { firstComma = end }
                    if clauseComma == nil, let next = EnglishNumbers.word(body, at: min(end + 2, content.upperBound), end: content.upperBound),
                       Self.clauseOpeners.contains(body.string(next).lowercased()) {
                        clauseComma = end
                    }
                }
            } else if "，。：；！？,:;".unicodeScalars.contains(scalar) {
                break
            }
            end += 1
        }
        // A sentence-long English title is cut to its first clause; the full text stays in the body.
        if isEnglish, let comma = clauseComma ?? firstComma, Self.wordCount(body, content.lowerBound..<end) > Self.longTitleWords,
           Self.wordCount(body, content.lowerBound..<comma) >= 3 {
            end = comma
            // "… with developing countries and, building on …": the dangling conjunction goes too.
            while let last = EnglishNumbers.word(body, endingAt: end, start: content.lowerBound),
                  ["and", "or", "but"].contains(body.string(last)) {
                end = last.lowerBound
                while end > content.lowerBound, body[end - 1] == " " { end -= 1 }
            }
        }
        return body.string(body.trimming(content.lowerBound..<end, where: isPunctuation))
    }

    private static let clauseOpeners: Set<String> = [
        "to", "and", "or", "but", "which", "who", "while", "so", "especially", "particularly", "including", "with", "how",
        "where", "when", "as", "by", "building", "through", "thereby", "sharing", "promoting", "updated",
    ]

    static let longTitleWords = 15

    private static func wordCount(_ body: Scalars, _ range: Range<Int>) -> Int {
        body[range].reduce(1) { $0 + ($1 == " " ? 1 : 0) }
    }

    /// The item's full text: its own paragraph and what belongs under it, one per line.
    func body(in text: NormalisedText) -> String {
        allRanges.map { text.text(text.body.trimmingWhitespace($0)) }.joined(separator: "\n")
    }
}
