import Testing
@testable import Importer

@Suite struct IndicatorRuleTests {
    @Test func computeFiguresFromTheArticle() throws {
        let values = try indicators("根据工业和信息化部数据，截至2023年底，中国算力总规模超230 EFLOPS，其中智能算力规模达到70 EFLOPS，增速超过70%，新增算力中智能算力占比过半。")
        #expect(values.map(\.name) == ["算力总规模", "智能算力规模", "增速"])
        #expect(values.map(\.value) == [230, 70, 70])
        #expect(values.map(\.qualifier) == [">", "=", ">"])
        #expect(values.map(\.unit) == ["EFLOPS", "EFLOPS", "%"])
        #expect(values.allSatisfy { $0.asOf == "2023-12-31" })
        #expect(values[0].source.quote == "根据工业和信息化部数据，截至2023年底，中国算力总规模超230 EFLOPS，其中智能算力规模达到70 EFLOPS，增速超过70%，新增算力中智能算力占比过半。")
    }

    @Test func dataFiguresTakeTheYearOfTheClause() throws {
        let values = try indicators("在数据资源方面，去年成立国家数据局，根据《全国数据资源调查报告（2023年）》，2023年全国数据生产总量达32.85泽字节（ZB），同比增长22.44%。")
        #expect(values.count == 2)
        #expect(values[0].name == "全国数据生产总量")
        #expect(values[0].value == 32.85)
        #expect(values[0].unit == "ZB")
        #expect(values[0].asOf == "2023")
        #expect(values[1].name == "同比增长")
        #expect(values[1].value == 22.44)
        #expect(values[1].asOf == "2023")
    }

    @Test func namesComeFromBeforeTheQualifierOrAfterTheUnit() throws {
        let values = try indicators("中国人工智能产业日益活跃，企业数量超过4500家。已累计培育421家国家智能制造示范工厂，重点工业企业数字化研发设计工具普及率达80.1%、关键工序数控化率达62.9%。")
        #expect(values.map(\.name) == ["企业数量", "国家智能制造示范工厂", "重点工业企业数字化研发设计工具普及率", "关键工序数控化率"])
        #expect(values.map(\.unit) == ["家", "家", "%", "%"])
        #expect(values.allSatisfy { $0.asOf == nil })
    }

    @Test func approximateAndOpenEndedFigures() throws {
        let values = try indicators("覆盖商事登记、不动产、公积金、医保、社保等领域一百多个事项1000余个场景，示范工厂改造后，研发效率缩短了约20.7%。")
        #expect(values.map(\.name) == ["事项", "场景", "研发效率缩短"])
        #expect(values.map(\.value) == [100, 1000, 20.7])
        #expect(values.map(\.qualifier) == [">", ">", "~"])
    }

    @Test func theWholeAfterDengNamesTheFigure() throws {
        let value = try #require(try indicators("截至2023年底，推动智能辅助诊疗、智能公共卫生和医用机器人等人工智能应用达257项。").first)
        #expect(value.name == "人工智能应用")
        #expect(value.value == 257)
        #expect(value.asOf == "2023-12-31")
    }

    @Test func relativeYearsUseTheDocumentYear() throws {
        let values = try indicators("---\ndate: 2024-10-07\n---\n去年，全国共建成示范基地达120个。")
        #expect(values.first?.asOf == "2023")
        let undated = try indicators("去年，全国示范基地达120个。", today: "2026-01-15")
        #expect(undated.first?.asOf == "2025")
    }

    @Test func englishFigures() throws {
        let values = try indicators("As of the end of 2023, total computing power exceeded 230 EFLOPS. China has more than 4,500 AI companies. The adoption rate reached 80.1%.")
        #expect(values.map(\.name) == ["total computing power", "AI companies", "adoption rate"])
        #expect(values.map(\.qualifier) == [">", ">", "="])
        #expect(values[0].asOf == "2023-12-31")
        #expect(values[1].unit == nil)
    }

