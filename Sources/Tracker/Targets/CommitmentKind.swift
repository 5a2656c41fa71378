/// What a commitment promises: a count or level to reach, a percentage, or something delivered by a date.
public enum CommitmentKind: String, Sendable, CaseIterable {
    case level
    case share
    case deliverable

    /// The kind a target implies when the source says no more: no value is a date-only
    /// deliverable, a value in `%` a share, any other value a level.
    public static func inferred(targetValue: Double?, unit: String?) -> CommitmentKind {
        guard targetValue != nil else { return .deliverable }
        return unit == "%" ? .share : .level
    }
}

/// How an actual is compared with its target. `=` reads as "reach the target" (at least it).
public enum TargetQualifier: String, Sendable, CaseIterable {
    case above = ">"
    case atLeast = ">="
    case equal = "="
    case atMost = "<="
    case below = "<"
}

/// Where a target stands as of a date (`commitment list`, `milestone list`, the dashboard).
public enum TargetStatus: String, Sendable, CaseIterable {
    case met
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case missed
    case noData = "no-data"
    // Date-only deliverables.
    case done
    case open
}
