import ArgumentParser

/// Every command's EXAMPLES, in one place so they read as a set and a test can hold each command
/// to having some. Keyed by the command's path without `plantrack`.
enum Examples {
    static let byCommand: [String: [String]] = [
        "": [
            "plantrack init",
            "plantrack action list",
            "plantrack progress add 6 \"Held in Nairobi\" --status in-progress",
            "plantrack brief --lang zh > briefing.md",
        ],
        "init": ["plantrack init", "plantrack init --db plans/ai.db"],
        "migrate": ["plantrack migrate", "plantrack migrate --status"],
        "import": [
            "plantrack import", "plantrack import --dry-run other-plan.md", "plantrack import plan-en.md plan-zh.md",
            "plantrack import --dry-run --format json plan.md > plan.json",
            "plantrack import --translation-of ai-capacity-building plan-en.md",
            "plantrack import --curation curation.json",
        ],
        "curate": ["plantrack curate export ai-capacity-building > curation.json"],
        "curate export": [
            "plantrack curate export ai-capacity-building > curation.json",
            "plantrack curate export zh-compute-plan --db plans.db",
        ],
        "plan": ["plantrack plan list", "plantrack plan show ai-capacity-building"],
        "plan list": ["plantrack plan list", "plantrack plan list --format json"],
        "plan show": ["plantrack plan show", "plantrack plan show ai-capacity-building --format markdown"],
        "action": ["plantrack action list", "plantrack action show 6"],
        "action list": ["plantrack action list", "plantrack action list --as-of 2025-06-30", "plantrack action list --wide --format csv --bom > actions.csv"],
        "action show": ["plantrack action show 6", "plantrack action show 6 --format markdown"],
        "progress": [
            "plantrack progress add 6 \"Workshop held in Nairobi\" --status in-progress",
            "plantrack progress list --action 6",
            "plantrack progress correct 12 --status at-risk",
        ],
        "progress add": [
            "plantrack progress add 6 \"Held in Nairobi\" --date 2025-04-02",
            "plantrack progress add 3 \"Visa delays\" --status blocked",
            "plantrack progress add 6 \"Four of ten held\" --percent 40",
        ],
        "progress list": [
            "plantrack progress list",
            "plantrack progress list --action 6 --since 2025-01-01",
            "plantrack progress list --status at-risk --columns id,action,note",
            "plantrack progress list --format csv --bom > updates.csv",
        ],
        "progress correct": ["plantrack progress correct 12 --status at-risk", "plantrack progress correct 12 \"Held in Dhaka, not Delhi\""],
        "progress import": [
            "plantrack progress import updates.csv --dry-run",
            "plantrack progress import updates.csv",
        ],
        "training": ["plantrack training list", "plantrack training add --title AI --start 2025-05-12 --location Beijing"],
        "training add": [
            "plantrack training add --title \"AI lab\" --start 2025-05-12 --location Dhaka",
            "plantrack training add --title AI --start 2025-07-07 --location Pune",
        ],
        "training list": ["plantrack training list", "plantrack training list --format json"],
        "milestone": ["plantrack milestone list", "plantrack milestone list --as-of 2025-12-31"],
        "milestone list": ["plantrack milestone list", "plantrack milestone list --as-of 2025-12-31 --format markdown"],
        "indicator": ["plantrack indicator list", "plantrack indicator list --search 算力"],
        "indicator list": ["plantrack indicator list", "plantrack indicator list --search 算力 --wide"],
        "initiative": ["plantrack initiative list"],
        "initiative list": ["plantrack initiative list", "plantrack initiative list --format csv --bom > initiatives.csv"],
        "report": ["plantrack report", "plantrack report overdue --as-of 2026-01-31", "plantrack report stale --days 60"],
        "publish": ["plantrack publish --out site", "plantrack publish --out site --lang en"],
        "export": ["plantrack export --xlsx plan.xlsx", "plantrack export --xlsx q4.xlsx --as-of 2025-12-31"],
        "sql": [
            "plantrack sql \"SELECT number, status FROM action_status\"",
            "plantrack sql \"SELECT * FROM action_status WHERE number = :n\" --param n=6",
        ],
        "search": ["plantrack search 研修", "plantrack search \"training programme\" --format json"],
        "dashboard": ["plantrack dashboard --out dashboard.html", "plantrack dashboard --out dashboard.html --lang en --as-of 2025-12-31"],
        "brief": [
            "plantrack brief",
            "plantrack brief --lang zh --since 2025-07-01 > briefing.md",
            "plantrack brief --format html --as-of 2025-12-31 > brief.html",
        ],
        "commitment": ["plantrack commitment list", "plantrack commitment show ai-capacity-building-a6-1"],
        "commitment list": ["plantrack commitment list", "plantrack commitment list --as-of 2025-12-31 --format json"],
        "commitment show": ["plantrack commitment show ai-capacity-building-a6-1 --as-of 2025-12-31"],
        "commitment record": [
            "plantrack commitment record ai-capacity-building-a6-1 4 --date 2025-09-02",
            "plantrack commitment record compute-share 35 --date 2025-06-30",
        ],
        "commitment correct": ["plantrack commitment correct 3 5 --note \"Counted twice\""],
        "commitment add": [
            "plantrack commitment add compute-share \"300 EFLOPS\" --target 300",
            "plantrack commitment add lab-opening \"Open the lab\" --action 1 --due 2025-12",
        ],
        "indicator add": ["plantrack indicator add --name \"AI companies\" --unit firms"],
        "indicator record": ["plantrack indicator record ai-companies 4700 --as-of 2024-12-31"],
        "indicator correct": ["plantrack indicator correct 31 4800", "plantrack indicator correct 31 --as-of 2024-12-31"],
        "indicator show": ["plantrack indicator show ai-companies"],
        "training correct": ["plantrack training correct 2 --participants 42", "plantrack training correct 2 --location Dhaka"],
        "training withdraw": ["plantrack training withdraw 3 --reason \"Postponed to 2026\""],
        "milestone add": ["plantrack milestone add --commitment lab-sessions --title \"Lab sessions\""],
        "serve": ["plantrack serve", "plantrack serve --db /var/lib/plantrack/plantrack.db --behind-proxy", "plantrack serve --public --port 8081"],
        "user": ["plantrack user add ada --role admin", "plantrack user list"],
        "user add": ["plantrack user add ada --role admin", "plantrack user add eve --role editor --password-stdin"],
        "user passwd": ["plantrack user passwd eve"],
        "user list": ["plantrack user list", "plantrack user list --format json"],
        "user disable": ["plantrack user disable eve"],
        "token": ["plantrack token create --user eve --label nightly-import", "plantrack token list", "plantrack token revoke 3"],
        "token create": ["plantrack token create --user eve --label nightly-import", "plantrack token create --user eve --expires 2026-06-30"],
        "token list": ["plantrack token list", "plantrack token list --user eve --format json"],
        "token revoke": ["plantrack token revoke 3"],
        "checkpoint": [
            "plantrack checkpoint --key /etc/plantrack/cp.key > cp-2025-06-30.txt",
            "plantrack checkpoint --key /etc/plantrack/cp.key --public-key",
        ],
        "verify": [
            "plantrack verify", "plantrack verify --db plantrack-2025-06-30.db",
            "plantrack verify --checkpoint cp-2025-06-30.txt --public-key 3Ukq…=",
        ],
        "backup": ["plantrack backup plantrack-2025-06-30.db"],
        "datasette-metadata": [
            "plantrack datasette-metadata > metadata.json",
            "datasette plantrack.db --metadata metadata.json",
        ],
    ]

    /// The EXAMPLES block for the command at `path`, indented like ArgumentParser's sections.
    static func section(for path: String) -> String {
        guard let examples = byCommand[path], !examples.isEmpty else { return "" }
        return "EXAMPLES:\n" + examples.map { "  $ " + $0 }.joined(separator: "\n")
    }
}

extension CommandConfiguration {
    /// A configuration whose discussion ends with the command's examples from `Examples`.
    init(
        examples path: String, commandName: String? = nil, abstract: String = "", discussion: String = "",
        version: String = "", subcommands: [any ParsableCommand.Type] = []
    ) {
        let examples = Examples.section(for: path)
        self.init(
            commandName: commandName, abstract: abstract,
            discussion: [discussion, examples].filter { !$0.isEmpty }.joined(separator: "\n\n"),
            version: version, subcommands: subcommands)
    }
}
