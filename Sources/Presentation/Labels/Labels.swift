import Storage
import Tracker

/// One catalogue of the words people read, in both languages: the web pages, the dashboard and
/// the brief take their labels, column headings, statuses and units from here (the plan's own
/// text stays as written). Keys are the templates' `{{t.key}}`; `col.NAME` is the heading of the
/// column the CLI calls NAME; `status.VALUE` a status as stored; `unit.WORD` a unit.
public enum Labels {
    public static let table: [String: (zh: String, en: String)] = [
        // The web app's frame and forms.
        "app": ("计划跟踪", "Plan tracker"),
        "overview": ("总览", "Overview"),
        "targets": ("目标", "Targets"),
        "training": ("培训", "Training"),
        "indicators": ("指标", "Indicators"),
        "search": ("搜索", "Search"),
        "reports": ("报告", "Reports"),
        "sign_in": ("登录", "Sign in"),
        "sign_out": ("退出", "Sign out"),
        "signed_in_as": ("当前用户", "Signed in as"),
        "skip": ("跳到正文", "Skip to content"),
        "main_nav": ("主导航", "Main"),
        "name": ("用户名", "Name"),
        "password": ("密码", "Password"),
        "new_password": ("新密码（至少12个字符）", "New password (at least 12 characters)"),
        "current_password": ("当前密码", "Current password"),
        "wrong_current": ("当前密码不正确。", "The current password is wrong."),
        "same_password": ("新密码与当前密码相同；请另选一个。", "The new password is the current one; choose another."),
        "must_change_first": ("请先修改一次性密码（/password）。", "Change your one-time password first (/password)."),
        "cross_site": ("请求并非来自本站页面。", "The request did not come from this site's own pages."),
        "change_password": ("修改密码", "Change password"),
        "must_change": ("请先设置您自己的密码。", "Choose your own password before going on."),
        "bad_sign_in": ("用户名或密码错误。", "Wrong name or password."),
        "throttled": ("此处登录失败次数过多，请稍候再试。", "Too many failed sign-ins from here; wait a little, then try again."),
        "as_of": ("截至", "As of"),
        "show": ("显示", "Show"),
        "action": ("行动", "Action"),
        "actions": ("行动", "Actions"),
        "status": ("状态", "Status"),
        "last_update": ("最近更新", "Last update"),
        "never_updated": ("尚无更新", "No update yet"),
        "updates": ("更新数", "Updates"),
        "updates_per_month": ("每月进展记录", "Updates per month"),
        "percent": ("完成百分比", "Percent complete"),
        "progress": ("进度", "Progress"),
        "toward_targets": ("目标完成度", "Toward its targets"),
        "no_target_figure": ("尚无目标数据", "No target figure yet"),
        "of_targets": ("个目标的平均完成度", "average of its targets"),
        "note": ("说明", "Note"),
        "milestones": ("里程碑", "Milestones"),
        "target": ("目标值", "Target"),
        "done": ("已完成", "Done"),
        "due": ("截止", "Due"),
        "pace": ("月均进度", "Pace per month"),
        "projected": ("预计完成", "Projected"),
        "commitments": ("承诺", "Commitments"),
        "no_commitments": ("该行动没有承诺。", "This action has no commitments."),
        "timeline": ("时间线", "Timeline"),
        "no_updates": ("尚无进展记录。", "No progress recorded yet."),
        "vision": ("愿景", "Vision"),
        "source": ("出处", "Source"),
        "line": ("第 {{n}} 行", "line {{n}}"),
        "date": ("日期", "Date"),
        "author": ("填报人", "Author"),
        "evidence": ("证据链接", "Evidence URL"),
        "commitment": ("承诺", "Commitment"),
        "add_update": ("添加进展", "Add a progress update"),
        "correct": ("更正", "Correct"),
        "correct_update": ("更正更新", "Correct update"),
        "save": ("保存", "Save"),
        "title": ("标题", "Title"),
        "start": ("开始日期", "Start"),
        "end": ("结束日期", "End"),
        "location": ("地点", "Location"),
        "host": ("主办方", "Host"),
        "participants": ("参与人数", "Participants"),
        "countries": ("国家数", "Countries"),
        "milestone": ("里程碑", "Milestone"),
        "baseline": ("基线（不计入里程碑）", "Baseline (counts toward no milestone)"),
        "add_session": ("添加培训", "Add a training session"),
        "withdraw_session": ("撤回培训", "Withdraw a session"),
        "session_id": ("培训编号（上表第一列）", "Session number (first column above)"),
        "reason": ("原因", "Reason"),
        "withdraw": ("撤回", "Withdraw"),
        "value": ("数值", "Value"),
        "correct_session": ("更正培训", "Correct a session"),
        "empty_keeps": ("留空的字段保留原记录的值。", "Fields left empty keep their recorded value."),
        "recorded_values": ("已记录的实际值", "Recorded values"),
        "no_recorded_values": ("尚未记录实际值。", "No value recorded yet."),
        "record_actual": ("记录实际值", "Record an actual value"),
        "record_actual_note": ("按培训期数统计的目标由培训页自动计算，无需在此记录。", "Targets counted in training sessions are counted on the Training page; they are not recorded here."),
        "correct_actual": ("更正实际值", "Correct a recorded value"),
        "measured_on": ("测量日期", "Measured on"),
        "corrects": ("更正", "corrects"),
        "corrected_by": ("已被更正，见", "corrected by"),
        "unit": ("单位", "Unit"),
        "download_csv": ("下载 CSV", "Download CSV"),
        "no_results": ("没有结果。", "Nothing found."),
        "query": ("搜索内容", "Search text"),
        "results": ("条结果", "results"),
        "result_count": ("找到 {{n}} 条结果", "{{n}} results"),
        "result_count_one": ("找到 1 条结果", "1 result"),
        "passage": ("文件段落", "Passage"),
        "update": ("进展更新", "Progress update"),
        "session": ("培训", "Training session"),
        "document": ("文件", "Document"),
        "viewer_note": ("您只能查看；记录进展需要编辑账户。", "You can read; an editor account is needed to record progress."),
        "saved": ("已保存。", "Saved."),
        "not_found": ("未找到。", "Not found."),
        "forbidden": ("您无权执行此操作。", "You may not do that."),
        "bad_form_token": ("表单已过期，请刷新页面后重试。", "The form has expired; reload the page and try again."),
        "fix_below": ("请修改下面标出的字段。", "Please fix the fields marked below."),
        "refused": ("未保存", "Not saved"),
        "superseded": ("已被更正", "superseded"),
        "withdrawn": ("已撤回", "withdrawn"),
        "none": ("无", "none"),
        "report": ("报告", "Report"),
        "no_such_action": ("没有这项行动。", "There is no such action."),
        "no_such_update": ("没有这条进展更新。", "There is no such progress update."),
        "no_such_value": ("没有这条已记录的实际值。", "There is no such recorded value."),
        "no_such_passage": ("没有这个段落。", "There is no such passage."),
        "body_too_large": ("提交的内容过大（最多 1 MiB）。", "The request is too large (at most 1 MiB)."),
        "in_document": ("文件", "in"),
        "context": ("上下文", "Context"),
        "plan": ("计划", "Plan"),
        "number_short": ("编号", "No."),
        "role.viewer": ("查看者", "viewer"),
        "role.editor": ("编辑", "editor"),
        "role.admin": ("管理员", "admin"),
        "section.Actions": ("行动", "Actions"),
        "section.Milestones": ("里程碑", "Milestones"),
        "section.Sessions": ("培训", "Sessions"),
        "section.Commitments": ("目标", "Commitments"),
        "section.Activity": ("活动", "Activity"),
        "section.Stale": ("长期未更新", "Stale"),
        "section.Overdue": ("逾期", "Overdue"),
        "section.Indicators": ("指标", "Indicators"),
        "section.Sources": ("出处", "Sources"),

        // Reports.
        "report.action-status": ("各行动的当前状态、最近更新、有效更新数与完成百分比。", "Each action: current status, last update, updates in force and percent."),
        "report.milestone": ("各里程碑的完成数、进度、预计完成日期与状态，以及已举办的培训。", "Each milestone: done, pace, projection and status, with the sessions held."),
        "report.commitments": ("各计划、各行动的全部目标：实际值、百分比、进度、预计与状态。", "Every target of every plan: actual, percent, pace, projection and status."),
        "report.activity": ("截至该日，每项行动每月的有效进展记录。", "Progress updates in force per action per month."),
        "report.stale": ("该日之前 N 天内（默认 90 天）没有更新或从未更新的行动。", "Actions with no update in the last N days (default 90), or none at all."),
        "report.overdue": ("已过截止日期但未达成或未完成的目标。", "Every target past its due date and neither met nor done."),
        "report.indicators": ("每个指标的最新数值，附文件、行号与引文。", "The latest value of each indicator, with its document, line and quote."),
        "report.sources": ("每条导入记录的出处：类型、编号、文件、行号与引文。", "Every imported row with its provenance: kind, document, line and quote."),
        "reportname.action-status": ("行动状态", "Action status"),
        "reportname.milestone": ("里程碑", "Milestone"),
        "reportname.commitments": ("目标", "Targets"),
        "reportname.activity": ("活动", "Activity"),
        "reportname.stale": ("长期未更新", "Stale actions"),
        "reportname.overdue": ("逾期", "Overdue"),
        "reportname.indicators": ("指标", "Indicators"),
        "reportname.sources": ("出处", "Sources"),

        // Statuses, as stored.
        "status.not-started": ("未启动", "not started"),
        "status.in-progress": ("进行中", "in progress"),
        "status.at-risk": ("有风险", "at risk"),
        "status.blocked": ("受阻", "blocked"),
        "status.completed": ("已完成", "completed"),
        "status.met": ("已达成", "met"),
        "status.on-track": ("按计划", "on track"),
        "status.missed": ("未达成", "missed"),
        "status.no-data": ("无数据", "no data"),
        "status.done": ("已完成", "done"),
        "status.open": ("待完成", "open"),

        // Units and kinds as stored.
        "unit.%": ("%", "%"),
        "unit.labs": ("个实验室", "labs"),
        "unit.sessions": ("期", "sessions"),
        "unit.programmes": ("期", "programmes"),
        "unit.days": ("天", "days"),
        "kind.passage": ("文件段落", "passage"),
        "kind.update": ("进展更新", "progress update"),
        "kind.action": ("行动", "action"),
        "kind.vision": ("愿景", "vision"),
        "kind.commitment": ("承诺", "commitment"),
        "kind.initiative": ("倡议", "initiative"),
        "kind.indicator": ("指标", "indicator"),
        "kind.milestone": ("里程碑", "milestone"),
        "kind.actual": ("记录值", "recorded value"),
        "kind.session": ("培训", "session"),
        "baseline_value": ("基线", "baseline"),

        // The dashboard's and the brief's table headings.
        "head.action": ("行动", "Action"),
        "head.actual": ("实际", "Actual"),
        "head.as_of": ("时间", "As of"),
        "head.countries": ("国家", "Countries"),
        "head.due": ("截止", "Due"),
        "head.for": ("归属", "For"),
        "head.held": ("举办时间", "Held"),
        "head.indicator": ("指标", "Indicator"),
        "head.last_update": ("最近进展", "Last update"),
        "head.number": ("序号", "#"),
        "head.participants": ("学员", "Participants"),
        "head.percent": ("完成度", "Percent"),
        "head.progress": ("进度", "Progress"),
        "head.progress_reported": ("进展", "Progress"),
        "head.promised": ("承诺", "Promised"),
        "head.session": ("培训", "Session"),
        "head.status": ("状态", "Status"),
        "head.target": ("目标", "Target"),
        "head.updates": ("进展数", "Updates"),
        "head.value": ("数值", "Value"),
        "head.where": ("地点", "Where"),

        // Column headings: the CLI's column names, for people.
        "col.id": ("编号", "No."),
        "col.number": ("序号", "No."),
        "col.action": ("行动", "Action"),
        "col.action_status": ("行动状态", "Action status"),
        "col.actual": ("实际值", "Actual"),
        "col.actual_on": ("实际值日期", "Measured on"),
        "col.as_of": ("截至", "As of"),
        "col.body": ("内容", "Text"),
        "col.commitment": ("承诺", "Commitment"),
        "col.countries": ("国家数", "Countries"),
        "col.counts_as": ("计为第几期", "Counts as"),
        "col.date": ("日期", "Date"),
        "col.days_overdue": ("逾期天数", "Days overdue"),
        "col.days_since_update": ("距上次更新天数", "Days since update"),
        "col.description": ("说明", "Description"),
        "col.document": ("文件", "Document"),
        "col.done": ("已完成", "Done"),
        "col.due_on": ("截止日期", "Due"),
        "col.ended_on": ("结束日期", "Ended"),
        "col.evidence_url": ("证据链接", "Evidence"),
        "col.field": ("字段", "Field"),
        "col.found_in": ("出处", "Found in"),
        "col.host": ("主办方", "Host"),
        "col.key": ("键", "Key"),
        "col.kind": ("类型", "Kind"),
        "col.last_update": ("最近更新", "Last update"),
        "col.line": ("行号", "Line"),
        "col.location": ("地点", "Location"),
        "col.milestone": ("里程碑", "Milestone"),
        "col.month": ("月份", "Month"),
        "col.name": ("名称", "Name"),
        "col.name_en": ("英文名称", "English name"),
        "col.note": ("说明", "Note"),
        "col.on_date": ("日期", "Date"),
        "col.pace_per_month": ("月均进度", "Pace per month"),
        "col.participants": ("参与人数", "Participants"),
        "col.percent": ("完成百分比", "Percent"),
        "col.plan": ("计划", "Plan"),
        "col.plan_slug": ("计划", "Plan"),
        "col.projected_on": ("预计完成", "Projected"),
        "col.qualifier": ("限定", "Qualifier"),
        "col.quote": ("引文", "Quote"),
        "col.reason": ("原因", "Reason"),
        "col.recorded_at": ("记录时间", "Recorded at"),
        "col.remaining": ("剩余", "Remaining"),
        "col.reported_on": ("报告日期", "Reported on"),
        "col.since": ("起始日期", "Since"),
        "col.slug": ("标识", "Short name"),
        "col.snippet": ("摘录", "Excerpt"),
        "col.source": ("来源", "Source"),
        "col.started_on": ("开始日期", "Started"),
        "col.status": ("状态", "Status"),
        "col.superseded_by": ("被更正为", "Corrected by"),
        "col.supersedes_id": ("更正了", "Corrects"),
        "col.target": ("目标值", "Target"),
        "col.target_unit": ("单位", "Unit"),
        "col.target_value": ("目标值", "Target"),
        "col.title": ("标题", "Title"),
        "col.title_en": ("英文标题", "English title"),
        "col.unit": ("单位", "Unit"),
        "col.update_id": ("更新编号", "Update"),
        "col.updates": ("更新数", "Updates"),
        "col.value": ("数值", "Value"),
        "col.vision": ("愿景", "Vision"),
        "col.withdrawn_because": ("撤回原因", "Withdrawn because"),
        "col.withdrawn_on": ("撤回日期", "Withdrawn on"),
        "col.author": ("填报人", "Author"),
        "col.corrects": ("更正了", "Corrects"),
        "col.sessions": ("培训期数", "Sessions"),
        "col.t": ("t", "t"),
        // The dashboard.
        "dash.footer": ("由 plantrack 生成。数据截至 {{as_of}}：行动状态取该日前有效的最新进展；培训在该日或之前举办即计入。",
                        "Generated by plantrack. Figures as of {{as_of}}: an action's status is its latest update in force on that date; sessions count when held on or before it."),
        "dash.as_of": ("截至", "as of"),
        "dash.kicker": ("plantrack 进展看板", "plantrack dashboard"),
        "dash.figures_as_of": ("数据截至 ", "Figures as of "),
        "dash.proposed": (" · 计划提出于 {{date}}", " · plan proposed {{date}}"),
        "dash.actions_completed": ("已完成的行动", "Actions completed"),
        "dash.tile_due": (" 截止 {{date}}", " due {{date}}"),
        "dash.tile_projected": ("按每月 {{pace}} 期的进度，预计 {{date}} 完成", "projected {{date}} at {{pace}} a month"),
        "dash.updates_in_force": ("有效进展记录", "Updates in force"),
        "dash.latest": ("最近一次 {{date}}", "latest {{date}}"),
        "dash.none_recorded": ("尚无记录", "none recorded yet"),
        "dash.at_a_glance": ("概览", "At a glance"),
        "dash.list_separator": ("、", ", "),
        "dash.vision_no_actions": ("没有对应的行动", "no actions"),
        "dash.vision_actions": ("行动 {{numbers}}：已完成 {{done}}/{{total}}", "actions {{numbers}}: {{done}} of {{total}} completed"),
        "dash.by_vision": ("各愿景进展", "Progress by vision"),
        "dash.ten_actions": ("十项行动", "The ten actions"),
        "dash.the_actions": ("各项行动", "The actions"),
        "dash.no_actions": ("该计划没有行动。", "The plan has no actions."),
        "dash.targets": ("目标进展", "Targets"),
        "dash.no_targets": ("该计划没有目标。", "The plan has no targets."),
        "dash.owner_action": ("行动 {{number}}", "Action {{number}}"),
        "dash.owner_plan": ("计划", "Plan"),
        "dash.done_on": ("{{date}} 完成", "done {{date}}"),
        "dash.deliverable": ("交付事项", "deliverable"),
        "dash.milestone": ("里程碑", "Milestone"),
        "dash.milestones": ("里程碑", "Milestones"),
        "dash.no_milestone": ("该计划没有里程碑。", "The plan has no milestone."),
        "dash.sessions_held": ("已举办 {{done}}/{{target}} 期（{{percent}} %）", "{{done}} of {{target}} sessions held ({{percent}} %) "),
        "dash.due": (" · 截止 {{date}}", " · due {{date}}"),
        "dash.projected": (" · 预计 {{date}}", " · projected {{date}}"),
        "dash.timeline_legend": ("阶梯：已举办的培训，按顺序编号 · 点线：在截止日期达到目标所需的匀速进度 · 红线：截止日期 · 虚线：数据截至日期。",
                                 "Steps: sessions held, numbered in order · dotted line: the steady pace that reaches the target on the due date · red line: due date · dashed line: as-of date."),
        "dash.no_session": ("尚未举办培训。", "No session held yet."),
        "dash.appendix": ("附录：背景指标", "Appendix: background indicators"),
        "dash.no_indicators": ("没有导入指标。", "No indicators imported."),
        "dash.indicator_count": ("{{n}} 项指标，附出处", "{{n}} indicators with their sources"),
        "dash.evidence": ("证据", "evidence"),
        // The dashboard's charts (their labels and what a screen reader says of them).
        "chart.done_of": ("已完成 {{done}}/{{target}}", "{{done}} of {{target}} done"),
        "chart.percent_of_target": ("已达目标的 {{percent}} %", "{{percent}} % of target"),
        "chart.no_figure": ("尚无数据", "no figure yet"),
        "chart.target": ("目标 {{target}}", "target {{target}}"),
        "chart.due": ("截止 {{date}}", "due {{date}}"),
        "chart.as_of": ("截至 {{date}}", "as of {{date}}"),
        "chart.timeline": ("截至 {{as_of}} 已举办 {{done}} 期，目标 {{target}} 期，截止 {{due}}",
                           "{{done}} sessions held by {{as_of}} against a target of {{target}} due {{due}}"),
        "chart.no_updates": ("尚无进展记录。", "No updates yet."),
        // The brief (`{{name}}` is filled in from the plan's figures).
        "brief.briefing": ("进展简报", "briefing"),
        "brief.title": ("{{plan}}：进展简报", "{{plan}}: briefing"),
        "brief.as_of": ("截至 {{as_of}}；“新变化”统计 {{since}} 以来的记录。", "As of {{as_of}}; “What changed” covers {{since}} onwards."),
        "brief.where_it_stands": ("总体情况", "Where it stands"),
        "brief.summary": ("共 {{count}} 项行动：{{parts}}。", "{{count}} actions: {{parts}}."),
        "brief.list_separator": ("，", ", "),
        "brief.milestone": ("{{title}}：已完成 {{done}}/{{target}}（{{status}}），截止 {{due}}{{projected}}。",
                            "{{title}}: {{done}} of {{target}} ({{status}}), due {{due}}{{projected}}."),
        "brief.milestone_projected": ("，按目前进度预计 {{date}} 完成", ", projected {{date}} at the current pace"),
        "brief.by_vision": ("各愿景与行动", "By vision"),
        "brief.other_actions": ("其他行动", "Other actions"),
        "brief.group_completed": ("已完成 {{done}}/{{total}}", "{{done}} of {{total}} completed"),
        "brief.last_update": ("，最近更新 {{date}}", ", last update {{date}}"),
        "brief.percent": ("，{{percent}} %", ", {{percent}} %"),
        "brief.action_line": ("行动 {{number}} {{title}}：{{status}}{{percent}}{{last}}", "Action {{number}} {{title}}: {{status}}{{percent}}{{last}}"),
        "brief.targets": ("目标进展", "Targets"),
        "brief.no_targets": ("该计划没有可跟踪的目标。", "The plan has no trackable targets."),
        "brief.owner_action": ("行动 {{number}}", "action {{number}}"),
        "brief.owner_plan": ("计划", "plan"),
        "brief.done_on": ("{{date}} 完成", "done {{date}}"),
        "brief.projected": (" · 预计 {{date}}", " · projected {{date}}"),
        "brief.deliverable": ("交付事项", "deliverable"),
        "brief.what_changed": ("新变化（{{since}} 以来）", "What changed since {{since}}"),
        "brief.corrects": ("（更正 #{{id}}）", " (corrects #{{id}})"),
        "brief.change_line": ("{{date}} 行动 {{action}}：{{status}}{{correction}} — {{note}}", "{{date}} action {{action}}: {{status}}{{correction}} — {{note}}"),
        "brief.participants": ("，{{n}} 人", ", {{n}} participants"),
        "brief.countries": ("，来自 {{n}} 个国家", " from {{n}} countries"),
        "brief.session_line": ("{{date}} 培训：{{title}}，{{location}}{{people}}{{countries}}", "{{date}} session: {{title}}, {{location}}{{people}}{{countries}}"),
        "brief.nothing_recorded": ("期间没有新的记录。", "Nothing was recorded in the period."),
        "brief.overdue": ("逾期事项", "Overdue"),
        "brief.none_overdue": ("没有逾期的目标。", "No target is overdue."),
        "brief.overdue_owner_action": ("行动 {{number}}", "Action {{number}}"),
        "brief.overdue_owner_plan": ("计划", "Plan"),
        "brief.overdue_line": ("{{owner}}：{{title}}（截止 {{due}}，已逾期 {{days}} 天，{{status}}）",
                               "{{owner}}: {{title}} (due {{due}}, {{days}} days overdue, {{status}})"),
        "brief.stale": ("长期未更新（超过 {{days}} 天）", "No update for over {{days}} days"),
        "brief.all_recent": ("所有行动都有近期更新。", "Every action has a recent update."),
        "brief.stale_since": ("最近更新 {{date}}，已 {{days}} 天", "last update {{date}}, {{days}} days ago"),
        "brief.never_updated": ("从未更新", "never updated"),
        "brief.stale_line": ("行动 {{number}} {{title}}：{{since}}", "Action {{number}} {{title}}: {{since}}"),
        // The published site (plantrack publish).
        "site.part_of_action": ("所属行动", "Action"),
        "site.action_heading": ("行动{{number}}：", "Action {{number}}: "),
        "site.actions": ("行动", "Actions"),
        "site.all_plans": ("全部规划", "All plans"),
        "site.feed_all": ("全部更新（Atom）", "All updates (Atom feed)"),
        "site.breadcrumb": ("位置", "Breadcrumb"),
        "site.checkpoint_compare": ("；请与本机构另行公布的公钥核对，再检查数据：", "; compare it with the key the office publishes elsewhere, then check the data: "),
        "site.complete": ("完成度", "Complete"),
        "site.date": ("日期", "Date"),
        "site.document": ("原文", "Document"),
        "site.due_on": ("截止日期", "Due"),
        "site.due_column": ("截止", "Due"),
        "site.earlier_updates": ("另有 {{count}} 条较早的更新，见开放数据。", "{{count}} earlier updates are in the open data."),
        "site.evidence": ("证据", "Evidence"),
        "site.feed": ("订阅", "Feed"),
        "site.feeds_and_open_data": ("订阅与开放数据", "Feeds and open data"),
        "site.issued": ("发布", "Issued"),
        "site.last_update": ("最近更新", "Last update"),
        "site.latest_actual": ("最新实际值", "Latest actual"),
        "site.latest_checkpoint": ("最新的签名检查点（{{date}}）", "The latest signed checkpoint ({{date}})"),
        "site.link": ("链接", "link"),
        "site.no_progress_reported_yet": ("尚无进展记录。", "No progress reported yet."),
        "site.none_word": ("无", "none"),
        "site.none_sentence": ("无", "None."),
        "site.none_recorded_yet": ("尚无记录。", "None recorded yet."),
        "site.note": ("说明", "Note"),
        "site.open_data": ("开放数据", "open data"),
        "site.open_data_files": ("开放数据：每张表的 CSV 和 JSON、SQLite 数据库", "Open data: CSV and JSON per table, the SQLite database"),
        "site.other_actions": ("其他行动", "Other actions"),
        "site.part_of": ("所属", "Part of"),
        "site.plan_counts": ("{{actions}} 项行动，{{targets}} 项目标", "{{actions}} actions, {{targets}} targets"),
        "site.plans": ("规划", "Plans"),
        "site.policy_plan_tracker": ("政策规划落实情况", "Policy plan tracker"),
        "site.projected": ("预计完成", "Projected"),
        "site.checkpoint_proof": ("：证明此前记录的每条日志均未被改动或删除。签名公钥：", ": proof that no row logged before it was changed or removed. Signed with the key "),
        "site.published_on": ("发布日期：{{date}}。各项状态均为当日状态。", "Published {{date}}. Every status is as of that day."),
        "site.footer": ("由 plantrack 发布。数据可自由再利用：", "Published with plantrack. Reuse the data freely: "),
        "site.recorded_values": ("记录的实际值", "Recorded values"),
        "site.skip_to_content": ("跳到正文", "Skip to content"),
        "site.source": ("出处", "Source"),
        "site.source_line": ("第 {{line}} 行", "line {{line}}"),
        "site.status": ("状态", "Status"),
        "site.target_value": ("目标值", "Target"),
        "site.target_column": ("目标", "Target"),
        "site.calendar": ("目标截止日期（iCalendar）", "Target due dates (iCalendar)"),
        "site.targets": ("目标", "Targets"),
        "site.text": ("内容", "Text"),
        "site.timeline": ("进展", "Timeline"),
        "site.updates_in_force": ("有效更新", "Updates in force"),
        "site.value": ("数值", "Value"),
    ]
}

