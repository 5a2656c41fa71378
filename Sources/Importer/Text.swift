// Unicode scalars are the unit of all scanning: Chinese has no word breaks, scalar offsets map
// one-to-one onto the line table, and hand-written scans are far cheaper than `Regex` here.
typealias Scalars = [Unicode.Scalar]

extension Unicode.Scalar {
    var isCJKIdeograph: Bool {
        switch value {
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
        default: false
        }
    }

    /// CJK and full-width punctuation (not curly quotes, which English uses too).
    var isCJKPunctuation: Bool {
        switch value {
        case 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: true
        default: false
        }
    }

    /// Text that is written without spaces between words.
    var isCJK: Bool { isCJKIdeograph || isCJKPunctuation }

    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    var isASCIIUppercase: Bool { value >= 0x41 && value <= 0x5A }
    var isASCIILowercase: Bool { value >= 0x61 && value <= 0x7A }
    var isASCIILetter: Bool { isASCIIUppercase || isASCIILowercase }
    var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }

    var isSpaceLike: Bool {
        switch value {
        case 0x20, 0x09, 0xA0, 0x3000, 0x2000...0x200B, 0xFEFF: true
        default: false
        }
    }

    var isWhitespaceOrNewline: Bool { isSpaceLike || value == 0x0A || value == 0x0D }

    var asciiLowercased: Unicode.Scalar {
        isASCIIUppercase ? Unicode.Scalar(value + 32)! : self
    }

    /// Ends a sentence in Chinese or English (the ASCII full stop is handled by `Sentences`).
    var isSentenceTerminator: Bool {
        switch self {
        case "。", "！", "？", "；", "!", "?", ";", "…": true
        default: false
        }
    }

    /// Closing quotes and brackets that belong to the sentence they follow.
    var isClosingMark: Bool {
        switch self {
        case "”", "’", "」", "』", "）", ")", "\"", "'", "》", "】": true
        default: false
        }
    }

    /// Separates clauses inside a sentence.
    var isClauseBoundary: Bool {
        switch self {
        case "，", "；", "：", "、", ",", ";", ":", "。", "！", "？", "!", "?", "\n": true
        default: false
        }
    }
}

/// A fixed set of literals, matched longest first; built once (static) and reused.
struct LiteralSet: Sendable {
    private let literals: [Scalars]
    let values: [String]
    private let ignoresASCIICase: Bool

    init(_ strings: [String], ignoringASCIICase: Bool = false) {
        let sorted = strings.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
        values = sorted
        ignoresASCIICase = ignoringASCIICase
        literals = sorted.map { string in
            let scalars = Array(string.unicodeScalars)
            return ignoringASCIICase ? scalars.map(\.asciiLowercased) : scalars
        }
    }

    /// The longest literal starting at `index` (and ending at or before `end`).
    func match(_ text: Scalars, at index: Int, end: Int? = nil) -> (value: String, length: Int)? {
        let limit = end ?? text.count
        guard index >= 0, index < limit else { return nil }
        for (position, literal) in literals.enumerated() where index + literal.count <= limit {
            if matches(literal, text, at: index) { return (values[position], literal.count) }
        }
        return nil
    }

    /// The longest literal that ends exactly at `end` (exclusive) and starts at or after `start`.
    func matchEnding(_ text: Scalars, at end: Int, start: Int = 0) -> (value: String, length: Int)? {
        for (position, literal) in literals.enumerated() where end - literal.count >= start {
            if matches(literal, text, at: end - literal.count) { return (values[position], literal.count) }
        }
        return nil
    }

    /// Whether any literal occurs inside `range`.
    func occurs(in text: Scalars, range: Range<Int>) -> Bool {
        for index in range where match(text, at: index, end: range.upperBound) != nil { return true }
        return false
    }

    private func matches(_ literal: Scalars, _ text: Scalars, at index: Int) -> Bool {
        var offset = 0
        for scalar in literal {
            let candidate = ignoresASCIICase ? text[index + offset].asciiLowercased : text[index + offset]
            if candidate != scalar { return false }
            offset += 1
        }
        return true
    }
}

