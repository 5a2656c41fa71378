import Importer
import Storage

/// The curation overlay and the text it was read from (part of each import's fingerprint).
struct CurationFile: Sendable {
    let overlay: Curation
    let text: String
}

extension TrackerDatabase {
    /// The documents compiled into the binary from Seeds/documents.
    public static var bundledDocuments: [PlanDocument] {
        EmbeddedResources.seeds
            .filter { $0.name.hasPrefix("documents/") }
            .map { PlanDocument(fileName: String($0.name.dropFirst("documents/".count)), bytes: Array($0.contents.utf8)) }
    }

    /// Seeds/curation.json, compiled into the binary.
    static func bundledCuration() throws -> CurationFile {
        guard let file = EmbeddedResources.seeds.first(where: { $0.name == "curation.json" }) else {
            return CurationFile(overlay: .empty, text: "")
        }
        return CurationFile(overlay: try Curation(json: file.contents), text: file.contents)
    }

    /// Keeps each document entry of `curation`, replacing the one kept before for that document.
    func storeCuration(_ curation: Curation) throws {
        for fileName in curation.fileNames {
            guard let entry = curation.entryJSON(for: fileName) else { continue }
            try db.execute(
                """
                INSERT INTO curation_overlays (file_name, entry) VALUES (?, ?)
                ON CONFLICT (file_name) DO UPDATE SET entry = excluded.entry, applied_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
                """,
                [fileName, entry])
        }
    }

    /// The entries kept by `import --curation`, by document file name.
    func keptCuration() throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try db.fetchAll("SELECT file_name, entry FROM curation_overlays") {
            (try $0["file_name"] as String, try $0["entry"] as String)
        })
    }

    /// The bundled overlay with the entries kept by `import --curation` in place of its own.
    public func effectiveCuration() throws -> Curation {
        try Self.bundledCuration().overlay.merging(try Curation(entries: try keptCuration().map { ($0.key, $0.value) }))
    }

    /// `curate export PLAN`: the curation overlay of the document the plan was read from, with the
    /// plan's titles, English titles and vision links as the database holds them now.
    public func exportCuration(planSlug: String) throws -> String {
        let plans = try db.fetchAll(
            """
            SELECT p.id, p.title, p.title_en, d.file_name FROM plans p LEFT JOIN documents d ON d.id = p.document_id WHERE p.slug = ?
            """,
            [planSlug]) { (id: try $0["id"] as Int64, title: try $0["title"] as String, titleEn: try $0["title_en"] as String?, fileName: try $0["file_name"] as String?) }
        guard let plan = plans.first else { throw TrackerError("no plan \(planSlug)") }
        guard let path = plan.fileName else { throw TrackerError("plan \(planSlug) was not imported from a document") }
        let fileName = String(path.split(separator: "/").last ?? Substring(path))
        let visions = try db.fetchAll(
            "SELECT v.number, s.quote, v.title, v.title_en FROM visions v JOIN sources s ON s.id = v.source_id WHERE v.plan_id = ? ORDER BY v.number",
            [plan.id]) { Curation.Item(number: try $0["number"], quote: try $0["quote"], title: try $0["title"], titleEn: try $0["title_en"]) }
        let actions = try db.fetchAll(
            """
            SELECT a.number, s.quote, a.title, a.title_en, v.number AS vision_number FROM actions a JOIN sources s ON s.id = a.source_id
            LEFT JOIN visions v ON v.id = a.vision_id WHERE a.plan_id = ? ORDER BY a.number
            """,
            [plan.id]) {
                Curation.Item(
                    number: try $0["number"], quote: try $0["quote"], title: try $0["title"], titleEn: try $0["title_en"],
                    vision: try $0["vision_number"])
            }
        return try effectiveCuration().exporting(
            fileName: fileName, planSlug: planSlug, title: plan.title, titleEn: plan.titleEn, visions: visions, actions: actions
        ).json
    }

    /// The overlay an import applies to `fileName`: the bundled one with the kept entries in place of
    /// its own. Only that document's kept entry joins its fingerprint, so changing it reads just that document again.
    func curation(for fileName: String, bundled: CurationFile, kept: [String: String]) throws -> CurationFile {
        let overlay = bundled.overlay.merging(try Curation(entries: kept.map { ($0.key, $0.value) }))
        let entry = kept[String(fileName.split(separator: "/").last ?? "")].map { "\n" + $0 } ?? ""
        return CurationFile(overlay: overlay, text: bundled.text + entry)
    }
}
