import Foundation
import PropertyBased
import Presentation
import Storage
import Testing

@testable import Tracker

/// Random histories — sessions out of order, multi-day sessions, corrections, withdrawals,
/// actuals, progress updates — and, over a grid of as-of dates, one number for every figure:
/// `action list`, `milestone list` and `commitment list` as JSON from the built binary, the web
/// API, the brief, the dashboard's data and the SQL views agree with each other and with a model
/// of the rules kept here in a few lines (so the test checks the rules, not only that one query
/// is read five ways).
@Suite struct FiguresAgreeTests {
    static let grid = ["2025-02-15", "2025-06-30", "2025-12-31", "2026-02-01"]
    static let target = 6

    @Test func everyFigureAgreesOnEveryDate() async throws {
        // Four histories of 4 to 14 steps, about 2 s each in a debug build, most of it starting
        // programs: the command line at two dates of the grid per history, the server once, one curl.
        await propertyCheck(count: 4, input: Gen.int(in: 0...999_999).array(of: 4...14)) { steps in
            try await Self.check(steps)
        }
    }

    /// What the history did, for the model.
    struct Model {
        struct Session { var id: Int64; var start: ISODate; var supersededBy: Int64?; var withdrawnOn: ISODate? }
        struct Update { var id: Int64; var action: Int; var reportedOn: ISODate; var status: Status; var supersedes: Int64?; var supersededBy: Int64? }
        struct Actual { var id: Int64; var on: ISODate; var value: Double; var supersededBy: Int64? }
        var sessions: [Session] = []
        var updates: [Update] = []
        var actuals: [Actual] = []

        func done(asOf date: ISODate) -> Int {
            sessions.filter { $0.start <= date && $0.supersededBy == nil && !($0.withdrawnOn.map { $0 <= date } ?? false) }.count
        }

        /// (status, updates in force) of action `number` as of `date`.
        func action(_ number: Int, asOf date: ISODate) -> (Status, Int) {
            let inForce = updates.filter { update in
                update.action == number && update.reportedOn <= date
                    && !updates.contains { $0.supersedes == update.id && $0.reportedOn <= date }
            }
            let latest = inForce.max { ($0.reportedOn, $0.id) < ($1.reportedOn, $1.id) }
            return (latest?.status ?? .notStarted, inForce.count)
        }

        func actual(asOf date: ISODate) -> Double? {
            actuals.filter { $0.on <= date && $0.supersededBy == nil }.max { ($0.on, $0.id) < ($1.on, $1.id) }?.value
        }
    }

    static func day(_ offset: Int) -> ISODate { ISODate("2024-10-01")!.adding(days: offset) }

