import ArgumentParser
import Tracker

/// `--lang zh|en|both` for `publish`.
enum PublishLanguages: String, ExpressibleByArgument, CaseIterable {
    case zh, en, both

    var languages: [Language] {
        switch self {
        case .zh: [.zh]
        case .en: [.en]
        case .both: [.zh, .en]
        }
    }
}

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "publish",
        commandName: "publish",
        abstract: "Write a static public site: a page per plan, group, action and target, feeds, a calendar and open data.",
        discussion: """
            Statuses are as of today (or --as-of). Writes DIR/index.html and the pages, style.css, feed.atom (and one \
            per plan), targets.ics (target due dates), data/ (CSV and JSON per table, plantrack.db without accounts, \
            and checkpoint.txt, the latest signed checkpoint, when `plantrack checkpoint` has made one). \
            With --lang both the English pages are under DIR/en/. Publishing again rewrites only the files whose \
            content changed.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var asOf: AsOfOptions

    @Option(help: ArgumentHelp("The directory to write (created if needed).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("zh, en or both (default both).", valueName: "lang"))
    var lang: PublishLanguages = .both

    func validate() throws {
        if out.isEmpty { throw CommandLineError(message: "--out: the directory name is empty") }
    }

    func run() throws {
        let tracker = try global.open(.readOnly)
        let summary = try tracker.publish(to: out, languages: lang.languages, asOf: asOf.date)
        Console.line("\(out): \(summary.written.count) files written, \(summary.unchanged.count) unchanged"
            + (summary.removed.isEmpty ? "" : ", \(summary.removed.count) removed"))
    }
}
