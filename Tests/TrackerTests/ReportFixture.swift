import Foundation
import Importer
import Storage

@testable import Tracker

/// A fixed dataset for the report goldens, the search and the dashboard, written with SQL so it does
/// not depend on the importer: the plan's ten actions (Chinese titles), a 10-session milestone due
/// 2025-12-31 with a baseline and four counted sessions, updates over a year including a correction,
/// indicators, initiatives and their sources. Reports are read as of `asOf`.
struct ReportFixture {
    static let asOf = ISODate("2025-09-30")!

    let tracker: TrackerDatabase
    let plan: PlanScope
    var db: Database { tracker.db }

    static let planBody = """
        # 人工智能能力建设普惠计划

        行动一：促进人工智能基础设施互联互通。

        行动六：开展人工智能能力建设培训，2025年底前举办10期研讨班。

        行动三：加强人才交流，2025年6月前启动交流项目。
        """

    static let articleBody = """
        截至2023年底，中国算力总规模超230 EFLOPS，其中智能算力规模达到70 EFLOPS。

        2022年底智能算力规模为41 EFLOPS。

        2023年全国数据生产总量达32.85泽字节（ZB）。

        中方提出《全球人工智能治理倡议》，并开展“人工智能+”行动。
        """

    static let actions: [(title: String, english: String)] = [
        ("促进基础设施互联互通", "Connect AI infrastructure"),
        ("赋能产业发展", "Empower industries"),
        ("加强人才交流", "Exchange talent"),
        ("提升数据质量", "Improve data"),
        ("构建开源生态", "Open source"),
        ("开展能力建设培训", "Capacity-building training"),
        ("推动绿色发展", "Green AI"),
        ("加强安全治理", "AI safety"),
        ("深化国际合作", "Cooperation"),
        ("提升公众素养", "AI literacy"),
    ]

    init() throws {
        tracker = try TrackerDatabase(path: ":memory:", access: .create)
        try TrackerDatabase.migrator().migrate(tracker.db)
        let db = tracker.db
        try Self.load(into: db)
        plan = try PlanScope.resolve(nil, in: db)
    }

