/// Plan documents in, records out: reads, normalises and extracts one document. No database I/O.
public enum DocumentImporter {
    /// Reads, normalises and extracts one document. `fileName` names it in errors and selects its
    /// curation entry. `today` (YYYY-MM-DD) resolves 今年/去年 only when the document states no date
    /// of its own (front matter `date`, curated `publishedOn`, else the year of its latest dated event).
    public static func importDocument(fileName: String, bytes: [UInt8], curation: Curation, today: String) throws -> ImportedDocument {
        let source = try Reader.decode(fileName: fileName, bytes: bytes)
        let frontMatter = FrontMatter(source)
        // Curation is keyed by the bare file name, so `import path/to/004_….txt` still finds it.
        let entry = curation.documents[fileName] ?? curation.documents[baseName(fileName)]
        let text = Normaliser.normalise(source, fromLine: frontMatter.contentLineIndex, options: .init(sourceName: frontMatter["source"]))
        guard !text.blocks.isEmpty else { throw ImportError(file: fileName, message: "empty document") }

        let stem = fileStem(fileName)
        let publishedOn = entry?.publishedOn ?? frontMatter["date"].flatMap { PartialDate(iso: $0)?.iso }
        let documentYear = publishedOn.flatMap { PartialDate(iso: $0)?.year }
            ?? Dates.latestSpecificYear(text.body, in: 0..<text.body.count)
            ?? PartialDate(iso: today)?.year
        let firstHeading = text.blocks.first { $0.kind.isHeading }.map { text.text($0.range) }
        let title = entry?.title ?? frontMatter["title"] ?? firstHeading ?? stem

        let applier = entry.map { CurationApplier(entry: $0, text: text, fileName: fileName) }
        let excluded = try applier?.exclusionRanges() ?? []
        let isExcluded = { (index: Int) in excluded.contains { $0.contains(index) } }

        let structure = try Structure.detect(text, fileName: fileName)

        let mentions = Initiatives.extract(text, documentYear: documentYear).filter { !isExcluded($0.nameRange.lowerBound) }
        var initiatives = Initiatives.merge(mentions).map { mention in
            ImportedInitiative(name: mention.name, kind: mention.kind, announcedOn: mention.date?.date.iso, source: text.source(mention.sourceRange))
        }
        try applier?.apply(to: &initiatives)

        var indicators = Indicators.extract(
            text, skippingBlocks: structure.itemBlocks, targetRanges: structure.targetRanges, documentYear: documentYear)
        try applier?.apply(to: &indicators, excluding: excluded)

        var plans: [ImportedPlan] = []
        if var plan = makePlan(
            structure: structure, text: text, mentions: mentions, initiatives: initiatives, documentTitle: title,
            publishedOn: publishedOn, stem: stem, curatedSlug: entry?.plan?.slug, documentYear: documentYear, excluded: excluded) {
            try applier?.apply(to: &plan, visions: structure.items(.vision), actions: structure.items(.action))
            plans.append(plan)
        }

        return ImportedDocument(
            slug: entry?.slug ?? Slug.make(stem), fileName: fileName, title: title,
            publisher: entry?.publisher ?? frontMatter["publisher"] ?? frontMatter["source"],
            url: frontMatter["url"], publishedOn: publishedOn, body: text.bodyString, plans: plans,
            initiatives: initiatives, indicatorValues: distinct(indicators.map(\.value)),
            passages: text.blocks.map { text.source($0.range) }, translationOf: frontMatter["translation_of"])
    }

    static func baseName(_ fileName: String) -> String {
        fileName.split(separator: "/").last.map(String.init) ?? fileName
    }

    static func fileStem(_ fileName: String) -> String {
        let base = baseName(fileName)
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }

    // MARK: Plan

