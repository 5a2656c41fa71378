// What the importer yields: plain values, one per row it proposes, each with its provenance.
// The Tracker's loader writes them to the database in one transaction; nothing here touches it.

/// Where a record was read from: a verbatim substring of the document's normalised `body`,
/// and the 1-based line of the original file on which that passage starts.
public struct SourceRef: Sendable, Hashable, Codable {
    public var line: Int
    public var quote: String

    public init(line: Int, quote: String) {
        self.line = line
        self.quote = quote
    }
}

public struct ImportedDocument: Sendable {
    /// A plan slug: this document is a translation of that plan (front matter `translation_of`).
    public var translationOf: String?
    /// Stable identifier, from the curation overlay or derived from the file name.
    public var slug: String
    public var fileName: String
    public var title: String
    public var publisher: String?
    public var url: String?
    /// ISO 8601, possibly reduced precision (`YYYY-MM`, `YYYY`).
    public var publishedOn: String?
    /// The normalised text (markup and boilerplate removed, split sentences rejoined).
    public var body: String
    public var plans: [ImportedPlan]
    public var initiatives: [ImportedInitiative]
    public var indicatorValues: [ImportedIndicatorValue]
    /// Each paragraph, heading or list item of `body`, with the original line it starts on
    /// (for full-text search that points back into the file).
    public var passages: [SourceRef]

    public init(
        slug: String, fileName: String, title: String, publisher: String? = nil, url: String? = nil,
        publishedOn: String? = nil, body: String, plans: [ImportedPlan] = [],
        initiatives: [ImportedInitiative] = [], indicatorValues: [ImportedIndicatorValue] = [], passages: [SourceRef] = [],
        translationOf: String? = nil
    ) {
        self.translationOf = translationOf
        self.slug = slug
        self.fileName = fileName
        self.title = title
        self.publisher = publisher
        self.url = url
        self.publishedOn = publishedOn
        self.body = body
        self.plans = plans
        self.initiatives = initiatives
        self.indicatorValues = indicatorValues
        self.passages = passages
    }
}

extension ImportedDocument: Encodable {
    // The body is left out: the passages carry the same text, each with its line.
    enum CodingKeys: String, CodingKey {
        case slug, fileName, title, publisher, url, publishedOn, translationOf, plans, initiatives, indicatorValues, passages
    }
}

public struct ImportedPlan: Sendable, Encodable {
    public var slug: String
    public var title: String
    public var titleEn: String?
    public var proposedOn: String?
    public var source: SourceRef?
    public var visions: [ImportedVision]
    public var actions: [ImportedAction]
    /// Plan-level targets: the figures of the plan's main-targets paragraph (主要目标, "Main targets").
    public var targets: [ImportedCommitment]

    public init(
        slug: String, title: String, titleEn: String? = nil, proposedOn: String? = nil, source: SourceRef? = nil,
        visions: [ImportedVision] = [], actions: [ImportedAction] = [], targets: [ImportedCommitment] = []
    ) {
        self.targets = targets
        self.slug = slug
        self.title = title
        self.titleEn = titleEn
        self.proposedOn = proposedOn
        self.source = source
        self.visions = visions
        self.actions = actions
    }
}

public struct ImportedVision: Sendable, Encodable {
    /// 1-based, in document order.
    public var number: Int
    public var slug: String?
    public var title: String
    public var titleEn: String?
    public var source: SourceRef
    /// Its number as printed in the outline (二、, Pillar I), when it has one.
    public var label: String?

    public init(number: Int, slug: String? = nil, title: String, titleEn: String? = nil, source: SourceRef, label: String? = nil) {
        self.label = label
        self.number = number
        self.slug = slug
        self.title = title
        self.titleEn = titleEn
        self.source = source
    }
}

public struct ImportedAction: Sendable, Encodable {
    /// 1-based, in document order.
    public var number: Int
    public var slug: String?
    /// A short title (the action's first clause, or the curated one).
    public var title: String
    public var titleEn: String?
    /// The action's full text.
    public var body: String
    /// The number of the vision it serves, when known.
    public var visionNumber: Int?
    public var source: SourceRef
    public var commitments: [ImportedCommitment]
    /// Its number as printed from the outermost section down (二（一）3, I.A.2), when it has one:
    /// analysts may name the action by it.
    public var label: String?
    /// The titles of the sections above it and its own, outermost first (nothing of the outline is lost).
    public var path: [String]

