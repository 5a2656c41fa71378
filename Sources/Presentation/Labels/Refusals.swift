import Tracker

/// The refusals a web form can show (the shared field rules' and the use cases' messages, and the
/// password rules'), in Chinese. Tracker words each refusal once, in English, for every front end;
/// this catalogue is keyed by those English patterns, `{}` standing for a value the message quotes,
/// so a Chinese page never shows an English sentence. A message no pattern knows is shown as a
/// general refusal in Chinese rather than in English.
public enum Refusals {
    /// `message` (one line or several) in Chinese.
    public static func chinese(_ message: String) -> String {
        message.split(separator: "\n").map { chineseLine(String($0)) }.joined(separator: "\n")
    }

    static func chineseLine(_ line: String) -> String {
        if let whole = translate(line) { return whole }
        // "…; did you mean 2025-06-03?": clause by clause when every clause is known.
        let clauses = line.split(separator: "; ").map { translate(String($0)) }
        if clauses.count > 1, clauses.allSatisfy({ $0 != nil }) { return clauses.compactMap { $0 }.joined(separator: "；") }
        return unknown
    }

    /// What a Chinese page says of a refusal this catalogue has no words for.
    static let unknown = "未能保存：填写的内容不符合要求，请检查后重试。"

    static func translate(_ text: String) -> String? {
        for rule in rules {
            if let values = match(text, rule.pattern) { return rule.chinese(values) }
        }
        return nil
    }

    /// The values in `text` where `pattern` has `{}`, or nil when it does not match. A value runs
    /// to the first occurrence of the text after it; the last one, to the text's end.
    static func match(_ text: String, _ pattern: String) -> [String]? {
        let literals = pattern.split(separator: "{}", omittingEmptySubsequences: false).map(String.init)
        guard text.hasPrefix(literals[0]) else { return nil }
        if literals.count == 1 { return text == pattern ? [] : nil }
        var rest = text.dropFirst(literals[0].count)
        var values: [String] = []
        for (index, literal) in literals.enumerated().dropFirst() {
            if index == literals.count - 1 {
                guard rest.hasSuffix(literal), rest.count >= literal.count else { return nil }
                values.append(String(rest.dropLast(literal.count)))
            } else {
                guard let found = rest.firstRange(of: literal) else { return nil }
                values.append(String(rest[..<found.lowerBound]))
                rest = rest[found.upperBound...]
            }
        }
        return values
    }

    struct Rule: Sendable {
        let pattern: String
        let chinese: @Sendable ([String]) -> String
    }

    /// The things a message names by their English words.
    static let nouns: [(en: String, zh: String)] = [
        ("note", "说明"), ("title", "标题"), ("location", "地点"), ("host", "主办方"), ("reason", "原因"), ("author", "填报人"),
        ("name", "名称"), ("unit", "单位"), ("search text", "搜索内容"), ("text of the target", "目标内容"), ("password", "密码"),
    ]

    /// What `FieldParser.id` says a value is not the id of.
    static let ids: [(en: String, zh: String)] = [
        ("a session", "培训编号"), ("an update", "进展更新编号"), ("a recorded value", "实际值编号"),
    ]

    static func quoted(_ value: String) -> String { "“\(value)”" }

    static func status(_ value: String) -> String { Language.zh.status(named: value) ?? value }

    /// The English unit a message quotes ('labs'), in Chinese.
    static func unit(_ quotedUnit: String) -> String {
        let unit = quotedUnit.hasPrefix("'") && quotedUnit.hasSuffix("'") && quotedUnit.count >= 2
            ? String(quotedUnit.dropFirst().dropLast()) : quotedUnit
        return quoted(Language.zh.unit(unit))
    }

    static let statusList = Status.allCases.map { Language.zh.status($0) }.joined(separator: "、")

