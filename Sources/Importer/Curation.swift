import FoundationEssentials

/// Hand-kept facts the rules cannot know (stable slugs, English titles, which vision an action serves,
/// canonical indicator names, milestones, exclusions), keyed by document file name.
/// It may name, rename and exclude; it never adds structure, numbers or dates: every quote it names
/// must be found in the document, and the records it names must have been found by the rules.
public struct Curation: Sendable {
    let documents: [String: DocumentCuration]

    public static let empty = Curation(documents: [:])

    init(documents: [String: DocumentCuration]) {
        self.documents = documents
    }

    /// Parses Seeds/curation.json text.
    public init(json: String) throws {
        do {
            documents = try JSONDecoder().decode([String: DocumentCuration].self, from: Data(json.utf8))
        } catch let error as DecodingError {
            throw ImportError(file: "curation.json", message: "malformed JSON: \(Self.describe(error))")
        } catch {
            throw ImportError(file: "curation.json", message: "malformed JSON: \(error)")
        }
    }

    /// The document file names the overlay has entries for.
    public var fileNames: [String] { documents.keys.sorted() }

    /// This overlay with `other`'s entries in place of its own for the same documents.
    public func merging(_ other: Curation) -> Curation {
        Curation(documents: documents.merging(other.documents) { _, new in new })
    }

    /// One document's entry as JSON (to keep it in the database), or nil when there is none.
    public func entryJSON(for fileName: String) -> String? {
        documents[fileName].map { Self.encode($0) }
    }

    /// An overlay from entries kept as JSON, keyed by file name.
    public init(entries: [(fileName: String, json: String)]) throws {
        var documents: [String: DocumentCuration] = [:]
        for (fileName, json) in entries {
            do {
                documents[fileName] = try JSONDecoder().decode(DocumentCuration.self, from: Data(json.utf8))
            } catch {
                throw ImportError(file: "curation of \(fileName)", message: "malformed JSON: \(error)")
            }
        }
        self.documents = documents
    }

    /// The whole overlay in the format of Seeds/curation.json (keys sorted, so output is stable).
    public var json: String { Self.encode(documents) + "\n" }

    private static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    /// A vision or action as `curate export` writes it: found by its quote, renamed by its titles.
    public struct Item: Sendable {
        public var number: Int
        public var quote: String
        public var title: String
        public var titleEn: String?
        public var vision: Int?

        public init(number: Int, quote: String, title: String, titleEn: String? = nil, vision: Int? = nil) {
            self.number = number
            self.quote = quote
            self.title = title
            self.titleEn = titleEn
            self.vision = vision
        }
    }

    /// The entry of `fileName` with its plan written out in full (slug, titles, visions and actions
    /// with the vision each serves), keeping everything else the entry already says (milestones,
    /// indicator names, exclusions, initiatives) — what an analyst edits and applies with `import --curation`.
    public func exporting(
        fileName: String, planSlug: String, title: String, titleEn: String?, visions: [Item], actions: [Item]
    ) -> Curation {
        var entry = documents[fileName] ?? DocumentCuration()
        var plan = entry.plan ?? PlanCuration()
        plan.slug = planSlug
        plan.title = title
        plan.titleEn = titleEn
        // The database numbers rows after the drops; the overlay numbers them as the rules found them.
        let droppedVisions = (plan.visions ?? []).filter { $0.drop == true }
        let droppedActions = (plan.actions ?? []).filter { $0.drop == true }
        let visionNumber = Self.rulesNumbers(skipping: Set(droppedVisions.map(\.number)), count: visions.map(\.number).max() ?? 0)
        let actionNumber = Self.rulesNumbers(skipping: Set(droppedActions.map(\.number)), count: actions.map(\.number).max() ?? 0)
        let kept = { (items: [ItemCuration]?, number: Int) in items?.first { $0.number == number } }
        let exportedVisions = visions.map { item in
            let number = visionNumber.indices.contains(item.number - 1) ? visionNumber[item.number - 1] : item.number
            return ItemCuration(number: number, quote: kept(plan.visions, number)?.quote ?? item.quote,
                                slug: kept(plan.visions, number)?.slug, title: item.title, titleEn: item.titleEn)
        }
        let exportedActions = actions.map { item in
            let number = actionNumber.indices.contains(item.number - 1) ? actionNumber[item.number - 1] : item.number
            return ItemCuration(number: number, quote: kept(plan.actions, number)?.quote ?? item.quote,
                                slug: kept(plan.actions, number)?.slug, title: item.title, titleEn: item.titleEn,
                                vision: item.vision.flatMap { visionNumber.indices.contains($0 - 1) ? visionNumber[$0 - 1] : nil })
        }
        plan.visions = (exportedVisions + droppedVisions).sorted { $0.number < $1.number }
        plan.actions = (exportedActions + droppedActions).sorted { $0.number < $1.number }
        entry.plan = plan
        return Curation(documents: [fileName: entry])
    }

