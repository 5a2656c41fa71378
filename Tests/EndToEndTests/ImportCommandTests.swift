import Foundation
import Testing

/// `init` and `import` on the bundled documents: what the import must yield (docs/SCHEMA.md), with exact values.
@Suite struct ImportCommandTests {
    @Test func initYieldsThePlanItsVisionsAndActions() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let output = try cli.succeed(["init"])
        // Documents are named by their titles, and counts agree with their nouns (1 commitment).
        #expect(output.contains("\n专家解读 | 《人工智能能力建设普惠计划》: created — 1 plan, 5 visions, 10 actions, 1 commitment, 3 initiatives, 0 indicator values\n"))
        #expect(output.contains("\n加强人工智能能力建设，推动数字红利普惠全球: created — 11 initiatives, 20 indicator values\n"))
        #expect(try cli.sqlite("SELECT slug, title, title_en, proposed_on FROM plans") == [
            "ai-capacity-building|人工智能能力建设普惠计划|AI Capacity-Building Action Plan for Good and for All|2024-09-25",
        ])
        #expect(try cli.sqlite("SELECT number, title FROM visions ORDER BY number") == [
            "1|促进人工智能和数字基础设施联通", "2|推进“人工智能+”赋能千行百业", "3|加强人工智能素养和人才培养",
            "4|提升人工智能数据安全和多样性", "5|确保人工智能安全可靠可控",
        ])
        #expect(try cli.sqlite("SELECT group_concat(number) FROM (SELECT number FROM actions ORDER BY id)") == ["1,2,3,4,5,6,7,8,9,10"])
        #expect(try cli.sqlite("SELECT a.number, v.number FROM actions a JOIN visions v ON v.id = a.vision_id ORDER BY a.number").map { $0.split(separator: "|")[1] }
            == ["1", "2", "2", "2", "3", "3", "3", "4", "4", "5"])
        #expect(try cli.sqlite("SELECT title FROM actions WHERE number = 6") == ["中国政府愿加强同发展中国家的人力资源援助合作"])
        #expect(try cli.sqlite("SELECT body FROM actions WHERE number = 6") == [
            "中国政府愿加强同发展中国家的人力资源援助合作，在今年举办首届人工智能能力建设研讨班的基础上，将于2025年底前重点面向发展中国家再举办十期人工智能领域研修研讨项目。",
        ])
    }

    @Test func actionSixCarriesTheTrainingCommitmentAndMilestone() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        #expect(try cli.sqlite("SELECT a.number, c.target_value, c.target_unit, c.due_on FROM commitments c JOIN actions a ON a.id = c.action_id") == [
            "6|10.0|期|2025-12-31",
        ])
        #expect(try cli.sqlite("SELECT m.slug, m.target_count, m.due_on, a.number FROM milestones m JOIN commitments c ON c.id = m.commitment_id JOIN actions a ON a.id = c.action_id") == [
            "training-2025|10|2025-12-31|6",
        ])
        let baseline = try cli.sqlite("SELECT baseline_note FROM milestones")
        #expect(baseline.first?.contains("首届人工智能能力建设研讨班") == true)
        #expect(try cli.count("training_sessions") == 0)  // the 2024 workshop is the baseline, not one of the ten
    }

    @Test func indicatorsHaveExactValues() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        let rows = Set(try cli.sqlite("SELECT i.slug, v.qualifier, v.value, i.unit, coalesce(v.as_of, '') FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id"))
        let expected: Set<String> = [
            "compute-total|>|230.0|EFLOPS|2023-12-31",
            "compute-intelligent|=|70.0|EFLOPS|2023-12-31",
            "compute-intelligent-growth|>|70.0|%|2023-12-31",
            "data-production|=|32.85|ZB|2023",
            "data-production-growth|=|22.44|%|2023",
            "ai-companies|>|4500.0|家|",
            "smart-factories|=|421.0|家|",
            "digital-rd-tools-adoption|=|80.1|%|",
            "key-process-nc-rate|=|62.9|%|",
            "demo-factory-rd-time-reduction|~|20.7|%|",
            "demo-factory-productivity-gain|~|34.8|%|",
            "demo-factory-defect-reduction|~|27.4|%|",
            "demo-factory-carbon-reduction|~|21.2|%|",
            "medical-ai-applications|=|257.0|项|2023-12-31",
            "zhengxiaoyun-service-items|>|100.0|个|",
            "zhengxiaoyun-service-scenarios|>|1000.0|个|",
            "itu-casebook-countries|=|38.0|个|",
            "itu-casebook-cases|=|219.0|份|",
            "itu-casebook-selected|=|53.0|个|",
            "itu-casebook-sdgs|=|17.0|项|",
        ]
        #expect(rows == expected)
    }

    @Test func initiativesCarryTheirDates() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        let rows = Set(try cli.sqlite("SELECT name, kind, coalesce(announced_on, '') FROM initiatives"))
        #expect(rows == [
            "人工智能能力建设普惠计划|plan|2024-09-25",
            "加强人工智能能力建设国际合作决议|resolution|2024-07-01",
            "全球人工智能治理倡议|initiative|2023-10",
            "中国-金砖国家人工智能发展与合作中心|platform|2024-06-10",
            "“人工智能+”行动|programme|2024-03-05",
            "生成式人工智能服务管理办法|policy|2023-03",
            "智慧旅游创新发展行动计划|plan|2024-05",
            "政府工作报告|report|2024",
            "“十四五”生态环境监测规划|plan|",
            "人工智能安全治理框架|framework|",
            "人工智能向善：创新扩大影响案例集|report|",
        ])
    }

    @Test func everyRowPointsAtAVerbatimQuote() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        #expect(try cli.sqlite("SELECT count(*) FROM sources s JOIN documents d ON d.id = s.document_id WHERE instr(d.body, s.quote) = 0") == ["0"])
        for table in ["plans", "visions", "actions", "commitments", "initiatives", "indicator_values"] {
            #expect(try cli.sqlite("SELECT count(*) FROM \(table) WHERE source_id IS NULL") == ["0"], "\(table)")
        }
        // Line numbers point into the original file.
        let line = try cli.sqlite("SELECT s.line FROM actions a JOIN sources s ON s.id = a.source_id WHERE a.number = 6")
        #expect(line == ["67"])
        #expect(try cli.sqlite("PRAGMA foreign_key_check") == [])
    }

    @Test func nothingFromTheBoilerplate() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        for fragment in ["82341063", "2-786", "邮发代号", "企业成长计划", "阅读原文", "扫码订阅", "微信扫一扫", "mmbiz.qpic.cn", "杂志官方抖音号"] {
            #expect(try cli.sqlite("SELECT count(*) FROM documents WHERE instr(body, '\(fragment)')") == ["0"], "\(fragment)")
        }
        #expect(try cli.sqlite("SELECT count(*) FROM initiatives WHERE name LIKE '%中国信息安全%' OR name LIKE '%企业成长%'") == ["0"])
        #expect(try cli.sqlite("SELECT count(*) FROM indicator_values WHERE value IN (82341063, 2786, 786, 10)") == ["0"])
        // The page-broken sentences are whole again.
        #expect(try cli.sqlite("SELECT count(*) FROM documents WHERE instr(body, '激发传统文化的魅力和活力') AND instr(body, '实现跨界融合和效率提升')") == ["1"])
    }

    @Test func secondInitChangesNothing() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        let before = try cli.dump()
        let output = try cli.succeed(["init"])
        #expect(output == "\(cli.database): schema up to date\n加强人工智能能力建设，推动数字红利普惠全球: unchanged\n专家解读 | 《人工智能能力建设普惠计划》: unchanged\n")
        #expect(try cli.dump() == before)
    }

    @Test func dryRunPrintsAndWritesNothing() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        let before = try cli.dump()
        let output = try cli.succeed(["import", "--dry-run"])
        #expect(output.contains("人工智能能力建设普惠计划"))
        #expect(try cli.dump() == before)
        let fresh = try PlantrackProcess()
        defer { fresh.cleanUp() }
        try fresh.succeed(["import", "--dry-run"])
        #expect(!FileManager.default.fileExists(atPath: fresh.database))
    }

    @Test func changedDocumentUpdatesInPlaceAndKeepsProgress() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        try cli.succeed(["progress", "add", "3", "Green AI pilot launched", "--date", "2025-02-01"])
        let actionIDs = try cli.sqlite("SELECT id FROM actions ORDER BY number")
        let original = try String(contentsOf: PlantrackProcess.root.appendingPathComponent("Seeds/documents/004_7ea888aca572e921.txt"), encoding: .utf8)
        let changed = original.replacingOccurrences(of: "助力全球气候治理和可持续发展", with: "助力全球气候治理、海洋保护和可持续发展")
        #expect(changed != original)
        try FileManager.default.createDirectory(atPath: cli.path("v2"), withIntermediateDirectories: true)
        let file = try cli.write("v2/004_7ea888aca572e921.txt", changed)
        let output = try cli.succeed(["import", file])
        #expect(output.contains("updated — 1 plan, 5 visions, 10 actions"))
        #expect(try cli.sqlite("SELECT id FROM actions ORDER BY number") == actionIDs)
        #expect(try cli.sqlite("SELECT instr(body, '海洋保护') > 0 FROM actions WHERE number = 3") == ["1"])
        #expect(try cli.sqlite("SELECT a.number, u.note FROM progress_updates u JOIN actions a ON a.id = u.action_id") == ["3|Green AI pilot launched"])
        #expect(try cli.sqlite("SELECT count(*) FROM sources s JOIN documents d ON d.id = s.document_id WHERE instr(d.body, s.quote) = 0") == ["0"])
        #expect(try cli.sqlite("PRAGMA foreign_key_check") == [])
        #expect(try cli.count("documents") == 2)
    }

    @Test func badDocumentsAreRefusedNamingTheFile() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        let empty = try cli.write("empty.md", "  \n\n")
        try cli.refuse(["import", empty], "\(empty): empty document")
        let binary = try cli.write("binary.txt", bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14])
        try cli.refuse(["import", binary], "\(binary)")
        let latin1 = try cli.write("latin1.txt", bytes: Array("# Plan\n\nCaf".utf8) + [0xE9, 0x0A])
        try cli.refuse(["import", latin1], "\(latin1):3: invalid UTF-8")
        let mismatch = try cli.write("mismatch.md", "# 测试计划\n\n提出“三项行动”：\n\n* 行动一。\n* 行动二。\n")
        try cli.refuse(["import", mismatch], "3")
        try cli.refuse(["import", cli.path("missing.md")], "\(cli.path("missing.md")): No such file or directory")
    }

    @Test func importsAnEnglishPlanOnTheRulesAlone() throws {
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        let plan = """
            # Regional Digital Skills Plan

            Adopted on 12 March 2025. The plan sets out three goals and four actions.

            ## Goals

            1. Close the digital skills gap.
            2. Expand broadband to rural schools.
            3. Build trust in public AI services.

            ## Actions

            1. Establish 12 regional training hubs by the end of 2026.
            2. Train 3000 teachers by June 2026.
            3. Publish an AI procurement guideline.
            4. Review progress every year.
            """
        let file = try cli.write("regional-plan.md", plan)
        let output = try cli.succeed(["import", file])
        #expect(output.contains("created — 1 plan, 3 visions, 4 actions"))
        #expect(try cli.sqlite("SELECT a.number, c.target_value, c.target_unit, c.due_on FROM commitments c JOIN actions a ON a.id = c.action_id ORDER BY a.number") == [
            "1|12.0|regional training hubs|2026-12-31", "2|3000.0|teachers|2026-06-30",
        ])
    }
}
