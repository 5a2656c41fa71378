/// The language of the dashboard's and the briefing's words (the plan's own text stays as written).
public enum Language: String, CaseIterable, Sendable {
    case zh, en

    /// Chinese when `text` has a CJK ideograph, else English: how a plan's language is told from its title.
    public static func of(_ text: String) -> Language {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) } ? .zh : .en
    }

    /// The value of the HTML `lang` attribute.
    public var htmlTag: String { self == .zh ? "zh-Hans" : "en" }

    /// `zh` or `en` of a pair, so every label is written once with both spellings side by side.
    public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }

    public func status(_ status: Status) -> String {
        switch status {
        case .notStarted: pick("未启动", "not started")
        case .inProgress: pick("进行中", "in progress")
        case .atRisk: pick("有风险", "at risk")
        case .blocked: pick("受阻", "blocked")
        case .completed: pick("已完成", "completed")
        }
    }

    public func status(_ status: MilestoneStatus) -> String {
        switch status {
        case .met: pick("已达成", "met")
        case .onTrack: pick("按计划", "on track")
        case .atRisk: pick("有风险", "at risk")
        case .missed: pick("未达成", "missed")
        }
    }

    public func status(_ status: TargetStatus) -> String {
        switch status {
        case .met: pick("已达成", "met")
        case .onTrack: pick("按计划", "on track")
        case .atRisk: pick("有风险", "at risk")
        case .missed: pick("未达成", "missed")
        case .noData: pick("无数据", "no data")
        case .done: pick("已完成", "done")
        case .open: pick("待完成", "open")
        }
    }

    /// A number with the unit, as each language writes it: 4 of 10 / 4/10.
    public func count(_ done: Int, of target: Int) -> String { pick("\(done)/\(target)", "\(done) of \(target)") }

    /// A unit as each language writes it: a count of sessions is 期 in Chinese; one session is
    /// singular in English. Other units stay as the plan gives them.
    public func unit(_ unit: String, count: Double?) -> String {
        switch (self, unit) {
        case (.zh, "sessions"), (.zh, "session"): "期"
        case (.en, "sessions") where count == 1: "session"
        default: unit
        }
    }

    /// `title` in this language: in Chinese, a title in English gives way to `zh`, the plan's own
    /// words, when there are any.
    public func title(_ title: String, zh: String?) -> String {
        self == .zh && Language.of(title) != .zh ? (zh.flatMap { Language.of($0) == .zh ? $0 : nil } ?? title) : title
    }
}
