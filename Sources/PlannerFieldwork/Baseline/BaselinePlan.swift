import PlannerCore

/// A hand-made-style fieldwork plan (`ManualBaseline`): the yardstick the optimised plan's travel is measured
/// against, never a plan to publish.
///
/// Collections are sorted like `FieldworkPlan`'s: routes by enumerator and date, visits by enumerator, date and
/// visit order, unscheduled unit IDs as text.
public struct BaselinePlan: Sendable {
    public var routes: [DayRoute]
    public var visits: [VisitAssignment]
    /// Units no day of their district's staff could take.
    public var unscheduledUnitIDs: [String]

    public init(routes: [DayRoute], visits: [VisitAssignment], unscheduledUnitIDs: [String]) {
        self.routes = routes
        self.visits = visits
        self.unscheduledUnitIDs = unscheduledUnitIDs
    }

    /// Every unit has a visit.
    public var isComplete: Bool { unscheduledUnitIDs.isEmpty }

    /// Road travel of all routes (base → sites → base), priced like an optimised plan's `PlanTotals.travelMinutes`.
    public var travelMinutes: Double { routes.reduce(0) { $0 + $1.travelMinutes } }

    public var enumeratorDays: Int { routes.count }
}
