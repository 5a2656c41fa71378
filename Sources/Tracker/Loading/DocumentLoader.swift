import Importer
import Storage

/// What one document's import did.
public struct ImportOutcome: Sendable {
    public enum Change: String, Sendable {
        case created, updated, unchanged
    }

    public var fileName: String
    public var documentSlug: String
    /// The document's title, by which messages name it.
    public var title: String
    public var change: Change
    public var plans = 0
    public var visions = 0
    public var actions = 0
    public var commitments = 0
    /// Main targets of the plan (commitments with no action).
    public var targets = 0
    public var initiatives = 0
    public var indicatorValues = 0
    /// The plan a translation was attached to.
    public var translationOf: String?

    public var summary: String {
        guard change != .unchanged else { return "\(title): unchanged" }
        // Targets are named only when there are some, so a plan without them reads as it always has.
        let targetCount = targets > 0 ? [Plural.count(targets, "target")] : []
        if let translationOf {
            let parts = [Plural.count(visions, "vision"), Plural.count(actions, "action"), Plural.count(commitments, "commitment")] + targetCount
            return "\(title): \(change.rawValue) — translation of \(translationOf): " + parts.joined(separator: ", ")
        }
        var parts: [String] = []
        if plans > 0 {
            parts += [
                Plural.count(plans, "plan"), Plural.count(visions, "vision"), Plural.count(actions, "action"),
                Plural.count(commitments, "commitment"),
            ] + targetCount
        }
        parts.append(Plural.count(initiatives, "initiative"))
        parts.append(Plural.count(indicatorValues, "indicator value"))
        return "\(title): \(change.rawValue) — " + parts.joined(separator: ", ")
    }
}

/// Writes what the importer read into the database: upserts by stable keys, so importing the
/// same bytes again changes nothing and a changed document updates rows in place without
/// touching the progress recorded against its actions.
struct DocumentLoader {
    /// Bumped when the importer's rules change, so documents are read again on the next import.
    static let importerVersion = "3"

    let db: Database


    /// Reads `bytes` and writes the result; the caller owns the transaction. `translationOf` (a plan
    /// slug) overrides the document's own `translation_of`.
    func importDocument(
        fileName: String, bytes: [UInt8], curation: CurationFile, translationOf: String? = nil, textOnly: Bool = false
    ) throws -> ImportOutcome {
        try importDocument(
            ConvertedDocument(fileName: fileName, text: bytes, original: bytes), curation: curation, translationOf: translationOf,
            textOnly: textOnly)
    }

    /// A document as converted (a page, Word file or PDF) or as given (text, Markdown).
    /// `textOnly` stores the document for search only: its passages, initiatives and figures, no plan.
    func importDocument(
        _ document: ConvertedDocument, curation: CurationFile, translationOf: String? = nil, textOnly: Bool = false
    ) throws -> ImportOutcome {
        let fileName = document.fileName
        let bytes = document.text
        let sha256 = SHA256.hexDigest(document.original)
        // A converted file's text is part of what was read: a better converter reads it again.
        let conversion = document.format.map { "\n\($0)\n\(SHA256.hexDigest(bytes))" } ?? ""
        let fingerprint = SHA256.hexDigest(
            "\(sha256)\n\(Self.importerVersion)\n\(curation.text)" + (translationOf.map { "\n\($0)" } ?? "") + conversion
                + (textOnly ? "\ntext-only" : ""))
        // Same bytes, same curation, same rules: nothing to read or write.
        if let (slug, title) = try db.fetchOne(
            "SELECT slug, title FROM documents WHERE extraction_sha256 = ?", [fingerprint], { (try $0["slug"] as String, try $0["title"] as String) })
        {
            return ImportOutcome(fileName: fileName, documentSlug: slug, title: title, change: .unchanged)
        }
        var imported = try DocumentImporter.importDocument(
            fileName: fileName, bytes: bytes, curation: curation.overlay, today: ISODate.today().description)
        if let translationOf { imported.translationOf = translationOf }
        if textOnly, imported.translationOf == nil { imported.plans = [] }
        let outcome = try load(imported, sha256: sha256, fingerprint: fingerprint)
        try recordFormat(of: document, slug: outcome.documentSlug)
        return outcome
    }

    /// The document's original format, and for a PDF the page each passage and source starts on.
    private func recordFormat(of document: ConvertedDocument, slug: String) throws {
        guard let format = document.format else { return }
        guard let documentID = try db.fetchAll("SELECT id FROM documents WHERE slug = ?", [slug], { try $0["id"] as Int64 }).first else { return }
        try db.execute("UPDATE documents SET format = ? WHERE id = ?", [format, documentID])
        guard !document.pages.isEmpty else { return }
        for table in ["sources", "passages"] {
            let rows = try db.fetchAll("SELECT id, line FROM \(table) WHERE document_id = ?", [documentID]) { (try $0["id"] as Int64, try $0["line"] as Int) }
            for (id, line) in rows {
                try db.execute("UPDATE \(table) SET page = ? WHERE id = ?", [document.page(ofLine: line), id])
            }
        }
    }

