/// A re-plan: the new plan from the as-of date and what it changed.
public struct ReplanResult: Sendable {
    /// Visits and routes from the as-of date on; unscheduled units make it incomplete.
    public var plan: FieldworkPlan
    public var changes: PlanChanges
    /// Day-trips of the previous plan still possible, and how many the new solution keeps.
    public var previousTripsKept: Int
    public var previousTrips: Int

    /// Public so that `planner verify` can gather a re-plan from its folder and render its reports again.
    public init(plan: FieldworkPlan, changes: PlanChanges, previousTripsKept: Int, previousTrips: Int) {
        self.plan = plan
        self.changes = changes
        self.previousTripsKept = previousTripsKept
        self.previousTrips = previousTrips
    }
}
