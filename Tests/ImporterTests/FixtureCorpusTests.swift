import FoundationEssentials
import Foundation
import Testing
@testable import Importer

/// Tests/Fixtures/plans: every plan document with its answer key, held at 100 % (what `make accuracy` measures).
enum Corpus {
    static let directory = repositoryRoot + "/Tests/Fixtures/plans"

    static var documents: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }.sorted()
    }

    static func bytes(_ name: String) throws -> [UInt8] { try repositoryFile("Tests/Fixtures/plans/" + name) }

    static func imported(_ name: String) throws -> ImportedDocument {
        try DocumentImporter.importDocument(fileName: name, bytes: try bytes(name), curation: .empty, today: Accuracy.fixtureToday)
    }
}

@Suite struct FixtureCorpusTests {
    @Test func theCorpusHasAtLeastTwentyDocumentsEachWithAnAnswerKey() throws {
        let documents = Corpus.documents
        #expect(documents.count >= 20)
        #expect(documents.contains { $0.hasPrefix("zh-") } && documents.contains { $0.hasPrefix("en-") })
        for name in documents {
            let stem = name.split(separator: ".").dropLast().joined(separator: ".")
            #expect(FileManager.default.fileExists(atPath: Corpus.directory + "/" + stem + ".expected.json"), "\(name)")
        }
    }

    @Test(arguments: Corpus.documents)
    func everyFixtureIsReadAtFullPrecisionAndRecall(name: String) throws {
        let stem = name.split(separator: ".").dropLast().joined(separator: ".")
        let expected = String(decoding: try repositoryFile("Tests/Fixtures/plans/\(stem).expected.json"), as: UTF8.self)
        let scores = try Accuracy.evaluate(fileName: name, bytes: try Corpus.bytes(name), expectedJSON: expected)
        for score in scores {
            #expect(score.missed == [], "\(name) \(score.category)")
            #expect(score.spurious == [], "\(name) \(score.category)")
            #expect(score.matched == score.expected && score.matched == score.extracted, "\(name) \(score.category)")
        }
        #expect(scores.reduce(0) { $0 + $1.expected } > 0)
    }

    @Test func scoringCountsMissedAndSpuriousRows() throws {
        var expected = ExpectedExtraction(try Corpus.imported("zh-lead-phrase-points.md"))
        let extracted = expected
        expected.actions[0].title = "另一个标题"
        expected.targets.append(.init(action: nil, value: 3, unit: "个", qualifier: ">", dueOn: "2026-12-31"))
        let scores = Accuracy.score(extracted, against: expected)
        let actions = try #require(scores.first { $0.category == "actions" })
        #expect((actions.matched, actions.extracted, actions.expected) == (4, 5, 5))
        #expect(actions.missed == ["1|另一个标题|-"])
        #expect(actions.spurious == ["1|坚持以人为本|-"])
        #expect(actions.precision == 0.8 && actions.recall == 0.8)
        let targets = try #require(scores.first { $0.category == "targets" })
        #expect((targets.precision, targets.recall) == (1, 0))
    }
}

/// The three documents of the issue, in detail.
@Suite struct LayoutFamilyTests {
    @Test func chineseGovernmentLayoutGroupsItsTwentyFiveTasks() throws {
        let document = try Corpus.imported("zh-ministry-compute-action-plan.md")
        let plan = try #require(document.plans.first)
        #expect(plan.actions.count == 25)
        #expect(plan.actions.map(\.number) == Array(1...25))
        #expect(plan.visions.map(\.title) == ["完善算力综合供给体系", "提升算力高效运载能力", "强化存力高效灵活保障", "深化算力赋能行业应用", "促进绿色低碳算力发展", "加强安全保障能力建设"])
        #expect(plan.actions.map { $0.visionNumber ?? 0 } == [1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6])
        #expect(plan.actions[24].title == "提升应急处置能力")
        // Principles and safeguards are not actions.
        #expect(!plan.actions.contains { $0.title.contains("指导思想") || $0.title.contains("加强组织领导") })
        #expect(document.initiatives.isEmpty)
    }

    @Test func mainTargetsAreNinePlanLevelCommitmentsDueWithTheParagraph() throws {
        let plan = try #require(try Corpus.imported("zh-ministry-compute-action-plan.md").plans.first)
        let targets = plan.targets
        #expect(targets.count == 9)
        #expect(targets.allSatisfy { $0.dueOn == "2025-12-31" })
        #expect(targets.map(\.targetValue) == [300, 35, 20, 1800, 30, 100, 1.5, 80, 40])
        #expect(targets.map(\.targetUnit) == ["EFLOPS", "%", "个", "EB", "%", "%", "倍", "%", "%"])
        #expect(targets.map(\.qualifier) == [">", "=", ">=", ">", ">=", "=", "<=", "=", ">="])
        #expect(targets.map(\.kind) == ["level", "share", "level", "level", "share", "share", "level", "share", "share"])
        #expect(targets[6].body == "枢纽节点间网络时延不高于理论时延1.5倍")
        #expect(targets[6].source == SourceRef(line: 17, quote: "枢纽节点间网络时延不高于理论时延1.5倍"))
        #expect(targets.map(\.slug) == (1...9).map { "zh-ministry-compute-action-plan-t\($0)" })
    }

