import Testing
@testable import Importer

@Suite struct BundledReadingTests {
    let document: ImportedDocument

    init() throws {
        document = try Seed.imported(Seed.reading)
    }

    @Test func documentMetadata() {
        #expect(document.slug == "caict-reading-ai-capacity-building-plan")
        #expect(document.title == "专家解读 | 《人工智能能力建设普惠计划》")
        #expect(document.publishedOn == "2024-10-07")
        #expect(document.publisher == "中国信息通信研究院")
        #expect(document.url?.hasPrefix("https://mp.weixin.qq.com/s?__biz=") == true)
    }

    @Test func thePlan() throws {
        let plan = try #require(document.plans.first)
        #expect(document.plans.count == 1)
        #expect(plan.slug == "ai-capacity-building")
        #expect(plan.title == "人工智能能力建设普惠计划")
        #expect(plan.titleEn == "AI Capacity-Building Action Plan for Good and for All")
        #expect(plan.proposedOn == "2024-09-25")
        #expect(plan.source?.line == 41)
    }

    @Test func fiveVisions() throws {
        let visions = try #require(document.plans.first?.visions)
        #expect(visions.map(\.number) == [1, 2, 3, 4, 5])
        #expect(visions.map(\.title) == ["促进人工智能和数字基础设施联通", "推进“人工智能+”赋能千行百业", "加强人工智能素养和人才培养", "提升人工智能数据安全和多样性", "确保人工智能安全可靠可控"])
        #expect(visions.map(\.source.line) == [55, 56, 57, 58, 59])
        #expect(visions.allSatisfy { $0.titleEn != nil })
    }

    @Test func tenActionsInDocumentOrder() throws {
        let actions = try #require(document.plans.first?.actions)
        #expect(actions.map(\.number) == Array(1...10))
        #expect(actions.map(\.source.line) == Array(62...71))
        #expect(actions.map(\.visionNumber) == [1, 2, 2, 2, 3, 3, 3, 4, 4, 5])
        #expect(actions[0].title == "中方愿同所有国家开展人工智能领域南北合作、南南合作和三方合作")
        #expect(actions[5].title == "中国政府愿加强同发展中国家的人力资源援助合作")
        #expect(actions[5].body == "中国政府愿加强同发展中国家的人力资源援助合作，在今年举办首届人工智能能力建设研讨班的基础上，将于2025年底前重点面向发展中国家再举办十期人工智能领域研修研讨项目。")
        #expect(actions.allSatisfy { $0.titleEn != nil })
        #expect(actions.map(\.commitments.count) == [0, 0, 0, 0, 0, 1, 0, 0, 0, 0])
    }

    @Test func actionSixCommitmentAndMilestone() throws {
        let commitment = try #require(document.plans.first?.actions[5].commitments.first)
        #expect(commitment.slug == "ai-capacity-building-a6-1")
        #expect(commitment.targetValue == 10)
        #expect(commitment.targetUnit == "期")
        #expect(commitment.dueOn == "2025-12-31")
        #expect(commitment.source.line == 67)
        let milestone = try #require(commitment.milestone)
        #expect(milestone.slug == "training-2025")
        #expect(milestone.targetCount == 10)
        #expect(milestone.dueOn == "2025-12-31")
        #expect(milestone.unit == "sessions")
        #expect(milestone.baselineNote?.contains("首届人工智能能力建设研讨班") == true)
        #expect(milestone.baselineNote?.contains("not one of the ten") == true)
    }

    @Test func initiatives() {
        #expect(document.initiatives.map(\.name) == ["人工智能能力建设普惠计划", "全球人工智能治理倡议", "加强人工智能能力建设国际合作决议"])
        #expect(document.initiatives.map(\.announcedOn) == ["2024-09-25", "2023-10", "2024-07-01"])
        #expect(document.initiatives.map(\.kind) == ["plan", "initiative", "resolution"])
        #expect(document.initiatives.map(\.source.line) == [41, 45, 47])
    }

    @Test func noFiguresAndNothingFromTheBoilerplate() {
        #expect(document.indicatorValues.isEmpty)
        #expect(!document.initiatives.contains { $0.name.contains("中国信息安全") || $0.name.contains("企业成长计划") })
    }
}

@Suite struct BundledArticleTests {
    let document: ImportedDocument

