/// The ordinal markers that open list items and sections: 一、 （一） 1. （1） I. 一是 and bullets.
enum MarkerKind: Equatable, Sendable {
    case cjkSection            // 一、
    case roman                 // I.
    case cjkParenthesised      // （一）
    case arabic                // 1.  1、
    case arabicParenthesised   // （1）  1）
    case leadIn                // 一是  第一，
    case bullet                // *  -  •

    /// Outline depth: a list ends at a marker of a lower rank (a higher level).
    var rank: Int {
        switch self {
        case .cjkSection, .roman: 1
        case .cjkParenthesised: 2
        case .arabic: 3
        case .arabicParenthesised: 4
        case .leadIn: 5
        case .bullet: 6
        }
    }

    var isOrdered: Bool { self != .bullet }
}

struct Marker: Equatable, Sendable {
    var kind: MarkerKind
    /// 1-based ordinal; 0 for bullets.
    var ordinal: Int
    /// Scalars taken by the marker and the spaces after it.
    var length: Int
}

enum Markers {
    private static let romanValues: [Unicode.Scalar: Int] = ["I": 1, "V": 5, "X": 10, "L": 50]

    /// The ordered marker at `start` (bullets are recognised by the normaliser, which removes them).
    static func ordered(_ text: Scalars, at start: Int, end: Int) -> Marker? {
        guard start < end else { return nil }
        let first = text[start]
        var marker: Marker?
        if first == "（" || first == "(" {
            marker = parenthesised(text, at: start, end: end)
        } else if let (value, length) = ChineseNumerals.parse(text, at: start, end: end), value > 0, start + length < end {
            switch text[start + length] {
            case "、", "．": marker = Marker(kind: .cjkSection, ordinal: value, length: length + 1)
            case "是": marker = Marker(kind: .leadIn, ordinal: value, length: length + 1)
            default: break
            }
        } else if first == "第", let (value, length) = ChineseNumerals.parse(text, at: start + 1, end: end),
                  start + 1 + length < end, text[start + 1 + length] == "，" || text[start + 1 + length] == "、" {
            marker = Marker(kind: .leadIn, ordinal: value, length: length + 2)
        } else if first.isASCIIDigit, let (value, length) = Dates.digits(text, at: start, end: end, maxLength: 2),
                  start + length < end {
            let next = text[start + length]
            let afterNext = start + length + 1 < end ? text[start + length + 1] : " "
            if (next == "." || next == "．" || next == "、") && !afterNext.isASCIIDigit {
                marker = Marker(kind: .arabic, ordinal: value, length: length + 1)
            } else if next == "）" || next == ")" {
                marker = Marker(kind: .arabicParenthesised, ordinal: value, length: length + 1)
            }
        } else if romanValues[first] != nil {
            marker = roman(text, at: start, end: end)
        }
        guard var found = marker, found.ordinal > 0 else { return nil }
        while start + found.length < end, text[start + found.length].isSpaceLike { found.length += 1 }
        return found
    }

    private static func parenthesised(_ text: Scalars, at start: Int, end: Int) -> Marker? {
        let inner = start + 1
        let (value, length, kind): (Int, Int, MarkerKind)
        if let (chinese, chineseLength) = ChineseNumerals.parse(text, at: inner, end: end) {
            (value, length, kind) = (chinese, chineseLength, .cjkParenthesised)
        } else if let (arabic, arabicLength) = Dates.digits(text, at: inner, end: end, maxLength: 2) {
            (value, length, kind) = (arabic, arabicLength, .arabicParenthesised)
        } else {
            return nil
        }
        guard inner + length < end, text[inner + length] == "）" || text[inner + length] == ")" else { return nil }
        return Marker(kind: kind, ordinal: value, length: length + 2)
    }

    /// I. II. IV. followed by a space and a capital letter (so "I. think" is unlikely to match).
    private static func roman(_ text: Scalars, at start: Int, end: Int) -> Marker? {
        var index = start
        var values: [Int] = []
        while index < end, let value = romanValues[text[index]] {
            values.append(value)
            index += 1
        }
        guard !values.isEmpty, values.count <= 5, index + 2 < end, text[index] == ".", text[index + 1] == " ",
              text[index + 2].isASCIIUppercase || text[index + 2].isCJK
        else { return nil }
        var total = 0
        for (position, value) in values.enumerated() {
            if position + 1 < values.count, value < values[position + 1] { total -= value } else { total += value }
        }
        return Marker(kind: .roman, ordinal: total, length: index + 1 - start)
    }

    /// A Markdown bullet at the start of a line: `* `, `- `, `+ `, `• `, `· `.
    static func bulletLength(_ line: Scalars) -> Int? {
        guard let first = line.first else { return nil }
        switch first {
        case "*", "-", "+":
            guard line.count > 1, line[1] == " " || line[1] == "\t" else { return nil }
            return 2
        case "•", "·", "▪", "◦", "●":
            return line.count > 1 && line[1].isSpaceLike ? 2 : 1
        default:
            return nil
        }
    }
}
