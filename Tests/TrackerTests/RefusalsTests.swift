import Testing

@testable import Presentation
@testable import Tracker

/// A Chinese page shows the field rules' refusals in Chinese: each message the shared rules give
/// for a bad value has its own words in the catalogue (not the general fallback), and no English.
@Suite struct RefusalsTests {
    func problem(_ parse: () throws -> Void) -> String {
        do { try parse() } catch let error as FieldProblem { return error.message } catch { Issue.record("\(error)") }
        Issue.record("no refusal")
        return ""
    }

    /// What is left of a Chinese message once the values it quotes are taken out: no Latin word.
    func latinWords(_ message: String, quoting values: [String]) -> [String] {
        let rest = values.reduce(message) { $0.replacing($1, with: "") }
        return rest.split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init).filter { $0.count > 1 }
    }

    @Test func fieldRulesRefuseInChinese() {
        let cases: [(message: String, typed: [String])] = [
            (problem { _ = try FieldParser.date("2025/6/3") }, ["2025/6/3"]),
            (problem { _ = try FieldParser.date("soon") }, ["soon"]),
            (problem { _ = try FieldParser.status("done-ish") }, ["done-ish"]),
            (problem { _ = try FieldParser.percent("abc") }, ["abc"]),
            (problem { _ = try FieldParser.percent("250") }, ["250"]),
            (problem { _ = try FieldParser.note(" ") }, []),
            (problem { _ = try FieldParser.note(String(repeating: "x", count: 10_001)) }, []),
            (problem { _ = try FieldParser.line("a\u{1B}b", what: "title") }, []),
            (problem { _ = try FieldParser.line("", what: "location") }, []),
            (problem { _ = try FieldParser.line("", what: "reason") }, []),
            (problem { _ = try FieldParser.evidenceURL("example.org") }, ["example.org"]),
            (problem { _ = try FieldParser.participants("-3") }, []),
            (problem { _ = try FieldParser.countries("many") }, ["many"]),
            (problem { _ = try FieldParser.id("abc", what: "a session") }, ["abc"]),
            (problem { _ = try FieldParser.quantity("-5") }, ["-5"]),
            (problem { _ = try FieldParser.quantity("lots") }, ["lots"]),
            (problem { _ = try AccountStore.checkPassword("short") }, []),
        ]
        for (message, typed) in cases {
            let chinese = Refusals.chinese(message)
            #expect(chinese != Refusals.unknown, "\(message)")
            #expect(latinWords(chinese, quoting: typed) == [], "\(message) → \(chinese)")
        }
        #expect(Refusals.chinese(problem { _ = try FieldParser.date("2025/6/3") })
            == "“2025/6/3” 不是有效的日期（应写作 年-月-日，如 2025-06-30）；是否应为 2025-06-03？")
        #expect(Refusals.chinese(problem { _ = try FieldParser.percent("250") }) == "250 超出范围（应为 0 到 100）")
    }

    @Test func useCaseRefusalsAsTheWebShowsThem() {
        #expect(Refusals.chinese("2099-01-01 is in the future (today is 2026-12-03)") == "2099-01-01 尚未到来（今天是 2026-12-03）")
        #expect(Refusals.chinese("'km' is not the unit of this target ('labs')") == "“km” 不是该目标的单位（应为“个实验室”）")
        #expect(Refusals.chinese("no commitment '' (nearest: a, b)") == "请选择一项承诺")
        #expect(Refusals.chinese("update 7 recorded the same (action 6, 2025-04-02, in-progress, same note and author) less than 10 minutes ago")
            == "10 分钟内已记录过相同的进展（更新 7：行动 6，2025-04-02，进行中），本次未保存")
        // A message the catalogue does not know is still Chinese.
        #expect(Refusals.chinese("something new went wrong") == Refusals.unknown)
        #expect(Language.en.refusal("the note is empty") == "the note is empty")
        #expect(Language.zh.refusal("the note is empty") == "说明不能为空")
    }
}
