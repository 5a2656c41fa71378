import FoundationEssentials

/// What a careful reader extracts from a plan document: the fixture corpus's answer key
/// (Tests/Fixtures/plans/NAME.expected.json), compared with what the rules extract.
public struct ExpectedExtraction: Codable, Sendable {
    public struct Plan: Codable, Sendable {
        public var slug: String
        public var title: String
        public var proposedOn: String?
    }
    public struct Vision: Codable, Sendable {
        public var number: Int
        public var title: String
    }
    public struct Action: Codable, Sendable {
        public var number: Int
        public var title: String
        public var vision: Int?
    }
    public struct Commitment: Codable, Sendable {
        /// The action's number; absent for a plan-level target.
        public var action: Int?
        public var value: Double?
        public var unit: String?
        public var qualifier: String?
        public var dueOn: String?
    }
    public struct Initiative: Codable, Sendable {
        public var name: String
        public var announcedOn: String?
    }
    public struct IndicatorValue: Codable, Sendable {
        public var value: Double
        public var unit: String?
        public var qualifier: String
        public var asOf: String?
    }

    public var plan: Plan?
    public var visions: [Vision]
    public var actions: [Action]
    public var commitments: [Commitment]
    public var targets: [Commitment]
    public var initiatives: [Initiative]
    public var indicatorValues: [IndicatorValue]

    public init(json: String) throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        self = try decoder.decode(Self.self, from: Data(json.utf8))
    }

    /// What the rules extracted, in the same shape (a draft answer key to review by hand).
    public init(_ document: ImportedDocument) {
        let plan = document.plans.first
        self.plan = plan.map { Plan(slug: $0.slug, title: $0.title, proposedOn: $0.proposedOn) }
        visions = plan?.visions.map { Vision(number: $0.number, title: $0.title) } ?? []
        actions = plan?.actions.map { Action(number: $0.number, title: $0.title, vision: $0.visionNumber) } ?? []
        commitments = plan?.actions.flatMap { action in
            action.commitments.map { Commitment(action: action.number, value: $0.targetValue, unit: $0.targetUnit, qualifier: $0.qualifier, dueOn: $0.dueOn) }
        } ?? []
        targets = plan?.targets.map { Commitment(action: nil, value: $0.targetValue, unit: $0.targetUnit, qualifier: $0.qualifier, dueOn: $0.dueOn) } ?? []
        initiatives = document.initiatives.map { Initiative(name: $0.name, announcedOn: $0.announcedOn) }
        indicatorValues = document.indicatorValues.map { IndicatorValue(value: $0.value, unit: $0.unit, qualifier: $0.qualifier, asOf: $0.asOf) }
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// Each category as comparable keys: the fields the corpus is scored on.
    var keyed: [(category: String, keys: [String])] {
        func text(_ value: Double?) -> String {
            guard let value else { return "-" }
            return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        }
        func commitment(_ item: Commitment) -> String {
            [item.action.map(String.init) ?? "plan", text(item.value), item.unit ?? "-", item.qualifier ?? "-", item.dueOn ?? "-"].joined(separator: "|")
        }
        return [
            ("plan", plan.map { ["\($0.slug)|\($0.title)|\($0.proposedOn ?? "-")"] } ?? []),
            ("visions", visions.map { "\($0.number)|\($0.title)" }),
            ("actions", actions.map { "\($0.number)|\($0.title)|\($0.vision.map(String.init) ?? "-")" }),
            ("commitments", commitments.map(commitment)),
            ("targets", targets.map(commitment)),
            ("initiatives", initiatives.map { "\($0.name)|\($0.announcedOn ?? "-")" }),
            ("indicator values", indicatorValues.map { "\(text($0.value))|\($0.unit ?? "-")|\($0.qualifier)|\($0.asOf ?? "-")" }),
        ]
    }
}

/// Precision and recall of one category (or a total): rows matched, extracted and expected.
public struct AccuracyScore: Sendable, Equatable {
    public var category: String
    public var matched = 0
    public var extracted = 0
    public var expected = 0
    /// Rows extracted but not expected, and expected but not extracted (for the report).
    public var spurious: [String] = []
    public var missed: [String] = []

    public init(category: String, matched: Int = 0, extracted: Int = 0, expected: Int = 0, spurious: [String] = [], missed: [String] = []) {
        self.category = category
        self.matched = matched
        self.extracted = extracted
        self.expected = expected
        self.spurious = spurious
        self.missed = missed
    }

    /// 1 when nothing was extracted (nothing wrong was claimed).
    public var precision: Double { extracted == 0 ? 1 : Double(matched) / Double(extracted) }
    /// 1 when nothing was expected.
    public var recall: Double { expected == 0 ? 1 : Double(matched) / Double(expected) }

    public static func + (left: AccuracyScore, right: AccuracyScore) -> AccuracyScore {
        AccuracyScore(
            category: left.category, matched: left.matched + right.matched, extracted: left.extracted + right.extracted,
            expected: left.expected + right.expected, spurious: left.spurious + right.spurious, missed: left.missed + right.missed)
    }
}

public enum Accuracy {
    /// Scores `extracted` against `expected`, category by category (rows compared as whole keys).
    public static func score(_ extracted: ExpectedExtraction, against expected: ExpectedExtraction) -> [AccuracyScore] {
        zip(extracted.keyed, expected.keyed).map { found, wanted in
            var remaining: [String: Int] = [:]
            for key in wanted.keys { remaining[key, default: 0] += 1 }
            var score = AccuracyScore(category: found.category, extracted: found.keys.count, expected: wanted.keys.count)
            for key in found.keys {
                if let left = remaining[key], left > 0 {
                    remaining[key] = left - 1
                    score.matched += 1
                } else {
                    score.spurious.append(key)
                }
            }
            score.missed = wanted.keys.filter { key in
                guard let left = remaining[key], left > 0 else { return false }
                remaining[key] = left - 1
                return true
            }
            return score
        }
    }

    /// Imports one fixture with the rules alone (no curation) on a fixed date and scores it.
    public static func evaluate(fileName: String, bytes: [UInt8], expectedJSON: String) throws -> [AccuracyScore] {
        let document = try DocumentImporter.importDocument(fileName: fileName, bytes: bytes, curation: .empty, today: fixtureToday)
        return score(ExpectedExtraction(document), against: try ExpectedExtraction(json: expectedJSON))
    }

    /// 今年 in a fixture without a date of its own resolves against this day.
    public static let fixtureToday = "2025-06-01"
}
