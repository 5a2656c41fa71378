import ArgumentParser
import Tracker

/// What the shell completes beyond ArgumentParser's own (subcommands, options, enum values):
/// status values and report names from the code, plan and commitment slugs from the database the
/// command line names (`--db`, else $PLANTRACK_DB, else ./plantrack.db).
enum Completions {
    static let statuses = CompletionKind.list(Status.allCases.map(\.rawValue))
    static let reports = CompletionKind.list(Report.allCases.map(\.rawValue))
    static let plans = CompletionKind.custom { words, _, _ in slugs(words) { tracker, _ in try tracker.planSlugs() } }
    static let commitments = CompletionKind.custom { words, _, _ in
        slugs(words) { tracker, plan in try tracker.commitmentSlugs(plan: plan) }
    }

    /// Slugs read from the database named among `words`; nothing when it cannot be read, since a
    /// completion must never print an error into the user's command line.
    static func slugs(_ words: [String], _ read: (TrackerDatabase, String?) throws -> [String]) -> [String] {
        func value(of option: String) -> String? {
            for (index, word) in words.enumerated() {
                if word == option, index + 1 < words.count { return words[index + 1] }
                if word.hasPrefix(option + "=") { return String(word.dropFirst(option.count + 1)) }
            }
            return nil
        }
        let path = GlobalOptions.databasePath(flag: value(of: "--db"))
        guard let tracker = try? TrackerDatabase(path: path, access: .readOnly) else { return [] }
        return (try? read(tracker, value(of: "--plan"))) ?? []
    }
}
