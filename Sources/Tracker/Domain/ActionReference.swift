import Storage

/// How an analyst names an action: by its number in the plan (6), or by its label as printed in
/// the plan's outline (二（一）3, I.A.2). The CLI and the web app both resolve it here.
public enum ActionReference: Sendable, Equatable, Hashable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    case number(Int)
    case label(String)

    public init(integerLiteral value: Int) { self = .number(value) }

    public var description: String {
        switch self {
        case .number(let number): String(number)
        case .label(let label): label
        }
    }
}

extension FieldParser {
    /// An action number (1, 2, …) or a printed label: one with a non-ASCII character (二（一）3) or a
    /// dotted one (I.A.2, 2.1). Anything else is refused as an action number, as before labels existed.
    public static func actionReference(_ text: String) throws(FieldProblem) -> ActionReference {
        if let number = try? actionNumber(text) { return .number(number) }
        let scalars = text.unicodeScalars
        let isPrintable = !scalars.contains { $0.properties.generalCategory == .control || $0 == " " }
        let hasNonASCII = scalars.contains { !$0.isASCII }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let isDotted = parts.count >= 2 && parts.allSatisfy { part in
            !part.isEmpty && !part.hasPrefix("0") && part.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        }
        guard isPrintable, hasNonASCII || isDotted, scalars.count <= 40 else {
            throw FieldProblem("'\(Escaped.text(text))' is not an action number (expected 1, 2, …, or a label such as 二（一）3)")
        }
        return .label(text)
    }
}

extension PlanScope {
    /// The number of the action `reference` names in this plan. A label is matched as printed, with
    /// half-width brackets read as full-width ones ((一) = （一）).
    public func actionNumber(_ reference: ActionReference, in db: Database) throws -> Int {
        switch reference {
        case .number(let number):
            _ = try actionID(number: number, in: db)
            return number
        case .label(let label):
            let normalised = Self.normalisedLabel(label)
            let numbers = try db.fetchAll(
                "SELECT number FROM actions WHERE plan_id = ? AND label IN (?, ?) ORDER BY number", [id, label, normalised]) { try $0["number"] as Int }
            if numbers.count == 1 { return numbers[0] }
            if numbers.count > 1 {
                throw TrackerError(.action, "label \(Escaped.text(label)) names actions \(numbers.map(String.init).joined(separator: ", ")) in plan \(slug); give the number")
            }
            let labels = try db.fetchAll(
                "SELECT label FROM actions WHERE plan_id = ? AND label IS NOT NULL ORDER BY number LIMIT 4", [id]) { try $0["label"] as String }
            let hint = labels.isEmpty ? "its actions have no printed labels; give the number" : "labels such as \(labels.joined(separator: ", "))"
            throw TrackerError(notFound: .action, "no action labelled \(Escaped.text(label)) in plan \(slug) (\(hint))")
        }
    }

    static func normalisedLabel(_ label: String) -> String {
        String(String.UnicodeScalarView(label.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            switch scalar {
            case "(": "（"
            case ")": "）"
            case " ", "、": nil
            default: scalar
            }
        }))
    }
}
