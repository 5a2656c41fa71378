/// Pledges inside an action: a sentence with a deadline (2025年底前, by the end of 2026) and/or a
/// count with a measure word (十期, 20个, 3000人次, 12 regional training hubs).
enum Commitments {
    static func extract(
        from item: ListItem, in text: NormalisedText, slugPrefix: String, documentYear: Int?, excluded: [Range<Int>] = []
    ) -> [ImportedCommitment] {
        var commitments: [ImportedCommitment] = []
        let body = text.body
        for range in item.allRanges {
            for sentence in Sentences.split(body, in: range) {
                // A curated exclusion in the sentence drops its commitment (a pledge the rules misread).
                if excluded.contains(where: { $0.overlaps(sentence) }) { continue }
                let dates = Dates.scan(body, in: sentence, documentYear: documentYear)
                let deadline = dates.first { $0.role == .deadline }
                let target = count(in: sentence, body, dates: dates)
                guard deadline != nil || target != nil else { continue }
                commitments.append(ImportedCommitment(
                    slug: "\(slugPrefix)-\(commitments.count + 1)", body: body.string(sentence),
                    targetValue: target?.value, targetUnit: target?.unit, dueOn: deadline?.resolved,
                    source: text.source(sentence), qualifier: target.map { $0.qualifier == "~" ? "=" : $0.qualifier }))
            }
        }
        return commitments
    }

    /// The first counted thing promised: a measure word after the number (Chinese), or the noun
    /// phrase after it (English). Dates, ordinals, percentages and names in quotes do not count.
    private static let durations: Set<String> = ["day", "days", "week", "weeks", "month", "months", "year", "years"]

    static func count(in sentence: Range<Int>, _ body: Scalars, dates: [DateMention]) -> (value: Double, unit: String, qualifier: String)? {
        let protected = Spans.quotedAndTitled(body, in: sentence)
        for quantity in Quantities.scan(body, in: sentence, numberWords: true) where !quantity.isExcluded {
            let number = quantity.numberRange
            if dates.contains(where: { $0.range.overlaps(number) }) || protected.contains(where: { $0.overlaps(number) }) { continue }
            if let unit = quantity.unit {
                if unit == "%" || unit == "倍" || unit == "个百分点" || unit == "百分点" { continue }
                // 一个 / "one" are mostly articles ("one open curriculum"), not targets.
                if quantity.notation != .digits, quantity.value < 2 { continue }
                return (quantity.value, unit, quantity.qualifier)
            }
            // "every two years", "each 3 months": a frequency, not a count to reach.
            if let previous = EnglishNumbers.word(body, endingAt: quantity.start - 1, start: sentence.lowerBound),
               ["every", "each", "per"].contains(body.string(previous).lowercased()) { continue }
            if quantity.notation == .digits || (quantity.notation == .word && quantity.value >= 2), let noun = Indicators.englishNounPhrase(after: quantity.end, body) {
                if quantity.notation == .digits, quantity.value >= 1900, quantity.value <= 2100, !quantity.isScaled { continue }
                // "within six months": a duration, not a count to reach.
                if let first = body.string(noun).split(separator: " ").first, Self.durations.contains(first.lowercased()) { continue }
                return (quantity.value, body.string(noun), quantity.qualifier)
            }
        }
        return nil
    }
}