    static func check(_ steps: [Int]) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plantrack-pbt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("pbt.db").path
        var model = Model()
        do {
            let tracker = try TrackerDatabase(path: path, access: .create)
            try TrackerDatabase.migrator().migrate(tracker.db)
            let db = tracker.db
            try db.execute("INSERT INTO documents (slug, title, sha256, body) VALUES ('doc', 'Doc', 'x', 'body')")
            try db.execute("INSERT INTO plans (slug, title, proposed_on) VALUES ('test-plan', 'Test plan', '2024-09-25')")
            for number in 1...3 {
                try db.execute("INSERT INTO actions (plan_id, number, title, body) VALUES (1, ?, ?, 'text')", [number, "Action \(number)"])
            }
            try db.execute("INSERT INTO commitments (plan_id, action_id, slug, body, target_value, due_on) VALUES (1, 2, 'sessions', 'sessions', ?, '2025-12-31')", [target])
            try db.execute("INSERT INTO milestones (commitment_id, slug, title, target_count, due_on) VALUES (1, 'sessions-2025', 'Sessions', ?, '2025-12-31')", [target])
            _ = try tracker.addCommitment(AddCommitmentRequest(slug: "labs", body: "labs", target: Quantity(value: 20), dueOn: "2025-12-31"))
            for (index, value) in steps.enumerated() {
                let rest = value / 7
                switch value % 7 {
                case 0:
                    let start = day(rest % 440)
                    let end = (rest / 440) % 3 == 0 ? start.adding(days: 1 + rest % 9) : nil
                    let id = try tracker.addTraining(AddTrainingRequest(
                        session: TrainingSession(title: "S\(index)", startedOn: start, endedOn: end, location: "Beijing"), author: "p"))
                    model.sessions.append(.init(id: id, start: start))
                case 1:
                    let open = model.sessions.indices.filter { model.sessions[$0].supersededBy == nil && model.sessions[$0].withdrawnOn == nil }
                    guard !open.isEmpty else { continue }
                    let chosen = open[rest % open.count]
                    let start = day((rest / 7) % 440)
                    let id = try tracker.correctTraining(CorrectTrainingRequest(id: model.sessions[chosen].id, startedOn: start, endedOn: start, author: "q"))
                    model.sessions[chosen].supersededBy = id
                    model.sessions.append(.init(id: id, start: start))
                case 2:
                    let open = model.sessions.indices.filter { model.sessions[$0].supersededBy == nil && model.sessions[$0].withdrawnOn == nil }
                    guard !open.isEmpty else { continue }
                    let chosen = open[rest % open.count]
                    let date = model.sessions[chosen].start.adding(days: (rest / 11) % 200)
                    _ = try tracker.withdrawTraining(WithdrawTrainingRequest(id: model.sessions[chosen].id, reason: "r", withdrawnOn: date, author: "w"))
                    model.sessions[chosen].withdrawnOn = date
                case 3:
                    let action = rest % 2 == 0 ? 1 : 3
                    let date = day((rest / 2) % 440)
                    let status = Status.allCases[(rest / 880) % Status.allCases.count]
                    let id = try tracker.addProgress(AddProgressRequest(action: .number(action), note: "n\(index)", status: status, reportedOn: date, author: "p"))
                    model.updates.append(.init(id: id, action: action, reportedOn: date, status: status))
                case 4:
                    let open = model.updates.indices.filter { model.updates[$0].supersededBy == nil }
                    guard !open.isEmpty else { continue }
                    let chosen = open[rest % open.count]
                    let date = day((rest / 3) % 440)
                    let status = Status.allCases[(rest / 1320) % Status.allCases.count]
                    let id = try tracker.correctProgress(CorrectProgressRequest(
                        update: model.updates[chosen].id, changes: ProgressCorrection(status: status, reportedOn: date, author: "c")))
                    model.updates[chosen].supersededBy = id
                    model.updates.append(.init(id: id, action: model.updates[chosen].action, reportedOn: date, status: status, supersedes: model.updates[chosen].id))
                case 5:
                    let date = day((rest / 25) % 440)
                    let id = try tracker.recordActual(RecordActualRequest(commitment: "labs", value: Quantity(value: Double(rest % 25)), measuredOn: date, author: "a"))
                    model.actuals.append(.init(id: id, on: date, value: Double(rest % 25)))
                default:
                    // A correction replaces the value at every date, and may move it to another date.
                    let open = model.actuals.indices.filter { model.actuals[$0].supersededBy == nil }
                    guard !open.isEmpty else { continue }
                    let chosen = open[rest % open.count]
                    let date = day((rest / 13) % 440), corrected = Double((rest / 7) % 25)
                    let id = try tracker.correctActual(CorrectActualRequest(
                        id: model.actuals[chosen].id, value: Quantity(value: corrected), measuredOn: date, author: "k"))
                    model.actuals[chosen].supersededBy = id
                    model.actuals.append(.init(id: id, on: date, value: corrected))
                }
            }
        }

        let tracker = try TrackerDatabase(path: path, access: .readOnly)
        // The web API of the real server (`plantrack serve`), over HTTP.
        let server = try Server(database: path)
        defer { server.stop() }
        let keys = grid.flatMap { date in ["actions", "milestones", "commitments"].map { "\($0) \(date)" } }
        let bodies = try server.get(keys.map { key in
            let parts = key.split(separator: " ")
            return "/api/\(parts[0])?as_of=\(parts[1])"
        })
        let api = Dictionary(uniqueKeysWithValues: zip(keys, bodies))

