/// A date of year, month or day precision, as the source states it.
struct PartialDate: Hashable, Sendable {
    var year: Int
    var month: Int?
    var day: Int?

    /// ISO 8601 at the stated precision: `2024`, `2024-09`, `2024-09-25`.
    var iso: String {
        var text = String(year)
        if let month { text += "-" + twoDigits(month) }
        if let month, let day, month > 0 { text += "-" + twoDigits(day) }
        return text
    }

    /// The last day of the stated period (`2025` → `2025-12-31`, `2025-09` → `2025-09-30`).
    var lastDay: String {
        let month = month ?? 12
        let day = day ?? PartialDate.days(inMonth: month, year: year)
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time after the date is ignored).
    init?(iso text: String) {
        let scalars = text.scalars
        guard let mention = Dates.isoDate(scalars, at: 0, end: scalars.count) else { return nil }
        self = mention.date
    }

    init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// A date written in the text, with what it is doing there.
struct DateMention {
    enum Role { case plain, asOf, deadline }

    var range: Range<Int>
    var date: PartialDate
    var role: Role
    /// 年底 / 月底 / "end of": the period's last day is meant.
    var isPeriodEnd = false
    var isRelative = false

    /// The date a deadline or an as-of figure refers to.
    var resolved: String {
        isPeriodEnd || role == .deadline ? date.lastDay : date.iso
    }

    /// Whether the date is at least month-precise (and so says when something happened).
    var isSpecific: Bool { date.month != nil }
}

/// Finds dates in Chinese (2024年9月25日, 2023年底, 2025年9月底前, 今年, 去年, 截至…) and English
/// (25 September 2024, September 2024, by the end of 2026, as of end-2023, 2024-09-25).
enum Dates {
    private static let asOfPrefixes = LiteralSet(["截至", "截止", "截止到", "截止至", "截至到"])
    private static let deadlinePrefixes = LiteralSet(["到", "至", "力争到", "力争在", "争取到", "争取在", "力争于", "最迟于", "最晚于", "展望"])
    private static let deadlineSuffixes = LiteralSet(["前", "以前", "之前", "内", "以内", "之内"])
    private static let englishDeadline = LiteralSet(
        ["by the end of ", "by end-", "by end of ", "by the end-", "by ", "before ", "no later than ", "not later than "],
        ignoringASCIICase: true)
    private static let englishAsOf = LiteralSet(
        ["as of the end of ", "as at the end of ", "as of end-", "as of end of ", "as of ", "as at ", "at the end of ", "by the end of ", "end of ", "end-"],
        ignoringASCIICase: true)
    private static let englishYearLeads = LiteralSet(
        ["in ", "by ", "since ", "until ", "of ", "end-", "end of ", "from ", "to ", "during ", "before ", "after ", "as of ", "through "],
        ignoringASCIICase: true)
    private static let monthNames: [(String, Int)] = [
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
        ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9),
        ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ]
    private static let monthLookup = Dictionary(monthNames, uniquingKeysWith: { first, _ in first })