    public init(
        number: Int, slug: String? = nil, title: String, titleEn: String? = nil, body: String,
        visionNumber: Int? = nil, label: String? = nil, path: [String] = [], source: SourceRef, commitments: [ImportedCommitment] = []
    ) {
        self.label = label
        self.path = path
        self.number = number
        self.slug = slug
        self.title = title
        self.titleEn = titleEn
        self.body = body
        self.visionNumber = visionNumber
        self.source = source
        self.commitments = commitments
    }
}

/// A time-bound or quantified pledge inside an action.
public struct ImportedCommitment: Sendable, Encodable {
    /// Unique across the database, e.g. `ai-capacity-building-a6-c1` or a curated slug.
    public var slug: String
    public var body: String
    public var targetValue: Double?
    public var targetUnit: String?
    /// ISO date (`2025-12-31`).
    public var dueOn: String?
    public var source: SourceRef
    /// A countable milestone built on this commitment (curation only).
    public var milestone: ImportedMilestone?
    /// How the target compares: `>`, `>=`, `=`, `<=` or `<` (nil for a date-only deliverable).
    public var qualifier: String?
    /// `level` (a count or level to reach), `share` (a % target) or `deliverable` (date only).
    public var kind: String
    public var titleEn: String?
    public var bodyEn: String?

    public init(
        slug: String, body: String, targetValue: Double? = nil, targetUnit: String? = nil, dueOn: String? = nil,
        source: SourceRef, milestone: ImportedMilestone? = nil, qualifier: String? = nil, kind: String? = nil,
        titleEn: String? = nil, bodyEn: String? = nil
    ) {
        self.qualifier = qualifier ?? (targetValue == nil ? nil : "=")
        self.kind = kind ?? Self.kind(value: targetValue, unit: targetUnit)
        self.titleEn = titleEn
        self.bodyEn = bodyEn
        self.slug = slug
        self.body = body
        self.targetValue = targetValue
        self.targetUnit = targetUnit
        self.dueOn = dueOn
        self.source = source
        self.milestone = milestone
    }
}

extension ImportedCommitment {
    /// `share` for a percentage, `level` for any other figure, `deliverable` without one.
    static func kind(value: Double?, unit: String?) -> String {
        guard value != nil else { return "deliverable" }
        return unit == "%" ? "share" : "level"
    }
}

public struct ImportedMilestone: Sendable, Encodable {
    public var slug: String
    public var title: String
    public var targetCount: Int
    public var unit: String?
    public var dueOn: String
    /// What the count starts from, e.g. the first workshop of 2024 that does not count.
    public var baselineNote: String?

    public init(slug: String, title: String, targetCount: Int, unit: String? = nil, dueOn: String, baselineNote: String? = nil) {
        self.slug = slug
        self.title = title
        self.targetCount = targetCount
        self.unit = unit
        self.dueOn = dueOn
        self.baselineNote = baselineNote
    }
}

/// A named initiative, programme, policy, platform, resolution or report.
public struct ImportedInitiative: Sendable, Encodable {
    public var name: String
    public var nameEn: String?
    /// `policy`, `programme`, `platform`, `resolution`, `report`, `initiative`, `plan`, …
    public var kind: String
    /// ISO 8601, possibly reduced precision.
    public var announcedOn: String?
    public var source: SourceRef

    public init(name: String, nameEn: String? = nil, kind: String, announcedOn: String? = nil, source: SourceRef) {
        self.name = name
        self.nameEn = nameEn
        self.kind = kind
        self.announcedOn = announcedOn
        self.source = source
    }
}

/// One quantitative statement: an indicator (identified by slug) and its value.
public struct ImportedIndicatorValue: Sendable, Encodable {
    public var slug: String
    /// The noun phrase measured, e.g. `智能算力规模`.
    public var name: String
    public var nameEn: String?
    public var unit: String?
    public var value: Double
    /// One of `=`, `>`, `>=`, `<`, `<=`, `~`.
    public var qualifier: String
    /// ISO 8601, possibly reduced precision.
    public var asOf: String?
    public var source: SourceRef

    public init(
        slug: String, name: String, nameEn: String? = nil, unit: String? = nil, value: Double, qualifier: String,
        asOf: String? = nil, source: SourceRef
    ) {
        self.slug = slug
        self.name = name
        self.nameEn = nameEn
        self.unit = unit
        self.value = value
        self.qualifier = qualifier
        self.asOf = asOf
        self.source = source
    }
}

/// A problem with an input document, reported as `FILE[:LINE]: message`.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