    static let rules: [Rule] = {
        var rules: [Rule] = [
            // The shared field rules (FieldParser).
            Rule(pattern: "'{}' is not a valid date (expected YYYY-MM-DD, e.g. 2025-06-30)") { "\(quoted($0[0])) 不是有效的日期（应写作 年-月-日，如 2025-06-30）" },
            Rule(pattern: "did you mean {}?") { "是否应为 \($0[0])？" },
            Rule(pattern: "unknown status '{}' (valid: {})") { "没有\(quoted($0[0]))这种状态（可选：\(statusList)）" },
            Rule(pattern: "'{}' is not a number (expected 0 to 100)") { "\(quoted($0[0])) 不是数字（应为 0 到 100）" },
            Rule(pattern: "{} is out of range (expected 0 to 100)") { "\($0[0]) 超出范围（应为 0 到 100）" },
            Rule(pattern: "'{}' is not an http(s) URL") { "\(quoted($0[0])) 不是有效的网页地址" },
            Rule(pattern: "the URL has {} bytes; at most {} are allowed") { "网页地址有 \($0[0]) 个字节，最多允许 \($0[1]) 个" },
            Rule(pattern: "{} participants is negative") { "参与人数不能为负数（\($0[0])）" },
            Rule(pattern: "{} countries is negative") { "国家数不能为负数（\($0[0])）" },
            Rule(pattern: "'{}' is not a whole number of participants") { "\(quoted($0[0])) 不是整数（参与人数）" },
            Rule(pattern: "'{}' is not a whole number of countries") { "\(quoted($0[0])) 不是整数（国家数）" },
            Rule(pattern: "'{}' is not an action number (expected 1, 2, …)") { "\(quoted($0[0])) 不是行动编号（应为 1、2、…）" },
            Rule(pattern: "'{}' is not an action number (expected 1, 2, …, or a label such as 二（一）3)") {
                "\(quoted($0[0])) 不是行动编号（应为 1、2、…，或如 二（一）3 的序号）"
            },
            Rule(pattern: "'{}' is not a number") { "\(quoted($0[0])) 不是数字" },
            Rule(pattern: "'{}' is too large") { "\(quoted($0[0])) 太大" },
            Rule(pattern: "{} is negative; a measured value is 0 or more") { "\($0[0]) 是负数；实际值应不小于 0" },
            Rule(pattern: "'{}' is not one of >, >=, =, <=, <") { "\(quoted($0[0])) 不是 >、>=、=、<=、< 之一" },

            // Dates the use cases refuse.
            Rule(pattern: "{} is in the future (today is {})") { "\($0[0]) 尚未到来（今天是 \($0[1])）" },
            Rule(pattern: "{} is before the plan was proposed ({})") { "\($0[0]) 早于计划提出的日期（\($0[1])）" },
            Rule(pattern: "{} is before the start date {}") { "\($0[0]) 早于开始日期 \($0[1])" },
            Rule(pattern: "{} is before the session started ({})") { "\($0[0]) 早于培训开始的日期（\($0[1])）" },
            Rule(pattern: "the date {} kept from update {} is not allowed: {}; give the corrected date") {
                "沿用自更新 \($0[1]) 的日期 \($0[0]) 不可用：\(chineseLine($0[2]))；请填写更正后的日期"
            },

            // Progress updates.
            Rule(pattern: "update {} recorded the same (action {}, {}, {}, same note and author) less than {} minutes ago") {
                "\($0[4]) 分钟内已记录过相同的进展（更新 \($0[0])：行动 \($0[1])，\($0[2])，\(status($0[3]))），本次未保存"
            },
            Rule(pattern: "no progress update with id {}") { "没有编号为 \($0[0]) 的进展更新" },
            Rule(pattern: "progress update {} belongs to another plan; name its plan") { "进展更新 \($0[0]) 属于另一个计划" },
            Rule(pattern: "progress update {} was already corrected by {}; correct {} instead") { "进展更新 \($0[0]) 已被 \($0[1]) 更正；请改为更正 \($0[2])" },
            Rule(pattern: "action {} does not exist in plan {} (it has no actions)") { "计划 \($0[1]) 中没有行动 \($0[0])（该计划没有行动）" },
            Rule(pattern: "action {} does not exist in plan {} (it has actions 1–{})") { "计划 \($0[1]) 中没有行动 \($0[0])（共有行动 1–\($0[2])）" },
            Rule(pattern: "commitment '{}' belongs to another action") { "承诺\(quoted($0[0]))属于另一项行动" },

            // Commitments and their recorded values.
            Rule(pattern: "no commitment ''{}") { _ in "请选择一项承诺" },
            Rule(pattern: "no commitment '{}' in plan {} (commitments: {})") { "计划 \($0[1]) 中没有承诺\(quoted($0[0]))（现有：\($0[2])）" },
            Rule(pattern: "no commitment '{}' in plan {}") { "计划 \($0[1]) 中没有承诺\(quoted($0[0]))" },
            Rule(pattern: "no commitment '{}' (nearest: {})") { "没有承诺\(quoted($0[0]))（最接近的：\($0[1])）" },
            Rule(pattern: "no commitment '{}' (there are none yet)") { "没有承诺\(quoted($0[0]))（尚无任何承诺）" },
            Rule(pattern: "commitment {} is a date-only deliverable; it is done when its action is reported completed") {
                "承诺 \($0[0]) 只有完成日期，无需记录数值；其行动的进展报告为“已完成”时即视为完成"
            },
            Rule(pattern: "commitment {} is a date-only deliverable") { "承诺 \($0[0]) 只有完成日期，无需记录数值" },
            Rule(pattern: "commitment {} is counted in the training sessions of milestone {}") {
                "承诺 \($0[0]) 按里程碑 \($0[1]) 的培训期数自动统计，请在培训页记录培训"
            },
            Rule(pattern: "{}% is over 100%") { "\($0[0])% 超过了 100%" },
            Rule(pattern: "'{}' is not the unit of this target (it has none)") { "\(quoted($0[0])) 不是该目标的单位（该目标没有单位）" },
            Rule(pattern: "'{}' is not the unit of this target ({})") { "\(quoted($0[0])) 不是该目标的单位（应为\(unit($0[1]))）" },
            Rule(pattern: "no recorded value with id {}") { "没有编号为 \($0[0]) 的已记录实际值" },
            Rule(pattern: "value {} was already corrected by {}; correct {} instead") { "实际值 \($0[0]) 已被 \($0[1]) 更正；请改为更正 \($0[2])" },

            // Training sessions.
            Rule(pattern: "session {} already records '{}' starting {}; correct that one, or allow a duplicate") {
                "培训 \($0[0]) 已记录\(quoted($0[1]))（\($0[2]) 开始）；请更正那一条"
            },
            Rule(pattern: "a baseline session counts toward no milestone; name no milestone") { _ in "基线培训不计入任何里程碑；请不要选择里程碑" },
            Rule(pattern: "no milestone '{}' in plan {} (nearest: {})") { "计划 \($0[1]) 中没有里程碑\(quoted($0[0]))（最接近的：\($0[2])）" },
            Rule(pattern: "no milestone '{}' in plan {} (there are none yet)") { "计划 \($0[1]) 中没有里程碑\(quoted($0[0]))（尚无任何里程碑）" },
            Rule(pattern: "plan {} has no milestone yet") { "计划 \($0[0]) 尚无里程碑" },
            Rule(pattern: "several milestones; choose one ({})") { "有多个里程碑，请选择其一（\($0[0])）" },
            Rule(pattern: "no training session with id {}") { "没有编号为 \($0[0]) 的培训" },
            Rule(pattern: "session {} was already corrected by {}; correct or withdraw {} instead") { "培训 \($0[0]) 已被 \($0[1]) 更正；请改为更正或撤回 \($0[2])" },
            Rule(pattern: "session {} was withdrawn on {}") { "培训 \($0[0]) 已于 \($0[1]) 撤回" },
            Rule(pattern: "nothing to correct: give at least one field to change") { _ in "没有要更正的内容：请至少填写一个要修改的字段" },

            // Passwords (the account rules and the password form).
            Rule(pattern: "the password has {} characters; at least {} are needed") { "密码只有 \($0[0]) 个字符，至少需要 \($0[1]) 个" },
            Rule(pattern: "the password is longer than 72 bytes") { _ in "密码超过 72 个字节" },
            Rule(pattern: "the password contains the user name; choose one nobody could guess") { _ in "密码包含用户名；请选择别人猜不到的密码" },
            Rule(pattern: "the password is too common (it is on the list of the most used passwords); choose a longer phrase of your own") { _ in
                "密码过于常见（在最常用的密码名单上）；请改用一句更长的、您自己的话"
            },
            Rule(pattern: "the new password is the current one; choose another") { _ in "新密码与当前密码相同；请另选一个" },
        ]
        for noun in nouns {
            rules.append(Rule(pattern: "the \(noun.en) is empty") { _ in "\(noun.zh)不能为空" })
            rules.append(Rule(pattern: "the \(noun.en) has {} characters; at most {} are allowed") { "\(noun.zh)有 \($0[0]) 个字符，最多允许 \($0[1]) 个" })
            rules.append(Rule(pattern: "the \(noun.en) has {} bytes; at most {} are allowed") { "\(noun.zh)有 \($0[0]) 个字节，最多允许 \($0[1]) 个" })
            rules.append(Rule(pattern: "the \(noun.en) contains the control character {}; remove it") { "\(noun.zh)含有控制字符 \($0[0])；请删除" })
        }
        for id in ids {
            rules.append(Rule(pattern: "'{}' is not \(id.en) id") { "\(quoted($0[0])) 不是有效的\(id.zh)（应为 1、2、…）" })
        }
        return rules
    }()
}

extension Language {
    /// A refusal shown on a page in this language: English pages show Tracker's words as they are.
    public func refusal(_ message: String) -> String { self == .zh ? Refusals.chinese(message) : message }
}