    /// One passage per non-blank line of a test body, trimmed of spaces, as the importer gives them.
    static func passages(of body: String) -> [SourceRef] {
        body.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let text = line.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : SourceRef(line: index + 1, quote: text)
        }
    }

    static func load(into db: Database) throws {
        try db.execute(
            "INSERT INTO documents (id, slug, title, publisher, published_on, sha256, body) VALUES (1, 'plan-reading', '专家解读', 'CAICT', '2024-10-07', 'a', ?)",
            [planBody])
        try db.execute(
            "INSERT INTO documents (id, slug, title, publisher, sha256, body) VALUES (2, 'caict-article', '加强人工智能能力建设', 'CAICT', 'b', ?)",
            [articleBody])
        for (document, body) in [(1, planBody), (2, articleBody)] {
            for passage in passages(of: body) {
                try db.execute(
                    "INSERT INTO passages (document_id, line, text) VALUES (?, ?, ?)", [document, passage.line, passage.quote])
            }
        }
        let sources: [(Int, Int, String)] = [
            (1, 1, "人工智能能力建设普惠计划"),
            (1, 3, "促进人工智能基础设施互联互通"),
            (1, 5, "开展人工智能能力建设培训，2025年底前举办10期研讨班"),
            (1, 7, "2025年6月前启动交流项目"),
            (2, 1, "中国算力总规模超230 EFLOPS"),
            (2, 1, "智能算力规模达到70 EFLOPS"),
            (2, 3, "2022年底智能算力规模为41 EFLOPS"),
            (2, 5, "2023年全国数据生产总量达32.85泽字节（ZB）"),
            (2, 7, "《全球人工智能治理倡议》"),
            (2, 7, "“人工智能+”行动"),
        ]
        for (index, source) in sources.enumerated() {
            try db.execute(
                "INSERT INTO sources (id, document_id, line, quote) VALUES (?, ?, ?, ?)", [index + 1, source.0, source.1, source.2])
        }
        try db.execute(
            """
            INSERT INTO plans (id, slug, title, title_en, proposed_on, document_id, source_id)
            VALUES (1, 'ai-capacity-building', '人工智能能力建设普惠计划', 'AI Capacity-Building Action Plan for Good and for All', '2024-09-25', 1, 1)
            """)
        try db.execute("INSERT INTO visions (id, plan_id, number, title, title_en) VALUES (1, 1, 1, '普惠发展', 'Inclusive development')")
        for (index, action) in actions.enumerated() {
            let number = index + 1
            try db.execute(
                "INSERT INTO actions (id, plan_id, number, title, title_en, body, vision_id, source_id) VALUES (?, 1, ?, ?, ?, ?, 1, ?)",
                [number, number, action.title, action.english, action.title + "。", number == 1 ? 2 : number == 6 ? 3 : nil])
        }
        try db.execute(
            """
            INSERT INTO commitments (id, plan_id, action_id, slug, body, kind, target_value, target_unit, due_on, source_id) VALUES
                (1, 1, 6, 'training-programmes-2025', '2025年底前举办10期研讨班', 'level', 10, '期', '2025-12-31', 3),
                (2, 1, 3, 'talent-exchange', '2025年6月前启动交流项目', 'deliverable', NULL, NULL, '2025-06', 4),
                (3, 1, 5, 'open-source-2025', '建设开源社区', 'deliverable', NULL, NULL, '2025', NULL),
                (4, 1, 1, 'infrastructure-map', '发布基础设施图谱', 'deliverable', NULL, NULL, '2025-03-31', NULL)
            """)
        try db.execute(
            """
            INSERT INTO milestones (id, commitment_id, slug, title, target_count, unit, due_on, baseline_note)
            VALUES (1, 1, 'training-2025', '2025年十期能力建设研讨班', 10, '期', '2025-12-31', '2024年首期研讨班为基线')
            """)
        try db.execute(
            """
            INSERT INTO training_sessions (milestone_id, started_on, ended_on, title, location, host, participants, countries) VALUES
                (NULL, '2024-05-20', '2024-05-31', '首期人工智能能力建设研讨班', '北京', 'CAICT', 38, 19),
                (1, '2025-03-18', '2025-03-28', '人工智能能力建设研讨班（第一期）', '上海', 'CAICT', 42, 21),
                (1, '2025-05-20', NULL, 'AI capacity-building workshop', 'Nairobi', NULL, 35, 18),
                (1, '2025-07-08', '2025-07-10', '人工智能能力建设研讨班（第三期）', '达卡', 'CAICT', 28, 12),
                (1, '2025-09-02', NULL, 'Workshop on AI for SDGs', 'Tashkent', 'UNESCO', 45, 16),
                (1, '2025-10-21', NULL, 'After the as-of date', 'Addis Ababa', NULL, 60, 25)
            """)
        let updates: [(action: Int, date: String, status: String, percent: Double?, note: String, supersedes: Int?)] = [
            (1, "2024-11-05", "in-progress", nil, "启动基础设施互联互通调研", nil),
            (1, "2025-01-20", "completed", 100, "Infrastructure map published", nil),
            (2, "2025-02-11", "in-progress", 20, "Joint lab agreement signed | 联合实验室签约, phase one", nil),
            (3, "2025-03-03", "blocked", nil, "Exchange visas delayed", nil),
            (3, "2025-03-03", "at-risk", nil, "Exchange visas delayed, \"partial\" approval", 4),
            (6, "2025-03-28", "in-progress", 10, "第一期研讨班在上海举办，42名学员来自21国", nil),
            (4, "2025-04-15", "at-risk", nil, "数据标注基地建设延迟", nil),
            (6, "2025-05-20", "in-progress", 20, "Second workshop held in Nairobi", nil),
            (10, "2025-06-30", "in-progress", nil, "Line one\nline two", nil),
            (6, "2025-07-10", "in-progress", 30, "第三期研讨班在达卡举办", nil),
            (9, "2025-08-01", "in-progress", nil, "中非人工智能合作中心筹备", nil),
            (6, "2025-09-02", "in-progress", 40, "Fourth workshop held in Tashkent (算力 and data)", nil),
            (2, "2025-10-15", "completed", 100, "After the as-of date", nil),
        ]
        for update in updates {
            try db.execute(
                """
                INSERT INTO progress_updates (action_id, reported_on, status, percent, note, supersedes_id, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, '2025-11-01T00:00:00Z')
                """,
                [update.action, update.date, update.status, update.percent, update.note, update.supersedes])
        }
        try db.execute(
            """
            INSERT INTO indicators (id, slug, name, name_en, unit) VALUES
                (1, 'total-compute', '算力总规模', 'Total computing power', 'EFLOPS'),
                (2, 'intelligent-compute', '智能算力规模', 'Intelligent computing power', 'EFLOPS'),
                (3, 'data-produced', '数据生产总量', 'Data produced', 'ZB')
            """)
        try db.execute(
            """
            INSERT INTO indicator_values (indicator_id, value, qualifier, as_of, source_id) VALUES
                (1, 230, '>', '2023-12-31', 5),
                (2, 70, '=', '2023-12-31', 6),
                (2, 41, '=', '2022-12-31', 7),
                (3, 32.85, '=', '2023', 8)
            """)
        try db.execute(
            """
            INSERT INTO initiatives (name, name_en, kind, announced_on, source_id) VALUES
                ('全球人工智能治理倡议', 'Global AI Governance Initiative', 'initiative', '2023-10', 9),
                ('“人工智能+”行动', 'AI+ action', 'policy', '2024-03-05', 10)
            """)
    }
}
