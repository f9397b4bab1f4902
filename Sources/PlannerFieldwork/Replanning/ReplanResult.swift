/// A re-plan: the new plan from the as-of date and what it changed.
public struct ReplanResult: Sendable {
    /// Visits and routes from the as-of date on; unscheduled units make it incomplete.
    public var plan: FieldworkPlan
    public var changes: PlanChanges
    /// Day-trips of the previous plan still possible, and how many the new routes keep (counted on the visits).
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

extension ReplanResult {
    /// A re-plan's result from its plan: the changes against the previous plan's visits from the as-of date, and
    /// how many of the previous day-trips (per option) the new routes keep — counted on the printed visits as the
    /// previous ones are (`Replanner.previousTrips`), so that day patterns and routes planned after the solve count
    /// alike (before, only the solution's one-site trips were counted).
    init(plan: FieldworkPlan, request: ReplanRequest, instance: AssignmentInstance, previousTrips: [Int]) {
        let previousFuture = request.previousVisits.filter { $0.date >= request.asOf }
        let newTrips = Replanner.previousTrips(instance: instance, visits: plan.visits)
        self.init(plan: plan, changes: PlanChanges(previous: previousFuture, new: plan.visits),
                  previousTripsKept: zip(previousTrips, newTrips).reduce(0) { $0 + min($1.0, $1.1) },
                  previousTrips: previousTrips.reduce(0, +))
    }
}
