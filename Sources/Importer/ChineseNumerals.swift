/// Chinese numerals (一 … 九十九, 一百零五, 两千, 1.2万-style scales) and English number words.
enum ChineseNumerals {
    static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "零", "〇": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    static func multiplier(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "十": 10
        case "百": 100
        case "千": 1_000
        default: nil
        }
    }

    /// 万 and 亿 scale everything before them (also after Arabic digits: 1.2万).
    static func scale(_ scalar: Unicode.Scalar) -> Double? {
        switch scalar {
        case "万": 10_000
        case "亿": 100_000_000
        default: nil
        }
    }

    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        digit(scalar) != nil || multiplier(scalar) != nil || scale(scalar) != nil
    }

    /// Whether a numeral may begin at this scalar (百/千/万 alone are not numbers).
    static func canStart(_ scalar: Unicode.Scalar) -> Bool {
        (digit(scalar) != nil && scalar != "零" && scalar != "〇") || scalar == "十"
    }

    /// The numeral starting at `start`: its value and length in scalars.
    /// Positional digits without multipliers (二〇二四) read digit by digit.
    static func parse(_ text: Scalars, at start: Int, end: Int? = nil) -> (value: Int, length: Int)? {
        let limit = end ?? text.count
        guard start < limit, canStart(text[start]) else { return nil }
        var index = start
        while index < limit, isNumeral(text[index]) { index += 1 }
        // A trailing scale with nothing after a lone digit (一万) is fine; 万 right after nothing is not.
        let run = text[start..<index]
        if !run.contains(where: { multiplier($0) != nil || scale($0) != nil }) {
            if run.count == 1 { return (digit(run.first!)!, 1) }
            return (run.reduce(0) { $0 * 10 + (digit($1) ?? 0) }, run.count)
        }
        var total = 0
        var section = 0
        var number = 0
        for scalar in run {
            if let value = digit(scalar) {
                number = value
            } else if let value = multiplier(scalar) {
                section += (number == 0 ? 1 : number) * value
                number = 0
            } else if let value = scale(scalar) {
                total = (total + section + number) * Int(value)
                section = 0
                number = 0
            }
        }
        return (total + section + number, run.count)
    }

    /// Convenience for whole strings: `value(of: "九十九") == 99`.
    static func value(of string: String) -> Int? {
        let scalars = string.scalars
        guard let (value, length) = parse(scalars, at: 0), length == scalars.count else { return nil }
        return value
    }
}

/// English cardinal words, for announcements ("ten actions") and commitments ("train twelve cohorts").
enum EnglishNumbers {
    private static let units: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    private static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// "ten" → 10, "twenty-one" → 21, "Five" → 5.
    static func value(of word: String) -> Int? {
        let lower = word.lowercased()
        if let value = units[lower] ?? tens[lower] { return value }
        let parts = lower.split(separator: "-")
        if parts.count == 2, let ten = tens[String(parts[0])], let unit = units[String(parts[1])], unit < 10 {
            return ten + unit
        }
        return nil
    }

    /// The ASCII word (letters and hyphens) starting at `start`, or nil if none starts there.
    /// The ASCII word that ends exactly at `end` (exclusive), not reaching before `start`.
    static func word(_ text: Scalars, endingAt end: Int, start: Int) -> Range<Int>? {
        guard end > start, end <= text.count, text[end - 1].isASCIILetter else { return nil }
        var index = end
        while index > start, text[index - 1].isASCIILetter { index -= 1 }
        return index..<end
    }

    static func word(_ text: Scalars, at start: Int, end: Int) -> Range<Int>? {
        guard start < end, text[start].isASCIILetter, text.isWordStart(start) else { return nil }
        var index = start
        while index < end, text[index].isASCIILetter || (text[index] == "-" && index + 1 < end && text[index + 1].isASCIILetter) {
            index += 1
        }
        return start..<index
    }
}
