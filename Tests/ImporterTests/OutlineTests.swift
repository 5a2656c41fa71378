import Testing
@testable import Importer

/// Plans read as outlines: the numbering styles, the roles, labels and paths, dated goals,
/// numerals inside names, and named programmes.
@Suite struct OutlineTests {
    private func plan(_ text: String) throws -> ImportedPlan {
        try #require(try importText(text).plans.first)
    }

    @Test func markdownHeadingsOfAnyDepthWithPolicyBulletsAsTheirBody() throws {
        let plan = try plan("""
            # A Plan

            ## Introduction

            Why this plan matters.

            ## Pillar I: Innovate

            #### Cut red tape

            Rules slow adoption.

            **Recommended Policy Actions**

            - Review rules.
            - Revise rules.

            #### Open models

            - Fund open models.

            ## Pillar II: Build

            #### Permit data centres

            - Speed up permits.
            """)
        #expect(plan.actions.map(\.title) == ["Cut red tape", "Open models", "Permit data centres"])
        #expect(plan.visions.map(\.title) == ["Innovate", "Build"])
        #expect(plan.visions.map(\.label) == ["I", "II"])
        #expect(plan.actions.map(\.visionNumber) == [1, 1, 2])
        // Headings without a number have no label; the path keeps the pillar.
        #expect(plan.actions.map(\.label) == [nil, nil, nil])
        #expect(plan.actions[0].path == ["Pillar I: Innovate", "Cut red tape"])
        #expect(plan.actions[0].body == "Cut red tape\nRules slow adoption.\nRecommended Policy Actions\nReview rules.\nRevise rules.")
    }

    @Test func chineseNumberingToTheDeepestLevel() throws {
        let plan = try plan("""
            一、总体要求

            坚持创新驱动。

            二、重点任务

            （一）夯实基础

            1.建设设施。

            （1）建设算力中心。

            （2）建设数据中心。

            2.培养人才。

            （二）扩大应用

            ① 推进制造业应用。

            ② 推进农业应用。

            三、保障措施

            （一）加强组织领导。
            """)
        #expect(plan.actions.map(\.label) == ["二（一）1（1）", "二（一）1（2）", "二（一）2", "二（二）①", "二（二）②"])
        #expect(plan.actions.map(\.title) == ["建设算力中心", "建设数据中心", "培养人才", "推进制造业应用", "推进农业应用"])
        // Groups are what stands directly above each item.
        #expect(plan.visions.map(\.title) == ["建设设施", "夯实基础", "扩大应用"])
        #expect(plan.actions.map(\.visionNumber) == [1, 1, 2, 3, 3])
        #expect(plan.actions[1].path == ["二、重点任务", "（一）夯实基础", "1.建设设施", "（2）建设数据中心"])
    }

    @Test func plainPillarAndGoalLinesAndLetteredPoints() throws {
        let plan = try plan("""
            Pillar I: Skills
            Skills come first.

            Goal 1: Train teachers

            (a) Train 500 teachers by 2027.

            (b) Publish curricula.

            Goal 2: Reach schools

            A. Connect schools.

            B. Equip classrooms.

            C. Measure use.
            """)
        #expect(plan.actions.map(\.label) == ["I.1.a", "I.1.b", "I.2.A", "I.2.B", "I.2.C"])
        #expect(plan.actions.map(\.title) == ["Train 500 teachers by 2027", "Publish curricula", "Connect schools", "Equip classrooms", "Measure use"])
        #expect(plan.visions.map(\.title) == ["Train teachers", "Reach schools"])
        let commitment = try #require(plan.actions[0].commitments.first)
        #expect(commitment.targetValue == 500)
        #expect(commitment.dueOn == "2027-12-31")
    }

    @Test func anArticleWithPlainHeadingsIsNoPlan() throws {
        let document = try importText("""
            # Regions and AI

            ## Background

            Many regions train officials.

            ## What they do

            They open centres.

            ## What comes next

            More training.
            """)
        #expect(document.plans.isEmpty)
    }

    @Test func generalRequirementsHoldEachFigureWithItsOwnYear() throws {
        let plan = try plan("""
            一、总体要求

            到2027年，应用普及率超70%，培育100家以上骨干企业。到2030年，普及率超过90%。到2035年，全面步入智能社会。

            二、重点行动

            （一）科学技术

            1.加速科学发现。

            2.创新研发模式。

            （二）产业发展

            1.培育新业态。

            三、组织实施

            2026年底前完成评估。
            """)
        #expect(plan.targets.map(\.targetValue) == [70, 100, 90, nil])
        #expect(plan.targets.map(\.qualifier) == [">", ">=", ">", nil])
        #expect(plan.targets.map(\.targetUnit) == ["%", "家", "%", nil])
        #expect(plan.targets.map(\.dueOn) == ["2027-12-31", "2027-12-31", "2030-12-31", "2035-12-31"])
        #expect(plan.targets.map(\.kind) == ["share", "level", "share", "deliverable"])
    }

    @Test func severalYearsInOneSentenceEachDateTheFiguresAfterThem() throws {
        let plan = try plan("""
            # Plan

            ## Main targets

            By 2027, adoption reaches more than 70%, and by 2030, at least 90%.

            ## Actions

            1. Fund research.
            2. Train workers.
            """)
        #expect(plan.targets.map(\.targetValue) == [70, 90])
        #expect(plan.targets.map(\.qualifier) == [">", ">="])
        #expect(plan.targets.map(\.dueOn) == ["2027-12-31", "2030-12-31"])
    }

