/// Bulk-load progress updates from a CSV file, all or nothing.
public struct ImportProgressRequest: Sendable, Equatable {
    public var plan: String?
    /// The file to read.
    public var path: String
    /// How the file is named in messages (`FILE:LINE: column: problem`).
    public var displayName: String
    /// Check every line; write nothing.
    public var dryRun: Bool

    public init(plan: String? = nil, path: String, displayName: String? = nil, dryRun: Bool = false) {
        self.plan = plan
        self.path = path
        self.displayName = displayName ?? path
        self.dryRun = dryRun
    }
}

public struct ImportProgressResult: Sendable, Equatable {
    /// Lines imported, or that would be in a dry run.
    public var updates: Int
    public var dryRun: Bool
}

extension TrackerDatabase {
    /// Checks every line and, unless it is a dry run, inserts them in one write transaction.
    /// Any bad line throws `ProgressImport.Failure` listing the problems, and nothing is written.
    public func importProgress(_ request: ImportProgressRequest) throws -> ImportProgressResult {
        let count = try db.inTransaction(.immediate) {
            let plan = try PlanScope.resolve(request.plan, in: db)
            return try ProgressImport(log: ProgressLog(db: db, plan: plan))
                .run(path: request.path, displayName: request.displayName, dryRun: request.dryRun)
        }
        return ImportProgressResult(updates: count, dryRun: request.dryRun)
    }
}
