import Glibc
import Storage

/// Bulk-loads progress updates from CSV, all or nothing, set-based.
///
/// Outside the write lock, one streaming pass validates every line and stages the good ones in
/// a private temporary database (memory stays flat: SQLite spills it to its file). Any bad line
/// means nothing is written. Then one short write transaction copies the staged rows with a
/// single INSERT … SELECT — the way the sqlite3 shell loads fastest — and records the file's
/// SHA-256, so the same file is refused a second time unless asked for (`again`).
public struct ProgressImport {
    /// The columns a file must have, and those it may add, in the order messages list them.
    public static let requiredColumns = ["action", "reported_on", "status", "note"]
    public static let optionalColumns = ["evidence_url", "author", "percent", "commitment"]
    static let required = Set(requiredColumns)
    static let optional = Set(optionalColumns)
    /// How a message states the header a file needs.
    static let expectedHeader =
        "expected \(requiredColumns.joined(separator: ",")), optionally with \(optionalColumns.joined(separator: ","))"
    public static let maximumReportedProblems = 20
    /// The page cache of the load, in KiB (negative, as `PRAGMA cache_size` takes it): with the
    /// rest of the process, it stays under 64 MiB of peak memory.
    public static let loadCacheSize = -32_768

    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The first problems, each `FILE:LINE: column: problem`.
        public let problems: [String]
        public let total: Int

