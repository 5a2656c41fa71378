import Importer
import Storage
import Testing

@testable import Tracker
@testable import Presentation

/// `plantrack search`: Chinese queries of two characters (instr) and more (trigram FTS5), English
/// in any case, several terms, and the index kept in step with the loader and the progress log.
@Suite struct SearchTests {
    func hits(_ query: String, in fixture: ReportFixture) throws -> [SearchHit] {
        try TextSearch(db: fixture.db).search(query)
    }

    func describe(_ hit: SearchHit) -> String {
        switch hit.kind {
        case .passage: "\(hit.document ?? "?"):\(hit.line ?? 0) \(hit.snippet.highlighted())"
        case .update: "action \(hit.action ?? 0) #\(hit.updateID ?? 0) \(hit.snippet.highlighted())"
        case .session: "session #\(hit.sessionID ?? 0) \(hit.reportedOn ?? "") \(hit.snippet.highlighted())"
        }
    }

    @Test func twoCharacterChineseQueryFindsPassagesAndNotes() throws {
        let fixture = try ReportFixture()
        #expect(try hits("算力", in: fixture).map(describe) == [
            "caict-article:1 截至2023年底，中国[算力]总规模超230 EFLOPS，其中智能[算力]规模达到70 EFLOPS。",
            "caict-article:3 2022年底智能[算力]规模为41 EFLOPS。",
            "action 6 #12 …workshop held in Tashkent ([算力] and data)",
        ])
    }

    @Test func longerChineseQueryGoesThroughTheIndex() throws {
        let fixture = try ReportFixture()
        #expect(try hits("智能算力规模", in: fixture).map(describe) == [
            "caict-article:1 截至2023年底，中国算力总规模超230 EFLOPS，其中[智能算力规模]达到70 EFLOPS。",
            "caict-article:3 2022年底[智能算力规模]为41 EFLOPS。",
        ])
        #expect(try hits("研讨班", in: fixture).map(describe) == [
            "plan-reading:5 行动六：开展人工智能能力建设培训，2025年底前举办10期[研讨班]。",
            "action 6 #10 第三期[研讨班]在达卡举办",
            "action 6 #6 第一期[研讨班]在上海举办，42名学员来自21国",
        ])
    }

    /// The trigram index and a plain substring scan must agree on every query long enough for it.
    @Test(arguments: ["人工智能", "EFLOPS", "workshop", "研讨班", "能力建设", "2025年", "visas delayed"])
    func indexAgreesWithASubstringScan(query: String) throws {
        let fixture = try ReportFixture()
        let found = try hits(query, in: fixture)
        let passages = try fixture.db.fetchAll(
            "SELECT count(*) FROM passages WHERE instr(lower(text), lower(?)) > 0", [query]) { $0.int(at: 0) }[0]
        let notes = try fixture.db.fetchAll(
            "SELECT count(*) FROM progress_updates WHERE instr(lower(note), lower(?)) > 0", [query]) { $0.int(at: 0) }[0]
        #expect(found.filter { $0.kind == .passage }.count == passages)
        #expect(found.filter { $0.kind == .update }.count == notes)
        #expect(found.count > 0)
    }

    @Test func englishMatchesInAnyCaseAndEveryTermIsRequired() throws {
        let fixture = try ReportFixture()
        #expect(try hits("WORKSHOP", in: fixture).map(describe) == [
            "action 6 #12 Fourth [workshop] held in Tashkent (算力 and data)",
            "action 6 #8 Second [workshop] held in Nairobi",
        ])
        #expect(try hits("workshop nairobi", in: fixture).map(describe) == ["action 6 #8 Second [workshop] held in [Nairobi]"])
        // A two-character term (instr) together with a longer one (index).
        #expect(try hits("上海 研讨班", in: fixture).map(describe) == ["action 6 #6 第一期[研讨班]在[上海]举办，42名学员来自21国"])
    }

    /// The web app's search also finds training sessions by title, place or host; the command line's does not.
    @Test func sessionsAreFoundWhenAsked() throws {
        let fixture = try ReportFixture()
        let sessions = { (query: String) in try TextSearch(db: fixture.db).search(query, includingSessions: true).filter { $0.kind == .session } }
        #expect(try sessions("workshop nairobi").map(describe) == ["session #3 2025-05-20 AI capacity-building [workshop] · [Nairobi]"])
        #expect(try sessions("上海 研讨班").map(describe) == ["session #2 2025-03-18 人工智能能力建设[研讨班]（第一期） · [上海] · CAICT"])
        #expect(try sessions("unesco").map(describe) == ["session #5 2025-09-02 …on AI for SDGs · Tashkent · [UNESCO]"])
        #expect(try hits("workshop nairobi", in: fixture).allSatisfy { $0.kind != .session })
    }

    @Test func querySyntaxIsPlainText() throws {
        let fixture = try ReportFixture()
        for query in ["\"", "a\"b", "AND", "NEAR(x y)", "*", "col:value", "'; DROP TABLE passages; --"] {
            #expect(throws: Never.self) { try TextSearch(db: fixture.db).search(query) }
        }
        #expect(try hits("\"partial\"", in: fixture).map(describe) == ["action 3 #5 Exchange visas delayed, [\"partial\"] approval"])
        #expect(throws: TrackerError(.search, "the search text is empty")) { try TextSearch(db: fixture.db).search(" \u{3000} ") }
    }

    @Test func tableHighlightsAndJSONIsPlain() throws {
        let fixture = try ReportFixture()
        let found = try hits("算力", in: fixture)
        let table = TextSearch.table(found, for: .table)
        #expect(table.columns == ["found_in", "snippet"])
        #expect(table.rows.map { $0[0] } == ["caict-article:1", "caict-article:3", "action 6, update #12, 2025-09-02"].map(DatabaseValue.text))
        #expect(table.render(as: .table).contains("[算力]"))
        let fields = TextSearch.table(found, for: .json)
        #expect(fields.columns == ["kind", "document", "line", "action", "update_id", "reported_on", "snippet"])
        #expect(fields.rows[2][3] == .integer(6) && fields.rows[2][4] == .integer(12) && fields.rows[2][5] == .text("2025-09-02"))
        #expect(fields.rows[0][1] == .text("caict-article") && fields.rows[0][2] == .integer(1))
        let json = fields.render(as: .json)
        #expect(!json.contains("[算力]") && json.contains("中国算力总规模"))
    }

    @Test func snippetKeepsAWindowAroundTheFirstMatch() {
        let text = String(repeating: "前", count: 50) + "算力" + String(repeating: "后", count: 200)
        let snippet = Snippet(text, matching: ["算力"])
        #expect(snippet.highlighted() == "…" + String(repeating: "前", count: 30) + "[算力]" + String(repeating: "后", count: 68) + "…")
        #expect(snippet.plain.count == Snippet.maximumLength + 2)
        #expect(Snippet("line one\nline two", matching: ["two"]).highlighted() == "line one line [two]")
        #expect(Snippet("AI and ai", matching: ["Ai"]).highlighted() == "[AI] and [ai]")
    }

    @Test func notesAreIndexedAsTheyAreLogged() throws {
        let fixture = try ReportFixture()
        #expect(try hits("全新笔记", in: fixture).isEmpty)
        let id = try ProgressLog(db: fixture.db, plan: fixture.plan).add(
            ProgressEntry(actionNumber: 7, note: "全新笔记：绿色算力", status: .inProgress, reportedOn: ISODate("2025-09-01")!))
        #expect(try hits("全新笔记", in: fixture).map(describe) == ["action 7 #\(id) [全新笔记]：绿色算力"])
    }

    @Test func reimportingADocumentReplacesItsPassages() throws {
        let fixture = try ReportFixture()
        let loader = DocumentLoader(db: fixture.db)
        func document(_ body: String) -> ImportedDocument {
            ImportedDocument(slug: "new-doc", fileName: "new.txt", title: "New", body: body, passages: ReportFixture.passages(of: body))
        }
        _ = try loader.load(document("第一段：旧的内容\n\n  第二段：数字鸿沟  "), sha256: "1", fingerprint: "f1")
        #expect(try hits("数字鸿沟", in: fixture).map(describe) == ["new-doc:3 第二段：[数字鸿沟]"])
        #expect(try hits("旧的内容", in: fixture).count == 1)

        _ = try loader.load(document("第一段：新的内容\n第二段：数字鸿沟"), sha256: "2", fingerprint: "f2")
        #expect(try hits("旧的内容", in: fixture).isEmpty)
        #expect(try hits("数字鸿沟", in: fixture).map(describe) == ["new-doc:2 第二段：[数字鸿沟]"])
        #expect(try fixture.db.scalarInt("SELECT count(*) FROM passages WHERE document_id = (SELECT id FROM documents WHERE slug = 'new-doc')") == 2)
        // The index holds exactly the passages left: FTS5's own consistency check.
        try fixture.db.execute("INSERT INTO passages_fts (passages_fts, rank) VALUES ('integrity-check', 1)")
    }

    @Test func importedPassagesKeepTheLinesOfTheOriginalFile() throws {
        let fixture = try ReportFixture()
        let document = ImportedDocument(
            slug: "with-lines", fileName: "with-lines.txt", title: "With lines", body: "标题\n\n正文讲到算力。",
            passages: [SourceRef(line: 9, quote: "标题"), SourceRef(line: 12, quote: "正文讲到算力。")])
        _ = try DocumentLoader(db: fixture.db).load(document, sha256: "3", fingerprint: "f3")
        #expect(try hits("正文讲到", in: fixture).map(describe) == ["with-lines:12 [正文讲到]算力。"])
    }

    /// Databases imported before 0003 get their passages from the migration: one per non-blank line, trimmed.
    @Test func migrationSplitsExistingDocumentsIntoTrimmedLines() throws {
        let db = try Database(path: ":memory:")
        let all = try TrackerDatabase.migrator().migrations
        try DatabaseMigrator(migrations: all.filter { $0.version < 3 }).migrate(db)
        let body = "  标题 \n\n\u{3000}\u{3000}正文第一段。\r\n\t\n* item\u{00A0}\n\nlast line without end"
        try db.execute("INSERT INTO documents (slug, title, sha256, body) VALUES ('old', 'Old', 'x', ?)", [body])
        try db.execute("INSERT INTO plans (slug, title) VALUES ('p', 'P')")
        try db.execute("INSERT INTO actions (plan_id, number, title, body) VALUES (1, 1, 'a', 'b')")
        try db.execute("INSERT INTO progress_updates (action_id, reported_on, status, note) VALUES (1, '2025-01-02', 'in-progress', '旧笔记里的算力')")
        try DatabaseMigrator(migrations: all).migrate(db)

        let migrated = try db.fetchAll("SELECT line, text FROM passages ORDER BY line") { "\($0.int(at: 0)) \($0.string(at: 1))" }
        #expect(migrated == ["1 标题", "3 正文第一段。", "5 * item", "7 last line without end"])
        #expect(try TextSearch(db: db).search("旧笔记").count == 1)
        #expect(try TextSearch(db: db).search("正文第一段").count == 1)
    }
}
