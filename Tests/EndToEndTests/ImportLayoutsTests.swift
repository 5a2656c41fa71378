import Foundation
import Testing

/// `import` on plans in other layouts, translations, and the review loop (dry-run JSON, curate export, --curation).
@Suite struct ImportLayoutsTests {
    static func fixture(_ name: String) -> String {
        PlantrackProcess.root.appendingPathComponent("Tests/Fixtures/plans/\(name)").path
    }

    @Test func aMinistryPlanImportsItsTasksGroupingAndTargets() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let output = try cli.succeed(["import", Self.fixture("zh-ministry-compute-action-plan.md")])
        #expect(output.hasSuffix("智能算力基础设施协同发展行动计划: created — 1 plan, 6 visions, 25 actions, 2 commitments, 9 targets, 0 initiatives, 1 indicator value\n"))
        #expect(try cli.sqlite("""
            SELECT slug, kind, qualifier, target_value, target_unit, due_on FROM commitments WHERE action_id IS NULL ORDER BY id
            """) == [
            "zh-ministry-compute-action-plan-t1|level|>|300.0|EFLOPS|2025-12-31",
            "zh-ministry-compute-action-plan-t2|share|=|35.0|%|2025-12-31",
            "zh-ministry-compute-action-plan-t3|level|>=|20.0|个|2025-12-31",
            "zh-ministry-compute-action-plan-t4|level|>|1800.0|EB|2025-12-31",
            "zh-ministry-compute-action-plan-t5|share|>=|30.0|%|2025-12-31",
            "zh-ministry-compute-action-plan-t6|share|=|100.0|%|2025-12-31",
            "zh-ministry-compute-action-plan-t7|level|<=|1.5|倍|2025-12-31",
            "zh-ministry-compute-action-plan-t8|share|=|80.0|%|2025-12-31",
            "zh-ministry-compute-action-plan-t9|share|>=|40.0|%|2025-12-31",
        ])
        #expect(try cli.sqlite("""
            SELECT count(*) FROM commitments c JOIN plans p ON p.id = c.plan_id JOIN sources s ON s.id = c.source_id
            WHERE c.action_id IS NULL AND p.slug = 'zh-ministry-compute-action-plan' AND s.line = 17
            """) == ["9"])
        #expect(try cli.sqlite("SELECT v.number, count(*) FROM actions a JOIN visions v ON v.id = a.vision_id GROUP BY v.number") == [
            "1|4", "2|5", "3|4", "4|4", "5|4", "6|4",
        ])
        #expect(try cli.count("initiatives") == 0)
        // The main targets are not indicator values; the dated fact is.
        #expect(try cli.sqlite("SELECT v.value, i.unit, v.as_of FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id") == ["230.0|EFLOPS|2023-12-31"])
    }

    @Test func aDocumentWithoutStructureSaysSoAndStaysSearchable() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let output = try cli.succeed(["import", "--text-only", Self.fixture("en-article-no-structure.md")])
        #expect(output.hasSuffix("How Regions Are Building AI Capacity: created — 1 initiative, 3 indicator values; no plan structure found (0 actions): stored for search only\n"))
        #expect(try cli.count("plans") == 0)
        #expect(try cli.count("passages") == 4)
        #expect(try cli.succeed(["search", "broadband"]).contains("rural schools"))
    }

    @Test func aTranslationAttachesToItsPlanByPosition() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        let output = try cli.succeed(["import", Self.fixture("en-ai-capacity-building-translation.md")])
        #expect(output.hasSuffix("AI Capacity-Building Action Plan for Good and for All: created — translation of ai-capacity-building: 5 visions, 10 actions, 1 commitment\n"))
        #expect(try cli.count("plans") == 1)
        #expect(try cli.sqlite("SELECT count(*) FROM actions WHERE title_en IS NOT NULL AND body_en IS NOT NULL AND source_en_id IS NOT NULL") == ["10"])
        #expect(try cli.sqlite("SELECT title_en FROM actions WHERE number = 6") == [
            "The Chinese government will strengthen human-resources cooperation with developing countries",
        ])
        #expect(try cli.sqlite("SELECT title_en FROM visions WHERE number = 1") == ["Promoting the connectivity of AI and digital infrastructure"])
        // The English passage is the translation's, the Chinese one the original's.
        #expect(try cli.sqlite("""
            SELECT d.slug, s.line FROM actions a JOIN sources s ON s.id = a.source_en_id JOIN documents d ON d.id = s.document_id WHERE a.number = 6
            """) == ["en-ai-capacity-building-translation|26"])
        #expect(try cli.sqlite("SELECT s.line FROM actions a JOIN sources s ON s.id = a.source_id WHERE a.number = 6") == ["67"])
        #expect(try cli.sqlite("SELECT count(*) FROM documents WHERE translation_of = (SELECT id FROM plans WHERE slug = 'ai-capacity-building')") == ["1"])
        #expect(try cli.sqlite("SELECT count(*) FROM sources s JOIN documents d ON d.id = s.document_id WHERE instr(d.body, s.quote) = 0") == ["0"])
        #expect(try cli.sqlite("PRAGMA foreign_key_check") == [])
        // Importing the original again keeps the English text.
        let original = try String(contentsOf: PlantrackProcess.root.appendingPathComponent("Seeds/documents/004_7ea888aca572e921.txt"), encoding: .utf8)
        let changed = try cli.write("004_7ea888aca572e921.txt", original.replacingOccurrences(of: "助力全球气候治理和可持续发展", with: "助力全球气候治理、海洋保护和可持续发展"))
        try cli.succeed(["import", changed])
        #expect(try cli.sqlite("SELECT count(*) FROM actions WHERE body_en IS NOT NULL AND source_en_id IS NOT NULL") == ["10"])
        #expect(try cli.sqlite("PRAGMA foreign_key_check") == [])
    }

    @Test func translationOfOnTheCommandLineAndMismatchesAreRefused() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        try cli.refuse(
            ["import", "--translation-of", "ai-capacity-building", Self.fixture("en-ai-declaration-13-points.md")],
            "the translation lists 0 visions, plan ai-capacity-building has 5; nothing imported")
        let shortText = try String(contentsOfFile: Self.fixture("en-ai-capacity-building-translation.md"), encoding: .utf8)
            .replacingOccurrences(of: "translation_of: ai-capacity-building\n", with: "")
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("9. ") }.joined(separator: "\n")
        let short = try cli.write("short-translation.md", shortText.replacingOccurrences(of: "10. China", with: "9. China"))
        try cli.refuse(["import", "--translation-of", "ai-capacity-building", short], "the translation lists 9 actions, plan ai-capacity-building has 10")
        try cli.refuse(["import", "--translation-of", "no-such-plan", short], "translation of no-such-plan, but there is no plan no-such-plan")
        try cli.refuse(["import", "--translation-of", "ai-capacity-building"], "--translation-of takes exactly one file")
    }

    @Test func aTranslationFillsTheEnglishTextOfTheMainTargets() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let original = try cli.write("zh-plan.md", """
            # 数据技能行动方案