    /// Writes one imported document; the caller owns the transaction. A translation
    /// (`translationOf` set) fills the English text of its plan instead of creating one.
    func load(_ document: ImportedDocument, sha256: String, fingerprint: String) throws -> ImportOutcome {
        if let planSlug = document.translationOf {
            return try loadTranslation(document, of: planSlug, sha256: sha256, fingerprint: fingerprint)
        }
        var outcome = ImportOutcome(fileName: document.fileName, documentSlug: document.slug, title: document.title, change: .created)
        if try db.scalarInt("SELECT count(*) FROM documents WHERE slug = ?", [document.slug]) == 1 {
            outcome.change = .updated
        }
        let documentID = try upsertDocument(document, sha256: sha256, fingerprint: fingerprint, translationOf: nil)
        try replacePassages(documentID: documentID, of: document)
        var sourceIDs: [SourceRef: Int64] = [:]
        func source(_ ref: SourceRef?) throws -> Int64? {
            guard let ref else { return nil }
            if let id = sourceIDs[ref] { return id }
            let id = try insertSource(ref, documentID: documentID)
            sourceIDs[ref] = id
            return id
        }

        for plan in document.plans {
            let planID = try returningID(
                """
                INSERT INTO plans (slug, title, title_en, proposed_on, document_id, source_id) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (slug) DO UPDATE SET title = excluded.title, title_en = coalesce(excluded.title_en, plans.title_en),
                    proposed_on = excluded.proposed_on, document_id = excluded.document_id, source_id = excluded.source_id
                RETURNING id
                """,
                [plan.slug, plan.title, plan.titleEn, plan.proposedOn, documentID, try source(plan.source)])
            outcome.plans += 1
            var visionIDs: [Int: Int64] = [:]
            for vision in plan.visions {
                visionIDs[vision.number] = try returningID(
                    """
                    INSERT INTO visions (plan_id, number, slug, title, title_en, source_id, label) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (plan_id, number) DO UPDATE SET slug = excluded.slug, title = excluded.title,
                        title_en = coalesce(excluded.title_en, visions.title_en), source_id = excluded.source_id,
                        label = excluded.label
                    RETURNING id
                    """,
                    [planID, vision.number, vision.slug, vision.title, vision.titleEn, try source(vision.source), vision.label])
                outcome.visions += 1
            }
            for action in plan.actions {
                let actionID = try returningID(
                    """
                    INSERT INTO actions (plan_id, number, slug, title, title_en, body, vision_id, source_id, label, outline_path)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (plan_id, number) DO UPDATE SET slug = excluded.slug, title = excluded.title,
                        title_en = coalesce(excluded.title_en, actions.title_en), body = excluded.body, vision_id = excluded.vision_id,
                        source_id = excluded.source_id, label = excluded.label, outline_path = excluded.outline_path
                    RETURNING id
                    """,
                    [planID, action.number, action.slug, action.title, action.titleEn, action.body,
                     action.visionNumber.flatMap { visionIDs[$0] }, try source(action.source), action.label,
                     action.path.isEmpty ? nil : action.path.joined(separator: " › ")])
                outcome.actions += 1
                for commitment in action.commitments {
                    let commitmentID = try upsertCommitment(commitment, planID: planID, actionID: actionID, sourceID: try source(commitment.source))
                    outcome.commitments += 1
                    if let milestone = commitment.milestone {
                        try db.execute(
                            """
                            INSERT INTO milestones (commitment_id, slug, title, target_count, unit, due_on, baseline_note)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (slug) DO UPDATE SET commitment_id = excluded.commitment_id, title = excluded.title,
                                target_count = excluded.target_count, unit = excluded.unit, due_on = excluded.due_on,
                                baseline_note = excluded.baseline_note
                            """,
                            [commitmentID, milestone.slug, milestone.title, milestone.targetCount, milestone.unit,
                             milestone.dueOn, milestone.baselineNote])
                    }
                }
            }
            // The plan's main targets: commitments of the plan itself (no action).
            for target in plan.targets {
                _ = try upsertCommitment(target, planID: planID, actionID: nil, sourceID: try source(target.source))
                outcome.targets += 1
            }
        }

        for initiative in document.initiatives {
            // One row per initiative across documents: a later mention fills gaps, never erases.
            try db.execute(
                """
                INSERT INTO initiatives (name, name_en, kind, announced_on, source_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET
                    name_en = coalesce(excluded.name_en, initiatives.name_en),
                    announced_on = coalesce(initiatives.announced_on, excluded.announced_on),
                    source_id = CASE WHEN initiatives.announced_on IS NULL AND excluded.announced_on IS NOT NULL
                                     THEN excluded.source_id ELSE initiatives.source_id END
                """,
                [initiative.name, initiative.nameEn, initiative.kind, initiative.announcedOn, try source(initiative.source)])
            outcome.initiatives += 1
        }

        // Indicator values belong to the passages they were read from: replace this document's set.
        try db.execute(
            "DELETE FROM indicator_values WHERE source_id IN (SELECT id FROM sources WHERE document_id = ?)", [documentID])
        for value in document.indicatorValues {
            let indicatorID = try returningID(
                """
                INSERT INTO indicators (slug, name, name_en, unit) VALUES (?, ?, ?, ?)
                ON CONFLICT (slug) DO UPDATE SET name = excluded.name,
                    name_en = coalesce(excluded.name_en, indicators.name_en), unit = coalesce(excluded.unit, indicators.unit)
                RETURNING id
                """,
                [value.slug, value.name, value.nameEn, value.unit])
            try db.execute(
                """
                INSERT INTO indicator_values (indicator_id, value, qualifier, as_of, source_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (indicator_id, as_of, source_id) DO UPDATE SET value = excluded.value, qualifier = excluded.qualifier
                """,
                [indicatorID, value.value, value.qualifier, value.asOf, try source(value.source)])
            outcome.indicatorValues += 1
        }

        try removeUnreferencedSources(documentID: documentID)
        return outcome
    }