extension Array where Element == Unicode.Scalar {
    func matches(_ literal: String, at index: Int) -> Bool {
        guard index >= 0 else { return false }
        var position = index
        for scalar in literal.unicodeScalars {
            guard position < count, self[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    /// Whether `literal` ends exactly at `end` (exclusive).
    func matches(_ literal: String, endingAt end: Int) -> Bool {
        matches(literal, at: end - literal.unicodeScalars.count)
    }

    func firstIndex(of literal: String, in range: Range<Int>) -> Int? {
        let length = literal.unicodeScalars.count
        guard let first = literal.unicodeScalars.first, length <= range.count else { return nil }
        var index = range.lowerBound
        while index + length <= range.upperBound {
            if self[index] == first, matches(literal, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// The text of `range`, encoded straight into the string's storage (appending scalars one by
    /// one to a `UnicodeScalarView` is many times slower).
    func string(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let capacity = self[range].reduce(0) { $0 + UTF8.width($1) }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var offset = 0
            for index in range {
                let value = self[index].value
                switch value {
                case 0..<0x80:
                    buffer[offset] = UInt8(value)
                    offset += 1
                case 0x80..<0x800:
                    buffer[offset] = UInt8(0xC0 | (value >> 6))
                    buffer[offset + 1] = UInt8(0x80 | (value & 0x3F))
                    offset += 2
                case 0x800..<0x10000:
                    buffer[offset] = UInt8(0xE0 | (value >> 12))
                    buffer[offset + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    buffer[offset + 2] = UInt8(0x80 | (value & 0x3F))
                    offset += 3
                default:
                    buffer[offset] = UInt8(0xF0 | (value >> 18))
                    buffer[offset + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
                    buffer[offset + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    buffer[offset + 3] = UInt8(0x80 | (value & 0x3F))
                    offset += 4
                }
            }
            return offset
        }
    }

    /// `range` without leading and trailing whitespace.
    func trimmingWhitespace(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, self[lower].isWhitespaceOrNewline { lower += 1 }
        while upper > lower, self[upper - 1].isWhitespaceOrNewline { upper -= 1 }
        return lower..<upper
    }

    /// `range` without leading or trailing characters for which `drop` holds.
    func trimming(_ range: Range<Int>, where drop: (Unicode.Scalar) -> Bool) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, drop(self[lower]) { lower += 1 }
        while upper > lower, drop(self[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Whether the scalar before `index` (if any) and the one at `index` are not both word letters.
    func isWordStart(_ index: Int) -> Bool {
        index == 0 || !(self[index - 1].isASCIIAlphanumeric || self[index - 1] == "-")
    }

    func isWordEnd(_ index: Int) -> Bool {
        index >= count || !(self[index].isASCIIAlphanumeric)
    }
}

extension String {
    var scalars: Scalars { Array(unicodeScalars) }
}

/// Sentence and clause ranges, the unit of quotes and of most rules.
enum Sentences {
    /// Splits `range` at sentence terminators (keeping closing quotes with their sentence) and newlines.
    static func split(_ text: Scalars, in range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        func close(at end: Int) {
            let trimmed = text.trimmingWhitespace(start..<end)
            if !trimmed.isEmpty { result.append(trimmed) }
            start = end
        }
        while index < range.upperBound {
            let scalar = text[index]
            if scalar == "\n" {
                close(at: index)
                index += 1
                start = index
                continue
            }
            if scalar.isSentenceTerminator || isEnglishFullStop(text, at: index, start: start, end: range.upperBound) {
                var end = index + 1
                while end < range.upperBound, text[end].isClosingMark || text[end] == "…" { end += 1 }
                close(at: end)
                index = end
                continue
            }
            index += 1
        }
        close(at: range.upperBound)
        return result
    }

    /// A `.` followed by a space (or the end) that is not an initial ("U. N.") or a list ordinal ("1.").
    static func isEnglishFullStop(_ text: Scalars, at index: Int, start: Int, end: Int) -> Bool {
        guard text[index] == ".", index > start else { return false }
        if index + 1 < end, !(text[index + 1].isWhitespaceOrNewline || text[index + 1].isClosingMark) { return false }
        let previous = text[index - 1]
        guard previous.isASCIIAlphanumeric || previous.isClosingMark || previous == "%" else { return false }
        var wordStart = index
        while wordStart > start, text[wordStart - 1].isASCIIAlphanumeric { wordStart -= 1 }
        if index - wordStart == 1, previous.isASCIIUppercase { return false }
        var sentenceStart = start
        while sentenceStart < index, text[sentenceStart].isWhitespaceOrNewline { sentenceStart += 1 }
        let isOrdinal = (1...4).contains(index - wordStart)
            && (text[wordStart..<index].allSatisfy(\.isASCIIDigit) || text[wordStart..<index].allSatisfy { "IVXivx".unicodeScalars.contains($0) })
        return !(wordStart == sentenceStart && isOrdinal)
    }

    /// The clause (between clause boundaries) of `text` that contains `index`, within `range`;
    /// at most `limit` scalars each way, so text without punctuation stays linear to scan.
    static func clause(_ text: Scalars, containing index: Int, in range: Range<Int>, limit: Int = 300) -> Range<Int> {
        var lower = index
        while lower > range.lowerBound, index - lower < limit, !isBoundary(text, at: lower - 1) { lower -= 1 }
        var upper = index
        while upper < range.upperBound, upper - index < limit, !isBoundary(text, at: upper) { upper += 1 }
        return text.trimmingWhitespace(lower..<upper)
    }

    /// Clause boundaries; an ASCII comma inside a number ("4,500") is not one.
    static func isBoundary(_ text: Scalars, at index: Int) -> Bool {
        let scalar = text[index]
        guard scalar.isClauseBoundary else { return false }
        if scalar == "," || scalar == ":",
           index > 0, index + 1 < text.count, text[index - 1].isASCIIDigit, text[index + 1].isASCIIDigit {
            return false
        }
        return true
    }
}

/// Lowercase ASCII slugs; CJK ideographs are kept so Chinese names stay readable.
enum Slug {
    static func make(_ text: String, keepingCJK: Bool = false) -> String {
        var result = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.unicodeScalars {
            if scalar.isASCIIAlphanumeric || (keepingCJK && scalar.isCJKIdeograph) {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(scalar.asciiLowercased)
            } else if scalar == "+" {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(contentsOf: "plus".unicodeScalars)
            } else {
                pendingDash = true
            }
        }
        return String(result)
    }

    /// Whether an English title makes a usable ASCII slug (mostly ASCII letters).
    static func isMostlyASCII(_ text: String) -> Bool {
        var letters = 0
        var cjk = 0
        for scalar in text.unicodeScalars {
            if scalar.isASCIILetter { letters += 1 } else if scalar.isCJKIdeograph { cjk += 1 }
        }
        return letters > 0 && cjk == 0
    }
}
