import Foundation
import Testing

/// `plantrack import` on a saved web page, a Word file and a PDF (through `plantrack-convert`,
/// built beside the binary): the same plan in every format yields the same rows.
@Suite struct ImportFormatsTests {
    private static func fixture(_ name: String) -> String {
        PlantrackProcess.root.appendingPathComponent("Tests/Fixtures/formats/" + name).path
    }

    /// What the tests compare across formats: the plan, its items, targets and first item's title.
    private func rows(_ cli: PlantrackProcess) throws -> [String] {
        // Slugs follow the file name (compute-plan-gb2312), so they are compared without it.
        try cli.sqlite("SELECT title || '|' || coalesce(proposed_on, '') FROM plans")
            + cli.sqlite("SELECT number || '|' || title || '|' || coalesce(vision_id, '') FROM actions ORDER BY number")
            + cli.sqlite("SELECT number || '|' || title FROM visions ORDER BY number")
            + cli.sqlite(
                """
                SELECT substr(c.slug, length(p.slug) + 1) || '|' || coalesce(c.target_value, '') || '|' || coalesce(c.target_unit, '')
                    || '|' || coalesce(c.due_on, '') || '|' || c.body
                FROM commitments c JOIN plans p ON p.id = c.plan_id ORDER BY c.id
                """)
            + cli.sqlite("SELECT title || '|' || coalesce(publisher, '') || '|' || coalesce(published_on, '') FROM documents")
    }

