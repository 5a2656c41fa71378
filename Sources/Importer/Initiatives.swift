/// One place an initiative is named, before mentions of the same one are merged.
struct InitiativeMention {
    var name: String
    var kind: String
    var date: DateMention?
    /// Where the name is written (for exclusions and plan titles).
    var nameRange: Range<Int>
    /// The sentence (or the dated sentence before it, and it) the mention is quoted with.
    var sourceRange: Range<Int>
}

/// Named initiatives: titles in 《》, programmes in quotes ending in 行动/计划/倡议/中心/… (“人工智能+”行动),
/// quoted English titles, and …决议 noun phrases; each with the date stated for it.
enum Initiatives {
    /// Kind by how a name ends (longest first); 《》 titles with no known ending are `document`.
    private static let chineseKinds: [(String, String)] = [
        ("行动计划", "plan"), ("计划", "plan"), ("规划", "plan"), ("方案", "plan"), ("纲要", "plan"), ("战略", "plan"),
        ("路线图", "plan"), ("倡议", "initiative"), ("行动", "programme"), ("工程", "programme"), ("项目", "programme"),
        ("中心", "platform"), ("平台", "platform"), ("联盟", "platform"), ("基地", "platform"), ("实验室", "platform"),
        ("框架", "framework"), ("办法", "policy"), ("条例", "policy"), ("规定", "policy"), ("意见", "policy"),
        ("通知", "policy"), ("指南", "policy"), ("准则", "policy"), ("法", "policy"), ("决议", "resolution"),
        ("决定", "resolution"), ("宣言", "declaration"), ("公约", "treaty"), ("协定", "agreement"), ("报告", "report"),
        ("白皮书", "report"), ("蓝皮书", "report"), ("案例集", "report"), ("议程", "agenda"),
    ]
    /// Endings that make a quoted phrase a named programme (a quoted 法 or 报告 is usually just a word).
    private static let quotedSuffixes = LiteralSet([
        "行动计划", "计划", "规划", "战略", "倡议", "行动", "工程", "中心", "平台", "联盟", "框架", "办法", "决议", "基地",
    ])
    private static let englishKinds: [String: String] = [
        "plan": "plan", "strategy": "plan", "roadmap": "plan", "initiative": "initiative", "programme": "programme",
        "program": "programme", "action": "programme", "project": "programme", "centre": "platform", "center": "platform",
        "platform": "platform", "alliance": "platform", "network": "platform", "hub": "platform", "framework": "framework",
        "measures": "policy", "regulation": "policy", "regulations": "policy", "law": "policy", "act": "policy",
        "guidelines": "policy", "policy": "policy", "resolution": "resolution", "decision": "resolution",
        "report": "report", "casebook": "report", "declaration": "declaration", "compact": "agreement", "agenda": "agenda",
    ]
    /// A …决议 phrase starts after these (由中国主提的|加强…决议, 该决议, 在决议).
    private static let resolutionStops: Set<Unicode.Scalar> = ["的", "在", "该", "此", "了", "和", "与", "及", "将", "对", "是", "为", "这", "本", "其"]

    static func extract(_ text: NormalisedText, documentYear: Int?) -> [InitiativeMention] {
        var mentions: [InitiativeMention] = []
        let body = text.body
        for block in text.blocks {
            let sentences = Sentences.split(body, in: block.range)
            var previousDates: [DateMention] = []
            var previousNamesInitiative = false
            for (position, sentence) in sentences.enumerated() {
                let protected = Spans.quotedAndTitled(body, in: sentence)
                let dates = Dates.scan(body, in: sentence, documentYear: documentYear).filter { date in
                    date.role != .deadline && !protected.contains { $0.overlaps(date.range) }
                }
                // Headings are written in title case: capitalised words there are no name.
                let named = names(body, in: sentence, englishNames: !block.kind.isHeading)
                defer { previousNamesInitiative = !named.isEmpty }
                for (name, kind, nameRange) in named {
                    var mention = InitiativeMention(name: name, kind: kind, date: nil, nameRange: nameRange, sourceRange: sentence)
                    if let date = date(for: nameRange, body, sentence: sentence, dates: dates, otherNames: named.map(\.2)) {
                        mention.date = date
                    } else if dates.isEmpty, position > 0, let first = previousDates.first, !previousNamesInitiative,
                              first.isSpecific, first.range.lowerBound == sentences[position - 1].lowerBound {
                        // "2024年9月25日，…会议举行。中方在会上提出《…》": an event sentence that names no
                        // initiative of its own dates the next one.
                        mention.date = first
                        mention.sourceRange = sentences[position - 1].lowerBound..<sentence.upperBound
                    }
                    mentions.append(mention)
                }
                previousDates = dates
            }
        }
        return mentions
    }