extension Language {
    /// `zh` or `en` of a pair written side by side where the words are made with figures in them.
    public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }

    /// The catalogue's word for `key` (the key itself when the catalogue has none, so a gap shows).
    public func callAsFunction(_ key: String) -> String {
        guard let pair = Labels.table[key] else { return key }
        return self == .zh ? pair.zh : pair.en
    }

    /// Every label by key in this language, for the templates (`{{t.key}}`).
    public var labels: [String: String] { Labels.table.mapValues { self == .zh ? $0.zh : $0.en } }

    /// A column's heading: the catalogue's, else the name with spaces for underscores.
    public func column(_ name: String) -> String {
        if let pair = Labels.table["col." + name] { return self == .zh ? pair.zh : pair.en }
        let spaced = name.replacing("_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    /// A status as stored (`in-progress`, `on-track`, …) in words; nil when `value` is no status.
    public func status(named value: String) -> String? {
        Labels.table["status." + value].map { self == .zh ? $0.zh : $0.en }
    }

    /// A unit as stored, in this language when the catalogue knows it.
    public func unit(_ value: String) -> String {
        Labels.table["unit." + value].map { self == .zh ? $0.zh : $0.en } ?? value
    }

    /// A unit with its count: a count of sessions is 期 in Chinese; one session is singular in
    /// English. Other units go through the catalogue, or stay as the plan gives them.
    public func unit(_ value: String, count: Double?) -> String {
        switch (self, value) {
        case (.zh, "sessions"), (.zh, "session"): "期"
        case (.en, "sessions") where count == 1: "session"
        default: unit(value)
        }
    }

    /// `title` in this language: in Chinese, a title in English gives way to `zh`, the plan's own
    /// words, when there are any.
    public func title(_ title: String, zh: String?) -> String {
        self == .zh && Language.of(title) != .zh ? (zh.flatMap { Language.of($0) == .zh ? $0 : nil } ?? title) : title
    }

    public func status(_ status: Status) -> String { self.status(named: status.rawValue) ?? status.rawValue }
    public func status(_ status: MilestoneStatus) -> String { self.status(named: status.rawValue) ?? status.rawValue }
    public func status(_ status: TargetStatus) -> String { self.status(named: status.rawValue) ?? status.rawValue }

    /// A number with the unit, as each language writes it: 4 of 10 / 4/10.
    public func count(_ done: Int, of target: Int) -> String { pick("\(done)/\(target)", "\(done) of \(target)") }

    /// A catalogue entry with `{{n}}` filled in.
    public func callAsFunction(_ key: String, n: Int) -> String {
        self(key).replacing("{{n}}", with: String(n))
    }

    /// A catalogue entry with each `{{name}}` filled in from `values`, in one pass, so braces in a
    /// value (a note, a title) are left as written.
    public func callAsFunction(_ key: String, _ values: [String: String]) -> String {
        var rest = Substring(self(key))
        var text = ""
        while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
            let name = String(rest[open.upperBound..<close.lowerBound])
            text += rest[..<open.lowerBound]
            text += values[name] ?? "{{\(name)}}"
            rest = rest[close.upperBound...]
        }
        return text + rest
    }
}