    /// A commitment of an action, or (no action) a main target of the plan, by its stable slug.
    private func upsertCommitment(_ commitment: ImportedCommitment, planID: Int64, actionID: Int64?, sourceID: Int64?) throws -> Int64 {
        try returningID(
            """
            INSERT INTO commitments (plan_id, action_id, slug, body, kind, qualifier, target_value, target_unit, due_on, source_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (slug) DO UPDATE SET plan_id = excluded.plan_id, action_id = excluded.action_id,
                body = excluded.body, kind = excluded.kind, qualifier = excluded.qualifier,
                target_value = excluded.target_value, target_unit = excluded.target_unit,
                due_on = excluded.due_on, source_id = excluded.source_id
            RETURNING id
            """,
            [planID, actionID, commitment.slug, commitment.body, commitment.kind, commitment.qualifier,
             commitment.targetValue, commitment.targetUnit, commitment.dueOn, sourceID])
    }

    private func upsertDocument(_ document: ImportedDocument, sha256: String, fingerprint: String, translationOf planID: Int64?) throws -> Int64 {
        try returningID(
            """
            INSERT INTO documents (slug, title, publisher, url, published_on, sha256, body, file_name, extraction_sha256, translation_of)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (slug) DO UPDATE SET title = excluded.title, publisher = excluded.publisher, url = excluded.url,
                published_on = excluded.published_on, sha256 = excluded.sha256, body = excluded.body,
                file_name = excluded.file_name, extraction_sha256 = excluded.extraction_sha256,
                translation_of = excluded.translation_of, imported_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
            RETURNING id
            """,
            [document.slug, document.title, document.publisher, document.url, document.publishedOn, sha256,
             document.body, document.fileName, fingerprint, planID])
    }

    // MARK: Translations

