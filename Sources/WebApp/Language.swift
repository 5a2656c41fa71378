import Tracker

/// The interface's two languages. Plan text stays in its own language whichever is chosen.
public enum Language: String, Sendable, CaseIterable {
    case en, zh

    /// The `lang` cookie when set (the switch sticks), else the first of `Accept-Language` we speak.
    static func choose(cookie: String?, acceptLanguage: String?) -> Language {
        if let cookie, let chosen = Language(rawValue: cookie) { return chosen }
        for part in (acceptLanguage ?? "").split(separator: ",") {
            let tag = part.split(separator: ";").first.map { String($0.filter { $0 != " " }).lowercased() } ?? ""
            if tag.hasPrefix("zh") { return .zh }
            if tag.hasPrefix("en") { return .en }
        }
        return .en
    }

    var other: Language { self == .en ? .zh : .en }
    /// The same language for Tracker's charts.
    var forCharts: Tracker.Language { self == .en ? .en : .zh }
    var switchLabel: String { self == .en ? "中文" : "English" }

    /// Every interface string by key, for the templates (`{{t.key}}`).
    var labels: [String: String] { Self.table.mapValues { self == .en ? $0.0 : $0.1 } }

    func callAsFunction(_ key: String) -> String {
        guard let pair = Self.table[key] else { return key }
        return self == .en ? pair.0 : pair.1
    }

    static let table: [String: (String, String)] = [
        "app": ("Plan tracker", "计划跟踪"),
        "overview": ("Overview", "总览"),
        "targets": ("Targets", "目标"),
        "training": ("Training", "培训"),
        "indicators": ("Indicators", "指标"),
        "search": ("Search", "搜索"),
        "reports": ("Reports", "报告"),
        "sign_in": ("Sign in", "登录"),
        "sign_out": ("Sign out", "退出"),
        "name": ("Name", "用户名"),
        "password": ("Password", "密码"),
        "new_password": ("New password (at least 12 characters)", "新密码（至少12个字符）"),
        "current_password": ("Current password", "当前密码"),
        "change_password": ("Change password", "修改密码"),
        "must_change": ("Choose your own password before going on.", "请先设置您自己的密码。"),
        "bad_sign_in": ("Wrong name or password.", "用户名或密码错误。"),
        "throttled": ("Too many failed sign-ins from here; wait a little, then try again.", "此处登录失败次数过多，请稍候再试。"),
        "wrong_current": ("The current password is wrong.", "当前密码不正确。"),
        "must_change_first": ("Change your one-time password first (/password).", "请先修改一次性密码（/password）。"),
        "cross_site": ("The request did not come from this site's own pages.", "请求并非来自本站页面。"),
        "as_of": ("As of", "截至"),
        "show": ("Show", "显示"),
        "action": ("Action", "行动"),
        "actions": ("Actions", "行动"),
        "status": ("Status", "状态"),
        "last_update": ("Last update", "最近更新"),
        "updates": ("Updates", "更新数"),
        "percent": ("Percent", "百分比"),
        "note": ("Note", "说明"),
        "milestones": ("Milestones", "里程碑"),
        "target": ("Target", "目标值"),
        "done": ("Done", "已完成"),
        "due": ("Due", "截止"),
        "pace": ("Pace / month", "月均进度"),
        "projected": ("Projected", "预计完成"),
        "commitments": ("Commitments", "承诺"),
        "timeline": ("Timeline", "时间线"),
        "source": ("Source", "出处"),
        "date": ("Date", "日期"),
        "author": ("Author", "填报人"),
        "evidence": ("Evidence URL", "证据链接"),
        "commitment": ("Commitment", "承诺"),
        "add_update": ("Add a progress update", "添加进展"),
        "correct": ("Correct", "更正"),
        "correct_update": ("Correct update", "更正更新"),
        "save": ("Save", "保存"),
        "title": ("Title", "标题"),
        "start": ("Start", "开始"),
        "end": ("End", "结束"),
        "location": ("Location", "地点"),
        "host": ("Host", "主办方"),
        "participants": ("Participants", "参与人数"),
        "countries": ("Countries", "国家数"),
        "milestone": ("Milestone", "里程碑"),
        "baseline": ("Baseline (counts toward no milestone)", "基线（不计入里程碑）"),
        "add_session": ("Add a training session", "添加培训"),
        "withdraw_session": ("Withdraw a session", "撤回培训"),
        "session_id": ("Session id (first column above)", "培训编号（上表第一列）"),
        "reason": ("Reason", "原因"),
        "withdraw": ("Withdraw", "撤回"),
        "value": ("Value", "数值"),
        "correct_session": ("Correct a session", "更正培训"),
        "empty_keeps": ("Fields left empty keep their recorded value.", "留空的字段保留原记录的值。"),
        "recorded_values": ("Recorded values", "已记录的实际值"),
        "record_actual": ("Record an actual value", "记录实际值"),
        "correct_actual": ("Correct a recorded value", "更正实际值"),
        "measured_on": ("Measured on", "测量日期"),
        "corrects": ("corrects", "更正"),
        "unit": ("Unit", "单位"),
        "download_csv": ("Download CSV", "下载 CSV"),
        "no_results": ("Nothing found.", "没有结果。"),
        "query": ("Search text", "搜索内容"),
        "viewer_note": ("You can read; an editor account is needed to record progress.", "您只能查看；记录进展需要编辑账户。"),
        "saved": ("Saved.", "已保存。"),
        "not_found": ("Not found.", "未找到。"),
        "forbidden": ("You may not do that.", "您无权执行此操作。"),
        "fix_below": ("Please fix the fields marked below.", "请修改下面标出的字段。"),
        "superseded": ("superseded", "已被更正"),
        "none": ("none", "无"),
    ]
}
