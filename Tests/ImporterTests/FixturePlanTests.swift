import Testing
@testable import Importer

/// Two plan documents written for these tests, in layouts the bundled documents do not use.
enum FixturePlans {
    static let chinese = """
        ---
        title: 数字技能提升行动计划
        date: 2025-03-01
        ---
        # 数字技能提升行动计划

        一、总体目标

        到2027年，实现三大目标：

        （一）全民数字素养明显提升。
        （二）数字人才供给更加充足。
        （三）区域数字鸿沟持续缩小。

        二、重点行动

        围绕上述目标，组织实施八项行动。

        （一）建设区域培训中心。到2026年底，建成20个区域培训中心。
        1. 优先布局中西部地区。
        2. 依托职业院校共建共享。
        （二）开展师资培训。2025年9月底前，培训教师3000人次。
        （三）推进课程资源共享，建设国家数字技能课程库。
        （四）扩大线上学习规模。到2027年，线上课程学习人数达到1.2万人次。
        （五）举办数字技能大赛。
        （六）支持企业开展在岗培训。
        （七）加强国际交流合作。
        （八）完善评价体系。2026年6月底前出台评价标准。

        三、保障措施

        加强组织领导，确保各项行动落到实处。截至2024年底，全国数字技能示范基地达120个。
        """

    static let english = """
        ---
        title: Regional AI Skills Action Plan
        date: 2025-02-10
        ---
        # Regional AI Skills Action Plan

        I. Goals

        The plan pursues three goals:

        1. Close the digital skills gap between and within member states.
        2. Make AI education available to every public servant.
        3. Build trusted regional institutions for AI capacity building.

        II. Actions

        To reach these goals, members commit to eight actions.

        1. **Build shared training infrastructure.** By the end of 2026, establish 12 regional training hubs.
           - Each hub is hosted by a university.
           - Hubs share one open curriculum.
        2. **Train public servants.** Train 3,000 officials by June 2026.
        3. **Open course materials.** Publish all curricula under open licences.
        4. **Support researchers.** Fund joint research fellowships.
        5. **Connect industry.** Link training to regional employers.
        6. **Include everyone.** Reach women, rural communities and persons with disabilities.
        7. **Measure skills.** Agree on a common skills framework.
        8. **Review progress.** Report to ministers every year.

        III. Follow-up

        As of the end of 2024, more than 4,500 officials had completed introductory courses.
        """
}

@Suite struct ChineseFixturePlanTests {
    let document: ImportedDocument

    init() throws {
        document = try importText(FixturePlans.chinese, fileName: "skills-plan.md")
    }

    @Test func findsThePlanAndItsCounts() throws {
        let plan = try #require(document.plans.first)
        #expect(document.plans.count == 1)
        #expect(plan.title == "数字技能提升行动计划")
        #expect(plan.slug == "skills-plan")
        #expect(plan.proposedOn == "2025-03-01")
        #expect(plan.visions.count == 3)
        #expect(plan.actions.count == 8)
        #expect(plan.visions.map(\.title) == ["全民数字素养明显提升", "数字人才供给更加充足", "区域数字鸿沟持续缩小"])
        #expect(plan.actions.map(\.title) == [
            "建设区域培训中心", "开展师资培训", "推进课程资源共享", "扩大线上学习规模", "举办数字技能大赛", "支持企业开展在岗培训",
            "加强国际交流合作", "完善评价体系",
        ])
    }

    @Test func subItemsBelongToTheirAction() throws {
        let first = try #require(document.plans.first?.actions.first)
        #expect(first.body == "建设区域培训中心。到2026年底，建成20个区域培训中心。\n1. 优先布局中西部地区。\n2. 依托职业院校共建共享。")
        #expect(first.source == SourceRef(line: 19, quote: "建设区域培训中心。到2026年底，建成20个区域培训中心。"))
    }

    @Test func readsCommitments() throws {
        let actions = try #require(document.plans.first?.actions)
        let centres = try #require(actions[0].commitments.first)
        #expect(centres.slug == "skills-plan-a1-1")
        #expect(centres.body == "到2026年底，建成20个区域培训中心。")
        #expect(centres.targetValue == 20)
        #expect(centres.targetUnit == "个")
        #expect(centres.dueOn == "2026-12-31")
        #expect(centres.source.line == 19)
        let teachers = try #require(actions[1].commitments.first)
        #expect(teachers.targetValue == 3000)
        #expect(teachers.targetUnit == "人次")
        #expect(teachers.dueOn == "2025-09-30")
        let learners = try #require(actions[3].commitments.first)
        #expect(learners.targetValue == 12000)
        #expect(learners.dueOn == "2027-12-31")
        let standards = try #require(actions[7].commitments.first)
        #expect(standards.targetValue == nil)
        #expect(standards.dueOn == "2026-06-30")
        #expect(actions.map(\.commitments.count) == [1, 1, 0, 1, 0, 0, 0, 1])
    }

    @Test func proseAfterTheListIsMinedForFigures() throws {
        let value = try #require(document.indicatorValues.first)
        #expect(document.indicatorValues.count == 1)
        #expect(value.name == "全国数字技能示范基地")
        #expect(value.value == 120)
        #expect(value.unit == "个")
        #expect(value.asOf == "2024-12-31")
    }
}

@Suite struct EnglishFixturePlanTests {
    let document: ImportedDocument

    init() throws {
        document = try importText(FixturePlans.english, fileName: "regional-plan.md")
    }

    @Test func findsThePlanAndItsCounts() throws {
        let plan = try #require(document.plans.first)
        #expect(plan.slug == "regional-ai-skills-action-plan")
        #expect(plan.title == "Regional AI Skills Action Plan")
        #expect(plan.proposedOn == "2025-02-10")
        #expect(plan.visions.count == 3)
        #expect(plan.actions.count == 8)
        #expect(plan.visions[0].title == "Close the digital skills gap between and within member states")
        #expect(plan.actions.map(\.title) == [
            "Build shared training infrastructure", "Train public servants", "Open course materials", "Support researchers",
            "Connect industry", "Include everyone", "Measure skills", "Review progress",
        ])
    }

    @Test func readsCommitments() throws {
        let actions = try #require(document.plans.first?.actions)
        let hubs = try #require(actions[0].commitments.first)
        #expect(actions[0].commitments.count == 1)
        #expect(hubs.slug == "regional-ai-skills-action-plan-a1-1")
        #expect(hubs.body == "By the end of 2026, establish 12 regional training hubs.")
        #expect(hubs.targetValue == 12)
        #expect(hubs.targetUnit == "regional training hubs")
        #expect(hubs.dueOn == "2026-12-31")
        let officials = try #require(actions[1].commitments.first)
        #expect(officials.targetValue == 3000)
        #expect(officials.targetUnit == "officials")
        #expect(officials.dueOn == "2026-06-30")
        #expect(actions.dropFirst(2).allSatisfy { $0.commitments.isEmpty })
    }

    @Test func subBulletsBelongToTheirAction() throws {
        let first = try #require(document.plans.first?.actions.first)
        #expect(first.body.hasSuffix("\nEach hub is hosted by a university.\nHubs share one open curriculum."))
    }

    @Test func readsTheFollowUpFigure() throws {
        let value = try #require(document.indicatorValues.first)
        #expect(document.indicatorValues.count == 1)
        #expect(value.name == "officials")
        #expect(value.value == 4500)
        #expect(value.qualifier == ">")
        #expect(value.asOf == "2024-12-31")
    }
}
