import Storage
import Testing

@testable import Tracker

/// The rules that are checks rather than figures each have one home: the date window
/// (`DateWindow`) for every kind of fact, the link rule (`WebLink`) for every page and for what is
/// accepted as evidence, and a stored value read strictly (no quiet default for what the database
/// should not hold). The plan of TrackerFixture was proposed 2024-09-25.
@Suite struct OneHomeTests {
    let fixture: TrackerFixture
    var tracker: TrackerDatabase { fixture.tracker }

    init() throws { fixture = try TrackerFixture(target: 10) }

    static let today = ISODate.today()
    static var tomorrow: ISODate { today.adding(days: 1) }

    @Test func everyKindOfFactMeetsTheSameDateWindow() throws {
        let future = "\(Self.tomorrow) is in the future (today is \(Self.today))"
        let early = "2024-09-24 is before the plan was proposed (2024-09-25)"
        func refusal(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch let error as TrackerError { return error.message } catch { return "\(error)" }
        }
        // A progress update, a session, a recorded value: after today, and before the plan.
        #expect(refusal { _ = try tracker.addProgress(AddProgressRequest(action: .number(1), note: "n", reportedOn: Self.tomorrow, author: "a")) } == future)
        #expect(refusal { _ = try tracker.addProgress(AddProgressRequest(action: .number(1), note: "n", reportedOn: ISODate("2024-09-24")!, author: "a")) } == early)
        #expect(refusal { try fixture.session(on: Self.tomorrow.description) } == future)
        #expect(refusal { try fixture.session(on: "2024-09-24") } == early)
        _ = try tracker.addCommitment(AddCommitmentRequest(slug: "labs", body: "labs", target: Quantity(value: 20), dueOn: "2025-12-31"))
        #expect(refusal { _ = try tracker.recordActual(RecordActualRequest(commitment: "labs", value: Quantity(value: 1), measuredOn: Self.tomorrow, author: "a")) } == future)
        #expect(refusal { _ = try tracker.recordActual(RecordActualRequest(commitment: "labs", value: Quantity(value: 1), measuredOn: ISODate("2024-09-24")!, author: "a")) } == early)
        // A baseline session may predate the plan; a withdrawal may not be dated after today.
        try fixture.session(on: "2024-06-01", baseline: true)
        try fixture.session(on: "2025-03-01")
        let session = Int64(try #require(try fixture.db.scalarInt("SELECT max(id) FROM training_sessions")))
        #expect(refusal { _ = try tracker.withdrawTraining(WithdrawTrainingRequest(id: session, reason: "r", withdrawnOn: Self.tomorrow, author: "a")) } == future)
        // The rule itself.
        #expect(throws: FieldProblem(future)) { try DateWindow(today: Self.today, proposedOn: nil).check(Self.tomorrow) }
        #expect(throws: Never.self) { try DateWindow(today: Self.today, proposedOn: nil).check(ISODate("1999-01-01")!) }
    }

    /// A plan dated only by month has no day to bound the window; text that is no date at all is
    /// damage, reported, not read as "no date".
    @Test func aPlansDateIsReadStrictly() throws {
        try fixture.db.execute("UPDATE plans SET proposed_on = '2024-09'")
        #expect(try PlanScope.resolve(nil, in: fixture.db).proposedOn == nil)
        _ = try tracker.addProgress(AddProgressRequest(action: .number(1), note: "n", reportedOn: ISODate("2024-01-01")!, author: "a"))
        try fixture.db.execute("UPDATE plans SET proposed_on = '2024'")
        #expect(try PlanScope.resolve(nil, in: fixture.db).proposedOn == nil)
        try fixture.db.execute("UPDATE plans SET proposed_on = '2024-13'")
        #expect(throws: TrackerError("the database holds '2024-13' where a date belongs (proposed_on); run `plantrack verify`")) {
            _ = try PlanScope.resolve(nil, in: fixture.db)
        }
        try fixture.db.execute("UPDATE plans SET proposed_on = 'soon'")
        #expect(throws: TrackerError("the database holds 'soon' where a date belongs (proposed_on); run `plantrack verify`")) {
            _ = try PlanScope.resolve(nil, in: fixture.db)
        }
    }

    @Test func whatLinksIsWhatIsAcceptedAsEvidence() throws {
        let links = ["https://example.org/a?b=1&c=2", "HTTP://x.org", "https://例子.中国/路径"]
        let text = ["javascript:alert(1)", "ftp://x.org", "/relative", "https://", "https://x.org/\"onmouseover",
                    "https://x.org/<script>", "https://x.org/a b", "file:///etc/passwd"]
        for url in links {
            #expect(WebLink.linkable(url) == url)
            #expect(throws: Never.self) { _ = try FieldParser.evidenceURL(url) }
        }
        for url in text {
            #expect(WebLink.linkable(url) == nil, "\(url)")
            #expect(throws: FieldProblem.self, "\(url)") { _ = try FieldParser.evidenceURL(url) }
        }
    }

    /// The values in force are one view's rows, and the target's actual is the latest of them.
    @Test func recordedValuesInForceAreTheViewsRows() throws {
        _ = try tracker.addCommitment(AddCommitmentRequest(slug: "labs", body: "labs", target: Quantity(value: 20), dueOn: "2025-12-31"))
        let first = try tracker.recordActual(RecordActualRequest(commitment: "labs", value: Quantity(value: 4), measuredOn: ISODate("2025-03-31")!, author: "a"))
        _ = try tracker.recordActual(RecordActualRequest(commitment: "labs", value: Quantity(value: 7), measuredOn: ISODate("2025-06-30")!, author: "a"))
        // Corrected to a later date: it no longer counts at the first date, nor anywhere as 4.
        let corrected = try tracker.correctActual(CorrectActualRequest(id: first, value: Quantity(value: 9), measuredOn: ISODate("2025-09-30")!, author: "b"))
        func values(_ date: String) throws -> [Double] { try tracker.actualsInForce(asOf: ISODate(date)!).map(\.value) }
        func actual(_ date: String) throws -> Double? { try tracker.commitmentProgress(asOf: ISODate(date)!).first { $0.slug == "labs" }?.actual }
        #expect(try values("2025-04-01") == [])
        #expect(try actual("2025-04-01") == nil)
        #expect(try values("2025-07-01") == [7])
        #expect(try actual("2025-07-01") == 7)
        #expect(try values("2025-10-01") == [9, 7])
        #expect(try actual("2025-10-01") == 9)
        #expect(try tracker.actualsInForce(asOf: ISODate("2025-10-01")!).first?.id == corrected)
    }

    /// A target measured by an indicator counts the indicator's dated values in force
    /// (indicator_values_in_force): a value dated only by year counts at no date, a correction
    /// replaces the value it corrects at every date.
    @Test func anIndicatorsValuesInForceAreItsTargetsPoints() throws {
        let indicator = try tracker.addIndicator(AddIndicatorRequest(name: "Joint labs", unit: "labs"))
        _ = try tracker.addCommitment(AddCommitmentRequest(slug: "joint", body: "joint labs", target: Quantity(value: 10, unit: "labs"), dueOn: "2025-12-31", indicator: indicator))
        let indicatorID = Int64(try #require(try fixture.db.scalarInt("SELECT id FROM indicators WHERE slug = ?", [indicator])))
        try fixture.db.execute("INSERT INTO indicator_values (indicator_id, value, qualifier, as_of) VALUES (?, 8, '=', '2025')", [indicatorID])
        let march = try tracker.recordIndicatorValue(RecordIndicatorValueRequest(indicator: indicator, value: Quantity(value: 3, unit: "labs"), asOf: ISODate("2025-03-31")!, author: "a"))
        _ = try tracker.correctIndicatorValue(CorrectIndicatorValueRequest(id: march, value: Quantity(value: 4, unit: "labs"), author: "b"))
        func actual(_ date: String) throws -> Double? { try tracker.commitmentProgress(asOf: ISODate(date)!).first { $0.slug == "joint" }?.actual }
        func inForce(_ date: String) throws -> [Double] {
            try fixture.db.fetchAll(
                "SELECT value FROM (\(try AsOfQuery.sql(ofView: "indicator_values_in_force", in: fixture.db))) ORDER BY measured_on, id",
                ["as_of": date]) { try $0["value"] as Double }
        }
        #expect(try inForce("2025-03-30") == [])
        #expect(try actual("2025-03-30") == nil)
        #expect(try inForce("2025-06-30") == [4])
        #expect(try actual("2025-06-30") == 4)
    }
}