    @Test func notFigures() throws {
        #expect(try indicators("本报告由研究院发布，面向各方征求意见，咨询电话010-82341063，邮发代号 2-786，邮政编码100191。").isEmpty)
        #expect(try indicators("2024年7月1日，第78届联合国大会上，加快落实2030年可持续发展议程。").isEmpty)
        #expect(try indicators("一是赋能数字经济提质增效，形成三大产业集聚区，已经走过了近20年的历程。").isEmpty)
        #expect(try indicators("我国所提出的“十项行动”和“五大愿景”，实施八项行动。").isEmpty)
        #expect(try indicators("到2025年底，建成20个区域培训中心。").isEmpty)
        #expect(try indicators("In 2023 the plan was adopted by 193 member states in New York.").count == 1)
    }
}

@Suite struct CommitmentRuleTests {
    private func commitments(_ actionText: String) throws -> [ImportedCommitment] {
        let document = try importText("# 计划\n\n实施两项行动：\n\n* 加强合作。\n* \(actionText)\n", today: "2025-06-01")
        return try #require(document.plans.first?.actions.last?.commitments)
    }

    @Test func actionSixOfTheBundledPlan() throws {
        let commitment = try #require(try commitments("中国政府愿加强同发展中国家的人力资源援助合作，在今年举办首届人工智能能力建设研讨班的基础上，将于2025年底前重点面向发展中国家再举办十期人工智能领域研修研讨项目。").first)
        #expect(commitment.targetValue == 10)
        #expect(commitment.targetUnit == "期")
        #expect(commitment.dueOn == "2025-12-31")
        #expect(commitment.slug == "fixture-a2-1")
    }

    @Test(arguments: [
        ("到2026年底，建成20个区域培训中心。", 20.0, "个", "2026-12-31"),
        ("2025年9月底前，培训3000人次。", 3000.0, "人次", "2025-09-30"),
        ("到2027年，线上学习人数达到1.2万人次。", 12000.0, "人次", "2027-12-31"),
        ("By the end of 2026, establish 12 regional training hubs.", 12.0, "regional training hubs", "2026-12-31"),
        ("Train 3,000 officials from developing countries by June 2026.", 3000.0, "officials", "2026-06-30"),
        ("Hold ten workshops by 2025.", 10.0, "workshops", "2025-12-31"),
    ])
    func deadlinesAndCounts(sentence: String, value: Double, unit: String, due: String) throws {
        let commitment = try #require(try commitments(sentence).first)
        #expect(commitment.targetValue == value)
        #expect(commitment.targetUnit == unit)
        #expect(commitment.dueOn == due)
        #expect(commitment.body == sentence)
    }

    @Test func aDeadlineAloneOrACountAloneIsACommitment() throws {
        let dated = try #require(try commitments("2026年6月底前出台评价标准。").first)
        #expect(dated.targetValue == nil)
        #expect(dated.dueOn == "2026-06-30")
        let counted = try #require(try commitments("共建5个联合实验室。").first)
        #expect(counted.targetValue == 5)
        #expect(counted.dueOn == nil)
    }

    @Test func noPledgeNoCommitment() throws {
        #expect(try commitments("中方愿同所有国家开展南北合作、南南合作和三方合作，共建联合实验室。").isEmpty)
        #expect(try commitments("Share best practice on testing and evaluation.").isEmpty)
    }
}

@Suite struct InitiativeRuleTests {
    @Test func titlesInBracketsWithTheirDates() throws {
        let found = try initiatives("2023年10月，习近平主席宣布提出《全球人工智能治理倡议》，为全球人工智能发展与治理指明了方向。为此，中国2023年3月颁布《生成式人工智能服务管理办法》，近期还颁布《人工智能安全治理框架》等技术文件。")
        #expect(found.map(\.name) == ["全球人工智能治理倡议", "生成式人工智能服务管理办法", "人工智能安全治理框架"])
        #expect(found.map(\.announcedOn) == ["2023-10", "2023-03", nil])
        #expect(found.map(\.kind) == ["initiative", "policy", "framework"])
    }

