import PlannerOptimization

/// The fieldwork plan: who visits which unit on which day, in what order, and how it was solved.
///
/// A plan with unscheduled units is incomplete: it carries a diagnosis and must not be published as complete.
/// Every collection is sorted (visits and routes by enumerator, date and order; IDs as text).
public struct FieldworkPlan: Sendable {
    /// Sorted by enumerator, date, visit order.
    public var visits: [VisitAssignment]
    /// Sorted by enumerator, date.
    public var routes: [DayRoute]
    /// Units no day-trip reached (sorted).
    public var unscheduledUnitIDs: [String]
    public var solver: SolverStatistics
    /// The exported model: the aggregated day-trip MIP exactly as the solver received it.
    public var model: MIPModel
    public var totals: PlanTotals
    /// Present exactly when the plan is incomplete.
    public var diagnosis: ShortfallDiagnosis?

    public init(visits: [VisitAssignment], routes: [DayRoute], unscheduledUnitIDs: [String], solver: SolverStatistics,
                model: MIPModel, totals: PlanTotals, diagnosis: ShortfallDiagnosis?) {
        self.visits = visits
        self.routes = routes
        self.unscheduledUnitIDs = unscheduledUnitIDs
        self.solver = solver
        self.model = model
        self.totals = totals
        self.diagnosis = diagnosis
    }

    /// Every unit has a visit.
    public var isComplete: Bool { unscheduledUnitIDs.isEmpty }
}