            一、总体要求

            （一）主要目标。到2027年，培训数据人才超过5000人，数据开放率达到60%。

            二、重点任务

            （一）建设培训平台。完善线上课程。

            （二）开放公共数据。编制开放目录。

            三、保障措施

            （三）加强组织领导。落实工作责任。
            """)
        let english = """
            ---
            translation_of: zh-plan
            ---
            # Data Skills Action Plan

            Main targets: By 2027, more than 5,000 data professionals are trained and 60% of public data are open.

            ## Actions

            1. Build a training platform. Improve online courses.
            2. Open public data. Compile an open-data catalogue.
            """
        let translation = try cli.write("en-plan.md", english)
        #expect(try cli.succeed(["import", original]).hasSuffix("数据技能行动方案: created — 1 plan, 0 visions, 2 actions, 0 commitments, 2 targets, 0 initiatives, 0 indicator values\n"))
        #expect(try cli.succeed(["import", translation]).hasSuffix("Data Skills Action Plan: created — translation of zh-plan: 0 visions, 2 actions, 0 commitments, 2 targets\n"))
        #expect(try cli.sqlite("SELECT target_value, qualifier, body, body_en FROM commitments WHERE action_id IS NULL ORDER BY id") == [
            "5000.0|>|培训数据人才超过5000人|more than 5,000 data professionals are trained",
            "60.0|=|数据开放率达到60%|60% of public data are open",
        ])
        #expect(try cli.sqlite("SELECT title_en FROM actions ORDER BY number") == ["Build a training platform", "Open public data"])
        let fewer = try cli.write("en-fewer.md", english.replacingOccurrences(of: " and 60% of public data are open", with: ""))
        try cli.refuse(["import", fewer], "the translation lists 1 targets, plan zh-plan has 2; nothing imported")
    }

    @Test func dryRunJSONHasEveryRowWithItsLineAndQuote() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let output = try cli.succeed(["import", "--dry-run", "--format", "json", Self.fixture("zh-ministry-compute-action-plan.md")])
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        let plan = try #require((documents.first?["plans"] as? [[String: Any]])?.first)
        let targets = try #require(plan["targets"] as? [[String: Any]])
        #expect(targets.count == 9)
        let ratio = targets[6]
        #expect(ratio["target_value"] as? Double == 1.5)
        #expect(ratio["target_unit"] as? String == "倍")
        #expect(ratio["qualifier"] as? String == "<=")
        #expect(ratio["kind"] as? String == "level")
        #expect(ratio["due_on"] as? String == "2025-12-31")
        #expect((ratio["source"] as? [String: Any])?["line"] as? Int == 17)
        #expect((ratio["source"] as? [String: Any])?["quote"] as? String == "枢纽节点间网络时延不高于理论时延1.5倍")
        let actions = try #require(plan["actions"] as? [[String: Any]])
        #expect(actions.count == 25)
        #expect(actions.allSatisfy { ($0["source"] as? [String: Any])?["quote"] is String && ($0["source"] as? [String: Any])?["line"] is Int })
        #expect(!FileManager.default.fileExists(atPath: cli.database))
        try cli.refuse(["import", "--format", "json", Self.fixture("zh-lead-phrase-points.md")], "--format json needs --dry-run")
    }

    @Test func curateExportThenImportCurationKeepsTheFixOnEveryReimport() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let plan = Self.fixture("zh-lead-phrase-points.md")
        try cli.succeed(["import", plan])
        let exported = try cli.succeed(["curate", "export", "zh-lead-phrase-points"])
        let overlay = try #require(try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: [String: Any]])
        let entry = try #require(overlay["zh-lead-phrase-points.md"]?["plan"] as? [String: Any])
        #expect((entry["actions"] as? [[String: Any]])?.map { $0["title"] as? String } == ["坚持以人为本", "加强政策对话", "共建算力设施", "促进人才交流", "弥合数字鸿沟"])
        let edited = exported
            .replacingOccurrences(of: "\"title\" : \"加强政策对话\"", with: "\"title\" : \"定期举行政策对话\", \"titleEn\" : \"Hold regular policy dialogues\"")
        #expect(edited != exported)
        let file = try cli.write("curation.json", edited)
        try cli.succeed(["import", "--curation", file, plan])
        #expect(try cli.sqlite("SELECT title, title_en FROM actions WHERE number = 2") == ["定期举行政策对话|Hold regular policy dialogues"])
        // A re-import without the file keeps the fix, and a second run changes nothing.
        #expect(try cli.succeed(["import", plan]).hasSuffix("区域人工智能合作倡议: unchanged\n"))
        let changed = try cli.write("zh-lead-phrase-points.md", try String(contentsOfFile: plan, encoding: .utf8) + "\n本倡议由各方共同发布。\n")
        try cli.succeed(["import", changed])
        #expect(try cli.sqlite("SELECT title FROM actions WHERE number = 2") == ["定期举行政策对话"])
        // A broken overlay is refused and changes nothing.
        let broken = try cli.write("broken.json", edited.replacingOccurrences(of: "加强政策对话。各方愿", with: "不存在的引文。"))
        try cli.refuse(["import", "--curation", broken, plan], "not found in the document")
        try cli.refuse(["curate", "export", "no-such-plan"], "no plan no-such-plan")
    }
}