    private static func makePlan(
        structure: DocumentStructure, text: NormalisedText, mentions: [InitiativeMention], initiatives: [ImportedInitiative],
        documentTitle: String, publishedOn: String?, stem: String, curatedSlug: String?, documentYear: Int?, excluded: [Range<Int>]
    ) -> ImportedPlan? {
        let visions = structure.items(.vision)
        let actions = structure.items(.action)
        guard let firstList = structure.lists.first, !visions.isEmpty || !actions.isEmpty else { return nil }
        let groups = structure.actionGroups

        let named = structure.isOutline ? nil : planMention(structure: structure, text: text, mentions: mentions)
        let planTitle = named?.name ?? documentTitle
        let initiative = initiatives.first { $0.name == planTitle }
        let proposedOn = initiative?.announcedOn ?? (named == nil ? publishedOn : nil)
        let slug = curatedSlug ?? (Slug.isMostlyASCII(planTitle) ? Slug.make(planTitle) : Slug.make(stem))
        let source = initiative?.source ?? announcementSource(firstList, text: text)

        let bold = { (item: ListItem) in text.blocks[item.blockIndices[0]].bold }
        let importedVisions = visions.enumerated().map { offset, item in
            ImportedVision(number: offset + 1, title: item.title(in: text, bold: bold(item)), source: text.source(item.content), label: item.label)
        }
        let importedActions = actions.enumerated().map { offset, item in
            ImportedAction(
                number: offset + 1, title: item.title(in: text, bold: bold(item)), body: item.body(in: text),
                visionNumber: offset < groups.count ? groups[offset] : nil, label: item.label, path: item.path, source: text.source(item.content),
                commitments: Commitments.extract(
                    from: item, in: text, slugPrefix: "\(slug)-a\(offset + 1)", documentYear: documentYear, excluded: excluded))
        }
        let targets = Targets.extract(structure.targetRanges, in: text, slugPrefix: slug, documentYear: documentYear, excluded: excluded)
        return ImportedPlan(
            slug: slug, title: planTitle, proposedOn: proposedOn, source: source, visions: importedVisions,
            actions: importedActions, targets: targets)
    }

    /// The plan's name: a 《》 title (or quoted English title) of a plan-like kind in the paragraph
    /// announcing a list, else in the headings before it; nil when the document is the plan itself.
    private static func planMention(structure: DocumentStructure, text: NormalisedText, mentions: [InitiativeMention]) -> InitiativeMention? {
        let planKinds: Set<String> = ["plan", "initiative", "agenda", "programme"]
        for list in structure.lists {
            let block = text.blocks[list.announcingBlock].range
            let inBlock = mentions.filter { block.contains($0.nameRange.lowerBound) && planKinds.contains($0.kind) }
            if let mention = inBlock.first(where: { $0.kind == "plan" }) ?? inBlock.first { return mention }
        }
        guard let firstBlock = structure.lists.first?.announcingBlock else { return nil }
        for index in stride(from: firstBlock, through: 0, by: -1) where text.blocks[index].kind.isHeading {
            let range = text.blocks[index].range
            if let mention = mentions.first(where: { range.contains($0.nameRange.lowerBound) && planKinds.contains($0.kind) }) {
                return mention
            }
        }
        return nil
    }

    private static func announcementSource(_ list: DetectedList, text: NormalisedText) -> SourceRef {
        let block = text.blocks[list.announcingBlock].range
        guard let announcement = list.announcement else { return text.source(block) }
        let sentence = Sentences.split(text.body, in: block).first { $0.contains(announcement.range.lowerBound) } ?? block
        return text.source(sentence)
    }

    /// One value per indicator, date and passage (the database's uniqueness rule).
    private static func distinct(_ values: [ImportedIndicatorValue]) -> [ImportedIndicatorValue] {
        var seen: Set<String> = []
        return values.filter { value in
            seen.insert("\(value.slug)\u{1F}\(value.asOf ?? "")\u{1F}\(value.source.line)\u{1F}\(value.source.quote)").inserted
        }
    }
}
