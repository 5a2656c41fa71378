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
        for category in [ListCategory.vision, .action] where !lists.contains(where: { $0.category == category }) {
            for list in sectionLists(category, claimed: itemBlocks) {
                lists.append(list)
                for item in list.items { itemBlocks.formUnion(item.blockIndices) }
            }
        }
        lists.sort { ($0.items.first?.content.lowerBound ?? 0) < ($1.items.first?.content.lowerBound ?? 0) }
        return DocumentStructure(lists: lists, itemBlocks: itemBlocks)
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
        var end = content.lowerBound
        let isEnglish = body[content.lowerBound].isASCIILetter
        while end < content.upperBound {
            let scalar = body[end]
            if isEnglish {
                if scalar == ":" || scalar == ";" || Sentences.isEnglishFullStop(body, at: end, start: content.lowerBound, end: content.upperBound) { break }
            } else if "，。：；！？,:;".unicodeScalars.contains(scalar) {
                break
            }
            end += 1
        }
        return body.string(body.trimming(content.lowerBound..<end, where: isPunctuation))
    }

    /// The item's full text: its own paragraph and what belongs under it, one per line.
    func body(in text: NormalisedText) -> String {
        allRanges.map { text.text(text.body.trimmingWhitespace($0)) }.joined(separator: "\n")
    }
}