        public var description: String {
            var lines = problems
            if total > problems.count { lines.append("… and \(total - problems.count) more problems") }
            lines.append("\(total) problem\(total == 1 ? "" : "s") found; nothing was imported")
            return lines.joined(separator: "\n")
        }
    }

    let log: ProgressLog

    init(log: ProgressLog) { self.log = log }

    /// Validates every line and, unless `dryRun`, inserts them; returns the number of rows.
    /// Owns its transactions: the caller must not be inside one.
    func run(path: String, displayName: String, dryRun: Bool, again: Bool = false, allowDuplicate: Bool = false) throws -> Int {
        let db = log.db
        let sha256 = try Self.fileSHA256(path, displayName: displayName)
        if !again { try refuseRepeat(sha256, displayName: displayName) }
        guard !dryRun else {
            return try db.inTransaction(.deferred) { try validate(path: path, displayName: displayName, stage: false) }
        }
        // The staging table has a database of its own, private and on disk: DETACH deletes it,
        // where emptying a table would overwrite and journal every page (SQLite built with
        // SECURE_DELETE, as Debian's is): as much I/O again as staging took.
        try db.execute("ATTACH DATABASE '' AS import_staging")
        defer { try? db.execute("DETACH DATABASE import_staging") }
        try db.execute("""
            CREATE TABLE import_staging.rows (
                seq INTEGER PRIMARY KEY, action_id INTEGER, commitment_id INTEGER, reported_on TEXT, status TEXT,
                percent REAL, note TEXT, evidence_url TEXT, author TEXT)
            """)
        // Staging writes only the staging database: a deferred transaction, no write lock.
        let rows = try db.inTransaction(.deferred) { try validate(path: path, displayName: displayName, stage: true) }
        // The insert adds rows at random places of the date and action indexes: with SQLite's
        // default 2 MiB page cache, a large load evicts index pages and reads them back from the
        // WAL over and over (a fifth of a 10^6-line import, mostly system time). 32 MiB keeps them.
        let cacheSize = try db.scalarInt("PRAGMA main.cache_size") ?? -2000
        try db.execute("PRAGMA main.cache_size = \(Self.loadCacheSize)")
        defer { try? db.execute("PRAGMA main.cache_size = \(cacheSize)") }
        try db.inTransaction(.immediate) {
            if !again { try refuseRepeat(sha256, displayName: displayName) }
            if !allowDuplicate { try refuseRepeatedRows(displayName: displayName) }
            try db.execute("""
                INSERT INTO progress_updates
                    (action_id, commitment_id, reported_on, status, percent, note, evidence_url, author)
                SELECT action_id, commitment_id, reported_on, status, percent, note, evidence_url, author
                FROM import_staging.rows ORDER BY seq
                """)
            try db.execute(
                "INSERT INTO imported_files (sha256, file_name, rows) VALUES (?, ?, ?)", [sha256, displayName, rows])
        }
        return rows
    }

    /// Refuses the load when a staged row repeats exactly an update recorded in the last few
    /// minutes (ProgressLog.repeatCondition, the rule `progress add` and the web app apply). Only
    /// when the latest update is that recent (ids grow with time), so a load into a quiet log
    /// pays one row read.
    func refuseRepeatedRows(displayName: String) throws {
        let db = log.db
        let recent = try db.scalarInt(
            "SELECT recorded_at >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-\(ProgressLog.repeatWindowMinutes) minutes') FROM progress_updates ORDER BY id DESC LIMIT 1")
        guard recent == 1 else { return }
        let condition = ProgressLog.repeatCondition
            .replacing(":action_id", with: "s.action_id").replacing(":reported_on", with: "s.reported_on")
            .replacing(":status", with: "s.status").replacing(":note", with: "s.note").replacing(":author", with: "s.author")
        if let twin = try db.fetchOne(
            "SELECT s.seq, u.id FROM import_staging.rows s JOIN progress_updates u ON \(condition) ORDER BY s.seq, u.id DESC LIMIT 1", [],
            { (try $0["seq"] as Int, try $0["id"] as Int64) })
        {
            throw TrackerError(.file, "\(displayName): row \(twin.0) repeats update \(twin.1), recorded less than \(ProgressLog.repeatWindowMinutes) minutes ago; nothing was written (pass --allow-duplicate to import it anyway)")
        }
    }

    /// Refuses a file whose bytes were imported before.
    func refuseRepeat(_ sha256: String, displayName: String) throws {
        let earlier = try log.db.fetchOne(
            "SELECT file_name, imported_at, rows FROM imported_files WHERE sha256 = ? ORDER BY id LIMIT 1", [sha256]
        ) { (try $0["file_name"] as String, try $0["imported_at"] as String, try $0["rows"] as Int) }
        if let (name, at, rows) = earlier {
            throw TrackerError(.file, "\(displayName): this file (SHA-256 \(sha256.prefix(12))…) was already imported as \(name) at \(at), \(rows) update\(rows == 1 ? "" : "s"); nothing was written (pass --again to import it once more)")
        }
    }

    static func fileSHA256(_ path: String, displayName: String) throws -> String {
        guard let file = fopen(path, "rb") else {
            throw TrackerError(.file, "\(displayName): cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var hash = SHA256Stream()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count > 0 { buffer.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) } }
            if count < buffer.count {
                if ferror(file) != 0 { throw TrackerError(.file, "\(displayName): cannot open \(path): \(String(cString: strerror(errno)))") }
                break
            }
        }
        return SHA256.hex(hash.finalize())
    }

    private func validate(path: String, displayName: String, stage: Bool) throws -> Int {
        let reader: CSVReader
        do { reader = try CSVReader(path: path) } catch let error as CSVError {
            throw TrackerError(.file, "\(displayName): \(error.message)")
        }
        var problems: [String] = []
        var total = 0
        func report(_ line: Int, _ column: String, _ message: String) {
            total += 1
            if problems.count < Self.maximumReportedProblems {
                problems.append("\(displayName):\(line): \(column): \(message)")
            }
        }

        guard let header = try nextRecord(reader, displayName: displayName) else {
            throw TrackerError(.file, "\(displayName): empty file; \(Self.expectedHeader)")
        }
        var index: [String: Int] = [:]
        for (position, name) in header.fields.enumerated() {
            let name = name.trimmingSpaces
            guard Self.required.contains(name) || Self.optional.contains(name) else {
                throw TrackerError(.file, "\(displayName):\(header.line): header: unknown column '\(Escaped.text(name))' (\(Self.expectedHeader))")
            }
            guard index[name] == nil else { throw TrackerError(.file, "\(displayName):\(header.line): header: column '\(Escaped.text(name))' appears twice") }
            index[name] = position
        }
        for name in Self.requiredColumns where index[name] == nil {
            throw TrackerError(.file, "\(displayName):\(header.line): header: missing column '\(name)' (\(Self.expectedHeader))")
        }

        let db = log.db
        let actionIDs = Dictionary(uniqueKeysWithValues: try db.fetchAll(
            "SELECT number, id FROM actions WHERE plan_id = ?", [log.plan.id]) { (try $0["number"] as Int, try $0["id"] as Int64) })
        var commitmentIDs: [String: (id: Int64, actionID: Int64)] = [:]
        try db.forEachRow(
            "SELECT c.slug, c.id, c.action_id FROM commitments c JOIN actions a ON a.id = c.action_id WHERE a.plan_id = ?",
            [log.plan.id]) { commitmentIDs[try $0["slug"]] = (try $0["id"], try $0["action_id"]) }
        let today = ISODate.today()
        let insert = try stage ? db.cachedStatement("""
            INSERT INTO import_staging.rows
                (action_id, commitment_id, reported_on, status, percent, note, evidence_url, author)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """) : nil
        let width = header.fields.count
        let (actionColumn, dateColumn, statusColumn, noteColumn) =
            (index["action"]!, index["reported_on"]!, index["status"]!, index["note"]!)
        var rows = 0

        while true {
            let record: CSVRecord
            do {
                guard let next = try reader.next() else { break }
                record = next
            } catch let error as CSVError {
                // The reader cannot resynchronise after a syntax error: report it and stop there.
                report(error.line, "csv", error.message)
                break
            }
            let fields = record.fields
            if fields.count == 1, fields[0].isEmpty { continue }  // blank line
            guard fields.count == width else {
                report(record.line, "line", "has \(fields.count) fields; the header has \(width)")
                continue
            }
            let before = total
            var actionID: Int64?
            do {
                let number = try FieldParser.actionNumber(fields[actionColumn])
                actionID = actionIDs[number]
                if actionID == nil {
                    report(record.line, "action", "action \(number) does not exist in plan \(log.plan.slug) (it has actions 1–\(actionIDs.count))")
                }
            } catch { report(record.line, "action", error.message) }
            var reportedOn: ISODate?
            do {
                let date = try FieldParser.date(fields[dateColumn])
                try log.checkReportDate(date, today: today)
                reportedOn = date
            } catch { report(record.line, "reported_on", error.message) }
            var status: Status?
            do { status = try FieldParser.status(fields[statusColumn]) } catch { report(record.line, "status", error.message) }
            var note: String?
            do { note = try FieldParser.note(fields[noteColumn]) } catch { report(record.line, "note", error.message) }
            var evidence: String?
            if let column = index["evidence_url"], !fields[column].isEmpty {
                do { evidence = try FieldParser.evidenceURL(fields[column]) } catch { report(record.line, "evidence_url", error.message) }
            }
            var author: String?
            if let column = index["author"], !fields[column].isEmpty {
                do { author = try FieldParser.line(fields[column], what: "author") } catch { report(record.line, "author", error.message) }
            }
            var percent: Double?
            if let column = index["percent"], !fields[column].isEmpty {
                do { percent = try FieldParser.percent(fields[column]) } catch { report(record.line, "percent", error.message) }
            }
            var commitmentID: Int64?
            // Only against a known action: a bad action number is one problem, not two.
            if let column = index["commitment"], !fields[column].isEmpty, let actionID {
                if let found = commitmentIDs[fields[column]], found.actionID == actionID {
                    commitmentID = found.id
                } else {
                    report(record.line, "commitment", "no commitment '\(fields[column])' on this action")
                }
            }
            guard total == before, let actionID, reportedOn != nil, let status, let note else { continue }
            rows += 1
            // After the first problem (or in a dry run) keep validating but stop writing.
            guard stage, total == 0 else { continue }
            // Values built directly, not through `any DatabaseValueConvertible`. The date is bound as
            // written: `ISODate` accepts only YYYY-MM-DD, which is what `description` would give.
            try insert?.run(.positional([
                .integer(actionID), commitmentID.map(DatabaseValue.integer) ?? .null, .text(fields[dateColumn]),
                .text(status.rawValue), percent.map(DatabaseValue.real) ?? .null, .text(note),
                evidence.map(DatabaseValue.text) ?? .null, author.map(DatabaseValue.text) ?? .null,
            ]))
        }
        if total > 0 { throw Failure(problems: problems, total: total) }
        return rows
    }

    private func nextRecord(_ reader: CSVReader, displayName: String) throws -> CSVRecord? {
        do { return try reader.next() } catch let error as CSVError {
            throw TrackerError(.file, "\(displayName):\(error.line): \(error.message)")
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