    /// 1, 2, 3 … without the dropped numbers, `count` of them (the rules' number of each kept row).
    private static func rulesNumbers(skipping dropped: Set<Int>, count: Int) -> [Int] {
        var numbers: [Int] = []
        var number = 1
        while numbers.count < count {
            if !dropped.contains(number) { numbers.append(number) }
            number += 1
        }
        return numbers
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "" : " at " + keys.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context): return context.debugDescription + path(context)
        case .keyNotFound(let key, let context): return "missing key \(key.stringValue)\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return context.debugDescription + path(context)
        @unknown default: return "\(error)"
        }
    }
}

struct DocumentCuration: Codable, Sendable {
    var slug: String?
    var title: String?
    var publisher: String?
    var publishedOn: String?
    var plan: PlanCuration?
    var indicators: [IndicatorCuration]?
    var initiatives: [InitiativeCuration]?
    var exclusions: [ExclusionCuration]?
}

struct PlanCuration: Codable, Sendable {
    var slug: String?
    var title: String?
    var titleEn: String?
    var visions: [ItemCuration]?
    var actions: [ItemCuration]?
    var milestones: [MilestoneCuration]?
}

/// A vision or action by number; `quote` (if given) must lie in that item, so titles cannot drift.
struct ItemCuration: Codable, Sendable {
    var number: Int
    var quote: String?
    var slug: String?
    var title: String?
    var titleEn: String?
    /// For actions: the number of the vision the action serves.
    var vision: Int?
    /// A row the rules found that is not part of the plan: dropped, and the rest renumbered.
    var drop: Bool?
}

/// A countable milestone on the commitment of `action` whose sentence contains `quote`;
/// its target and due date come from that commitment.
struct MilestoneCuration: Codable, Sendable {
    var action: Int
    var quote: String
    var slug: String
    var title: String
    var unit: String?
    var baselineQuote: String?
    var baselineNote: String?
}

/// Names the figure whose number lies inside `quote`.
struct IndicatorCuration: Codable, Sendable {
    var quote: String
    var slug: String
    var name: String
    var nameEn: String?
}

/// Adds an English name (or a kind) to an initiative the rules found under `name`.
struct InitiativeCuration: Codable, Sendable {
    var name: String
    var nameEn: String?
    var kind: String?
}

/// Figures, targets and initiatives written inside `quote`, and commitments whose sentence it
/// touches, are not imported: the rows an analyst drops.
struct ExclusionCuration: Codable, Sendable {
    var quote: String
    var reason: String?
}

/// Applies one document's curation to what the rules extracted, checking every quote and name.
struct CurationApplier {
    let entry: DocumentCuration
    let text: NormalisedText
    let fileName: String

    private func failure(_ message: String) -> ImportError {
        ImportError(file: "curation.json", message: "\(fileName): \(message)")
    }

    func locate(_ quote: String, for purpose: String) throws -> Range<Int> {
        guard let range = text.find(quote) else { throw failure("\(purpose): quote “\(quote)” not found in the document") }
        return range
    }

