/// A measured value as typed: a number, optionally followed by its unit ("35", "35%", "300 EFLOPS").
public struct Quantity: Sendable, Equatable {
    public var value: Double
    public var unit: String?

    public init(value: Double, unit: String? = nil) {
        self.value = value
        self.unit = unit
    }
}

extension FieldParser {
    /// A non-negative, finite number with an optional unit after it. `1e309`, `nan`, `inf` and
    /// negative values are refused: an actual is a level reached, never a sentinel.
    public static func quantity(_ text: String) throws(FieldProblem) -> Quantity {
        let trimmed = text.trimmingWhitespace
        let numberEnd = trimmed.firstIndex { !($0.isASCII && ($0.isNumber || "+-.eE".contains($0))) } ?? trimmed.endIndex
        // An exponent letter with nothing numeric after it belongs to the unit ("5 EFLOPS" vs "5e3").
        var end = numberEnd
        while end > trimmed.startIndex, Double(trimmed[..<end]) == nil { end = trimmed.index(before: end) }
        guard end > trimmed.startIndex, let value = Double(trimmed[..<end]) else {
            throw FieldProblem("'\(Escaped.text(text))' is not a number")
        }
        guard !value.isNaN else { throw FieldProblem("'\(Escaped.text(text))' is not a number") }
        guard value.isFinite else { throw FieldProblem("'\(Escaped.text(text))' is too large") }
        guard value >= 0 else { throw FieldProblem("\(Escaped.text(text)) is negative; a measured value is 0 or more") }
        let unit = String(trimmed[end...]).trimmingWhitespace
        // "nan"/"inf" spelled out reach here as a unit after no number; caught above by end check.
        return Quantity(value: value == 0 ? 0 : value, unit: unit.isEmpty ? nil : unit)
    }

    /// `>`, `>=`, `=`, `<=` or `<`.
    public static func qualifier(_ text: String) throws(FieldProblem) -> TargetQualifier {
        guard let qualifier = TargetQualifier(rawValue: text) else {
            throw FieldProblem("'\(Escaped.text(text))' is not one of >, >=, =, <=, <")
        }
        return qualifier
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
