import Testing
@testable import Importer

@Suite struct ChineseNumeralTests {
    @Test(arguments: [
        ("一", 1), ("十", 10), ("十一", 11), ("十五", 15), ("二十", 20), ("九十九", 99), ("一百", 100),
        ("一百零五", 105), ("一百二十", 120), ("两千", 2000), ("一万二千", 12000), ("三亿", 300_000_000), ("二〇二四", 2024),
    ])
    func parses(numeral: String, value: Int) {
        #expect(ChineseNumerals.value(of: numeral) == value)
    }

    @Test func stopsAtTheFirstNonNumeral() throws {
        let text = "十期人工智能".scalars
        let (value, length) = try #require(ChineseNumerals.parse(text, at: 0))
        #expect(value == 10)
        #expect(length == 1)
    }

    @Test func needsADigitOrTenToStart() {
        #expect(ChineseNumerals.value(of: "百") == nil)
        #expect(ChineseNumerals.value(of: "万") == nil)
    }

    @Test(arguments: [("ten", 10), ("Five", 5), ("twelve", 12), ("twenty-one", 21), ("ninety", 90)])
    func readsEnglishNumberWords(word: String, value: Int) {
        #expect(EnglishNumbers.value(of: word) == value)
    }

    @Test func rejectsOtherEnglishWords() {
        #expect(EnglishNumbers.value(of: "actions") == nil)
        #expect(EnglishNumbers.value(of: "twenty-ten") == nil)
    }
}

@Suite struct QuantityTests {
    @Test func scalesWanAndYi() throws {
        let wan = try #require(quantities("线上课程学习人数达到1.2万人次").first)
        #expect(wan.value == 12000)
        #expect(wan.unit == "人次")
        let yi = try #require(quantities("网民规模达3.13亿").first)
        #expect(yi.value == 313_000_000)
        #expect(yi.unit == nil)
        #expect(yi.isScaled)
    }

    @Test func readsThousandsSeparatorsAndDecimals() {
        #expect(quantities("more than 4,500 AI companies").first?.value == 4500)
        #expect(quantities("数据生产总量达32.85泽字节（ZB）").first?.value == 32.85)
        #expect(quantities("1.2 million people").first?.value == 1_200_000)
    }

    @Test func readsChineseNumeralsWithMeasureWords() throws {
        let sessions = try #require(quantities("再举办十期人工智能领域研修研讨项目").first)
        #expect(sessions.value == 10)
        #expect(sessions.unit == "期")
        #expect(sessions.notation == .chinese)
        let items = try #require(quantities("社保等领域一百多个事项").first)
        #expect(items.value == 100)
        #expect(items.qualifier == ">")
        #expect(items.unit == "个")
        #expect(quantities("共九十九家").first?.value == 99)
    }

    @Test func normalisesUnits() {
        #expect(quantities("达32.85泽字节（ZB）").first?.unit == "ZB")
        #expect(quantities("中国算力总规模超230 EFLOPS").first?.unit == "EFLOPS")
        #expect(quantities("增速超过70%").first?.unit == "%")
        #expect(quantities("rose by 12 percent").first?.unit == "%")
        #expect(quantities("培训3000人次").first?.unit == "人次")
        #expect(quantities("企业数量超过4500家").first?.unit == "家")
    }

    @Test(arguments: [
        ("中国算力总规模超230 EFLOPS", ">"), ("增速超过70%", ">"), ("逾300家", ">"), ("1000余个场景", ">"),
        ("一百多个事项", ">"), ("50个以上", ">="), ("more than 4,500 companies", ">"), ("不少于20个", ">="),
        ("at least 12 hubs", ">="), ("研发效率缩短了约20.7%", "~"), ("近20个国家", "~"), ("about 40 countries", "~"),
        ("智能算力规模达到70 EFLOPS", "="), ("普及率达80.1%", "="), ("占比为35%", "="), ("同比增长22.44%", "="),
        ("less than 5 percent", "<"), ("up to 30 projects", "<="),
    ])
    func readsQualifiers(sentence: String, qualifier: String) throws {
        #expect(try #require(quantities(sentence).first).qualifier == qualifier)
    }

    @Test func skipsCodesYearsOrdinalsAndNames() {
        #expect(quantities("征订热线：010-82341063").isEmpty)
        #expect(quantities("邮发代号 2-786").isEmpty)
        #expect(quantities("第78届联合国大会").isEmpty)
        #expect(quantities("2024年9月25日").isEmpty)
        #expect(quantities("5G网络和H100芯片").isEmpty)
        #expect(quantities("一网通办、三星堆、一是赋能").isEmpty)
        #expect(quantities("这为之后十几年数字经济").isEmpty)
    }
}