    @Test func theFixturePlanImportsIdenticallyFromEveryFormat() throws {
        var results: [String: [String]] = [:]
        for name in ["compute-plan.md", "compute-plan.html", "compute-plan-gb2312.html", "compute-plan.docx", "compute-plan.pdf"] {
            let cli = try PlantrackProcess()
            defer { cli.cleanUp() }
            try cli.succeed(["import", Self.fixture(name)])
            results[name] = try rows(cli)
            // No passage holds page furniture.
            let furniture = try cli.sqlite(
                """
                SELECT text FROM passages WHERE text LIKE '%ICP%' OR text LIKE '%首页%' OR text LIKE '%分享%' OR text LIKE '%file://%'
                    OR text LIKE '%示例政务网%' OR text LIKE '%相关文件%' OR text GLOB '[0-9]/[0-9]'
                """)
            #expect(furniture == [], "\(name)")
            let format = try cli.sqlite("SELECT coalesce(format, 'text') FROM documents")
            #expect(format == [name.hasSuffix(".md") ? "text" : name.hasSuffix(".pdf") ? "pdf" : name.hasSuffix(".docx") ? "docx" : "html"])
        }
        let markdown = try #require(results["compute-plan.md"])
        #expect(markdown.first == "智能算力基础设施协同发展行动计划|2024-06-18")
        #expect(markdown.count == 1 + 25 + 6 + 11 + 1)  // plan, actions, visions, targets, document
        #expect(markdown.contains("1|优化算力设施布局|1"))
        for (name, rows) in results { #expect(rows == markdown, "\(name)") }
    }

    @Test func aPDFsPassagesKeepTheirPages() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["import", Self.fixture("compute-plan.pdf")])
        #expect(try cli.sqlite("SELECT min(page), max(page), count(*) FROM passages WHERE page IS NULL") == ["||0"])
        #expect(try cli.sqlite("SELECT min(page), max(page) FROM passages") == ["1|3"])
        #expect(try cli.sqlite("SELECT page FROM passages WHERE text LIKE '（一）优化算力设施布局%'") == ["1"])
        #expect(try cli.sqlite("SELECT count(*) FROM sources WHERE page IS NULL") == ["0"])
    }

    @Test func aGovCNStylePageImportsItsArticle() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let output = try cli.succeed(["import", Self.fixture("govcn-notice.html")])
        #expect(output == "关于加快推进数据要素市场建设的实施方案: created — 1 plan, 3 visions, 6 actions, 0 commitments, 2 targets, 0 initiatives, 0 indicator values\n")
        #expect(try cli.sqlite("SELECT title, publisher, published_on FROM documents") == ["关于加快推进数据要素市场建设的实施方案|国务院办公厅|2025-02-14"])
        #expect(try cli.sqlite("SELECT number, title FROM actions ORDER BY number LIMIT 2") == ["1|培育数据流通交易主体", "2|健全数据交易规则"])
        #expect(try cli.sqlite("SELECT count(*) FROM passages WHERE text LIKE '%ICP%' OR text LIKE '%分享%' OR text LIKE '%首页%'") == ["0"])
    }

    @Test func aWordFileWithAutomaticNumberingImportsItsItems() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["import", Self.fixture("numbered-plan.docx")])
        #expect(try cli.sqlite("SELECT title, publisher, published_on, format FROM documents") == ["数字乡村建设行动方案|示例农业农村部门|2025-03-12|docx"])
        #expect(try cli.sqlite("SELECT number, title FROM actions ORDER BY number") == [
            "1|夯实乡村数字基础设施", "2|发展智慧农业", "3|提升乡村数字治理水平",
        ])
        #expect(try cli.sqlite("SELECT text FROM passages WHERE text LIKE '（二）%'") == ["（二）发展智慧农业。推广农业物联网和智能农机装备应用。"])
    }

    @Test func aDryRunShowsWhatWasDropped() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let output = try cli.succeed(["import", "--dry-run", Self.fixture("compute-plan.html")])
        #expect(output.hasSuffix("""
            read as html; dropped 7 passages:
              - 示例政务网 English 搜索
              - 首页 政策 互动
              - 首页 > 政策 > 政策文件库
              - 发文机关： 国家信息化主管部门 成文日期： 2024年06月18日
              - 分享到：微信 微博 QQ空间
              - 相关文件 关于推进数据中心绿色发展的通知 算力基础设施高质量发展行动计划
              - 主办单位：示例政务网 版权所有 京ICP备05070218号 京公网安备11010202000001号

            """))
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    @Test func aTranslationCanComeFromAnyFormat() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["import", Self.fixture("numbered-plan.docx")])
        let output = try cli.succeed(["import", "--translation-of", "numbered-plan", Self.fixture("numbered-plan-en.html")])
        #expect(output == "Digital Village Action Plan: created — translation of numbered-plan: 0 visions, 3 actions, 0 commitments, 2 targets\n")
        #expect(try cli.sqlite("SELECT title_en FROM actions ORDER BY number") == [
            "Strengthen rural digital infrastructure", "Develop smart agriculture", "Improve rural digital governance",
        ])
    }

    @Test func badFilesAreRefusedInOneLineAndChangeNothing() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["import", Self.fixture("compute-plan.md")])
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        let cases = [
            ("bad/scan.pdf", "no text layer; run OCR first"),
            ("bad/encrypted.pdf", "encrypted PDF (password protected); nothing imported"),
            ("bad/truncated.pdf", "truncated PDF (no %%EOF marker at the end); nothing imported"),
            ("bad/truncated.docx", "damaged or truncated Word file (unreadable ZIP directory)"),
            ("bad/bomb.docx", "word/document.xml expands beyond 64 MB (a zip bomb?); nothing imported"),
            ("bad/empty-page.html", "no article text found in the page"),
        ]
        for (name, message) in cases {
            let result = try cli.run(["import", Self.fixture(name)])
            #expect(result.status == 1, "\(name)")
            #expect(result.stderr == "plantrack: error: \(Self.fixture(name)): \(message)\n", "\(name)")
            #expect(result.stdout == "")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == before)
    }

    @Test func withoutPopplerAPDFIsRefusedNamingThePackage() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["import", Self.fixture("compute-plan.md")])
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        let result = try cli.run(["import", Self.fixture("compute-plan.pdf")], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("compute-plan.pdf: reading a PDF needs pdftotext and pdfinfo from poppler-utils (apt-get install poppler-utils); not found\n"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == before)
    }
}
