import Testing
@testable import Importer

@Suite struct AnnouncementTests {
    private func announcements(_ sentence: String) -> [Announcement] {
        let scalars = sentence.scalars
        return Announcements.find(scalars, in: 0..<scalars.count)
    }

    @Test(arguments: [
        ("提出“五大愿景”，覆盖基础设施", 5, ListCategory.vision, "五大愿景"),
        ("中国提出了“十项行动”举措", 10, .action, "十项行动"),
        ("到2027年，实现三大目标：", 3, .vision, "三大目标"),
        ("组织实施八项重点行动。", 8, .action, "八项重点行动"),
        ("部署12项重点任务", 12, .action, "12项重点任务"),
        ("The plan pursues five visions.", 5, .vision, "five visions"),
        ("members commit to ten priority actions", 10, .action, "ten priority actions"),
        ("It sets three strategic goals:", 3, .vision, "three strategic goals"),
        ("eight measures", 8, .action, "eight measures"),
    ])
    func findsCountedLists(sentence: String, count: Int, category: ListCategory, phrase: String) throws {
        let found = try #require(announcements(sentence).first)
        #expect(found.count == count)
        #expect(found.category == category)
        #expect(found.phrase == phrase)
    }

    @Test func ignoresOtherCounts() {
        #expect(announcements("走和平发展道路五大特点").isEmpty)
        #expect(announcements("围绕人工智能发展、安全、治理三方面系统阐述").isEmpty)
        #expect(announcements("实现2030可持续发展目标").isEmpty)
        #expect(announcements("这一举措充分体现").isEmpty)
        #expect(announcements("one of the goals").isEmpty)
        #expect(announcements("第三大目标").isEmpty)
    }
}

@Suite struct MarkerTests {
    private func marker(_ line: String) -> Marker? {
        let scalars = line.scalars
        return Markers.ordered(scalars, at: 0, end: scalars.count)
    }

    @Test(arguments: [
        ("一、发布背景", MarkerKind.cjkSection, 1), ("十二、附则", .cjkSection, 12), ("（三）开展师资培训", .cjkParenthesised, 3),
        ("2. 依托职业院校", .arabic, 2), ("3、加强领导", .arabic, 3), ("（4）细化方案", .arabicParenthesised, 4),
        ("II. Actions", .roman, 2), ("IV. Review", .roman, 4), ("一是促进发展", .leadIn, 1), ("第二，加强合作", .leadIn, 2),
    ])
    func recognisesOrderedMarkers(line: String, kind: MarkerKind, ordinal: Int) throws {
        let found = try #require(marker(line))
        #expect(found.kind == kind)
        #expect(found.ordinal == ordinal)
    }

    @Test func doesNotMistakeNumbersForMarkers() {
        #expect(marker("2024年9月25日，中方提出") == nil)
        #expect(marker("1.2万人次") == nil)
        #expect(marker("一体化发展") == nil)
        #expect(marker("I think so.") == nil)
    }
}

@Suite struct ListTests {
    @Test func listCountMismatchNamesBothNumbers() {
        let document = """
            # 计划

            中国提出了“十项行动”举措。

            * 行动一。
            * 行动二。
            * 行动三。
            * 行动四。
            * 行动五。
            * 行动六。
            * 行动七。
            * 行动八。
            * 行动九。
            """
        expectImportError(ImportError(file: "short.md", line: 3, message: "announces 十项行动 (10) but lists 9")) {
            _ = try importText(document, fileName: "short.md")
        }
    }

    @Test func englishMismatchToo() {
        let document = "The plan sets out three goals:\n\n1. One.\n2. Two.\n3. Three.\n4. Four.\n"
        expectImportError(ImportError(file: "long.md", line: 1, message: "announces three goals (3) but lists 4")) {
            _ = try importText(document, fileName: "long.md")
        }
    }

    @Test func mentionsWithoutAListAreNotAnnouncements() throws {
        let document = try importText("《计划》所提出的“五大愿景”和“十项行动”具有明确的针对性。\n\n（来源：中国信通院）\n")
        #expect(document.plans.isEmpty)
    }

    @Test func enumerationsInsideTheAnnouncingParagraph() throws {
        let document = try importText("# 行动方案\n\n实施三大行动：一是建设算力网络；二是培养数字人才；三是2026年底前开放100个数据集。\n")
        let plan = try #require(document.plans.first)
        #expect(plan.actions.map(\.title) == ["建设算力网络", "培养数字人才", "2026年底前开放100个数据集"])
        let commitment = try #require(plan.actions[2].commitments.first)
        #expect(commitment.targetValue == 100)
        #expect(commitment.targetUnit == "个")
        #expect(commitment.dueOn == "2026-12-31")
    }

    @Test func unannouncedListsUnderSectionTitles() throws {
        let document = try importText("# Plan\n\n## Goals\n\n- Close the skills gap.\n- Open data.\n\n## Actions\n\n1. Train teachers.\n2. Build hubs.\n3. Share tools.\n")
        let plan = try #require(document.plans.first)
        #expect(plan.visions.map(\.title) == ["Close the skills gap", "Open data"])
        #expect(plan.actions.map(\.title) == ["Train teachers", "Build hubs", "Share tools"])
    }

    @Test func fiveGoalsAndTenActionsInEnglishWithoutCuration() throws {
        let goals = (1...5).map { "- Goal number \($0) for everyone." }.joined(separator: "\n")
        let actions = (1...10).map { "\($0). Action number \($0) for all." }.joined(separator: "\n")
        let document = try importText("# Digital Compact\n\nThe compact sets five goals:\n\n\(goals)\n\nIt agrees on ten actions:\n\n\(actions)\n", fileName: "compact.md")
        let plan = try #require(document.plans.first)
        #expect(plan.slug == "digital-compact")
        #expect(plan.visions.count == 5)
        #expect(plan.actions.count == 10)
        #expect(plan.actions.map(\.number) == Array(1...10))
        #expect(plan.actions[9].title == "Action number 10 for all")
    }
}
