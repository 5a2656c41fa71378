/// List numbers as printed: 1, a, A, i, I, 一, 壹, ①; Word's `w:numFmt` names and HTML's `type`.
enum Numbering {
    static func htmlFormat(_ type: String) -> String {
        switch type {
        case "a": "lowerLetter"
        case "A": "upperLetter"
        case "i": "lowerRoman"
        case "I": "upperRoman"
        default: "decimal"
        }
    }

    static func label(_ value: Int, format: String) -> String {
        switch format {
        case "lowerLetter": letters(value, upper: false)
        case "upperLetter": letters(value, upper: true)
        case "lowerRoman": roman(value).lowercased()
        case "upperRoman": roman(value)
        case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "ideographDigital", "taiwaneseCounting",
            "taiwaneseCountingThousand", "japaneseCounting":
            chinese(value)
        case "chineseLegalSimplified", "ideographLegalTraditional": chinese(value, legal: true)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            (1...20).contains(value) ? String(Unicode.Scalar(0x2460 + UInt32(value - 1))!) : "\(value)"
        case "decimalZero": value < 10 ? "0\(value)" : "\(value)"
        case "decimalFullWidth", "decimalFullWidth2":
            String(String.UnicodeScalarView("\(value)".unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! }))
        case "none": ""
        default: "\(value)"
        }
    }

    private static func letters(_ value: Int, upper: Bool) -> String {
        guard value > 0, value <= 26 * 10 else { return "\(value)" }
        // Word repeats the letter past z: aa, bb…; HTML goes aa, ab…; Word's is kept for both.
        let letter = Unicode.Scalar(UInt32((upper ? 65 : 97) + (value - 1) % 26))!
        return String(repeating: String(letter), count: (value - 1) / 26 + 1)
    }

    private static func roman(_ value: Int) -> String {
        guard (1..<4000).contains(value) else { return "\(value)" }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"),
            (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value
        var result = ""
        for (amount, symbol) in table {
            while rest >= amount {
                result += symbol
                rest -= amount
            }
        }
        return result
    }

    /// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (Word's chineseCounting).
    static func chinese(_ value: Int, legal: Bool = false) -> String {
        let digits = legal ? Array("零壹贰叁肆伍陆柒捌玖") : Array("〇一二三四五六七八九")
        let ten = legal ? "拾" : "十"
        let hundred = legal ? "佰" : "百"
        guard (1..<1000).contains(value) else { return "\(value)" }
        if value < 10 { return String(digits[value]) }
        if value < 20 { return ten + (value % 10 == 0 ? "" : String(digits[value % 10])) }
        if value < 100 { return String(digits[value / 10]) + ten + (value % 10 == 0 ? "" : String(digits[value % 10])) }
        let rest = value % 100
        let head = String(digits[value / 100]) + hundred
        if rest == 0 { return head }
        if rest < 10 { return head + (legal ? "零" : "零") + String(digits[rest]) }
        return head + String(digits[rest / 10]) + ten + (rest % 10 == 0 ? "" : String(digits[rest % 10]))
    }
}
