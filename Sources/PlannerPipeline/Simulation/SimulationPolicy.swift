/// How the evening's changes are handled.
public enum SimulationPolicy: String, Hashable, Sendable, CaseIterable {
    /// `ReplanStage`: the solver over the remaining work from the current plan.
    case replan
    /// `NaiveReassignment`: a dropped enumerator's visits to the nearest colleague of the post office.
    case naive
}