    /// All dates in `range`, left to right. `documentYear` resolves 今年/去年/明年 (skipped when nil).
    static func scan(_ text: Scalars, in range: Range<Int>, documentYear: Int?) -> [DateMention] {
        var mentions: [DateMention] = []
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            // Only digits, capitalised month names and 今/去/前/明/后/本/年 can start a date.
            let first = text[index]
            let canStart = switch first {
            case "今", "去", "前", "明", "后", "本", "年": true
            default: first.isASCIIDigit || first.isASCIIUppercase
            }
            guard canStart else {
                index += 1
                continue
            }
            let found = chineseDate(text, at: index, end: end, documentYear: documentYear)
                ?? relativeChineseDate(text, at: index, end: end, documentYear: documentYear)
                ?? isoDate(text, at: index, end: end)
                ?? englishDate(text, at: index, end: end)
            if var mention = found {
                classifyPrefix(&mention, text, lowerBound: range.lowerBound)
                mentions.append(mention)
                index = mention.range.upperBound
            } else {
                index += 1
            }
        }
        return mentions
    }

    /// The year a document is written in, from the latest month-precise date it states.
    static func latestSpecificYear(_ text: Scalars, in range: Range<Int>) -> Int? {
        scan(text, in: range, documentYear: nil)
            .filter { $0.isSpecific && $0.role != .deadline }
            .map(\.date.year)
            .max()
    }

    // MARK: Chinese

    private static func chineseDate(_ text: Scalars, at start: Int, end: Int, documentYear: Int?) -> DateMention? {
        guard text[start].isASCIIDigit, start == 0 || !text[start - 1].isASCIIAlphanumeric,
              let (year, yearLength) = digits(text, at: start, end: end, maxLength: 4), yearLength == 4,
              (1900...2100).contains(year), start + 4 < end, text[start + 4] == "年"
        else { return nil }
        return chineseTail(text, from: start, after: start + 5, end: end, year: year, relative: false)
    }

    /// 今年 / 去年 / 前年 / 明年 / 后年 / 本年, and 年底前 alone (this year).
    private static func relativeChineseDate(_ text: Scalars, at start: Int, end: Int, documentYear: Int?) -> DateMention? {
        guard let documentYear, start + 1 < end else { return nil }
        let offset: Int? = switch text[start] {
        case "今", "本": text[start + 1] == "年" ? 0 : nil
        case "去": text[start + 1] == "年" ? -1 : nil
        case "前": text[start + 1] == "年" && (start == 0 || !text[start - 1].isCJKIdeograph || text[start - 1] == "在") ? -2 : nil
        case "明": text[start + 1] == "年" ? 1 : nil
        case "后": text[start + 1] == "年" && (start == 0 || !text[start - 1].isCJKIdeograph) ? 2 : nil
        default: nil
        }
        if let offset {
            return chineseTail(text, from: start, after: start + 2, end: end, year: documentYear + offset, relative: true)
        }
        // "年底前" with no year: the document's own year.
        if text.matches("年底前", at: start), start == 0 || !(text[start - 1].isASCIIDigit || "今去明本".unicodeScalars.contains(text[start - 1])) {
            var mention = DateMention(range: start..<start + 3, date: PartialDate(year: documentYear), role: .deadline)
            mention.isPeriodEnd = true
            mention.isRelative = true
            return mention
        }
        return nil
    }

    /// After `YYYY年`: optional 上/下半年, M月, D日/号, 底/末, 前/以内.
    private static func chineseTail(_ text: Scalars, from start: Int, after: Int, end: Int, year: Int, relative: Bool) -> DateMention {
        var index = after
        var date = PartialDate(year: year)
        var periodEnd = false
        if index < end, text[index] == "上" || text[index] == "下", text.matches("半年", at: index + 1) {
            date.month = text[index] == "上" ? 6 : 12
            periodEnd = true
            index += 3
        } else if let (month, length) = digits(text, at: index, end: end, maxLength: 2), (1...12).contains(month),
                  index + length < end, text[index + length] == "月" {
            date.month = month
            index += length + 1
            if let (day, dayLength) = digits(text, at: index, end: end, maxLength: 2),
               (1...PartialDate.days(inMonth: month, year: year)).contains(day),
               index + dayLength < end, text[index + dayLength] == "日" || text[index + dayLength] == "号" {
                date.day = day
                index += dayLength + 1
            }
        }
        if date.day == nil, index < end, text[index] == "底" || text[index] == "末" {
            periodEnd = true
            index += 1
        }
        var role = DateMention.Role.plain
        if let (suffix, length) = deadlineSuffixes.match(text, at: index, end: end) {
            let next = index + length < end ? text[index + length] : " "
            // 2024年内蒙古 and 2024年前三季度 are not deadlines.
            let isDeadline = switch suffix {
            case "内": next != "蒙"
            case "前": !ChineseNumerals.canStart(next) && next != "后"
            default: true
            }
            if isDeadline {
                role = .deadline
                index += length
            }
        }
        var mention = DateMention(range: start..<index, date: date, role: role)
        mention.isPeriodEnd = periodEnd
        mention.isRelative = relative
        return mention
    }

    // MARK: ISO and English

    static func isoDate(_ text: Scalars, at start: Int, end: Int) -> DateMention? {
        guard text[start].isASCIIDigit, start == 0 || !(text[start - 1].isASCIIAlphanumeric || text[start - 1] == "-"),
              let (year, yearLength) = digits(text, at: start, end: end, maxLength: 4), yearLength == 4,
              (1900...2100).contains(year)
        else { return nil }
        var index = start + 4
        var date = PartialDate(year: year)
        if index + 2 < end, text[index] == "-", let (month, monthLength) = digits(text, at: index + 1, end: end, maxLength: 2),
           monthLength == 2, (1...12).contains(month) {
            date.month = month
            index += 3
            if index < end, text[index] == "-",
               let (day, dayLength) = digits(text, at: index + 1, end: end, maxLength: 2), dayLength == 2,
               (1...PartialDate.days(inMonth: month, year: year)).contains(day) {
                date.day = day
                index += 3
            }
        } else if start == 0, index == end {
            return DateMention(range: start..<index, date: date, role: .plain)
        } else {
            return nil
        }
        if index < end, text[index].isASCIIDigit { return nil }
        return DateMention(range: start..<index, date: date, role: .plain)
    }

    /// "25 September 2024", "September 25, 2024", "September 2024", "end-2023", "in 2023".
    private static func englishDate(_ text: Scalars, at start: Int, end: Int) -> DateMention? {
        // Day first: 25 September 2024.
        if text[start].isASCIIDigit, text.isWordStart(start),
           let (day, dayLength) = digits(text, at: start, end: end, maxLength: 2), start + dayLength < end,
           text[start + dayLength] == " ", let (month, monthEnd) = monthName(text, at: start + dayLength + 1, end: end),
           monthEnd < end, text[monthEnd] == " ",
           let (year, yearLength) = digits(text, at: monthEnd + 1, end: end, maxLength: 4), yearLength == 4,
           (1...PartialDate.days(inMonth: month, year: year)).contains(day) {
            return DateMention(range: start..<monthEnd + 1 + yearLength, date: PartialDate(year: year, month: month, day: day), role: .plain)
        }
        // Month first: September 25, 2024 / September 2024.
        if let (month, monthEnd) = monthName(text, at: start, end: end), monthEnd < end, text[monthEnd] == " " {
            var index = monthEnd + 1
            var day: Int?
            if let (value, length) = digits(text, at: index, end: end, maxLength: 2), index + length + 1 < end,
               text[index + length] == ",", text[index + length + 1] == " " {
                day = value
                index += length + 2
            }
            if let (year, yearLength) = digits(text, at: index, end: end, maxLength: 4), yearLength == 4,
               (1900...2100).contains(year), text.isWordEnd(index + yearLength) {
                if let day, !(1...PartialDate.days(inMonth: month, year: year)).contains(day) { return nil }
                return DateMention(range: start..<index + yearLength, date: PartialDate(year: year, month: month, day: day), role: .plain)
            }
            return nil
        }
        // A bare year only after a word that makes it one (in 2023, by 2030, end-2023).
        if text[start].isASCIIDigit, text.isWordStart(start) || (start > 0 && text[start - 1] == "-"),
           let (year, length) = digits(text, at: start, end: end, maxLength: 4), length == 4, (1900...2100).contains(year),
           text.isWordEnd(start + length), !(start + length < end && "%-".unicodeScalars.contains(text[start + length])),
           englishYearLeads.matchEnding(text, at: start) != nil || isSentenceInitialYear(text, at: start, length: length, end: end) {
            return DateMention(range: start..<start + length, date: PartialDate(year: year), role: .plain)
        }
        return nil
    }

    /// "2023, ..." or "In 2023" at the start of a sentence.
    private static func isSentenceInitialYear(_ text: Scalars, at start: Int, length: Int, end: Int) -> Bool {
        guard start + length < end, text[start + length] == "," else { return false }
        var before = start - 1
        while before >= 0, text[before].isSpaceLike { before -= 1 }
        return before < 0 || text[before] == "\n" || text[before] == "."
    }

    private static func monthName(_ text: Scalars, at start: Int, end: Int) -> (month: Int, end: Int)? {
        guard let word = EnglishNumbers.word(text, at: start, end: end), text[start].isASCIIUppercase else { return nil }
        var wordEnd = word.upperBound
        let name = text.string(word).lowercased()
        guard let month = monthLookup[name], name != "may" || text[start] == "M" else { return nil }
        if wordEnd < end, text[wordEnd] == ".", name.count <= 4 { wordEnd += 1 }
        return (month, wordEnd)
    }

    /// Marks 截至 / "as of" dates and 到 / "by" deadlines from the words just before the date.
    private static func classifyPrefix(_ mention: inout DateMention, _ text: Scalars, lowerBound: Int) {
        let start = mention.range.lowerBound
        if asOfPrefixes.matchEnding(text, at: start, start: lowerBound) != nil {
            mention.role = .asOf
            return
        }
        // 截至 ends in 至 and was handled above, so a lone 至/到 here starts a deadline.
        if mention.role == .plain, deadlinePrefixes.matchEnding(text, at: start, start: lowerBound) != nil {
            mention.role = .deadline
            return
        }
        if let (prefix, _) = englishAsOf.matchEnding(text, at: start, start: lowerBound) {
            let lowered = prefix.lowercased()
            if lowered.hasPrefix("by") {
                mention.role = .deadline
            } else if lowered.hasPrefix("as") || lowered.hasPrefix("at") {
                mention.role = .asOf
            }
            if lowered.contains("end") { mention.isPeriodEnd = true }
            return
        }
        if mention.role == .plain, englishDeadline.matchEnding(text, at: start, start: lowerBound) != nil {
            mention.role = .deadline
        }
    }

    /// ASCII digits at `start` (at most `maxLength`), with their value and length.
    static func digits(_ text: Scalars, at start: Int, end: Int, maxLength: Int) -> (value: Int, length: Int)? {
        var index = start
        var value = 0
        while index < end, index - start < maxLength, text[index].isASCIIDigit {
            value = value * 10 + Int(text[index].value - 0x30)
            index += 1
        }
        guard index > start, index == end || !text[index].isASCIIDigit else { return nil }
        return (value, index - start)
    }
}
