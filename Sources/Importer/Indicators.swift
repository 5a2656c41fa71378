/// A figure the rules read from the prose, before curation names it.
struct IndicatorCandidate {
    var value: ImportedIndicatorValue
    /// The number as written, for curation to find it by quote.
    var numberRange: Range<Int>
}

/// Figures stated in the prose: 截至2023年底，中国算力总规模超230 EFLOPS → 算力总规模 > 230 EFLOPS as of 2023-12-31.
/// Dates, codes, ordinals, names in quotes, announced counts and targets (sentences with deadlines) are not figures.
enum Indicators {
    private static let leadingNoise = LiteralSet([
        "截至", "截止", "其中", "已累计", "累计", "已", "共", "目前", "当前", "中国", "我国", "同时", "此外", "另外",
        "今年", "去年", "全年",
    ])
    private static let trailingNoise = LiteralSet(["了", "已", "均", "分别", "共", "累计", "共计", "的", "已经"])
    private static let followingNounStops: Set<Unicode.Scalar> = [
        "的", "中", "和", "与", "及", "或", "等", "在", "从", "到", "将", "已", "了", "是", "为", "被", "把", "对", "向",
    ]
    private static let englishNameStops: Set<String> = [
        "from", "in", "for", "by", "across", "to", "with", "of", "and", "that", "which", "per", "at", "on", "as", "than",
        "since", "during", "compared", "were", "was", "are", "is", "have", "has", "had", "up", "down",
        // Verbs that follow the counted noun ("1,500 data specialists work in …").
        "work", "worked", "hold", "held", "complete", "completed", "reach", "reached", "receive", "received", "use", "used",
        "will", "can", "should", "must", "every", "each",
    ]
    private static let englishLeadingNoise: Set<String> = ["the", "a", "an", "its", "their", "this", "these", "some", "and", "while", "with"]

    /// Sentences inside `targetRanges` are targets unless they state a fact as of a date (截至…).
    static func extract(
        _ text: NormalisedText, skippingBlocks skipped: Set<Int>, targetRanges: [Range<Int>] = [], documentYear: Int?
    ) -> [IndicatorCandidate] {
        var result: [IndicatorCandidate] = []
        let body = text.body
        for (blockIndex, block) in text.blocks.enumerated() where !block.kind.isHeading && !skipped.contains(blockIndex) {
            for sentence in Sentences.split(body, in: block.range) {
                let dates = Dates.scan(body, in: sentence, documentYear: documentYear)
                // A sentence with a deadline states a target, not a figure.
                if dates.contains(where: { $0.role == .deadline }) { continue }
                if targetRanges.contains(where: { $0.contains(sentence.lowerBound) }), !dates.contains(where: { $0.role == .asOf }) { continue }
                let protected = Spans.quotedAndTitled(body, in: sentence)
                let announced = Announcements.find(body, in: sentence).filter { $0.gap <= 2 }
                let isEnglish = isEnglishText(body, sentence)
                let figures = Quantities.scan(body, in: sentence).filter {
                    isFigure($0, body, dates: dates, protected: protected, announced: announced)
                }
                guard !figures.isEmpty else { continue }
                let source = text.source(sentence)
                for quantity in figures {
                    guard let name = name(of: quantity, body, sentence: sentence, dates: dates, english: isEnglish), !name.isEmpty
                    else { continue }
                    let value = ImportedIndicatorValue(
                        slug: Slug.make(name, keepingCJK: true), name: name, unit: quantity.unit, value: quantity.value,
                        qualifier: quantity.qualifier,
                        asOf: asOf(quantity, body, sentence: sentence, dates: dates, protected: protected), source: source)
                    result.append(IndicatorCandidate(value: value, numberRange: quantity.numberRange))
                }
            }
        }
        return result
    }

    private static func isFigure(
        _ quantity: Quantity, _ body: Scalars, dates: [DateMention], protected: [Range<Int>], announced: [Announcement]
    ) -> Bool {
        if quantity.isExcluded { return false }
        let number = quantity.numberRange
        if dates.contains(where: { $0.range.overlaps(number) }) { return false }
        if protected.contains(where: { $0.overlaps(number) }) { return false }
        if announced.contains(where: { $0.range.overlaps(number) }) { return false }
        switch quantity.notation {
        case .word: return false
        case .chinese: return quantity.value >= 10
        case .digits:
            if quantity.unit != nil || quantity.isScaled { return true }
            // An English count needs a noun after it; a bare year-like number is a year.
            let isYearLike = quantity.value >= 1900 && quantity.value <= 2100 && quantity.value.rounded() == quantity.value
            return !isYearLike && englishNounPhrase(after: quantity.end, body) != nil
        }
    }

    // MARK: Names

    /// The noun phrase measured: what precedes a qualifier (企业数量超过4500家), else what follows
    /// the unit (累计培育421家国家智能制造示范工厂), else what precedes the number (同比增长22.44%).
    static func name(of quantity: Quantity, _ body: Scalars, sentence: Range<Int>, dates: [DateMention], english isEnglish: Bool) -> String? {
        let before = preceding(quantity, body, sentence: sentence, dates: dates, english: isEnglish)
        var after = isEnglish ? englishNounPhrase(after: quantity.end, body) : chineseNoun(after: quantity.end, body, end: sentence.upperBound)
        // "35% of services": what the share is of.
        if isEnglish, after == nil, body.matches(" of ", at: quantity.end) { after = englishNounPhrase(after: quantity.end + 3, body) }
        let prefersBefore = isEnglish ? quantity.unit != nil : quantity.qualifierStart != nil
        if prefersBefore, let before, !before.isEmpty { return body.string(before) }
        if let after, !after.isEmpty, after.count >= 2 || isEnglish { return body.string(after) }
        if let before, !before.isEmpty { return body.string(before) }
        return nil
    }

