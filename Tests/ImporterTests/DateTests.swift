import Testing
@testable import Importer

@Suite struct DateTests {
    @Test(arguments: [
        ("2024年9月25日，中方提出", "2024-09-25"), ("2023年10月，习近平主席宣布", "2023-10"), ("2023年全国数据生产总量", "2023"),
        ("On 25 September 2024, China proposed", "2024-09-25"), ("September 25, 2024", "2024-09-25"),
        ("in October 2023", "2023-10"), ("published 2024-07-01", "2024-07-01"),
    ])
    func readsStatedPrecision(sentence: String, iso: String) throws {
        let mention = try #require(dates(sentence).first)
        #expect(mention.date.iso == iso)
        #expect(mention.role == .plain)
    }

    @Test func asOfTheEndOfAYear() throws {
        let mention = try #require(dates("根据工业和信息化部数据，截至2023年底，中国算力总规模超230 EFLOPS").first)
        #expect(mention.role == .asOf)
        #expect(mention.resolved == "2023-12-31")
        let english = try #require(dates("As of the end of 2023, total computing power exceeded 230 EFLOPS.").first)
        #expect(english.role == .asOf)
        #expect(english.resolved == "2023-12-31")
    }

    @Test(arguments: [
        ("将于2025年底前重点面向发展中国家再举办十期", "2025-12-31"), ("到2026年底，建成20个区域培训中心", "2026-12-31"),
        ("2025年9月底前，培训教师3000人次", "2025-09-30"), ("2024年2月底前完成", "2024-02-29"), ("2025年6月前出台", "2025-06-30"),
        ("到2030年，基本建成", "2030-12-31"), ("2025年内完成", "2025-12-31"),
        ("By the end of 2026, establish 12 regional training hubs.", "2026-12-31"),
        ("Train 3,000 officials by June 2026.", "2026-06-30"), ("by 30 June 2026", "2026-06-30"), ("by 2030", "2030-12-31"),
    ])
    func readsDeadlines(sentence: String, due: String) throws {
        let mention = try #require(dates(sentence).first)
        #expect(mention.role == .deadline)
        #expect(mention.resolved == due)
    }

    @Test func resolvesRelativeYearsAgainstTheDocument() throws {
        #expect(dates("去年成立国家数据局", documentYear: 2024).first?.date.iso == "2023")
        #expect(dates("在今年举办首届人工智能能力建设研讨班", documentYear: 2024).first?.date.iso == "2024")
        #expect(dates("明年底前完成", documentYear: 2024).first?.resolved == "2025-12-31")
        #expect(dates("年底前完成", documentYear: 2024).first?.resolved == "2024-12-31")
        #expect(dates("去年成立国家数据局", documentYear: nil).isEmpty)
    }

    @Test func ignoresNonDates() {
        #expect(dates("近20年的历程").isEmpty)
        #expect(dates("2030可持续发展目标").isEmpty)
        #expect(dates("1950 participants attended").isEmpty)
        #expect(dates("2024年内蒙古").first?.role == .plain)
        #expect(dates("2024年前三季度").first?.role == .plain)
    }

    @Test func partialDatesKnowTheirLastDay() throws {
        #expect(PartialDate(year: 2025).lastDay == "2025-12-31")
        #expect(PartialDate(year: 2025, month: 9).lastDay == "2025-09-30")
        #expect(PartialDate(year: 2100, month: 2).lastDay == "2100-02-28")
        #expect(try #require(PartialDate(iso: "2024-10-07")).iso == "2024-10-07")
        #expect(try #require(PartialDate(iso: "2025-10-06T18:50:52.249575")).iso == "2025-10-06")
        #expect(PartialDate(iso: "October") == nil)
    }

    @Test func theDocumentYearComesFromItsLatestDatedEvent() {
        let text = "2023年10月，提出倡议。2024年9月25日，提出计划。联合国2030年可持续发展议程。".scalars
        #expect(Dates.latestSpecificYear(text, in: 0..<text.count) == 2024)
    }
}
