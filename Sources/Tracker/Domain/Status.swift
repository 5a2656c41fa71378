/// The status of a progress update, and so of an action.
public enum Status: String, CaseIterable, Sendable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case atRisk = "at-risk"
    case blocked
    case completed

    public static var validList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Where a milestone stands (docs/CLI.md, `milestone list`).
public enum MilestoneStatus: String, Sendable {
    case met
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case missed
}