    /// One initiative per name: its first dated mention, else its first mention.
    static func merge(_ mentions: [InitiativeMention]) -> [InitiativeMention] {
        var order: [String] = []
        var chosen: [String: InitiativeMention] = [:]
        for mention in mentions {
            guard let current = chosen[mention.name] else {
                order.append(mention.name)
                chosen[mention.name] = mention
                continue
            }
            if current.date == nil, mention.date != nil { chosen[mention.name] = mention }
        }
        return order.compactMap { chosen[$0] }
    }

    static func kind(ofChineseName name: String) -> String? {
        var scalars = name.scalars
        // 全国数据资源调查报告（2023年）: the bracketed edition does not change what it is.
        if scalars.last == "）" || scalars.last == ")", let open = scalars.lastIndex(where: { $0 == "（" || $0 == "(" }), open > 0 {
            scalars = Array(scalars[..<open])
        }
        for (suffix, kind) in chineseKinds where scalars.matches(suffix, endingAt: scalars.count) { return kind }
        if let lastWord = name.split(separator: " ").last, let kind = englishKinds[lastWord.lowercased()] { return kind }
        return nil
    }

    // MARK: Names

    private static func names(_ body: Scalars, in sentence: Range<Int>, englishNames: Bool = true) -> [(String, String, Range<Int>)] {
        var found: [(String, String, Range<Int>)] = []
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            let scalar = body[index]
            if scalar == "《", let close = Spans.matchingClose(body, open: "《", close: "》", from: index, limit: sentence.upperBound) {
                let inner = body.trimmingWhitespace(index + 1..<close)
                if !inner.isEmpty, inner.count <= 60 {
                    let name = body.string(inner)
                    found.append((name, kind(ofChineseName: name) ?? "document", index..<close + 1))
                }
                index = close + 1
                continue
            }
            if scalar == "“" || scalar == "‘" || scalar == "\"",
               let named = quotedName(body, at: index, sentence: sentence) ?? quotedProgramme(body, at: index, sentence: sentence) {
                found.append(named)
            }
            if body.matches("决议", at: index), let named = resolutionName(body, endingAt: index + 2, sentence: sentence) {
                found.append(named)
            }
            if let named = implementedName(body, at: index, sentence: sentence)
                ?? executiveOrder(body, at: index, sentence: sentence) ?? (englishNames ? englishName(body, at: index, sentence: sentence) : nil) {
                if !found.contains(where: { $0.2.overlaps(named.2) }) { found.append(named) }
                index = named.2.upperBound
                continue
            }
            index += 1
        }
        return found
    }

    // MARK: Names without quotes

    private static let implementingVerbs = LiteralSet(["深入实施", "组织实施", "实施", "开展", "启动", "落实", "推进实施", "推动实施"])
    private static let programmeSuffixes = LiteralSet(["专项行动", "行动计划", "战略", "行动", "工程", "计划", "倡议"])

    /// 实施国家文化数字化战略, 深入实施数字乡村发展行动: a programme named after a verb that implements it,
    /// its name four or more ideographs before 战略/行动/工程/计划/倡议/专项行动 and ending a clause.
    private static func implementedName(_ body: Scalars, at index: Int, sentence: Range<Int>) -> (String, String, Range<Int>)? {
        guard let (_, verbLength) = implementingVerbs.match(body, at: index, end: sentence.upperBound) else { return nil }
        let start = index + verbLength
        guard start < sentence.upperBound, body[start].isCJKIdeograph, !ChineseNumerals.canStart(body[start]) else { return nil }
        var end = start
        while end < sentence.upperBound, end - start < 24, body[end].isCJKIdeograph || body[end] == "+" { end += 1 }
        // The clause must end with the name (实施数字乡村发展行动，…), not run on (…行动落地见效).
        guard end == sentence.upperBound || !body[end].isCJKIdeograph,
              let (suffix, length) = programmeSuffixes.matchEnding(body, at: end, start: start),
              end - length - start >= 4
        else { return nil }
        let name = body.string(start..<end)
        guard !name.contains("的"), !name.contains("和"), let kind = kind(ofChineseName: name) ?? kind(ofChineseName: suffix) else { return nil }
        return (name, kind, start..<end)
    }

    private static let programmeVerbs = LiteralSet(["共建", "建设", "实施", "推进", "打造", "参与", "启动"])

    /// 高质量共建“数字丝绸之路”: a quoted name that is built or carried out, though it ends in no programme noun.
    private static func quotedProgramme(_ body: Scalars, at open: Int, sentence: Range<Int>) -> (String, String, Range<Int>)? {
        guard body[open] == "“" else { return nil }
        var close = open + 1
        while close < sentence.upperBound, body[close] != "”", close - open <= 14 { close += 1 }
        guard close < sentence.upperBound, body[close] == "”" else { return nil }
        let content = open + 1..<close
        guard content.count >= 4, body[content].allSatisfy({ $0.isCJKIdeograph }) else { return nil }
        let before = programmeVerbs.matchEnding(body, at: open, start: sentence.lowerBound) != nil
        let after = close + 3 <= sentence.upperBound && body.matches("建设", at: close + 1)
        guard before || after else { return nil }
        return (body.string(content), "programme", open..<close + 1)
    }

    /// Executive Order 14179, with its title when one follows in quotes or after a colon.
    private static func executiveOrder(_ body: Scalars, at index: Int, sentence: Range<Int>) -> (String, String, Range<Int>)? {
        let phrase = "Executive Order "
        guard body.matches(phrase, at: index), body.isWordStart(index) else { return nil }
        let numberStart = index + phrase.unicodeScalars.count
        var numberEnd = numberStart
        while numberEnd < sentence.upperBound, body[numberEnd].isASCIIDigit { numberEnd += 1 }
        guard numberEnd - numberStart >= 4 else { return nil }
        var name = body.string(index..<numberEnd)
        var end = numberEnd
        var cursor = numberEnd
        while cursor < sentence.upperBound, ", (:".unicodeScalars.contains(body[cursor]), cursor - numberEnd < 3 { cursor += 1 }
        if cursor < sentence.upperBound, body[cursor] == "“" || body[cursor] == "\"" {
            let close: Unicode.Scalar = body[cursor] == "“" ? "”" : "\""
            var titleEnd = cursor + 1
            while titleEnd < sentence.upperBound, body[titleEnd] != close, titleEnd - cursor < 160 { titleEnd += 1 }
            if titleEnd < sentence.upperBound, body[titleEnd] == close {
                let title = body.trimming(cursor + 1..<titleEnd) { $0.isWhitespaceOrNewline || ",.".unicodeScalars.contains($0) }
                name += ", " + body.string(title)
                end = titleEnd + 1
            }
        }
        return (name, "policy", index..<end)
    }

    private static let englishProgrammeKinds: [String: String] = [
        "program": "programme", "programme": "programme", "pilot": "programme", "fund": "programme", "facility": "programme",
        "centre": "platform", "center": "platform", "institute": "platform",
        "consortium": "platform",
    ]
    private static let nameJoiners: Set<String> = ["of", "for", "and", "on", "in", "&"]
    private static let leadingVerbs: Set<String> = [
        "The", "A", "An", "This", "That", "These", "Those", "Our", "Its", "Their", "Each", "Every", "Establish", "Launch",
        "Create", "Expand", "Support", "Build", "Develop", "Continue", "Leverage", "Prioritize", "Prioritise", "Direct",
        "Encourage", "Invest", "Convene", "Publish", "Partner", "Promote", "Through", "Under", "Via", "With", "Using",
        "Use", "Fund", "Grow", "Scale", "Strengthen", "Set", "Stand", "Make", "Give", "Led", "By", "In", "At", "For",
    ]

    /// National AI Research Resource (NAIRR) pilot, the Regional Compute Access Fund: capitalised words
    /// (and `of`/`for`/`and` between them) ending in a programme, fund or centre noun.
    private static func englishName(_ body: Scalars, at index: Int, sentence: Range<Int>) -> (String, String, Range<Int>)? {
        guard body[index].isASCIIUppercase, index == sentence.lowerBound || !body[index - 1].isASCIIAlphanumeric,
              index == sentence.lowerBound || body[index - 1] != "“" && body[index - 1] != "\""
        else { return nil }
        var words: [Range<Int>] = []
        var capitalised = 0
        var cursor = index
        var kind: String?
        while cursor < sentence.upperBound {
            if body[cursor] == "(", let close = (cursor + 1..<min(sentence.upperBound, cursor + 12)).first(where: { body[$0] == ")" }),
               close > cursor + 1, body[cursor + 1..<close].allSatisfy({ $0.isASCIIUppercase || $0.isASCIIDigit || $0 == "-" }), !words.isEmpty {
                words.append(cursor..<close + 1)
                cursor = close + 1
                // "… (NAIRR) pilot": a lower-case programme noun right after the acronym.
                if cursor + 1 < sentence.upperBound, body[cursor] == " ", let next = EnglishNumbers.word(body, at: cursor + 1, end: sentence.upperBound),
                   let found = englishProgrammeKinds[body.string(next)] {
                    words.append(next)
                    kind = found
                    break
                }
                if cursor < sentence.upperBound, body[cursor] == " " { cursor += 1 }
                continue
            }
            guard let word = asciiToken(body, at: cursor, end: sentence.upperBound) else { break }
            let text = body.string(word)
            if body[word.lowerBound].isASCIIUppercase || body[word.lowerBound].isASCIIDigit {
                words.append(word)
                capitalised += 1
                if let found = englishProgrammeKinds[text.lowercased()], capitalised >= 3 || (capitalised >= 2 && words.count >= 2) {
                    kind = found
                    // "Centers of Excellence": the name goes on while capitalised words follow a joiner.
                    if !(word.upperBound + 4 < sentence.upperBound && body.matches(" of ", at: word.upperBound)) { break }
                }
            } else if nameJoiners.contains(text), !words.isEmpty {
                words.append(word)
            } else {
                break
            }
            cursor = word.upperBound
            guard cursor < sentence.upperBound, body[cursor] == " " else { break }
            cursor += 1
        }
        guard let kind else { return nil }
        while let last = words.last, !body[last.lowerBound].isASCIIUppercase, englishProgrammeKinds[body.string(last)] == nil,
              body[last.lowerBound] != "(" {
            words.removeLast()
        }
        while let first = words.first, leadingVerbs.contains(body.string(first)) { words.removeFirst() }
        guard let first = words.first, let last = words.last, body[first.lowerBound].isASCIIUppercase,
              words.filter({ body[$0.lowerBound].isASCIIUppercase }).count >= 2
        else { return nil }
        return (body.string(first.lowerBound..<last.upperBound), kind, first.lowerBound..<last.upperBound)
    }

    /// Letters, digits and inner hyphens or apostrophes (AI, U.S.-led is two tokens): one word of a name.
    private static func asciiToken(_ body: Scalars, at start: Int, end: Int) -> Range<Int>? {
        var index = start
        while index < end, body[index].isASCIIAlphanumeric || ((body[index] == "-" || body[index] == "&") && index > start) { index += 1 }
        return index > start ? start..<index : nil
    }

    /// “中国-金砖国家人工智能发展与合作中心”, “人工智能+”行动, ‘人工智能+’行动, "Global AI Governance Initiative".
    private static func quotedName(_ body: Scalars, at open: Int, sentence: Range<Int>) -> (String, String, Range<Int>)? {
        let closeMark: Unicode.Scalar = switch body[open] {
        case "“": "”"
        case "‘": "’"
        default: "\""
        }
        var close = open + 1
        while close < sentence.upperBound, body[close] != closeMark, close - open <= 80 { close += 1 }
        guard close < sentence.upperBound, body[close] == closeMark else { return nil }
        let content = open + 1..<close
        guard content.count >= 2, !body[content].contains(where: { "，。；！？,;!?".unicodeScalars.contains($0) }) else { return nil }
        // “十项行动” is an announced list, not a programme's name.
        if let announced = Announcements.find(body, in: content).first, announced.range.lowerBound == content.lowerBound { return nil }
        if body[content.lowerBound].isASCIIUppercase {
            guard let lastWord = body.string(content).split(separator: " ").last,
                  let kind = englishKinds[lastWord.lowercased()], body[content].contains(" ")
            else { return nil }
            return (body.string(content), kind, open..<close + 1)
        }
        if quotedSuffixes.matchEnding(body, at: content.upperBound, start: content.lowerBound) != nil,
           let kind = kind(ofChineseName: body.string(content)) {
            return (body.string(content), kind, open..<close + 1)
        }
        if let (suffix, length) = quotedSuffixes.match(body, at: close + 1, end: sentence.upperBound),
           let kind = kind(ofChineseName: suffix) {
            return ("“" + body.string(content) + "”" + suffix, kind, open..<close + 1 + length)
        }
        return nil
    }

    /// 加强人工智能能力建设国际合作决议: the run of ideographs before 决议, back to 的/在/该….
    private static func resolutionName(_ body: Scalars, endingAt end: Int, sentence: Range<Int>) -> (String, String, Range<Int>)? {
        var start = end - 2
        while start > sentence.lowerBound, end - start < 40, body[start - 1].isCJKIdeograph, !resolutionStops.contains(body[start - 1]) {
            start -= 1
        }
        guard end - 2 - start >= 4, start == sentence.lowerBound || body[start - 1] != "《" else { return nil }
        return (body.string(start..<end), "resolution", start..<end)
    }

    // MARK: Dates

    /// The date stated for a name: in its own clause before it (2023年3月颁布《…》), in a clause
    /// before it that is only a date (…，2024年9月25日，提出《…》), or opening the sentence.
    private static func date(
        for name: Range<Int>, _ body: Scalars, sentence: Range<Int>, dates: [DateMention], otherNames: [Range<Int>]
    ) -> DateMention? {
        let clause = Sentences.clause(body, containing: name.lowerBound, in: sentence)
        if let inClause = dates.last(where: { $0.range.lowerBound >= clause.lowerBound && $0.range.upperBound <= name.lowerBound }) {
            return inClause
        }
        if clause.lowerBound > sentence.lowerBound + 1 {
            let previousClause = Sentences.clause(body, containing: clause.lowerBound - 2, in: sentence)
            if let dateOnly = dates.first(where: { $0.range == previousClause }) { return dateOnly }
        }
        // An opening date dates the whole sentence, unless it is written onto another title (2024年《政府工作报告》).
        return dates.first { date in
            date.range.lowerBound < name.lowerBound && isSentenceStart(date.range.lowerBound, body, sentence: sentence)
                && !otherNames.contains { $0 != name && $0.lowerBound == date.range.upperBound }
        }
    }

    private static func isSentenceStart(_ index: Int, _ body: Scalars, sentence: Range<Int>) -> Bool {
        guard index - sentence.lowerBound <= 3 else { return false }
        let lead = body.string(sentence.lowerBound..<index).trimming(characters: " ").lowercased()
        return ["", "于", "在", "on", "in"].contains(lead)
    }
}