    /// Fills the English text of plan `planSlug` from a translation, matched by position: the plan's
    /// title, each vision's and action's title and text, each commitment's text. Every list must
    /// have as many rows as the original's, or nothing is written.
    private func loadTranslation(_ document: ImportedDocument, of planSlug: String, sha256: String, fingerprint: String) throws -> ImportOutcome {
        guard let planID = try db.fetchAll("SELECT id FROM plans WHERE slug = ?", [planSlug], { try $0["id"] as Int64 }).first else {
            throw TrackerError("\(document.fileName): translation of \(planSlug), but there is no plan \(planSlug)")
        }
        guard let translated = document.plans.first else {
            throw TrackerError("\(document.fileName): translation of \(planSlug), but no plan structure found (0 actions); see `import --dry-run`")
        }
        let visionIDs = try db.fetchAll("SELECT id FROM visions WHERE plan_id = ? ORDER BY number", [planID]) { try $0["id"] as Int64 }
        let actionIDs = try db.fetchAll("SELECT id FROM actions WHERE plan_id = ? ORDER BY number", [planID]) { try $0["id"] as Int64 }
        func mismatch(_ list: String, _ found: Int, _ original: Int) -> TrackerError {
            TrackerError("\(document.fileName): the translation lists \(found) \(list), plan \(planSlug) has \(original); nothing imported")
        }
        guard translated.visions.count == visionIDs.count else { throw mismatch("visions", translated.visions.count, visionIDs.count) }
        guard translated.actions.count == actionIDs.count else { throw mismatch("actions", translated.actions.count, actionIDs.count) }
        let targetIDs = try db.fetchAll(
            "SELECT id FROM commitments WHERE plan_id = ? AND action_id IS NULL ORDER BY id", [planID]) { try $0["id"] as Int64 }
        guard translated.targets.count == targetIDs.count else { throw mismatch("targets", translated.targets.count, targetIDs.count) }
        var commitmentIDs: [[Int64]] = []
        for (action, actionID) in zip(translated.actions, actionIDs) {
            let ids = try db.fetchAll("SELECT id FROM commitments WHERE action_id = ? ORDER BY id", [actionID]) { try $0["id"] as Int64 }
            guard action.commitments.count == ids.count else {
                throw mismatch("commitments under action \(action.number)", action.commitments.count, ids.count)
            }
            commitmentIDs.append(ids)
        }

        var outcome = ImportOutcome(
            fileName: document.fileName, documentSlug: document.slug, title: document.title, change: .created, translationOf: planSlug)
        if try db.scalarInt("SELECT count(*) FROM documents WHERE slug = ?", [document.slug]) == 1 {
            outcome.change = .updated
        }
        let documentID = try upsertDocument(document, sha256: sha256, fingerprint: fingerprint, translationOf: planID)
        try replacePassages(documentID: documentID, of: document)
        let source = { (ref: SourceRef) in try self.insertSource(ref, documentID: documentID) }

        try db.execute(
            "UPDATE plans SET title_en = ?, source_en_id = ? WHERE id = ?",
            [translated.title, try translated.source.map(source), planID])
        for (vision, id) in zip(translated.visions, visionIDs) {
            try db.execute("UPDATE visions SET title_en = ?, source_en_id = ? WHERE id = ?", [vision.title, try source(vision.source), id])
            outcome.visions += 1
        }
        func translate(_ commitment: ImportedCommitment, id: Int64) throws {
            try db.execute(
                "UPDATE commitments SET title_en = ?, body_en = ?, source_en_id = ? WHERE id = ?",
                [commitment.titleEn, commitment.body, try source(commitment.source), id])
        }
        for (target, id) in zip(translated.targets, targetIDs) {
            try translate(target, id: id)
            outcome.targets += 1
        }
        for ((action, id), commitments) in zip(zip(translated.actions, actionIDs), commitmentIDs) {
            try db.execute(
                "UPDATE actions SET title_en = ?, body_en = ?, source_en_id = ? WHERE id = ?",
                [action.title, action.body, try source(action.source), id])
            outcome.actions += 1
            for (commitment, commitmentID) in zip(action.commitments, commitments) {
                try translate(commitment, id: commitmentID)
                outcome.commitments += 1
            }
        }
        try removeUnreferencedSources(documentID: documentID)
        return outcome
    }

    private func insertSource(_ ref: SourceRef, documentID: Int64) throws -> Int64 {
        try returningID(
            """
            INSERT INTO sources (document_id, line, quote) VALUES (?, ?, ?)
            ON CONFLICT (document_id, line, quote) DO UPDATE SET line = excluded.line
            RETURNING id
            """,
            [documentID, ref.line, ref.quote])
    }

    /// Sources of an updated document that no row points at any more.
    private func removeUnreferencedSources(documentID: Int64) throws {
        try db.execute(
            """
            DELETE FROM sources WHERE document_id = ? AND id NOT IN (
                SELECT source_id FROM plans WHERE source_id IS NOT NULL
                UNION SELECT source_id FROM visions WHERE source_id IS NOT NULL
                UNION SELECT source_id FROM actions WHERE source_id IS NOT NULL
                UNION SELECT source_id FROM commitments WHERE source_id IS NOT NULL
                UNION SELECT source_id FROM initiatives WHERE source_id IS NOT NULL
                UNION SELECT source_id FROM indicator_values WHERE source_id IS NOT NULL
                UNION SELECT source_en_id FROM plans WHERE source_en_id IS NOT NULL
                UNION SELECT source_en_id FROM visions WHERE source_en_id IS NOT NULL
                UNION SELECT source_en_id FROM actions WHERE source_en_id IS NOT NULL
                UNION SELECT source_en_id FROM commitments WHERE source_en_id IS NOT NULL)
            """,
            [documentID])
    }

    private func returningID(_ sql: String, _ arguments: StatementArguments) throws -> Int64 {
        // Step to the end (not fetchOne): a RETURNING statement is complete only when done.
        // Every caller ends its statement with `RETURNING id`.
        guard let id = try db.fetchAll(sql, arguments, { try $0["id"] as Int64 }).first else {
            throw TrackerError("internal: no id returned by \(sql.prefix(40))…")
        }
        return id
    }
}
