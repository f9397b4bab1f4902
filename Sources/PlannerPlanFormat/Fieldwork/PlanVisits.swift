import PlannerCore
import PlannerFieldwork

/// A plan's `assignments.csv` read back: the planned visits and, for a re-planned plan, the recorded history.
public struct PlanVisits: Sendable, Hashable {
    /// Rows with no status or status `planned`, by enumerator, date, visit order.
    public var planned: [VisitAssignment]
    /// Rows with a recorded status, in history order.
    public var history: [RecordedVisit]

    public init(planned: [VisitAssignment], history: [RecordedVisit]) {
        self.planned = planned
        self.history = history
    }
}