    /// Mostly Latin letters: English word order rules apply.
    private static func isEnglishText(_ body: Scalars, _ sentence: Range<Int>) -> Bool {
        var letters = 0
        var ideographs = 0
        for scalar in body[sentence] {
            if scalar.isASCIILetter { letters += 1 } else if scalar.isCJKIdeograph { ideographs += 1 }
        }
        return letters > ideographs * 2
    }

    private static func preceding(
        _ quantity: Quantity, _ body: Scalars, sentence: Range<Int>, dates: [DateMention], english: Bool
    ) -> Range<Int>? {
        let end = quantity.start
        var start = end
        // Names are short: looking further back than this only finds a clause without punctuation.
        while start > sentence.lowerBound, end - start < 60, !Sentences.isBoundary(body, at: start - 1), body[start - 1] != "）", body[start - 1] != ")" {
            start -= 1
        }
        var range = body.trimmingWhitespace(start..<end)
        if english { return englishName(range, body, dates: dates) }
        // 智能辅助诊疗…和医用机器人等人工智能应用: the phrase after 等 names the whole.
        if let lastEtc = body[range].lastIndex(of: "等"), lastEtc + 1 < range.upperBound { range = lastEtc + 1..<range.upperBound }
        var changed = true
        while changed, !range.isEmpty {
            changed = false
            if let date = dates.first(where: { $0.range.lowerBound == range.lowerBound }) {
                range = date.range.upperBound..<max(date.range.upperBound, range.upperBound)
                changed = true
            }
            if let (_, length) = leadingNoise.match(body, at: range.lowerBound, end: range.upperBound) {
                range = range.lowerBound + length..<range.upperBound
                changed = true
            }
            if let (_, length) = trailingNoise.matchEnding(body, at: range.upperBound, start: range.lowerBound) {
                range = range.lowerBound..<range.upperBound - length
                changed = true
            }
        }
        return body.trimmingWhitespace(range)
    }

    private static func chineseNoun(after start: Int, _ body: Scalars, end: Int) -> Range<Int>? {
        var index = start
        while index < end, index - start < 12, body[index].isCJKIdeograph, !followingNounStops.contains(body[index]) { index += 1 }
        return index > start ? start..<index : nil
    }

    /// Up to five words after a number, stopping at punctuation or a function word: "AI companies".
    static func englishNounPhrase(after start: Int, _ body: Scalars) -> Range<Int>? {
        var index = start
        var end = start
        var words = 0
        while words < 5, index < body.count, body[index] == " " {
            guard let word = EnglishNumbers.word(body, at: index + 1, end: body.count) else { break }
            let lowered = body.string(word).lowercased()
            if englishNameStops.contains(lowered) || (words == 0 && englishLeadingNoise.contains(lowered)) { break }
            end = word.upperBound
            index = word.upperBound
            words += 1
        }
        return end > start ? start + 1..<end : nil
    }

    private static func englishName(_ range: Range<Int>, _ body: Scalars, dates: [DateMention]) -> Range<Int>? {
        var words: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if let word = EnglishNumbers.word(body, at: index, end: range.upperBound) {
                if !dates.contains(where: { $0.range.overlaps(word) }) { words.append(word) }
                index = word.upperBound
            } else {
                index += 1
            }
        }
        while let first = words.first, englishLeadingNoise.contains(body.string(first).lowercased()) { words.removeFirst() }
        while let last = words.last, englishNameStops.contains(body.string(last).lowercased()) { words.removeLast() }
        guard let first = words.first, let last = words.last else { return nil }
        return first.lowerBound..<last.upperBound
    }

    // MARK: As-of dates

    /// The date a figure refers to: the nearest date before it in its sentence (截至2023年底 → 2023-12-31,
    /// 2023年 → 2023, 去年 → the year before the document's), else a date after it in the same clause.
    static func asOf(_ quantity: Quantity, _ body: Scalars, sentence: Range<Int>, dates: [DateMention], protected: [Range<Int>]) -> String? {
        let usable = dates.filter { date in date.role != .deadline && !protected.contains { $0.overlaps(date.range) } }
        if let before = usable.last(where: { $0.range.upperBound <= quantity.numberRange.lowerBound }) {
            return before.resolved
        }
        let clause = Sentences.clause(body, containing: quantity.numberRange.lowerBound, in: sentence)
        return usable.first { $0.range.lowerBound >= quantity.end && $0.range.upperBound <= clause.upperBound }?.resolved
    }
}

/// Text inside 《》 titles and quotation marks: names, not prose.
enum Spans {
    static func quotedAndTitled(_ body: Scalars, in range: Range<Int>) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let close: Unicode.Scalar? = switch body[index] {
            case "《": "》"
            case "“": "”"
            case "‘": "’"
            case "「": "」"
            default: nil
            }
            if let close, let end = matchingClose(body, open: body[index], close: close, from: index, limit: range.upperBound) {
                spans.append(index..<end + 1)
            }
            index += 1
        }
        return spans
    }

    /// The index of the bracket closing the one at `start` (nesting counted).
    static func matchingClose(_ body: Scalars, open: Unicode.Scalar, close: Unicode.Scalar, from start: Int, limit: Int) -> Int? {
        var depth = 0
        var index = start
        while index < limit, index - start < 200 {
            if body[index] == open { depth += 1 } else if body[index] == close {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }
}
