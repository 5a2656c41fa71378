import Foundation
import Testing

/// Plans read as outlines: nested items keep their printed labels and paths, `progress add` takes a
/// label, a document without items is refused unless stored for search only, and curation and
/// translations work on nested plans.
@Suite struct OutlineImportTests {
    static let opinion = ImportLayoutsTests.fixture("zh-state-council-ai-plus-opinion.md")

    @Test func nestedMeasuresAreActionsWithTheirLabelsAndPaths() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let output = try cli.succeed(["import", Self.opinion])
        #expect(output.hasSuffix("国务院关于深入推进“人工智能+”行动的意见: created — 1 plan, 7 visions, 22 actions, 0 commitments, 3 targets, 4 initiatives, 0 indicator values\n"))
        #expect(try cli.sqlite("SELECT number, label, title FROM actions WHERE number IN (1, 4, 17, 18, 22) ORDER BY number") == [
            "1|二（一）1|加速科学发现进程", "4|二（二）1|培育智能原生新业态", "17|二（六）2|共建人工智能全球治理体系",
            "18|三（一）|提升模型基础能力", "22|三（五）|加强人才队伍建设",
        ])
        #expect(try cli.sqlite("SELECT outline_path FROM actions WHERE number = 3") == [
            "二、加快实施重点行动 › （一）“人工智能+”科学技术 › 3.创新哲学社会科学研究方法",
        ])
        #expect(try cli.sqlite("SELECT v.number, v.label, v.title, count(a.id) FROM visions v LEFT JOIN actions a ON a.vision_id = v.id GROUP BY v.id ORDER BY v.number") == [
            "1|二（一）|“人工智能+”科学技术|3", "2|二（二）|“人工智能+”产业发展|4", "3|二（三）|“人工智能+”消费提质|2",
            "4|二（四）|“人工智能+”民生福祉|3", "5|二（五）|“人工智能+”治理能力|3", "6|二（六）|“人工智能+”全球合作|2",
            "7|三|强化基础支撑能力|5",
        ])
        // Each figure of the general requirements with its own year; the figureless 2035 goal is a deliverable.
        #expect(try cli.sqlite("SELECT kind, qualifier, target_value, target_unit, due_on FROM commitments WHERE action_id IS NULL ORDER BY id") == [
            "share|>|70.0|%|2027-12-31", "share|>|90.0|%|2030-12-31", "deliverable||||2035-12-31",
        ])
        // 二十国集团 is a name, not twenty countries.
        #expect(try cli.sqlite("SELECT count(*) FROM commitments WHERE target_unit = '国'") == ["0"])
    }

    @Test func progressAddTakesAnActionByItsPrintedLabel() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["import", Self.opinion])
        let plan = ["--plan", "zh-state-council-ai-plus-opinion"]
        #expect(try cli.succeed(["progress", "add", "二（一）3", "课题立项", "--date", "2025-09-01"] + plan) == "1\n")
        // Half-width brackets name the same action.
        #expect(try cli.succeed(["progress", "add", "三(五)", "新增学科点", "--date", "2025-09-02"] + plan) == "2\n")
        #expect(try cli.succeed(["progress", "add", "5", "by number", "--date", "2025-09-03"] + plan) == "3\n")
        #expect(try cli.sqlite("SELECT a.number, u.note FROM progress_updates u JOIN actions a ON a.id = u.action_id ORDER BY u.id") == [
            "3|课题立项", "22|新增学科点", "5|by number",
        ])
        try cli.refuse(["progress", "add", "九（一）1", "x", "--date", "2025-09-01"] + plan, "no action labelled 九（一）1 in plan zh-state-council-ai-plus-opinion")
        let show = try cli.succeed(["action", "show", "三（五）", "--format", "csv"] + plan)
        #expect(show.contains("label,三（五）\r\n"))
        #expect(show.contains("outline,三、强化基础支撑能力 › （五）加强人才队伍建设\r\n"))
        #expect(show.contains("新增学科点"))
    }

    @Test func aDocumentWithoutItemsIsRefusedUnlessStoredForSearchOnly() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        let article = ImportLayoutsTests.fixture("en-article-no-structure.md")
        try cli.refuse(["import", article], "\(article): no plan structure found (0 actions); nothing imported (--text-only stores it for search only")
        let output = try cli.succeed(["import", "--text-only", article])
        #expect(output.hasSuffix("How Regions Are Building AI Capacity: created — 1 initiative, 3 indicator values; no plan structure found (0 actions): stored for search only\n"))
        #expect(try cli.succeed(["search", "broadband"]).contains("rural schools"))
        // With several files, one without items refuses them all.
        try cli.refuse(["import", Self.opinion, ImportLayoutsTests.fixture("en-article-no-structure.md")], "no plan structure found")
    }

    @Test func curationAndTranslationsWorkOnNestedPlans() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let plan = try cli.write("nested.md", """
            # 数字技能行动方案

            一、总体要求

            到2027年，培训覆盖率超过60%。

            二、重点行动

            （一）夯实基础

            1.建设培训中心。到2026年底，建成20个培训中心。

            2.开发课程资源。

            （二）扩大覆盖

            1.开展教师培训。

            2.推进国际合作。

            三、保障措施

            加强组织领导。
            """)
        try cli.succeed(["import", plan])
        #expect(try cli.sqlite("SELECT number, label FROM actions ORDER BY number") == ["1|二（一）1", "2|二（一）2", "3|二（二）1", "4|二（二）2"])
        let exported = try cli.succeed(["curate", "export", "nested"])
        #expect(exported.contains("\"quote\" : \"建设培训中心。到2026年底，建成20个培训中心。\""))
        let edited = exported.replacingOccurrences(
            of: "\"title\" : \"开发课程资源\",", with: "\"title\" : \"开发课程资源\", \"slug\" : \"courses\", \"titleEn\" : \"Develop courses\",")
        #expect(edited != exported)
        try cli.succeed(["import", "--curation", try cli.write("curation.json", edited), plan])
        #expect(try cli.sqlite("SELECT number, slug, title_en, label FROM actions WHERE slug IS NOT NULL") == ["2|courses|Develop courses|二（一）2"])
        let translation = try cli.write("nested-en.md", """
            ---
            translation_of: nested
            ---
            # Digital Skills Action Programme

            I. General requirements

            By 2027, raise training coverage to more than 60%.

            II. Key actions

            A. Lay the foundations

            1. Build training centres. By the end of 2026, build 20 training centres.

            2. Develop course materials.

            B. Widen the reach

            1. Train teachers.

            2. Promote international cooperation.

            III. Safeguards

            Strengthen leadership.
            """)
        #expect(try cli.succeed(["import", translation]).hasSuffix("Digital Skills Action Programme: created — translation of nested: 2 visions, 4 actions, 1 commitment, 1 target\n"))
        #expect(try cli.sqlite("SELECT number, title_en FROM actions ORDER BY number") == [
            "1|Build training centres", "2|Develop course materials", "3|Train teachers", "4|Promote international cooperation",
        ])
        #expect(try cli.sqlite("SELECT title_en FROM visions ORDER BY number") == ["Lay the foundations", "Widen the reach"])
    }
}
