/// The dates a fact may carry — one rule for updates, sessions, withdrawals, actuals and indicator
/// values: none after today (a fact is recorded once it has happened) and, for a fact that counts
/// toward a plan, none before the plan was proposed. `proposedOn` is nil for facts that may
/// predate the plan (a baseline session, an indicator's earlier value) and for a plan published
/// with only a month or a year.
public struct DateWindow: Sendable {
    public let today: ISODate
    public let proposedOn: ISODate?

    public init(today: ISODate = .today(), proposedOn: ISODate?) {
        self.today = today
        self.proposedOn = proposedOn
    }

    public func check(_ date: ISODate) throws(FieldProblem) {
        if date > today { throw FieldProblem("\(date) is in the future (today is \(today))") }
        if let proposedOn, date < proposedOn {
            throw FieldProblem("\(date) is before the plan was proposed (\(proposedOn))")
        }
    }

    /// `check`, its refusal naming the field the date came from.
    public func check(_ date: ISODate, field: TrackerError.Field) throws(TrackerError) {
        do { try check(date) } catch { throw error.at(field) }
    }
}
