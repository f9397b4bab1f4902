import PlannerCore

/// A visit that happened, with its outcome: one row of `progress.csv`, frozen history for a re-plan.
public struct RecordedVisit: Hashable, Sendable, Codable {
    public var unitID: String
    public var date: CalendarDate
    public var enumeratorID: EnumeratorID
    public var status: VisitStatus

    public init(unitID: String, date: CalendarDate, enumeratorID: EnumeratorID, status: VisitStatus) {
        self.unitID = unitID
        self.date = date
        self.enumeratorID = enumeratorID
        self.status = status
    }

    /// History order: date, enumerator, unit.
    public static func historyOrder(_ lhs: RecordedVisit, _ rhs: RecordedVisit) -> Bool {
        (lhs.date, lhs.enumeratorID, lhs.unitID) < (rhs.date, rhs.enumeratorID, rhs.unitID)
    }
}
