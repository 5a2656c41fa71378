import Storage

/// Bulk-loads progress updates from CSV, all or nothing.
///
/// One pass over the file inside one transaction: rows are validated and inserted as they
/// stream by, so memory stays flat however large the file; any bad line rolls everything back.
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
    /// The caller wraps this in a transaction, which a thrown `Failure` rolls back.
    func run(path: String, displayName: String, dryRun: Bool) throws -> Int {
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
            "SELECT number, id FROM actions WHERE plan_id = ?", [log.plan.id]) { ($0.int(at: 0), $0.int64(at: 1)) })
        var commitmentIDs: [String: (id: Int64, actionID: Int64)] = [:]
        try db.forEachRow(
            "SELECT c.slug, c.id, c.action_id FROM commitments c JOIN actions a ON a.id = c.action_id WHERE a.plan_id = ?",
            [log.plan.id]) { commitmentIDs[$0.string(at: 0)] = ($0.int64(at: 1), $0.int64(at: 2)) }
        let today = ISODate.today()
        let insert = try db.cachedStatement(ProgressLog.insertSQL)
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
            let author = index["author"].map { fields[$0] }.flatMap { $0.isEmpty ? nil : $0 }
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
            guard total == before, let actionID, let reportedOn, let status, let note else { continue }
            rows += 1
            // After the first problem (or in a dry run) keep validating but stop writing.
            guard !dryRun, total == 0 else { continue }
            try insert.run([actionID, commitmentID, reportedOn.description, status.rawValue, percent, note, evidence, author, nil as Int64?])
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