    init() throws {
        document = try Seed.imported(Seed.article)
    }

    private func value(_ slug: String) throws -> ImportedIndicatorValue {
        try #require(document.indicatorValues.first { $0.slug == slug }, "no \(slug)")
    }

    @Test func documentMetadata() {
        #expect(document.slug == "caict-ai-capacity-building-digital-dividends")
        #expect(document.title == "加强人工智能能力建设，推动数字红利普惠全球")
        #expect(document.publisher == "中国信息通信研究院")
        #expect(document.publishedOn == "2024")
        #expect(document.plans.isEmpty)
    }

    @Test func computeAndData() throws {
        let total = try value("compute-total")
        #expect((total.name, total.nameEn, total.value, total.qualifier, total.unit, total.asOf) == ("算力总规模", "Total computing power", 230, ">", "EFLOPS", "2023-12-31"))
        let intelligent = try value("compute-intelligent")
        #expect((intelligent.value, intelligent.qualifier, intelligent.unit, intelligent.asOf) == (70, "=", "EFLOPS", "2023-12-31"))
        let growth = try value("compute-intelligent-growth")
        #expect((growth.value, growth.qualifier, growth.unit) == (70, ">", "%"))
        let data = try value("data-production")
        #expect((data.value, data.qualifier, data.unit, data.asOf) == (32.85, "=", "ZB", "2023"))
        let dataGrowth = try value("data-production-growth")
        #expect((dataGrowth.value, dataGrowth.unit, dataGrowth.asOf) == (22.44, "%", "2023"))
        #expect(total.source.line == 19)
    }

    @Test func industryAndServices() throws {
        #expect(try value("ai-companies").value == 4500)
        #expect(try value("ai-companies").qualifier == ">")
        #expect(try value("smart-factories").value == 421)
        #expect(try value("digital-rd-tools-adoption").value == 80.1)
        #expect(try value("key-process-nc-rate").value == 62.9)
        let reductions = try ["demo-factory-rd-time-reduction", "demo-factory-productivity-gain", "demo-factory-defect-reduction", "demo-factory-carbon-reduction"].map(value)
        #expect(reductions.map(\.value) == [20.7, 34.8, 27.4, 21.2])
        #expect(reductions.allSatisfy { $0.qualifier == "~" && $0.unit == "%" })
        #expect(try value("zhengxiaoyun-service-items").value == 100)
        #expect(try value("zhengxiaoyun-service-items").qualifier == ">")
        #expect(try value("zhengxiaoyun-service-scenarios").value == 1000)
        #expect(try value("zhengxiaoyun-service-scenarios").qualifier == ">")
        let medical = try value("medical-ai-applications")
        #expect((medical.value, medical.unit, medical.asOf) == (257, "项", "2023-12-31"))
    }

    @Test func ituCasebook() throws {
        #expect(try ["itu-casebook-countries", "itu-casebook-cases", "itu-casebook-selected", "itu-casebook-sdgs"].map { try value($0).value } == [38, 219, 53, 17])
        #expect(try value("itu-casebook-countries").source.line == 33)
    }

    @Test func everyFigureIsCurated() {
        #expect(document.indicatorValues.count == 20)
        #expect(document.indicatorValues.allSatisfy { $0.nameEn != nil })
    }

    @Test func initiativesWithDates() throws {
        let byName = Dictionary(uniqueKeysWithValues: document.initiatives.map { ($0.name, $0) })
        let expected: [(String, String?, String)] = [
            ("人工智能能力建设普惠计划", "2024-09-25", "plan"),
            ("加强人工智能能力建设国际合作决议", "2024-07-01", "resolution"),
            ("全球人工智能治理倡议", "2023-10", "initiative"),
            ("中国-金砖国家人工智能发展与合作中心", "2024-06-10", "platform"),
            ("“人工智能+”行动", "2024-03-05", "programme"),
            ("生成式人工智能服务管理办法", "2023-03", "policy"),
            ("智慧旅游创新发展行动计划", "2024-05", "plan"),
            ("政府工作报告", "2024", "report"),
            ("人工智能安全治理框架", nil, "framework"),
            ("“十四五”生态环境监测规划", nil, "plan"),
            ("人工智能向善：创新扩大影响案例集", nil, "report"),
        ]
        for (name, date, kind) in expected {
            let initiative = try #require(byName[name], "no \(name)")
            #expect(initiative.announcedOn == date, "\(name)")
            #expect(initiative.kind == kind, "\(name)")
        }
        #expect(document.initiatives.count == expected.count)
        #expect(byName["全国数据资源调查报告（2023年）"] == nil)
    }
}