    @Test func targetsAreNeverIndicatorValuesButDatedFactsAre() throws {
        let document = try Corpus.imported("zh-ministry-compute-action-plan.md")
        #expect(document.indicatorValues.count == 1)
        let fact = try #require(document.indicatorValues.first)
        #expect((fact.value, fact.unit, fact.asOf) == (230, "EFLOPS", "2023-12-31"))
        let facts = try importText("# 计划\n\n二、主要目标\n\n到2030年，智能算力占比超过50%。截至2024年底，智能算力占比为30%。\n")
        #expect(facts.indicatorValues.map(\.value) == [30])
        #expect(facts.plans.first?.targets.map(\.targetValue) ?? [] == [])
    }

    @Test func numberedPointsWithBoldLeadPhrasesAreActionsWithoutVisions() throws {
        let plan = try #require(try Corpus.imported("en-ai-declaration-13-points.md").plans.first)
        #expect(plan.visions.isEmpty)
        #expect(plan.actions.count == 13)
        #expect(plan.actions[0].title == "Jointly seizing the opportunities of AI")
        #expect(plan.actions[0].body == "Jointly seizing the opportunities of AI. We call on all partners to harness AI for shared prosperity and for the Sustainable Development Goals.")
        #expect(plan.actions[12].title == "Following up")
    }

    @Test func leadPhrasesEndingInAFullStopOrColonCountToo() throws {
        let plain = try importText("# Charter\n\n1. Open data. Publish it.\n2. Shared compute: build it together.\n3. Skills. Train people.\n")
        #expect(plain.plans.first?.actions.map(\.title) == ["Open data", "Shared compute", "Skills"])
        let chinese = try Corpus.imported("zh-lead-phrase-points.md")
        #expect(chinese.plans.first?.actions.last?.title == "弥合数字鸿沟")
        #expect(chinese.plans.first?.visions.isEmpty == true)
    }

    @Test func numberedListsWithoutLeadPhrasesAreNotInvented() throws {
        let document = try importText("# Notes\n\n1. We met on Monday and talked about many things at length.\n2. The weather was fine for the whole of the week.\n3. Everyone went home happy and rested afterwards.\n")
        #expect(document.plans.isEmpty)
    }

    @Test func sentenceLongEnglishActionsGetTheirFirstClauseAsTitle() throws {
        let plan = try #require(try Corpus.imported("en-ai-capacity-building-translation.md").plans.first)
        #expect(plan.visions.count == 5)
        #expect(plan.actions.count == 10)
        #expect(plan.actions[1].title == "China is willing to cooperate on the research, development and application of AI models")
        #expect(plan.actions[5].title == "The Chinese government will strengthen human-resources cooperation with developing countries")
        #expect(plan.actions[5].body.hasSuffix("by the end of 2025."))
        #expect(plan.actions[5].commitments.map(\.targetValue) == [10])
    }

    @Test func romanSectionsRestartTheirNumbering() throws {
        let plan = try #require(try Corpus.imported("en-roman-sections-long-titles.md").plans.first)
        #expect((plan.visions.count, plan.actions.count) == (3, 6))
        #expect(plan.actions[0].title == "The member states will connect their national research networks to a common federation layer")
        #expect(plan.targets.map(\.qualifier) == [">", ">="])
        #expect(plan.targets.map(\.dueOn) == ["2028-12-31", "2028-12-31"])
    }

    @Test func translationOfComesFromTheFrontMatter() throws {
        #expect(try Corpus.imported("en-ai-capacity-building-translation.md").translationOf == "ai-capacity-building")
        #expect(try Corpus.imported("en-ai-declaration-13-points.md").translationOf == nil)
    }

    @Test func aStatedTaskCountThatDiffersIsRefusedWithBothNumbers() throws {
        let text = """
            # 行动方案

            一、总体要求

            围绕目标，部署三项重点任务。

            二、重点任务

            （一）建设平台。完善平台。

            （二）培养人才。加强培训。

            三、保障措施

            （三）加强领导。落实责任。
            """
        expectImportError(ImportError(file: "gov.md", line: 5, message: "announces 三项重点任务 (3) but lists 2")) {
            _ = try importText(text, fileName: "gov.md")
        }
    }

    @Test func noStructureMeansNoPlan() throws {
        let document = try Corpus.imported("en-article-no-structure.md")
        #expect(document.plans.isEmpty)
        #expect(document.passages.count == 4)
    }
}

@Suite struct TargetRuleTests {
    private func targets(_ text: String, curation: Curation = .empty) throws -> [ImportedCommitment] {
        try #require(try importText(text, fileName: "targets.md", curation: curation).plans.first).targets
    }

    private let plan = """
        # 行动计划

        ## 主要目标

        到2026年，实现以下目标：

        ——算力方面，算力总规模超过500 EFLOPS，智能算力占比不低于40%。

        ——应用方面，培育重点行业应用示范项目100个以上，网络时延不超过20毫秒。

        ## 重点任务

        1. 建设算力网络。
        2. 推广行业应用。
        """