        for text in grid {
            let date = ISODate(text)!
            let done = model.done(asOf: date)
            let percent = done == 0 ? nil : min(100, (Double(done) * 1000 / Double(target)).rounded() / 10)

            // The SQL views, in their as-of form.
            let view = try tracker.db.fetchAll(
                "SELECT number, status, updates, percent FROM (\(try AsOfQuery.sql(ofView: "action_status", in: tracker.db))) ORDER BY number",
                ["as_of": text]) { row in "\(try row["number"] as Int)|\(try row["status"] as String)|\(try row["updates"] as Int)|\(Self.number(try row["percent"] as Double?))" }
            let milestoneView = try tracker.db.fetchOne(
                "SELECT done FROM (\(try AsOfQuery.sql(ofView: "milestone_progress", in: tracker.db)))", ["as_of": text]) { try $0["done"] as Int }
            let labsView = try tracker.db.fetchOne(
                "SELECT actual FROM (\(try AsOfQuery.sql(ofView: "commitment_progress", in: tracker.db))) WHERE slug = 'labs'", ["as_of": text]) { try $0["actual"] as Double? }

            // The model.
            let (status1, updates1) = model.action(1, asOf: date)
            let (status3, updates3) = model.action(3, asOf: date)
            let status2: Status = done == 0 ? .notStarted : done >= target ? .completed : .inProgress
            #expect(view.map { $0.split(separator: "|").prefix(3).joined(separator: "|") }
                    == ["1|\(status1.rawValue)|\(updates1)", "2|\(status2.rawValue)|\(done)", "3|\(status3.rawValue)|\(updates3)"],
                    "as of \(text): \(steps)")
            #expect(view[1].hasSuffix("|\(Self.number(percent))"), "action 2's percent is the milestone's, as of \(text): \(steps)")
            #expect(milestoneView == done, "as of \(text): \(steps)")
            #expect(labsView == model.actual(asOf: date), "as of \(text): \(steps)")
            // The recorded values in force (the published site lists these) lead to the same actual.
            #expect(try tracker.actualsInForce(asOf: date).first { $0.commitment == "labs" }?.value == model.actual(asOf: date),
                    "as of \(text): \(steps)")

            // The command line, as JSON, at two dates of the grid (which two varies with the history).
            if (grid.firstIndex(of: text)! + steps.count) % 2 == 0 {
            let actions = try Self.cli(path, ["action", "list", "--as-of", text, "--format", "json"])
            #expect(actions.map { "\($0["number"]!)|\($0["status"]!)|\($0["updates"]!)|\(Self.number($0["percent"] as? Double))" } == view)
            let milestones = try Self.cli(path, ["milestone", "list", "--as-of", text, "--format", "json"])
            #expect(milestones.map { $0["done"] as? Int } == [done])
            let commitments = try Self.cli(path, ["commitment", "list", "--as-of", text, "--format", "json"])
            #expect(commitments.first { $0["slug"] as? String == "labs" }?["actual"] as? Double == model.actual(asOf: date))
            #expect(commitments.first { $0["slug"] as? String == "sessions" }?["actual"] as? Double == Double(done))
            }

            // The web API: the same keys and values as the command line.
            #expect(try Self.rows(api["actions \(text)"] ?? "") .map { "\($0["number"]!)|\($0["status"]!)|\($0["updates"]!)|\(Self.number($0["percent"] as? Double))" } == view)
            #expect(try Self.rows(api["milestones \(text)"] ?? "").map { $0["done"] as? Int } == [done])
            #expect(try Self.rows(api["commitments \(text)"] ?? "").first { $0["slug"] as? String == "labs" }?["actual"] as? Double == model.actual(asOf: date))

            // The dashboard's data and the brief.
            let dashboard = try tracker.dashboard(asOf: date)
            #expect(dashboard.actions.map { "\($0.number)|\($0.status.rawValue)|\($0.updates)|\(Self.number($0.percent))" } == view)
            #expect(dashboard.milestones.map(\.done) == [done])
            #expect(dashboard.milestones.first?.sessions.filter { $0.countsAs != nil }.count == done)
            #expect(dashboard.targets.first { $0.slug == "labs" }?.actual == model.actual(asOf: date))
            let brief = try tracker.brief(plan: nil, asOf: date, since: nil)
            #expect(brief.data.actions.map(\.percent) == dashboard.actions.map(\.percent))
            #expect(brief.render(as: .markdown, language: .en).contains("Sessions: \(done) of \(target) ("))
        }
    }

    /// `plantrack serve --public --port 0` on the database; `get` fetches a path with curl.
    final class Server {
        let process = Process()
        let port: String

        init(database: String) throws {
            process.executableURL = URL(fileURLWithPath: FiguresAgreeTests.binary)
            process.arguments = ["serve", "--db", database, "--port", "0", "--public"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // "plantrack serving DB on http://127.0.0.1:PORT/", flushed as soon as it listens.
            var line = ""
            while !line.contains("\n") {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                line += String(decoding: data, as: UTF8.self)
            }
            guard let range = line.range(of: #"127\.0\.0\.1:(\d+)/"#, options: .regularExpression) else {
                process.terminate()
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "server did not start: \(line)"])
            }
            port = String(line[range].dropFirst("127.0.0.1:".count).dropLast())
        }

        /// The bodies of GET `paths`, in order, from one curl (one process, one connection).
        func get(_ paths: [String]) throws -> [String] {
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-sS", "--fail", "-w", "\u{1E}"] + paths.map { "http://127.0.0.1:\(port)\($0)" }
            let output = Pipe()
            curl.standardOutput = output
            try curl.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            curl.waitUntilExit()
            #expect(curl.terminationStatus == 0, "GET \(paths)")
            let bodies = String(decoding: data, as: UTF8.self).split(separator: "\u{1E}", omittingEmptySubsequences: false).dropLast().map(String.init)
            #expect(bodies.count == paths.count)
            return bodies
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }
    }

    static let binary: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return ProcessInfo.processInfo.environment["PLANTRACK_BIN"].flatMap { $0.isEmpty ? nil : $0 }
            ?? root.appendingPathComponent(".build/debug/plantrack").path
    }()

    static func number(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "-" }

    static func rows(_ json: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    }

    /// The built binary (`$PLANTRACK_BIN`, else the debug build), its JSON output parsed.
    static func cli(_ database: String, _ arguments: [String]) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--db", database] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "plantrack \(arguments.joined(separator: " "))")
        return try rows(String(decoding: data, as: UTF8.self))
    }
}