@Suite struct ProvenanceTests {
    @Test(arguments: [Seed.reading, Seed.article], [true, false])
    func everyQuoteIsVerbatimAndStartsOnItsLine(name: String, curated: Bool) throws {
        let document = try Seed.imported(name, curated: curated)
        let original = try Seed.lines(name)
        var sources: [(String, SourceRef)] = document.initiatives.map { ("initiative \($0.name)", $0.source) }
            + document.indicatorValues.map { ("indicator \($0.slug)", $0.source) }
        for plan in document.plans {
            sources.append(("plan", try #require(plan.source)))
            sources += plan.visions.map { ("vision \($0.number)", $0.source) }
            for action in plan.actions {
                sources.append(("action \(action.number)", action.source))
                sources += action.commitments.map { ("commitment \($0.slug)", $0.source) }
            }
        }
        #expect(!sources.isEmpty)
        for (label, source) in sources {
            #expect(!source.quote.isEmpty, "\(label)")
            #expect(document.body.contains(source.quote), "\(label): quote not in body")
            let line = original[source.line - 1].replacing("**", with: "")
            #expect(line.contains(String(source.quote.prefix(4))), "\(label): line \(source.line) does not start the quote")
        }
    }

    @Test func passagesPointIntoTheOriginalFile() throws {
        let reading = try Seed.imported(Seed.reading)
        #expect(reading.passages.first == SourceRef(line: 9, quote: "专家解读 | 《人工智能能力建设普惠计划》"))
        #expect(reading.passages.last == SourceRef(line: 83, quote: "（来源：中国信通院）"))
        #expect(reading.passages.filter { (62...71).contains($0.line) }.count == 10)
        let article = try Seed.imported(Seed.article)
        #expect(article.passages.map(\.quote).joined(separator: "\n\n") == article.body)
        let broken = try #require(article.passages.first { $0.quote.contains("激发传统文化的魅力") })
        #expect(broken.line == 21)
        #expect(article.passages.map(\.line) == article.passages.map(\.line).sorted())
    }

    @Test func withoutCurationTheRulesStillFindEverything() throws {
        let reading = try Seed.imported(Seed.reading, curated: false)
        let plan = try #require(reading.plans.first)
        #expect(plan.slug == "004-7ea888aca572e921")
        #expect(plan.title == "人工智能能力建设普惠计划")
        #expect(plan.proposedOn == "2024-09-25")
        #expect((plan.visions.count, plan.actions.count) == (5, 10))
        #expect(plan.actions[5].commitments.first?.slug == "004-7ea888aca572e921-a6-1")
        #expect(plan.actions[5].commitments.first?.milestone == nil)
        #expect(reading.publisher == "中国信息安全")
        let article = try Seed.imported(Seed.article, curated: false)
        #expect(article.slug == "000-3a593fa75efa06b6")
        #expect(article.publishedOn == nil)
        #expect(article.indicatorValues.count == 20)
        #expect(article.initiatives.count == 12)
        #expect(article.indicatorValues.first { $0.value == 32.85 }?.asOf == "2023")
    }

    @Test func summaryListsWhatWasExtracted() throws {
        let summary = try Seed.imported(Seed.reading).summary()
        #expect(summary.contains("plan ai-capacity-building: 人工智能能力建设普惠计划"))
        #expect(summary.contains("visions: 5"))
        #expect(summary.contains("actions: 10"))
        #expect(summary.contains("commitment ai-capacity-building-a6-1: target 10 期, due 2025-12-31"))
        #expect(summary.contains("milestone training-2025: 10 sessions by 2025-12-31"))
        #expect(summary.contains("2024-07-01 resolution: 加强人工智能能力建设国际合作决议"))
        let figures = try Seed.imported(Seed.article).summary()
        #expect(figures.contains("compute-total: 算力总规模 (Total computing power) > 230 EFLOPS as of 2023-12-31"))
    }
}