    /// Ranges of every exclusion quote (each must occur at least once).
    func exclusionRanges() throws -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for exclusion in entry.exclusions ?? [] {
            let found = text.occurrences(of: exclusion.quote)
            guard !found.isEmpty else { throw failure("exclusion: quote “\(exclusion.quote)” not found in the document") }
            ranges.append(contentsOf: found)
        }
        return ranges
    }

    /// Titles, slugs, visions served and milestones (the plan slug itself is chosen before extraction).
    func apply(to plan: inout ImportedPlan, visions: [ListItem], actions: [ListItem]) throws {
        guard let curation = entry.plan else { return }
        if let title = curation.title { plan.title = title }
        if let titleEn = curation.titleEn { plan.titleEn = titleEn }
        for item in curation.visions ?? [] {
            let index = try itemIndex(item, among: visions, label: "vision")
            if let slug = item.slug { plan.visions[index].slug = slug }
            if let title = item.title { plan.visions[index].title = title }
            if let titleEn = item.titleEn { plan.visions[index].titleEn = titleEn }
        }
        for item in curation.actions ?? [] {
            let index = try itemIndex(item, among: actions, label: "action")
            if let slug = item.slug { plan.actions[index].slug = slug }
            if let title = item.title { plan.actions[index].title = title }
            if let titleEn = item.titleEn { plan.actions[index].titleEn = titleEn }
            if let vision = item.vision {
                guard (1...max(1, plan.visions.count)).contains(vision), !plan.visions.isEmpty else {
                    throw failure("action \(item.number) serves vision \(vision), but the plan has \(plan.visions.count) visions")
                }
                plan.actions[index].visionNumber = vision
            }
        }
        for milestone in curation.milestones ?? [] {
            try attach(milestone, to: &plan)
        }
        dropRows(of: curation, from: &plan)
    }

    /// Removes the dropped visions and actions (numbers are the rules' own, as everywhere in the
    /// overlay) and numbers the rest 1, 2, … again, keeping each action's vision.
    private func dropRows(of curation: PlanCuration, from plan: inout ImportedPlan) {
        let droppedVisions = Set((curation.visions ?? []).filter { $0.drop == true }.map(\.number))
        let droppedActions = Set((curation.actions ?? []).filter { $0.drop == true }.map(\.number))
        guard !droppedVisions.isEmpty || !droppedActions.isEmpty else { return }
        plan.visions.removeAll { droppedVisions.contains($0.number) }
        var renumbered: [Int: Int] = [:]
        for index in plan.visions.indices {
            renumbered[plan.visions[index].number] = index + 1
            plan.visions[index].number = index + 1
        }
        plan.actions.removeAll { droppedActions.contains($0.number) }
        for index in plan.actions.indices {
            plan.actions[index].number = index + 1
            plan.actions[index].visionNumber = plan.actions[index].visionNumber.flatMap { renumbered[$0] }
        }
    }

    private func itemIndex(_ item: ItemCuration, among items: [ListItem], label: String) throws -> Int {
        guard (1...max(1, items.count)).contains(item.number), !items.isEmpty else {
            throw failure("\(label) \(item.number) is curated, but the rules found \(items.count) \(label)s")
        }
        if let quote = item.quote {
            let range = try locate(quote, for: "\(label) \(item.number)")
            let owner = items.firstIndex { candidate in candidate.allRanges.contains { $0.contains(range.lowerBound) } }
            guard owner == item.number - 1 else {
                let found = owner.map { "\(label) \($0 + 1)" } ?? "no \(label)"
                throw failure("\(label) \(item.number): quote “\(quote)” is in \(found)")
            }
        }
        return item.number - 1
    }

    private func attach(_ milestone: MilestoneCuration, to plan: inout ImportedPlan) throws {
        let purpose = "milestone \(milestone.slug)"
        let range = try locate(milestone.quote, for: purpose)
        if let baseline = milestone.baselineQuote { _ = try locate(baseline, for: "\(purpose) baseline") }
        guard let actionIndex = plan.actions.firstIndex(where: { $0.number == milestone.action }) else {
            throw failure("\(purpose): the plan has no action \(milestone.action)")
        }
        let quote = text.text(range)
        guard let commitmentIndex = plan.actions[actionIndex].commitments.firstIndex(where: { $0.source.quote.contains(quote) }) else {
            throw failure("\(purpose): action \(milestone.action) has no commitment containing “\(quote)”")
        }
        let commitment = plan.actions[actionIndex].commitments[commitmentIndex]
        guard let target = commitment.targetValue, target >= 1, target == target.rounded(), let dueOn = commitment.dueOn else {
            throw failure("\(purpose): the commitment has no whole target count and due date")
        }
        plan.actions[actionIndex].commitments[commitmentIndex].milestone = ImportedMilestone(
            slug: milestone.slug, title: milestone.title, targetCount: Int(target),
            unit: milestone.unit ?? commitment.targetUnit, dueOn: dueOn, baselineNote: milestone.baselineNote)
    }

    func apply(to indicators: inout [IndicatorCandidate], excluding excluded: [Range<Int>]) throws {
        indicators.removeAll { candidate in excluded.contains { $0.contains(candidate.numberRange.lowerBound) } }
        for curated in entry.indicators ?? [] {
            let purpose = "indicator \(curated.slug)"
            let matches = text.occurrences(of: curated.quote).flatMap { range in
                indicators.indices.filter { range.contains(indicators[$0].numberRange.lowerBound) }
            }
            if matches.isEmpty {
                _ = try locate(curated.quote, for: purpose)
                throw failure("\(purpose): no figure was read inside “\(curated.quote)”")
            }
            for index in matches {
                indicators[index].value.slug = curated.slug
                indicators[index].value.name = curated.name
                indicators[index].value.nameEn = curated.nameEn
            }
        }
    }

    func apply(to initiatives: inout [ImportedInitiative]) throws {
        for curated in entry.initiatives ?? [] {
            guard let index = initiatives.firstIndex(where: { $0.name == curated.name }) else {
                throw failure("initiative “\(curated.name)” was not found by the rules")
            }
            if let kind = curated.kind { initiatives[index].kind = kind }
            if let nameEn = curated.nameEn { initiatives[index].nameEn = nameEn }
        }
    }
}
