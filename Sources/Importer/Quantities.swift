/// A number as written: its value (scaled: 1.2万 = 12000), qualifier (超过 → `>`) and unit.
struct Quantity: Sendable {
    enum Notation: Sendable { case digits, chinese, word }

    var numberRange: Range<Int>
    var value: Double
    /// One of `=`, `>`, `>=`, `<`, `<=`, `~`.
    var qualifier: String
    /// Where a qualifier word before the number starts (超过, more than), if there is one.
    var qualifierStart: Int?
    var unit: String?
    /// After the unit and any qualifier that follows it (以上, 左右).
    var end: Int
    var notation: Notation
    var isScaled: Bool

    var start: Int { qualifierStart ?? numberRange.lowerBound }
}

enum Quantities {
    /// Measure words and units written after a number (longest first).
    static let chineseUnits = LiteralSet([
        "个百分点", "百分点", "人次", "家次", "泽字节", "艾字节", "拍字节", "太字节", "千瓦时", "千瓦", "平方公里", "公里",
        "美元", "元", "吨", "家", "项", "个", "份", "期", "名", "所", "座", "条", "种", "件", "台", "套", "次", "场", "批",
        "处", "款", "位", "人", "户", "篇", "部", "本", "门", "倍", "国", "万人",
    ])
    private static let unitAliases: [String: String] = ["泽字节": "ZB", "艾字节": "EB", "拍字节": "PB", "太字节": "TB"]
    static let asciiUnits: Set<String> = [
        "EFLOPS", "PFLOPS", "TFLOPS", "FLOPS", "ZB", "EB", "PB", "TB", "GB", "GW", "MW", "kW", "GWh", "MWh", "kWh",
        "km", "kg", "USD", "EUR", "CNY", "RMB",
    ]
    /// A number followed by one of these is a date, a time or an ordinal session, not a quantity.
    private static let dateSuffixes: Set<Unicode.Scalar> = ["年", "月", "日", "号", "届", "时", "岁", "周"]
    /// A number right after these is part of a code, a decimal or a range (v1.2, 3/4, 2-786).
    private static let joiningMarks: Set<Unicode.Scalar> = [".", ",", "/", "_", "-", "–"]
    /// 第三, 数十, 几十, 若干, 周一, 星期一: ordinals, vague amounts and weekdays.
    private static let notCountingPrefixes: Set<Unicode.Scalar> = ["第", "数", "几", "若", "周", "星"]
    private static let chineseScales: [(String, Double)] = [("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("亿", 1e8)]
    private static let englishScales = LiteralSet([" thousand", " million", " billion", " trillion"], ignoringASCIICase: true)
    private static let chineseQualifierSymbols: [String: String] = [
        "不少于": ">=", "不低于": ">=", "至少": ">=", "不超过": "<=", "不高于": "<=", "不多于": "<=", "不大于": "<=", "不到": "<", "少于": "<", "低于": "<", "小于": "<",
        "超过": ">", "多于": ">", "高于": ">", "大于": ">", "逾": ">", "超": ">",
        "将近": "~", "接近": "~", "大约": "~", "约为": "~", "约": "~", "近": "~",
        "达到": "=", "达": "=", "为": "=", "共计": "=",
    ]
    private static let chineseQualifiers = LiteralSet(Array(chineseQualifierSymbols.keys))
    private static let englishQualifierSymbols: [String: String] = [
        "more than": ">", "over": ">", "above": ">", "exceeding": ">", "exceeded": ">", "exceeds": ">", "in excess of": ">",
        "upwards of": ">", "at least": ">=", "no fewer than": ">=", "no less than": ">=", "a minimum of": ">=",
        "about": "~", "around": "~", "approximately": "~", "roughly": "~", "nearly": "~", "almost": "~", "some": "~",
        "close to": "~", "an estimated": "~", "less than": "<", "fewer than": "<", "under": "<", "below": "<",
        "up to": "<=", "at most": "<=", "no more than": "<=", "reached": "=", "reaching": "=", "reaches": "=",
        "totalled": "=", "totaled": "=", "totalling": "=", "stood at": "=",
    ]
    private static let englishQualifiers = LiteralSet(Array(englishQualifierSymbols.keys), ignoringASCIICase: true)

    /// Every quantity in `range`. `numberWords` also reads English number words ("ten workshops").
    static func scan(_ text: Scalars, in range: Range<Int>, numberWords: Bool = false) -> [Quantity] {
        var result: [Quantity] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if var quantity = digits(text, at: index, range: range) ?? chinese(text, at: index, range: range)
                ?? (numberWords ? word(text, at: index, range: range) : nil) {
                // 二十国集团, 20国集团: a name, not twenty countries.
                if quantity.unit == "国", quantity.end + 2 <= range.upperBound, text.matches("集团", at: quantity.end) {
                    quantity = quantity.excluded
                }
                result.append(quantity)
                index = max(quantity.end, index + 1)
            } else {
                index += 1
            }
        }
        return result
    }

    // MARK: Notations

    private static func digits(_ text: Scalars, at start: Int, range: Range<Int>) -> Quantity? {
        let end = range.upperBound
        guard text[start].isASCIIDigit else { return nil }
        if start > range.lowerBound {
            let previous = text[start - 1]
            if previous.isASCIIDigit || previous.isASCIILetter || joiningMarks.contains(previous) || previous == "第" { return nil }
        }
        var index = start
        var literal = ""
        while index < end {
            let scalar = text[index]
            if scalar.isASCIIDigit {
                literal.unicodeScalars.append(scalar)
                index += 1
            } else if scalar == ",", (1...3).allSatisfy({ index + $0 < end && text[index + $0].isASCIIDigit }),
                      index + 4 >= end || !text[index + 4].isASCIIDigit {
                index += 1
            } else {
                break
            }
        }
        if index + 1 < end, text[index] == ".", text[index + 1].isASCIIDigit {
            literal += "."
            index += 1
            while index < end, text[index].isASCIIDigit {
                literal.unicodeScalars.append(text[index])
                index += 1
            }
        }
        let numberRange = start..<index
        // Telephone numbers, postal codes, ISO dates and ranges are joined by hyphens.
        if index < end, "-–~".unicodeScalars.contains(text[index]), index + 1 < end, text[index + 1].isASCIIDigit {
            var skip = index + 1
            while skip < end, text[skip].isASCIIDigit || text[skip] == "-" { skip += 1 }
            return Quantity(numberRange: start..<skip, value: 0, qualifier: "", unit: nil, end: skip, notation: .digits, isScaled: false).excluded
        }
        guard var value = Double(literal) else { return nil }
        var quantity = Quantity(numberRange: numberRange, value: value, qualifier: "=", unit: nil, end: index, notation: .digits, isScaled: false)
        var cursor = index
        if cursor < end, text[cursor].isASCIILetter, !startsUnit(text, at: cursor, end: end) {
            // 5G, 3D, H100: part of a name.
            return quantity.excluded
        }
        if cursor < end, dateSuffixes.contains(text[cursor]) { return quantity.excluded }
        if let (scale, length) = chineseScale(text, at: cursor, end: end) {
            value *= scale
            cursor += length
            quantity.isScaled = true
        } else if let (word, length) = englishScales.match(text, at: cursor, end: end), text.isWordEnd(cursor + length) {
            value *= ["thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12][word.dropFirst().lowercased()] ?? 1
            cursor += length
            quantity.isScaled = true
        }
        quantity.value = value
        finish(&quantity, text, from: cursor, range: range)
        return quantity
    }

    private static func chinese(_ text: Scalars, at start: Int, range: Range<Int>) -> Quantity? {
        let end = range.upperBound
        guard ChineseNumerals.canStart(text[start]) else { return nil }
        if start > range.lowerBound {
            let previous = text[start - 1]
            if ChineseNumerals.isNumeral(previous) || notCountingPrefixes.contains(previous) { return nil }
        }
        guard let (value, length) = ChineseNumerals.parse(text, at: start, end: end) else { return nil }
        let cursor = start + length
        if cursor < end, text[cursor] == "几" || text[cursor] == "来" { return nil }
        var quantity = Quantity(
            numberRange: start..<cursor, value: Double(value), qualifier: "=", unit: nil, end: cursor, notation: .chinese,
            isScaled: text[start..<cursor].contains { ChineseNumerals.scale($0) != nil })
        finish(&quantity, text, from: cursor, range: range)
        // A Chinese numeral is only a quantity with a measure word (一网通办, 三星堆 are words).
        guard quantity.unit != nil else { return nil }
        return quantity
    }

    private static func word(_ text: Scalars, at start: Int, range: Range<Int>) -> Quantity? {
        guard let word = EnglishNumbers.word(text, at: start, end: range.upperBound),
              let value = EnglishNumbers.value(of: text.string(word))
        else { return nil }
        var quantity = Quantity(numberRange: word, value: Double(value), qualifier: "=", unit: nil, end: word.upperBound, notation: .word, isScaled: false)
        finish(&quantity, text, from: word.upperBound, range: range)
        return quantity
    }

    // MARK: Qualifiers and units

    /// Reads what follows the number (余/多, the unit, 以上/左右) and the qualifier before it.
    private static func finish(_ quantity: inout Quantity, _ text: Scalars, from start: Int, range: Range<Int>) {
        let end = range.upperBound
        var cursor = start
        if cursor < end, text[cursor] == "余" || text[cursor] == "多" || text[cursor] == "+" {
            quantity.qualifier = ">"
            cursor += 1
        }
        var unitStart = cursor
        if unitStart < end, text[unitStart] == " " { unitStart += 1 }
        if let (unit, length) = unit(text, at: unitStart, end: end) {
            quantity.unit = unit
            cursor = unitStart + length
            // 泽字节（ZB）: the abbreviation in brackets belongs to the unit.
            if cursor < end, text[cursor] == "（" || text[cursor] == "(" {
                var close = cursor + 1
                while close < end, close - cursor <= 8, text[close].isASCIILetter { close += 1 }
                if close < end, close > cursor + 1, text[close] == "）" || text[close] == ")" { cursor = close + 1 }
            }
        }
        if let after = postQualifier(text, at: cursor, end: end) {
            if quantity.qualifier == "=" { quantity.qualifier = after.symbol }
            cursor += after.length
        }
        quantity.end = cursor
        if let (symbol, qualifierStart) = preQualifier(text, before: quantity.numberRange.lowerBound, lowerBound: range.lowerBound) {
            if quantity.qualifier == "=" { quantity.qualifier = symbol }
            quantity.qualifierStart = qualifierStart
        }
    }

    private static func unit(_ text: Scalars, at start: Int, end: Int) -> (String, Int)? {
        guard start < end else { return nil }
        if text[start] == "%" || text[start] == "％" { return ("%", 1) }
        if let (unit, length) = chineseUnits.match(text, at: start, end: end) {
            return (unitAliases[unit] ?? unit, length)
        }
        for phrase in ["percent", "per cent"] where text.matches(phrase, at: start) && text.isWordEnd(start + phrase.count) {
            return ("%", phrase.count)
        }
        if let word = asciiWord(text, at: start, end: end), asciiUnits.contains(text.string(word)) {
            return (text.string(word), word.count)
        }
        return nil
    }

    private static func startsUnit(_ text: Scalars, at start: Int, end: Int) -> Bool {
        if let word = asciiWord(text, at: start, end: end) { return asciiUnits.contains(text.string(word)) }
        return false
    }

    private static func asciiWord(_ text: Scalars, at start: Int, end: Int) -> Range<Int>? {
        var index = start
        while index < end, text[index].isASCIILetter { index += 1 }
        return index > start ? start..<index : nil
    }

    private static func chineseScale(_ text: Scalars, at start: Int, end: Int) -> (Double, Int)? {
        for (literal, value) in chineseScales where text.matches(literal, at: start) && start + literal.unicodeScalars.count <= end {
            return (value, literal.unicodeScalars.count)
        }
        return nil
    }

    private static func postQualifier(_ text: Scalars, at start: Int, end: Int) -> (symbol: String, length: Int)? {
        for (literal, symbol) in [("以上", ">="), ("左右", "~"), ("以下", "<="), ("以内", "<=")]
        where start + 2 <= end && text.matches(literal, at: start) {
            return (symbol, 2)
        }
        return nil
    }

    /// The last qualifier of two or more scalars or words in `range` (不高于理论时延1.5倍: the
    /// qualifier is separated from its number by what is compared).
    static func qualifier(endingBefore number: Int, in range: Range<Int>, _ text: Scalars) -> String? {
        var end = range.upperBound
        while end > range.lowerBound {
            if let (literal, length) = chineseQualifiers.matchEnding(text, at: end, start: range.lowerBound), length >= 2 {
                return chineseQualifierSymbols[literal]
            }
            if let (literal, length) = englishQualifiers.matchEnding(text, at: end, start: range.lowerBound),
               text.isWordStart(end - length), text.isWordEnd(end) {
                return englishQualifierSymbols[literal.lowercased()]
            }
            end -= 1
        }
        return nil
    }

    /// 超过 / 约 / 达 / more than / about … just before the number (a space may separate them).
    private static func preQualifier(_ text: Scalars, before start: Int, lowerBound: Int) -> (String, Int)? {
        var end = start
        if end > lowerBound, text[end - 1] == " " { end -= 1 }
        if let (literal, length) = chineseQualifiers.matchEnding(text, at: end, start: lowerBound) {
            // 最近 and 附近 are not 近; 成为 is not 为.
            let before = end - length - 1 >= lowerBound ? text[end - length - 1] : " "
            if literal == "近", before == "最" || before == "附" || before == "接" || before == "将" { return nil }
            if literal == "为", before == "成" || before == "作" || before == "认" || before == "因" { return nil }
            return (chineseQualifierSymbols[literal] ?? "=", end - length)
        }
        if end < start, let (literal, length) = englishQualifiers.matchEnding(text, at: end, start: lowerBound),
           text.isWordStart(end - length) {
            return (englishQualifierSymbols[literal.lowercased()] ?? "=", end - length)
        }
        return nil
    }
}

private extension Quantity {
    /// A number that is part of something else (a date, a code, a name): scanned past, never used.
    var excluded: Quantity {
        var copy = self
        copy.qualifier = ""
        return copy
    }
}

extension Quantity {
    var isExcluded: Bool { qualifier.isEmpty }
}