    @Test(arguments: [
        "积极参与联合国、世界贸易组织、二十国集团等多边机制。",
        "推动20国集团合作。",
        "建设一批5G行业虚拟专网，推进IPv6规模部署。",
        "培育若干数据服务企业，落实党的二十大精神。",
    ])
    func numeralsInsideNamesAndVagueAmountsAreNoFigures(sentence: String) throws {
        let plan = try plan("""
            二、重点任务

            （一）合作

            1.\(sentence)

            2.加强交流。

            （二）建设

            1.完善机制。

            三、保障措施

            加强领导。
            """)
        #expect(plan.actions[0].commitments.isEmpty)
    }

    @Test func englishNamesWithNumbersAreNoFigures() throws {
        let figures = quantities("Work with the G20 on 5G and IPv6 under the 14th Five-Year Plan, with a number of partners.")
        #expect(figures.isEmpty)
    }

    @Test func namedProgrammesWithoutTitleMarks() throws {
        let names = try initiatives("深入实施国家文化数字化战略，深入实施数字乡村发展行动，高质量共建“数字丝绸之路”，加快实施重点行动。").map(\.name)
        #expect(names == ["国家文化数字化战略", "数字乡村发展行动", "数字丝绸之路"])
        let english = try initiatives("""
            On January 23, 2025, the President signed Executive Order 14179, "Removing Barriers to American Leadership in \
            Artificial Intelligence," and we will build on the National AI Research Resource (NAIRR) pilot and the Regional Compute Access Fund.
            """)
        #expect(english.map(\.name) == [
            "Executive Order 14179, Removing Barriers to American Leadership in Artificial Intelligence",
            "National AI Research Resource (NAIRR) pilot", "Regional Compute Access Fund",
        ])
        #expect(english.map(\.kind) == ["policy", "programme", "programme"])
        #expect(english.first?.announcedOn == "2025-01-23")
    }

    @Test func aNestedPlanIsCuratedByNumberAndQuote() throws {
        let text = try String(decoding: repositoryFile("Tests/Fixtures/plans/zh-state-council-ai-plus-opinion.md"), as: UTF8.self)
        let curation = try Curation(json: """
            {"plan.md": {"plan": {"slug": "ai-plus", "titleEn": "AI+ Opinion",
              "actions": [{"number": 3, "quote": "创新哲学社会科学研究方法", "titleEn": "New methods for the social sciences", "slug": "social-sciences"}]}}}
            """)
        let plan = try #require(try importText(text, fileName: "plan.md", curation: curation).plans.first)
        #expect(plan.slug == "ai-plus")
        #expect(plan.actions.count == 22)
        #expect(plan.actions[2].slug == "social-sciences")
        #expect(plan.actions[2].titleEn == "New methods for the social sciences")
        #expect(plan.actions[2].label == "二（一）3")
    }

    @Test func theBundledPlanHasNoLabels() throws {
        let plan = try #require(try Seed.imported(Seed.reading).plans.first)
        #expect(plan.actions.allSatisfy { $0.label == nil })
    }
}

@Suite struct OutlineFromConvertedDocumentsTests {
    /// What a reader of HTML, .docx or PDF hands the importer: Markdown-like outline text with
    /// headings of any depth and lists nested by indentation.
    @Test func nestedMarkdownListsAreNestedItems() throws {
        let plan = try #require(try importText("""
            # Skills Plan

            ### Part I – Schools

            1. Connect schools
               1. Fibre to rural schools by 2027.
               2. Wi-Fi in every classroom.
            2. Train teachers
               1. Certify 500 teachers.

            ### Part II – Adults

            1. Open learning centres.
            2. Fund evening courses.
            """).plans.first)
        #expect(plan.actions.map(\.label) == ["I.1.1", "I.1.2", "I.2.1", "II.1", "II.2"])
        #expect(plan.actions.map(\.title) == ["Fibre to rural schools by 2027", "Wi-Fi in every classroom", "Certify 500 teachers", "Open learning centres", "Fund evening courses"])
        #expect(plan.visions.map(\.title) == ["Connect schools", "Train teachers", "Adults"])
        #expect(plan.actions.map(\.visionNumber) == [1, 1, 2, 3, 3])
    }
}

@Suite struct OutlineGoalSectionTests {
    @Test func goalLinesUnderAGoalsSectionAreNotActions() throws {
        let plan = try #require(try importText("""
            # Skills Plan

            ## Goals

            Goal 1: Every school connected by 2030.

            Goal 2: Every teacher trained.

            ## Actions

            ### Part I – Infrastructure

            1. Lay fibre.
            2. Equip classrooms.

            ### Part II – People

            1. Train teachers.
            """).plans.first)
        #expect(plan.actions.map(\.title) == ["Lay fibre", "Equip classrooms", "Train teachers"])
        #expect(plan.actions.map(\.label) == ["I.1", "I.2", "II.1"])
        #expect(plan.visions.map(\.title) == ["Infrastructure", "People"])
        #expect(plan.targets.map(\.dueOn) == ["2030-12-31"])
    }
}
