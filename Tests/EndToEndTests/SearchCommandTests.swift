import Foundation
import Testing

/// `plantrack search` on the built binary over the bundled documents and logged notes.
@Suite struct SearchCommandTests {
    func hits(_ cli: PlantrackProcess, _ text: String) throws -> [[String: Any]] {
        let json = try cli.succeed(["search", text, "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    }

    @Test func twoCharacterChineseQueryFindsTheDocuments() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        let found = try hits(cli, "算力")
        let passages = found.filter { $0["kind"] as? String == "passage" }
        #expect(!passages.isEmpty)
        for passage in passages {
            #expect(passage["document"] is String)
            #expect((passage["line"] as? Int ?? 0) > 0)
            #expect((passage["snippet"] as? String)?.contains("算力") == true)
            #expect((passage["snippet"] as? String)?.contains("[算力]") == false)  // plain in JSON
        }
        let table = try cli.succeed(["search", "算力"])
        #expect(table.contains("[算力]"))
    }

    @Test func longerChineseQueryFindsFewerButStillSome() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        let short = try hits(cli, "算力")
        let long = try hits(cli, "智能算力")
        #expect(!long.isEmpty && long.count <= short.count)
        #expect(try cli.succeed(["search", "智能算力", "--format", "markdown"]).contains("[智能算力]"))
    }

    @Test func notesAreFoundWithTheirActionAndID() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        try cli.succeed(["progress", "add", "6", "第二期研讨班在内罗毕举办", "--date", "2025-05-20"])
        let id = try cli.succeed(["progress", "add", "9", "Joint centre opened in Nairobi", "--date", "2025-06-02"])
        for query in ["内罗毕", "研讨", "nairobi"] {
            let found = try hits(cli, query).filter { $0["kind"] as? String == "update" }
            #expect(found.count == 1 || query == "nairobi", "\(query)")
            #expect(found.allSatisfy { $0["action"] is Int && $0["update_id"] is Int && $0["reported_on"] is String })
        }
        let english = try hits(cli, "NAIROBI centre").filter { $0["kind"] as? String == "update" }
        #expect(english.map { $0["update_id"] as? Int } == [Int(id.trimmingCharacters(in: .whitespacesAndNewlines))])
        #expect(english.first?["action"] as? Int == 9)
    }

    @Test func emptySearchIsRefused() throws {
        let cli = try ProgressCommandTests.initialised()
        defer { cli.cleanUp() }
        try cli.refuse(["search", "  "], "search: the search text is empty")
    }
}
