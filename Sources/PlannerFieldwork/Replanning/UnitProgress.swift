import PlannerCore

/// Where one unit of the plan stands after its recorded visits.
public struct UnitProgress: Hashable, Sendable {
    public enum State: Hashable, Sendable {
        /// Interviewed: done for good.
        case completed(CalendarDate)
        /// Lost: refused, not found or closed, or not met in `max_attempts` visits; releases a reserve.
        case nonresponse(reason: String, date: CalendarDate)
        /// Still to visit (again): `attempts` visits so far without an interview.
        case pending(attempts: Int)
    }

    public var unitID: String
    public var state: State

    public init(unitID: String, state: State) {
        self.unitID = unitID
        self.state = state
    }

    /// Applies the rules of docs/replanning.md to a unit's recorded visits: a completed visit wins; a refusal,
    /// `not_found` or `closed` ends the unit; `not_at_home` and `postponed` count as attempts until
    /// `maxAttempts`, after which the unit is a nonrespondent (reason `not_at_home` or `postponed` as the last
    /// attempt was recorded).
    public init(unitID: String, visits: [RecordedVisit], maxAttempts: Int) {
        self.unitID = unitID
        let ordered = visits.sorted(by: RecordedVisit.historyOrder)
        if let done = ordered.first(where: { $0.status == .completed }) {
            state = .completed(done.date)
            return
        }
        if let lost = ordered.first(where: { $0.status.endsInNonresponse }) {
            state = .nonresponse(reason: lost.status.rawValue, date: lost.date)
            return
        }
        let attempts = ordered.filter { $0.status.asksForAnotherVisit }
        if attempts.count >= maxAttempts, let last = attempts.last {
            state = .nonresponse(reason: "\(last.status.rawValue) (\(attempts.count) visits)", date: last.date)
        } else {
            state = .pending(attempts: attempts.count)
        }
    }

    /// `completed`, `nonresponse` or `pending`, as files show it.
    public var stateName: String {
        switch state {
        case .completed: return "completed"
        case .nonresponse: return "nonresponse"
        case .pending: return "pending"
        }
    }

    public var isNonresponse: Bool {
        if case .nonresponse = state { return true }
        return false
    }

    public var isPending: Bool {
        if case .pending = state { return true }
        return false
    }
}