    @Test func everySentenceOfTheParagraphTakesItsOpeningDate() throws {
        let found = try targets(plan)
        #expect(found.map(\.targetValue) == [500, 40, 100])
        #expect(found.map(\.qualifier) == [">", ">=", ">="])
        #expect(found.map(\.targetUnit) == ["EFLOPS", "%", "个"])
        #expect(found.allSatisfy { $0.dueOn == "2026-12-31" })
        #expect(found[2].body == "培育重点行业应用示范项目100个以上")
    }

    @Test func aSentenceWithItsOwnDeadlineKeepsIt() throws {
        let found = try targets("# Plan\n\n## Main targets\n\nBy 2030, at least 60% of schools are connected. By 2027, more than 200 teachers are certified.\n\n## Actions\n\n1. Connect schools.\n2. Train teachers.\n")
        #expect(found.map(\.dueOn) == ["2030-12-31", "2027-12-31"])
        #expect(found.map(\.qualifier) == [">=", ">"])
        #expect(found.map(\.kind) == ["share", "level"])
        #expect(found.map(\.targetUnit) == ["%", "teachers"])
    }

    @Test func aCuratedExclusionDropsATargetAndACommitment() throws {
        let curation = try Curation(json: """
            {"targets.md": {"exclusions": [{"quote": "示范项目100个以上", "reason": "a count the plan does not track"}]}}
            """)
        let found = try targets(plan, curation: curation)
        #expect(found.map(\.targetValue) == [500, 40])
        let withCommitment = plan.replacingOccurrences(of: "1. 建设算力网络。", with: "1. 建设算力网络，2026年底前建成10个枢纽。")
        #expect(try importText(withCommitment, fileName: "targets.md").plans.first?.actions[0].commitments.count == 1)
        let dropped = try Curation(json: """
            {"targets.md": {"exclusions": [{"quote": "建成10个枢纽"}]}}
            """)
        #expect(try importText(withCommitment, fileName: "targets.md", curation: dropped).plans.first?.actions[0].commitments.count == 0)
    }

    @Test func theBundledPlanHasNoTargets() throws {
        #expect(try Seed.imported(Seed.reading).plans.first?.targets.isEmpty == true)
    }

    @Test(arguments: [
        ("超过", 5.0, ">"), ("以上", 5.0, ">="), ("达到", 5.0, "="), ("不高于", 5.0, "<="), ("不超过", 5.0, "<="),
    ])
    func chineseQualifiers(word: String, value: Double, qualifier: String) throws {
        let sentence = word == "以上" ? "建成示范区5个以上" : "示范区数量\(word)5个"
        let found = try targets("# 计划\n\n二、主要目标\n\n到2025年，\(sentence)。\n\n三、重点任务\n\n（一）建设。\n\n（二）推广。\n")
        #expect(found.map(\.qualifier) == [qualifier])
        #expect(found.map(\.targetValue) == [value])
    }
}

@Suite struct AnnouncedNameTests {
    @Test func aCountedNameIsNotAnAnnouncedList() throws {
        let text = "# Charter\n\nWe work towards the 17 Sustainable Development Goals.\n\n1. **Open data.** Publish it.\n2. **Shared compute.** Build it.\n3. **Skills.** Train people.\n"
        let plan = try #require(try importText(text).plans.first)
        #expect(plan.actions.map(\.title) == ["Open data", "Shared compute", "Skills"])
        #expect(plan.visions.isEmpty)
    }
}

@Suite struct GovernmentLayoutVariantTests {
    @Test func tasksNumberedWithArabicNumeralsUnderBoldSections() throws {
        let text = """
            # 数字乡村建设实施方案

            **一、总体要求**

            到2026年，建成数字乡村示范县50个以上。

            **二、夯实数字基础**

            1. 推进网络覆盖。加快农村光纤建设。

            2. 建设数据平台。汇聚涉农数据。

            **三、发展数字产业**

            3. 发展农村电商。培育电商主体。

            **四、组织实施**

            4. 加强组织领导。明确责任分工。
            """
        let plan = try #require(try importText(text, fileName: "rural.md").plans.first)
        #expect(plan.visions.map(\.title) == ["夯实数字基础", "发展数字产业"])
        #expect(plan.actions.map(\.title) == ["推进网络覆盖", "建设数据平台", "发展农村电商"])
        #expect(plan.actions.map(\.visionNumber) == [1, 1, 2])
    }

    @Test func oneTaskSectionGivesNoVisionsAndTheTargetsSectionItsTargets() throws {
        let text = """
            # 方案

            ## 一、主要目标

            到2025年，建成示范基地20个，覆盖率达到90%。

            ## 二、重点任务

            （一）建设基地。

            （二）开展培训。

            ## 三、保障措施

            （三）加强领导。
            """
        let plan = try #require(try importText(text).plans.first)
        #expect(plan.visions.isEmpty)
        #expect(plan.actions.map(\.title) == ["建设基地", "开展培训"])
        #expect(plan.targets.map(\.targetValue) == [20, 90])
        #expect(plan.targets.map(\.dueOn) == ["2025-12-31", "2025-12-31"])
    }
}
