/// Plan-level targets: every figure of the main-targets paragraph (主要目标, "Main targets") is one
/// commitment with its value, unit, qualifier and due date. The date the paragraph opens with
/// (到2025年, "By 2030") applies to each of its sentences unless a sentence states its own.
/// A sentence that states a fact as of a date (截至2023年底) is not a target: it stays an indicator value.
enum Targets {
    /// A figure inside a curated exclusion is dropped.
    static func extract(
        _ ranges: [Range<Int>], in text: NormalisedText, slugPrefix: String, documentYear: Int?, excluded: [Range<Int>] = []
    ) -> [ImportedCommitment] {
        let body = text.body
        var targets: [ImportedCommitment] = []
        var paragraphDeadline: DateMention?
        for range in ranges {
            for sentence in Sentences.split(body, in: range) {
                let dates = Dates.scan(body, in: sentence, documentYear: documentYear)
                let deadlines = dates.filter { $0.role == .deadline }
                let own = deadlines.first
                if paragraphDeadline == nil { paragraphDeadline = own }
                if own == nil, dates.contains(where: { $0.role == .asOf }) { continue }
                let deadline = own ?? paragraphDeadline
                let protected = Spans.quotedAndTitled(body, in: sentence)
                let announced = Announcements.find(body, in: sentence)
                let figures: [(quantity: Quantity, unit: String)] = Quantities.scan(body, in: sentence).compactMap { quantity in
                    let number = quantity.numberRange
                    if quantity.isExcluded || excluded.contains(where: { $0.contains(number.lowerBound) })
                        || dates.contains(where: { $0.range.overlaps(number) })
                        || protected.contains(where: { $0.overlaps(number) }) || announced.contains(where: { $0.range.overlaps(number) }) {
                        return nil
                    }
                    // 一批, 一个: an article, not a figure to reach.
                    if quantity.notation != .digits, quantity.value < 2 { return nil }
                    return unit(of: quantity, body).map { (quantity, $0) }
                }
                // "到2035年，全面步入…": a dated goal without a figure is a deliverable due then.
                // (Not "到2026年，实现以下目标：", which introduces the goals that follow.)
                let introduces = body.trimmingWhitespace(sentence).last.map { ":：".unicodeScalars.contains(body[$0]) } ?? false
                if figures.isEmpty, let own, !introduces, !excluded.contains(where: { $0.overlaps(sentence) }) {
                    let clause = body.trimming(sentence) { $0.isWhitespaceOrNewline || "。.；;".unicodeScalars.contains($0) }
                    targets.append(ImportedCommitment(
                        slug: "\(slugPrefix)-t\(targets.count + 1)", body: body.string(clause), dueOn: own.date.lastDay,
                        source: text.source(clause)))
                    continue
                }
                for (position, (quantity, unit)) in figures.enumerated() {
                    let number = quantity.numberRange
                    var clause = Self.clause(body, containing: number.lowerBound, in: sentence)
                    // Two figures in one clause ("5,000 … trained and 60% of …"): split between them.
                    if position > 0, let split = Self.split(body, between: figures[position - 1].quantity.end, and: quantity.start),
                       split.upperBound > clause.lowerBound {
                        clause = max(clause.lowerBound, split.upperBound)..<clause.upperBound
                    }
                    if position + 1 < figures.count, let split = Self.split(body, between: quantity.end, and: figures[position + 1].quantity.start),
                       split.lowerBound < clause.upperBound {
                        clause = clause.lowerBound..<min(clause.upperBound, split.lowerBound)
                    }
                    clause = body.trimmingWhitespace(clause)
                    var qualifier = quantity.qualifier
                    if quantity.qualifierStart == nil, qualifier == "=",
                       let distant = Quantities.qualifier(endingBefore: number.lowerBound, in: clause.lowerBound..<number.lowerBound, body) {
                        qualifier = distant
                    }
                    if qualifier == "~" { qualifier = "=" }
                    targets.append(ImportedCommitment(
                        slug: "\(slugPrefix)-t\(targets.count + 1)", body: body.string(clause), targetValue: quantity.value,
                        targetUnit: unit, dueOn: (Self.deadline(before: number.lowerBound, deadlines) ?? deadline)?.date.lastDay,
                        source: text.source(clause), qualifier: qualifier))
                }
            }
        }
        return targets
    }

    /// The last deadline written before a figure in its sentence: "到2027年…超70%…到2030年…超90%"
    /// gives each figure its own year.
    private static func deadline(before index: Int, _ deadlines: [DateMention]) -> DateMention? {
        deadlines.last { $0.range.upperBound <= index }
    }

    /// The unit as written (%, 倍, EB), else the English noun counted (1,000 teachers); nil for a bare number.
    private static func unit(of quantity: Quantity, _ body: Scalars) -> String? {
        if let unit = quantity.unit { return unit }
        guard quantity.notation == .digits else { return nil }
        let isYearLike = quantity.value >= 1900 && quantity.value <= 2100 && !quantity.isScaled
        guard !isYearLike, let noun = Indicators.englishNounPhrase(after: quantity.end, body) else { return nil }
        return body.string(noun)
    }

    private static let joiners = [" and ", " or ", "、", "和", "及"]

    /// The last joining word between two figures of one clause, if there is one.
    static func split(_ body: Scalars, between start: Int, and end: Int) -> Range<Int>? {
        guard start < end else { return nil }
        var index = end - 1
        while index >= start {
            for joiner in joiners where body.matches(joiner, at: index) && index + joiner.unicodeScalars.count <= end {
                return index..<index + joiner.unicodeScalars.count
            }
            index -= 1
        }
        return nil
    }

    /// The clause between commas, semicolons or full stops (not 、, which joins the nouns of one clause).
    static func clause(_ body: Scalars, containing index: Int, in sentence: Range<Int>) -> Range<Int> {
        let isBoundary = { (position: Int) in
            let scalar = body[position]
            guard "，；。,;".unicodeScalars.contains(scalar) else { return false }
            return Sentences.isBoundary(body, at: position)
        }
        var lower = index
        while lower > sentence.lowerBound, !isBoundary(lower - 1) { lower -= 1 }
        var upper = index
        while upper < sentence.upperBound, !isBoundary(upper) { upper += 1 }
        var clause = body.trimming(lower..<upper) { $0.isWhitespaceOrNewline || "。.".unicodeScalars.contains($0) }
        // "…, and at least 30 member states are connected": the clause, not the conjunction.
        for conjunction in ["and ", "or "] where body.matches(conjunction, at: clause.lowerBound) {
            clause = clause.lowerBound + conjunction.count..<clause.upperBound
        }
        return clause
    }
}
