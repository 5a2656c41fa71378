/// Bulk-load progress updates from a CSV file, all or nothing.
public struct ImportProgressRequest: Sendable, Equatable {
    public var plan: String?
    /// The file to read.
    public var path: String
    /// How the file is named in messages (`FILE:LINE: column: problem`).
    public var displayName: String
    /// Check every line; write nothing.
    public var dryRun: Bool
    /// Import a file whose exact bytes were imported before (refused otherwise).
    public var again: Bool
    /// Import lines that repeat exactly an update recorded in the last few minutes (refused otherwise).
    public var allowDuplicate: Bool

    public init(
        plan: String? = nil, path: String, displayName: String? = nil, dryRun: Bool = false, again: Bool = false,
        allowDuplicate: Bool = false
    ) {
        self.plan = plan
        self.path = path
        self.displayName = displayName ?? path
        self.dryRun = dryRun
        self.again = again
        self.allowDuplicate = allowDuplicate
    }
}

public struct ImportProgressResult: Sendable, Equatable {
    /// Lines imported, or that would be in a dry run.
    public var updates: Int
    public var dryRun: Bool
}

extension TrackerDatabase {
    /// Checks every line outside the write lock and, unless it is a dry run, inserts them in one
    /// short write transaction (see `ProgressImport`). Any bad line throws
    /// `ProgressImport.Failure` listing the problems, and nothing is written; so does a file
    /// imported before, unless `again`.
    public func importProgress(_ request: ImportProgressRequest) throws -> ImportProgressResult {
        let plan = try PlanScope.resolve(request.plan, in: db)
        let count = try ProgressImport(log: ProgressLog(db: db, plan: plan))
            .run(path: request.path, displayName: request.displayName, dryRun: request.dryRun, again: request.again,
                 allowDuplicate: request.allowDuplicate)
        return ImportProgressResult(updates: count, dryRun: request.dryRun)
    }
}