    @Test func quotedProgrammesAndPlatforms() throws {
        let found = try initiatives("2024年3月5日，李强总理在作政府工作报告时提出“深化大数据、人工智能等研发应用，开展‘人工智能+’行动”。2024年6月10日王毅外长宣布成立了“中国-金砖国家人工智能发展与合作中心”，成为“南南合作”的一面旗帜。")
        #expect(found.map(\.name) == ["“人工智能+”行动", "中国-金砖国家人工智能发展与合作中心"])
        #expect(found.map(\.kind) == ["programme", "platform"])
        #expect(found.map(\.announcedOn) == ["2024-03-05", "2024-06-10"])
    }

    @Test func unquotedResolutions() throws {
        let found = try initiatives("2024年7月1日，第78届联合国大会上，由中国主提的加强人工智能能力建设国际合作决议，旨在帮助各国。该决议作为联合国首份关于人工智能能力建设国际合作的决议，中方在决议提出后积极采取行动。")
        #expect(found.count == 1)
        #expect(found.first?.name == "加强人工智能能力建设国际合作决议")
        #expect(found.first?.kind == "resolution")
        #expect(found.first?.announcedOn == "2024-07-01")
    }

    @Test func aDateOnlyClauseOrTheEventSentenceBeforeDatesAMention() throws {
        let clause = try initiatives("中国在决议提出后积极采取行动，2024年9月25日，提出《人工智能能力建设普惠计划》，助力实现可持续发展。")
        #expect(clause.first?.announcedOn == "2024-09-25")
        let event = try #require(try initiatives("2024年9月25日，“人工智能能力建设国际合作”高级别会议在纽约联合国总部举行。中方在会上提出《人工智能能力建设普惠计划》引起国际社会广泛关注。").first)
        #expect(event.announcedOn == "2024-09-25")
        #expect(event.kind == "plan")
        #expect(event.source.quote == "2024年9月25日，“人工智能能力建设国际合作”高级别会议在纽约联合国总部举行。中方在会上提出《人工智能能力建设普惠计划》引起国际社会广泛关注。")
    }

    @Test func aDateForSomethingElseIsNotTaken() throws {
        let found = try initiatives("2024年《政府工作报告》提出要促进人工智能研发应用，开展“人工智能+”行动。无论是“人工智能+”行动，还是《人工智能能力建设普惠计划》，都是具体举措。")
        #expect(found.map(\.name) == ["政府工作报告", "“人工智能+”行动", "人工智能能力建设普惠计划"])
        #expect(found.map(\.announcedOn) == ["2024", nil, nil])
    }

    @Test func theSameInitiativeTwiceIsOneRecordKeepingTheDatedMention() throws {
        let found = try initiatives("开展“人工智能+”行动。2024年3月5日，政府提出开展“人工智能+”行动。后来再次提到“人工智能+”行动。")
        #expect(found.count == 1)
        #expect(found.first?.announcedOn == "2024-03-05")
        #expect(found.first?.source.quote == "2024年3月5日，政府提出开展“人工智能+”行动。")
    }

    @Test func listsAndWordsInQuotesAreNotInitiatives() throws {
        #expect(try initiatives("中国提出了“十项行动”举措，是“中国方案”，群众“最多跑一次”，“政小云”服务机器人。").isEmpty)
    }

    @Test func quotedEnglishTitles() throws {
        let found = try initiatives("On 25 September 2024, China proposed the “AI Capacity-Building Action Plan”, building on the \"Global AI Governance Initiative\".")
        #expect(found.map(\.name) == ["AI Capacity-Building Action Plan", "Global AI Governance Initiative"])
        #expect(found.map(\.kind) == ["plan", "initiative"])
        #expect(found.first?.announcedOn == "2024-09-25")
    }
}
